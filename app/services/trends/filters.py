"""What the trends area looks at: a range of school years and the filters, and the one
dimension a figure is split by. The SQL pieces every figure shares live here too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Integer, Select, String, and_, case, cast, extract, func, literal, select
from sqlalchemy.orm import aliased

from app.models import (
    AftercarePlan,
    Organisation,
    OrganisationKind,
    OutflowProfile,
    SchoolType,
    Student,
    TransitionPath,
)
from app.services.common.actor import Actor
from app.services.common.permissions import visible_students

# Fewer leavers than this in a year or group: a count, but no percentage.
MIN_FOR_A_SHARE = 5


class Dimension(StrEnum):
    """What a figure is split by, besides the school year."""

    NONE = "geen"
    PROFILE = "uitstroomprofiel"
    SCHOOL_TYPE = "schoolsoort"
    CLASS = "klas"
    MUNICIPALITY = "gemeente"
    RMC_REGION = "rmc_regio"
    # Per school of a shared database: the board's view (app/services/trends/board.py).
    SCHOOL = "school"


DIMENSION_LABEL = {
    Dimension.NONE: "Alle leerlingen",
    Dimension.PROFILE: "Uitstroomprofiel",
    Dimension.SCHOOL_TYPE: "Schoolsoort",
    Dimension.CLASS: "Klas",
    Dimension.MUNICIPALITY: "Gemeente",
    Dimension.RMC_REGION: "RMC-regio",
    Dimension.SCHOOL: "School",
}


@dataclass(frozen=True, slots=True)
class TrendFilters:
    """School years are named by the year they start in (2025 = 2025-2026)."""

    first_year: int | None = None
    last_year: int | None = None
    school_type: SchoolType | None = None
    profile: OutflowProfile | None = None
    municipality: str | None = None
    location: str | None = None


def school_year_of(day: date) -> int:
    """The school year a day falls in: 1 August to 31 July, named by its first year."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_label(year: int) -> str:
    return f"{year}-{year + 1}"


def school_year_sql(column):
    """`school_year_of` in SQL, the same on SQLite and PostgreSQL."""
    return cast(extract("year", column), Integer) - case((extract("month", column) < 8, 1), else_=0)


def _rmc_join(stmt: Select) -> tuple[Select, object]:
    municipality = aliased(Organisation)
    region = aliased(Organisation)
    stmt = stmt.outerjoin(
        municipality,
        and_(
            municipality.name == Student.municipality,
            municipality.kind == OrganisationKind.MUNICIPALITY,
        ),
    ).outerjoin(region, region.id == municipality.rmc_region_id)
    return stmt, func.coalesce(region.alt_name, region.name)


def group_column(dimension: Dimension):
    """The column behind a dimension (without the join RMC regions need)."""
    return {
        Dimension.NONE: literal(""),
        Dimension.PROFILE: Student.outflow_profile,
        Dimension.SCHOOL_TYPE: Student.school_type,
        Dimension.CLASS: Student.class_name,
        Dimension.MUNICIPALITY: Student.municipality,
        Dimension.SCHOOL: cast(Student.school_id, String),
    }[dimension]


def leavers_select(columns: list, actor: Actor, filters: TrendFilters, dimension: Dimension):
    """SELECT `columns` + school year + group over the leavers the actor may see.

    A leaver is a student with a leaving date; the destination at leaving is the one the
    aftercare plan was made with (later changes do not rewrite the outflow), else the path's.
    Returns the statement and the school-year and group expressions to GROUP BY.
    """
    year = school_year_sql(Student.actual_outflow_date).label("school_year")
    stmt = (
        select()
        .select_from(Student)
        .outerjoin(TransitionPath, TransitionPath.student_id == Student.id)
        .outerjoin(AftercarePlan, AftercarePlan.student_id == Student.id)
        .where(Student.actual_outflow_date.is_not(None))
    )
    if dimension is Dimension.RMC_REGION:
        stmt, group = _rmc_join(stmt)
    else:
        group = group_column(dimension)
    group = group.label("grp")
    stmt = stmt.add_columns(year, group, *columns)
    stmt = visible_students(stmt, actor)
    stmt = apply_filters(stmt, filters, year)
    return stmt, year, group


def apply_filters(stmt: Select, filters: TrendFilters, year) -> Select:
    if filters.first_year is not None:
        stmt = stmt.where(year >= filters.first_year)
    if filters.last_year is not None:
        stmt = stmt.where(year <= filters.last_year)
    if filters.school_type is not None:
        stmt = stmt.where(Student.school_type == filters.school_type)
    if filters.profile is not None:
        stmt = stmt.where(Student.outflow_profile == filters.profile)
    if filters.municipality:
        stmt = stmt.where(Student.municipality == filters.municipality)
    if filters.location:
        stmt = stmt.where(Student.location == filters.location)
    return stmt


def destination_at_leaving():
    return func.coalesce(AftercarePlan.destination, TransitionPath.destination)
