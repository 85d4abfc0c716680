"""Split a cassette recorded over many articles into one cassette per article, without re-recording.

    python scripts/split_cassettes.py tests/cassettes/eval_seeds-staged.yaml tests/cassettes/seeds-staged

Each recorded interaction goes to the article whose words its request shows the model
(`recording.article_of`, over the seed articles); the interactions are cut out of the file as text, so
each one is byte-identical in its article's file, and keep their recorded order. The script checks that
the files hold exactly the interactions of the original, and that vcrpy would write each file the same
way (so re-recording one article later changes only that article's file). It stops, writing nothing,
when an interaction shows no seed article.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from recording import article_of, seed_articles

HEADER = "interactions:\n"
FOOTER = "version: 1\n"
START = "- request:\n"


def interactions_as_text(text: str) -> list[str]:
    """The interactions of a vcrpy YAML cassette, each as the exact text it is written as."""
    if not (text.startswith(HEADER) and text.endswith(FOOTER)):
        raise ValueError("not a cassette written by vcrpy (interactions first, then version 1)")
    body = text[len(HEADER) : -len(FOOTER)]
    if not body.startswith(START):
        raise ValueError("the cassette has no interactions")
    starts = [match.start() for match in re.finditer(f"^{re.escape(START)}", body, re.MULTILINE)]
    return [body[start:end] for start, end in zip(starts, [*starts[1:], len(body)], strict=True)]


def _loaded(text: str) -> list[object]:
    interactions: list[object] = yaml.safe_load(text)["interactions"]
    return interactions


def split(cassette: Path, folder: Path) -> dict[str, int]:
    """Write `folder/<article id>.yaml` for each article with interactions in `cassette`; how many each."""
    text = cassette.read_text(encoding="utf-8")
    chunks = interactions_as_text(text)
    if "".join(chunks) != text[len(HEADER) : -len(FOOTER)]:
        raise AssertionError("cutting the cassette into interactions lost text")
    articles = {article.id: article.text for article in seed_articles()}
    by_article: dict[str, list[str]] = {}
    for number, chunk in enumerate(chunks):
        (interaction,) = _loaded(HEADER + chunk + FOOTER)
        owner = article_of(interaction["request"]["body"], articles)  # type: ignore[index]
        if owner is None:
            raise SystemExit(f"interaction {number} of {cassette} shows no seed article: nothing written")
        by_article.setdefault(owner, []).append(chunk)
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, parts in by_article.items():
        (folder / f"{article_id}.yaml").write_text(HEADER + "".join(parts) + FOOTER, encoding="utf-8")
    _check(cassette, folder, by_article)
    return {article_id: len(parts) for article_id, parts in by_article.items()}


def _check(cassette: Path, folder: Path, by_article: dict[str, list[str]]) -> None:
    """The files hold the original's interactions, each once, and read back as vcrpy writes them."""
    from vcr.serialize import deserialize, serialize
    from vcr.serializers import yamlserializer

    original = _loaded(cassette.read_text(encoding="utf-8"))
    split_up: list[object] = []
    for article_id in by_article:
        path = folder / f"{article_id}.yaml"
        text = path.read_text(encoding="utf-8")
        split_up.extend(_loaded(text))
        requests, responses, *_ = deserialize(text, yamlserializer)
        rewritten = serialize({"requests": requests, "responses": responses}, yamlserializer)
        if rewritten != text:
            raise AssertionError(f"vcrpy would write {path} differently")
    as_keys = sorted(yaml.safe_dump(item, sort_keys=True) for item in original)
    if as_keys != sorted(yaml.safe_dump(item, sort_keys=True) for item in split_up):
        raise AssertionError("the per-article files do not hold exactly the original's interactions")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cassette", type=Path, help="the cassette recorded over many articles")
    parser.add_argument("folder", type=Path, help="where to write one cassette per article")
    args = parser.parse_args()
    counts = split(args.cassette, args.folder)
    for article_id, count in counts.items():
        print(f"{count:4d}  {args.folder / article_id}.yaml")
    print(f"{sum(counts.values())} interactions in {len(counts)} files")


if __name__ == "__main__":
    main()
