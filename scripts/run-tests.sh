#!/usr/bin/env bash
# Lint, format check and the test suite, as CI runs them. Arguments go to pytest.
# Usage: scripts/run-tests.sh [pytest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

.venv/bin/ruff check .
.venv/bin/ruff format --check .

status=0
# One worker per core (pytest-xdist): each starts its own PostgreSQL; the suite stays
# well inside CI's time on a two-core machine. Tests marked with one xdist_group share a
# worker (loadgroup): the two crash loops run one after the other, each timed on its own.
.venv/bin/python -m pytest -n auto --dist loadgroup --durations=15 "$@" || status=$?
if [ "$status" -eq 5 ]; then
  # pytest's "no tests collected": a filter or a collection problem, never a pass.
  echo "run-tests: pytest collected no tests" >&2
fi
exit "$status"
