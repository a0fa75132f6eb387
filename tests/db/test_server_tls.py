"""TLS to the PostgreSQL server with the school's CA (sslmode=verify-full): a server whose
certificate the CA signed is reached; with another CA Koers refuses in Dutch, without a
traceback. The server requires TLS (hostssl only), as the README tells the IT person."""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.db import open_store
from app.db.connection_errors import (
    TLS_FILE_MISSING,
    TLS_NOT_OFFERED,
    TLS_REQUIRED_BY_SERVER,
    TLS_UNTRUSTED,
    TLS_WRONG_HOST,
    tls_failure_message,
)
from app.services.admin import accounts
from app.ui.settings.database_dialog import SETTINGS_KEY, DatabaseDialog, server_url
from tests.koers_cli import run_koers
from tests.pg_control import OwnServer, own_server

pytestmark = pytest.mark.postgres

PASSWORD = "tls-test-wachtwoord-2026"


@dataclass(frozen=True)
class Authority:
    cert: Path
    key: object


def _name(common_name: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "De Horizon"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _pem(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _authority(folder: Path, name: str) -> Authority:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(
        digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
        key_encipherment=False, data_encipherment=False, key_agreement=False,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(_name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    path = _pem(folder / f"{name}.crt", cert.public_bytes(serialization.Encoding.PEM))
    return Authority(path, key)


def _server_certificate(folder: Path, ca: Authority) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, signed by `ca`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    ca_cert = x509.load_pem_x509_certificate(ca.cert.read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca.key, hashes.SHA256())
    )
    cert_path = _pem(folder / "server.crt", cert.public_bytes(serialization.Encoding.PEM))
    key_path = _pem(
        folder / "server.key",
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    return cert_path, key_path


@dataclass(frozen=True)
class TlsSetup:
    server: OwnServer
    school_ca: Path
    other_ca: Path


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TlsSetup]:
    pytest.importorskip("cryptography")
    with own_server(started=False) as server:
        school_ca = _authority(tmp_path, "school-ca")
        other_ca = _authority(tmp_path, "andere-ca")
        cert, key = _server_certificate(server.root, school_ca)
        server.give_to_server(cert, 0o644)
        server.give_to_server(key, 0o600)
        server.add_config(f"ssl = on\nssl_cert_file = '{cert}'\nssl_key_file = '{key}'")
        # What the README asks of the IT person: TCP connections only over TLS.
        server.set_hba(
            "local all all trust\n"
            "hostssl all all 127.0.0.1/32 trust\n"
            "hostnossl all all 127.0.0.1/32 reject\n"
        )
        server.start()
        yield TlsSetup(server, school_ca.cert, other_ca.cert)


def _url(server: OwnServer, database: str, ca: Path, host: str = "127.0.0.1") -> str:
    return server_url(host, server.port, database, "postgres", ca_file=str(ca))


def _new_database(server: OwnServer, name: str) -> None:
    import psycopg

    # Over the server's Unix socket, which the hba trusts without TLS.
    with psycopg.connect(
        host=str(server.root), port=server.port, user="postgres", dbname="postgres",
        autocommit=True,
    ) as admin:  # fmt: skip
        admin.execute(f'CREATE DATABASE "{name}"')


def test_verify_full_with_the_schools_ca_reaches_the_server(tls_server: TlsSetup) -> None:
    _new_database(tls_server.server, "koers")
    url = _url(tls_server.server, "koers", tls_server.school_ca)
    assert "sslmode=verify-full" in url
    store = open_store(url)
    try:
        store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        with store.engine.connect() as connection:
            from sqlalchemy import text

            uses_tls = connection.scalar(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            )
        assert uses_tls is True
    finally:
        store.dispose()


def test_another_ca_is_refused_with_a_dutch_message(tls_server: TlsSetup) -> None:
    _new_database(tls_server.server, "koers")
    with pytest.raises(Exception) as refused:
        open_store(_url(tls_server.server, "koers", tls_server.other_ca))
    assert tls_failure_message(refused.value) == TLS_UNTRUSTED


def test_a_name_the_certificate_does_not_carry_is_refused(tls_server: TlsSetup) -> None:
    _new_database(tls_server.server, "koers")
    # The right server (hostaddr), asked for under a name its certificate does not carry.
    url = _url(tls_server.server, "koers", tls_server.school_ca, host="db.andere-school.nl")
    with pytest.raises(Exception) as refused:
        open_store(url + "&hostaddr=127.0.0.1")
    assert tls_failure_message(refused.value) == TLS_WRONG_HOST.format(host="db.andere-school.nl")


def test_a_plain_connection_is_refused_by_the_server(tls_server: TlsSetup) -> None:
    server = tls_server.server
    with pytest.raises(Exception) as refused:
        open_store(server.url("postgres", sslmode="disable"))
    assert tls_failure_message(refused.value) == TLS_REQUIRED_BY_SERVER


def test_demanding_tls_of_a_server_without_it_is_refused(tmp_path: Path) -> None:
    with own_server() as plain:
        url = server_url(
            "127.0.0.1", plain.port, "postgres", "postgres", ca_file=str(tmp_path / "ca.crt")
        )
        (tmp_path / "ca.crt").write_text("")
        with pytest.raises(Exception) as refused:
            open_store(url)
        assert tls_failure_message(refused.value) == TLS_NOT_OFFERED


def test_the_command_line_says_it_in_dutch_without_a_traceback(
    tls_server: TlsSetup, tmp_path: Path
) -> None:
    _new_database(tls_server.server, "koers")
    url = _url(tls_server.server, "koers", tls_server.other_ca)
    result = run_koers(
        "students", "--database", url, "--user", "c.peeters",
        data_dir=tmp_path / "data", password=PASSWORD,
    )  # fmt: skip
    assert result.returncode != 0
    assert "niet ondertekend door het CA-certificaat" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_the_database_dialog_stores_verify_full_with_the_ca(
    qtbot, tmp_path: Path, tls_server: TlsSetup
) -> None:
    settings = QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    dialog = DatabaseDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(tls_server.server.port)
    dialog.database.setText("koers")
    dialog.user.setText("postgres")
    dialog.tls.setChecked(True)
    dialog.accept()
    assert "CA-certificaat: kies het CA-certificaat van de school" in dialog.problem.text()

    dialog.ca_file.setText(str(tls_server.school_ca))
    dialog.accept()
    stored = settings.value(SETTINGS_KEY)
    assert stored == _url(tls_server.server, "koers", tls_server.school_ca)

    again = DatabaseDialog(settings)
    qtbot.addWidget(again)
    assert again.tls.isChecked() and again.ca_file.text() == str(tls_server.school_ca)
    _new_database(tls_server.server, "koers")
    open_store(stored).dispose()  # what was stored reaches the server over TLS


def test_the_login_window_says_it_in_dutch(qtbot, tmp_path: Path, tls_server: TlsSetup) -> None:
    from app.ui.startup import StartupController
    from app.ui.tasks import TaskRunner

    _new_database(tls_server.server, "koers")
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    url = _url(tls_server.server, "koers", tls_server.other_ca)
    controller = StartupController(url, settings, TaskRunner(synchronous=True))
    controller.start()
    qtbot.addWidget(controller.login)
    assert controller.login.message.text() == TLS_UNTRUSTED
    controller.close_database()


def test_a_ca_file_that_is_not_there_is_named(tls_server: TlsSetup, tmp_path: Path) -> None:
    missing = tmp_path / "weg" / "school-ca.crt"
    with pytest.raises(Exception) as refused:
        open_store(_url(tls_server.server, "postgres", missing))
    assert tls_failure_message(refused.value) == TLS_FILE_MISSING.format(path=missing)
