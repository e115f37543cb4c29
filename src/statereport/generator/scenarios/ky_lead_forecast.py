"""KECS validation forecast (rules LEAD-FORECAST-*): the optional KECS files of the Kentucky sample and a block of
sections in the first high school that gives every forecast category, sub-category and reason at least once.

The files, as a district downloads them from KECS and its payroll:
- kecs_state_course_code: every state code the district's courses use (the generator's course lists and the
  scenarios' codes), with a LEAD content area; one code deprecated before the year (LEAD-FORECAST-COURSE-CODE) and
  one work-based learning code that needs 5 years of experience (LEAD-FORECAST-OOF-EXPERIENCE);
- kecs_credential_permission: each base educator with an EPSB ID holds Teacher permissions for every content area of
  the codes of its school level and grade band (so the base district mostly clears); special education teachers
  also hold every disability population;
- kecs_educator_experience: every base educator, 1-30 years;
- eerp_job_class: every base educator, a teaching job class; one case manager on 0290.
The block's cases are separate teachers and sections, so one never hides another (the forecast's first matching
rule decides)."""

from __future__ import annotations

from datetime import date, timedelta

from statereport.generator import reference as ref
from statereport.generator.core import Context
from statereport.generator.scenarios import scenario
from statereport.generator.scenarios.base import new_student

IEP_PLAN_TYPE_ID = 1  # the generator's KY IEP plan type (module 'specialed')

CONTENT_BY_PREFIX = (
    ("451029", "Political Science"), ("450821", "U.S. History"), ("010000", "Elementary (Primary/Intermediate)"),
    ("230702", "Special Education"), ("230115", "Special Education"), ("23", "English/Language Arts"),
    ("27", "Mathematics"), ("30", "Science"), ("40", "Science"), ("45", "Social Studies"), ("16", "Spanish"),
    ("72", "Health and Physical Education"), ("50", "Arts and Humanities"), ("80", "Dual Credit"),
    ("9", "Non-Instructional"), ("01", "Agriculture"), ("17", "Health Science"), ("47", "Automotive Technology"),
    ("48", "Welding"), ("21", "Work-Based Learning"),
)
DEPRECATED_CODE = "303091"  # Integrated Science I: deprecated from 2026-27 per KDE; here ended before the year
EXPERIENCE_CODE = "210399"  # a work-based learning code (ours): KECS needs 5 years of experience to clear it
UNLISTED_CODE = "999999"    # six digits but in no catalogue: Invalid Course Code only the catalogue can tell
LEVEL_GRADES = {"elementary": ("Preschool", "5th"), "middle": ("6th", "8th"), "high": ("9th", "12th"),
                "cte": ("9th", "12th"), "alternative": ("6th", "12th"), "program": ("Preschool", "12th")}
SPED_POPULATIONS = ("Mild Mental Disability", "Functional Mental Disability", "Hearing Impaired",
                    "Speech or Language Impaired", "Visually Impaired", "Emotional Behavior Disability",
                    "Orthopedically Impaired", "Other Health Impaired", "Specific Learning Disability",
                    "Multiple Disabilities", "Autistic", "Traumatic Brain Injury", "Developmentally Delayed")


def content_area(code: str) -> str:
    return next(content for prefix, content in CONTENT_BY_PREFIX if code.startswith(prefix))


def _level_codes() -> dict[str, set[str]]:
    codes = {level: {c[2] for c in courses} for level, courses in ref.SECONDARY_COURSES.items()}
    codes["elementary"] = {ref.ELEMENTARY_HOMEROOM_CODE, "230702"} | {c[2] for c in ref.KY_ELEMENTARY_SPECIALS}
    codes["high"] |= {"230114", "230101", "230111", "230702", "950001"}
    codes["alternative"] = codes["middle"] | codes["high"]
    codes["program"] = codes["alternative"] | codes["elementary"]
    return codes


