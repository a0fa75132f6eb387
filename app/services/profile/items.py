"""The profile items: what the school's method scores per factor (Denken, Doen, Willen, Zijn).

Items are managed by the coordinator; retiring an item hides it from new assessments but
every old assessment keeps showing its score, with the label it has now.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.validation import Problems, choice, text
from app.models import Factor, ItemScale, ProfileItem
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_coordinator

# The factor order every list and print follows.
FACTORS = list(Factor)


@dataclass(frozen=True, slots=True)
class ItemView:
    id: int
    factor: Factor
    label: str
    position: int
    retired: bool
    scale: ItemScale = ItemScale.SKILL  # what the score measures, so it reads in fitting words


def _item_view(item: ProfileItem) -> ItemView:
    return ItemView(
        item.id,
        Factor(item.factor),
        item.label,
        item.position,
        item.retired,
        ItemScale(item.scale or ItemScale.SKILL),
    )


def list_items(session: Session, actor: Actor, include_retired: bool = True) -> list[ItemView]:
    """The items per factor in the school's order (factor order Denken, Doen, Willen, Zijn)."""
    stmt = select(ProfileItem)
    if not include_retired:
        stmt = stmt.where(ProfileItem.retired.is_(False))
    items = [_item_view(i) for i in session.scalars(stmt)]
    order = {f: n for n, f in enumerate(FACTORS)}
    return sorted(items, key=lambda i: (order[i.factor], i.position, i.id))


def _validated_label(label: str | None, problems: Problems) -> str | None:
    return text(label, "Omschrijving", "label", problems, max_length=120, required=True)


def add_item(
    session: Session,
    actor: Actor,
    factor: Factor | str,
    label: str,
    scale: ItemScale | str = ItemScale.SKILL,
) -> int:
    require_coordinator(actor)
    problems = Problems()
    wanted = choice(factor, Factor, "Factor", "factor", problems)
    if wanted is None and "factor" not in problems.by_field:
        problems.add("factor", "Factor: kies Denken, Doen, Willen of Zijn.")
    measured = choice(scale, ItemScale, "Schaal", "scale", problems) or ItemScale.SKILL
    cleaned = _validated_label(label, problems)
    problems.raise_if_any()
    last = session.scalar(
        select(func.max(ProfileItem.position)).where(ProfileItem.factor == wanted)
    )
    item = ProfileItem(
        factor=wanted,
        label=cleaned,
        scale=measured,
        position=(last if last is not None else -1) + 1,
        retired=False,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(item)
    session.flush()
    audit.record(session, actor, "create", "profile_item", item.id)
    return item.id


def _item(session: Session, item_id: int) -> ProfileItem:
    item = session.get(ProfileItem, item_id)
    if item is None:
        raise NotFoundError("Dit profielitem bestaat niet (meer).")
    return item


def rename_item(session: Session, actor: Actor, item_id: int, label: str) -> None:
    """Renames an item; old assessments show the new name (the item is the same thing)."""
    require_coordinator(actor)
    item = _item(session, item_id)
    problems = Problems()
    cleaned = _validated_label(label, problems)
    problems.raise_if_any()
    item.label = cleaned
    item.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "profile_item", item.id, "label")


def set_item_scale(session: Session, actor: Actor, item_id: int, scale: ItemScale | str) -> None:
    """Says what an item measures; every score, old ones too, then reads in that scale's words."""
    require_coordinator(actor)
    item = _item(session, item_id)
    problems = Problems()
    measured = choice(scale, ItemScale, "Schaal", "scale", problems)
    if measured is None and "scale" not in problems.by_field:
        problems.add("scale", "Schaal: kies wat dit onderdeel meet.")
    problems.raise_if_any()
    item.scale = measured
    item.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "profile_item", item.id, f"scale:{measured.value}")


def move_item(session: Session, actor: Actor, item_id: int, step: int) -> None:
    """Moves an item up (step -1) or down (+1) among the items of its factor."""
    require_coordinator(actor)
    item = _item(session, item_id)
    siblings = list(
        session.scalars(
            select(ProfileItem)
            .where(ProfileItem.factor == item.factor)
            .order_by(ProfileItem.position, ProfileItem.id)
        )
    )
    index = siblings.index(item)
    target = index + step
    if not 0 <= target < len(siblings):
        return
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "profile_item", item.id, "position")


def retire_item(session: Session, actor: Actor, item_id: int, retired: bool = True) -> None:
    """Retires an item (no longer offered) or brings it back; scores already given stay."""
    require_coordinator(actor)
    item = _item(session, item_id)
    item.retired = retired
    item.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session, actor, "update", "profile_item", item.id, "retired" if retired else "restored"
    )
