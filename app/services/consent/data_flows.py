"""The basis of each data flow (document x kind of recipient): consent, unless the
coordinator set a legal basis with its article and the scopes it covers; the gate reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.validation import Problems, text
from app.models import Basis, ConsentScope, DataFlow, FlowDocument, OrganisationKind
from app.services.common import audit
from app.services.common.permissions import require_coordinator


def flow_of(session: Session, document: FlowDocument, kind: OrganisationKind) -> DataFlow | None:
    return session.scalars(
        select(DataFlow).where(DataFlow.document == document, DataFlow.recipient_kind == kind)
    ).first()


def scope_set(text_value: str | None) -> frozenset[ConsentScope]:
    """The scopes stored as "a,b" text; a value no scope knows is left out."""
    known = {s.value for s in ConsentScope}
    return frozenset(ConsentScope(s) for s in (text_value or "").split(",") if s in known)


@dataclass(frozen=True)
class FlowRow:
    document: FlowDocument
    recipient_kind: OrganisationKind
    basis: Basis
    article: str
    scopes: tuple[ConsentScope, ...]
    version: int | None


def list_flows(session: Session, actor) -> list[FlowRow]:
    """Every document x recipient kind, with the basis set (consent when none was set)."""
    require_coordinator(actor)
    stored = {(f.document, f.recipient_kind): f for f in session.scalars(select(DataFlow))}
    rows = []
    for document in FlowDocument:
        for kind in OrganisationKind:
            flow = stored.get((document, kind))
            rows.append(
                FlowRow(
                    document,
                    kind,
                    flow.basis if flow else Basis.CONSENT,
                    (flow.article or "") if flow else "",
                    tuple(s for s in ConsentScope if flow and s in scope_set(flow.scopes)),
                    flow.version if flow else None,
                )
            )
    return rows


def set_flow_basis(
    session: Session,
    actor,
    document: str,
    recipient_kind: str,
    basis: str,
    article: str = "",
    scopes: Iterable[str] = (),
) -> None:
    """The coordinator sets the basis of one data flow; the choice is audited."""
    require_coordinator(actor, "Alleen een uitstroomcoördinator stelt de grondslag in.")
    problems = Problems()
    try:
        doc, kind, chosen = FlowDocument(document), OrganisationKind(recipient_kind), Basis(basis)
    except ValueError:
        problems.add("basis", "Grondslag: onbekende gegevensstroom of grondslag.")
        problems.raise_if_any()
        raise
    cleaned = text(article, "Wetsartikel", "article", problems, max_length=200)
    chosen_scopes = []
    for value in scopes:
        try:
            chosen_scopes.append(ConsentScope(value))
        except ValueError:
            problems.add("scopes", f"Onderdelen: '{value}' is geen onderdeel.")
    if chosen is Basis.LEGAL:
        if not cleaned:
            problems.add("article", "Wetsartikel: noem het artikel waarop de gegevensstroom rust.")
        if not chosen_scopes:
            problems.add("scopes", "Onderdelen: kies wat op grond van de wet gedeeld wordt.")
    problems.raise_if_any()
    flow = flow_of(session, doc, kind)
    if flow is None:
        flow = DataFlow(document=doc, recipient_kind=kind, created_by_id=actor.user_id)
        session.add(flow)
    flow.basis = chosen
    flow.article = cleaned if chosen is Basis.LEGAL else None
    flow.scopes = (
        ",".join(s.value for s in ConsentScope if s in chosen_scopes)
        if chosen is Basis.LEGAL
        else ""
    )
    flow.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "data_flow",
        flow.id,
        f"{doc.value}>{kind.value}:{chosen.value};{flow.scopes}",
    )