@scenario("ky_lead_forecast", states=("ky",))
def ky_lead_forecast(ctx: Context) -> None:
    """The optional KECS files and one section per forecast outcome (LEAD-FORECAST-*)."""
    w = ctx.writers
    levels = _level_codes()
    all_codes = set().union(*levels.values()) | {"909995", "800500", "960001", "270510", "302611", "400111"}
    for code in sorted(all_codes | {DEPRECATED_CODE, EXPERIENCE_CODE}):
        w["kecs_state_course_code"].add(
            state_course_code=code, name=None, lead_content_area=content_area(code),
            grade_band="High School" if code in levels["high"] else None, low_grade=None, high_grade=None,
            populations="General", start_year=2022 if code == "909995" else 1999,
            end_year=ctx.end_year - 2 if code == DEPRECATED_CODE else None,
            required_years_of_experience=5 if code == EXPERIENCE_CODE else None)

    def permit(epsb: str, content: str, low: str, high: str, population: str = "General") -> None:
        w["kecs_credential_permission"].add(epsb_id=epsb, credential_code=None, content=content,
                                            job_function="Teacher", population=population, low_grade=low,
                                            high_grade=high)

    # Base district: every educator with a usable EPSB ID, except placeholders (KECS has no profile for them).
    # Staff of several schools (placeholders) or none are left out.
    seen: set[str] = set()
    for member in ctx.staff:
        epsb = (member.get("license_number") or "").strip()
        if not epsb.isdigit() or epsb in seen or member.get("first") == "Placeholder" or member["school"] is None:
            continue
        seen.add(epsb)
        kind = member["school"].kind
        low, high = LEVEL_GRADES.get(kind, ("K", "12th"))
        if member["role"] in ("teacher", "sped", "counselor", "principal", "speech"):
            for content in sorted({content_area(code) for code in levels.get(kind, levels["program"])}):
                permit(epsb, content, low, high)
        if member["role"] == "sped":
            for population in SPED_POPULATIONS:
                permit(epsb, "Any", "All Grades", "All Grades", population)
        w["kecs_educator_experience"].add(epsb_id=epsb, years_of_experience=ctx.rng.randint(1, 30))
        w["eerp_job_class"].add(epsb_id=epsb, job_class_code="2060" if member["role"] != "aide" else "3010")

    _forecast_block(ctx, permit)


