"""The KIDS shared field rules (models/intermediate/ks_kids) on the Kansas sample district: every rule yields a
non-default value for some student, and the hand-shaped scenario students (generator scenario kids_field_rules)
get exactly what their rule says."""

from __future__ import annotations

import duckdb
import pytest

CONTINUITY = {  # end status -> (school keeps, district keeps, state keeps) the earlier date
    "1": (False, True, True), "2": (False, False, True), "3": (False, False, False), "4": (False, False, True),
    "4A": (False, False, False), "5": (False, True, True), "5A": (False, False, False), "6": (False, True, True),
    "6A": (False, False, False), "15": (False, False, True), "16": (False, False, False), "21": (False, False, False),
}


@pytest.fixture(scope="module")
def db(ks):
    connection = duckdb.connect(str(ks.database), read_only=True)
    yield connection
    connection.close()


def scalar(db, sql: str):
    return db.execute(sql).fetchone()[0]


def scenario_rows(db, last_name: str, sql_columns: str, model: str) -> list[tuple]:
    return db.execute(f"""
        select {sql_columns}
        from intermediate.{model} as m
        inner join intermediate.int_ks_kids__entry_dates as ed using (enrollment_id)
        inner join raw.person as p on p.person_id = ed.person_id
        inner join raw.identity as i on i.identity_id = p.current_identity_id
        where i.last_name = '{last_name}'
        order by ed.start_date
    """).fetchall()


def test_grade_and_exit_type_codes(db):
    assert scalar(db, "select count(*) from intermediate.int_ks_kids__enrollment_grade where kids_grade_code is not null") > 0
    codes = {r[0] for r in db.execute(
        "select distinct kids_exit_withdrawal_type from intermediate.int_ks_kids__exit_withdrawal_types").fetchall()}
    assert {"1", "4", "16"} <= codes  # 4a reports as 4


def test_entry_dates_follow_the_continuity_table(db):
    for code, (school_keeps, district_keeps, state_keeps) in CONTINUITY.items():
        rows = scenario_rows(db, f"Code{code}", "ed.start_date, ed.school_entry_date, ed.district_entry_date, "
                                                "ed.state_entry_date", "int_ks_kids__entry_dates")
        assert len(rows) == 3, code  # last year, left this year with the code, came back
        first_start = rows[0][0]
        back_start, school, district, state = rows[-1]
        assert school == (first_start if school_keeps else back_start), code
        assert district == (first_start if district_keeps else back_start), code
        assert state == (first_start if state_keeps else back_start), code


def test_entry_date_overrides_report(db):
    rows = scenario_rows(db, "Override", "ed.start_date, ed.school_entry_date, ed.state_entry_date",
                         "int_ks_kids__entry_dates")
    start, school, state = rows[-1]
    assert school < start and state < school


def test_membership_attended_and_partial_days(db):
    totals = db.execute("""
        select count(*) filter (where membership_days_filter_range > 0),
               count(*) filter (where attended_days_filter_range < membership_days_filter_range),
               count(*) filter (where attended_days_filter_range != floor(attended_days_filter_range)),
               max(membership_days_school_start)
        from intermediate.int_ks_kids__attendance
    """).fetchone()
    assert totals[0] > 0 and totals[1] > 0 and totals[2] > 0
    assert totals[3] <= 366


def test_half_day_kindergarten_is_not_halved(db):
    ((membership, attended),) = scenario_rows(
        db, "DayKinder", "m.membership_days_filter_range, m.attended_days_filter_range", "int_ks_kids__attendance")
    assert membership > 10
    assert attended == membership - 1  # one unexcused morning; a present half day counts 1, not 0.5


def test_truancy(db):
    assert scalar(db, "select count(*) from intermediate.int_ks_kids__truancy where truant_student = '1'") > 0
    ((truant, reason),) = scenario_rows(db, "DaysTruant", "m.truant_student, m.truancy_reason",
                                        "int_ks_kids__attendance")
    assert (truant, reason) == ("1", "3 consecutive")


def test_minutes_enrolled(db):
    sources = dict(db.execute("""
        select minutes_enrolled_source, count(*) from intermediate.int_ks_kids__minutes_enrolled
        where minutes_enrolled > 0 group by 1
    """).fetchall())
    assert sources.get("entered", 0) > 0
    assert sources.get("schedule", 0) > 0


def test_comprehensive_race(db):
    races = {r[0] for r in db.execute(
        "select distinct comprehensive_race from intermediate.int_ks_kids__comprehensive_race").fetchall()}
    assert "10000" in races and len(races) > 3
    assert scalar(db, """
        select c.comprehensive_race from intermediate.int_ks_kids__comprehensive_race as c
        inner join raw.person as p using (person_id)
        inner join raw.identity as i on i.identity_id = p.current_identity_id
        where i.last_name = 'Race' and i.first_name = 'Multi'
    """) == "10101"


def test_every_esol_code_and_its_dates_and_minutes(db):
    codes = {r[0] for r in db.execute(
        "select distinct esol_participation from intermediate.int_ks_kids__esol").fetchall()}
    assert {"0", "1", "2", "3", "5", "6", "7", "8"} <= codes
    assert scalar(db, """select count(*) from intermediate.int_ks_kids__esol
                         where esol_participation in ('7', '8') and esol_program_ending_date is null""") == 0
    assert scalar(db, """select count(*) from intermediate.int_ks_kids__esol
                         where esol_participation = '7' and esol_contact_minutes > 0""") > 0


def test_grouping_indicator_sources(db):
    # The indicators themselves follow the editor's methods (blank by default); the teachers they draw on exist.
    assert scalar(db, """select count(*) from intermediate.int_ks_kids__grouping_indicators
                         where homeroom_teacher_last_name is not null""") > 0
