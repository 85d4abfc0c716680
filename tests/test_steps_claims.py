"""Step 2, claims (`pipeline.steps.claims`): windows of sentences, each sentence asked about once."""

from __future__ import annotations

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.steps.claims import windows


def test_windows_cover_each_sentence_once() -> None:
    article = PreparedArticle.from_text(" ".join(f"Sentence number {n} is here." for n in range(1, 20)))
    (chunk,) = article.chunks(max_chars=10_000, overlap=2)
    assert windows(chunk, after=0, size=8) == [(1, 8), (9, 16), (17, 19)]
    assert windows(chunk, after=16, size=8) == [(17, 19)]


def test_a_chunk_overlapping_the_one_before_asks_only_about_its_new_sentences() -> None:
    article = PreparedArticle.from_text(" ".join(f"Sentence number {n} is here today." for n in range(1, 30)))
    chunks = article.chunks(max_chars=300, overlap=2)
    assert len(chunks) > 2
    covered: list[int] = []
    for chunk in chunks:
        for first, last in windows(chunk, after=max(covered, default=0)):
            covered.extend(range(first, last + 1))
    assert covered == list(range(1, 30))