def _forecast_block(ctx: Context, permit) -> None:
    high = next(s for s in ctx.schools if s.kind == "high")
    calendar = next(c for c in high.calendars if c.kind == "regular" and c.end_year == ctx.end_year)
    structure = calendar.structure
    terms = [term for name, term in structure.terms.items() if name != "TBD" and term[1] and term[2]]
    period_id = next(period[0] for period in structure.periods if period[4])
    w = ctx.writers
    next_epsb = iter(range(710001, 710100))

    def staff(last: str, role: str = "teacher", years: float | None = 10, job_class: str | None = "2060",
              in_kecs: bool = True) -> tuple[int, str]:
        person_id = ctx.ids.scenario("person")
        identity_id = ctx.ids.scenario("identity")
        epsb = str(next(next_epsb))
        w["person"].add(person_id=person_id, current_identity_id=identity_id, staff_number=f"E{person_id}")
        w["identity"].add(identity_id=identity_id, person_id=person_id, effective_date=date(2015, 7, 1),
                          first_name="Forecast", last_name=last, legal_first_name="Forecast", legal_last_name=last,
                          gender="M", birthdate=date(1979, 3, 1))
        w["employment"].add(employment_id=ctx.ids.scenario("employment"), person_id=person_id,
                            district_id=ctx.district_id, start_date=date(2012, 8, 1), end_date=None,
                            license_number=epsb)
        w["employment_assignment"].add(
            assignment_id=ctx.ids.scenario("employment_assignment"), person_id=person_id, district_id=ctx.district_id,
            school_id=high.school_id, start_date=date(ctx.end_year - 1, 7, 1), end_date=None,
            title="Guidance Counselor" if role == "counselor" else "Teacher", teacher=role != "counselor",
            primary=True, counselor=role == "counselor", supervisor=False, substitute=False, type="01", alt_type=None,
            employee_type="01")
        if in_kecs and years is not None:
            w["kecs_educator_experience"].add(epsb_id=epsb, years_of_experience=years)
        if job_class is not None:
            w["eerp_job_class"].add(epsb_id=epsb, job_class_code=job_class)
        return person_id, epsb

    def section(number: int, name: str, state_code: str, teacher: int, teaching_method: str = "01",
                special_type: str | None = None) -> int:
        course_id = ctx.ids.scenario("course")
        w["course"].add(course_id=course_id, calendar_id=calendar.calendar_id, number=f"FC{number:02d}", name=name,
                        active=True, state_code=state_code, teaching_method=teaching_method, homeroom=False)
        section_id = ctx.ids.scenario("section")
        w["section"].add(section_id=section_id, course_id=course_id, trial_id=structure.trial_id, number=1,
                         teacher_person_id=teacher, homeroom_section=False, special_type=special_type)
        for term_id, _, _ in terms:
            w["section_placement"].add(section_id=section_id, trial_id=structure.trial_id, term_id=term_id,
                                       period_id=period_id)
        w["section_staff_history"].add(history_id=ctx.ids.scenario("section_staff_history"), section_id=section_id,
                                       trial_id=structure.trial_id, person_id=teacher, staff_type="P", role="Teacher")
        return section_id

    def student(last: str, sections: list[int], disability: str | None = None, case_manager: int | None = None,
                grade: str = "10") -> None:
        person_id = new_student(ctx, "Forecast", last, date(ctx.end_year - 16, 6, 1),
                                state_id=f"7{ctx.rng.randrange(10**9):09d}")
        w["enrollment"].add(
            enrollment_id=ctx.ids.scenario("enrollment"), person_id=person_id, calendar_id=calendar.calendar_id,
            structure_id=structure.structure_id, district_id=ctx.district_id, end_year=ctx.end_year, grade=grade,
            service_type="P", start_date=calendar.first_day, active=True, no_show=False, state_exclude=False,
            start_status="E01")
        for section_id in sections:
            w["roster"].add(roster_id=ctx.ids.scenario("roster"), person_id=person_id, section_id=section_id,
                            trial_id=structure.trial_id)
        if disability is not None:
            w["plan"].add(plan_id=ctx.ids.scenario("plan"), person_id=person_id, type_id=IEP_PLAN_TYPE_ID,
                          district_id=ctx.district_id, start_date=ctx.run_date - timedelta(days=200),
                          end_date=ctx.run_date + timedelta(days=165), locked=True, primary_disability=disability,
                          special_ed_status="A", special_ed_setting="01")
        if case_manager is not None:
            w["team_member"].add(team_member_id=ctx.ids.scenario("team_member"), person_id=person_id,
                                 staff_person_id=case_manager, district_id=ctx.district_id, module="specialed",
                                 role="Case Manager", start_date=ctx.run_date - timedelta(days=200))

    history, history_epsb = staff("History")
    permit(history_epsb, "U.S. History", "9th", "12th")
    permit(history_epsb, "English/Language Arts", "6th", "8th")
    narrow, narrow_epsb = staff("NarrowGrades")
    permit(narrow_epsb, "U.S. History", "9th", "11th")
    counselor, _ = staff("Counselor", role="counselor")
    sped, sped_epsb = staff("SpedAutism")
    permit(sped_epsb, "Any", "All Grades", "All Grades", "Autistic")
    sped_ld, sped_ld_epsb = staff("SpedLearningOnly", job_class="0290")
    permit(sped_ld_epsb, "Any", "All Grades", "All Grades", "Specific Learning Disability")
    novice, novice_epsb = staff("Novice", years=2)
    veteran, veteran_epsb = staff("Veteran", years=12)
    unrecorded, unrecorded_epsb = staff("NoExperienceRecord", years=None)
    for epsb in (novice_epsb, veteran_epsb, unrecorded_epsb):
        permit(epsb, "Work-Based Learning", "9th", "12th")
    not_in_kecs, _ = staff("NotInKecsFile", in_kecs=False)
    no_job_class, no_job_class_epsb = staff("CaseManagerNoJobClass", job_class=None)
    permit(no_job_class_epsb, "Any", "All Grades", "All Grades", "Specific Learning Disability")

    rostered = [
        section(1, "Forecast Cleared For Content", "450821", history),
        section(2, "Forecast OOF Content", "160111", history),
        section(14, "Forecast OOF Grade", "230111", history),
        section(3, "Forecast Third Party", "450821", history, teaching_method="02"),
        section(4, "Forecast Deprecated Code", DEPRECATED_CODE, history),
        section(5, "Forecast Code Not In Catalogue", UNLISTED_CODE, history),
        section(6, "Forecast Roster Only", "909995", counselor),
        section(7, "Forecast Experience Short", EXPERIENCE_CODE, novice),
        section(8, "Forecast Experience Met", EXPERIENCE_CODE, veteran),
        section(9, "Forecast Experience Unknown", EXPERIENCE_CODE, unrecorded),
        section(10, "Forecast Educator Not In KECS", "450821", not_in_kecs),
    ]
    section(11, "Forecast Empty Roster Grades", "450821", narrow)  # empty: the school's 9-12 against 9th-11th
    autism_room = section(12, "Forecast SPED Autism", "230702", sped, special_type="05")
    learning_room = section(13, "Forecast SPED Learning Only", "230702", sped_ld, special_type="05")
    for k in range(2):
        student(f"General{k}", rostered)
    for k in range(2):
        student(f"Autism{k}", [autism_room, learning_room], disability="13", case_manager=sped_ld)
    student("Learning", [learning_room], disability="10", case_manager=sped)
    student("LearningToo", [learning_room], disability="10", case_manager=no_job_class)
