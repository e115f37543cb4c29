"""KECS LEAD Staff, Caseload, Classes, Schoolwide and Issues on the Kentucky sample district: each aggregate's totals
reconcile with the Detail rows it is selected from, every Issues warning fires, and the export files exist with
Date Time Generated first."""

from __future__ import annotations

import csv

import duckdb
import pytest

GRADES = ["95", "96", "97", "98", "99", "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
          "14", "20"]
INDICATORS = {
    "english_learner_students": "is_english_learner",
    "gifted_students": "is_gifted",
    "migrant_students": "is_migrant",
    "economically_disadvantaged_students": "is_economically_disadvantaged",
    "homeless_students": "is_homeless",
    "foster_care_students": "is_foster_care",
    "military_connected_students": "is_military_connected",
    "home_hospital_students": "is_home_hospital",
    "ilpa_students": "is_ilpa",
}


@pytest.fixture(scope="module")
def db(ky):
    connection = duckdb.connect(str(ky.database), read_only=True)
    yield connection
    connection.close()


def scalar(db, sql: str):
    return db.execute(sql).fetchone()[0]


def test_classes_reconcile_with_detail(db):
    detail_sections = scalar(db, "select count(distinct section_id) from intermediate.int_ky_lead__detail")
    assert detail_sections > 0
    assert scalar(db, "select count(*) from marts.ky_lead__classes") == detail_sections
    # Every section's rostered students, grade counts and indicators equal the Detail rows' distinct students.
    mismatches = db.execute(f"""
        with expected as (
            select section_id,
                   count(distinct person_id) as rostered_students,
                   {', '.join(f"count(distinct case when grade = '{g}' then person_id end) as students_grade_{g}" for g in GRADES)},
                   {', '.join(f"count(distinct case when {flag} then person_id end) as {column}" for column, flag in INDICATORS.items())}
            from intermediate.int_ky_lead__detail group by section_id
        )
        select expected.section_id from expected join marts.ky_lead__classes classes using (section_id)
        where expected.rostered_students <> classes.rostered_students
           {''.join(f" or expected.students_grade_{g} <> classes.students_grade_{g}" for g in GRADES)}
           {''.join(f" or expected.{column} <> classes.{column}" for column in INDICATORS)}
    """).fetchall()
    assert mismatches == []
    # Grade columns add up to the rostered students (each student has one grade on one section).
    assert scalar(db, f"""select count(*) from marts.ky_lead__classes
                         where rostered_students <> {' + '.join(f'students_grade_{g}' for g in GRADES)}""") == 0
    # Empty sections are kept (Detail's one NULL-student row), with 0 students.
    empty = scalar(db, "select count(*) from intermediate.int_ky_lead__detail where person_id is null")
    assert empty > 0
    assert scalar(db, "select count(*) from marts.ky_lead__classes where rostered_students = 0") == empty


def test_schoolwide_reconciles_with_detail(db):
    expected = dict(db.execute("""select school_number, count(distinct state_id) from intermediate.int_ky_lead__detail
                                  where state_id is not null group by 1""").fetchall())
    actual = dict(db.execute("select school_number, student_count from marts.ky_lead__schoolwide").fetchall())
    assert actual == expected
    assert scalar(db, f"""select count(*) from marts.ky_lead__schoolwide
                         where student_count <> {' + '.join(f'students_grade_{g}' for g in GRADES)}""") == 0
    # Indicators are counted on the chosen enrollment, never more students than the Detail rows flag.
    for column, flag in INDICATORS.items():
        flagged = dict(db.execute(f"""select school_number, count(distinct state_id) from intermediate.int_ky_lead__detail
                                      where state_id is not null and {flag} group by 1""").fetchall())
        counted = dict(db.execute(f"select school_number, {column} from marts.ky_lead__schoolwide").fetchall())
        assert all(counted[school] <= flagged.get(school, 0) for school in counted), column
    assert scalar(db, "select sum(sped_students) from marts.ky_lead__schoolwide") > 0


def test_caseload_reconciles_with_detail(db):
    expected = dict(db.execute("""
        select case_manager_person_id, count(distinct state_id) from intermediate.int_ky_lead__detail
        where state_id is not null and primary_disability_enrollment is not null and case_manager_person_id is not null
        group by 1""").fetchall())
    actual = dict(db.execute("select case_manager_person_id, student_count from marts.ky_lead__caseload").fetchall())
    assert actual == expected
    assert "0" in actual, "the sample has a SPED student without an active case manager"
    assert scalar(db, "select count(*) from marts.ky_lead__caseload where sped_students <> student_count") == 0


def test_one_enrollment_per_student_per_school(db):
    assert scalar(db, """select count(*) from (select school_number, state_id from intermediate.int_lead_reports__aggregate_enrollments
                         where is_schoolwide_choice group by 1, 2 having count(*) > 1)""") == 0
    assert scalar(db, """select count(*) from (select school_number, state_id from intermediate.int_lead_reports__aggregate_enrollments
                         where is_caseload_choice group by 1, 2 having count(*) > 1)""") == 0


def test_every_warning_fires_on_the_sample(db):
    fired = {row[0] for row in db.execute("select distinct warning_number from marts.ky_lead__issues").fetchall()}
    assert fired == set(range(1, 18))
    assert scalar(db, "select count(*) from marts.ky_lead__issues where how_to_fix is null or severity is null") == 0


def test_staff_report_and_exclusions_are_disjoint(db):
    assert scalar(db, "select count(*) from marts.ky_lead__staff") > 0
    overlap = scalar(db, """select count(*) from marts.ky_lead__staff_exclusions e join marts.ky_lead__staff s
                            on e.record_key = cast(s.person_id as varchar) || '|' || s.school_number || '|'
                               || coalesce(s.type, '') || '|' || coalesce(s.alt_type, '')""")
    assert overlap == 0


@pytest.mark.parametrize("file_name", ["KECS_LEAD_Staff", "KECS_LEAD_Caseload", "KECS_LEAD_Classes",
                                       "KECS_LEAD_Schoolwide", "KECS_LEAD_Issues"])
def test_exports_start_with_date_time_generated(ky, file_name):
    path = ky.out_dir / f"{file_name}.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Date Time Generated"
    assert len(rows) > 1
    assert (ky.out_dir / f"{file_name}.html").exists()
