"""The KECS validation forecast (issue 18) in the run summary, `--summary-json` and the review page: counts by
predicted category, read back from the mart `ky_lead__kecs_forecast`. Counts only here; the rows themselves (with
educator names) are on the review page and in KECS_LEAD_Validation_Forecast.csv."""

from __future__ import annotations

from typing import Any

FORECAST_MODEL = "ky_lead__kecs_forecast"
CATEGORIES = ("Clear", "Error", "Out of Field", "Not checked")


def forecast_node(manifest, state: str):
    """The forecast mart of this state's run, or None (Kansas, or a project without it)."""
    for node in manifest.nodes.values():
        if node.resource_type == "model" and node.name == FORECAST_MODEL and state in node.tags:
            return node
    return None


def _relation(node) -> str:
    return f'"{node.schema}"."{node.alias}"'


def forecast_counts(connection, manifest, state: str) -> dict[str, Any] | None:
    """{'Clear': n, 'Error': n, 'Out of Field': n, 'Not checked': n, 'by_dashboard': {...}} or None."""
    node = forecast_node(manifest, state)
    if node is None:
        return None
    rows = connection.execute(
        f"select dashboard, category, count(*) from {_relation(node)} group by all").fetchall()
    counts: dict[str, Any] = {category: 0 for category in CATEGORIES}
    by_dashboard: dict[str, dict[str, int]] = {}
    for dashboard, category, count in rows:
        counts[category] = counts.get(category, 0) + count
        by_dashboard.setdefault(dashboard, {c: 0 for c in CATEGORIES})[category] = count
    counts["by_dashboard"] = dict(sorted(by_dashboard.items()))
    return counts


def forecast_line(counts: dict[str, Any]) -> str:
    """The run summary line: 'forecast: N Clear, N Error, N Out of Field, N Not checked'."""
    return "forecast: " + ", ".join(f"{counts.get(category, 0):,} {category}" for category in CATEGORIES)


def forecast_review(connection, manifest, state: str) -> dict[str, Any] | None:
    """The review page's forecast section: the counts and one row per dashboard, category, sub-category, reason and
    rule, with the fix and the Issues warnings, most urgent first (Error, Out of Field, Not checked, Clear)."""
    counts = forecast_counts(connection, manifest, state)
    if counts is None:
        return None
    node = forecast_node(manifest, state)
    cursor = connection.execute(
        "select dashboard, category, coalesce(sub_category, '') as sub_category, "
        "regexp_replace(reason, 'EPSB ID [0-9A-Za-z ]+ \\(', 'EPSB ID … (') as reason, rule_id, "
        "coalesce(string_agg(distinct issues_warnings, ', ' order by issues_warnings), '') as issues_warnings, "
        "coalesce(string_agg(distinct missing_input, ', ' order by missing_input), '') as missing_input, "
        "any_value(how_to_fix) as how_to_fix, count(*) as rows "
        f"from {_relation(node)} group by 1, 2, 3, 4, 5 order by 1 desc, "
        "case category when 'Error' then 1 when 'Out of Field' then 2 when 'Not checked' then 3 else 4 end, "
        "rows desc, reason, rule_id, sub_category")  # every tie broken: identical runs write identical pages
    columns = [d[0] for d in cursor.description]
    groups = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return {"counts": counts, "line": forecast_line(counts), "groups": groups, "categories": CATEGORIES}
