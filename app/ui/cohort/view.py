"""The cohort area: filter bar, the table of students and the counts."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.students.cohort import (
    CohortRow,
    aftercare_counts,
    signal_choices,
)
from app.services.students.cohort_filter import CohortFilter
from app.ui.cohort.model import HEADERS, CohortModel
from app.ui.common.tables import make_table
from app.ui.style import styled

ALL = QT_TRANSLATE_NOOP("cohort.view", "Alle")


def _all() -> str:
    return QCoreApplication.translate("cohort.view", ALL)


_FILTERS = [
    ("school_year", QT_TRANSLATE_NOOP("cohort.view", "Schooljaar uitstroom")),
    ("class_name", QT_TRANSLATE_NOOP("cohort.view", "Klas")),
    ("mentor", QT_TRANSLATE_NOOP("cohort.view", "Mentor")),
    ("profile", QT_TRANSLATE_NOOP("cohort.view", "Uitstroomprofiel")),
    ("phase", QT_TRANSLATE_NOOP("cohort.view", "Fase")),
    ("signal", QT_TRANSLATE_NOOP("cohort.view", "Aandacht")),
]
# Together within the table's width at 1280 px, Aandacht (last) taking what is left.
_COLUMN_WIDTHS = [170, 45, 130, 135, 135, 95, 160, 170]


class EmptySchoolHint(QWidget):
    """Shown instead of the table while the school has no students yet: how to get them in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyHint")
        title = QLabel(self.tr("Er staan nog geen leerlingen in Koers"))
        title.setObjectName("areaTitle")
        styled(title, "title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Leerlingen inlezen uit LAS…"))
        self.new_button = QPushButton(self.tr("Nieuwe leerling"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.set_can_import(False)

    def set_can_import(self, allowed: bool) -> None:
        """Only a coordinator imports; others read who does."""
        self.import_button.setVisible(allowed)
        self.text.setText(
            self.tr(
                "Lees de leerlingen in uit het leerlingadministratiesysteem (een EDEXML- of "
                "CSV-bestand uit ParnasSys, Magister, SOMtoday of Eduarte), of voeg een "
                "leerling met de hand toe."
            )
            if allowed
            else self.tr(
                "De uitstroomcoördinator leest de leerlingen in uit het LAS. U kunt ook een "
                "leerling met de hand toevoegen."
            )
        )


class CohortView(QWidget):
    open_requested = Signal(int)
    import_requested = Signal()
    new_requested = Signal()
    # The Aandacht column is filled: the cohort is complete on screen (bench/ stops here).
    signals_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CohortModel(self)
        self.search = QLineEdit(
            placeholderText=self.tr("Zoek op naam, leerlingnummer, klas, mentor…")
        )
        self.search.setAccessibleName(self.tr("Zoeken in leerlingen"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.combos: dict[str, QComboBox] = {}
        self.count_label = QLabel()
        # What aftercare found, on the page the coordinator sees first; a click filters.
        self.aftercare_line = QLabel()
        self.aftercare_line.setObjectName("aftercareAttention")
        self.aftercare_line.setTextFormat(Qt.TextFormat.RichText)
        self.aftercare_line.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.aftercare_line.linkActivated.connect(self.show_signal)
        self.aftercare_line.hide()
        self.empty_hint = EmptySchoolHint(self)
        self.empty_hint.import_button.clicked.connect(self.import_requested)
        self.empty_hint.new_button.clicked.connect(self.new_requested)
        self._loaded = False
        self.signals_loaded = False  # the Aandacht column holds this load's signals
        self._total: int | None = None  # the whole cohort's count while a first page shows
        self.table = make_table(self.model, widths=_COLUMN_WIDTHS[: len(HEADERS)], sort_by=0)
        self.table.setAccessibleName(self.tr("Leerlingen"))
        self._build()
        self.search.textChanged.connect(self._apply_filter)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._apply_filter)
        self.table.activated.connect(self._open_index)
        self.model.modelReset.connect(self._update_count)
        # Ctrl+F is the main window's Zoeken action: a second shortcut here made the key
        # ambiguous, and Qt then runs neither.

    def _build(self) -> None:
        filters = QHBoxLayout()
        for attr, label in _FILTERS:
            label = QCoreApplication.translate("cohort.view", label)
            combo = QComboBox()
            combo.setToolTip(label)
            combo.setAccessibleName(label)
            # Narrow enough for a 1024 px screen; the open list shows the whole text.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            self.combos[attr] = combo
            if attr == "signal":
                # The signals service's own list: every kind it knows, raised or not.
                combo.addItems([_all(), *signal_choices()])
            box = QVBoxLayout()
            caption = QLabel(label)
            caption.setObjectName("filterCaption")
            box.addWidget(caption)
            box.addWidget(combo)
            filters.addLayout(box)
        search_box = QVBoxLayout()
        search_box.addWidget(QLabel(self.tr("Zoeken")))
        search_box.addWidget(self.search)
        filters.insertLayout(0, search_box, 2)
        filters.addStretch(1)

        self.table.verticalHeader().setDefaultSectionSize(26)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Leerlingen in de uitstroom"))
        title.setObjectName("areaTitle")
        styled(title, "title")
        layout.addWidget(title)
        layout.addWidget(self.aftercare_line)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.count_label)
        self.empty_hint.hide()

    # --- data -------------------------------------------------------------------------
    def set_rows(self, rows: list[CohortRow], total: int | None = None) -> None:
        """The rows to show; `total` when they are the first page of a larger cohort (the
        count line then names the whole). The selected student stays selected."""
        self._total = total
        self.signals_loaded = False
        selected = self.selected_student_id()
        self.model.set_rows(rows)
        # The filter lists from the model's own column index (one pass over the rows
        # fewer), then the filter as the lists now stand.
        self._fill_combos(self.model.choices)
        self.model.set_filter(self.current_filter())
        self._loaded = True
        self._update_count()
        if selected is not None:
            self._select(selected)
        if any(row.signals for row in rows):
            self._show_aftercare({row.id: row.signals for row in rows})

    def holds_whole_list(self) -> bool:
        """Whether every student is here with its signals (not the first page, nothing
        still on its way), so a row can be updated on its own."""
        return self._loaded and self._total is None and self.signals_loaded

    def update_rows(self, asked: Collection[int], rows: list[CohortRow]) -> None:
        """The students in `asked` as they are now (after a save), the rest as it was: the
        selection, the filter and the scroll position stay."""
        selected = self.selected_student_id()
        self.model.update_rows(asked, rows)
        self._fill_combos(self.model.choices)
        self._update_count()
        if selected is not None:
            self._select(selected)
        self._show_aftercare(self.model.raised())

    def _fill_combos(self, values_of: Callable[[str], list[str]]) -> None:
        """Each filter list with the values there are, keeping what the user chose."""
        for attr, combo in self.combos.items():
            if attr == "signal":
                continue  # every kind is listed once, from the signals service
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_all())
            combo.addItems(values_of(attr))
            combo.setCurrentIndex(max(0, combo.findText(current)))
            combo.blockSignals(False)

    def _select(self, student_id: int) -> None:
        row = self.model.row_of(student_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def set_signals(self, raised: dict[int, tuple[str, ...]]) -> None:
        self.model.set_signals(raised)
        self._show_aftercare(raised)
        self.signals_loaded = True
        self.signals_shown.emit()

    def _show_aftercare(self, raised: dict[int, tuple[str, ...]]) -> None:
        counts = aftercare_counts(raised)
        links = ", ".join(
            '<a href="{href}">{text}</a>'.format(
                href=html.escape(label, quote=True),
                text=html.escape(self.tr("{label}: {n}").format(label=label, n=n)),
            )
            for label, n in counts
        )
        self.aftercare_line.setText(self.tr("Nazorg vraagt aandacht — {links}").format(links=links))
        self.aftercare_line.setVisible(bool(counts))

    def show_signal(self, label: str) -> None:
        """Narrows the list to the students raising one signal (the Aandacht filter)."""
        combo = self.combos["signal"]
        index = combo.findText(label)
        if index >= 0:
            combo.setCurrentIndex(index)

    def clear(self) -> None:
        self._loaded = False  # nothing known until the next load: no "empty school" hint
        self._total = None
        self.signals_loaded = False
        self.model.clear()
        self.search.clear()
        self.aftercare_line.clear()
        self.aftercare_line.hide()

    def current_filter(self) -> CohortFilter:
        values = {
            attr: ("" if combo.currentText() == _all() else combo.currentText())
            for attr, combo in self.combos.items()
        }
        return CohortFilter(text=self.search.text(), **values)

    @property
    def total(self) -> int:
        """How many students the cohort holds, also while only its first page shows."""
        return self._total if self._total is not None else self.model.total

    def selected_student_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).id

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("cohort/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("cohort/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    # --- slots --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self._total is not None and self.current_filter().is_empty():
            shown = total = self._total  # the first page of a cohort still arriving
        noun = "leerling" if total == 1 else "leerlingen"
        text = f"{total} {noun}" if shown == total else f"{shown} van {total} {noun}"
        self.count_label.setText(text)
        # An empty school: say how the students get in, not an empty grid.
        empty = self._loaded and total == 0
        self.empty_hint.setVisible(empty)
        self.table.setVisible(not empty)
        self.count_label.setVisible(not empty)

    def _open_index(self, index) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.row_at(index.row()).id)
