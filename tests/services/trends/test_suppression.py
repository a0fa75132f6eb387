"""Suppression of small counts: over random tables, no count under 5 is printed and no
hidden cell can be worked out from its row or column and the totals, nor from all the
table's equations together."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.trends.suppression import HIDDEN, SMALL, suppress, with_totals

counts = st.integers(min_value=0, max_value=4) | st.integers(min_value=0, max_value=40)
tables = st.integers(min_value=1, max_value=5).flatmap(
    lambda width: st.lists(st.lists(counts, min_size=width, max_size=width), min_size=1, max_size=6)
)
# Mostly small counts: hidden cells then form several cycles that a single one can join.
many_small = st.integers(min_value=0, max_value=4) | st.integers(min_value=0, max_value=4) | counts
crowded_tables = st.integers(min_value=2, max_value=5).flatmap(
    lambda width: st.lists(
        st.lists(many_small, min_size=width, max_size=width), min_size=2, max_size=5
    )
)


def _range(mark: str) -> range:
    return range(0, 5) if mark == SMALL else range(5, 10**6)


def _another_value_fits(line, printed, actual) -> bool:
    """Independent of the implementation: for one hidden cell of a line, find a second
    assignment that agrees with everything printed, by moving it one step and letting
    another hidden cell of the same line make up the difference."""
    hidden = [cell for cell in line if printed[cell] in (SMALL, HIDDEN)]
    total = line[-1]
    for cell in hidden:
        ok = False
        for step in (1, -1):
            moved = actual[cell] + step
            if moved not in _range(printed[cell]):
                continue
            for other in hidden:
                if other == cell:
                    continue
                # Keep the equation: a cell and the total move together, two cells apart.
                same_side = (cell == total) == (other == total)
                compensated = actual[other] - step if same_side else actual[other] + step
                if compensated in _range(printed[other]):
                    ok = True
        if not ok:
            return False
    return True


def _fixed_by_all_equations(height: int, width: int, hidden: list) -> list:
    """The hidden cells whose value every row and column equation together fixes, by exact
    linear algebra (independent of the implementation's graph): a cell is fixed when taking
    its column out of the equations' matrix lowers the rank, i.e. no solution of the
    equations on the hidden cells can move it."""
    equations = [{(r, c): -1 if c == width - 1 else 1 for c in range(width)} for r in range(height)]
    equations += [
        {(r, c): -1 if r == height - 1 else 1 for r in range(height)} for c in range(width)
    ]

    def rank(cells: list) -> int:
        matrix = [[Fraction(eq.get(cell, 0)) for cell in cells] for eq in equations]
        found = 0
        for column in range(len(cells)):
            pivot = next((i for i in range(found, len(matrix)) if matrix[i][column]), None)
            if pivot is None:
                continue
            matrix[found], matrix[pivot] = matrix[pivot], matrix[found]
            for i, row in enumerate(matrix):
                if i != found and row[column]:
                    factor = row[column] / matrix[found][column]
                    matrix[i] = [a - factor * b for a, b in zip(row, matrix[found], strict=True)]
            found += 1
        return found

    full = rank(hidden)
    return [cell for cell in hidden if rank([h for h in hidden if h != cell]) < full]


def _moves_on_a_cycle(start, height: int, width: int, printed: dict, actual: dict) -> bool:
    """Independent of the implementation: whether a second set of values fits everything
    printed and differs in `start`. Walks from `start` along its column to another hidden
    cell, then along that one's row, and so on, each step keeping its line's equation (two
    data cells move apart, a data cell and its line's total together) and every value inside
    what is printed for it, until a step in `start`'s row balances `start`'s own change."""
    hidden = {cell for cell, text in printed.items() if text in (SMALL, HIDDEN)}
    steps = 0

    def coefficient(cell, line: str) -> int:
        is_total = cell[1] == width - 1 if line == "row" else cell[0] == height - 1
        return -1 if is_total else 1

    def walk(cell, delta: int, used: frozenset, line: str, start_delta: int) -> bool:
        nonlocal steps
        steps += 1
        assert steps < 200_000, "the walk did not decide"
        closing = coefficient(cell, "row") * delta + coefficient(start, "row") * start_delta
        if line == "row" and cell[0] == start[0] and cell != start and closing == 0:
            return True
        for other in hidden - used:
            if (other[0] != cell[0]) if line == "row" else (other[1] != cell[1]):
                continue
            other_delta = -coefficient(cell, line) * delta * coefficient(other, line)
            if actual[other] + other_delta not in _range(printed[other]):
                continue
            next_line = "col" if line == "row" else "row"
            if walk(other, other_delta, used | {other}, next_line, start_delta):
                return True
        return False

    return any(
        actual[start] + d in _range(printed[start]) and walk(start, d, frozenset({start}), "col", d)
        for d in (1, -1)
    )


def _check(table) -> None:
    result = suppress(
        table, [f"r{n}" for n in range(len(table))], [f"k{n}" for n in range(len(table[0]))]
    )
    actual_rows = with_totals(table)
    height, width = len(actual_rows), len(actual_rows[0])
    printed = {(r, c): result.cells[r][c] for r in range(height) for c in range(width)}
    actual = {(r, c): actual_rows[r][c] for r in range(height) for c in range(width)}
    for cell, text in printed.items():
        if text not in (SMALL, HIDDEN):
            assert int(text) == actual[cell] >= 5
        elif text == SMALL:
            assert actual[cell] < 5
        else:
            assert actual[cell] >= 5
    every_line = [[(r, c) for c in range(width)] for r in range(height)]
    every_line += [[(r, c) for r in range(height)] for c in range(width)]
    for line in every_line:
        assert _another_value_fits(line, printed, actual), (table, result.cells, line)
    hidden = [cell for cell, text in printed.items() if text in (SMALL, HIDDEN)]
    assert _fixed_by_all_equations(height, width, hidden) == [], (table, result.cells)
    for cell in hidden:
        assert _moves_on_a_cycle(cell, height, width, printed, actual), (table, cell)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_small_count_is_printed_and_none_can_be_recovered(table) -> None:
    _check(table)


@settings(max_examples=300, deadline=None)
@given(crowded_tables)
def test_a_table_of_mostly_small_counts_gives_none_away(table) -> None:
    _check(table)


def test_two_hidden_blocks_joined_by_one_cell_do_not_give_it_away() -> None:
    # Each line keeps two hidden cells, so no row or column alone gives a cell away; but the
    # hidden cells of rows 1-2 and of rows 0/3 form two closed blocks joined only by the 0 in
    # row 1, column 3: all equations together fix it. Another cell must join the blocks.
    table = [[69, 71, 12, 0], [3, 2, 8, 0], [4, 3, 73, 74], [71, 45, 0, 4]]
    _check(table)
    result = suppress(table, list("abcd"), list("efgh"))
    assert result.cells[1][2] == HIDDEN  # the 8: the smallest shown count that joins them


def test_hidden_cells_held_in_place_by_their_bounds_get_room_to_move() -> None:
    # Column 2 reads <5, <5, x = 57: no line alone pins a cell, and the hidden cells lie on
    # cycles, but every cycle would push a 0 below zero or the 2 or the 4 out of 0..4, so
    # the table as a whole gives the counts away. More cells are hidden until one can move.
    table = [[50, 0, 44], [2, 0, 40], [4, 57, 62]]
    _check(table)


def test_a_lone_small_count_takes_a_neighbour_with_it() -> None:
    result = suppress([[3, 12, 20], [8, 9, 30]], ["2024", "2025"], ["werk", "mbo", "anders"])
    assert result.cells[0][0] == SMALL
    # Row 2024: 3 + 12 + 20 = 35 would give the 3 away; the 12 is hidden too, and so is
    # the smallest count under it, so column "werk" and "mbo" each keep two hidden.
    assert result.cells[0][1] == HIDDEN
    assert sum(text in (SMALL, HIDDEN) for text in result.cells[1]) >= 2
    assert result.row_labels[-1] == "Totaal"
