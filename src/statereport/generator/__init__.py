"""Synthetic district generator: contract-conformant raw SIS tables for a Kentucky or Kansas district of any size.

    scripts/generate_district --state ky --students 5000 --seed 7 --out /tmp/ky5000 [--format csv|parquet]

Writes one file per contract table the state needs (`tables_for_state`), every contract column in contract order
(a column the generator does not model is written empty, so contract additions never break it), dates YYYY-MM-DD,
booleans true/false, codes as text with their leading zeros. The same seed gives byte-identical files; the state
and the seed change the values. Rows are streamed to the files in batches; only the district's structure (schools,
calendars, sections, staff) is held in memory, never the students.

What a district contains (rates approximate): schools of each level plus a CTE center (KY `A2`), an alternative
program with an excluded calendar, in KY an evening program whose State Classification is blank; regular and prior
year calendars with a full year of days, terms, periods, active and inactive trials, a summer-school calendar;
courses and sections with placements (about 7 sections per secondary student); staff at about 1 per 15 students
with employment and assignments (KY: EPSB ids, placeholders 260-269/271/641-650, a substitute as primary);
~15% IEPs (KY plans and case managers; KS special_ed_state), ~8% EL, gifted, migrant, FRAM, homeless, foster care,
military, home/hospital, ILPA, 504; KS period attendance for the whole year. And a few percent of each messy case
the specs name: mid-year exits, transfers and re-entries, late arrivals, no-shows, state-excluded enrollments,
P/S and P/P enrollment ties, inactive and future enrollments, summer-school and partial (S) CTE enrollments,
excluded grades, locked/unlocked/tied IEPs, overlapping program records, records from another district.

Scenario hooks: modules in `statereport.generator.scenarios` add hand-shaped rows for an extract's rules; see
that package's docstring (and CONTRIBUTING.md, "Synthetic districts and scenarios").
"""

from statereport.generator.district import generate_district

__all__ = ["generate_district"]
