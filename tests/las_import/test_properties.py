"""Property-based: generated valid files round-trip exactly; corruptions never half-write."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app.core.errors import ValidationError
from app.db import open_store
from app.demo.las_files import (
    GROUPS,
    GeneratedStudent,
    bsn_for,
    csv_document,
    edexml_document,
)
from app.importers.paths import ImportFileError
from app.models import CsvMapping, Sex, Student, TransitionPath
from app.services.admin import accounts
from app.services.las_import import csv_mappings
from app.services.las_import.importer import apply_import
from app.services.las_import.source import ImportSource, parse_source
from tests.las_import.helpers import counts

TODAY = date(2026, 11, 24)
NAME = st.from_regex(r"[A-Za-zÀ-ÿ'&<>\"-]{1,12}( [A-Za-zÀ-ÿ'&;-]{1,12})?", fullmatch=True)
PREFIXES = st.sampled_from(["", "van", "de", "van den", "van 't", "in 't", "ter"])


@st.composite
def students(draw) -> list[GeneratedStudent]:
    count = draw(st.integers(1, 12))
    keys = draw(st.lists(st.from_regex(r"[0-9A-Z]{1,10}", fullmatch=True), min_size=count,
                         max_size=count, unique=True))  # fmt: skip
    result = []
    for n, key in enumerate(keys):
        birth = draw(st.dates(TODAY - timedelta(days=365 * 20), TODAY - timedelta(days=365 * 13)))
        enrolled = draw(st.dates(date(2018, 8, 1), date(2026, 9, 1)))
        leaving = draw(st.one_of(st.none(), st.dates(enrolled, date(2029, 7, 31))))
        result.append(
            GeneratedStudent(
                key=key,
                surname=draw(NAME),
                prefix=draw(PREFIXES),
                first_name=draw(NAME),
                birth_date=draw(st.one_of(st.none(), st.just(birth))),
                sex=draw(st.sampled_from(["1", "2"])),
                bsn=draw(st.sampled_from(["", bsn_for(n * 31 + 7)])),
                postcode=draw(st.sampled_from(["", "1234AB", "5911KB", "9999ZZ"])),
                enrolment_date=enrolled,
                leaving_date=leaving,
                group=draw(st.sampled_from([g[0] for g in GROUPS])),
            )
        )
    return result


@pytest.fixture(scope="module")
def school():
    store = open_store("sqlite://")
    actor = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password="eigenschap-test-2026",
    )
    yield store, actor
    store.dispose()


def _empty(store) -> None:
    with store.session() as session:
        session.execute(delete(TransitionPath))
        session.execute(delete(Student))
        session.execute(delete(CsvMapping))


def _stored(store) -> list[tuple]:
    with store.session() as session:
        return sorted(
            (s.las_key, s.surname, s.prefix, s.first_name, s.birth_date, s.sex, s.bsn,
             s.postcode, s.enrolment_date, s.planned_outflow_date, s.class_name)
            for s in session.scalars(select(Student))
        )  # fmt: skip


def _expected(people: list[GeneratedStudent]) -> list[tuple]:
    names = {key: name for key, name, _ in GROUPS}
    return sorted(
        (p.key, p.surname, p.prefix or None, p.first_name, p.birth_date,
         Sex.MALE if p.sex == "1" else Sex.FEMALE, p.bsn or None,
         f"{p.postcode[:4]} {p.postcode[4:]}" if p.postcode else None,
         p.enrolment_date, p.leaving_date, names[p.group])
        for p in people
    )  # fmt: skip


def _source(kind: str, data: bytes, store, actor) -> ImportSource:
    if kind == "edexml":
        return ImportSource("edexml", data)
    headers, _e, _d = csv_mappings.csv_headers(data)
    mapping = store.run(csv_mappings.load_mapping, actor, "standaard", headers)
    return ImportSource("csv", data, mapping=mapping)


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(people=students(), kind=st.sampled_from(["edexml", "csv"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))  # fmt: skip
def test_valid_files_round_trip_exactly(school, people, kind, encoding) -> None:
    store, actor = school
    _empty(store)
    if kind == "edexml":
        data = edexml_document(people, peildatum=TODAY)
    else:
        try:
            data = csv_document(people, encoding=encoding)
        except UnicodeEncodeError:
            data = csv_document(people, encoding="utf-8")
    result = store.run(apply_import, actor, _source(kind, data, store, actor), None, None, TODAY)
    assert result.created == len(people)
    assert _stored(store) == _expected(people)
    again = store.run(apply_import, actor, _source(kind, data, store, actor), None, None, TODAY)
    assert (again.created, again.updated) == (0, 0)


def _all_or_nothing(store, actor, data: bytes, kind: str) -> None:
    """Either every student the (damaged) file holds is stored, or none at all."""
    before = counts(store)[:2]
    try:
        source = _source(kind, data, store, actor)
        result = store.run(apply_import, actor, source, None, None, TODAY)
    except (ImportFileError, ValidationError):
        assert counts(store)[:2] == before
        return
    in_file = len(parse_source(source, TODAY).students)
    assert result.created == in_file
    assert counts(store)[0] == before[0] + in_file


CORRUPTIONS = ["truncate", "bad-date", "no-key", "duplicate-key", "garbage", "bad-group"]


def _corrupt(data: bytes, how: str, at: int, people: list[GeneratedStudent]) -> bytes:
    victim = people[at % len(people)]
    if how == "truncate":
        return data[: at % max(len(data) - 1, 1)]
    if how == "bad-date":
        return data.replace(victim.enrolment_date.isoformat().encode(), b"2023-02-30", 1)
    if how == "no-key":
        return data.replace(f'key="{victim.key}"'.encode(), b'key=""', 1)
    if how == "duplicate-key":
        other = people[(at + 1) % len(people)]
        return data.replace(f'key="{other.key}"'.encode(), f'key="{victim.key}"'.encode(), 1)
    if how == "garbage":
        cut = at % len(data)
        return data[:cut] + b"<\x00&" + data[cut:]
    return data.replace(f'<groep key="{victim.group}"/>'.encode(), b'<groep key="X9"/>', 1)


CSV_CORRUPTIONS = ["truncate", "bad-date", "no-key", "duplicate-key", "garbage", "binary"]


def _corrupt_csv(data: bytes, how: str, at: int, people: list[GeneratedStudent]) -> bytes:
    lines = data.split(b"\r\n")
    row = 1 + at % len(people)
    if how == "truncate":
        return data[: at % max(len(data) - 1, 1)]
    if how == "bad-date":
        day = people[row - 1].enrolment_date.strftime("%d-%m-%Y").encode()
        lines[row] = lines[row].replace(day, b"30-02-2023", 1)
    elif how == "no-key":
        lines[row] = lines[row].split(b";", 1)[1] and b";" + lines[row].split(b";", 1)[1]
    elif how == "duplicate-key" and len(people) > 1:
        other = 1 + (row % len(people))
        lines[other] = people[row - 1].key.encode() + b";" + lines[other].split(b";", 1)[1]
    elif how == "garbage":
        cut = at % len(data)
        return data[:cut] + b';\xff\x81"' + data[cut:]
    elif how == "binary":
        return b"PK\x03\x04\x00" + data
    return b"\r\n".join(lines)


@SETTINGS
@given(people=students(), how=st.sampled_from(CSV_CORRUPTIONS), at=st.integers(0, 10_000))
def test_csv_corruptions_never_leave_a_partial_write(school, people, how, at) -> None:
    store, actor = school
    _empty(store)
    data = _corrupt_csv(csv_document(people), how, at, people)
    _all_or_nothing(store, actor, data, "csv")
    after = counts(store)[0]
    if how in ("bad-date", "no-key", "binary") or (how == "duplicate-key" and len(people) > 1):
        assert after == 0


@SETTINGS
@given(people=students(), how=st.sampled_from(CORRUPTIONS), at=st.integers(0, 10_000))
def test_corruptions_never_leave_a_partial_write(school, people, how, at) -> None:
    store, actor = school
    _empty(store)
    data = _corrupt(edexml_document(people, peildatum=TODAY), how, at, people)
    _all_or_nothing(store, actor, data, "edexml")
    after = counts(store)[0]
    if how in ("bad-date", "no-key", "bad-group") or (how == "duplicate-key" and len(people) > 1):
        assert after == 0
