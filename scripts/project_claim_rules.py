"""Score a run's stored predictions again with the claim rules added since v8 applied to them.

    python scripts/project_claim_rules.py RUN_DIR DATASET

v9 joins an actor's claims in consecutive sentences of one quotation
(`counterclaim.pipeline.quotations.quotation_groups`); v11 first leaves out, on a sentence claimed by
several actors, the claims of the actors it does not name
(`counterclaim.pipeline.shared_sentences.claims_of_unnamed_actors`). Both run in code after every
model request of the claim steps, and v9 to v11 ask the claim steps what v8 asks. For a v8 run of
claims alone (nothing after extraction asks the model), applying the same functions to its stored
claims gives the claims the later versions would output from the same answers, without spending hours
of model time again. Prints micro claim scores as run, as v9/v10 and as v11. A projection, not a run:
the README says which numbers come from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from counterclaim.evaluation.gold import GoldArticle, load_dataset
from counterclaim.evaluation.run_files import load_samples
from counterclaim.evaluation.scoring import ArticleScore, aggregate, score_article
from counterclaim.models import Analysis
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.quotations import PlacedClaim, quotation_groups
from counterclaim.pipeline.rules.shared_sentences import claims_of_unnamed_actors
from counterclaim.text.language import looks_english


def projected(analysis: Analysis, text: str, *, leave_out_unnamed: bool) -> Analysis:
    """The analysis with the later claim rules applied (contradictions cleared: claims only)."""
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
    if leave_out_unnamed and looks_english(text):  # as the pipeline: English articles only
        names = {actor.id: [actor.name, *actor.aliases] for actor in analysis.actors}
        sentences = [sentence.text for sentence in article.sentences]
        unnamed = claims_of_unnamed_actors(sentences, [placed[i] for i in order], names)
        order = [i for position, i in enumerate(order) if position not in unnamed]
    claims = []
    for group in quotation_groups(article, [placed[i] for i in order]):
        members = [order[i] for i in group]
        numbers = [n for i in members for n in placed[i].sentences]
        claims.append(
            analysis.claims[members[0]].model_copy(update={"evidence": article.evidence_for(numbers)})
        )
    return analysis.model_copy(update={"claims": claims, "contradictions": []})


def main(run_dir: Path, dataset: Path) -> None:
    gold: dict[str, GoldArticle] = {article.id: article for article in load_dataset(dataset)}
    samples = load_samples(run_dir / "samples.jsonl")
    labels = ("as run", "v9/v10", "v11")
    scores: dict[str, list[ArticleScore]] = {label: [] for label in labels}
    predicted = dict.fromkeys(labels, 0)
    for sample in samples:
        article = gold[sample.article_id]
        if sample.prediction is None:  # a failed article counts as an empty prediction either way
            for label in labels:
                scores[label].append(sample.score)
            continue
        versions = {
            "as run": sample.prediction,
            "v9/v10": projected(sample.prediction, article.text, leave_out_unnamed=False),
            "v11": projected(sample.prediction, article.text, leave_out_unnamed=True),
        }
        for label, analysis in versions.items():
            scores[label].append(score_article(article, analysis))
            predicted[label] += len(analysis.claims)
    print(f"{len(samples)} articles of {run_dir.name}")
    for label in labels:
        aggregated = aggregate(scores[label])
        micro, macro = aggregated.micro, aggregated.macro
        print(
            f"{label}: {predicted[label]} claims predicted; claims P {micro.claim_precision or 0:.3f} "
            f"R {micro.claim_recall or 0:.3f} F1 {micro.claim_f1 or 0:.3f} "
            f"(macro F1 {macro.claim_f1 or 0:.3f}), "
            f"evidence R {micro.evidence_recall or 0:.3f}, actor R {micro.actor_recall or 0:.3f}"
        )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
