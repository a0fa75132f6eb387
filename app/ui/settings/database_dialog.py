"""Choosing the database: the embedded file on this PC, or a shared PostgreSQL server."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.db import credentials
from app.db.urls import default_database_url
from app.ui.common.form_dialog import FormDialog

SETTINGS_KEY = "database/url"


def server_url(host: str, port: int, database: str, user: str) -> str:
    from sqlalchemy.engine import URL

    return URL.create(
        "postgresql+psycopg", username=user, host=host, port=port, database=database
    ).render_as_string(hide_password=False)


class DatabaseDialog(FormDialog):
    """Stores the chosen URL (never with a password) in QSettings; the password in keyring."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Database kiezen"), parent)
        self.settings = settings
        self.embedded = QRadioButton(self.tr("Op deze pc (ingebouwd databasebestand)"))
        self.server = QRadioButton(self.tr("Gedeelde PostgreSQL-server (meerdere pc's)"))
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("koers")
        self.user = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Wachtwoord onthouden op deze pc"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.server_form = QWidget()
        form = QFormLayout(self.server_form)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Poort"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Gebruiker"), self.user)
        form.addRow(self.tr("Wachtwoord"), self.password)
        form.addRow(self.remember)
        layout = self.body
        layout.addWidget(self.embedded)
        layout.addWidget(QLabel(f"    {default_database_url().removeprefix('sqlite:///')}"))
        layout.addWidget(self.server)
        layout.addWidget(self.server_form)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("Koers gebruikt de nieuwe keuze na opnieuw starten.")))
        self.server.toggled.connect(self.server_form.setEnabled)
        self._load()

    def _load(self) -> None:
        secure = credentials.secure_store_available()
        self.remember.setEnabled(secure)
        if not secure:
            self.note.setText(
                self.tr(
                    "Deze pc heeft geen veilige opslag voor wachtwoorden. Koers bewaart het "
                    "wachtwoord daarom niet en vraagt het bij elke start."
                )
            )
        url = self.settings.value(SETTINGS_KEY) or ""
        if url.startswith("postgresql"):
            from app.db.urls import parse_url

            parsed = parse_url(url)
            self.server.setChecked(True)
            self.host.setText(parsed.host or "")
            self.port.setValue(parsed.port or 5432)
            self.database.setText(parsed.database or "")
            self.user.setText(parsed.username or "")
        else:
            self.embedded.setChecked(True)
            self.server_form.setEnabled(False)

    def chosen_url(self) -> str | None:
        """The URL to store, or None for the embedded default."""
        if self.embedded.isChecked():
            return None
        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def problems(self) -> list[str]:
        if self.embedded.isChecked():
            return []
        missing = [
            label
            for label, widget in (
                (self.tr("Server"), self.host),
                (self.tr("Database"), self.database),
                (self.tr("Gebruiker"), self.user),
            )
            if not widget.text().strip()
        ]
        return [self.tr("{label}: dit veld is verplicht.").format(label=label) for label in missing]

    def submit(self) -> None:
        self.accept()

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.say("\n".join(problems))
            return
        url = self.chosen_url()
        if url is None:
            self.settings.remove(SETTINGS_KEY)
        else:
            self.settings.setValue(SETTINGS_KEY, url)
            if self.remember.isChecked() and self.password.text():
                credentials.set_password(url, self.password.text())
        super().accept()
