"""Small form helpers: combo boxes over (label, value) lists and error marking."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.ui.style import styled, unstyled


def fill_combo(combo: QComboBox, options: list[tuple[str, object]], *, empty: str | None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for text, value in options:
        combo.addItem(text, value)


def combo_value(combo: QComboBox):
    return combo.currentData()


def set_combo_value(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def mark_invalid(widget: QWidget, message: str | None) -> None:
    """Marks a field red with the message as tooltip, or clears the mark."""
    widget.setProperty("invalid", message is not None)
    widget.setToolTip(message or "")
    if message is None:
        unstyled(widget)
    else:
        styled(widget, "invalid")


def width_not_from_items(combo: QComboBox, characters: int) -> None:
    """`combo` asks room for `characters` characters, whatever its items say.

    For a combo filled from data (names, dates with who did it): by default it is as wide as
    its longest item, and one long name would make the whole window wider than a small
    screen. Its list still opens as wide as the items need.
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
