"""Small counts never leave the school: cells under 5 are shown as "<5", and more cells are
hidden ("x") until no hidden cell can be worked out from its row or column and the totals.

The table is read with its totals: every row and every column, total included, is one
equation (the cells add up to the total). A reader knows a "<5" cell lies in 0..4 and an
"x" cell is 5 or more (else it would read "<5"). A hidden cell is recoverable when one of
its equations leaves it a single possible value; then the smallest shown cell of that line
is hidden too, and the lines are checked again, until none gives a cell away.

The equations can also give a cell away together where no single one does. With the totals
taken with a minus sign, every row and every column adds up to zero, so the hidden cells are
the edges of a graph between rows and columns, and what the reader cannot know is exactly
what can move around a cycle of hidden cells. A hidden cell on no cycle (a bridge) is fixed
by the equations together; the smallest shown cell that joins its two sides is hidden too.
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
    while True:
        _hide_until_no_line_gives_a_cell_away(all_lines, values, marks)
        extra = cell_closing_a_bridge(height, width, values, marks)
        if extra is None:
            break
        marks[extra] = HIDDEN
    cells = tuple(
        tuple(marks.get((r, c), str(values[r][c])) for c in range(width)) for r in range(height)
    )
    return SuppressedTable((*row_labels, total_label), (*column_labels, total_label), cells)


def _hide_until_no_line_gives_a_cell_away(
    all_lines: list[list[tuple[int, int]]],
    values: list[list[int]],
    marks: dict[tuple[int, int], str],
) -> None:
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
            marks[min(shown, key=lambda c: _cost(c, values, line[-1]))] = HIDDEN
            changed = True


def _cost(cell: tuple[int, int], values: list[list[int]], total: tuple[int, int]) -> tuple:
    return (cell == total, values[cell[0]][cell[1]])


def cell_closing_a_bridge(
    height: int, width: int, values: list[list[int]], marks: dict[tuple[int, int], str]
) -> tuple[int, int] | None:
    """A shown cell to hide so that a hidden cell the equations fix together can move around
    a cycle; None when every hidden cell already lies on one."""
    hidden = set(marks)
    for bridge in sorted(hidden):
        row_side = _reachable(("row", bridge[0]), hidden - {bridge})
        if ("col", bridge[1]) in row_side:
            continue  # on a cycle: it can move
        column_side = _reachable(("col", bridge[1]), hidden - {bridge})
        # Every line of a hidden cell holds a second hidden one (else the line would have
        # pinned it), so each side has a row and a column, and a shown cell joins them.
        joining = [
            (r, c)
            for r in range(height)
            for c in range(width)
            if (r, c) not in hidden
            and (
                (("row", r) in row_side and ("col", c) in column_side)
                or (("row", r) in column_side and ("col", c) in row_side)
            )
        ]
        total_row, total_column = height - 1, width - 1
        return min(
            joining,
            key=lambda cell: (
                cell[0] == total_row or cell[1] == total_column,
                values[cell[0]][cell[1]],
            ),
        )
    return None


Node = tuple[str, int]


def _reachable(start: Node, edges: set[tuple[int, int]]) -> set[Node]:
    """The rows and columns joined to `start` through the cells in `edges`."""
    seen = {start}
    todo = [start]
    while todo:
        kind, index = todo.pop()
        for r, c in edges:
            if kind == "row" and r == index:
                neighbour: Node = ("col", c)
            elif kind == "col" and c == index:
                neighbour = ("row", r)
            else:
                continue
            if neighbour not in seen:
                seen.add(neighbour)
                todo.append(neighbour)
    return seen
