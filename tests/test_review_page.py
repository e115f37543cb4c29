"""The clerk's review page, checked in a real browser: Debian's headless Chromium opens the page from the file system,
runs its inline script (filter and sort applied from the URL hash), and dumps the DOM; the test reads the counts and
rows it shows and compares them with the marts. A screenshot of the sample district's page goes to tests/_output/.

Chromium is installed with apt-get when missing (needs root and network); without it these tests are skipped with a
message saying so."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

from conftest import OUTPUT_ROOT, REPO_ROOT
from fakes import fake_warehouse
from statereport.review import build_page
from statereport.summary import collect

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
RENDER_LIMIT = 500  # rows the page's script renders at a time (review.html.j2)


@pytest.fixture(scope="session")
def chromium() -> str:
    found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        update = subprocess.run(["apt-get", "update", "-qq"], capture_output=True, text=True, env=environment)
        if update.returncode == 0:
            subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], capture_output=True, text=True,
                           env=environment)
        found = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if found is None:
        pytest.skip("headless Chromium is missing and `apt-get install chromium` was not possible here (needs root "
                    "and network): the review page was NOT checked in a browser")
    return found


# The DOM of a page, by page, fragment and the page file's inode, size and mtime: tests that read the same unchanged
# page as rendered (the sample pages, the worklist page) share one Chromium run, seconds each for the Kansas page.
_RENDERED: dict[tuple, str] = {}


def browse(chromium: str, page: Path, fragment: str = "", screenshot: Path | None = None) -> str:
    """Opens file://page#fragment headless; returns the DOM after the page's script ran (or writes a screenshot)."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    if screenshot is None:
        info = page.stat()
        key = (url, info.st_ino, info.st_size, info.st_mtime_ns)
        if key not in _RENDERED:
            _RENDERED[key] = _chromium(chromium, url, None)
        return _RENDERED[key]
    return _chromium(chromium, url, screenshot)


