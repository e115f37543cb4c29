"""The synthetic district: schools, calendars, courses, sections, staff, then students streamed one at a time.

Order of work (each step writes its rows as it goes, so memory holds the district's structure, never its students):
1. district-level rows: district, county, school year, schools, calendars with structures, days, terms, periods,
   trials, attendance codes, courses and sections with placements, staff with employment and assignments, section
   staff history, code tables (plan types, EL service types, campus attributes and dictionaries);
2. students, in chunks of CHUNK students, each chunk with its own random stream: person, identity, enrollments
   (including the messy cases), rosters, programs, attendance;
3. scenario modules (`statereport.generator.scenarios`), each with its own random stream.
Student ids and their rows' ids are derived from the student's index, so the same seed gives byte-identical files.
"""

from __future__ import annotations

import bisect
import math
from datetime import date, timedelta
from pathlib import Path

from statereport.generator import reference as ref
from statereport.generator.calendar_dates import SchoolYear, SummerSession
from statereport.generator.core import Calendar, Context, Ids, School, Structure, Writers, stream
from statereport.settings import project_default

CHUNK = 500
SEGMENT = 40 * CHUNK
STUDENT_PERSON_BASE = 1_000_000
STAFF_PERSON_BASE = 1_000
END_YEAR = 2025
RUN_DATE = date.fromisoformat(project_default("report_run_date"))  # the samples are made for the default run date

STATE_SETUP = {
    "ky": {
        "district_number": "165", "district_name": "Bluegrass County Public Schools", "county": ("056", "Bluegrass"),
        "state": "KY", "school_prefix": "", "state_id_prefix": "2",
    },
    "ks": {
        "district_number": "D0259", "district_name": "Prairie Unified School District 259", "county": None,
        "state": "KS", "school_prefix": "", "state_id_prefix": "7",
    },
}

KY_GRADES = {"PS": "95", "KG": "00", **{f"{g:02d}": f"{g:02d}" for g in range(1, 13)}, "14": "14"}
KS_GRADES = {"PS": "02", "KG": "05", **{f"{g:02d}": f"{g + 5:02d}" for g in range(1, 13)}}
LEVEL_GRADES = {
    "elementary": ["PS", "KG", "01", "02", "03", "04", "05"],
    "middle": ["06", "07", "08"],
    "high": ["09", "10", "11", "12"],
    "cte": ["09", "10", "11", "12"],
    "alternative": ["06", "07", "08", "09", "10", "11", "12"],
    "program": ["09", "10", "11", "12"],
}
SCHOOL_NAMES = {
    "elementary": ("Maple", "Cedar", "Willow", "Oak Hill", "Riverside", "Sunnyside", "Meadowbrook", "Lincoln",
                   "Hillcrest", "Pinecrest", "Fairview", "Brookside"),
    "middle": ("Jefferson", "Franklin", "Clay", "Boone", "Madison", "Monroe"),
    "high": ("Central", "North", "South", "East", "West"),
}


def _grade_weights(grades: list[str]) -> list[float]:
    return [0.25 if g == "PS" else 0.05 if g == "14" else 1.0 for g in grades]


