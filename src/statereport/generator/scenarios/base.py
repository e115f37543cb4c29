"""Helpers for scenario modules, and the generator's own small scenarios (hand-shaped cases that are easier to
state explicitly than to draw at random)."""

from __future__ import annotations

from datetime import date

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario


def new_student(ctx: Context, first: str, last: str, birthdate: date, gender: str = "F", state_id: str | None = None,
                home_primary_language: str | None = None, race: str = "6") -> int:
    """Writes a person and current identity for a scenario student; returns the person_id."""
    person_id = ctx.ids.scenario("person")
    identity_id = ctx.ids.scenario("identity")
    ctx.writers["person"].add(person_id=person_id, current_identity_id=identity_id, state_id=state_id,
                              student_number=f"S{person_id}")
    ctx.writers["identity"].add(identity_id=identity_id, person_id=person_id, effective_date=date(2020, 8, 1),
                                first_name=first, last_name=last, legal_first_name=first, legal_last_name=last,
                                gender=gender, birthdate=birthdate, race_ethnicity=race, race_ethnicity_fed=race,
                                hispanic_ethnicity="Y" if race == "1" else "N",
                                home_primary_language=home_primary_language or ("0400" if ctx.state == "ky" else "01"))
    return person_id


@scenario("base_excluded_grade_and_calendar")
def excluded_grade_and_calendar(ctx: Context) -> None:
    """A student in an excluded grade (PS, exclude_enrollment) and one in the excluded (alternative) calendar,
    both with open primary enrollments, so these cases exist even in tiny districts."""
    elementary = next(s for s in ctx.schools if s.kind == "elementary")
    alternative = next(s for s in ctx.schools if s.kind == "alternative")
    for school, grade, last in ((elementary, "PS", "Preschooler"), (alternative, "09", "Alternative")):
        calendar = next(c for c in school.calendars if c.kind == "regular")
        birth = date(ctx.end_year - 5, 3, 1) if grade == "PS" else date(ctx.end_year - 15, 3, 1)
        state_id = f"9{ctx.rng.randrange(10**9):09d}"
        person_id = new_student(ctx, "Scenario", last, birth, state_id=state_id)
        ctx.writers["enrollment"].add(
            enrollment_id=ctx.ids.scenario("enrollment"), person_id=person_id, calendar_id=calendar.calendar_id,
            structure_id=calendar.structure.structure_id, district_id=ctx.district_id, end_year=ctx.end_year,
            grade=grade, service_type="P", start_date=calendar.first_day, active=True, no_show=False,
            state_exclude=False, start_status="E01" if ctx.state == "ky" else None)
