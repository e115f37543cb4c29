"""Kentucky EL Extract scenarios: one hand-shaped student per population rule, critical error and warning of
specs/ky_el_extract.md, so the KY sample district exercises every rule id of the EL extract whatever its size.

Default editor range: 7/1 of the school year to the run date (vars el_start_date / el_end_date blank)."""

from __future__ import annotations

from datetime import date, timedelta

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario

# Language codes the scenarios add to the district's Campus dictionaries (synthetic, like the generator's others).
NATIVE_LANGUAGES = (("4010", "Navajo", "nav"), ("4020", "Cherokee", "chr"))


def _school(ctx: Context, kind: str):
    return next(s for s in ctx.schools if s.kind == kind)


def _calendar(school, kind: str = "regular"):
    return next(c for c in school.calendars if c.kind == kind)


def _enroll(ctx: Context, person_id: int, calendar, grade: str, start: date, end: date | None = None,
            service_type: str = "P", active: bool = True, no_show: bool = False, **fields) -> int:
    enrollment_id = ctx.ids.scenario("enrollment")
    ctx.writers["enrollment"].add(
        enrollment_id=enrollment_id, person_id=person_id, calendar_id=calendar.calendar_id,
        structure_id=calendar.structure.structure_id, district_id=ctx.district_id, end_year=calendar.end_year,
        grade=grade, service_type=service_type, start_date=start, end_date=end, active=active, no_show=no_show,
        state_exclude=False, start_status="E01", end_status="W01" if end else None, **fields)
    return enrollment_id


def _el(ctx: Context, person_id: int, status: str = "EL", identified: date | None = None, exit_date: date | None = None,
        district_id: int | None = None, service: tuple | None = ("default",), accommodation_type: str | None = "I") -> None:
    """An EL record, by default with one open EL service and one open Instructional accommodation from the school
    year's start."""
    year_start = date(ctx.end_year - 1, 8, 14)
    ctx.writers["lep"].add(lep_id=ctx.ids.scenario("lep"), person_id=person_id,
                           district_id=district_id or ctx.district_id, program_status=status,
                           identified_date=identified or date(ctx.end_year - 3, 9, 2), exit_date=exit_date)
    if service:
        start, end, type_id = (year_start, None, 1) if service == ("default",) else service
        ctx.writers["lep_service"].add(lep_service_id=ctx.ids.scenario("lep_service"), person_id=person_id,
                                       district_id=ctx.district_id, lep_service_type_id=type_id, start_date=start,
                                       end_date=end, service_minutes=150)
    if accommodation_type:
        ctx.writers["lep_accommodation"].add(
            lep_accommodation_id=ctx.ids.scenario("lep_accommodation"), person_id=person_id,
            district_id=ctx.district_id, accommodation_code="IA01" if accommodation_type == "I" else "SA03",
            type=accommodation_type, start_date=year_start, end_date=None)


def _student(ctx: Context, last: str, language: str, grade_years: int = 10, middle_name: str | None = None,
             language_alt: str | None = None) -> int:
    """A scenario student's person and current identity (like base.new_student, plus middle name and languageAlt)."""
    person_id = ctx.ids.scenario("person")
    identity_id = ctx.ids.scenario("identity")
    birthdate = date(ctx.end_year - grade_years - 6, 4, 12)
    ctx.writers["person"].add(person_id=person_id, current_identity_id=identity_id,
                              state_id=f"8{ctx.rng.randrange(10**9):09d}", student_number=f"S{person_id}")
    ctx.writers["identity"].add(identity_id=identity_id, person_id=person_id, effective_date=date(2020, 8, 1),
                                first_name="Elscenario", last_name=last, middle_name=middle_name,
                                legal_first_name="Elscenario", legal_last_name=last, gender="M", birthdate=birthdate,
                                race_ethnicity="1", race_ethnicity_fed="1", hispanic_ethnicity="Y",
                                home_primary_language=language, language_alt=language_alt)
    return person_id


