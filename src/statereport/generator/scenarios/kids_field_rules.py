"""KIDS shared field rules (models/intermediate/ks_kids): hand-shaped Kansas students the base district does not
draw on purpose, so every rule yields a non-default value in the sample district.

- KIDS-D18-CONTINUITY, KIDS-D18-SCHOOL-ENTRY, KIDS-D19-DISTRICT-ENTRY, KIDS-D20-STATE-ENTRY: one student per
  continuity end status of the seed's table (1, 2, 3, 4, 4a, 5, 5a, 6, 6a, 15, 16, 21): enrolled all of last year,
  left this year with that status and came back, so each restart / keep case of D18-D20 shows. KIDS-D18-OVERRIDE:
  one re-entry with entered entry dates.
- KIDS-D23-KINDERGARTEN-HALF-DAY: a half-day kindergartner rostered only in the morning period, absent (unexcused)
  one morning.
- KIDS-D24-TRUANCY: a student absent unexcused all day three school days in a row; KIDS-D23-ATTENDED: a student
  with partial-day absences (one period absent, a tardy with present minutes).
- KIDS-D25-MINUTES: the scenario students' enrollments leave Minutes Enrolled blank, so D25 is computed from the
  schedule.
- KIDS-D33-RACE: a student with three races.
"""

from __future__ import annotations

from datetime import date

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario
from statereport.generator.scenarios.base import new_student

CONTINUITY_CODES = ("1", "2", "3", "4", "4a", "5", "5a", "6", "6a", "15", "16", "21")


def _enroll(ctx: Context, person_id: int, calendar, grade: str, start: date, end: date | None = None,
            end_status: str | None = None, **extra) -> int:
    enrollment_id = ctx.ids.scenario("enrollment")
    ctx.writers["enrollment"].add(
        enrollment_id=enrollment_id, person_id=person_id, calendar_id=calendar.calendar_id,
        structure_id=calendar.structure.structure_id, district_id=ctx.district_id, end_year=calendar.end_year,
        grade=grade, service_type="P", start_date=start, end_date=end, end_status=end_status,
        active=end is None, no_show=False, state_exclude=False, funding_school=calendar.school.number,
        attendance_school=calendar.school.number, virtual_education="0", **extra)
    return enrollment_id


def _roster(ctx: Context, person_id: int, calendar, section_id: int, start: date | None = None) -> None:
    ctx.writers["roster"].add(roster_id=ctx.ids.scenario("roster"), person_id=person_id, section_id=section_id,
                              trial_id=calendar.structure.trial_id, start_date=start, end_date=None)


def _mark(ctx: Context, person_id: int, calendar, period_id: int, day: date, code: str,
          present_minutes: int | None = None) -> None:
    excuse_id, status, excuse = calendar.excuses[code]
    ctx.writers["attendance"].add(attendance_id=ctx.ids.scenario("attendance"), person_id=person_id,
                                  calendar_id=calendar.calendar_id, period_id=period_id, date=day, status=status,
                                  excuse=excuse, excuse_id=excuse_id, present_minutes=present_minutes)


def _unexcused_code(calendar) -> str:
    return next(code for code, (_, status, excuse) in sorted(calendar.excuses.items())
                if status == "A" and excuse == "U")


def _tardy_code(calendar) -> str:
    return next(code for code, (_, status, _) in sorted(calendar.excuses.items()) if status == "T")


def _birth(ctx: Context, age: int) -> date:
    return date(ctx.end_year - 1 - age, 3, 15)


