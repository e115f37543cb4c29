"""School-year dates: the instructional calendar of a synthetic district (weekends, holidays, breaks, PD days)."""

from __future__ import annotations

from datetime import date, timedelta


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """n-th (1-based) weekday (Mon=0) of a month."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def daterange(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def previous_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


class SchoolYear:
    """The regular calendar of the school year ending `end_year` (e.g. 2025 = SY 2024-25).

    Calendar starts with two teacher days (school day, no instruction), instruction runs from mid-August to about
    May 22, then one teacher day closes the calendar. Holidays: Labor Day, fall break, election day, Thanksgiving,
    winter break, MLK, Presidents' Day, spring break; one PD day (school day, no instruction) after winter break.
    Sept 20 and Feb 20 (Kansas count days) are always instructional."""

    def __init__(self, end_year: int) -> None:
        start_year = end_year - 1
        self.end_year = end_year
        self.start_date = nth_weekday(start_year, 8, 0, 2)
        self.first_day = self.start_date + timedelta(days=2)
        self.last_day = previous_weekday(date(end_year, 5, 22))
        self.end_date = self.last_day + timedelta(days=1)
        while self.end_date.weekday() >= 5:
            self.end_date += timedelta(days=1)
        holidays = {nth_weekday(start_year, 9, 0, 1), nth_weekday(end_year, 1, 0, 3), nth_weekday(end_year, 2, 0, 3)}
        fall = nth_weekday(start_year, 10, 0, 2)
        holidays |= {fall, fall + timedelta(days=1)}
        holidays.add(nth_weekday(start_year, 11, 1, 1))
        thanksgiving = nth_weekday(start_year, 11, 3, 4)
        holidays |= {thanksgiving - timedelta(days=1), thanksgiving, thanksgiving + timedelta(days=1)}
        holidays |= set(daterange(date(start_year, 12, 21), date(end_year, 1, 3)))
        spring = nth_weekday(end_year, 3, 0, 4)
        holidays |= set(daterange(spring, spring + timedelta(days=4)))
        holidays -= {date(start_year, 9, 20), date(end_year, 2, 20)}
        self.holidays = holidays
        first_monday = nth_weekday(end_year, 1, 0, 1)
        if first_monday <= date(end_year, 1, 3):
            first_monday += timedelta(days=7)
        self.pd_days = {first_monday}
        self.days = []  # (date, school_day, instruction)
        for day in daterange(self.start_date, self.end_date):
            weekday = day.weekday() < 5
            instruction = weekday and self.first_day <= day <= self.last_day and day not in holidays and day not in self.pd_days
            school_day = weekday and day not in holidays
            self.days.append((day, school_day, instruction))
        self.instruction_days = [d for d, _, i in self.days if i]
        winter = date(start_year, 12, 31)
        s1 = [d for d in self.instruction_days if d < winter]
        s2 = [d for d in self.instruction_days if d > winter]
        self.semesters = {"S1": (s1[0], s1[-1]), "S2": (s2[0], s2[-1])}
        q = {}
        for name, days in (("Q1", s1[: len(s1) // 2]), ("Q2", s1[len(s1) // 2:]), ("Q3", s2[: len(s2) // 2]),
                           ("Q4", s2[len(s2) // 2:])):
            q[name] = (days[0], days[-1])
        self.quarters = q


class SummerSession:
    """A summer-school calendar at the start of the school year (July of the start year), Monday-Thursday."""

    def __init__(self, end_year: int) -> None:
        start_year = end_year - 1
        self.end_year = end_year
        self.start_date = nth_weekday(start_year, 7, 0, 2)
        self.first_day = self.start_date
        self.end_date = self.start_date + timedelta(days=24)
        self.days = []
        for day in daterange(self.start_date, self.end_date):
            instruction = day.weekday() < 4
            self.days.append((day, instruction, instruction))
        self.instruction_days = [d for d, _, i in self.days if i]
        self.last_day = self.instruction_days[-1]
        self.holidays = set()
        self.pd_days = set()
        self.semesters = {"SUM": (self.first_day, self.last_day)}
        self.quarters = {}
