"""KECS LEAD Detail edge cases the base district does not draw (seed 002): a cross-site section that is reported
(Cross-Site Section = 1) next to a cross-site homeroom section the Exclude Cross-Site Data option drops
(LEAD-DETAIL-POP-CROSS-SITE), a section without a placement (LEAD-DETAIL-SEC-PLACEMENT) and a section of a prior-year
calendar outside the editor's date range (LEAD-DETAIL-POP-DATE-RANGE). One scenario student sits on all four."""

from __future__ import annotations

from datetime import date

from statereport.generator.core import Context
from statereport.generator.scenarios import scenario
from statereport.generator.scenarios.base import new_student


def _course(ctx: Context, calendar, number: str, name: str, homeroom: bool = False) -> int:
    course_id = ctx.ids.scenario("course")
    ctx.writers["course"].add(course_id=course_id, calendar_id=calendar.calendar_id, number=number, name=name,
                              active=True, state_code="230101", homeroom=homeroom)
    return course_id


def _section(ctx: Context, course_id: int, structure, number: int, placed_term: str | None,
             cross_site: str | None = None, homeroom: bool = False) -> int:
    section_id = ctx.ids.scenario("section")
    ctx.writers["section"].add(section_id=section_id, course_id=course_id, trial_id=structure.trial_id, number=number,
                               homeroom_section=homeroom, cross_site_enrollment=cross_site)
    if placed_term is not None:
        ctx.writers["section_placement"].add(section_id=section_id, trial_id=structure.trial_id,
                                             term_id=structure.terms[placed_term][0],
                                             period_id=structure.periods[0][0])
    return section_id


def _roster(ctx: Context, person_id: int, section_id: int, structure) -> None:
    ctx.writers["roster"].add(roster_id=ctx.ids.scenario("roster"), person_id=person_id, section_id=section_id,
                              trial_id=structure.trial_id)


@scenario("ky_lead_detail_sections", states=("ky",))
def lead_detail_sections(ctx: Context) -> None:
    high = next(s for s in ctx.schools if s.kind == "high")
    current = next(c for c in high.calendars if c.kind == "regular")
    structure = current.structure
    dated_terms = [name for name, (_, start, end) in structure.terms.items() if start is not None and end is not None]
    person_id = new_student(ctx, "Scenario", "CrossSite", date(ctx.end_year - 16, 4, 2),
                            state_id=f"8{ctx.rng.randrange(10**9):09d}")
    ctx.writers["enrollment"].add(
        enrollment_id=ctx.ids.scenario("enrollment"), person_id=person_id, calendar_id=current.calendar_id,
        structure_id=structure.structure_id, district_id=ctx.district_id, end_year=ctx.end_year, grade="10",
        service_type="P", start_date=current.first_day, active=True, no_show=False, state_exclude=False,
        start_status="E01")

    # Cross-site section of an ordinary course: reported, Cross-Site Section = 1.
    shared = _course(ctx, current, "9801X", "Cross-Site Chemistry")
    _roster(ctx, person_id, _section(ctx, shared, structure, 1, dated_terms[0], cross_site="Y"), structure)
    # Cross-site homeroom section: left out while Exclude Cross-Site Data is checked.
    homeroom = _course(ctx, current, "9802H", "Cross-Site Homeroom", homeroom=True)
    _roster(ctx, person_id, _section(ctx, homeroom, structure, 1, dated_terms[0], cross_site="Y", homeroom=True),
            structure)
    # A section never placed in a term and period.
    unplaced = _course(ctx, current, "9803U", "Unscheduled Seminar")
    _roster(ctx, person_id, _section(ctx, unplaced, structure, 1, None), structure)

    # A section of last year's calendar: outside the editor's date range.
    prior = next((c for c in high.calendars if c.kind == "prior"), None)
    if prior is not None and prior.structures:
        prior_structure = prior.structure
        prior_terms = [name for name, (_, start, end) in prior_structure.terms.items() if start and end]
        old = _course(ctx, prior, "9804P", "Last Year Seminar")
        _roster(ctx, person_id, _section(ctx, old, prior_structure, 1, prior_terms[0]), prior_structure)