@scenario("kids_field_rules", states=("ks",))
def kids_field_rules(ctx: Context) -> None:
    """KIDS-D18-CONTINUITY, KIDS-D18-OVERRIDE, KIDS-D23-KINDERGARTEN-HALF-DAY, KIDS-D23-ATTENDED, KIDS-D24-TRUANCY,
    KIDS-D25-MINUTES, KIDS-D33-RACE (see the module docstring)."""
    regular = {c.school.school_id: c for c in ctx.calendars("regular") if not c.exclude}
    prior = {c.school.school_id: c for c in ctx.calendars("prior")}
    elementary = next(s for s in ctx.schools if s.kind == "elementary" and s.school_id in regular)
    middle = next((s for s in ctx.schools if s.kind == "middle" and s.school_id in regular), elementary)
    calendar = regular[elementary.school_id]
    days = calendar.structure.instruction_days
    grade = next(g for g in elementary.grades if g not in ("PS", "KG"))
    homeroom = calendar.structure.homerooms[grade][0]

    # --- entry-date continuity: last year at the same school, left this year with the code, came back
    for k, code in enumerate(CONTINUITY_CODES):
        person_id = new_student(ctx, "Reentry", f"Code{code.upper()}", _birth(ctx, 9), state_id=None)
        if elementary.school_id in prior:
            last_year = prior[elementary.school_id]
            _enroll(ctx, person_id, last_year, grade, last_year.first_day, last_year.last_day)
        left = days[20 + k]
        back = days[40 + k]
        _enroll(ctx, person_id, calendar, grade, calendar.first_day, left, code)
        if code == "1" and middle is not elementary:  # same-district transfer: back at another school
            _enroll(ctx, person_id, regular[middle.school_id], middle.grades[0], back)
        else:
            _enroll(ctx, person_id, calendar, grade, back)
        _roster(ctx, person_id, calendar, homeroom, calendar.first_day)

    # --- override: a re-entry (code 3 restarts all) whose clerk entered the original dates
    person_id = new_student(ctx, "Reentry", "Override", _birth(ctx, 9))
    _enroll(ctx, person_id, calendar, grade, calendar.first_day, days[30], "3")
    _enroll(ctx, person_id, calendar, grade, days[50], school_entry_date=date(ctx.end_year - 4, 8, 15),
            district_entry_date=date(ctx.end_year - 4, 8, 15), state_entry_date=date(ctx.end_year - 6, 8, 15))

    # --- half-day kindergartner: a morning-only section, absent unexcused one morning
    am_period = next(p for p in calendar.structure.periods if p[4])
    course_id = ctx.ids.scenario("course")
    ctx.writers["course"].add(course_id=course_id, calendar_id=calendar.calendar_id, number="HDK",
                              name="Half-Day Kindergarten AM", active=True, homeroom=True)
    section_id = ctx.ids.scenario("section")
    teacher = next((s for s in ctx.staff if s.get("school_id") == elementary.school_id), None)
    ctx.writers["section"].add(section_id=section_id, course_id=course_id, trial_id=calendar.structure.trial_id,
                               number=1, teacher_person_id=teacher["person_id"] if teacher else None,
                               homeroom_section=True)
    for term_id, _, _ in calendar.structure.terms.values():
        ctx.writers["section_placement"].add(section_id=section_id, trial_id=calendar.structure.trial_id,
                                             term_id=term_id, period_id=am_period[0])
    person_id = new_student(ctx, "Half", "DayKinder", _birth(ctx, 5))
    _enroll(ctx, person_id, calendar, "KG", calendar.first_day)
    _roster(ctx, person_id, calendar, section_id)
    _mark(ctx, person_id, calendar, am_period[0], days[15], _unexcused_code(calendar))

    # --- truant: three consecutive school days absent unexcused in every period
    instructional = [p for p in calendar.structure.periods if p[4]]
    person_id = new_student(ctx, "Three", "DaysTruant", _birth(ctx, 10))
    _enroll(ctx, person_id, calendar, grade, calendar.first_day)
    _roster(ctx, person_id, calendar, homeroom)
    for day in days[60:63]:
        for period in instructional:
            _mark(ctx, person_id, calendar, period[0], day, _unexcused_code(calendar))

    # --- partial days: one period absent (excused code as drawn), a tardy with present minutes
    person_id = new_student(ctx, "Partial", "Days", _birth(ctx, 8))
    _enroll(ctx, person_id, calendar, grade, calendar.first_day)
    _roster(ctx, person_id, calendar, homeroom)
    _mark(ctx, person_id, calendar, instructional[-1][0], days[70], _unexcused_code(calendar))
    _mark(ctx, person_id, calendar, instructional[0][0], days[71], _tardy_code(calendar),
          present_minutes=instructional[0][3] - 30)

    # --- several races: the person and identity written here so the identity's race rows can follow
    person_id = ctx.ids.scenario("person")
    identity_id = ctx.ids.scenario("identity")
    ctx.writers["person"].add(person_id=person_id, current_identity_id=identity_id, student_number=f"S{person_id}")
    ctx.writers["identity"].add(identity_id=identity_id, person_id=person_id, effective_date=date(2020, 8, 1),
                                first_name="Multi", last_name="Race", legal_first_name="Multi",
                                legal_last_name="Race", gender="M", birthdate=_birth(ctx, 9), race_ethnicity="7",
                                race_ethnicity_fed="7", hispanic_ethnicity="N", home_primary_language="01")
    for race_code in ("5", "3", "1"):  # White, Black, American Indian -> 10101
        ctx.writers["identity_race_ethnicity"].add(identity_id=identity_id, race_code=race_code)
    _enroll(ctx, person_id, calendar, grade, calendar.first_day)
    _roster(ctx, person_id, calendar, homeroom)
