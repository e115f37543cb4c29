"""KIDS pre-submission validation on the Kansas sample (issue 19): students whose records break the checks of
ks_kids__validation that the base district does not break by itself, so the sample shows every class (required,
form and code list, date logic, across records):

- KIDS-VAL-FORM-DISTRICT: a Home District entered as "USD259" instead of the KSDE number D0259.
- KIDS-VAL-CODE-GENDER (a warning): gender X, which the D8 code map does not list and passes through.
- KIDS-VAL-DATE-EXIT-BEFORE-ENTRY: a School Entry Date override after the enrollment's end date.
- KIDS-VAL-DATE-ENRL-AFTER-COUNT: a School Entry Date override in October on a student enrolled since the first day.
- KIDS-VAL-DATE-EXIT-NO-TYPE: an enrollment ended in the year without an end status (EOYA has D27, no D28; its EXIT
  record is KIDS-VAL-EXIT-NO-TYPE).
- KIDS-VAL-DATE-TYPE-NO-EXIT: an open enrollment with an end status entered ahead of time (D28 without D27).
- KIDS-VAL-STATE-ID-CONFLICT: two students given one state id (different names and birth dates).

KIDS-VAL-REQUIRED (students without state ids), KIDS-VAL-DATE-STATE-AFTER-SCHOOL, KIDS-VAL-DUPLICATE-STUDENT and
KIDS-VAL-EXIT-NO-TYPE already occur in the base district and the other KIDS scenarios. KIDS-VAL-FORM-STATE-ID cannot
be drawn: the contract holds person.state_id to ten digits (the loader and the input checks refuse another form), so
the mart's check guards the files against a district export loaded some other way; its unit test covers it.
"""

from __future__ import annotations

from datetime import date, timedelta

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario
from statereport.generator.scenarios.base import new_student


@scenario("kids_validation", states=("ks",))
def kids_validation(ctx: Context) -> None:
    """KIDS-VAL-FORM-DISTRICT, KIDS-VAL-CODE-GENDER, KIDS-VAL-DATE-EXIT-BEFORE-ENTRY,
    KIDS-VAL-DATE-ENRL-AFTER-COUNT, KIDS-VAL-DATE-EXIT-NO-TYPE, KIDS-VAL-DATE-TYPE-NO-EXIT, KIDS-VAL-STATE-ID-CONFLICT
    (see the module docstring)."""
    high = next(s for s in ctx.schools if s.kind == "high")
    calendar = next(c for c in high.calendars if c.kind == "regular" and not c.exclude)
    days = calendar.structure.instruction_days

    def student(first: str, last: str, born: date, *, state_id: str | None = None, gender: str = "F",
                start: date | None = None, end: date | None = None, **enrollment) -> None:
        person_id = new_student(ctx, first, last, born, gender=gender,
                                state_id=state_id or f"79{ctx.rng.randrange(10**8):08d}")
        ctx.writers["enrollment"].add(
            enrollment_id=ctx.ids.scenario("enrollment"), person_id=person_id, calendar_id=calendar.calendar_id,
            structure_id=calendar.structure.structure_id, district_id=ctx.district_id, end_year=ctx.end_year,
            grade="10", service_type="P", start_date=start or calendar.first_day, end_date=end, active=end is None,
            no_show=False, state_exclude=False, virtual_education="0", funding_school=high.number,
            attendance_school=high.number, **enrollment)

    born = date(ctx.end_year - 16, 3, 14)
    student("Home", "DistrictText", born, resident_district="USD259")
    student("Gender", "Unlisted", born, gender="X")
    exit_day = days[20]
    student("Entry", "AfterExit", born, end=exit_day, end_status="3",
            school_entry_date=exit_day + timedelta(days=14))
    student("Entry", "AfterCount", born, school_entry_date=date(ctx.end_year - 1, 10, 15))
    student("Exit", "NoStatus", born, end=days[40])
    student("Status", "NoExit", born, end_status="2")
    shared = f"79{ctx.rng.randrange(10**8):08d}"
    student("Shared", "StateIdOne", born, state_id=shared)
    student("Shared", "StateIdTwo", born + timedelta(days=200), state_id=shared, gender="M")
