"""counterclaim: who claims what in a news article, and where the claims contradict each other."""

from counterclaim._version import __version__
from counterclaim.api import (
    analyze,
    analyze_async,
    analyze_many,
    analyze_many_async,
    extract_claims,
    extract_claims_async,
    find_contradictions,
    find_contradictions_async,
    summarize,
    summarize_async,
)
from counterclaim.config import Settings, load_settings
from counterclaim.corpus.runner import ArticleResult
from counterclaim.models import Analysis

__all__ = [
    "Analysis",
    "ArticleResult",
    "Settings",
    "__version__",
    "analyze",
    "analyze_async",
    "analyze_many",
    "analyze_many_async",
    "extract_claims",
    "extract_claims_async",
    "find_contradictions",
    "find_contradictions_async",
    "load_settings",
    "summarize",
    "summarize_async",
]
