"""Choosing the database: the embedded file on this PC, or a shared PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.db import credentials
from app.db.urls import default_database_url
from app.ui.common.form_dialog import FormDialog

SETTINGS_KEY = "database/url"


# TLS with the server's certificate checked against the school's CA and the server's name:
# the only mode that stops a machine in between from posing as the server.
VERIFY_FULL = "verify-full"


def server_url(
    host: str,
    port: int,
    database: str,
    user: str,
    *,
    ca_file: str = "",
    client_cert: str = "",
    client_key: str = "",
) -> str:
    """The server's URL; with `ca_file` it demands TLS (sslmode=verify-full) checked
    against that CA, with `client_cert`/`client_key` when the server asks for one."""
    from sqlalchemy.engine import URL

    query: dict[str, str] = {}
    if ca_file:
        query = {"sslmode": VERIFY_FULL, "sslrootcert": ca_file}
        if client_cert:
            query["sslcert"] = client_cert
        if client_key:
            query["sslkey"] = client_key
    return URL.create(
        "postgresql+psycopg", username=user, host=host, port=port, database=database, query=query
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
        self.tls = QCheckBox(self.tr("Versleutelde verbinding (TLS), server controleren"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("CA-certificaat van de school (.crt of .pem)"))
        self.client_cert = QLineEdit()
        self.client_cert.setPlaceholderText(self.tr("Alleen als de ICT-beheerder het vraagt"))
        self.client_key = QLineEdit()
        self.client_key.setPlaceholderText(self.tr("Alleen als de ICT-beheerder het vraagt"))
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
        form.addRow(self.tls)
        self.tls_fields = [
            (self.tr("CA-certificaat"), self.ca_file),
            (self.tr("Clientcertificaat"), self.client_cert),
            (self.tr("Sleutel clientcertificaat"), self.client_key),
        ]
        for label, field in self.tls_fields:
            form.addRow(label, self._with_browse(field, label))
        self.tls.toggled.connect(self._update_tls)
        layout = self.body
        layout.addWidget(self.embedded)
        layout.addWidget(QLabel(f"    {default_database_url().removeprefix('sqlite:///')}"))
        layout.addWidget(self.server)
        layout.addWidget(self.server_form)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("Koers gebruikt de nieuwe keuze na opnieuw starten.")))
        self.server.toggled.connect(self.server_form.setEnabled)
        self._load()
        self._update_tls()

    def _with_browse(self, field: QLineEdit, label: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(field, 1)
        browse = QPushButton(self.tr("Bladeren…"))
        browse.setAccessibleName(self.tr("{label} kiezen").format(label=label))
        browse.clicked.connect(lambda: self._browse(field, label))
        line.addWidget(browse)
        field.setAccessibleName(label)
        return row

    def _browse(self, field: QLineEdit, label: str) -> None:
        start = str(Path(field.text()).parent) if field.text() else ""
        kinds = self.tr("Certificaten en sleutels (*.crt *.pem *.key);;Alle bestanden (*)")
        path, _filter = QFileDialog.getOpenFileName(self, label, start, kinds)
        if path:
            field.setText(path)

    def _update_tls(self) -> None:
        for _label, field in self.tls_fields:
            field.parentWidget().setEnabled(self.tls.isChecked())

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
            query = parsed.query
            if query.get("sslrootcert"):
                self.tls.setChecked(True)
                self.ca_file.setText(str(query.get("sslrootcert")))
                self.client_cert.setText(str(query.get("sslcert") or ""))
                self.client_key.setText(str(query.get("sslkey") or ""))
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
            **self._tls_files(),
        )

    def _tls_files(self) -> dict[str, str]:
        if not self.tls.isChecked():
            return {}
        return {
            "ca_file": self.ca_file.text().strip(),
            "client_cert": self.client_cert.text().strip(),
            "client_key": self.client_key.text().strip(),
        }

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
        required = self.tr("{label}: dit veld is verplicht.")
        return [required.format(label=label) for label in missing] + self._tls_problems()

    def _tls_problems(self) -> list[str]:
        if not self.tls.isChecked():
            return []
        found: list[str] = []
        if not self.ca_file.text().strip():
            found.append(
                self.tr(
                    "CA-certificaat: kies het CA-certificaat van de school; zonder kan Koers "
                    "de server niet controleren."
                )
            )
        for label, field in self.tls_fields:
            path = field.text().strip()
            if path and not Path(path).is_file():
                found.append(
                    self.tr("{label}: het bestand {path} bestaat niet.").format(
                        label=label, path=path
                    )
                )
        if bool(self.client_cert.text().strip()) != bool(self.client_key.text().strip()):
            found.append(
                self.tr(
                    "Clientcertificaat: vul het certificaat en de sleutel allebei in, of "
                    "allebei niet."
                )
            )
        return found

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