@scenario("ky_el_extract", states=("ky",))
def ky_el_extract(ctx: Context) -> None:
    for code, name, iso in NATIVE_LANGUAGES:
        ctx.writers["campus_dictionary"].add(attribute_id=502, code=code, name=name)
        ctx.writers["campus_dictionary"].add(attribute_id=503, code=code, name=iso)
    middle = _school(ctx, "middle")
    high = _school(ctx, "high")
    elementary = _school(ctx, "elementary")
    alternative = _school(ctx, "alternative")
    calendar = _calendar(middle)
    first_day = calendar.first_day
    end_year = ctx.end_year

    # EL-W4: Home Primary Language 1630 Other is reported with a warning. Also an old service (EL-P5 on Services).
    person = _student(ctx, "OtherLanguage", "1630", grade_years=7)
    _enroll(ctx, person, calendar, "07", first_day)
    _el(ctx, person)
    ctx.writers["lep_service"].add(lep_service_id=ctx.ids.scenario("lep_service"), person_id=person,
                                   district_id=ctx.district_id, lep_service_type_id=2,
                                   start_date=date(end_year - 3, 8, 20), end_date=date(end_year - 2, 5, 20))

    # Native American home language with a Native American Language (languageAlt), middle name, immigrant and refugee,
    # a migrant record (Migrant Y) and a locked IEP active on the Friday before a weekend Dec 1 (Active Special Ed Y).
    person = _student(ctx, "NativeLanguage", "4010", grade_years=10, middle_name="Tso", language_alt="4020")
    _enroll(ctx, person, _calendar(high), "10", first_day, immigrant="Y", refugee="Y")
    _el(ctx, person)
    ctx.writers["migrant"].add(migrant_id=ctx.ids.scenario("migrant"), person_id=person, district_id=None,
                               last_qualifying_arrival_date=date(end_year - 1, 9, 10), eligibility_expiration_date=None)
    dec_1 = date(end_year - 1, 12, 1)
    snapshot = dec_1 - timedelta(days={5: 1, 6: 2}.get(dec_1.weekday(), 0))
    ctx.writers["plan"].add(plan_id=ctx.ids.scenario("plan"), person_id=person, type_id=1, district_id=ctx.district_id,
                            start_date=snapshot, end_date=snapshot + timedelta(days=364), locked=True,
                            primary_disability="09", special_ed_status="A", special_ed_setting="01")

    # Exited EL inside the range (Program Exit Date) and withdrawn, inactive enrollment: left out as EL-P8-EXITED
    # (seed 003 keeps withdrawn/inactive students only with status EL; reported with el_withdrawn_any_el_status).
    person = _student(ctx, "ExitedInRange", "2930", grade_years=8, middle_name="Rosa")
    _enroll(ctx, person, calendar, "08", first_day, end=date(end_year, 3, 20), active=False)
    _el(ctx, person, status="Exited EL", exit_date=date(end_year, 2, 14))

    # Mid-year transfer: the most recent Primary enrollment reports; a later partial enrollment does not. The
    # Newcomer service that ended at the move still overlaps the range (EL-P5): it prints with its end date.
    person = _student(ctx, "Transferred", "0920", grade_years=6)
    _enroll(ctx, person, _calendar(elementary), "05", first_day, end=date(end_year - 1, 12, 20))
    _enroll(ctx, person, calendar, "06", date(end_year, 1, 6))
    _enroll(ctx, person, _calendar(high), "06", date(end_year, 2, 3), service_type="S")
    _el(ctx, person, service=(date(end_year - 1, 8, 14), date(end_year - 1, 12, 20), 4))
    # The newcomer program ended with the move; sheltered instruction at the new school: two Services rows.
    ctx.writers["lep_service"].add(lep_service_id=ctx.ids.scenario("lep_service"), person_id=person,
                                   district_id=ctx.district_id, lep_service_type_id=2,
                                   start_date=date(end_year, 1, 6), end_date=None, service_minutes=120)

    # EL-RECORD-CHOICE: a historical record from another district and a current one; duplicate services (same
    # type and start date) collapse to one Services row.
    person = _student(ctx, "TwoRecords", "3680", grade_years=9)
    _enroll(ctx, person, _calendar(high), "09", first_day)
    _el(ctx, person, status="Exited EL", identified=date(end_year - 6, 9, 1), exit_date=date(end_year - 1, 9, 30),
        district_id=None, service=None, accommodation_type=None)
    _el(ctx, person, identified=date(end_year - 1, 10, 15))
    ctx.writers["lep_service"].add(lep_service_id=ctx.ids.scenario("lep_service"), person_id=person,
                                   district_id=ctx.district_id, lep_service_type_id=1,
                                   start_date=date(end_year - 1, 8, 14), end_date=date(end_year, 1, 31))

    # EL-W1: no EL service overlapping the range (the only one ended last year).
    person = _student(ctx, "NoService", "2940", grade_years=7)
    _enroll(ctx, person, calendar, "07", first_day)
    _el(ctx, person, service=(date(end_year - 2, 8, 14), date(end_year - 1, 5, 20), 1))

    # EL-W2: only an assessment accommodation (not Instructional).
    person = _student(ctx, "NoAccommodation", "2440", grade_years=7)
    _enroll(ctx, person, calendar, "07", first_day)
    _el(ctx, person, accommodation_type="A")

    # EL-W3: EL record but Home Primary Language 0400 English.
    person = _student(ctx, "EnglishHome", "0400", grade_years=8)
    _enroll(ctx, person, calendar, "08", first_day)
    _el(ctx, person)

    # EL-P1: exited two years ago (record not active in the range).
    person = _student(ctx, "FormerEl", "2930", grade_years=8)
    _enroll(ctx, person, calendar, "08", first_day)
    _el(ctx, person, status="Exited EL", exit_date=date(end_year - 2, 5, 20))

    # EL-P4: an active record with status Pending.
    person = _student(ctx, "PendingStatus", "2930", grade_years=8)
    _enroll(ctx, person, calendar, "08", first_day)
    _el(ctx, person, status="Pending", identified=date(end_year - 1, 9, 20))

    # EL-P3: active EL record but enrolled only last year.
    person = _student(ctx, "NotEnrolled", "2930", grade_years=8)
    _enroll(ctx, person, _calendar(middle, "prior"), "07", _calendar(middle, "prior").first_day,
            end=_calendar(middle, "prior").last_day)
    _el(ctx, person)

    # EL-P2: enrolled in a grade with no state grade (ungraded, no grade level row), at the middle and the high school.
    person = _student(ctx, "Ungraded", "2930", grade_years=8)
    _enroll(ctx, person, calendar, "UG", first_day)
    _el(ctx, person)
    person = _student(ctx, "UngradedHigh", "0920", grade_years=11)
    _enroll(ctx, person, _calendar(high), "UG", first_day + timedelta(days=21))
    _el(ctx, person)

    # EL-P3: registered for this year but a no-show (a no-show enrollment never counts as enrolled).
    person = _student(ctx, "NoShow", "2940", grade_years=4)
    _enroll(ctx, person, _calendar(elementary), "04", first_day, no_show=True)
    _el(ctx, person)

    # EL-W3 with EL-W2: English home language and no accommodation at all: listed under both critical errors.
    person = _student(ctx, "EnglishNoAccommodation", "0400", grade_years=3)
    _enroll(ctx, person, _calendar(elementary), "03", first_day)
    _el(ctx, person, accommodation_type=None)

    # EL-DEMO-MIGRANT (gap G2, 2019-20 onward): two siblings of a migrant family whose state-created record (no
    # district) has a qualifying arrival inside the date range and the IC default expiration (arrival + 36 months
    # - 1 day): Migrant Y. A third student's eligibility expired the day before the date range starts: Migrant N.
    arrival = date(end_year - 1, 10, 21)
    for last, grade_years, school in (("MigrantFamily", 3, elementary), ("MigrantFamilyOlder", 7, middle)):
        person = _student(ctx, last, "2930", grade_years=grade_years)
        _enroll(ctx, person, _calendar(school), f"{grade_years:02d}", arrival + timedelta(days=7))
        _el(ctx, person, identified=arrival + timedelta(days=14))
        ctx.writers["migrant"].add(migrant_id=ctx.ids.scenario("migrant"), person_id=person, district_id=None,
                                   last_qualifying_arrival_date=arrival,
                                   eligibility_expiration_date=date(arrival.year + 3, arrival.month, arrival.day)
                                   - timedelta(days=1))
    person = _student(ctx, "MigrantExpired", "2930", grade_years=9)
    _enroll(ctx, person, _calendar(high), "09", first_day)
    _el(ctx, person)
    ctx.writers["migrant"].add(migrant_id=ctx.ids.scenario("migrant"), person_id=person, district_id=None,
                               last_qualifying_arrival_date=date(end_year - 4, 7, 1),
                               eligibility_expiration_date=date(end_year - 1, 6, 30))

    # EL-P9: enrolled only in the State Excluded (alternative) calendar.
    person = _student(ctx, "ExcludedCalendar", "2930", grade_years=10)
    _enroll(ctx, person, _calendar(alternative), "10", first_day)
    _el(ctx, person)
