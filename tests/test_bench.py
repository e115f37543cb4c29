"""scripts/bench end to end at a tiny size: it generates, loads, builds and exports, and prints every figure the issue
asks for. Figures only: nothing here asserts a time."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO_ROOT


def test_bench_prints_every_figure_and_the_targets(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "statereport.bench", "--state", "ky", "--sizes", "150"],
        cwd=REPO_ROOT, capture_output=True, text=True, env={**os.environ, "STATEREPORT_BENCH_CACHE": str(tmp_path)},
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    out = completed.stdout
    assert re.search(r"== KY 150 students \([\d,]+ raw rows\) ==", out)
    for label in ("raw-read floor", "write floor", "floor", "load", "dbt start-up", "build", "run checks", "export",
                  "total"):
        assert re.search(rf"^  {re.escape(label)} +\d+\.\d\d s", out, re.MULTILINE), label
    # the run's own checks (issue 16 F): how many tests and their share of the build, which runs them
    checks = re.search(r"^  run checks +\d+\.\d\d s   \((\d+) conservation and key tests inside the build: their node "
                       r"time, [\d.]+% of the build's\)$", out, re.MULTILINE)
    assert checks and int(checks.group(1)) > 0
    # the write floor writes the run's output again: the same megabytes as the export
    written = re.search(r"^  export +[\d.]+ s   \(([\d,]+) MB written\)$", out, re.MULTILINE)
    again = re.search(r"^  write floor +[\d.]+ s   \(the run's ([\d,]+) MB again", out, re.MULTILINE)
    assert written and again and written.group(1) == again.group(1)
    assert re.search(r"^    slowest: \w+ +\d+\.\d\d s$", out, re.MULTILINE)
    # the run's peak, and the bench process's with the write floor (which holds the output in memory) after it
    peaks = re.search(r"^  peak RSS +(\d+) MB   \(the run, history and diff; with the write floor ([\d,]+) MB\)$", out,
                      re.MULTILINE)
    assert peaks and int(peaks.group(1)) <= int(peaks.group(2).replace(",", ""))
    # the run summary and the review page, which a run writes after its export
    assert re.search(r"^  review page +\d+\.\d\d s   \(run summary and review.html, [\d,.]+ MB; after the export, not in "
                     r"the total\)$", out, re.MULTILINE)
    # the run history and the submission diff (issue 20): two runs of the same data give no change
    assert re.search(r"^  history record +\d+\.\d\d s   \([\d,.]+ MB for one run; its CSV exports [\d,.]+ MB\)$", out,
                     re.MULTILINE)
    assert re.search(r"^  diff +\d+\.\d\d s   \(two runs of the same data: 0 changes; every file's fingerprint "
                     r"unchanged\)$", out, re.MULTILINE)
    # and matched record by record, as when the files changed: still no change
    assert re.search(r"^  diff, matched +\d+\.\d\d s   \(the same, every record matched: 0 changes\)$", out,
                     re.MULTILINE)
    assert re.search(r"^  total/floor +\d+\.\d\dx$", out, re.MULTILINE)
    # every Kentucky export with its row count, read from the files written
    for model in ("ky_lead__detail", "ky_lead__staff", "ky_el__demographics", "exclusion_ledger"):
        assert re.search(rf"^    {model} +[\d,]+ rows$", out, re.MULTILINE), model
    assert "== targets (issues 16, 20, 21) ==" in out
    assert re.search(r"KY 150: run checks [\d.]+% of the build \(target <= 10 %\): (met|NOT met)", out)
    assert re.search(r"KY 150: total/floor [\d.]+x \(target <= 2x\): (met|NOT met)", out)
    assert (tmp_path / "ky_150_seed20251" / ".complete").exists()  # generation cached for the next run


def test_bench_reads_from_the_dbt_log_whether_a_sample_run_reused_the_saved_parse_and_the_reference_seeds():
    """`scripts/bench` times the samples' warm scripts/run (issue 21) and says, per state, what dbt reused: read from the
    lines dbt logged during that run."""
    from statereport.bench import sample_run_facts

    warm = ("Running with dbt=1.11.16\nFound 169 models, 765 data tests, 73 seeds\n"
            "1 of 125 START sql table model intermediate.int_calendar__days ..... [RUN]\n")
    assert sample_run_facts(warm) == {"full_parse": False, "reference_seeded": False}
    first = ("Unable to do partial parsing because saved manifest not found. Starting full parse.\n"
             "12 of 154 START seed file reference.rule_catalogue__core ..... [RUN]\n")
    assert sample_run_facts(first) == {"full_parse": True, "reference_seeded": True}
