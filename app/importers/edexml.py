"""Reading an EDEXML 2.1 (or 2.0) export: school, locations, groups, students and staff.

The file is first read by `parse_xml` (defusedxml: no DTD, no entities, size limit), then
a second time with expat to know the line of every element, so each problem names its
line. The structure and every value Koers uses are checked against the schema's rules,
except the school year's list, which the 2.1 schema ends at 2024-2025 (see checks.py and
../shared/edexml/README.md): any "jjjj-jjjj" with consecutive years is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from xml.parsers import expat

from app.core import clock
from app.core.text_safety import nfc, refusal
from app.importers.checks import check_student, check_unique_keys
from app.importers.paths import ImportFileError
from app.importers.records import (
    ERROR,
    WARNING,
    ImportedStaff,
    Issue,
    ParsedImport,
    RawStudent,
)
from app.importers.safe_xml import MAX_XML_BYTES, parse_xml

# EDEXML element -> Koers field, in the order of LeerlingType.
_STUDENT_TEXT = {
    "achternaam": "surname",
    "voorvoegsel": "prefix",
    "voornamen": "given_names",
    "voorletters-1": "initials",
    "roepnaam": "first_name",
    "geboortedatum": "birth_date",
    "geslacht": "sex",
    "jaargroep": "jaargroep",
    "bsn": "bsn",
    "onderwijsnummer": "onderwijsnummer",
    "bsn_ondwnr-4": "id_last4",
    "postcodenl": "postcode",
    "instroomdatum": "enrolment_date",
    "uitstroomdatum": "planned_outflow_date",
}
_LABELS = {field: element for element, field in _STUDENT_TEXT.items()}
_LABELS |= {"las_key": "@key", "las_group": "groep", "class_name": "groep", "location": "vestiging"}
_LABELS |= {"mentor": "leerkracht"}
_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
_BRIN = re.compile(r"^\d{2}[A-Z]{2}$")
# Staff roles that make a leerkracht the mentor of the groups it is linked to; a link
# without any role counts too (the sample's groepsleraar has none).
MENTOR_ROLES = frozenset({"LRK"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str) -> str:
        child = self.find(tag)
        return child.text.strip() if child is not None else ""


class _Refused(Exception):
    """The document declares a DTD or entities: left to parse_xml to word the refusal."""


def _refuse(*_args) -> None:
    raise _Refused


def _tree(data: bytes) -> Node:
    """The document as Nodes with line numbers.

    Any document type declaration, entity or external reference stops the parse at once
    (the same refusals as defusedxml's), so nothing is ever expanded or fetched.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    root = Node("", {}, 0)
    stack = [root]
    texts: list[list[str]] = [[]]

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)
        texts.append([])

    def end(_tag: str) -> None:
        stack.pop().text = "".join(texts.pop())

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = lambda chunk: texts[-1].append(chunk)
    parser.Parse(data, True)
    return root.children[0]


