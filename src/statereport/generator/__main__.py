"""`python -m statereport.generator`: the command line behind scripts/generate_district."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from statereport.generator.district import generate_district


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generate_district", description=__doc__.splitlines()[0])
    parser.add_argument("--state", choices=("ky", "ks"), required=True)
    parser.add_argument("--students", type=int, default=1000, help="number of students (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; same seed = byte-identical files")
    parser.add_argument("--out", type=Path, required=True, help="output folder (one file per contract table)")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument("--prefix", default="", help="file name prefix, e.g. 'ky__' for seed files")
    parser.add_argument("--no-scenarios", action="store_true", help="skip the scenario modules")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the students (default: one per CPU); output does not depend on it")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate_district(args.state, args.students, args.seed, args.out, args.format, args.prefix,
                               scenarios=not args.no_scenarios, workers=args.workers)
    if not args.quiet:
        for table, rows in counts.items():
            print(f"{table}: {rows}")
        print(f"{args.state}: {args.students} students, {sum(counts.values())} rows in "
              f"{time.perf_counter() - started:.1f}s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
