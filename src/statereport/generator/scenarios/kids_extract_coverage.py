"""KIDS Collection Extracts on the Kansas sample (issue 7): the cases the base district and kids_field_rules do not
draw, so that on the sample every nine record types reports and every field and population rule shows.

- KIDS-D59-GROUPING-INDICATORS / KIDS-D59-GROUPING-ROSTER: a high-school student rostered in three agriculture
  pathway courses (KIDS Subjects Comprehensive Agriculture, Animal Systems, Plant Systems: D65-D67) and in a
  homeroom course that also carries the KIDS Subject Math (reports under either disaggregation method: D59 and D60).
- KIDS-D22-MEMBERSHIP / KIDS-D23-ATTENDED cap 366: a continuous-enrollment program calendar of the reported year
  that was set up across two years (weekday instruction from July two years back), the data error the cap guards
  against; one student enrolled from its first day reaches more than 366 days on SMSC and EOYA.
- KIDS-D24-TRUANCY: partial days (unexcused absent minutes >= the Whole Day Absence minutes, not every period):
  a high-school student absent unexcused in all but one period three days running; a student with five
  non-consecutive unexcused days in the first semester; one with seven in the year, at most four in a semester and
  never three in a row.
- Population: KIDS-TEST-GRADE and KIDS-SMSC-GRADE (a not-graded adult, state grade 18, in a grade level that is not
  State Exclude); KIDS-EOYA-NOT-ACCOUNTABILITY-SCHOOL (a middle-school enrollment whose accountability school is the
  high school; D2 reports the high school); KIDS-ENRL-COUNT-DAY (a student enrolled on the count date, absent that
  day, attending only after it: not attended once before and once after).
"""

from __future__ import annotations

from datetime import date, timedelta

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario
from statereport.generator.scenarios.base import new_student


def _enroll(ctx: Context, person_id: int, calendar_id: int, structure_id: int, grade: str, start: date,
            end: date | None = None, **extra) -> int:
    enrollment_id = ctx.ids.scenario("enrollment")
    ctx.writers["enrollment"].add(
        enrollment_id=enrollment_id, person_id=person_id, calendar_id=calendar_id, structure_id=structure_id,
        district_id=ctx.district_id, end_year=ctx.end_year, grade=grade, service_type="P", start_date=start,
        end_date=end, active=end is None, no_show=False, state_exclude=False, virtual_education="0", **extra)
    return enrollment_id


def _teachers(ctx: Context, school) -> list[dict]:
    return [s for s in ctx.staff if s.get("school") is school and s.get("role") == "teacher"]


def _mark_day(ctx: Context, person_id: int, calendar, day: date, periods: list, code: str) -> None:
    excuse_id, status, excuse = calendar.excuses[code]
    for period in periods:
        ctx.writers["attendance"].add(attendance_id=ctx.ids.scenario("attendance"), person_id=person_id,
                                      calendar_id=calendar.calendar_id, period_id=period[0], date=day,
                                      status=status, excuse=excuse, excuse_id=excuse_id)


def _course_section(ctx: Context, calendar, name: str, kids_subject: str | None, teacher: dict | None,
                    period_id: int, homeroom: bool = False) -> int:
    structure = calendar.structure
    course_id = ctx.ids.scenario("course")
    ctx.writers["course"].add(course_id=course_id, calendar_id=calendar.calendar_id, number=f"AG{course_id % 1000}",
                              name=name, active=True, homeroom=homeroom, kids_subject=kids_subject)
    section_id = ctx.ids.scenario("section")
    ctx.writers["section"].add(section_id=section_id, course_id=course_id, trial_id=structure.trial_id, number=1,
                               teacher_person_id=teacher["person_id"] if teacher else None,
                               homeroom_section=homeroom)
    for term_name, (term_id, start, _) in structure.terms.items():
        if start is not None:
            ctx.writers["section_placement"].add(section_id=section_id, trial_id=structure.trial_id,
                                                 term_id=term_id, period_id=period_id)
    return section_id


