"""The employer network tab: the list, and an editor with contacts, places and history."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.models import ContactRole, InternshipStatus, InternshipType
from app.services.common import labels
from app.services.internships import employer_lists, employer_merge, employers, sectors
from app.services.internships.employer_lists import EmployerRow
from app.services.internships.employers import (
    ContactInput,
    DuplicateEmployerError,
    EmployerDetail,
    EmployerInput,
    PlacesInput,
)
from app.services.internships.planner import school_year_of
from app.ui.common.fields import combo_value, fill_combo, set_combo_value
from app.ui.common.table_model import SORT_ROLE, RowTableModel
from app.ui.common.tables import make_table
from app.ui.internships.dialogs import _Dialog
from app.ui.workspace import Workspace

ROLE_OPTIONS = [(labels.CONTACT_ROLE[r], r.value) for r in ContactRole]
KIND_OPTIONS = [(labels.INTERNSHIP_TYPE[k], k.value) for k in InternshipType]


def _combo(options, value) -> QComboBox:
    combo = QComboBox()
    fill_combo(combo, options, empty=None)
    set_combo_value(combo, value)
    return combo


class EmployerDialog(_Dialog):
    """A new employer (`detail` None) or an existing one with its history."""

    def __init__(
        self, sectors: list[str], detail: EmployerDetail | None = None, parent=None
    ) -> None:
        super().__init__(
            self.tr("Nieuwe werkgever") if detail is None else self.tr("Werkgever"), parent
        )
        self.setMinimumWidth(880)
        self.detail = detail
        data = detail.input if detail else EmployerInput()
        self.name = QLineEdit(data.name)
        self.address = QLineEdit(data.address)
        self.postcode = QLineEdit(data.postcode)
        self.city = QLineEdit(data.city)
        self.sector = QComboBox()
        fill_combo(self.sector, [(s, s) for s in sectors], empty=self.tr("— kies —"))
        set_combo_value(self.sector, data.sector or None)
        self.durable = QCheckBox(self.tr("Biedt duurzame stages (kan overgaan in een baan)"))
        self.durable.setChecked(data.offers_durable_internships)
        self.banenafspraak = QLineEdit(str(data.banenafspraak_places))
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setTabChangesFocus(True)  # Tab goes on to the next field
        self.notes.setPlaceholderText(self.tr("Bijvoorbeeld afspraken over social return"))
        self.notes.setFixedHeight(60)
        self.contacts = QTableWidget(0, 4)
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Naam"), self.tr("Rol"), self.tr("Telefoon"), self.tr("E-mail")]
        )
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.setFixedHeight(120)
        for column, width in enumerate([170, 165, 110]):
            self.contacts.setColumnWidth(column, width)
        self._contact_ids: list[int | None] = []
        for c in data.contacts:
            self.add_contact(c)
        self.places = QTableWidget(0, 3)
        self.places.setHorizontalHeaderLabels(
            [self.tr("Schooljaar"), self.tr("Soort stage"), self.tr("Plaatsen")]
        )
        self.places.horizontalHeader().setStretchLastSection(True)
        self.places.setFixedHeight(110)
        self.places.setColumnWidth(0, 120)
        self.places.setColumnWidth(1, 150)
        for p in data.places:
            self.add_places(p)
        add_contact = QPushButton(self.tr("Contactpersoon toevoegen"))
        add_contact.clicked.connect(lambda: self.add_contact(ContactInput()))
        add_places = QPushButton(self.tr("Plaatsen toevoegen"))
        add_places.clicked.connect(
            lambda: self.add_places(PlacesInput(school_year_of(today()), "blokstage", 1))
        )
        self.form.addRow(self.tr("Naam"), self.name)
        self.form.addRow(self.tr("Adres"), self.address)
        self.form.addRow(self.tr("Postcode"), self.postcode)
        self.form.addRow(self.tr("Plaats"), self.city)
        self.form.addRow(self.tr("Sector"), self.sector)
        self.form.addRow("", self.durable)
        self.form.addRow(self.tr("Plaatsen banenafspraak"), self.banenafspraak)
        self.form.addRow(self.tr("Notities"), self.notes)
        self.form.addRow(self.tr("Contactpersonen"), self.contacts)
        self.form.addRow("", add_contact)
        self.form.addRow(self.tr("Stageplaatsen"), self.places)
        self.form.addRow("", add_places)
        if detail is not None:
            history = make_table(
                [
                    self.tr("Leerling"),
                    self.tr("Soort"),
                    self.tr("Periode"),
                    self.tr("Status"),
                    self.tr("Resultaat"),
                ],
                widths=[150, 110, 175, 80],
                selection=QAbstractItemView.SelectionMode.ExtendedSelection,
                select_rows=False,
                alternating=False,
                word_wrap=False,
                row_numbers=True,
            )
            history.setRowCount(len(detail.history))
            history.setFixedHeight(120)
            for n, h in enumerate(detail.history):
                period = f"{format_date(h.start_date)} t/m {format_date(h.end_date)}"
                for col, text in enumerate(
                    (
                        h.student_name,
                        labels.INTERNSHIP_TYPE[h.kind],
                        period,
                        labels.INTERNSHIP_STATUS[InternshipStatus(h.status)],
                        labels.outcome_label(h.outcome),
                    )
                ):
                    history.setItem(n, col, QTableWidgetItem(text))
            self.history = history
            count = len(detail.history)
            self.form.addRow(
                self.tr("Geschiedenis ({count} {value})").format(
                    count=count, value="stage" if count == 1 else "stages"
                ),
                history,
            )
        self.fields = {
            "name": self.name,
            "address": self.address,
            "postcode": self.postcode,
            "city": self.city,
            "sector": self.sector,
            "banenafspraak_places": self.banenafspraak,
            "notes": self.notes,
        }

    def add_contact(self, c: ContactInput) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        self._contact_ids.append(c.id)
        for col, text in ((0, c.name), (2, c.phone), (3, c.email)):
            self.contacts.setItem(row, col, QTableWidgetItem(text))
        self.contacts.setCellWidget(row, 1, _combo(ROLE_OPTIONS, c.role or "praktijkbegeleider"))

    def add_places(self, p: PlacesInput) -> None:
        row = self.places.rowCount()
        self.places.insertRow(row)
        this = school_year_of(today())
        years = [(f"{y}-{y + 1}", y) for y in range(this - 1, this + 3)]
        if p.school_year not in {y for _t, y in years}:
            years.insert(0, (f"{p.school_year}-{p.school_year + 1}", p.school_year))
        self.places.setCellWidget(row, 0, _combo(years, p.school_year))
        self.places.setCellWidget(row, 1, _combo(KIND_OPTIONS, p.kind))
        self.places.setItem(row, 2, QTableWidgetItem(str(p.places)))

    def _text(self, table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text() if item else ""

    def collect(self) -> EmployerInput:
        contacts = [
            ContactInput(
                self._text(self.contacts, r, 0),
                combo_value(self.contacts.cellWidget(r, 1)),
                self._text(self.contacts, r, 2),
                self._text(self.contacts, r, 3),
                self._contact_ids[r],
            )
            for r in range(self.contacts.rowCount())
        ]
        places = [
            PlacesInput(
                combo_value(self.places.cellWidget(r, 0)),
                combo_value(self.places.cellWidget(r, 1)),
                self._text(self.places, r, 2),
            )
            for r in range(self.places.rowCount())
        ]
        return EmployerInput(
            name=self.name.text(),
            address=self.address.text(),
            postcode=self.postcode.text(),
            city=self.city.text(),
            sector=combo_value(self.sector) or "",
            offers_durable_internships=self.durable.isChecked(),
            banenafspraak_places=self.banenafspraak.text(),
            notes=self.notes.toPlainText(),
            contacts=contacts,
            places=places,
        )


class EmployersTab(QWidget):
    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: EmployerDialog | None = None
        self.model: RowTableModel[EmployerRow] = RowTableModel(
            [
                self.tr("Naam"),
                self.tr("Plaats"),
                self.tr("Postcode"),
                self.tr("Sector"),
                self.tr("Duurzaam"),
                self.tr("Banenafspraak"),
                self.tr("Stages"),
            ],
            {
                0: lambda r: r.name,
                1: lambda r: r.city,
                2: lambda r: r.postcode,
                3: lambda r: r.sector,
                4: lambda r: "ja" if r.offers_durable_internships else "",
                5: lambda r: str(r.banenafspraak_places or ""),
                6: lambda r: str(r.internships),
            },
            {
                0: lambda r: r.name.lower(),
                1: lambda r: r.city,
                2: lambda r: r.postcode,
                3: lambda r: r.sector,
                4: lambda r: r.offers_durable_internships,
                5: lambda r: r.banenafspraak_places,
                6: lambda r: r.internships,
            },
            parent=self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table(
            self.proxy, widths=[260, 110, 80, 190, 85, 115], sort_by=0, word_wrap=False
        )
        self.table.setAccessibleName(self.tr("Werkgevers"))
        self.table.activated.connect(lambda *_: self.open_selected())
        self.search = QLineEdit(placeholderText=self.tr("Zoek op naam, plaats of sector"))
        self.search.setAccessibleName(self.tr("Zoeken in werkgevers"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        self.buttons = {}
        for key, text, slot in (
            ("new", self.tr("Nieuwe werkgever…"), self.new_employer),
            ("open", self.tr("Openen…"), self.open_selected),
            ("merge", self.tr("Samenvoegen…"), self.merge_selected),
            ("sector", self.tr("Sector toevoegen…"), self.add_sector),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        self.buttons["new"].setVisible(workspace.actor.may_edit)
        self.buttons["merge"].setVisible(workspace.actor.is_coordinator)
        self.buttons["sector"].setVisible(workspace.actor.is_coordinator)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def load(self) -> None:
        self.workspace.call(
            employer_lists.list_employers,
            on_success=self._loaded,
        )

    def _loaded(self, rows: list[EmployerRow]) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("{rows} werkgevers in het netwerk").format(rows=len(rows)))

    def selected(self) -> EmployerRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def _open_dialog(self, found, *, employer_id=None) -> None:
        sector_names, detail = found
        dialog = EmployerDialog(sector_names, detail, parent=self)

        def submitted(data: EmployerInput, allow_duplicate: bool = False) -> None:
            if detail is None:
                self.workspace.call(
                    _create,
                    data,
                    allow_duplicate,
                    on_success=lambda _id: (dialog.accept(), self.load()),
                    on_error=lambda e: self._create_failed(dialog, data, e),
                )
            else:
                self.workspace.call(
                    employers.save_employer,
                    detail.id,
                    detail.version,
                    data,
                    on_success=lambda _v: (dialog.accept(), self.load()),
                    on_error=dialog.show_error,
                )

        dialog.submitted.connect(submitted)
        dialog.save_anyway = lambda: submitted(dialog.collect(), True)
        dialog.open()
        self.dialog = dialog

    def _create_failed(self, dialog: EmployerDialog, data: EmployerInput, exc) -> None:
        dialog.show_error(exc)
        if isinstance(exc, DuplicateEmployerError):
            dialog.problem.setText(
                exc.message
                + self.tr(
                    " Is het echt een andere vestiging, sla dan nogmaals op met 'Toch toevoegen'."
                )
            )
            dialog.save_button.setText(self.tr("Toch toevoegen"))
            dialog.submitted.disconnect()
            dialog.submitted.connect(lambda _d: dialog.save_anyway())

    def new_employer(self) -> EmployerDialog | None:
        self.dialog = None
        self.workspace.call(
            lambda s, a: (sectors.sectors(s, a), None),
            on_success=self._open_dialog,
        )
        return self.dialog

    def open_selected(self) -> EmployerDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.dialog = None
        self.workspace.call(
            lambda s, a, i: (sectors.sectors(s, a), employers.open_employer(s, a, i)),
            row.id,
            on_success=self._open_dialog,
        )
        return self.dialog

    def add_sector(self, *_args, name: str | None = None) -> None:
        """Extends the school's sector list (the default list stays)."""
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Sector toevoegen"),
                self.tr("Naam van de nieuwe sector voor het werkgeversnetwerk:"),
            )
            if not ok:
                return
        self.workspace.call(
            sectors.add_sector,
            name,
            on_success=lambda _r: self.status.setText(
                self.tr("Sector '{name}' toegevoegd.").format(name=name.strip())
            ),
        )

    def merge_selected(self, *_args, duplicate_id: int | None = None) -> None:
        """Folds another employer (the duplicate) into the selected one."""
        keep = self.selected()
        if keep is None:
            return
        others = [r for r in self.model.rows() if r.id != keep.id]
        if duplicate_id is None:
            names = [
                "{name} ({postcode}, {city})".format(
                    name=r.name, postcode=r.postcode or self.tr("geen postcode"), city=r.city
                )
                for r in others
            ]
            same = [n for n, r in enumerate(others) if r.name.lower() == keep.name.lower()]
            picked, ok = QInputDialog.getItem(
                self,
                self.tr("Werkgevers samenvoegen"),
                self.tr(
                    "Welke werkgever is een dubbele van '{name}'? Zijn stages, "
                    "contacten en plaatsen gaan over naar deze werkgever."
                ).format(name=keep.name),
                names,
                same[0] if same else 0,
                False,
            )
            if not ok:
                return
            duplicate_id = others[names.index(picked)].id
            answer = QMessageBox.question(
                self,
                self.tr("Werkgevers samenvoegen"),
                self.tr("'{picked}' samenvoegen met '{name}'?").format(
                    picked=picked, name=keep.name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.workspace.call(
            employer_merge.merge_employers,
            keep.id,
            duplicate_id,
            on_success=lambda _r: self.load(),
        )


def _create(session, actor, data: EmployerInput, allow_duplicate: bool) -> int:
    return employers.create_employer(session, actor, data, allow_duplicate=allow_duplicate)
