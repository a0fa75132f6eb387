"""Small counts never leave the school: cells under 5 are shown as "<5", and more cells are
hidden ("x") until no hidden cell can be worked out from its row or column and the totals.

The table is read with its totals: every row and every column, total included, is one
equation (the cells add up to the total). A reader knows a "<5" cell lies in 0..4 and an
"x" cell is 5 or more (else it would read "<5"). A hidden cell is recoverable when one of
its equations leaves it a single possible value; then the smallest shown cell of that line
is hidden too, and the lines are checked again, until none gives a cell away.

The equations can also give a cell away together where no single one does. With the totals
taken with a minus sign, every row and every column adds up to zero, so the hidden cells are
the edges of a graph between rows and columns, and the values a reader cannot tell apart
differ by moving counts around a cycle of hidden cells: up on one cell, down on the next.
A hidden cell is safe when some such cycle through it can move by one within every cell's
bounds ("<5" stays 0..4, "x" stays 5 or more); a cell on no movable cycle is given away by
the table as a whole, and the smallest shown cell that lets it move is hidden too.
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
        fixed = first_fixed_cell(values, marks)
        if fixed is None:
            break
        extra = _cell_that_frees(fixed, values, marks)
        if extra is None:
            break  # everything is hidden already
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


Node = tuple[str, int]


def first_fixed_cell(
    values: list[list[int]], marks: dict[tuple[int, int], str]
) -> tuple[int, int] | None:
    """The first hidden cell that no cycle of hidden cells can move, or None."""
    return next((cell for cell in sorted(marks) if not can_move(cell, values, marks)), None)


def can_move(
    cell: tuple[int, int], values: list[list[int]], marks: dict[tuple[int, int], str]
) -> bool:
    """Whether the printed table also fits a second set of values that differ in `cell`."""
    arcs = _arcs(values, marks)
    row, column = ("row", cell[0]), ("col", cell[1])
    rest = {arc for arc in arcs if arc[2] != cell}
    up = (row, column, cell) in arcs and _path(column, row, rest)
    return up or ((column, row, cell) in arcs and _path(row, column, rest))


def _arcs(
    values: list[list[int]], marks: dict[tuple[int, int], str]
) -> set[tuple[Node, Node, tuple[int, int]]]:
    """Row-to-column arcs for the hidden cells that can go up by one, column-to-row arcs
    for those that can go down, counted with the totals' minus sign: walking a cycle along
    the arcs changes every row and column sum by nothing."""
    height, width = len(values), len(values[0])
    found = set()
    for (r, c), mark in marks.items():
        low, high = bounds(mark)
        value = values[r][c]
        flipped = (r == height - 1) != (c == width - 1)
        up, down = value < high, value > low
        if flipped:
            up, down = down, up
        if up:
            found.add((("row", r), ("col", c), (r, c)))
        if down:
            found.add((("col", c), ("row", r), (r, c)))
    return found


def _path(start: Node, goal: Node, arcs: set[tuple[Node, Node, tuple[int, int]]]) -> bool:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for tail, head, _cell in arcs:
            if tail == node and head not in seen:
                seen.add(head)
                todo.append(head)
    return False


def _cell_that_frees(
    fixed: tuple[int, int], values: list[list[int]], marks: dict[tuple[int, int], str]
) -> tuple[int, int] | None:
    """The cheapest shown cell whose hiding lets `fixed` move; failing one, the cheapest
    shown cell of its row or column, so the next round has more to work with."""
    height, width = len(values), len(values[0])
    shown = sorted(
        ((r, c) for r in range(height) for c in range(width) if (r, c) not in marks),
        key=lambda cell: (
            cell[0] == height - 1 or cell[1] == width - 1,
            values[cell[0]][cell[1]],
        ),
    )
    for candidate in shown:
        if can_move(fixed, values, {**marks, candidate: HIDDEN}):
            return candidate
    in_its_lines = [cell for cell in shown if cell[0] == fixed[0] or cell[1] == fixed[1]]
    return (in_its_lines or shown or [None])[0]