@scenario("kids_extract_coverage", states=("ks",))
def kids_extract_coverage(ctx: Context) -> None:
    """KIDS-D59-GROUPING-INDICATORS, KIDS-D22-MEMBERSHIP / KIDS-D23-ATTENDED (366 cap), KIDS-D24-TRUANCY (partial
    days, 5 per semester, 7 per year), KIDS-TEST-GRADE, KIDS-SMSC-GRADE, KIDS-EOYA-NOT-ACCOUNTABILITY-SCHOOL,
    KIDS-ENRL-COUNT-DAY (see the module docstring)."""
    regular = {c.school.school_id: c for c in ctx.calendars("regular") if not c.exclude}
    high = next(s for s in ctx.schools if s.kind == "high" and s.school_id in regular)
    middle = next(s for s in ctx.schools if s.kind == "middle" and s.school_id in regular)
    elementary = next(s for s in ctx.schools if s.kind == "elementary" and s.school_id in regular)
    high_calendar = regular[high.school_id]
    high_days = high_calendar.structure.instruction_days
    high_periods = [p for p in high_calendar.structure.periods if p[4]]
    teachers = _teachers(ctx, high) or [None]

    # --- grouping indicators: agriculture pathway courses (D65-D67) and a Math homeroom (D59 and D60)
    person_id = new_student(ctx, "Grouping", "Pathways", date(ctx.end_year - 16, 4, 2), gender="M",
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, high_calendar.calendar_id, high_calendar.structure.structure_id, "10",
            high_calendar.first_day, funding_school=high.number, attendance_school=high.number)
    courses = (("Comprehensive Agriculture Pathway", "Comprehensive Agriculture", False),
               ("Animal Systems Pathway", "Animal Systems", False),
               ("Plant Systems Pathway", "Plant Systems", False),
               ("Math Homeroom", "Math", True))
    for k, (name, subject, homeroom) in enumerate(courses):
        section_id = _course_section(ctx, high_calendar, name, subject, teachers[(k + 1) % len(teachers)],
                                     high_periods[k][0], homeroom=homeroom)
        ctx.writers["roster"].add(roster_id=ctx.ids.scenario("roster"), person_id=person_id, section_id=section_id,
                                  trial_id=high_calendar.structure.trial_id, start_date=None, end_date=None)

    # --- truancy on partial days: every period but the last unexcused (6 x 50 = 300 >= Whole Day Absence 300)
    person_id = new_student(ctx, "Partial", "DayTruant", date(ctx.end_year - 15, 6, 9), gender="M",
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, high_calendar.calendar_id, high_calendar.structure.structure_id, "09",
            high_calendar.first_day, funding_school=high.number, attendance_school=high.number)
    for day in high_days[30:33]:
        _mark_day(ctx, person_id, high_calendar, day, high_periods[:-1], "UX")

    # --- five unexcused full days in the first semester, never two in a row; seven in the year, at most four per
    # semester, never three in a row
    middle_calendar = regular[middle.school_id]
    middle_days = middle_calendar.structure.instruction_days
    middle_periods = [p for p in middle_calendar.structure.periods if p[4]]
    semester_days = len(middle_days) // 2
    person_id = new_student(ctx, "Five", "SemesterTruant", date(ctx.end_year - 13, 2, 11),
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, middle_calendar.calendar_id, middle_calendar.structure.structure_id, "07",
            middle_calendar.first_day, funding_school=middle.number, attendance_school=middle.number)
    for index in (10, 20, 30, 40, 50):
        _mark_day(ctx, person_id, middle_calendar, middle_days[index], middle_periods, "UX")
    person_id = new_student(ctx, "Seven", "YearTruant", date(ctx.end_year - 14, 9, 30),
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, middle_calendar.calendar_id, middle_calendar.structure.structure_id, "08",
            middle_calendar.first_day, funding_school=middle.number, attendance_school=middle.number)
    for index in (12, 24, 36, 48, semester_days + 12, semester_days + 24, semester_days + 36):
        _mark_day(ctx, person_id, middle_calendar, middle_days[index], middle_periods, "UX")

    # --- EOYA: a middle-school enrollment counted for accountability at the high school
    person_id = new_student(ctx, "Other", "AccountabilitySchool", date(ctx.end_year - 13, 5, 5),
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, middle_calendar.calendar_id, middle_calendar.structure.structure_id, "08",
            middle_calendar.first_day, school_of_accountability=high.number, funding_school=middle.number,
            attendance_school=middle.number)

    # --- TEST and SMSC grades: a not-graded adult (state grade 18) in a grade level that is not State Exclude
    ctx.writers["grade_level"].add(calendar_id=high_calendar.calendar_id,
                                   structure_id=high_calendar.structure.structure_id, name="NG", state_grade="18",
                                   exclude_enrollment=False)
    person_id = new_student(ctx, "Adult", "NotGraded", date(ctx.end_year - 22, 1, 20),
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, high_calendar.calendar_id, high_calendar.structure.structure_id, "NG",
            high_calendar.first_day, funding_school=high.number, attendance_school=high.number)

    # --- ENRL count day: enrolled on the count date (the first school day on/after Sept 20), absent that day,
    # attending only afterwards
    elementary_calendar = regular[elementary.school_id]
    elementary_days = elementary_calendar.structure.instruction_days
    count_date = next(d for d in elementary_days if d >= date(ctx.end_year - 1, 9, 20))
    person_id = new_student(ctx, "Count", "DayAbsent", date(ctx.end_year - 9, 7, 7),
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, elementary_calendar.calendar_id, elementary_calendar.structure.structure_id, "03",
            count_date, funding_school=elementary.number, attendance_school=elementary.number)
    _mark_day(ctx, person_id, elementary_calendar, count_date,
              [p for p in elementary_calendar.structure.periods if p[4]], "EX")

    # --- the 366 cap: a program calendar of the reported year set up across two years (weekdays from July 1 two
    # years back to June 30 of the end year), one bell period, one student enrolled from its first day
    calendar_id = ctx.ids.scenario("calendar")
    structure_id = ctx.ids.scenario("structure")
    period_schedule_id = ctx.ids.scenario("period_schedule")
    start, end = date(ctx.end_year - 2, 7, 1), date(ctx.end_year, 6, 30)
    ctx.writers["calendar"].add(calendar_id=calendar_id, school_id=high.school_id, district_id=ctx.district_id,
                                end_year=ctx.end_year, name=f"{ctx.end_year % 100 - 1:02d}-{ctx.end_year % 100:02d} "
                                f"{high.name} Continuous Enrollment Program", number=f"{calendar_id % 1000:03d}",
                                start_date=start, end_date=end, summer_school=False, exclude=False,
                                half_day_absence=150, whole_day_absence=300)
    ctx.writers["schedule_structure"].add(structure_id=structure_id, calendar_id=calendar_id, name="Main")
    ctx.writers["grade_level"].add(calendar_id=calendar_id, structure_id=structure_id, name="11", state_grade="16",
                                   exclude_enrollment=False)
    ctx.writers["period_schedule"].add(period_schedule_id=period_schedule_id, structure_id=structure_id,
                                       name="Program")
    ctx.writers["period"].add(period_id=ctx.ids.scenario("period"), period_schedule_id=period_schedule_id,
                              name="1", seq=1, period_minutes=360, non_instructional=False, lunch=False,
                              start_time="08:00", end_time="14:00")
    trial_id = ctx.ids.scenario("trial")
    ctx.writers["trial"].add(trial_id=trial_id, calendar_id=calendar_id, structure_id=structure_id,
                             name="Trial 1", active=True)
    day = start
    while day <= end:
        weekday = day.weekday() < 5
        ctx.writers["day"].add(calendar_id=calendar_id, structure_id=structure_id, date=day, school_day=weekday,
                               instruction=weekday, period_schedule_id=period_schedule_id if weekday else None)
        day += timedelta(days=1)
    person_id = new_student(ctx, "Long", "CalendarCap", date(ctx.end_year - 17, 10, 3),
                            state_id=f"78{ctx.rng.randrange(10**8):08d}")
    _enroll(ctx, person_id, calendar_id, structure_id, "11", start, funding_school=high.number,
            attendance_school=high.number)
