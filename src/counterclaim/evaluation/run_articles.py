"""The gold articles of a run, read back from its datasets (a run folder does not keep article texts).

A dataset is read only when its files are still where the run read them and unchanged (the same
sha256 as in `run.json`): a changed file could put other words at the recorded offsets. Datasets that
cannot be read that way are named in `missing`; their articles are shown without their text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from counterclaim.errors import DatasetError
from counterclaim.evaluation.gold import GoldArticle, load_dataset
from counterclaim.evaluation.run_files import RunRecord
from counterclaim.evaluation.runner import dataset_files


@dataclass
class RunArticles:
    """Gold articles by (dataset name, article id), and the datasets that could not be read."""

    articles: dict[tuple[str, str], GoldArticle] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def run_articles(*records: RunRecord) -> RunArticles:
    """The gold articles of the datasets of `records` (the first record's copy of a dataset wins)."""
    found = RunArticles()
    for record in records:
        for dataset in record.datasets:
            path = Path(dataset.resolved_path)
            try:
                # by file name: the run recorded the paths as given ("seeds/x.json"), resolved here
                unchanged = {(Path(f.path).name, f.sha256) for f in dataset_files(path)} == {
                    (Path(f.path).name, f.sha256) for f in dataset.files
                }
                articles = load_dataset(path) if unchanged else []
            except (DatasetError, OSError):
                unchanged, articles = False, []
            if not unchanged:
                found.missing.append(dataset.name)
                continue
            for article in articles:
                found.articles.setdefault((dataset.name, article.id), article)
    return found
