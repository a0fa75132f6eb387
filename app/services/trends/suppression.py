"""Small counts never leave the school: cells under 5 are shown as "<5", and more cells are
hidden ("x") until no hidden cell can be worked out from its row or column and the totals.

The table is read with its totals: every row and every column, total included, is one
equation (the cells add up to the total). A reader knows a "<5" cell lies in 0..4 and an
"x" cell is 5 or more (else it would read "<5"). A hidden cell is recoverable when one of
its equations leaves it a single possible value; then the smallest shown cell of that line
is hidden too, and the lines are checked again, until none gives a cell away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "x"
UNBOUNDED = 10**12


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """The table as printed: data rows then the totals row; each row ends with its total."""

    row_labels: tuple[str, ...]  # with "Totaal" last
    column_labels: tuple[str, ...]  # with "Totaal" last
    cells: tuple[tuple[str, ...], ...]


def with_totals(counts: Sequence[Sequence[int]]) -> list[list[int]]:
    """The counts with a total per row (last column) and a totals row (last row)."""
    rows = [[*row, sum(row)] for row in counts]
    width = len(rows[0]) if rows else 1
    rows.append([sum(row[c] for row in rows) for c in range(width)])
    return rows


def lines(height: int, width: int) -> list[list[tuple[int, int]]]:
    """Every equation of a table with totals: its cells, the total last."""
    found = [[(r, c) for c in range(width)] for r in range(height)]
    found += [[(r, c) for r in range(height)] for c in range(width)]
    return found


def bounds(value_hidden_as: str) -> tuple[int, int]:
    return (0, THRESHOLD - 1) if value_hidden_as == SMALL else (THRESHOLD, UNBOUNDED)


def pinned_in_line(
    line: list[tuple[int, int]], values: list[list[int]], marks: dict[tuple[int, int], str]
) -> bool:
    """Whether this equation leaves some hidden cell of it a single possible value."""
    hidden = [cell for cell in line if cell in marks]
    if not hidden:
        return False
    # Cells add up to the total: sign +1 for a cell, -1 for the total (last in the line).
    sign = {cell: (-1 if cell == line[-1] else 1) for cell in line}
    known = sum(sign[c] * values[c[0]][c[1]] for c in line if c not in marks)
    for cell in hidden:
        low, high = bounds(marks[cell])
        # sign[cell] * x = -known - sum(other signs * their values)
        rest_low = rest_high = -known
        for other in hidden:
            if other == cell:
                continue
            o_low, o_high = bounds(marks[other])
            term = (-sign[other] * o_high, -sign[other] * o_low)
            rest_low += min(term)
            rest_high += max(term)
        if sign[cell] == -1:
            rest_low, rest_high = -rest_high, -rest_low
        low, high = max(low, rest_low), min(high, rest_high)
        if low >= high:
            return True
    return False


def suppress(
    counts: Sequence[Sequence[int]],
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    total_label: str = "Totaal",
) -> SuppressedTable:
    """The table with its totals, small counts shown as "<5" and enough others as "x"."""
    values = with_totals(counts)
    height, width = len(values), len(values[0])
    marks: dict[tuple[int, int], str] = {
        (r, c): SMALL for r in range(height) for c in range(width) if values[r][c] < THRESHOLD
    }
    all_lines = lines(height, width)
    changed = True
    while changed:
        changed = False
        for line in all_lines:
            if not pinned_in_line(line, values, marks):
                continue
            shown = [cell for cell in line if cell not in marks]
            if not shown:
                continue
            # Hide the smallest shown count; a data cell before a total, which says more.
            extra = min(shown, key=lambda c: (c == line[-1], values[c[0]][c[1]]))
            marks[extra] = HIDDEN
            changed = True
    cells = tuple(
        tuple(marks.get((r, c), str(values[r][c])) for c in range(width)) for r in range(height)
    )
    return SuppressedTable((*row_labels, total_label), (*column_labels, total_label), cells)
