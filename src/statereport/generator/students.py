"""One student at a time: person, identities, enrollments (with the messy cases), rosters, programs, attendance.

Ids of a student's rows are derived from the student's index (`index * stride + k`), so a student's rows never
depend on another student's. Rates below are per student and approximate (they are draws, not quotas)."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from statereport.generator import reference as ref

ENROLLMENT_BASE, ENROLLMENT_STRIDE = 5_000_000, 10
ROSTER_STRIDE = 30
ATTENDANCE_STRIDE = 400
PROGRAM_STRIDE = 8

GRADE_NUMBER = {"PS": -1, "KG": 0, **{f"{g:02d}": g for g in range(1, 13)}, "14": 13}
KS_ESOL_CODES = ("1", "2", "3", "5", "6", "7", "8", "0")


def _prior_grade(grade: str) -> str | None:
    number = GRADE_NUMBER[grade]
    if number <= 0:
        return None
    if number == 13:
        return "12"
    return "KG" if number == 1 else f"{number - 1:02d}"


class StudentWriter:
    def __init__(self, generator, writers) -> None:
        self.g = g = generator
        self.state = g.state
        self.ky = g.state == "ky"
        w = writers
        self.w = w
        self.add_person = w["person"].adder("person_id", "current_identity_id", "state_id", "student_number")
        self.add_roster = w["roster"].adder("roster_id", "person_id", "section_id", "trial_id", "start_date",
                                            "end_date")
        self.add_attendance = w["attendance"].adder("attendance_id", "person_id", "calendar_id", "period_id", "date",
                                                    "status", "excuse", "excuse_id", "present_minutes")
        self.regular = {}
        self.prior = {}
        self.summer = None
        for school in g.schools:
            for calendar in school.calendars:
                if calendar.kind == "regular":
                    self.regular[school.school_id] = calendar
                elif calendar.kind == "prior":
                    self.prior[school.school_id] = calendar
                else:
                    self.summer = calendar
        self.by_kind = {}
        for school in g.schools:
            self.by_kind.setdefault(school.kind, []).append(school)
        self.cte = self.by_kind.get("cte", [None])[0]
        self.case_managers = {s.school_id: g.staff_by_school.get(s.school_id, {}).get("sped", []) for s in g.schools}
        self.speech = {s.school_id: g.staff_by_school.get(s.school_id, {}).get("speech", []) for s in g.schools}
        self.state_id_offset = (g.seed * 104_729 + (17 if self.ky else 29)) % 10**9
        self.year = g.year
        self.run_date = date(g.year.end_year, 5, 15)
        self.el_counter = 0
        self.grade_weights = {s.school_id: self._cum_weights(s.grades) for s in g.schools}

    @staticmethod
    def _cum_weights(grades):
        total, cumulative = 0.0, []
        for grade in grades:
            total += 0.25 if grade == "PS" else 0.05 if grade == "14" else 1.0
            cumulative.append(total)
        return cumulative

    # ------------------------------------------------------------------ helpers
    def _school_for_grade(self, grade: str, index: int, current) -> object:
        if grade in current.grades and current.kind in ("elementary", "middle", "high"):
            return current
        number = GRADE_NUMBER[grade]
        kind = "elementary" if number <= 5 else "middle" if number <= 8 else "high"
        schools = self.by_kind[kind]
        return schools[index % len(schools)]

    def _instruction_day(self, rng, start: date, end: date) -> date:
        days = [d for d in self.year.instruction_days if start <= d <= end]
        return rng.choice(days)

    def _next_instruction_day(self, day: date, skip: int = 1) -> date:
        days = self.year.instruction_days
        for candidate in days:
            if candidate > day:
                skip -= 1
                if skip <= 0:
                    return candidate
        return days[-1]

    # ------------------------------------------------------------------ student
    def student(self, index: int, rng) -> None:
        if index % 500 == 0:
            self.el_counter = 0
        g = self.g
        ky = self.ky
        school = g.home_school(index)
        grade = rng.choices(school.grades, cum_weights=self.grade_weights[school.school_id])[0]
        person_id = 1_000_000 + index
        number = GRADE_NUMBER[grade]
        age = number + 5 + (1 if rng.random() < 0.05 else 0)
        birthdate = date(g.year.end_year - 2 - age, 9, 2) + timedelta(days=rng.randrange(365))
        gender = "M" if rng.random() < 0.51 else "F"
        first = rng.choice(ref.FIRST_NAMES)
        last = rng.choice(ref.LAST_NAMES)
        middle = rng.choice(ref.MIDDLE_NAMES)
        draws = [rng.random() for _ in range(16)]
        new_student = draws[0] < 0.10 or number <= 0
        el = draws[1] < 0.08
        iep = draws[2] < 0.15
        gifted = draws[3] < 0.08 and number >= 0
        # State id: 10 digits, unique per student, differs by state and seed; a few new students have none yet.
        state_id = f"{g.setup['state_id_prefix']}{(index * 7919 + self.state_id_offset) % 10**9:09d}"
        if new_student and draws[4] < (0.20 if not ky else 0.05):
            state_id = None
        self.add_person(person_id, person_id * 2 + 1, state_id, str(200_000 + index))
        self._identities(rng, person_id, first, last, middle, gender, birthdate, el, draws)
        enrollments = self._enrollments(rng, index, school, grade, new_student, draws)
        main = [e for e in enrollments if e["calendar"].kind == "regular" and e["rostered"]]
        roster_k = [0]
        for e in enrollments:
            if e["rostered"]:
                self._rosters(rng, index, person_id, e, iep, roster_k)
        if self.state == "ks":
            attendance_k = [0]
            for e in main:
                self._attendance(rng, index, person_id, e, attendance_k, draws[5])
        self._programs(rng, index, person_id, school, grade, enrollments, el, iep, gifted, draws)

    def _identities(self, rng, person_id, first, last, middle, gender, birthdate, el, draws) -> None:
        ky = self.ky
        add = self.w["identity"].add
        if ky:
            race = rng.choices(ref.KY_RACES, weights=ref.KY_RACE_WEIGHTS)[0]
        else:
            race = rng.choices(ref.KY_RACES, weights=(14, 1, 3, 7, 1, 68, 6))[0]
        hispanic = "Y" if race == "1" else "N"
        if el:
            if ky:
                language = rng.choice(ref.KY_LANGUAGES[1:])[0]
                if draws[6] < 0.03:
                    language = "0400"  # EL record but English at home: KY EL critical error W3
            else:
                language = rng.choice(ref.KS_LANGUAGES[1:])[0]
        elif draws[6] < 0.03:
            language = rng.choice(ref.KY_LANGUAGES[1:])[0] if ky else rng.choice(ref.KS_LANGUAGES[1:])[0]
        else:
            language = "0400" if ky else "01"
        preferred = first if draws[7] > 0.05 else rng.choice(ref.FIRST_NAMES)
        suffix = rng.choice(ref.SUFFIXES) if draws[8] < 0.02 and gender == "M" else None
        common = dict(person_id=person_id, middle_name=middle, suffix=suffix, legal_middle_name=middle,
                      gender=gender, birthdate=birthdate, race_ethnicity=race, race_ethnicity_fed=race,
                      hispanic_ethnicity=hispanic, home_primary_language=language,
                      birth_country=("US" if not el else rng.choice(("MX", "GT", "VN", "SO", "CD", "SY", "HN"))),
                      date_entered_us=(birthdate + timedelta(days=365 * rng.randint(1, 8)) if el else None),
                      date_entered_us_school=(date(self.year.end_year - rng.randint(1, 5), 8, 20) if el else None),
                      ssn=(f"9{person_id % 10**8:08d}" if not ky and draws[9] < 0.7 else None))
        if draws[10] < 0.03:
            # An older identity (name changed): only the current identity counts.
            add(identity_id=person_id * 2, effective_date=date(2018, 8, 1), first_name=first,
                last_name=rng.choice(ref.LAST_NAMES), legal_first_name=first, legal_last_name=last, **common)
        add(identity_id=person_id * 2 + 1, effective_date=date(2021, 8, 1), first_name=preferred, last_name=last,
            legal_first_name=first, legal_last_name=last, **common)
        if not ky:
            races = {"1": "5", "2": "1", "3": "2", "4": "3", "5": "4", "6": "5", "7": None}
            add_race = self.w["identity_race_ethnicity"].add
            code = races[race]
            if code is None:
                for code in sorted(rng.sample(("1", "2", "3", "4", "5"), 2)):
                    add_race(identity_id=person_id * 2 + 1, race_code=code)
            else:
                add_race(identity_id=person_id * 2 + 1, race_code=code)

    # ------------------------------------------------------------------ enrollments
    def _enrollments(self, rng, index, school, grade, new_student, draws) -> list[dict]:
        g, ky, year = self.g, self.ky, self.year
        ids = iter(range(ENROLLMENT_BASE + index * ENROLLMENT_STRIDE,
                         ENROLLMENT_BASE + (index + 1) * ENROLLMENT_STRIDE))
        enrollments: list[dict] = []
        calendar = self.regular[school.school_id]

        def enroll(calendar, grade, start, end=None, service="P", start_status=None, end_status=None,
                   no_show=False, exclude=False, active=True, rostered=True):
            e = {"id": next(ids), "calendar": calendar, "grade": grade, "service": service, "start": start,
                 "end": end, "start_status": start_status, "end_status": end_status, "no_show": no_show,
                 "exclude": exclude, "active": active, "rostered": rostered}
            enrollments.append(e)
            return e

        number = GRADE_NUMBER[grade]
        # Prior year (continuity for KS entry dates, history for everyone).
        prior_grade = grade if draws[11] < 0.03 else _prior_grade(grade)
        if not new_student and prior_grade is not None and prior_grade in g.grades:
            prior_school = self._school_for_grade(prior_grade, index, school)
            if prior_grade not in prior_school.grades:
                prior_school = self._school_for_grade(prior_grade, index, self.by_kind["high"][0])
            prior_calendar = self.prior[prior_school.school_id]
            moved = prior_school is not school
            if ky:
                end_status = "CO1" if draws[12] < 0.05 else "C01"
            else:
                end_status = "1" if moved else None
            enroll(prior_calendar, prior_grade, prior_calendar.first_day, prior_calendar.last_day,
                   start_status="R01" if ky else None, end_status=end_status, rostered=False)
        first_status = ("E01" if new_student else "R01") if ky else None
        u = draws[13]
        start = calendar.first_day
        if ky and new_student and draws[14] < 0.3:
            first_status = "E02"
        # Summer school first (July, same end year): LEAD drops summer-school calendars.
        if self.summer is not None and number >= 6 and draws[14] < 0.04 and not new_student:
            enroll(self.summer, grade if grade in self.summer.school.grades else "09", self.summer.first_day,
                   self.summer.last_day, service="S", start_status="E01" if ky else None,
                   end_status="C01" if ky else None)
        exits = ref.KY_MID_YEAR_EXITS if ky else ref.KS_MID_YEAR_EXITS
        if u < 0.040:  # mid-year exit, no return
            end = self._instruction_day(rng, date(year.end_year - 1, 10, 1), date(year.end_year, 4, 30))
            enroll(calendar, grade, start, end, start_status=first_status, end_status=rng.choice(exits))
        elif u < 0.065:  # transfer to another school of the district
            end = self._instruction_day(rng, date(year.end_year - 1, 10, 1), date(year.end_year, 3, 31))
            enroll(calendar, grade, start, end, start_status=first_status, end_status="W02" if ky else "1")
            same_kind = [s for s in self.by_kind[school.kind] if s is not school] or [school]
            other = same_kind[index % len(same_kind)]
            enroll(self.regular[other.school_id], grade, self._next_instruction_day(end),
                   start_status="R02" if ky else None)
        elif u < 0.085:  # withdrawn, then re-entered the same school weeks later
            end = self._instruction_day(rng, date(year.end_year - 1, 9, 15), date(year.end_year, 2, 28))
            enroll(calendar, grade, start, end, start_status=first_status, end_status="W24" if ky else "16")
            enroll(calendar, grade, self._next_instruction_day(end, rng.randint(5, 30)),
                   start_status="R01" if ky else None)
        elif u < 0.100:  # arrives mid-year
            arrival = self._instruction_day(rng, date(year.end_year - 1, 9, 1), date(year.end_year, 4, 15))
            enroll(calendar, grade, arrival, start_status="E03" if ky else None)
        elif u < 0.112:  # a no-show enrollment elsewhere, then the real one
            other = self.by_kind[school.kind][(index + 1) % len(self.by_kind[school.kind])]
            enroll(self.regular[other.school_id], grade, start, start, start_status="NS" if ky else None,
                   no_show=True, rostered=False)
            enroll(calendar, grade, start, start_status=first_status)
        elif u < 0.117:  # only a no-show enrollment
            enroll(calendar, grade, start, None, start_status="NS" if ky else None, no_show=True, rostered=False)
        elif u < 0.127:  # state-excluded enrollment (LEAD keeps it; KIDS and KY EL drop it)
            enroll(calendar, grade, start, start_status=first_status, exclude=True)
        elif u < 0.142:  # tie: same calendar, same start, both open; P (lower id) must win over S (higher id)
            enroll(calendar, grade, start, start_status=first_status)
            enroll(calendar, grade, start, service="S", start_status=first_status, rostered=False)
        elif u < 0.150:  # tie: two primary enrollments, same start and same end: the highest id wins
            end = self._instruction_day(rng, date(year.end_year, 3, 1), date(year.end_year, 4, 30))
            enroll(calendar, grade, start, end, start_status=first_status, end_status=rng.choice(exits),
                   rostered=False)
            enroll(calendar, grade, start, end, start_status=first_status, end_status=rng.choice(exits))
        elif u < 0.156:  # an inactive stale enrollment next to the real one
            enroll(calendar, grade, start, start_status=first_status, active=False, rostered=False)
            enroll(calendar, grade, start, start_status=first_status)
        elif u < 0.162:  # transfer that takes effect after the run date (a future enrollment)
            end = date(year.end_year, 5, 16)
            enroll(calendar, grade, start, end, start_status=first_status, end_status="W02" if ky else "1")
            same_kind = [s for s in self.by_kind[school.kind] if s is not school] or [school]
            enroll(self.regular[same_kind[0].school_id], grade, self._next_instruction_day(end),
                   start_status="R02" if ky else None)
        elif number == 12 and u < 0.40:  # graduates on the last instructional day
            enroll(calendar, grade, start, calendar.last_day, start_status=first_status,
                   end_status="G02" if ky else "8")
        else:
            enroll(calendar, grade, start, start_status=first_status)
        # Partial (S) enrollment at the CTE center for some high-school students.
        if self.cte is not None and school.kind == "high" and draws[15] < 0.10 and grade in self.cte.grades:
            cte_calendar = self.regular[self.cte.school_id]
            enroll(cte_calendar, grade, start, service="S", start_status=first_status)
        self._write_enrollments(rng, index, enrollments, draws)
        return enrollments

    def _write_enrollments(self, rng, index, enrollments, draws) -> None:
        add = self.w["enrollment"].add
        ky = self.ky
        g = self.g
        for e in enrollments:
            calendar = e["calendar"]
            school = calendar.school
            number = GRADE_NUMBER[e["grade"]]
            fields = dict(
                enrollment_id=e["id"], person_id=1_000_000 + index, calendar_id=calendar.calendar_id,
                structure_id=calendar.structure.structure_id, district_id=g.district_id, end_year=calendar.end_year,
                grade=e["grade"], service_type=e["service"], start_date=e["start"], end_date=e["end"],
                start_status=e["start_status"], end_status=e["end_status"], active=e["active"],
                no_show=e["no_show"], state_exclude=e["exclude"])
            if ky:
                fields.update(immigrant="Y" if draws[1] < 0.08 and draws[9] < 0.25 else None,
                              refugee="Y" if draws[1] < 0.08 and draws[9] < 0.05 else None,
                              migrant="A" if calendar.kind == "prior" and draws[9] > 0.995 else None)
            else:
                current = calendar.kind == "regular"
                elementary = school.kind == "elementary"
                tested = number in (3, 4, 5, 6, 7, 8, 10)
                fields.update(
                    resident_district="D0260" if draws[9] > 0.95 else None,
                    school_of_accountability=(self.by_kind["high"][0].number if school.kind == "alternative"
                                              else None),
                    funding_school=school.number, attendance_school=school.number, virtual_education="0",
                    minutes_enrolled=(120 if e["service"] == "S" else 360 if elementary else 385) if current else None,
                    concurrent_hs="1" if number == 12 and draws[9] < 0.05 else "0",
                    sct_choice="0", post_grad_plans=str(1 + index % 8) if number == 12 else None,
                    section504="1" if draws[9] < 0.03 and draws[2] >= 0.15 else "0",
                    title1="1" if elementary and draws[9] < 0.4 else "0",
                    cte_contact_minutes=(120 if school.kind == "cte" else None),
                    miles_transported=(f"{draws[8] * 9:.1f}" if draws[8] < 0.5 else None),
                    transportation_fte=("1.0" if draws[8] < 0.4 else "0.5" if draws[8] < 0.5 else None),
                    transportation_address=f"{100 + index % 9000} Prairie Ave" if draws[8] < 0.5 else None,
                    transportation_city="Wichita" if draws[8] < 0.5 else None,
                    transportation_zip=f"672{index % 100:02d}" if draws[8] < 0.5 else None,
                    non_resident_transport="0", neglected_delinquent="0",
                    state_math_assessment=("3" if draws[2] < 0.01 else "2") if tested else "0",
                    state_ela_assessment=("3" if draws[2] < 0.01 else "2") if tested else "0",
                    state_science_assessment="2" if number in (5, 8, 11) else "0",
                    state_history_gov_assessment="2" if number in (8, 11) else "0",
                    comp_agriculture_assessment="0", animal_systems_assessment="0", plant_systems_assessment="0",
                    kelpa_assessment="2" if draws[1] < 0.08 else "0",
                    disability1=None,
                    school_entry_date=(e["start"] - timedelta(days=400)) if current and draws[10] > 0.98 else None,
                    district_entry_date=None,
                    state_entry_date=date(2015, 8, 12) if current and draws[10] > 0.99 else None,
                    immigrant=None)
            add(**fields)

    # ------------------------------------------------------------------ rosters
    def _rosters(self, rng, index, person_id, e, iep, roster_k) -> None:
        calendar = e["calendar"]
        structure = calendar.structure
        school = calendar.school
        base = index * ROSTER_STRIDE
        add = self.add_roster
        trial_id = structure.trial_id
        last_day = calendar.last_day

        def roster(section_id, terms):
            term_start = structure.terms[terms[0]][1]
            term_end = structure.terms[terms[-1]][2]
            if e["end"] is not None and e["end"] < term_start:
                return
            if e["start"] > term_end or roster_k[0] >= ROSTER_STRIDE - 2:
                return
            start = e["start"] if e["start"] > term_start else None
            end = e["end"] if e["end"] is not None and e["end"] < term_end else None
            style = rng.random()
            if end is None and style < 0.03:
                end = term_end  # explicit end = section end: still on the roster on the last day
            elif end is None and style < 0.04 and term_end == last_day:
                end = last_day
            elif end is None and style < 0.06 and term_end > self.run_date and (start or term_start) < date(2025, 2, 1):
                # Schedule change: dropped mid-term, moved to another section of the same period.
                drop = date(self.year.end_year, 2, 7)
                add(base + roster_k[0], person_id, section_id, trial_id, start, drop)
                roster_k[0] += 1
                return "dropped"
            add(base + roster_k[0], person_id, section_id, trial_id, start, end)
            roster_k[0] += 1
            return None

        if school.kind == "elementary":
            homerooms = structure.homerooms.get(e["grade"]) or [s for v in structure.homerooms.values() for s in v]
            all_terms = [t for t in structure.terms if t != "TBD"]
            roster(rng.choice(homerooms), all_terms)
            if structure.specials:
                roster(rng.choice(structure.specials), all_terms)
            if iep and getattr(structure, "resource", None):
                roster(structure.resource[0], all_terms)
            return
        seqs = sorted(structure.sections)
        if e["service"] == "S" and school.kind == "cte":
            seqs = seqs[:3]
        for seq in seqs:
            slots = structure.sections[seq]
            slot = rng.choice(slots)
            for section_id, terms in slot:
                if roster(section_id, terms) == "dropped":
                    replacement = rng.choice(slots)[-1]
                    term_end = structure.terms[replacement[1][-1]][2]
                    if term_end > date(self.year.end_year, 2, 10):
                        add(index * ROSTER_STRIDE + roster_k[0], person_id, replacement[0], trial_id,
                            date(self.year.end_year, 2, 10), None)
                        roster_k[0] += 1

    # ------------------------------------------------------------------ KS attendance
    def _attendance(self, rng, index, person_id, e, attendance_k, profile_draw) -> None:
        calendar = e["calendar"]
        structure = calendar.structure
        end = e["end"] or calendar.last_day
        all_days = structure.instruction_days
        days = all_days[bisect.bisect_left(all_days, e["start"]):bisect.bisect_right(all_days, end)]
        if not days:
            return
        rate = 0.015 if profile_draw < 0.55 else 0.04 if profile_draw < 0.85 else 0.09 if profile_draw < 0.95 else 0.16
        truant = profile_draw >= 0.95
        count = min(len(days), int(len(days) * rate * rng.uniform(0.5, 1.5) + rng.random()))
        if count == 0:
            return
        periods = [(period_id, minutes) for period_id, _, _, minutes, instructional in structure.periods
                   if instructional]
        excuses = calendar.excuses
        add = self.add_attendance
        base = index * ATTENDANCE_STRIDE
        calendar_id = calendar.calendar_id
        for day in sorted(rng.sample(days, count)):
            kind = rng.random()
            if kind < 0.55:
                if truant:
                    code = "UX" if rng.random() < 0.8 else "EX"
                else:
                    code = rng.choices(("EX", "IL", "UX", "SA", "SU"), cum_weights=(40, 70, 85, 97, 100))[0]
                marks = [(p, 0) for p, _ in periods]
            elif kind < 0.85:
                code = "UX" if truant or rng.random() < 0.4 else "EX"
                width = min(len(periods), rng.randint(1, 3))
                first = rng.randrange(len(periods) - width + 1)
                marks = [(p, 0) for p, _ in periods[first:first + width]]
            else:
                code = "TU" if rng.random() < 0.7 else "TE"
                period_id, minutes = periods[0]
                marks = [(period_id, minutes - rng.randint(5, min(20, minutes - 1)))]
            excuse_id, status, excuse = excuses[code]
            for period_id, present in marks:
                if attendance_k[0] >= ATTENDANCE_STRIDE:
                    return
                raw_only = rng.random() < 0.01
                add(base + attendance_k[0], person_id, calendar_id, period_id, day, status, excuse,
                    None if raw_only else excuse_id, present)
                attendance_k[0] += 1

    # ------------------------------------------------------------------ programs
    def _programs(self, rng, index, person_id, school, grade, enrollments, el, iep, gifted, draws) -> None:
        ky = self.ky
        g = self.g
        w = self.w
        end_year = self.year.end_year
        base = index * PROGRAM_STRIDE
        district_id = g.district_id
        number = GRADE_NUMBER[grade]
        current = [e for e in enrollments if e["calendar"].kind == "regular"]
        first_start = min(e["start"] for e in current) if current else self.year.first_day

        # --- special education
        if iep:
            if ky:
                self._ky_iep(rng, base, person_id, school, draws)
            else:
                disability = rng.choices(ref.KS_PRIMARY_DISABILITIES, weights=ref.KS_DISABILITY_WEIGHTS)[0]
                start = date(end_year - rng.randint(1, 6), rng.randint(1, 12), rng.randint(1, 28))
                exited = rng.random() < 0.05
                w["special_ed_state"].add(
                    special_ed_state_id=base + 1, person_id=person_id, district_id=district_id,
                    primary_disability=disability,
                    secondary_disability=rng.choice(ref.KS_PRIMARY_DISABILITIES) if rng.random() < 0.15 else None,
                    start_date=start, end_date=date(end_year - 1, 11, 15) if exited else None,
                    exit_date=date(end_year - 1, 11, 15) if exited else None, exit_reason="01" if exited else None)
                if rng.random() < 0.05:
                    # An older record with another disability, ended before the current one began.
                    w["special_ed_state"].add(
                        special_ed_state_id=base + 2, person_id=person_id, district_id=district_id,
                        primary_disability="DD", start_date=start - timedelta(days=900),
                        end_date=start - timedelta(days=1))
        elif not ky and draws[9] < 0.03:
            w["section_504"].add(section504_id=base + 1, person_id=person_id, district_id=district_id,
                                 start_date=date(end_year - 2, 9, 1),
                                 end_date=date(end_year, 1, 31) if rng.random() < 0.2 else None)
        if ky and number >= 6 and draws[12] > 0.985:
            # KY ILPA (Alternative Education plan): locked counts, unlocked does not.
            w["plan"].add(plan_id=base + 6, person_id=person_id, type_id=2, district_id=district_id,
                          start_date=date(end_year - 1, 10, 1), end_date=date(end_year, 6, 30),
                          locked=draws[12] > 0.988)

        # --- English learners
        if el:
            self.el_counter += 1
            if ky:
                self._ky_el(rng, base, person_id, draws)
            else:
                self._ks_el(rng, base, person_id)

        # --- gifted
        if gifted:
            if ky:
                category = "12" if number <= 3 else rng.choice(("01", "02", "03", "04", "05"))
                if rng.random() < 0.08:
                    category = "01" if number <= 3 else "12"  # wrong category for the grade: not gifted
            else:
                category = "1"
            other = rng.random() < 0.03
            w["gifted"].add(gifted_id=base + 1, person_id=person_id,
                            district_id=g.other_district_id if other else district_id, category=category,
                            program_status="Active", start_date=date(end_year - rng.randint(1, 4), 9, 1),
                            end_date=date(end_year - 1, 1, 31) if rng.random() < 0.05 else None)

        # --- migrant (KY)
        if ky and draws[14] > 0.985:
            arrival = date(end_year - rng.randint(1, 4), rng.randint(1, 12), rng.randint(1, 28))
            expiry = None if rng.random() < 0.1 else arrival + timedelta(days=3 * 365)
            w["migrant"].add(migrant_id=base + 1, person_id=person_id, district_id=district_id,
                             last_qualifying_arrival_date=arrival, eligibility_expiration_date=expiry)

        # --- FRAM eligibility
        fram = draws[11]
        if fram < 0.55:
            eligibility = "F" if fram < 0.38 else "R" if fram < 0.46 else "S"
            start = date(end_year - 1, 7, 1) + timedelta(days=rng.randint(0, 90))
            source = "DC" if eligibility == "F" and rng.random() < 0.6 else "HA"
            add_fram = w["pos_eligibility"].add
            case = rng.random()
            if case < 0.10:
                # Prior year's eligibility carried into the new year.
                add_fram(eligibility_id=base + 1, person_id=person_id, district_id=district_id, end_year=end_year - 1,
                         eligibility=eligibility, source=source, start_date=date(end_year - 2, 7, 1),
                         end_date=date(end_year - 1, 10, 15))
            if case > 0.97:
                # Two records with the same start date: one Free, one Standard.
                add_fram(eligibility_id=base + 2, person_id=person_id, district_id=district_id, end_year=end_year,
                         eligibility="S", source="HA", start_date=start, end_date=date(end_year, 6, 30))
            if 0.94 < case <= 0.97:
                # Reduced until December, then Free.
                add_fram(eligibility_id=base + 3, person_id=person_id, district_id=district_id, end_year=end_year,
                         eligibility="R", source="HA", start_date=start, end_date=date(end_year - 1, 11, 30))
                start = date(end_year - 1, 12, 1)
                eligibility = "F"
            ended = 0.92 < case <= 0.94
            other = 0.91 < case <= 0.92
            add_fram(eligibility_id=base + 4, person_id=person_id,
                     district_id=g.other_district_id if other else district_id, end_year=end_year,
                     eligibility=eligibility, source=source, start_date=start,
                     end_date=date(end_year, 2, 28) if ended else date(end_year, 6, 30))

        # --- homeless
        if draws[10] < 0.025:
            add = w["homeless"].add
            case = draws[10] / 0.025
            if case < 0.15:
                add(homeless_id=base + 1, person_id=person_id, district_id=district_id,
                    start_date=date(end_year - 2, 9, 1), end_date=date(end_year - 1, 5, 1),
                    primary_nighttime_residence="D")  # ended before this school year
            else:
                add(homeless_id=base + 2, person_id=person_id,
                    district_id=g.other_district_id if case > 0.93 else district_id,
                    start_date=max(first_start, date(end_year - 1, 9, 1)) + timedelta(days=rng.randint(0, 60)),
                    end_date=None if rng.random() < 0.7 else date(end_year, 3, 15),
                    primary_nighttime_residence=rng.choice(("S", "D", "U", "H")),
                    unaccompanied_youth=rng.random() < 0.1)

        # --- foster care (KY counts only state-created records)
        if ky and draws[15] > 0.988:
            add = w["foster_care"].add
            case = rng.random()
            state_created = case < 0.75
            add(foster_care_id=base + 1, person_id=person_id, district_id=None if state_created else district_id,
                start_date=date(end_year - 1, rng.randint(1, 12), 1), end_date=None if case < 0.5 else date(end_year, 2, 1))
            if case < 0.2:
                add(foster_care_id=base + 2, person_id=person_id, district_id=None,
                    start_date=date(end_year - 3, 3, 1), end_date=date(end_year - 2, 3, 1))

        # --- military connection
        if draws[13] > 0.965:
            case = (draws[13] - 0.965) / 0.035
            if ky:
                status = ("Active Duty, Deployed" if case < 0.35 else "Active Duty, Not Deployed" if case < 0.75
                          else rng.choice(("National Guard", "Reserve", "Veteran")))
            else:
                status = "Active Duty" if case < 0.7 else "National Guard or Reserve"
            start = date(end_year - rng.randint(1, 5), rng.randint(1, 12), 1)
            end = None
            if rng.random() < 0.1:
                end = date(end_year - 1, 3, 1)  # ended before the school year: not military connected
            if rng.random() < 0.05:
                start = date(end_year, 7, 15)  # starts after the school year
            w["military_connection"].add(military_connection_id=base + 1, person_id=person_id,
                                         district_id=district_id, status=status, start_date=start, end_date=end)

        # --- KY home/hospital attendance group (on the latest enrollment)
        if ky and draws[7] > 0.992 and current:
            latest = max(current, key=lambda e: (e["start"], e["id"]))
            ended = draws[7] > 0.998
            w["attendance_group_ky"].add(attendance_group_id=base + 1, enrollment_id=latest["id"],
                                         person_id=person_id, group_category="HH",
                                         start_date=date(end_year, 1, 13),
                                         end_date=date(end_year, 3, 7) if ended else None)

    def _ky_iep(self, rng, base, person_id, school, draws) -> None:
        w = self.w
        end_year = self.year.end_year
        disability = rng.choices(ref.KY_PRIMARY_DISABILITIES, weights=ref.KY_DISABILITY_WEIGHTS)[0]
        anniversary = date(end_year - 2, 6, 1) + timedelta(days=rng.randrange(365))
        add = w["plan"].add
        case = rng.random()
        status = None if case > 0.985 else "A"
        setting = None if 0.965 < case <= 0.985 else rng.choice(("01", "02", "03", "04"))
        primary = None if 0.945 < case <= 0.965 else disability
        plan_end = anniversary + timedelta(days=364)
        add(plan_id=base + 1, person_id=person_id, type_id=1, district_id=self.g.district_id, start_date=anniversary,
            end_date=plan_end, locked=True, primary_disability=primary, special_ed_status=status,
            special_ed_setting=setting)
        plan_start = anniversary
        if plan_end < self.run_date and case < 0.93:
            renewal = plan_end + timedelta(days=1)
            add(plan_id=base + 2, person_id=person_id, type_id=1, district_id=self.g.district_id, start_date=renewal,
                end_date=renewal + timedelta(days=364), locked=True, primary_disability=disability,
                special_ed_status="A", special_ed_setting=setting or "01")
            plan_start = renewal
            plan_end = renewal + timedelta(days=364)
        if case < 0.05:
            # A newer draft that is not locked: ignored.
            add(plan_id=base + 3, person_id=person_id, type_id=1, district_id=self.g.district_id,
                start_date=self.run_date - timedelta(days=10), end_date=self.run_date + timedelta(days=355),
                locked=False, primary_disability="05", special_ed_status="A", special_ed_setting="01")
        elif case < 0.08:
            # Same end date, later start (an amendment): the later start wins.
            add(plan_id=base + 4, person_id=person_id, type_id=1, district_id=self.g.district_id,
                start_date=plan_start + timedelta(days=60), end_date=plan_end, locked=True,
                primary_disability="09" if disability != "09" else "10", special_ed_status="A",
                special_ed_setting="02")
        elif case < 0.10:
            # Identical dates: the highest plan id wins.
            add(plan_id=base + 5, person_id=person_id, type_id=1, district_id=self.g.district_id,
                start_date=plan_start, end_date=plan_end, locked=True,
                primary_disability="13" if disability != "13" else "05", special_ed_status="A",
                special_ed_setting="01")
        # Team: case managers (and a few other members).
        managers = self.case_managers.get(school.school_id) or [s for v in self.case_managers.values() for s in v]
        add_member = w["team_member"].add
        k = [0]

        def member(staff, role="Case Manager", start=None, end=None, module="specialed"):
            add_member(team_member_id=base * 2 + k[0], person_id=person_id,
                       staff_person_id=staff["person_id"] if staff else None, district_id=self.g.district_id,
                       module=module, role=role, start_date=start, end_date=end)
            k[0] += 1

        team = rng.random()
        manager = managers[person_id % len(managers)] if managers else None
        if team < 0.03:
            pass  # no case manager: LEAD reports 0 for open enrollments
        elif team < 0.05:
            member(None, start=plan_start)  # outside member without a staff person
        elif team < 0.10:
            member(manager, start=plan_start)
            member(managers[(person_id + 1) % len(managers)], start=plan_start)  # two active case managers
        elif team < 0.15:
            member(managers[(person_id + 1) % len(managers)], start=plan_start - timedelta(days=200),
                   end=date(end_year - 1, 12, 20))
            member(manager, start=date(end_year, 1, 6))
        else:
            member(manager, start=plan_start)
        if team > 0.8 and self.speech.get(school.school_id):
            member(self.speech[school.school_id][0], role="Service Provider", start=plan_start)

    def _ky_el(self, rng, base, person_id, draws) -> None:
        w = self.w
        end_year = self.year.end_year
        district_id = self.g.district_id
        case = rng.random()
        identified = date(end_year - rng.randint(1, 6), rng.choice((8, 9, 10)), rng.randint(1, 28))
        if case < 0.78:
            status, exit_date = "EL", None
        elif case < 0.86:
            status, exit_date = "Exited EL", date(end_year, 1, 15)  # exits this year
        elif case < 0.92:
            status, exit_date = "Exited EL", date(end_year - 2, 5, 20)  # exited earlier, monitored
        elif case < 0.96:
            status, exit_date = "Pending", None
        else:
            status, exit_date = "Not EL", None
        w["lep"].add(lep_id=base + 1, person_id=person_id, district_id=district_id, program_status=status,
                     identified_date=identified, exit_date=exit_date,
                     first_year_monitoring=exit_date + timedelta(days=365) if exit_date else None,
                     second_year_monitoring=exit_date + timedelta(days=730) if exit_date else None)
        if rng.random() < 0.05:
            # A historical record from another district.
            w["lep"].add(lep_id=base + 2, person_id=person_id, district_id=self.g.other_district_id,
                         program_status="EL", identified_date=identified - timedelta(days=700),
                         exit_date=None)
        service = rng.random()
        add_service = w["lep_service"].add
        if service >= 0.05:  # 5% have no service in range (KY EL critical error W1)
            types = self.g.lep_service_types
            add_service(lep_service_id=base + 1, person_id=person_id, district_id=district_id,
                        lep_service_type_id=types[0 if service < 0.6 else 1][0],
                        start_date=max(identified, date(end_year - 1, 8, 14)),
                        end_date=None if service < 0.9 else date(end_year, 3, 31), service_minutes=rng.choice((90, 150, 225)))
            if service > 0.7:
                add_service(lep_service_id=base + 2, person_id=person_id, district_id=district_id,
                            lep_service_type_id=types[2 if service < 0.85 else 3][0],
                            start_date=date(end_year - 1, 9, 3), end_date=None, service_minutes=60)
        else:
            add_service(lep_service_id=base + 3, person_id=person_id, district_id=district_id,
                        lep_service_type_id=self.g.lep_service_types[0][0], start_date=date(end_year - 2, 8, 14),
                        end_date=date(end_year - 1, 5, 20))
        accommodation = rng.random()
        add_accommodation = w["lep_accommodation"].add
        if accommodation < 0.90:
            add_accommodation(lep_accommodation_id=base + 1, person_id=person_id, district_id=district_id,
                              accommodation_code=rng.choice(("IA01", "IA02", "IA05", "IA09")), type="I",
                              start_date=date(end_year - 1, 8, 14), end_date=None)
        if accommodation > 0.85:
            # Assessment accommodation: ignored (only type I counts); alone it triggers KY EL W2.
            add_accommodation(lep_accommodation_id=base + 2, person_id=person_id, district_id=district_id,
                              accommodation_code="SA03", type="A", start_date=date(end_year - 1, 8, 14))

    def _ks_el(self, rng, base, person_id) -> None:
        """ESOL records shaped so every KIDS D42 participation code appears: 1, 2, 3, 5, 6, 7, 8, 0 in turn."""
        w = self.w
        end_year = self.year.end_year
        district_id = self.g.district_id
        code = KS_ESOL_CODES[(self.el_counter - 1) % len(KS_ESOL_CODES)]
        types = {state_code or "LOCAL": type_id for type_id, _, state_code in self.g.lep_service_types}
        identified = date(end_year - rng.randint(1, 5), 8, 20)
        add_lep = w["lep"].add
        add_service = w["lep_service"].add
        year_start = date(end_year - 1, 8, 14)

        def service(k, state_code, start=year_start, end=None, minutes=150, refused=False):
            add_service(lep_service_id=base + k, person_id=person_id, district_id=district_id,
                        lep_service_type_id=types[state_code], start_date=start, end_date=end,
                        service_minutes=minutes, parent_refused_services=refused)

        if code in ("1", "2", "3", "5", "6"):
            add_lep(lep_id=base + 1, person_id=person_id, district_id=district_id, program_status="LEP",
                    identified_date=identified)
            if code in ("1", "3"):
                service(1, "TIII")
            if code in ("2", "3"):
                service(2, "STATE", minutes=200)
            if code == "6":
                service(3, "LOCAL", minutes=90)
            if code == "5" and rng.random() < 0.5:
                service(4, "TIII", refused=True)  # parent refused services
        elif code in ("7", "8"):
            exit_date = date(end_year - 1, 5, 20) if code == "7" else date(end_year - 2, 5, 20)
            add_lep(lep_id=base + 1, person_id=person_id, district_id=district_id, program_status="Exited LEP",
                    identified_date=identified - timedelta(days=1000), exit_date=exit_date,
                    first_year_monitoring=exit_date + timedelta(days=365),
                    second_year_monitoring=exit_date + timedelta(days=730))
            if code == "7":
                service(5, "SUM", minutes=60)
            elif rng.random() < 0.5:
                service(6, "SUM", start=date(end_year - 1, 8, 14), end=date(end_year - 1, 10, 1), minutes=30)
        else:
            no_monitor = rng.random() < 0.5
            exit_date = date(end_year - 1, 5, 20) if no_monitor else date(end_year - 5, 5, 20)
            add_lep(lep_id=base + 1, person_id=person_id, district_id=district_id, program_status="Exited LEP",
                    identified_date=identified - timedelta(days=2000), exit_date=exit_date,
                    first_year_monitoring=exit_date + timedelta(days=365),
                    second_year_monitoring=exit_date + timedelta(days=730), sit_exited_no_monitor=no_monitor)
