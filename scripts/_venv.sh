#!/usr/bin/env bash
# Sourced by scripts/run, scripts/test and scripts/bench: creates .venv under the repo on first use,
# reinstalls only when requirements.txt or pyproject.toml changed, then activates it.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
STAMP="$VENV/.installed-stamp"
want="$(cat "$REPO_ROOT/requirements.txt" "$REPO_ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
  echo "statereport: installing pinned requirements into .venv (first run only)..." >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REPO_ROOT/requirements.txt" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$REPO_ROOT" >&2
  echo "$want" > "$STAMP"
fi
# shellcheck disable=SC1091
source "$VENV/bin/activate"
export DBT_PROFILES_DIR="$REPO_ROOT/profiles"
export DBT_SEND_ANONYMOUS_USAGE_STATS=False
export DBT_PROJECT_DIR="$REPO_ROOT"
cd "$REPO_ROOT"
