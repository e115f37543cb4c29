"""Regenerates the two bundled sample districts (dbt seeds) and their seed column types; see scripts/generate_samples."""

from __future__ import annotations

import sys

from statereport import PROJECT_ROOT
from statereport.contract_sync import sync
from statereport.generator.district import generate_district

SAMPLE_SEED = 20250515
SAMPLE_STUDENTS = {"ky": 400, "ks": 360}


def main() -> int:
    for state, students in SAMPLE_STUDENTS.items():
        folder = PROJECT_ROOT / "seeds" / f"sample_{state}"
        for old in folder.glob(f"{state}__*.csv"):
            old.unlink()
        counts = generate_district(state, students, SAMPLE_SEED, folder, "csv", prefix=f"{state}__")
        print(f"{state}: {students} students, {sum(counts.values())} rows in {len(counts)} files -> {folder}")
    for path in sync():
        print(f"wrote {path.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