class DistrictGenerator:
    def __init__(self, state: str, students: int, seed: int, out_dir: Path, file_format: str = "csv",
                 prefix: str = "", scenarios: bool = True, workers: int | None = None) -> None:
        if state not in STATE_SETUP:
            raise ValueError("state must be ky or ks")
        self.state = state
        self.students = max(1, int(students))
        self.seed = int(seed)
        self.out_dir = Path(out_dir)
        self.file_format = file_format
        self.prefix = prefix
        self.use_scenarios = scenarios
        self.workers = workers
        self.setup = STATE_SETUP[state]
        self.grades = KY_GRADES if state == "ky" else KS_GRADES
        self.ids = Ids()
        self.rng = stream(seed, state, "district")
        self.year = SchoolYear(END_YEAR)
        self.prior_year = SchoolYear(END_YEAR - 1)
        self.summer = SummerSession(END_YEAR)
        self.district_id = 1
        self.other_district_id = 2
        self.schools: list[School] = []
        self.staff: list[dict] = []
        self.staff_by_school: dict[int, dict[str, list[dict]]] = {}

    # ------------------------------------------------------------------ entry point
    def run(self) -> dict[str, int]:
        self.w = Writers(self.state, self.out_dir, self.file_format, self.prefix)
        # Primary-teacher cases of _staff_history, forced once each on the first high school's first sections.
        self.forced_staff_cases = [0, 7, 13, 19, 29, 31, 41, 43, 3]
        try:
            self._district()
            self._schools()
            self._code_tables()
            for school in self.schools:
                for calendar in school.calendars:
                    self._calendar_rows(calendar)
            self._staff()
            for school in self.schools:
                for calendar in school.calendars:
                    if calendar.kind != "prior":
                        self._courses_and_sections(calendar)
            self._employment()
            self._students()
            if self.use_scenarios:
                self._scenarios()
        finally:
            counts = self.w.close()
        return counts

    # ------------------------------------------------------------------ district, schools, calendars
    def _district(self) -> None:
        w, s = self.w, self.setup
        county_id = 21 if self.state == "ky" else None
        w["district"].add(district_id=self.district_id, number=s["district_number"], name=s["district_name"],
                          state=s["state"], county_id=county_id)
        # A neighbouring district: program records created there must not count for this district.
        w["district"].add(district_id=self.other_district_id, number="166" if self.state == "ky" else "D0260",
                          name="Neighboring County Schools" if self.state == "ky" else "Neighboring USD 260",
                          state=s["state"], county_id=county_id)
        if s["county"]:
            w["county"].add(county_id=county_id, code=s["county"][0], name=s["county"][1], state=s["state"])
            w["county"].add(county_id=22, code="057", name="Limestone", state=s["state"])
        for end_year in (END_YEAR - 1, END_YEAR):
            w["school_year"].add(end_year=end_year, start_year=end_year - 1,
                                 label=f"{(end_year - 1) % 100:02d}-{end_year % 100:02d}",
                                 start_date=date(end_year - 1, 7, 1), end_date=date(end_year, 6, 30),
                                 active=end_year == END_YEAR)

    def _school_plan(self) -> list[tuple[str, float]]:
        n = self.students
        shares = {"elementary": 0.45, "middle": 0.22, "high": 0.30, "alternative": 0.02}
        if self.state == "ky":
            shares["program"] = 0.01
        else:
            shares["high"] += 0.01
        sizes = {"elementary": 480, "middle": 650, "high": 1100}
        # KY school numbers are 3 digits: keep the number of schools under 800 however large the district.
        scale = max(1.0, sum(n * shares[k] / sizes[k] for k in sizes) / 780)
        plan: list[tuple[str, float]] = []
        for kind in ("elementary", "middle", "high"):
            count = max(1, round(n * shares[kind] / (sizes[kind] * scale)))
            plan += [(kind, shares[kind] / count)] * count
        plan.append(("cte", 0.0))
        plan.append(("alternative", shares["alternative"]))
        if "program" in shares:
            plan.append(("program", shares["program"]))
        return plan

    def _schools(self) -> None:
        counters: dict[str, int] = {}
        starts = []
        position = 0.0
        for index, (kind, share) in enumerate(self._school_plan()):
            counters[kind] = counters.get(kind, 0) + 1
            k = counters[kind]
            if kind in SCHOOL_NAMES:
                names = SCHOOL_NAMES[kind]
                base = names[(k - 1) % len(names)] + (f" {1 + (k - 1) // len(names)}" if k > len(names) else "")
                name = f"{base} {'Elementary' if kind == 'elementary' else 'Middle' if kind == 'middle' else 'High'}"
            else:
                name = {"cte": "Bluegrass Area Technology Center" if self.state == "ky" else "Prairie Career Center",
                        "alternative": "Horizon Alternative Program",
                        "program": "Evening Learning Program"}[kind]
            if self.state == "ky":
                # the first 190 schools take multiples of 5; the rest the numbers between them (a district's school
                # numbers are unique: a 700,000-student district has about 780 schools)
                spare = index - 190
                number = f"{10 + index * 5:03d}" if index < 190 else f"{11 + spare // 4 * 5 + spare % 4:03d}"
                classification = {"elementary": "A1", "middle": "A1", "high": "A1", "cte": "A2",
                                  "alternative": "A5", "program": None}[kind]
            else:
                number = f"{1000 + index * 10:04d}" if index < 800 else f"{9000 + index - 800:04d}"[-4:]
                classification = None
            grades = [g for g in LEVEL_GRADES[kind] if g in self.grades]
            school = School(school_id=index + 1, number=number, name=name, kind=kind,
                            state_classification=classification, grades=grades, share=share, end_year=END_YEAR)
            self.schools.append(school)
            starts.append(position)
            position += share
            self.w["school"].add(school_id=school.school_id, district_id=self.district_id, number=number, name=name,
                                 state_classification=classification,
                                 county=self.setup["county"][1] if self.setup["county"] else None)
        # Student index ranges per school (contiguous), scaled to the requested number of students.
        homes = [s for s in self.schools if s.share > 0]
        total = sum(s.share for s in homes)
        self.home_starts = []
        acc = 0.0
        for school in homes:
            self.home_starts.append(int(round(acc / total * self.students)))
            acc += school.share
        self.home_schools = homes
        for index, school in enumerate(homes):
            end = self.home_starts[index + 1] if index + 1 < len(homes) else self.students
            school.expected = max(1, end - self.home_starts[index])
        for school in self.schools:
            if school.kind == "cte":
                high = sum(s.expected for s in self.schools if s.kind == "high")
                school.expected = max(8, int(high * 0.10))
        self._calendars()

    def _calendars(self) -> None:
        first_high = next(s for s in self.schools if s.kind == "high")
        for school in self.schools:
            specs = [("regular", self.year, END_YEAR), ("prior", self.prior_year, END_YEAR - 1)]
            if school is first_high:
                specs.append(("summer", self.summer, END_YEAR))
            for kind, year, end_year in specs:
                calendar_id = self.ids.next("calendar")
                label = f"{(end_year - 1) % 100:02d}-{end_year % 100:02d}"
                name = f"{label} {school.name}" + (" Summer School" if kind == "summer" else "")
                calendar = Calendar(calendar_id=calendar_id, school=school, end_year=end_year, name=name, kind=kind,
                                    start_date=year.start_date, end_date=year.end_date, first_day=year.first_day,
                                    last_day=year.last_day, exclude=school.kind == "alternative")
                calendar.year = year
                school.calendars.append(calendar)

    def _periods_for(self, school: School, calendar: Calendar) -> list[tuple]:
        """(name, seq, minutes, non_instructional, lunch, start, end)."""
        if calendar.kind == "summer":
            return [("1", 1, 120, False, False, "08:00", "10:00"), ("2", 2, 120, False, False, "10:10", "12:10")]
        if school.kind == "elementary":
            return [("AM", 1, 180, False, False, "08:00", "11:00"), ("Lunch", 2, 30, True, True, "11:00", "11:30"),
                    ("PM", 3, 180, False, False, "11:30", "14:30")]
        rows = []
        clock = 7 * 60 + 50
        for seq in range(1, 9):
            if seq == 5:
                rows.append(("Lunch", seq, 30, True, True, f"{clock // 60:02d}:{clock % 60:02d}",
                             f"{(clock + 30) // 60:02d}:{(clock + 30) % 60:02d}"))
                clock += 35
                continue
            number = seq if seq < 5 else seq - 1
            rows.append((str(number), seq, 50, False, False, f"{clock // 60:02d}:{clock % 60:02d}",
                         f"{(clock + 50) // 60:02d}:{(clock + 50) % 60:02d}"))
            clock += 55
        return rows

    def _calendar_rows(self, calendar: Calendar) -> None:
        w = self.w
        school, year = calendar.school, calendar.year
        w["calendar"].add(calendar_id=calendar.calendar_id, school_id=school.school_id, district_id=self.district_id,
                          end_year=calendar.end_year, name=calendar.name, number=f"{calendar.calendar_id:03d}",
                          start_date=calendar.start_date, end_date=calendar.end_date,
                          summer_school=calendar.kind == "summer", exclude=calendar.exclude,
                          half_day_absence=120 if school.kind == "elementary" else 150,
                          whole_day_absence=240 if school.kind == "elementary" else 300)
        structure_id = self.ids.next("structure")
        w["schedule_structure"].add(structure_id=structure_id, calendar_id=calendar.calendar_id,
                                    name="Summer" if calendar.kind == "summer" else "Main")
        for grade in school.grades:
            w["grade_level"].add(calendar_id=calendar.calendar_id, structure_id=structure_id, name=grade,
                                 state_grade=self.grades[grade], exclude_enrollment=grade == "PS")
        period_schedule_id = self.ids.next("period_schedule")
        w["period_schedule"].add(period_schedule_id=period_schedule_id, structure_id=structure_id, name="Regular")
        periods = []
        for name, seq, minutes, non_instructional, lunch, start, end in self._periods_for(school, calendar):
            period_id = self.ids.next("period")
            w["period"].add(period_id=period_id, period_schedule_id=period_schedule_id, name=name, seq=seq,
                            period_minutes=minutes, non_instructional=non_instructional, lunch=lunch,
                            start_time=start, end_time=end)
            periods.append((period_id, name, seq, minutes, not non_instructional))
        add_day = w["day"].adder("calendar_id", "structure_id", "date", "school_day", "instruction",
                                 "period_schedule_id")
        for day, school_day, instruction in year.days:
            add_day(calendar.calendar_id, structure_id, day, school_day, instruction,
                    period_schedule_id if school_day else None)
        term_schedule_id = self.ids.next("term_schedule")
        w["term_schedule"].add(term_schedule_id=term_schedule_id, structure_id=structure_id)
        terms = {}
        term_dates = year.semesters if (school.kind in ("high", "cte", "program") or calendar.kind == "summer") \
            else year.quarters
        for seq, (name, (start, end)) in enumerate(term_dates.items(), start=1):
            term_id = self.ids.next("term")
            w["term"].add(term_id=term_id, term_schedule_id=term_schedule_id, name=name, seq=seq, start_date=start,
                          end_date=end)
            terms[name] = (term_id, start, end)
        if school.kind == "high" and calendar.kind == "regular":
            # A term whose dates were never entered: LEAD drops sections placed only in it.
            term_id = self.ids.next("term")
            w["term"].add(term_id=term_id, term_schedule_id=term_schedule_id, name="TBD", seq=len(terms) + 1)
            terms["TBD"] = (term_id, None, None)
        trial_id = self.ids.next("trial")
        inactive_trial_id = self.ids.next("trial")
        w["trial"].add(trial_id=trial_id, calendar_id=calendar.calendar_id, structure_id=structure_id,
                       name="Trial 1", active=True)
        w["trial"].add(trial_id=inactive_trial_id, calendar_id=calendar.calendar_id, structure_id=structure_id,
                       name="Trial 2 (draft)", active=False)
        structure = Structure(structure_id=structure_id, calendar_id=calendar.calendar_id, name="Main",
                              trial_id=trial_id, inactive_trial_id=inactive_trial_id, terms=terms, periods=periods,
                              period_schedule_id=period_schedule_id, instruction_days=year.instruction_days)
        calendar.structures.append(structure)
        if self.state == "ks":
            codes = (("P", "Present", "P", None), ("EX", "Excused Absence", "A", "E"),
                     ("UX", "Unexcused Absence", "A", "U"), ("IL", "Illness", "A", "E"),
                     ("SA", "School Activity", "A", "X"), ("TU", "Tardy Unexcused", "T", "U"),
                     ("TE", "Tardy Excused", "T", "E"), ("ER", "Early Release", "E", "E"),
                     ("SU", "Suspension", "A", "U"))
            for code, description, status, excuse in codes:
                excuse_id = self.ids.next("attendance_excuse")
                w["attendance_excuse"].add(excuse_id=excuse_id, calendar_id=calendar.calendar_id, code=code,
                                           description=description, status=status, excuse=excuse)
                calendar.excuses[code] = (excuse_id, status, excuse)

    # ------------------------------------------------------------------ code tables
    def _code_tables(self) -> None:
        w = self.w
        self.plan_types = {"iep": 1, "ilpa": 2, "plp": 3, "iep_amend": 4}
        for type_id, name, abbreviation, module, active in (
                (1, "KY IEP", "IEP", "specialed", True), (2, "KY ILPA", "ILPA", "alp", True),
                (3, "Personalized Learning Plan", "PLP", "plp", True),
                (4, "KY IEP (Amendment, retired)", "IEPA", "specialed", False)):
            w["plan_type"].add(type_id=type_id, name=name, abbreviation=abbreviation, module=module, active=active)
        if self.state == "ky":
            service_types = (("ESL", "ESL Pull-Out", None), ("SHL", "Sheltered Instruction", None),
                             ("CT", "Content Tutoring", None), ("NEW", "Newcomer Program", None))
        else:
            service_types = (("T3", "Title III ESOL", "TIII"), ("ST", "State Bilingual/ESOL", "STATE"),
                             ("SUM", "Summer/Transitional Support", "SUM"), ("LOC", "Local ESOL Support", None))
        self.lep_service_types = []
        for index, (code, name, state_code) in enumerate(service_types, start=1):
            w["lep_service_type"].add(lep_service_type_id=index, code=code, name=name, state_code=state_code)
            self.lep_service_types.append((index, code, state_code))
        if self.state == "ky":
            for attribute_id, obj, element, name in ((501, "Course", "KTSTechID", "KTS Tech ID"),
                                                     (502, "Identity", "homePrimaryLanguage", "Home Primary Language"),
                                                     (503, "definition", "iso639-2Language", "ISO 639-2 Language"),
                                                     (504, "Course", "localFlag", "Local Course Flag")):
                w["campus_attribute"].add(attribute_id=attribute_id, object=obj, element=element, name=name)
            for code, name, iso in ref.KY_LANGUAGES:
                w["campus_dictionary"].add(attribute_id=502, code=code, name=name)
                w["campus_dictionary"].add(attribute_id=503, code=code, name=iso)
            label = f"{(END_YEAR - 1) % 100:02d}-{END_YEAR % 100:02d}"
            prior = f"{(END_YEAR - 2) % 100:02d}-{(END_YEAR - 1) % 100:02d}"
            self.catalogs = {"kts": 1, "district": 2, "kts_prior": 3}
            w["course_catalog"].add(catalog_id=1, district_id=self.district_id,
                                    name=f"{label} KTS Course Catalog (HIGH SCHOOLS ONLY)")
            w["course_catalog"].add(catalog_id=2, district_id=self.district_id, name=f"{label} District Catalog")
            w["course_catalog"].add(catalog_id=3, district_id=self.district_id,
                                    name=f"{prior} KTS Course Catalog (HIGH SCHOOLS ONLY)")
        self.course_masters: dict[str, int] = {}

    # ------------------------------------------------------------------ staff
    def _new_person(self, rng, staff: bool, person_id: int, first=None, last=None, birth_year=None) -> tuple:
        first = first or rng.choice(ref.FIRST_NAMES)
        last = last or rng.choice(ref.LAST_NAMES)
        identity_id = person_id * 2
        gender = rng.choice("MF")
        return person_id, identity_id, first, last, gender

    def _add_staff(self, school: School | None, role: str, title: str, first=None, last=None, epsb=None,
                   employee_type: str | None = "auto", extra_school: School | None = None) -> dict:
        rng = self.rng
        person_id = STAFF_PERSON_BASE + len(self.staff)
        first = first or rng.choice(ref.FIRST_NAMES)
        last = last or rng.choice(ref.LAST_NAMES)
        identity_id = person_id * 2
        self.w["person"].add(person_id=person_id, current_identity_id=identity_id,
                             staff_number=f"E{person_id:06d}", staff_state_id=None)
        self.w["identity"].add(identity_id=identity_id, person_id=person_id, effective_date=date(2015, 7, 1),
                               first_name=first, last_name=last, legal_first_name=first, legal_last_name=last,
                               gender=rng.choice("MF"), birthdate=date(rng.randint(1960, 1998), rng.randint(1, 12),
                                                                         rng.randint(1, 28)))
        if employee_type == "auto":
            employee_type = ref.KY_EMPLOYEE_TYPES.get(role, "01")
        member = {"person_id": person_id, "school": school, "role": role, "title": title, "first": first,
                  "last": last, "epsb": epsb, "employee_type": employee_type, "extra_school": extra_school,
                  "sections": 0}
        self.staff.append(member)
        if school is not None:
            self.staff_by_school.setdefault(school.school_id, {}).setdefault(role, []).append(member)
        return member

    def _staff(self) -> None:
        """Staff: principal and counselor per school, teachers sized to the sections, SPED teachers (case
        managers), aides up to about one staff member per 15 students; KY placeholders and a substitute."""
        rng = self.rng
        for school in self.schools:
            n = school.expected
            self._add_staff(school, "principal", "Principal")
            self._add_staff(school, "counselor", "Guidance Counselor")
            if school.kind == "elementary":
                teachers = sum(max(1, math.ceil(n * w / sum(_grade_weights(school.grades)) / 22))
                               for w in _grade_weights(school.grades)) + max(1, math.ceil(n / 25 * 2 / 30))
            else:
                per_period = max(1, math.ceil(n / 25))
                teachers = math.ceil(7 * per_period / 6)
            school.teachers = [self._add_staff(school, "teacher", "Teacher") for _ in range(teachers)]
            for _ in range(max(1, n // 70)):
                self._add_staff(school, "sped", "Special Education Teacher")
            if school.kind != "cte":
                self._add_staff(school, "speech", "Speech Therapist")
            target = max(0, math.ceil(n / 15) - len(self.staff_by_school[school.school_id].get("teacher", [])) - 4)
            for _ in range(target):
                self._add_staff(school, "aide", "Instructional Aide")
        if self.state == "ky":
            high_schools = [s for s in self.schools if s.kind in ("high", "middle", "cte")]
            self.placeholders = []
            vacancies = [261, 262, 263, 264, 265, 266, 267, 268, 269, 260] + list(range(641, 651))
            for number, epsb in enumerate(vacancies, start=1):
                member = self._add_staff(None, "teacher", "Vacancy", first="Placeholder", last=f"Vacancy{number:02d}",
                                         epsb=str(epsb))
                member["schools"] = high_schools
                self.placeholders.append(member)
            self.professor = self._add_staff(None, "teacher", "Dual Credit Instructor", first="Placeholder",
                                             last="College Professor", epsb="271")
            self.professor["schools"] = [s for s in self.schools if s.kind == "high"]
            first_high = next(s for s in self.schools if s.kind == "high")
            self.substitute = self._add_staff(first_high, "substitute", "Substitute Teacher")
            # Messy staff: a teacher with no employee type, a teacher whose only assignment is at another school.
            self.no_type_teacher = self._add_staff(first_high, "teacher", "Teacher", employee_type=None)
            other = next(s for s in self.schools if s.kind == "middle")
            self.elsewhere_teacher = self._add_staff(other, "teacher", "Teacher")
        else:
            self.placeholders = []
            self.substitute = self._add_staff(next(s for s in self.schools if s.kind == "high"), "substitute",
                                              "Substitute Teacher")
        rng.random()

    def _employment(self) -> None:
        """KY District Employment (EPSB id as License Number) and District Assignments; KS has neither table."""
        if self.state != "ky":
            return
        rng = stream(self.seed, self.state, "employment")
        w = self.w
        used = set()
        for index, member in enumerate(self.staff):
            person_id = member["person_id"]
            epsb = member["epsb"]
            if epsb is None:
                while True:
                    epsb = str(rng.randint(100000, 999999))
                    if epsb not in used:
                        break
                used.add(epsb)
            start = date(rng.randint(2000, 2023), 8, 1)
            messy = index % 97 if member["epsb"] is None else -1  # placeholders keep their fixed EPSB ids
            if messy == 11:
                epsb = epsb + " "  # trailing space: KECS rejects it (t_epsb_whitespace)
            if messy == 23:
                epsb = None  # License Number never entered
            if messy == 37 and member["role"] == "teacher":
                # An older, ended employment record with another number: the open record wins.
                w["employment"].add(employment_id=self.ids.next("employment"), person_id=person_id,
                                    district_id=self.district_id, start_date=start - timedelta(days=3650),
                                    end_date=start - timedelta(days=400), license_number="100000")
            if messy != 51 or member["role"] == "aide":
                w["employment"].add(employment_id=self.ids.next("employment"), person_id=person_id,
                                    district_id=self.district_id, start_date=start, end_date=None,
                                    license_number=epsb)
                member["license_number"] = epsb  # as written: the KECS forecast scenario downloads KECS rows for it
            schools = member.get("schools") or [member["school"]]
            if member is getattr(self, "elsewhere_teacher", None):
                schools = [next(s for s in self.schools if s.kind == "elementary")]
            for school in schools:
                if school is None:
                    continue
                role = member["role"]
                w["employment_assignment"].add(
                    assignment_id=self.ids.next("employment_assignment"), person_id=person_id,
                    district_id=self.district_id, school_id=school.school_id,
                    start_date=max(start, date(END_YEAR - 1, 7, 1)) if messy != 61 else date(END_YEAR - 3, 8, 1),
                    end_date=None if messy != 61 else date(END_YEAR - 2, 6, 30),
                    title=member["title"], teacher=role in ("teacher", "sped", "substitute"), primary=True,
                    counselor=role == "counselor", supervisor=role == "principal", substitute=role == "substitute",
                    type=member["employee_type"], alt_type=None, employee_type=member["employee_type"])

    # ------------------------------------------------------------------ courses, sections, placements
    def _course_master(self, number: str, name: str, catalog: int) -> int | None:
        if self.state != "ky":
            return None
        key = f"{catalog}|{number}"
        if key not in self.course_masters:
            master_id = len(self.course_masters) + 1
            self.course_masters[key] = master_id
            self.w["course_master"].add(course_master_id=master_id, catalog_id=catalog, number=number, name=name)
        return self.course_masters[key]

    def _course(self, calendar: Calendar, number: str, name: str, state_code: str | None, kind: str,
                homeroom: bool = False) -> int:
        course_id = self.ids.next("course")
        ky = self.state == "ky"
        school = calendar.school
        kts = ky and school.kind == "high" and kind in ("ap", "core") and number in ("0205", "0302")
        catalog = self.catalogs["kts"] if kts else self.catalogs["district"] if ky else None
        teaching_method = {"dual_credit": "12", "credit_recovery": "14"}.get(kind)
        if ky and teaching_method is None and course_id % 3 == 0:
            teaching_method = "01"
        setting = {"dual_credit": "03", "credit_recovery": "05"}.get(kind)
        if ky and school.kind == "cte":
            setting = "01"
        subject = None
        if not ky:
            lowered = name.lower()
            subject = ("ELA" if ("english" in lowered or "language arts" in lowered) else
                       "Math" if any(k in lowered for k in ("math", "algebra", "geometry", "calculus")) else
                       "Science" if any(k in lowered for k in ("science", "biology", "chemistry")) else
                       "Comprehensive Agriculture" if "agriculture" in lowered else
                       "KELPA2" if "esl" in lowered else None)
            if homeroom:
                subject = None
        self.w["course"].add(
            course_id=course_id, calendar_id=calendar.calendar_id,
            course_master_id=self._course_master(number, name, catalog) if ky else None,
            number=number, name=name, active=not (kind == "inactive"),
            state_code=state_code if ky else None, teaching_method=teaching_method if ky else None,
            instructional_setting=setting if ky else None, responsive=(course_id % 11 == 0) if ky else None,
            type=("V" if kind == "credit_recovery" else None) if ky else None,
            difficulty_level=("AP" if kind == "ap" else "DC" if kind == "dual_credit" else
                              "H" if course_id % 17 == 0 else None) if ky else None,
            homeroom=homeroom, kids_subject=subject)
        if kts:
            self.w["custom_course"].add(course_id=course_id, attribute_id=501, value=f"KTS{course_id:05d}")
        return course_id

    def _section(self, calendar: Calendar, structure: Structure, course_id: int, number: int, kind: str,
                 terms: list[str], period_seqs: list[int], teacher: dict | None, homeroom: bool = False,
                 trial_id: int | None = None) -> int:
        ky = self.state == "ky"
        section_id = self.ids.next("section")
        trial_id = trial_id or structure.trial_id
        special_type = {"sped": "05", "esl": "03"}.get(kind)
        if ky and special_type is None and section_id % 9 == 0:
            special_type = "01"
        self.w["section"].add(
            section_id=section_id, course_id=course_id, trial_id=trial_id, number=number,
            teacher_person_id=teacher["person_id"] if teacher else None, homeroom_section=homeroom,
            core_content=("101" if kind == "core" and section_id % 2 == 0 else None) if ky else None,
            instructional_setting=("02" if calendar.school.kind == "cte" and section_id % 4 == 0 else None) if ky else None,
            special_type=special_type if ky else None,
            cross_site_enrollment=("Y" if section_id % 151 == 0 else None) if ky else None)
        period_ids = {seq: period_id for period_id, _, seq, _, _ in structure.periods}
        for term in terms:
            for seq in period_seqs:
                self.w["section_placement"].add(section_id=section_id, trial_id=trial_id,
                                                term_id=structure.terms[term][0], period_id=period_ids[seq])
        self._staff_history(calendar, structure, section_id, trial_id, kind, terms, teacher)
        return section_id

    def _staff_history(self, calendar, structure, section_id, trial_id, kind, terms, teacher) -> None:
        """Primary teacher history with the messy cases LEAD's primary-teacher rule must resolve."""
        add = self.w["section_staff_history"].add
        if teacher is None:
            return
        school = calendar.school
        case = section_id % 53
        forced = getattr(self, "forced_staff_cases", None)
        if forced and school.kind == "high" and calendar.kind == "regular" and kind in ("core", "elective"):
            case = forced.pop(0)  # every case appears in the first high school, however small the district
        term_start = structure.terms[terms[0]][1]
        term_end = structure.terms[terms[-1]][2]

        def record(person, staff_type="P", start=None, end=None, role="Teacher"):
            add(history_id=self.ids.next("section_staff_history"), section_id=section_id, trial_id=trial_id,
                person_id=person["person_id"], staff_type=staff_type, role=role, assignment_id=None,
                start_date=start, end_date=end)

        if case == 7 and term_start and term_end and term_end > date(END_YEAR, 1, 10):
            # Teacher changed mid-year: the first primary ended, the replacement is open.
            others = school.teachers
            replacement = others[(others.index(teacher) + 1) % len(others)] if teacher in others else teacher
            record(teacher, end=date(END_YEAR - 1, 12, 20), start=term_start)
            record(replacement, start=date(END_YEAR, 1, 6))
            return
        if case == 13:
            record(teacher, staff_type="T")  # only a non-primary teacher: Primary Teacher PersonID reports 0
            return
        if case == 19 and self.placeholders and school.kind in ("high", "middle"):
            record(self.placeholders[section_id % len(self.placeholders)])  # vacancy placeholder as primary
            return
        if case == 29 and school.kind == "high" and getattr(self, "substitute", None) is not None:
            record(self.substitute)  # substitutes may never be primary (KECS O1)
            return
        if case == 31:
            # Two primary records that both ended: the latest start wins.
            record(teacher, start=term_start, end=date(END_YEAR - 1, 10, 31))
            others = school.teachers
            replacement = others[(others.index(teacher) + 2) % len(others)] if teacher in others else teacher
            record(replacement, start=date(END_YEAR - 1, 11, 1), end=term_end)
            return
        if case == 41 and school.kind == "high" and self.state == "ky":
            record(getattr(self, "no_type_teacher", teacher))
            return
        if case == 43 and school.kind == "high" and self.state == "ky":
            record(getattr(self, "elsewhere_teacher", teacher))
            return
        record(teacher)
        if kind == "sped" or case == 3:
            co = self.staff_by_school.get(school.school_id, {}).get("sped") or [teacher]
            record(co[section_id % len(co)], staff_type="C", role="Co-Teacher")

    def _courses_and_sections(self, calendar: Calendar) -> None:
        school = calendar.school
        structure = calendar.structure
        rng = stream(self.seed, self.state, f"sections:{calendar.calendar_id}")
        n = school.expected
        teachers = getattr(school, "teachers", None) or [self._add_staff(school, "teacher", "Teacher")]
        if calendar.kind == "summer":
            course_id = self._course(calendar, "S-CR", "Summer Credit Recovery", "230114", "credit_recovery")
            for seq in (1, 2):
                structure.sections.setdefault(seq, []).append(
                    [(self._section(calendar, structure, course_id, seq, "credit_recovery", ["SUM"], [seq],
                                    teachers[seq % len(teachers)]), ("SUM",))])
            return
        all_terms = [t for t in structure.terms if t != "TBD"]
        if school.kind == "elementary":
            weights = _grade_weights(school.grades)
            total = sum(weights)
            teacher_index = 0
            for grade, weight in zip(school.grades, weights):
                label = "Kindergarten" if grade == "KG" else "Preschool" if grade == "PS" else f"Grade {int(grade)}"
                course_id = self._course(calendar, f"HR-{grade}", f"{label} Homeroom",
                                         ref.ELEMENTARY_HOMEROOM_CODE, "core", homeroom=True)
                count = max(1, math.ceil(n * weight / total / 22))
                for number in range(1, count + 1):
                    teacher = teachers[teacher_index % len(teachers)]
                    teacher_index += 1
                    section_id = self._section(calendar, structure, course_id, number, "core", all_terms, [1, 3],
                                               teacher, homeroom=True)
                    structure.homerooms.setdefault(grade, []).append(section_id)
            for number_code, name, code in ref.KY_ELEMENTARY_SPECIALS:
                course_id = self._course(calendar, number_code, name, code, "elective")
                for number in range(1, max(1, math.ceil(n / 25 / 3)) + 1):
                    teacher = teachers[teacher_index % len(teachers)]
                    teacher_index += 1
                    structure.specials.append(self._section(calendar, structure, course_id, number, "elective",
                                                            all_terms, [3], teacher))
            sped = self.staff_by_school.get(school.school_id, {}).get("sped", teachers)
            course_id = self._course(calendar, "E-RES", "Special Education Resource", "230702", "sped")
            structure.resource = [self._section(calendar, structure, course_id, 1, "sped", all_terms, [1], sped[0])]
            return
        level = "high" if school.kind in ("high", "program") else "cte" if school.kind == "cte" else "middle"
        courses = []
        for number, name, code, kind in ref.SECONDARY_COURSES[level]:
            courses.append((self._course(calendar, number, name, code, kind), kind))
        if level == "high":
            # An inactive course that still has a section: LEAD needs active courses.
            courses.append((self._course(calendar, "0999", "Retired Elective", "500712", "inactive"), "inactive"))
        per_period = max(1, math.ceil(n / 25))
        seqs = [seq for _, _, seq, _, instructional in structure.periods if instructional]
        teacher_count = len(teachers)
        slot_index = 0
        numbers: dict[int, int] = {}
        for p, seq in enumerate(seqs):
            slots = []
            for j in range(per_period):
                teacher = teachers[(j + p * per_period) % teacher_count]
                course_id, kind = courses[(j * len(seqs) + p) % len(courses)]
                slot_index += 1
                if level == "high" and (kind == "semester" or j % 6 == 5):
                    course2, kind2 = courses[(j * len(seqs) + p + 1) % len(courses)]
                    numbers[course_id] = numbers.get(course_id, 0) + 1
                    numbers[course2] = numbers.get(course2, 0) + 1
                    first = self._section(calendar, structure, course_id, numbers[course_id], kind, ["S1"], [seq],
                                          teacher)
                    second = self._section(calendar, structure, course2, numbers[course2], kind2, ["S2"], [seq],
                                           teacher)
                    slots.append([(first, ("S1",)), (second, ("S2",))])
                else:
                    numbers[course_id] = numbers.get(course_id, 0) + 1
                    section_id = self._section(calendar, structure, course_id, numbers[course_id], kind, all_terms,
                                               [seq], teacher)
                    slots.append([(section_id, tuple(all_terms))])
            structure.sections[seq] = slots
        if self.state == "ky" and level == "high":
            # Dual credit taught by the college (placeholder 271) and a section with a counselor as primary.
            dual = next(c for c, k in courses if k == "dual_credit")
            self._section(calendar, structure, dual, 90, "dual_credit", all_terms, [seqs[-1]], self.professor)
            counselor = self.staff_by_school[school.school_id]["counselor"][0]
            roster_only = next(c for c, k in courses if k == "placeholder")
            self._section(calendar, structure, roster_only, 91, "placeholder", all_terms, [seqs[0]], counselor)
        if "TBD" in structure.terms:
            # A section placed only in a term without dates, and one in the inactive trial.
            course_id, kind = courses[0]
            self._section(calendar, structure, course_id, 98, kind, ["TBD"], [seqs[0]], teachers[0])
            self._section(calendar, structure, course_id, 99, kind, all_terms, [seqs[1]], teachers[1 % teacher_count],
                          trial_id=structure.inactive_trial_id)
            # A section with an empty roster: LEAD still reports it, with one row of NULL student fields.
            self._section(calendar, structure, course_id, 97, kind, all_terms, [seqs[2]], teachers[2 % teacher_count])

    # ------------------------------------------------------------------ students
    def _student_range(self, writers: Writers, start: int, stop: int) -> None:
        from statereport.generator.students import StudentWriter

        writer = StudentWriter(self, writers)
        for chunk_start in range(start, stop, CHUNK):
            rng = stream(self.seed, self.state, f"students:{chunk_start // CHUNK}")
            for index in range(chunk_start, min(stop, chunk_start + CHUNK)):
                writer.student(index, rng)

    def _students(self) -> None:
        """Students in segments of SEGMENT; with several segments, worker processes write each segment to part
        files that are appended in segment order. The output depends on the seed and the number of students only,
        never on the number of workers."""
        segments = [(start, min(self.students, start + SEGMENT)) for start in range(0, self.students, SEGMENT)]
        if len(segments) == 1:
            self._student_range(self.w, 0, self.students)
            return
        import multiprocessing
        import os
        import shutil

        parts = self.out_dir / f".{self.prefix}parts"
        shutil.rmtree(parts, ignore_errors=True)
        for writer in self.w.writers.values():
            writer.flush()
            handle = getattr(writer.sink, "handle", None)
            if handle is not None:
                handle.flush()
        global _ACTIVE
        _ACTIVE = (self, parts, segments)
        workers = max(1, min(self.workers or os.cpu_count() or 1, len(segments)))
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for segment, counts in pool.imap(_write_segment, range(len(segments))):
                    folder = parts / f"{segment:05d}"
                    for name, writer in self.w.writers.items():
                        writer.append_part(folder / writer.path.name, counts.get(name, 0))
                    shutil.rmtree(folder)
        finally:
            _ACTIVE = None
            shutil.rmtree(parts, ignore_errors=True)

    def home_school(self, index: int) -> School:
        return self.home_schools[bisect.bisect_right(self.home_starts, index) - 1]

    # ------------------------------------------------------------------ scenarios
    def context(self, name: str) -> Context:
        return Context(state=self.state, seed=self.seed, end_year=END_YEAR, run_date=RUN_DATE,
                       district_id=self.district_id, district_number=self.setup["district_number"],
                       schools=self.schools, staff=self.staff, ids=self.ids, writers=self.w,
                       rng=stream(self.seed, self.state, f"scenario:{name}"), helpers=self)

    def _scenarios(self) -> None:
        from statereport.generator.scenarios import registered

        for name, function in registered(self.state):
            function(self.context(name))


_ACTIVE = None  # (generator, parts folder, segments) inherited by forked workers


def _write_segment(segment: int) -> tuple[int, dict[str, int]]:
    generator, parts, segments = _ACTIVE
    writers = Writers(generator.state, parts / f"{segment:05d}", generator.file_format, generator.prefix,
                      header=False)
    try:
        generator._student_range(writers, *segments[segment])
    finally:
        counts = writers.close()
    return segment, counts


def generate_district(state: str, students: int, seed: int, out_dir: Path, file_format: str = "csv",
                      prefix: str = "", scenarios: bool = True, workers: int | None = None) -> dict[str, int]:
    """Writes one file per contract table of the state into out_dir; returns the row count per table.
    workers: processes for the students (default: one per CPU); the files do not depend on it."""
    return DistrictGenerator(state, students, seed, out_dir, file_format, prefix, scenarios, workers).run()
