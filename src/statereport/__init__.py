"""statereport: Infinite Campus state-reporting extracts (KY KECS LEAD, KY EL, KS KIDS) rebuilt with dbt on DuckDB."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