def read_edexml(data: bytes, *, source: str = "", today: date | None = None) -> ParsedImport:
    """Everything in an EDEXML file; ImportFileError when it is not one at all."""
    what = f"Het bestand '{source}'" if source else "Het bestand"
    data = bytes(data)
    if not data.strip() or len(data) > MAX_XML_BYTES:
        parse_xml(data, max_bytes=MAX_XML_BYTES, source=source)  # raises: empty, too big
    try:
        root = _tree(data)
    except (_Refused, expat.ExpatError, ValueError, LookupError):
        # defusedxml reads it again only to word the refusal (DTD, entity, bad XML).
        parse_xml(data, max_bytes=MAX_XML_BYTES, source=source)
        raise ImportFileError(f"{what} is geen geldig XML-bestand.") from None
    if root.tag != "EDEX":
        raise ImportFileError(
            f"{what} is geen EDEXML-bestand: het begint met <{root.tag}> in plaats "
            "van <EDEX>. Maak in het LAS een uitvoer in EDEXML 2.1."
        )
    parsed = ParsedImport("edexml")
    issues = parsed.issues

    def file_problem(node: Node | None, label: str, text: str, severity: str = ERROR) -> None:
        where = f"Regel {node.line}" if node is not None else "Het bestand"
        issues.append(Issue(severity, where, label, text))

    school = root.find("school")
    if school is None:
        raise ImportFileError(f"{what} mist het onderdeel <school>; het is geen EDEXML-bestand.")
    leerlingen = root.find("leerlingen")
    if leerlingen is None or not leerlingen.all("leerling"):
        raise ImportFileError(f"{what} bevat geen leerlingen (<leerlingen><leerling>).")
    _read_school(school, parsed, file_problem)
    reference = parsed.reference_date or today or clock.today()

    groups: dict[str, tuple[str, str]] = {}  # key -> (name, jaargroep)
    composites: set[str] = set()
    groepen = root.find("groepen")
    for node in groepen.children if groepen is not None else []:
        key = node.attrs.get("key", "").strip()
        if not key:
            file_problem(node, node.tag, "het attribuut key ontbreekt")
            continue
        if key in groups or key in composites:
            file_problem(node, node.tag, f"de sleutel '{key}' komt twee keer voor")
        name = node.child_text("naam")
        if not name:
            file_problem(node, "naam", f"groep '{key}' heeft geen naam")
        if node.tag == "samengestelde_groep":
            composites.add(key)
        else:
            groups[key] = (name, node.child_text("jaargroep"))
    locations: dict[str, str] = {}
    vestigingen = root.find("vestigingen")
    for node in vestigingen.all("vestiging") if vestigingen is not None else []:
        key = node.attrs.get("key", "").strip()
        if not key:
            file_problem(node, "vestiging", "het attribuut key ontbreekt")
            continue
        locations[key] = node.child_text("naam")

    mentors = _read_staff(root.find("leerkrachten"), groups, parsed, file_problem)

    for node in leerlingen.all("leerling"):
        raw = _raw_student(node, groups, composites, locations, mentors)
        student, found = check_student(raw, reference)
        parsed.students.append(student)
        issues.extend(found)
    check_unique_keys(parsed.students, issues)
    return parsed


def _read_school(school: Node, parsed: ParsedImport, problem) -> None:
    year = school.find("schooljaar")
    match = _SCHOOL_YEAR.match(year.text.strip()) if year is not None else None
    if year is None:
        problem(school, "schooljaar", "ontbreekt")
    elif not match or int(match.group(2)) != int(match.group(1)) + 1:
        problem(year, "schooljaar", f"'{year.text.strip()}' is geen schooljaar (jjjj-jjjj)")
    else:
        parsed.school_year = year.text.strip()
    brin = school.find("brincode")
    if brin is not None:
        if _BRIN.match(brin.text.strip()):
            parsed.brin = brin.text.strip()
        else:
            problem(brin, "brincode", f"'{brin.text.strip()}' is geen brincode", WARNING)
    peildatum = school.find("peildatum")
    if peildatum is not None:
        try:
            parsed.reference_date = date.fromisoformat(peildatum.text.strip())
        except ValueError:
            problem(peildatum, "peildatum", f"'{peildatum.text.strip()}' is geen datum")
    version = school.child_text("xsdversie")
    if version and version not in ("2.0", "2.1"):
        problem(
            school.find("xsdversie"),
            "xsdversie",
            f"versie {version}; Koers kent EDEXML 2.0 en 2.1 en leest alleen wat het herkent",
            WARNING,
        )


def _is_mentor_link(link: Node, general_roles: list[str]) -> bool:
    roles = [r.text.strip() for r in link.all("rol")] or general_roles
    return not roles or bool(MENTOR_ROLES & set(roles))


