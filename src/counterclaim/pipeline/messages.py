"""The messages of every step's request: the system prompt, then the article first and the task after it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counterclaim import prompts_loader
from counterclaim.llm.client import Message

Progress = Callable[[str], None]
"""Receives one line per step as the pipeline goes (shown on stderr by the CLI)."""


def messages_for(article_prompt: str, template: str, **variables: Any) -> list[Message]:
    """System message, then the article first and the task after it (so servers reuse the prefix)."""
    return [
        {"role": "system", "content": prompts_loader.render(prompts_loader.SYSTEM_TEMPLATE)},
        {
            "role": "user",
            "content": prompts_loader.render(template, numbered_article=article_prompt, **variables),
        },
    ]
