"""The Trends area: where leavers went and stayed, per school year, with filters, a switch
between Koers' own list and the monitors' shapes, and the exports (monitor figures, the
PrO worksheet, the trend report). Every number comes from app.services.trends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import today
from app.models import OutflowProfile, SchoolType
from app.services.trends import exports, report
from app.services.trends.area import AREA_SHAPES, Tab, TrendsView, trends_view
from app.services.trends.figures import SHAPE_LABEL, Shape
from app.services.trends.filters import (
    DIMENSION_LABEL,
    Dimension,
    TrendFilters,
    school_year_label,
    school_year_of,
)
from app.services.trends.monitor import SHAPE_TITLE, MonitorShape
from app.ui.common.messages import show_error
from app.ui.common.save_dialog import ask_save_path
from app.ui.style import styled
from app.ui.trends.panel import ChartPanel
from app.ui.workspace import Workspace

TAB_LABEL = {
    Tab.DESTINATIONS: QT_TRANSLATE_NOOP("trends", "Bestemmingen"),
    Tab.PLACEMENT: QT_TRANSLATE_NOOP("trends", "Plaatsing en bestendiging"),
    Tab.BREAKDOWN: QT_TRANSLATE_NOOP("trends", "Uitsplitsing"),
    Tab.SIGNALS: QT_TRANSLATE_NOOP("trends", "Signalen"),
    Tab.INTERNSHIPS: QT_TRANSLATE_NOOP("trends", "Stages"),
    Tab.MEETINGS: QT_TRANSLATE_NOOP("trends", "Overleg"),
}
BREAKDOWNS = (
    Dimension.PROFILE,
    Dimension.SCHOOL_TYPE,
    Dimension.CLASS,
    Dimension.MUNICIPALITY,
    Dimension.RMC_REGION,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("trends", text)


class TrendsArea(QWidget):
    open_student_requested = Signal(int)  # never emitted: the area shows no names
    # After each export: the path written (tests and the status line use it).
    exported = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.on: date | None = None  # None: the real date (tests fix one)
        self.view: TrendsView | None = None
        self.panels: dict[Tab, list[ChartPanel]] = {tab: [] for tab in Tab}
        # The tabs whose figures match the filters shown; the others load when opened.
        self.loaded: set[Tab] = set()
        self._task = None
        self.may_export = workspace.actor.is_coordinator
        self._build_filters()
        self._build_exports()
        self.tabs = QTabWidget()
        self.pages: dict[Tab, QVBoxLayout] = {}
        for tab in Tab:
            page = QWidget()
            column = QVBoxLayout(page)
            column.addStretch(1)
            self.pages[tab] = column
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, _tr(TAB_LABEL[tab]))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_box)

    # --- construction -------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.filter_box = styled(QGroupBox(self.tr("Wat wilt u zien?")), "group")
        self.first_year = QComboBox()
        self.last_year = QComboBox()
        self.school_type = QComboBox()
        self.school_type.addItem(self.tr("Alle schoolsoorten"), None)
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Alle uitstroomprofielen"), None)
        self.municipality = QComboBox()
        self.municipality.addItem(self.tr("Alle gemeenten"), None)
        self.location = QComboBox()
        self.location.addItem(self.tr("Alle locaties"), None)
        self.shape = QComboBox()
        for shape in AREA_SHAPES:
            self.shape.addItem(SHAPE_LABEL[shape], shape)
        self.shape.setToolTip(
            self.tr(
                "Toon de bestemmingen in de eigen lijst van Koers, of ingedeeld zoals de "
                "PrO-monitor of de vso-uitstroomprofielen ze tellen."
            )
        )
        self.dimension = QComboBox()
        for dimension in BREAKDOWNS:
            self.dimension.addItem(DIMENSION_LABEL[dimension], dimension)
        grid = QGridLayout(self.filter_box)
        fields = [
            (self.tr("Van schooljaar"), self.first_year),
            (self.tr("Tot en met"), self.last_year),
            (self.tr("Schoolsoort"), self.school_type),
            (self.tr("Uitstroomprofiel"), self.profile),
            (self.tr("Gemeente"), self.municipality),
            (self.tr("Locatie"), self.location),
            (self.tr("Indeling"), self.shape),
            (self.tr("Uitsplitsen naar"), self.dimension),
        ]
        grid.setContentsMargins(6, 2, 6, 4)
        grid.setVerticalSpacing(2)
        for _label, widget in fields:
            _narrow(widget)
        for n, (label, widget) in enumerate(fields):
            row, column = divmod(n, 4)
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, 2 * row, column)
            grid.addWidget(widget, 2 * row + 1, column)
            grid.setColumnStretch(column, 1)
            widget.currentIndexChanged.connect(self._changed)

    def _build_exports(self) -> None:
        self.export_box = styled(
            QGroupBox(self.tr("Uitvoer (anoniem, in het uitvoerlogboek)")), "group"
        )
        self.monitor_shape = QComboBox()
        for shape in MonitorShape:
            self.monitor_shape.addItem(SHAPE_TITLE[shape], shape)
        self.monitor_year = QSpinBox()
        self.monitor_year.setRange(2000, 2100)
        self.monitor_year.setValue(school_year_of(today()) - 1)
        self.monitor_year.setToolTip(
            self.tr("Het schooljaar waarin de leerlingen vertrokken (2025: 2025-2026)")
        )
        self.monitor_year.setMinimumWidth(70)
        self.monitor_button = QPushButton(self.tr("Monitorcijfers…"))
        self.worksheet_button = QPushButton(self.tr("Werkblad PrO-monitor…"))
        self.worksheet_button.setToolTip(
            self.tr(
                "Per leerling wat u in het webformulier van de PrO-monitor invult. Dit werkblad "
                "bevat namen en blijft op school."
            )
        )
        self.report_button = QPushButton(self.tr("Trendrapport…"))
        self.report_button.setToolTip(
            self.tr("Het trendrapport (PDF) voor bestuur en gemeente, met de keuze hierboven")
        )
        self.monitor_button.setToolTip(
            self.tr("De anonieme cijfers van de gekozen monitor, als CSV of Excel")
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.monitor_button.clicked.connect(self._ask_monitor)
        self.worksheet_button.clicked.connect(self._ask_worksheet)
        self.report_button.clicked.connect(self._ask_report)
        _narrow(self.monitor_shape)
        grid = QGridLayout(self.export_box)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(QLabel(self.tr("Monitor")), 0, 0)
        grid.addWidget(self.monitor_shape, 0, 1)
        grid.addWidget(QLabel(self.tr("Vertrokken in")), 0, 2)
        grid.addWidget(self.monitor_year, 0, 3)
        grid.addWidget(self.monitor_button, 0, 4)
        grid.addWidget(self.worksheet_button, 0, 5)
        grid.addWidget(self.report_button, 0, 6)
        grid.addWidget(self.progress, 1, 0, 1, 2)
        grid.addWidget(self.export_status, 1, 2, 1, 6)
        grid.setColumnStretch(1, 1)
        self.export_box.setVisible(self.may_export)

    # --- what is asked ------------------------------------------------------------------
    def filters(self) -> TrendFilters:
        type_value = self.school_type.currentData()
        profile_value = self.profile.currentData()
        return TrendFilters(
            first_year=self.first_year.currentData(),
            last_year=self.last_year.currentData(),
            school_type=SchoolType(type_value) if type_value else None,
            profile=OutflowProfile(profile_value) if profile_value else None,
            municipality=self.municipality.currentData(),
            location=self.location.currentData(),
        )

    def chosen_shape(self) -> Shape:
        return Shape(self.shape.currentData())

    def _changed(self, *_args) -> None:
        if not self._filling:
            self.refresh()

    _filling = False

    # --- data -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reloads the figures (when the area is shown, on F5 and on a filter): the tab in
        view now, the others when they are opened."""
        self.loaded.clear()
        self._load(self.current_tab())

    def current_tab(self) -> Tab:
        return list(Tab)[max(0, self.tabs.currentIndex())]

    def _tab_changed(self, _index: int) -> None:
        if self.current_tab() not in self.loaded:
            self._load(self.current_tab())

    def _load(self, tab: Tab) -> None:
        self.workspace.call(
            trends_view,
            self.filters(),
            self.chosen_shape(),
            Dimension(self.dimension.currentData()),
            self.on or today(),
            (tab,),
            on_success=self._show,
        )

    def _show(self, view: TrendsView) -> None:
        self.view = view
        self._fill_choices(view)
        self.summary.setText(
            self.tr(
                "{leavers} vertrekkers in deze keuze, van wie {unknown} met een onbekende "
                "bestemming. Aantallen onder de 5 staan er als '<5'; onder de 5 bekende "
                "leerlingen staat er geen percentage."
            ).format(
                leavers=view.leavers,
                unknown=view.unknown if view.unknown == 0 or view.unknown >= 5 else "<5",
            )
        )
        for tab, sections in view.sections.items():
            column = self.pages[tab]
            for panel in self.panels[tab]:
                column.removeWidget(panel)
                panel.deleteLater()
            self.panels[tab] = []
            for section in sections:
                panel = ChartPanel(section, may_save=self.may_export)
                panel.save_requested.connect(self._ask_chart)
                column.insertWidget(column.count() - 1, panel)
                self.panels[tab].append(panel)
            self.loaded.add(tab)

    def _fill_choices(self, view: TrendsView) -> None:
        """The filters offer what the data hold, keeping what the user chose."""
        self._filling = True
        try:
            for combo, everything, values in (
                (self.first_year, self.tr("Eerste"), view.choices.years),
                (self.last_year, self.tr("Laatste"), view.choices.years),
            ):
                _refill(combo, everything, [(school_year_label(y), y) for y in values])
            _refill(
                self.school_type,
                self.tr("Alle schoolsoorten"),
                [(label, value) for value, label in view.choices.school_types],
            )
            _refill(
                self.profile,
                self.tr("Alle uitstroomprofielen"),
                [(label, value) for value, label in view.choices.profiles],
            )
            _refill(
                self.municipality,
                self.tr("Alle gemeenten"),
                [(m, m) for m in view.choices.municipalities],
            )
            _refill(
                self.location,
                self.tr("Alle locaties"),
                [(loc, loc) for loc in view.choices.locations],
            )
        finally:
            self._filling = False

    # --- exports ----------------------------------------------------------------------
    def _ask_monitor(self) -> None:
        shape = MonitorShape(self.monitor_shape.currentData())
        path = ask_save_path(
            self,
            self.tr("Monitorcijfers opslaan"),
            f"monitor-{shape.value}-{self.monitor_year.value()}.xlsx",
            self.tr("Excel-bestand (*.xlsx);;CSV-bestand (*.csv)"),
        )
        if path:
            self.export_monitor_to(Path(path))

    def _ask_worksheet(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Werkblad PrO-monitor opslaan"),
            f"werkblad-pro-monitor-{self.monitor_year.value()}.xlsx",
            self.tr("Excel-bestand (*.xlsx);;CSV-bestand (*.csv)"),
        )
        if path:
            self.export_worksheet_to(Path(path))

    def _ask_report(self) -> None:
        path = ask_save_path(
            self, self.tr("Trendrapport opslaan"), "trendrapport.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_report_to(Path(path))

    def _ask_chart(self, panel: ChartPanel, suffix: str) -> None:
        kind = self.tr("PNG-afbeelding (*.png)") if suffix == ".png" else self.tr("PDF (*.pdf)")
        name = "".join(ch if ch.isalnum() else "-" for ch in panel.section.title.lower())
        path = ask_save_path(self, self.tr("Grafiek opslaan"), name.strip("-") + suffix, kind)
        if path:
            self.save_chart_to(panel, Path(path))

    def export_monitor_to(self, path: Path) -> None:
        shape = MonitorShape(self.monitor_shape.currentData())
        year = self.monitor_year.value()
        self._run(exports.export_monitor, shape, year, path, self.on or today())

    def export_worksheet_to(self, path: Path) -> None:
        self._run(exports.export_worksheet, self.monitor_year.value(), path, self.on or today())

    def export_report_to(self, path: Path) -> None:
        self._run(
            report.export_trend_report,
            path,
            self.on or today(),
            self.filters(),
            self.chosen_shape(),
        )

    def save_chart_to(self, panel: ChartPanel, path: Path) -> None:
        """The picture is drawn here (Qt), then logged through the export log."""
        if path.suffix.lower() not in (".png", ".pdf"):
            path = path.with_suffix(".png")
        panel.write(path)
        self.workspace.call(
            exports.log_chart_file,
            panel.section.title,
            path.suffix.lower(),
            on_success=lambda _none: self._exported(exports.ExportResult(path, 1)),
        )

    def _run(self, use_case, *args) -> None:
        """An export off the GUI thread, with a busy bar; one at a time."""
        store, actor = self.workspace.store, self.workspace.actor
        self._set_busy(True)
        self._task = self.workspace.runner.task(
            lambda _progress: store.run(use_case, actor, *args),
            on_success=self._exported,
            on_error=self._failed,
        )
        self._task.start()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in (self.monitor_button, self.worksheet_button, self.report_button):
            button.setEnabled(not busy)
        if busy:
            self.export_status.setText(self.tr("Bezig met opslaan…"))

    def _exported(self, result: exports.ExportResult) -> None:
        self._set_busy(False)
        self.export_status.setText(
            self.tr("Opgeslagen in {path}. Vastgelegd in het uitvoerlogboek.").format(
                path=result.path
            )
        )
        self.exported.emit(result.path)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.export_status.setText("")
        show_error(self, exc)


def _narrow(combo: QComboBox, letters: int = 6) -> None:
    """A combo box that may be narrower than its longest choice: the area must fit the
    small window (1024 wide) beside the navigation."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
    chosen = combo.currentData()
    combo.clear()
    combo.addItem(everything, None)
    for label, value in items:
        combo.addItem(label, value)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(0, index))
