"""Removing the configured secrets from any text that is shown or saved.

A server may echo what it was sent (the key, the Authorization header, the URL with its password) in
its error messages, and a model may repeat it in a refusal. `Redactor.from_settings` knows the
secrets of one configuration, whatever they look like: the API key, the user name and password of
the base URL (as written and percent-decoded), and every Authorization value the HTTP client sends
for them (`Bearer <key>`, `Basic <base64 of user:password>`). `Redactor.redact` replaces each with
`[redacted]`, and also anything that looks like an OpenAI key, organisation or project id or a
bearer token, for secrets that were not configured here.

It is applied where messages are made (`llm.failures.describe_failure`, for every model-call error
and the notices made from them) and again where they are written (the eval run files).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from counterclaim.config import Settings

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 4
"""Shorter values are not searched for: replacing every "ab" in a message would garble it, and a
secret that short protects nothing."""

_LOOKS_LIKE_A_SECRET = re.compile(
    r"(sk-[A-Za-z0-9_\-*]{6,}|org-[A-Za-z0-9]{6,}|proj_[A-Za-z0-9]{6,}|Bearer\s+[A-Za-z0-9._~+/=-]+|Basic\s+[A-Za-z0-9+/=]{8,})"
)


def url_credentials(url: str | None) -> list[str]:
    """The user name, password and `user:password` of a URL, as written and percent-decoded."""
    if not url or "@" not in url:
        return []
    netloc = urlsplit(url).netloc if "://" in url else url.split("/", 1)[0]
    userinfo = netloc.rpartition("@")[0]
    if not userinfo:
        return []
    user, _, password = userinfo.partition(":")
    values = [userinfo, user, password]
    values += [unquote(v) for v in values]
    decoded_user, decoded_password = unquote(user), unquote(password)
    basic = base64.b64encode(f"{decoded_user}:{decoded_password}".encode()).decode("ascii")
    return [*values, basic]


@dataclass(frozen=True)
class Redactor:
    """Replaces known secret values (longest first) and secret-looking tokens with `[redacted]`."""

    secrets: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings | None) -> Redactor:
        if settings is None:
            return cls()
        values = url_credentials(settings.base_url)
        key = settings.api_key_value
        if key:
            values += [key, f"Bearer {key}"]
        return cls.of(values)

    @classmethod
    def of(cls, values: list[str]) -> Redactor:
        kept = {v for v in values if len(v.strip()) >= MIN_SECRET_CHARS}
        return cls(secrets=tuple(sorted(kept, key=len, reverse=True)))

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return _LOOKS_LIKE_A_SECRET.sub(REDACTED, text)

    __call__ = redact