def _read_staff(
    leerkrachten: Node | None, groups: dict, parsed: ParsedImport, problem
) -> dict[str, str]:
    """Staff who mentor a group, in `parsed.staff`; returns group key -> staff key."""
    mentor_of: dict[str, str] = {}
    for node in leerkrachten.all("leerkracht") if leerkrachten is not None else []:
        key = node.attrs.get("key", "").strip()
        if not key:
            problem(node, "leerkracht", "het attribuut key ontbreekt")
            continue
        if key in parsed.staff:
            problem(node, "leerkracht", f"de sleutel '{key}' komt twee keer voor")
            continue
        surname = node.child_text("achternaam")
        first = node.child_text("roepnaam") or node.child_text("voorletters-1")
        if not (surname or first):
            problem(node, "achternaam", f"leerkracht '{key}' heeft geen naam")
            continue
        hidden = _hidden_in_staff(node, key)
        if hidden:
            problem(*hidden)
            continue
        general = [r.text.strip() for r in node.all("rol")]
        links = node.find("groepen")
        mentors_any = False
        for link in links.children if links is not None else []:
            ref = link.attrs.get("key", "").strip()
            if link.tag == "groep" and ref not in groups:
                problem(link, "groep", f"'{ref}' staat niet in het bestand")
                continue
            if link.tag == "groep" and _is_mentor_link(link, general):
                mentor_of.setdefault(ref, key)
                mentors_any = True
        if mentors_any:
            parsed.staff[key] = ImportedStaff(
                key=key,
                surname=nfc(surname)[:120],
                prefix=nfc(node.child_text("voorvoegsel"))[:20] or None,
                first_name=nfc(first)[:80],
                email=node.child_text("emailadres") or None,
            )
    return mentor_of


def _hidden_in_staff(node: Node, key: str) -> tuple[Node, str, str] | None:
    """(element, label, text) for an error when a staff member's key, name or e-mail holds
    a control or direction-override character: they become accounts under that name."""
    reason = refusal(key)
    if reason:
        return node, "leerkracht", f"de sleutel {reason}; pas dit aan in het LAS"
    for tag in ("achternaam", "voorvoegsel", "roepnaam", "voorletters-1", "emailadres"):
        child = node.find(tag)
        reason = refusal(child.text.strip()) if child is not None else None
        if child is not None and reason:
            return child, tag, f"leerkracht '{key}': {reason}; pas dit aan in het LAS"
    return None


def _raw_student(
    node: Node,
    groups: dict[str, tuple[str, str]],
    composites: set[str],
    locations: dict[str, str],
    mentors: dict[str, str],
) -> RawStudent:
    key = node.attrs.get("key", "")
    where = f"Regel {node.line} (leerling {key})" if key.strip() else f"Regel {node.line}"
    raw = RawStudent(where=where, labels=dict(_LABELS), date_style="iso")
    values = raw.values
    values["las_key"] = key
    for child in node.children:
        name = _STUDENT_TEXT.get(child.tag)
        if name is not None:
            values[name] = child.text
        elif child.tag in ("postnummerbe", "postcodeoverig"):
            raw.foreign_postcode = child.text.strip()
    group = node.find("groep")
    if group is not None:
        ref = group.attrs.get("key", "").strip()
        if ref in groups:
            name, jaargroep = groups[ref]
            values["las_group"] = name
            values["class_name"] = name
            values.setdefault("jaargroep", jaargroep)
            if ref in mentors:
                values["mentor"] = mentors[ref]
        else:
            raw.broken_refs.append(("las_group", ref))
    for ref_node in getattr(node.find("samengestelde_groepen"), "children", []):
        ref = ref_node.attrs.get("key", "").strip()
        if ref not in composites:
            raw.broken_refs.append(("las_group", ref))
    location = node.find("vestiging")
    if location is not None:
        ref = location.attrs.get("key", "").strip()
        if ref in locations:
            values["location"] = locations[ref]
        else:
            raw.broken_refs.append(("location", ref))
    return raw
