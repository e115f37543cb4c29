"""KECS LEAD Issues edge cases: a small block of staff, courses, sections and students in the first high school that
makes every Issues warning fire at least once (rules LEAD-ISSUE-01 .. LEAD-ISSUE-17), whatever the base district
draws. Each case is a separate person or section, so one case never hides another (the warnings' precedence rules
would, e.g. a teacher without employment is Warning 9, never 1 or 3)."""

from __future__ import annotations

from datetime import date, timedelta

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario
from statereport.generator.scenarios.base import new_student

IEP_PLAN_TYPE_ID = 1  # the generator's KY IEP plan type (module 'specialed'), see district.py plan_types


@scenario("lead_reports_issues", states=("ky",))
def lead_reports_issues(ctx: Context) -> None:
    """Rows for LEAD-ISSUE-01 .. 17 in the first high school's current regular calendar."""
    high = next(s for s in ctx.schools if s.kind == "high")
    elementary = next(s for s in ctx.schools if s.kind == "elementary")
    calendar = next(c for c in high.calendars if c.kind == "regular" and c.end_year == ctx.end_year)
    structure = calendar.structure
    terms = [term for name, term in structure.terms.items() if name != "TBD" and term[1] and term[2]]
    period_id = next(period[0] for period in structure.periods if period[4])
    w = ctx.writers

    def staff(last: str, epsb: str | None, employed: bool = True, school=high, employee_type: str | None = "01",
              substitute: bool = False, first: str = "Lead") -> int:
        person_id = ctx.ids.scenario("person")
        identity_id = ctx.ids.scenario("identity")
        w["person"].add(person_id=person_id, current_identity_id=identity_id, staff_number=f"E{person_id}")
        w["identity"].add(identity_id=identity_id, person_id=person_id, effective_date=date(2015, 7, 1),
                          first_name=first, last_name=last, legal_first_name=first, legal_last_name=last,
                          gender="F", birthdate=date(1980, 5, 1))
        if employed:
            w["employment"].add(employment_id=ctx.ids.scenario("employment"), person_id=person_id,
                                district_id=ctx.district_id, start_date=date(2015, 8, 1), end_date=None,
                                license_number=epsb)
        w["employment_assignment"].add(
            assignment_id=ctx.ids.scenario("employment_assignment"), person_id=person_id, district_id=ctx.district_id,
            school_id=school.school_id, start_date=date(ctx.end_year - 1, 7, 1), end_date=None,
            title="Substitute Teacher" if substitute else "Teacher", teacher=True, primary=True, counselor=False,
            supervisor=False, substitute=substitute, type=employee_type, alt_type=None, employee_type=employee_type)
        return person_id

    def section(number: int, name: str, state_code: str | None, teacher: int | None, teaching_method: str = "01",
                special_type: str | None = None, staff_type: str = "P") -> int:
        course_id = ctx.ids.scenario("course")
        w["course"].add(course_id=course_id, calendar_id=calendar.calendar_id, number=f"LR{number:02d}",
                        name=name, active=True, state_code=state_code, teaching_method=teaching_method,
                        homeroom=False)
        section_id = ctx.ids.scenario("section")
        w["section"].add(section_id=section_id, course_id=course_id, trial_id=structure.trial_id, number=1,
                         teacher_person_id=teacher, homeroom_section=False, special_type=special_type)
        for term_id, _, _ in terms:
            w["section_placement"].add(section_id=section_id, trial_id=structure.trial_id, term_id=term_id,
                                       period_id=period_id)
        if teacher is not None:
            w["section_staff_history"].add(history_id=ctx.ids.scenario("section_staff_history"),
                                           section_id=section_id, trial_id=structure.trial_id, person_id=teacher,
                                           staff_type=staff_type, role="Teacher")
        return section_id

    def student(last: str, sections: list[int], case_manager: int | None = None, sped: bool = False) -> int:
        state_id = f"8{ctx.rng.randrange(10**9):09d}"
        person_id = new_student(ctx, "Lead", last, date(ctx.end_year - 16, 4, 1), state_id=state_id)
        w["enrollment"].add(
            enrollment_id=ctx.ids.scenario("enrollment"), person_id=person_id, calendar_id=calendar.calendar_id,
            structure_id=structure.structure_id, district_id=ctx.district_id, end_year=ctx.end_year, grade="10",
            service_type="P", start_date=calendar.first_day, active=True, no_show=False, state_exclude=False,
            start_status="E01")
        for section_id in sections:
            w["roster"].add(roster_id=ctx.ids.scenario("roster"), person_id=person_id, section_id=section_id,
                            trial_id=structure.trial_id)
        if sped:
            w["plan"].add(plan_id=ctx.ids.scenario("plan"), person_id=person_id, type_id=IEP_PLAN_TYPE_ID,
                          district_id=ctx.district_id, start_date=ctx.run_date - timedelta(days=200),
                          end_date=ctx.run_date + timedelta(days=165), locked=True, primary_disability="10",
                          special_ed_status="A", special_ed_setting="01")
        if case_manager is not None:
            w["team_member"].add(team_member_id=ctx.ids.scenario("team_member"), person_id=person_id,
                                 staff_person_id=case_manager, district_id=ctx.district_id, module="specialed",
                                 role="Case Manager", start_date=ctx.run_date - timedelta(days=200))
        return person_id

    clean = staff("Clean", "700001")
    sections = [
        section(1, "LEAD W1 No Assignment Here", "230111", staff("NoAssignment", "700002", school=elementary)),
        section(2, "LEAD W2 No Employee Type", "230111", staff("NoEmployeeType", "700003", employee_type=None)),
        section(3, "LEAD W3 No EPSB", "230111", staff("NoEpsb", None)),
        section(4, "LEAD W4 EPSB Spaces", "230111", staff("EpsbSpaces", " 700004 ")),
        section(5, "LEAD W5 EPSB Letters", "230111", staff("EpsbLetters", "7000O5")),
        section(6, "LEAD W6 EPSB Shared", "230111", staff("EpsbShared", "700006")),
        section(7, "LEAD W7 No Primary", "230111", clean, staff_type="T"),
        section(8, "LEAD W8 No Course Code", None, clean),
        section(9, "LEAD W9 No Employment", "230111", staff("NoEmployment", "700009", employed=False)),
        section(10, "LEAD W10 Substitute Primary", "230111", staff("Substitute", "700010", substitute=True)),
        section(11, "LEAD W11 Professor Not Dual Credit", "230111",
                staff("College Professor", "271", first="Placeholder")),
        section(12, "LEAD W12 Placeholder Code", "950001", clean),
    ]
    staff("EpsbSharedTwin", "700006")  # holds the same EPSB ID as the W6 teacher
    section(13, "LEAD W13 Empty Roster", "230111", clean)
    sped_room = section(14, "LEAD W14 SPED Room", "230702", clean, special_type="05")
    for k in range(3):
        student(f"General{k}", sections + [sped_room])
    blank_epsb_manager = staff("CaseManagerNoEpsb", None)
    unemployed_manager = staff("CaseManagerNoEmployment", "700017", employed=False)
    student("SpedNoCaseManager", sections, sped=True)
    student("SpedManagerNoEpsb", sections, case_manager=blank_epsb_manager, sped=True)
    student("SpedManagerNoStaff", sections, case_manager=unemployed_manager, sped=True)
