"""The figures of the data-protection review (issue 16), re-run on a fresh encrypted school.

    .venv/bin/python -m tests.security.review_figures

Prints one line per figure and exits 1 when one is not what it must be. Everything runs in a
temporary folder (its own data folder); argon2id is made light (its cost is stored per key
slot, so only the time changes). Log-in waits are counted, never slept. Takes well under
two minutes.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(tempfile.mkdtemp(prefix="koers-review-"))
os.environ["KOERS_DATA_DIR"] = str(ROOT / "data")
os.environ.pop("KOERS_DATABASE_URL", None)
os.umask(0o077)  # as the app sets it at start (app/__main__.py)

from sqlalchemy import func, select, text  # noqa: E402

from app.core.errors import KoersError  # noqa: E402
from app.db import Store, audit_checkpoint, backup, keyfile  # noqa: E402
from app.db.urls import data_dir  # noqa: E402
from app.models import AuditEntry, ConsentScope, Student  # noqa: E402
from app.services.admin import opening  # noqa: E402
from app.services.admin.login_throttle import LoginThrottle  # noqa: E402
from app.services.common import audit, audit_chain  # noqa: E402
from app.services.common.actor import Actor  # noqa: E402
from app.services.consent import register as consents  # noqa: E402
from app.services.consent.gate import ConsentRefusedError  # noqa: E402
from app.services.consent.report_export import export_report  # noqa: E402
from app.services.las_import import csv_mappings  # noqa: E402
from app.services.las_import.importer import apply_import, preview_import  # noqa: E402
from app.services.las_import.source import ImportSource  # noqa: E402
from tests.consent.helpers import MARKERS, consent_input, full_student, organisations  # noqa: E402

logging.getLogger().addHandler(logging.NullHandler())  # the app's warnings stay quiet here
keyfile.KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}
USER, PASSWORD = "c.peeters", "Horizon-wachtwoord-2026"
NAMES = ("Noémie", "Ozturk", "Fatma", "Ingrid Peeters")
ok = True


def say(label: str, value: str, good: bool) -> None:
    global ok
    ok &= good
    print(f"{'ok  ' if good else 'FOUT'} {label}: {value}")


def new_school(name: str) -> tuple[Store, Actor]:
    url = f"sqlite:///{ROOT / name / 'koers.db'}"
    (ROOT / name).mkdir(mode=0o700)
    entered = opening.create_school(
        opening.find_school(url), school_name="De Horizon", brin="12AB", username=USER,
        display_name="Ingrid Peeters", password=PASSWORD,
    )  # fmt: skip
    return entered.store, entered.actor


def counts(store: Store) -> tuple[int, int]:
    return store.run(
        lambda s: (
            s.scalar(select(func.count()).select_from(Student)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )
    )


# --- 1. holdout import files ------------------------------------------------------------

CSV_HEAD = "Leerlingnummer;Achternaam;Voornaam;Geboortedatum\n"


def _csv(*rows: str) -> bytes:
    return (CSV_HEAD + "".join(r + "\n" for r in rows)).encode("utf-8")


HOLDOUT: dict[str, tuple[str, bytes]] = {
    "ESC in a name": ("csv", _csv("1001;Jansen\x1b[2J;Piet;01-02-2008")),
    "BEL in a name": ("csv", _csv("1002;Jansen\x07;Piet;01-02-2008")),
    "backspace in a name": ("csv", _csv("1003;Jansen\x08\x08;Piet;01-02-2008")),
    "right-to-left override": ("csv", _csv("1004;Jan\u202esen;Piet;01-02-2008")),
    "NUL byte": ("csv", _csv("1005;Jan\x00sen;Piet;01-02-2008")),
    "10 MB field": ("csv", _csv("1006;" + "J" * 10_000_000 + ";Piet;01-02-2008")),
    "no LAS key": ("csv", _csv(";Jansen;Piet;01-02-2008")),
    "key used twice": ("csv", _csv("1008;Jansen;Piet;01-02-2008", "1008;Bakker;Anna;01-02-2008")),
    "date that does not exist": ("csv", _csv("1009;Jansen;Piet;31-02-2008")),
    "external entity (XXE)": (
        "edexml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<EDEX>&e;</EDEX>",
    ),
    "entity expansion": (
        "edexml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
        b"]><EDEX>&b;&b;&b;</EDEX>",
    ),
    "truncated EDEXML": ("edexml", b'<?xml version="1.0"?><EDEX><leerlingen><leerling key="1'),
    "not an export at all": ("csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
}


def holdout_files(store: Store, actor: Actor) -> None:
    refused = 0
    before = counts(store)
    for kind, data in HOLDOUT.values():
        try:
            if kind == "csv":
                headers, _encoding, _delimiter = csv_mappings.csv_headers(data)
                mapping = store.run(csv_mappings.load_mapping, actor, "standaard", headers)
                source = ImportSource("csv", data, "export.csv", mapping)
            else:
                source = ImportSource("edexml", data, "export.xml")
            preview = store.run(preview_import, actor, source)
            if preview.can_apply:
                continue
            store.run(apply_import, actor, source)  # must refuse too
        except (KoersError, ValueError):
            refused += 1
    # A refused preview may be logged as viewed; students never change.
    written = counts(store)[0] - before[0]
    say(
        "holdout files refused, nothing written",
        f"{refused} of {len(HOLDOUT)} refused, {written} students written",
        refused == len(HOLDOUT) and written == 0,
    )


# --- 2. consent leaks, and 7. refused exports leave audit rows --------------------------


def consent_leaks(store: Store, actor: Actor, out: Path) -> None:
    network = store.run(organisations)
    venlo = network["venlo"].id
    scopes = list(ConsentScope)
    students = [
        store.run(lambda s, i=i: full_student(s, las_key=f"9{i:03d}").id) for i in range(60)
    ]
    expected_refusals = 0
    for n, sid in enumerate(students):
        if n < 24:
            expected_refusals += 1  # no consent at all
            continue
        given = scopes[: 1 + n % len(scopes)]
        cid = store.run(consents.record_consent, actor, sid, consent_input(venlo, given))
        if n == 24:  # a withdrawal: refused from that day on
            store.run(consents.withdraw_consent, actor, cid, "01-04-2026", "de leerling zelf")
            expected_refusals += 1
    leaks = refused = 0
    for n, sid in enumerate(students):
        target = out / f"dossier-{n}.pdf"
        try:
            result = store.run(export_report, actor, sid, venlo, target, at=date(2026, 5, 1))
        except ConsentRefusedError:
            refused += 1
            leaks += target.exists()
            continue
        raw = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
        content = " ".join(raw.split())
        leaks += sum(1 for s, m in MARKERS.items() if s not in result.scopes and m in content)
    say("consent leaks over 60 students with a withdrawal", str(leaks), leaks == 0)
    logged = store.run(
        lambda s: s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "export_refused")
        )
    )
    say(
        "refused exports leave audit rows",
        f"{logged} of {refused} (expected refusals: {expected_refusals})",
        logged == refused == expected_refusals,
    )


# --- 3. plaintext names, 5. file modes --------------------------------------------------


def koers_files(school: Path) -> list[Path]:
    """What Koers writes and keeps: the database folder (database, key file, backups) and
    the data folder (checkpoints, log-in counts, logs); not the exports a user asked for."""
    return [p for root in (school, data_dir()) for p in root.rglob("*") if p.is_file()]


def plaintext_names(school: Path) -> None:
    files = koers_files(school)
    found = [
        p for p in files
        if any(n.encode("utf-8") in p.read_bytes() or n.encode("utf-16-le") in p.read_bytes()
               for n in NAMES)
    ]  # fmt: skip
    say(
        "plaintext names in the files Koers writes",
        f"{len(found)} of {len(files)} files"
        + (f" ({', '.join(p.name for p in found)})" if found else ""),
        not found,
    )


def file_modes(school: Path) -> None:
    wrong = []
    for root in (school, data_dir()):
        for p in [root, *root.rglob("*")]:
            mode = stat.S_IMODE(p.stat().st_mode)
            if mode != (0o700 if p.is_dir() else 0o600):
                wrong.append(f"{p.name} {oct(mode)}")
    total = sum(1 for root in (school, data_dir()) for _ in [root, *root.rglob("*")])
    say("files 0600 and folders 0700", f"{total - len(wrong)} of {total}" +
        (f" (not: {', '.join(wrong[:5])})" if wrong else ""), not wrong)  # fmt: skip


# --- 4. the cut audit log ---------------------------------------------------------------


def _guards_off(store: Store, *statements: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        for statement in statements:
            connection.execute(text(statement))


def _recompute(store: Store, key: bytes | None) -> None:
    with store.engine.begin() as connection:
        rows = connection.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).mappings()
        prev, updates = audit_chain.GENESIS, []
        for row in rows:
            digest = audit_chain.entry_hash(
                prev, row["at"], row["user_id"], row["action"], row["entity"],
                row["entity_id"], row["detail"], key,
            )  # fmt: skip
            updates.append({"p": prev, "h": digest, "i": row["id"]})
            prev = digest
        for update in updates:
            connection.execute(
                text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"), update
            )


def cut_audit_log() -> None:
    def last(store: Store) -> int:
        return store.run(lambda s: s.scalar(select(func.max(AuditEntry.id))))

    cases: dict[str, Callable[[Store], None]] = {
        "last row": lambda st: _guards_off(st, f"DELETE FROM audit_log WHERE id = {last(st)}"),
        "last 137 rows": lambda st: _guards_off(
            st, f"DELETE FROM audit_log WHERE id > {last(st) - 137}"
        ),
        "all rows": lambda st: _guards_off(st, "DELETE FROM audit_log"),
        "export rows deleted, chain recomputed (plain SHA-256)": lambda st: (
            _guards_off(st, "DELETE FROM audit_log WHERE action = 'export'"),
            _recompute(st, None),
        ),
        "export rows deleted, chain recomputed with the real key": lambda st: (
            _guards_off(st, "DELETE FROM audit_log WHERE action = 'export'"),
            _recompute(st, audit_checkpoint.chain_key(st)),
        ),
        "checkpoint removed from the key file, last 5 rows cut": lambda st: (
            _guards_off(st, f"DELETE FROM audit_log WHERE id > {last(st) - 5}"),
            _drop_checkpoint(st),
        ),
    }
    detected = 0
    for n, (name, cut) in enumerate(cases.items()):
        store, actor = new_school(f"cut-{n}")
        try:
            entries = [
                ("export" if i % 10 == 0 else "view", "student", i, None) for i in range(400)
            ]
            store.run(audit.record_many, actor, entries)
            backup.make_backup(store, "dagelijks")  # also moves the checkpoint
            cut(store)
            report = store.run(audit.check_chain, actor)
            caught = not report.intact
            detected += caught
            found = [f"keten breekt bij regel {report.broken_at}"] if report.broken_at else []
            found += report.missing[:1]
            print(f"       {name}: {'gevonden' if caught else 'NIET GEVONDEN'}: {'; '.join(found)}")
        finally:
            store.dispose()
    say("cut audit log cases detected", f"{detected} of {len(cases)}", detected == len(cases))


def _drop_checkpoint(store: Store) -> None:
    import json

    path = keyfile.keyfile_path(store.sqlite_file)
    data = json.loads(path.read_text("utf-8"))
    data.pop("audit_checkpoint", None)
    path.write_text(json.dumps(data), "utf-8")


# --- 6. failed log-ins meet a growing delay ---------------------------------------------


def login_delay(url: str) -> None:
    waits: list[float] = []
    now = [1_800_000_000.0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    for attempt in range(6):
        throttle = LoginThrottle(clock=lambda: now[0], sleep=sleep)  # a restart every try
        found = opening.find_school(url)
        try:
            opening.log_in(found, USER, f"fout-{attempt}", damaged_read_only=True,
                           throttle=throttle).store.dispose()  # fmt: skip
        except KoersError:
            pass
        finally:
            found.close()
    say("six wrong passwords met a growing delay", f"waits {waits} s (counted, not slept)",
        waits == [1, 2, 4, 8])  # fmt: skip


def main() -> int:
    try:
        store, actor = new_school("school")
        school = ROOT / "school"
        try:
            holdout_files(store, actor)
            out = ROOT / "exports"
            out.mkdir()
            consent_leaks(store, actor, out)
            backup.make_backup(store, "dagelijks")
            url = str(store.url)
        finally:
            store.dispose()
        login_delay(url)
        plaintext_names(school)
        file_modes(school)
        cut_audit_log()
    finally:
        shutil.rmtree(ROOT, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