def _chromium(chromium: str, url: str, screenshot: Path | None) -> str:
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                   "--virtual-time-budget=5000"]
        if screenshot is not None:
            command += [f"--screenshot={screenshot}", "--window-size=1280,1600", "--hide-scrollbars"]
        else:
            command += ["--dump-dom"]
        completed = subprocess.run([*command, url], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


class Element:
    def __init__(self, tag: str, attrs: dict, parent: Element | None) -> None:
        self.tag, self.attrs, self.parent, self.children, self.parts = tag, attrs, parent, [], []

    @property
    def text(self) -> str:
        return "".join(self.parts + [child.text for child in self.children]).strip()

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list[Element]:
        return [element for element in self.iter() if (tag is None or element.tag == tag)
                and all(element.attrs.get(key.replace("_", "-")) == value for key, value in attrs.items())]


class DomParser(HTMLParser):
    VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.root = Element("root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {key: value or "" for key, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.parts.append(data)


def parse(dom: str) -> Element:
    parser = DomParser()
    parser.feed(dom)
    return parser.root


def table_data(page: Path) -> dict[str, dict]:
    """The rows each table embeds, read from the page file itself (not the browser)."""
    parser = parse(page.read_text(encoding="utf-8"))
    result = {}
    for container in parser.find_all("div", **{"class": "datatable"}):
        (script,) = container.find_all("script")
        result[container.attrs["data-table"]] = json.loads("".join(script.parts))
    return result


def rendered_rows(container: Element) -> list[list[str]]:
    (body,) = container.find_all("tbody")
    return [[cell.text for cell in row.find_all("td")] for row in body.find_all("tr")]


# --- the mechanics, on a hand-made warehouse ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fake_page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fake_review")
    database, manifest, export = fake_warehouse(folder, critical=True)
    summary = collect(database, manifest, "ky", [export], [], {"report_run_date": "2025-05-15"})
    return build_page(database, manifest, summary, [export], folder / "review.html", "2025-05-15 08:00:00")


def test_a_wide_table_is_cut_to_the_cell_budget_and_says_so(tmp_path):
    """var review_table_max_cells: the page embeds at most that many cells of a table (a statewide KIDS report is 77
    columns: 100,000 rows of each made a 464 MB page); the note names the export file for the rest; 0 = rows only."""
    from statereport.review import EMBED_LIMIT, embedded_rows

    assert embedded_rows(77, 1_000_000) == 12_987 and embedded_rows(10, 1_000_000) == EMBED_LIMIT
    assert embedded_rows(77, 0) == EMBED_LIMIT and embedded_rows(2_000_000, 1_000_000) == 1
    database, manifest, export = fake_warehouse(tmp_path, critical=True)
    summary = collect(database, manifest, "ky", [export], [], {"report_run_date": "2025-05-15"})
    width = len(table_data(build_page(database, manifest, summary, [export], tmp_path / "all.html",
                                      "2025-05-15 08:00:00"))["r-ky_el__demographics"]["columns"])
    page = build_page(database, manifest, summary, [export], tmp_path / "cut.html", "2025-05-15 08:00:00",
                      max_cells=5 * width)
    report = table_data(page)["r-ky_el__demographics"]
    assert len(report["rows"]) == 5, "12 rows, a budget of 5 rows' cells"
    (container,) = [div for div in parse(page.read_text(encoding="utf-8")).find_all("div", **{"class": "datatable"})
                    if div.attrs["data-table"] == "r-ky_el__demographics"]
    assert container.attrs["data-total"] == "12"
    assert "The page holds the first 5 of 12 rows; the full report is in its export file." in container.text
    assert report["rows"] == table_data(tmp_path / "all.html")["r-ky_el__demographics"]["rows"][:5], "the first rows"
    roomy = build_page(database, manifest, summary, [export], tmp_path / "roomy.html", "2025-05-15 08:00:00",
                       max_cells=12 * width)
    assert table_data(roomy) == table_data(tmp_path / "all.html"), "tables within the budget are whole"


def test_page_shows_summary_warnings_and_ledger(chromium, fake_page):
    dom = parse(browse(chromium, fake_page))
    (body,) = dom.find_all("body")
    assert body.attrs["data-ready"] == "1", "the page's script did not run"
    assert body.attrs["data-critical"] == "2"
    assert dom.find_all("td", data_metric="reported", data_model="ky_el__demographics")[0].text == "12"
    assert {cell.attrs["data-rule"]: cell.text for cell in dom.find_all("td", data_metric="warning")} == {
        "EL-W1": "1", "EL-W3": "1", "EL-W4": "2"}
    groups = {group.attrs["data-rule"]: group.text for group in dom.find_all("article")}
    assert "Add a service" in groups["EL-W1"] and "critical" in groups["EL-W1"]
    (ledger,) = dom.find_all("div", data_table="ledger")
    assert ledger.attrs["data-matching"] == ledger.attrs["data-total"] == "2"
    assert [row[1] for row in rendered_rows(ledger)] == ["EL-W1", "EL-W3"]
    assert "Fix language" in rendered_rows(ledger)[1][-1], "the ledger carries the catalogue's how-to-fix"
    # the page holds each rule's reason and fix once; its script writes them into every row of that rule
    embedded = table_data(fake_page)["ledger"]
    assert embedded["columns"][-2:] == ["reason", "how_to_fix"]
    assert all(len(row) == len(embedded["columns"]) - 2 for row in embedded["rows"])
    fixes = embedded["lookups"][1]["values"]
    assert set(fixes) == {"EL-W1", "EL-W3"} and rendered_rows(ledger)[1][-1] == fixes["EL-W3"]
    assert len(rendered_rows(ledger)[0]) == len(embedded["columns"])


def test_filter_and_sort_from_the_url(chromium, fake_page):
    table = "r-ky_el__demographics"
    dom = parse(browse(chromium, fake_page, f"filter={table}:06&sort={table}:first_name:desc"))
    (container,) = dom.find_all("div", data_table=table)
    rows = rendered_rows(container)
    assert container.attrs["data-matching"] == "3" and container.attrs["data-total"] == "12"
    assert [row[1] for row in rows] == ["Jana", "Fatima", "Bo"], "grade 06, sorted by first name descending"
    assert "3 of 12" in container.text


# --- the sample district's page -------------------------------------------------------------------------------------

def _manifest_nodes(state: str) -> dict:
    manifest = json.loads((REPO_ROOT / "target" / state / "manifest.json").read_text(encoding="utf-8"))
    return {node["name"]: node for node in manifest["nodes"].values() if node["resource_type"] == "model"}


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_sample_page_counts_match_the_marts(chromium, built_states, state):
    built = built_states[state]
    dom = parse(browse(chromium, built.review_page))
    (body,) = dom.find_all("body")
    assert body.attrs["data-ready"] == "1"
    nodes = _manifest_nodes(state)
    exports = {name for name, node in nodes.items()
               if state in node["tags"] and node["config"].get("meta", {}).get("export")}
    shown = {cell.attrs["data-model"]: int(cell.text) for cell in dom.find_all("td", data_metric="reported")}
    assert set(shown) == exports
    connection = duckdb.connect(str(built.database), read_only=True)
    try:
        def count(name: str, where: str = "") -> int:
            node = nodes[name]
            return connection.execute(f'select count(*) from "{node["schema"]}"."{node["alias"]}" {where}').fetchone()[0]

        for name, rows in shown.items():
            assert rows == count(name), name
        for container in dom.find_all("div", **{"class": "datatable"}):
            table_id = container.attrs["data-table"]
            if table_id.startswith("r-"):
                assert int(container.attrs["data-total"]) == count(table_id[2:]), table_id
            assert container.attrs["data-matching"] == container.attrs["data-total"], "unfiltered shows every row"
            assert len(rendered_rows(container)) == min(int(container.attrs["data-total"]), RENDER_LIMIT)
        ledger_total = sum(count(name) for name, node in nodes.items()
                           if state in node["tags"] and name.endswith("_exclusions"))
        ledgers = dom.find_all("div", data_table="ledger")
        assert (int(ledgers[0].attrs["data-total"]) if ledgers else 0) == ledger_total
        # the Exclusion_Ledger export's rows are that section's table, not a second copy under Reports
        assert ledgers and ledger_total == count("exclusion_ledger")
        assert not dom.find_all("div", data_table="r-exclusion_ledger")
        for cell in dom.find_all("td", data_metric="excluded"):
            expected = sum(count(name, f"where rule_id = '{cell.attrs['data-rule']}'") for name, node in nodes.items()
                           if state in node["tags"] and name.endswith("_exclusions"))
            assert int(cell.text) == expected, cell.attrs["data-rule"]
    finally:
        connection.close()


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_sample_page_filters_a_table(chromium, built_states, state):
    page = built_states[state].review_page
    tables = {table_id: data for table_id, data in table_data(page).items() if data["rows"]}
    if not tables:
        pytest.skip(f"the {state} sample produced no rows in any table yet: no extract has landed for this state")
    table_id = next((t for t in tables if t.startswith("r-")), next(iter(tables)))
    data = tables[table_id]
    def matching(text: str) -> list:
        return [row for row in data["rows"] if any(text.lower() in value.lower() for value in row)]

    # a value from the middle row that narrows the table (any value, if every value is in every row)
    candidates = [value for value in data["rows"][len(data["rows"]) // 2] if value]
    needle = min(candidates, key=lambda value: len(matching(value)))
    expected = matching(needle)
    dom = parse(browse(chromium, page, f"filter={table_id}:{quote(needle)}"))
    (container,) = dom.find_all("div", data_table=table_id)
    assert container.attrs["data-filter"] == needle.lower()
    assert int(container.attrs["data-matching"]) == len(expected)
    rows = rendered_rows(container)
    assert len(rows) == min(len(expected), RENDER_LIMIT)
    assert all(any(needle.lower() in value.lower() for value in row) for row in rows)


def test_sample_page_screenshot(chromium, built_states):
    OUTPUT_ROOT.mkdir(parents=True, exist_ok=True)
    for state in ("ky", "ks"):
        screenshot = OUTPUT_ROOT / f"review_{state}.png"
        if screenshot.exists():
            screenshot.unlink()
        browse(chromium, built_states[state].review_page, screenshot=screenshot)
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert screenshot.stat().st_size > 10_000, "a blank screenshot"


# --- Fix first, the worklist and the school filter (issue 23) ------------------------------------------------------

@pytest.fixture(scope="module")
def worklist_page(tmp_path_factory) -> Path:
    """The hand-made warehouse with warning rows that name a student, a school and a message: a hostile name, two
    schools, and a message longer than the worklist shows at once."""
    folder = tmp_path_factory.mktemp("worklist_review")
    database, manifest, export = fake_warehouse(folder, critical=True)
    connection = duckdb.connect(str(database))
    long_message = "Critical Error: no EL Service Type whose dates overlap the date range; " * 3
    connection.execute(
        "create or replace table marts.ky_el__warnings as select * from (values "
        "('EL-W1', '3', 'KY0003', '<!--<script>', 'Ann', 'North High', ?), "
        "('EL-W3', '4', 'KY0004', 'Doe', 'Bo', 'South High', 'Home language English'), "
        "('EL-W4', '1', 'KY0001', 'Roe', 'Cy', 'North High', 'Other')) "
        "as t(rule_id, person_id, state_id, last_name, first_name, school_name, message)", [long_message])
    connection.close()
    summary = collect(database, manifest, "ky", [export], [], {"report_run_date": "2025-05-15"})
    return build_page(database, manifest, summary, [export], folder / "review.html", "2025-05-15 08:00:00")


def _sections(dom: Element) -> list[str]:
    return [section.attrs.get("id") for section in dom.find_all("section")]


def test_fix_first_opens_the_page_grouped_by_work_and_school(chromium, worklist_page):
    dom = parse(browse(chromium, worklist_page))
    assert _sections(dom)[0] == "fix-first"
    groups = dom.find_all("div", **{"class": "work-group"})
    assert [(group.attrs["data-work-kind"], group.attrs["data-count"]) for group in groups] == [("english_learners", "2")]
    schools = {school.attrs["data-school"]: school for school in groups[0].find_all("div", **{"class": "school-group"})}
    assert {name: group.attrs["data-count"] for name, group in schools.items()} == {"North High": "1", "South High": "1"}
    (rule,) = schools["North High"].find_all("div", **{"class": "fix-rule"})
    assert rule.attrs["data-rule"] == "EL-W1"
    assert "No EL service in the date range" in rule.text, "the rule's title, not only its id"
    assert "Add a service" in rule.text, "and how to fix it"
    (row,) = [[cell.text for cell in tr.find_all("td")] for tr in rule.find_all("tbody")[0].find_all("tr")]
    assert row[:2] == ["KY0003", "<!--<script>, Ann"], "the row leads with State ID and name; the name is text"
    # the hostile name neither opened a comment nor added a script element: one JSON block per table, plus the page's
    scripts = dom.find_all("script")
    assert len(scripts) == len(dom.find_all("div", **{"class": "datatable"})) + 1
    # warnings, then exclusions by reason with titles, then the summary and its chart
    assert _sections(dom)[1:] == ["warnings", "ledger", "summary", "reports"]
    reasons = dom.find_all("table", **{"class": "exclusion-reasons"})[0]
    assert "Home language English" in reasons.text
    (chart,) = dom.find_all("svg")
    assert {g.attrs["data-kind"] for g in chart.find_all("g")} == {"reported", "excluded", "critical", "warning"}


def test_worklist_tables_lead_with_state_id_name_and_school_and_shorten_long_messages(chromium, worklist_page):
    dom = parse(browse(chromium, worklist_page))
    (container,) = dom.find_all("div", data_table="w-el-w1-ky_el__warnings")
    (head,) = container.find_all("thead")
    assert [cell.text for cell in head.find_all("th")][:4] == ["state_id", "last_name", "first_name", "school_name"]
    (row,) = rendered_rows(container)
    message = row[-1]
    assert message.endswith("...") and len(message) == 100, "the message is shortened"
    (cell,) = [td for td in container.find_all("td") if td.attrs.get("class") == "short"]
    assert cell.attrs["title"].startswith("Critical Error: no EL Service Type"), "with the full text on demand"


def test_school_filter_narrows_the_whole_page(chromium, worklist_page):
    dom = parse(browse(chromium, worklist_page, f"school={quote('North High')}"))
    (body,) = dom.find_all("body")
    assert body.attrs["data-school"] == "North High"
    schools = {group.attrs["data-school"]: "hidden" in group.attrs
               for group in dom.find_all("div", **{"class": "school-group"})}
    assert schools == {"North High": False, "South High": True}
    (south_only,) = dom.find_all("div", data_table="w-el-w3-ky_el__warnings")
    assert south_only.attrs["data-matching"] == "0" and south_only.attrs["data-total"] == "1"
    (north,) = dom.find_all("div", data_table="w-el-w4-ky_el__warnings")
    assert north.attrs["data-matching"] == "1"


def test_sample_fix_first_counts_match_the_marts(chromium, built_states):
    """Kentucky's sample carries critical errors on purpose: Fix first lists each of them, by work kind, and each
    group's count is the number of critical rows of its rules in the warning marts."""
    from statereport.worklist import classify, rule_title

    built = built_states["ky"]
    dom = parse(browse(chromium, built.review_page))
    assert _sections(dom)[0] == "fix-first"
    nodes = _manifest_nodes("ky")
    connection = duckdb.connect(str(built.database), read_only=True)
    try:
        catalogue = dict(connection.execute(
            "select rule_id, severity from intermediate.int_rules__catalogue").fetchall())
        descriptions = dict(connection.execute(
            "select rule_id, description from intermediate.int_rules__catalogue").fetchall())
        expected: dict[str, int] = {}
        for name, node in nodes.items():
            if node["fqn"][1] != "marts" or "ky" not in node["tags"] or not name.endswith(("_warnings", "_issues")):
                continue
            table = f'"{node["schema"]}"."{node["alias"]}"'
            for rule_id, rows in connection.execute(f"select rule_id, count(*) from {table} group by 1").fetchall():
                if catalogue.get(rule_id) == "critical":
                    kind = classify(rule_id)[0]
                    expected[kind] = expected.get(kind, 0) + rows
    finally:
        connection.close()
    shown = {group.attrs["data-work-kind"]: int(group.attrs["data-count"])
             for group in dom.find_all("div", **{"class": "work-group"})}
    assert expected and shown == expected
    for rule in dom.find_all("div", **{"class": "fix-rule"}):
        (title,) = rule.find_all("span", **{"class": "rule-title"})
        assert title.text == rule_title(rule.attrs["data-rule"], descriptions[rule.attrs["data-rule"]])
        assert title.text and title.text != rule.attrs["data-rule"]
