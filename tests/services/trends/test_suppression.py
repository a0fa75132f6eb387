"""Suppression of small counts: over random tables, no count under 5 is printed and no
hidden cell can be worked out from its row or column and the totals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.trends.suppression import HIDDEN, SMALL, suppress, with_totals

counts = st.integers(min_value=0, max_value=4) | st.integers(min_value=0, max_value=40)
tables = st.integers(min_value=1, max_value=5).flatmap(
    lambda width: st.lists(st.lists(counts, min_size=width, max_size=width), min_size=1, max_size=6)
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


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_small_count_is_printed_and_none_can_be_recovered(table) -> None:
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


def test_a_lone_small_count_takes_a_neighbour_with_it() -> None:
    result = suppress([[3, 12, 20], [8, 9, 30]], ["2024", "2025"], ["werk", "mbo", "anders"])
    assert result.cells[0][0] == SMALL
    # Row 2024: 3 + 12 + 20 = 35 would give the 3 away; the 12 is hidden too, and so is
    # the smallest count under it, so column "werk" and "mbo" each keep two hidden.
    assert result.cells[0][1] == HIDDEN
    assert sum(text in (SMALL, HIDDEN) for text in result.cells[1]) >= 2
    assert result.row_labels[-1] == "Totaal"
