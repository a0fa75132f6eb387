"""The sector norms the trends area draws against: a share placed and a share still in
place, in percent, as the school's settings (Beheer → Schoolinstellingen)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.errors import KoersError, ValidationError
from app.services.common.actor import Actor
from app.services.common.permissions import require_current_coordinator
from app.services.common.school_settings import NO_SCHOOL, save_settings, school_settings

# Where the defaults come from, named in the help of the setting and in the area.
NORM_SOURCE = (
    "Sectorraad Praktijkonderwijs, kwaliteitskader uitstroom en bestendiging: minstens "
    "90 % van de vertrekkers geplaatst en minstens 75 % na een jaar nog op een plek."
)


@dataclass(frozen=True, slots=True)
class Norms:
    placed_percent: int
    retained_percent: int
    source: str = NORM_SOURCE


def norms(session: Session, _actor: Actor) -> Norms:
    settings = school_settings(session)
    return Norms(settings.norm_placed_percent, settings.norm_retained_percent)


def _percent(value: str | int, label: str, field: str, problems: dict[str, str]) -> int | None:
    text = str(value).strip().rstrip("%").strip()
    if not text.isdigit() or not 1 <= int(text) <= 100:
        problems[field] = (
            f"{label}: geef een heel percentage van 1 tot en met 100, bijvoorbeeld 90."
        )
        return None
    return int(text)


def set_norms(session: Session, actor: Actor, placed: str | int, retained: str | int) -> Norms:
    """Saves both norms (coordinator only); a bad value saves neither."""
    require_current_coordinator(session, actor)
    problems: dict[str, str] = {}
    placed_value = _percent(placed, "Norm geplaatst", "norm_placed_percent", problems)
    retained_value = _percent(retained, "Norm nog op een plek", "norm_retained_percent", problems)
    if problems:
        raise ValidationError(problems)
    if not school_settings(session).exists:
        raise KoersError(NO_SCHOOL)
    saved = save_settings(
        session,
        actor,
        f"normen geplaatst={placed_value} bestendigd={retained_value}",
        norm_placed_percent=placed_value,
        norm_retained_percent=retained_value,
    )
    return Norms(saved.norm_placed_percent, saved.norm_retained_percent)
