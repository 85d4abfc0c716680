"""The labeled splits (`seeds/` dev, `seeds/validation/`, `seeds/pool/`, `seeds/test/`) are well-formed
gold files, held to the seed rules (`scripts/seed_offsets.py --check`: offsets, sources, licences, known
kinds), and no article is in two splits (a test article labeled again for validation would leak into
the test score)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from counterclaim.evaluation.validate import validate_dataset

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
import seed_offsets

SEEDS = Path(__file__).parents[1] / "seeds"
SPLITS = {
    "dev": SEEDS,
    "validation": SEEDS / "validation",
    "pool": SEEDS / "pool",
    "test": SEEDS / "test",
}


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("split", list(SPLITS))
def test_every_file_of_a_split_passes_the_seed_checks(split: str) -> None:
    files = _files(SPLITS[split])
    assert files, split
    assert validate_dataset(SPLITS[split]) == []
    for path in files:
        assert seed_offsets.check(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


def test_no_article_is_in_two_splits() -> None:
    seen: dict[str, str] = {}
    for split, folder in SPLITS.items():
        for path in _files(folder):
            article = json.loads(path.read_text(encoding="utf-8"))
            for key in (article["id"], article["source"].get("url") or path.name, article["text"][:200]):
                assert key not in seen, f"{path.name} ({split}) repeats an article of {seen.get(key)}"
                seen[key] = split
