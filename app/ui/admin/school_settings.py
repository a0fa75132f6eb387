"""Beheer → Schoolinstellingen: the school's contact for reports, the aftercare call
moments, the sector norms of the Trends area and the work competencies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.services.admin import school_contact
from app.services.admin.school_contact import SchoolContact
from app.services.aftercare import plan as aftercare
from app.services.internships import competencies
from app.services.trends import norms as trend_norms
from app.ui.common.messages import show_error
from app.ui.style import styled
from app.ui.workspace import Workspace


class SchoolSettingsTab(QWidget):
    """Settings the school makes its own; the services check the values and the role."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.phone.setPlaceholderText(self.tr("bijv. 077-1234567"))
        self.email = QLineEdit()
        self.email.setMaxLength(200)
        self.email.setPlaceholderText(self.tr("bijv. uitstroom@school.nl"))
        self.contact_status = QLabel()
        self.contact_status.setWordWrap(True)
        self.save_contact = QPushButton(self.tr("Contactgegevens opslaan"))
        self.save_contact.clicked.connect(self._save_contact)
        self.moments = QLineEdit()
        self.moments.setPlaceholderText(self.tr("bijv. 1, 3, 6, 12, 18, 24"))
        self.moments_status = QLabel()
        self.save_moments = QPushButton(self.tr("Belmomenten opslaan"))
        self.save_moments.clicked.connect(self._save_moments)
        self.norm_placed = QLineEdit()
        self.norm_placed.setMaximumWidth(80)
        self.norm_retained = QLineEdit()
        self.norm_retained.setMaximumWidth(80)
        self.norms_status = QLabel()
        self.norms_status.setWordWrap(True)
        self.norms_source = QLabel()
        self.norms_source.setWordWrap(True)
        self.save_norms = QPushButton(self.tr("Normen opslaan"))
        self.save_norms.clicked.connect(self._save_norms)
        self.competencies = QListWidget()
        self.new_competency = QLineEdit()
        self.new_competency.setPlaceholderText(
            self.tr("Nieuwe competentie, bijv. 'Klantvriendelijk'")
        )
        self.add_button = QPushButton(self.tr("Toevoegen"))
        self.add_button.clicked.connect(self._add_competency)
        self.new_competency.returnPressed.connect(self._add_competency)
        self.retire_button = QPushButton(self.tr("Niet meer beoordelen"))
        self.retire_button.clicked.connect(self._retire_competency)
        self._build()

    def _build(self) -> None:
        contact_box = styled(QGroupBox(self.tr("Contact voor ontvangers van rapporten")), "group")
        contact = QFormLayout(contact_box)
        explain = QLabel(
            self.tr(
                "Deze gegevens staan op het overdrachtsdossier, zodat de gemeente of het RMC "
                "de school kan bereiken."
            )
        )
        explain.setWordWrap(True)
        contact.addRow(explain)
        contact.addRow(self.tr("Telefoon"), self.phone)
        contact.addRow(self.tr("E-mail"), self.email)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_status, 1)
        contact_row.addWidget(self.save_contact)
        contact.addRow(contact_row)

        aftercare_box = styled(QGroupBox(self.tr("Nazorg: belmomenten")), "group")
        form = QFormLayout(aftercare_box)
        moments_text = QLabel(
            self.tr(
                "Na hoeveel maanden na de uitstroom belt de mentor? Nieuwe en gewijzigde "
                "nazorgplannen volgen deze momenten; gemaakte gesprekken blijven staan."
            )
        )
        moments_text.setWordWrap(True)  # one long line would widen the window
        form.addRow(moments_text)
        form.addRow(self.tr("Maanden na uitstroom"), self.moments)
        row = QHBoxLayout()
        row.addWidget(self.moments_status, 1)
        row.addWidget(self.save_moments)
        form.addRow(row)

        norms_box = styled(
            QGroupBox(self.tr("Trends: normen voor plaatsing en bestendiging")), "group"
        )
        norms_form = QFormLayout(norms_box)
        norms_text = QLabel(
            self.tr(
                "De grafieken in Trends tonen deze normen als stippellijn. Standaard gelden "
                "de normen van de sector:"
            )
        )
        norms_text.setWordWrap(True)
        norms_form.addRow(norms_text)
        norms_form.addRow(self.norms_source)
        norms_form.addRow(self.tr("Geplaatst (%)"), self.norm_placed)
        norms_form.addRow(self.tr("Nog op een plek (%)"), self.norm_retained)
        norms_row = QHBoxLayout()
        norms_row.addWidget(self.norms_status, 1)
        norms_row.addWidget(self.save_norms)
        norms_form.addRow(norms_row)

        competency_box = styled(QGroupBox(self.tr("Werkcompetenties in stage-evaluaties")), "group")
        box = QVBoxLayout(competency_box)
        competency_text = QLabel(
            self.tr(
                "Deze competenties (bij de factor Doen) worden in elke stage-evaluatie "
                "gescoord. "
                "Een competentie die u niet meer gebruikt, blijft zichtbaar in oude evaluaties."
            )
        )
        competency_text.setWordWrap(True)
        box.addWidget(competency_text)
        box.addWidget(self.competencies, 1)
        adding = QHBoxLayout()
        adding.addWidget(self.new_competency, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.retire_button)
        box.addLayout(adding)

        # Four boxes stack taller than a 1024 x 768 screen leaves: they scroll instead of
        # pushing the window's bottom off the screen.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(contact_box)
        layout.addWidget(aftercare_box)
        layout.addWidget(norms_box)
        layout.addWidget(competency_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- data -------------------------------------------------------------------------
    def load(self) -> None:
        self.workspace.call(school_contact.school_contact, on_success=self._show_contact)
        self.workspace.call(
            aftercare.call_moments_setting,
            on_success=lambda months: self.moments.setText(", ".join(map(str, months))),
        )
        self.workspace.call(trend_norms.norms, on_success=self._show_norms)
        self._load_competencies()

    def _show_norms(self, norms: trend_norms.Norms) -> None:
        self.norm_placed.setText(str(norms.placed_percent))
        self.norm_retained.setText(str(norms.retained_percent))
        self.norms_source.setText(norms.source)

    def _save_norms(self) -> None:
        self.norms_status.setText("")
        self.workspace.call(
            trend_norms.set_norms,
            self.norm_placed.text(),
            self.norm_retained.text(),
            on_success=self._norms_saved,
            on_error=self._norms_refused,
        )

    def _norms_saved(self, norms: trend_norms.Norms) -> None:
        self._show_norms(norms)
        self.norms_status.setText(self.tr("Opgeslagen."))

    def _norms_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.norms_status.setText("\n".join(exc.problems.values()))
            return
        show_error(self, exc)

    def _load_competencies(self) -> None:
        self.workspace.call(
            competencies.competencies,
            on_success=self._show_competencies,
        )

    def _show_competencies(self, rows: list[tuple[int, str]]) -> None:
        self.competencies.clear()
        for competency_id, label in rows:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, competency_id)
            self.competencies.addItem(item)

    def _show_contact(self, contact: SchoolContact) -> None:
        self.phone.setText(contact.phone)
        self.email.setText(contact.email)

    # --- actions ----------------------------------------------------------------------
    def _save_contact(self) -> None:
        self.contact_status.setText("")
        self.workspace.call(
            school_contact.set_school_contact,
            self.phone.text(),
            self.email.text(),
            on_success=self._contact_saved,
            on_error=self._contact_refused,
        )

    def _contact_saved(self, contact: SchoolContact) -> None:
        self._show_contact(contact)
        self.contact_status.setText(self.tr("Opgeslagen."))

    def _contact_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.contact_status.setText("\n".join(exc.problems.values()))
            return
        show_error(self, exc)

    def _save_moments(self) -> None:
        self.moments_status.setText("")
        self.workspace.call(
            aftercare.set_call_moments,
            self.moments.text(),
            on_success=self._moments_saved,
            on_error=self._moments_refused,
        )

    def _moments_saved(self, months: tuple[int, ...]) -> None:
        self.moments.setText(", ".join(map(str, months)))
        self.moments_status.setText(self.tr("Opgeslagen."))

    def _moments_refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.moments_status.setText(next(iter(exc.problems.values())))
            return
        show_error(self, exc)

    def _add_competency(self) -> None:
        label = self.new_competency.text()
        self.workspace.call(
            competencies.add_competency,
            label,
            on_success=lambda _id: (self.new_competency.clear(), self._load_competencies()),
        )

    def _retire_competency(self) -> None:
        item = self.competencies.currentItem()
        if item is None:
            return
        self.workspace.call(
            competencies.retire_competency,
            item.data(Qt.ItemDataRole.UserRole),
            on_success=lambda _none: self._load_competencies(),
        )
