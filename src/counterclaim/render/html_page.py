"""The HTML pages' common frame: templates shipped in `counterclaim/render/templates/`, rendered with
autoescaping, their style and script inlined, and a Content-Security-Policy that allows only those.

Every page is one self-contained file: the style sheet and the script are inlined, nothing is loaded
from anywhere (no font, image, CDN or network request). The policy (a `<meta>` element, the first
thing in `<head>` after the character set) is `default-src 'none'`, with the page's own `<style>` and
`<script>` allowed by their sha256 hashes; any other script (an injected `<script>`, an `onerror`
attribute, a `javascript:` link) would be refused by the browser even if it ever reached the page.

Template variables are escaped by Jinja's autoescaping; on top of that every plain string printed
has its invisible characters removed (`finalize`), and text placed in the page body goes through
`shown_html` (see `html_escape`), which keeps them visible and inert instead.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from counterclaim.render.html_escape import attribute_text, shown_html
from counterclaim.render.quoting import ends_with_double_mark

TEMPLATES_PACKAGE = "counterclaim.render"
TEMPLATES_FOLDER = "templates"
STYLE_FILE = "report.css"


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATES_PACKAGE, TEMPLATES_FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["shown"] = shown_html
    environment.tests["ending_with_a_double_mark"] = ends_with_double_mark
    return environment


def _finalize(value: Any) -> Any:
    """Plain strings lose their invisible characters wherever they are printed (markup is ours)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return attribute_text(value)
    return value


@cache
def asset(name: str) -> str:
    """A style sheet or script of the templates folder, checked to be safe to inline."""
    text = (resources.files(TEMPLATES_PACKAGE) / TEMPLATES_FOLDER / name).read_text(encoding="utf-8")
    lowered = text.lower()
    if "</style" in lowered or "</script" in lowered or "<!--" in lowered:
        raise ValueError(f"{name} cannot be inlined: it would end its own element")
    return text


def csp_hash(inline: str) -> str:
    """The CSP source expression allowing exactly this inline style or script."""
    digest = hashlib.sha256(inline.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str | None) -> str:
    """Nothing but the page's own style and script (by hash); no fetch, frame, form or base URL."""
    script_source = csp_hash(script) if script is not None else "'none'"
    return (
        f"default-src 'none'; style-src {csp_hash(style)}; script-src {script_source}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_page(template: str, *, script: str | None, **context: Any) -> str:
    """Render `template` (which extends `page.html.j2`) with the shared style sheet and `script` (the
    name of a script in the templates folder, or None for a page without one)."""
    style = asset(STYLE_FILE)
    script_text = asset(script) if script is not None else None
    page = (
        _environment()
        .get_template(template)
        .render(
            style=Markup(style),
            script=Markup(script_text) if script_text is not None else None,
            csp=content_security_policy(style, script_text),
            **context,
        )
    )
    return page if page.endswith("\n") else page + "\n"
