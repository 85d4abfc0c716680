"""Loading and rendering the prompt templates shipped in `counterclaim/prompts/` (the repo's `prompts/`).

Templates are Jinja with undefined variables raising. The article is always passed as a variable, so
text in it such as `{{ x }}` or `{% if %}` reaches the model unchanged and is never evaluated.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from counterclaim.models import VERIFIER_KINDS, ActorKind, ClaimKind, PromptVersion

SYSTEM_TEMPLATE = "system.j2"
ARTICLE_TEMPLATE = "article.j2"


VOCABULARIES: dict[str, list[str]] = {
    "claim_kinds": [kind.value for kind in ClaimKind],
    "contradiction_kinds": [kind.value for kind in VERIFIER_KINDS],
    "actor_kinds": [kind.value for kind in ActorKind],
}
"""The output contract's vocabularies, available to every template (so no prompt types them by hand)."""


def choices(values: list[str]) -> str:
    """'a, b or c': a vocabulary as a prompt lists it."""
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


@cache
def _environment() -> jinja2.Environment:
    folder = resources.files("counterclaim") / "prompts"
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=False,
    )
    environment.globals.update(VOCABULARIES)
    environment.filters["choices"] = choices
    return environment


@cache
def template_source(name: str) -> str:
    """The raw text of a template."""
    return (resources.files("counterclaim") / "prompts" / name).read_text(encoding="utf-8")


def render(name: str, **variables: Any) -> str:
    """Render a template; a missing variable raises jinja2.UndefinedError."""
    return _environment().get_template(name).render(**variables).strip() + "\n"


def prompt_version(name: str) -> PromptVersion:
    """The template's name and the first 12 hex digits of its sha256."""
    digest = hashlib.sha256(template_source(name).encode("utf-8")).hexdigest()[:12]
    return PromptVersion(name=name, sha256=digest)


def versions(names: list[str]) -> list[PromptVersion]:
    """Versions of the given templates plus the shared system and article templates, sorted by name."""
    return [prompt_version(n) for n in sorted({SYSTEM_TEMPLATE, ARTICLE_TEMPLATE, *names})]
