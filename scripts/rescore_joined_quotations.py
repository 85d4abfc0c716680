"""Score a run's stored predictions again with "one quotation, one claim" applied to them.

    python scripts/rescore_joined_quotations.py RUN_DIR DATASET

Since v9 the pipeline joins an actor's claims in consecutive sentences of one quotation
(`counterclaim.pipeline.quotations.quotation_groups`) after every model request of the claim steps.
For a run made before that (claims only: nothing after extraction asks the model), applying the same
function to its stored claims gives the claims v9 would output from the same answers, without
spending hours of model time again. Prints micro claim scores as run and as joined. A projection,
not a run: the README says which numbers come from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from counterclaim.evaluation.gold import GoldArticle, load_dataset
from counterclaim.evaluation.run_files import load_samples
from counterclaim.evaluation.scoring import ArticleScore, aggregate, score_article
from counterclaim.models import Analysis
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.quotations import PlacedClaim, quotation_groups


def joined(analysis: Analysis, text: str) -> Analysis:
    """The analysis with each actor's claims that are one quotation joined into one claim."""
    article = PreparedArticle.from_text(text)
    spans = {n: article.evidence_for([n])[0] for n in range(1, len(article.sentences) + 1)}
    first_of = {span.start: n for n, span in spans.items()}
    last_of = {span.end: n for n, span in spans.items()}
    placed = [
        PlacedClaim(
            actor_id=claim.actor_id,
            sentences=tuple(range(first_of[claim.evidence[0].start], last_of[claim.evidence[-1].end] + 1)),
            kind=claim.kind.value,
        )
        for claim in analysis.claims
    ]
    order = sorted(range(len(placed)), key=lambda i: placed[i].sentences)
    claims = []
    for group in quotation_groups(article, [placed[i] for i in order]):
        members = [order[i] for i in group]
        sentences = [n for i in members for n in placed[i].sentences]
        claims.append(
            analysis.claims[members[0]].model_copy(update={"evidence": article.evidence_for(sentences)})
        )
    return analysis.model_copy(update={"claims": claims, "contradictions": []})


def main(run_dir: Path, dataset: Path) -> None:
    gold: dict[str, GoldArticle] = {article.id: article for article in load_dataset(dataset)}
    samples = load_samples(run_dir / "samples.jsonl")
    as_run: list[ArticleScore] = []
    as_joined: list[ArticleScore] = []
    predicted = [0, 0]
    for sample in samples:
        article = gold[sample.article_id]
        if sample.prediction is None:  # a failed article counts as an empty prediction either way
            as_run.append(sample.score)
            as_joined.append(sample.score)
            continue
        as_run.append(score_article(article, sample.prediction))
        projected = joined(sample.prediction, article.text)
        as_joined.append(score_article(article, projected))
        predicted[0] += len(sample.prediction.claims)
        predicted[1] += len(projected.claims)
    print(f"{len(samples)} articles of {run_dir.name}")
    for label, scores, count in (("as run", as_run, predicted[0]), ("joined", as_joined, predicted[1])):
        micro = aggregate(scores).micro
        print(
            f"{label}: {count} claims predicted; claims P {micro.claim_precision or 0:.3f} "
            f"R {micro.claim_recall or 0:.3f} F1 {micro.claim_f1 or 0:.3f}, "
            f"evidence R {micro.evidence_recall or 0:.3f}"
        )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
