"""The reference data of design.md ("Budgets"), bulk-inserted, and cached as SQLite files.

A school over ten years: 3,000 students with 12,000 internships, 15,000 conversations,
36,000 aftercare calls and 1,000,000 audit rows. A region: 150,000 students (only the
students, their guardians and paths: the region is only used for the cohort measurements).

Everything goes in with Core `insert()` over lists of dicts, in batches, each batch its own
transaction; the audit rows carry a valid hash chain (app.services.common.audit._entry_hash).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from app.db.store import Store, open_store
from app.demo import names
from app.demo import school as demo
from app.demo import students as demo_students
from app.models import (
    AftercareCall,
    AuditEntry,
    Conversation,
    ConversationType,
    Employer,
    EmployerContact,
    Internship,
    InternshipStatus,
    InternshipType,
    Participant,
    Role,
    Still,
    Student,
    User,
)
from app.models.base import utcnow
from app.services.common.actor import Actor
from app.services.common.audit_chain import chain_end, chain_key, entry_hash

BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".cache"
# The password of every generated user ('demo', the mentors): at least ten characters.
PASSWORD = "bench-wachtwoord-2026"
# Bump when the generated data changes shape, so cached files are rebuilt.
GENERATOR_VERSION = 2
SEED = 2026
BATCH = 20_000
AUDIT_BATCH = 50_000


@dataclass(frozen=True)
class Sizes:
    students: int = 3_000
    employers: int = 400
    internships: int = 12_000
    conversations: int = 15_000
    aftercare_calls: int = 36_000
    audit_rows: int = 1_000_000
    region_students: int = 150_000

    def reference_key(self) -> str:
        return (
            f"s{self.students}-e{self.employers}-i{self.internships}-c{self.conversations}"
            f"-a{self.aftercare_calls}-l{self.audit_rows}"
        )


FULL = Sizes()
QUICK = Sizes(audit_rows=20_000, region_students=30_000)


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --- cache -------------------------------------------------------------------------------


def _schema_key() -> str:
    """The head revision and a digest of the chain's file names: a merge that slips new
    migrations in below the same head (0014 and 0015 under 0016) still makes new files."""
    from app.db.migrate import head_revision

    versions = Path(__file__).resolve().parent.parent / "app" / "db" / "migrations" / "versions"
    chain = ",".join(sorted(p.name for p in versions.glob("[0-9]*.py")))
    return f"{head_revision()}-{hashlib.sha1(chain.encode()).hexdigest()[:6]}"


def cached_reference(sizes: Sizes) -> Path:
    """The reference school as an SQLite file, generated on first use."""
    name = f"reference-{sizes.reference_key()}-{_schema_key()}-g{GENERATOR_VERSION}.db"
    return _cached(name, lambda url: build_reference(url, sizes))


def cached_region(students: int) -> Path:
    """The region (students only) as an SQLite file, generated on first use."""
    name = f"region-s{students}-{_schema_key()}-g{GENERATOR_VERSION}.db"
    return _cached(name, lambda url: build_region(url, students))


def _cached(name: str, build: Callable[[str], None]) -> Path:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / name
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in (partial, *_sidecars(partial)):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    say(f"generating {name} (cached under {CACHE_DIR} for later runs)")
    build(f"sqlite:///{partial}")
    _checkpoint(partial)
    partial.rename(path)
    say(f"generated {name} in {time.perf_counter() - started:.1f} s")
    return path


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _checkpoint(path: Path) -> None:
    """Folds the WAL into the file, so the cached database is one self-contained file."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for sidecar in _sidecars(path):
        sidecar.unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> Path:
    """A working copy: measurements write audit rows, the cache stays as generated."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


# --- helpers -----------------------------------------------------------------------------


def _batches(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(store: Store, table, rows: Iterator[dict], size: int = BATCH) -> int:
    count = 0
    for batch in _batches(rows, size):
        with store.engine.begin() as connection:
            connection.execute(table.__table__.insert(), batch)
        count += len(batch)
    return count


def coordinator(store: Store) -> Actor:
    """The generated coordinator 'demo', as the actor the services take."""
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == "demo")).one()
        return Actor(user.id, user.username, user.display_name, user.role)


# --- the school --------------------------------------------------------------------------


def build_reference(url: str, sizes: Sizes) -> None:
    store = open_store(url)
    try:
        rng = random.Random(SEED)
        say(f"  demo school with {sizes.students} students")
        store.run(demo.generate, password=PASSWORD, students=sizes.students, seed=SEED)
        with store.engine.connect() as connection:
            student_ids = list(connection.scalars(select(Student.id).order_by(Student.id)))
            left = list(
                connection.scalars(
                    select(Student.id).where(Student.actual_outflow_date.is_not(None))
                )
            )
            mentor_ids = list(connection.scalars(select(User.id).where(User.role == Role.MENTOR)))
            user_ids = list(connection.scalars(select(User.id)))
        add_history(store, rng, sizes, student_ids, left or student_ids, mentor_ids)
        add_audit_rows(store, rng, sizes.audit_rows, student_ids, user_ids)
    finally:
        store.dispose()


EMPLOYER_KINDS = [
    ("Hoveniersbedrijf", "groen"),
    ("Bouwbedrijf", "bouw"),
    ("Supermarkt", "detailhandel"),
    ("Zorgcentrum", "zorg"),
    ("Garage", "techniek"),
    ("Bakkerij", "voeding"),
    ("Schoonmaakbedrijf", "schoonmaak"),
    ("Hotel", "horeca"),
    ("Restaurant", "horeca"),
    ("Kinderboerderij", "dieren"),
    ("Tuincentrum", "groen"),
    ("Distributiecentrum", "logistiek"),
    ("Fietsenmaker", "techniek"),
    ("Kringloopwinkel", "detailhandel"),
    ("Zorgboerderij", "dagbesteding"),
]
GOALS = [
    "Op tijd komen en afmelden bij ziekte.",
    "Zelfstandig een taak afmaken en om hulp vragen als het niet lukt.",
    "Samenwerken met collega's en instructies opvolgen.",
    "Veilig werken met gereedschap en machines.",
    "Klanten vriendelijk te woord staan.",
]
SUMMARIES = [
    "Leerling vertelt dat de stage goed bevalt; de begeleider is tevreden over inzet en "
    "houding. Aandachtspunt blijft het tempo bij nieuwe taken.",
    "Ouders maken zich zorgen over het vervoer naar de stageplek. Afgesproken dat de "
    "school de mogelijkheden van leerlingenvervoer en een reistraining uitzoekt.",
    "Besproken welke uitstroombestemming past. Voorkeur van de leerling is werk in het "
    "groen; de gemeente kijkt mee naar loonkostensubsidie en jobcoaching.",
    "Gesprek met gemeente en UWV over de indicatie banenafspraak. Aanvraag wordt na de "
    "zomer ingediend; mentor levert het ontwikkelingsperspectief aan.",
]
CALL_NOTES = [
    "Gaat goed, werkt vier dagen per week.",
    "Niet bereikt; voicemail ingesproken.",
    "Contract niet verlengd, zoekt nieuw werk via het werkgeversservicepunt.",
    "Tevreden op de dagbesteding, wil meer buiten werken.",
    "Gestopt met de opleiding; doorverwezen naar het jongerenloket.",
]


def add_history(
    store: Store,
    rng: random.Random,
    sizes: Sizes,
    student_ids: list[int],
    left_ids: list[int],
    mentor_ids: list[int],
) -> None:
    """Employers, internships, conversations (with participants) and aftercare calls."""
    today = date.today()
    ten_years = 3652

    def day_in_ten_years() -> date:
        return today - timedelta(days=rng.randint(0, ten_years))

    say(f"  {sizes.employers} employers")

    # The demo school already has its own employer network: number on after it.
    with store.engine.connect() as connection:
        e0 = connection.scalar(select(func.coalesce(func.max(Employer.id), 0)))
        c0 = connection.scalar(select(func.coalesce(func.max(EmployerContact.id), 0)))

    def employer(i: int) -> dict:
        kind, sector = rng.choice(EMPLOYER_KINDS)
        place, _municipality, pc = rng.choice(names.PLACES)
        return {
            "id": e0 + i,
            "name": f"{kind} {rng.choice(names.SURNAMES)[1]} {place}",
            "address": f"{rng.choice(names.STREETS)} {rng.randint(1, 300)}",
            "postcode": f"{pc} {rng.choice(names.LETTERS)}{rng.choice(names.LETTERS)}",
            "city": place,
            "sector": sector,
            "offers_durable_internships": rng.random() < 0.3,
            "banenafspraak_places": rng.choice([0, 0, 0, 1, 2]),
        }

    employers = (employer(i) for i in range(1, sizes.employers + 1))
    _insert(store, Employer, employers)
    contacts = (
        {
            "id": c0 + i,
            "employer_id": e0 + i,
            "name": f"{rng.choice(names.FIRST_NAMES_F + names.FIRST_NAMES_M)} "
            f"{rng.choice(names.SURNAMES)[1]}",
            "role": "praktijkbegeleider",
            "phone": f"077-{rng.randint(1000000, 9999999)}",
        }
        for i in range(1, sizes.employers + 1)
    )
    _insert(store, EmployerContact, contacts)

    say(f"  {sizes.internships} internships")

    def internship() -> dict:
        start = day_in_ten_years()
        employer = rng.randint(1, sizes.employers)
        status = rng.choices(list(InternshipStatus), weights=[5, 10, 75, 10])[0]
        return {
            "student_id": rng.choice(student_ids),
            "employer_id": e0 + employer,
            "supervisor_id": c0 + employer,
            "kind": rng.choice(list(InternshipType)),
            "start_date": start,
            "end_date": start + timedelta(weeks=rng.randint(4, 30)),
            "days": rng.choice(["ma, di", "wo, do", "ma t/m do", "vr"]),
            "hours_per_week": rng.choice([8, 12, 16, 24, 32]),
            "learning_goals": " ".join(rng.sample(GOALS, 2)),
            "status": status,
            "broken_off_reason": "Past niet bij de leerling."
            if status is InternshipStatus.BROKEN_OFF
            else None,
            "outcome": "Positief afgesloten" if status is InternshipStatus.COMPLETED else None,
        }

    _insert(store, Internship, (internship() for _ in range(sizes.internships)))

    say(f"  {sizes.conversations} conversations")

    # The demo school already holds a few hundred conversations (demo_conversations).
    with store.session() as session:
        first = session.scalar(select(func.max(Conversation.id))) or 0

    def conversation(i: int) -> dict:
        held = day_in_ten_years()
        return {
            "id": first + i,
            "student_id": rng.choice(student_ids),
            "kind": rng.choice(list(ConversationType)),
            "held_at": datetime(held.year, held.month, held.day, rng.randint(8, 16), 0),
            "place": rng.choice(["School", "Gemeentehuis", "Thuis", "Stageplek"]),
            "agenda": "Voortgang, stage, uitstroomperspectief, afspraken.",
            "summary": rng.choice(SUMMARIES),
            "decisions": "Volgende gesprek over zes weken.",
            "share_consent_asked": rng.random() < 0.5,
        }

    _insert(store, Conversation, (conversation(i) for i in range(1, sizes.conversations + 1)))

    def participants() -> Iterator[dict]:
        for i in range(1, sizes.conversations + 1):
            c = first + i
            yield {"conversation_id": c, "name": "Mentor", "role": "mentor", "organisation": None}
            yield {"conversation_id": c, "name": "Ouder", "role": "ouder", "organisation": None}
            if rng.random() < 0.4:
                yield {
                    "conversation_id": c,
                    "name": "Consulent",
                    "role": "werkmatcher",
                    "organisation": "Gemeente",
                }

    _insert(store, Participant, participants())

    say(f"  {sizes.aftercare_calls} aftercare calls")

    def call() -> dict:
        due = day_in_ten_years()
        made = due < today and rng.random() < 0.85
        reached = made and rng.random() < 0.8
        return {
            "student_id": rng.choice(left_ids),
            "mentor_id": rng.choice(mentor_ids) if mentor_ids else None,
            "due_date": due,
            "months_after_outflow": rng.choice([1, 3, 6, 12, 18, 24]),
            "made_on": due + timedelta(days=rng.randint(0, 10)) if made else None,
            "reached": reached if made else None,
            "channel": rng.choice(["telefoon", "whatsapp", "huisbezoek"]) if made else None,
            "still_at_destination": rng.choice(list(Still)) if reached else None,
            "note": rng.choice(CALL_NOTES) if made else None,
        }

    _insert(store, AftercareCall, (call() for _ in range(sizes.aftercare_calls)))


AUDIT_ACTIONS = [
    ("view", "student", 70),
    ("student_saved", "student", 12),
    ("login", "user", 8),
    ("internship_saved", "internship", 4),
    ("conversation_saved", "conversation", 3),
    ("aftercare_call_logged", "aftercare_call", 2),
    ("export", "report", 1),
]
SAVED_FIELDS = ["phone", "address,postcode,city", "mentor_id", "class_name", "guardians", "notes"]


def add_audit_rows(
    store: Store, rng: random.Random, count: int, student_ids: list[int], user_ids: list[int]
) -> None:
    """`count` audit rows over ten years, chained onto the trail the demo school started."""
    say(f"  {count} audit rows")
    with store.session() as session:
        key = chain_key(session)
        end = chain_end(session, key)
    # Keyed on an encrypted store whose trail is keyed already; plain otherwise.
    key = None if end.needs_marker else key
    chain = {"prev": end.head}
    end = utcnow() - timedelta(days=1)
    start = end - timedelta(days=3652)
    step = (end - start) / max(count, 1)
    actions, entities, weights = zip(*AUDIT_ACTIONS, strict=True)
    picks = rng.choices(range(len(actions)), weights=weights, k=count)

    def rows() -> Iterator[dict]:
        prev = chain["prev"]
        for n, pick in enumerate(picks):
            at = start + step * n
            action, entity = actions[pick], entities[pick]
            user_id = rng.choice(user_ids)
            if entity == "student":
                entity_id = rng.choice(student_ids)
            elif entity == "user":
                entity_id = user_id
            else:
                entity_id = rng.randint(1, 20_000)
            detail = f"fields={rng.choice(SAVED_FIELDS)}" if action == "student_saved" else None
            digest = entry_hash(prev, at, user_id, action, entity, entity_id, detail, key)
            yield {
                "at": at,
                "user_id": user_id,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail,
                "prev_hash": prev,
                "hash": digest,
            }
            prev = digest

    _insert(store, AuditEntry, rows(), size=AUDIT_BATCH)


# --- the region --------------------------------------------------------------------------


def build_region(url: str, students: int, *, chunk: int = 10_000) -> None:
    """A region's database: the demo users and `students` students (paths, guardians)."""
    store = open_store(url)
    try:
        actor = store.run(demo.generate, password=PASSWORD, students=0, seed=SEED)
        add_region_students(store, actor, students, chunk=chunk)
        if not store.is_sqlite:
            with store.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT")
                connection.execute(text("ANALYZE"))
    finally:
        store.dispose()


def add_region_students(store: Store, actor: Actor, count: int, *, chunk: int = 10_000) -> None:
    rng = random.Random(SEED + 1)
    with store.engine.connect() as connection:
        mentor_ids = list(connection.scalars(select(User.id).where(User.role == Role.MENTOR)))
    done = 0
    while done < count:
        size = min(chunk, count - done)
        store.run(
            lambda session, n=size: demo_students.add_students(session, actor, n, mentor_ids, rng)
        )
        done += size
        say(f"  region: {done}/{count} students")
