"""Secrets never reach a log, an error line, the call log or a report.

``redact`` removes Authorization headers, bearer tokens, API keys (``sk-...``,
``api_key=...``, ``?key=...``) and URL credentials (``user:pass@host``) from any
text; ``Redactor`` also removes the literal secrets it was given (the configured
key, the password inside ``OPENAI_BASE_URL``), whatever their shape.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MASK = "[REDACTED]"

_PATTERNS = [
    # Authorization: Bearer xxx / "authorization": "Bearer xxx" / Authorization=Basic xxx
    (re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)(?:(bearer|basic|token)\s+)?[^\s\"',;}]+"),
     lambda m: f"{m.group(1)}{(m.group(2) + ' ') if m.group(2) else ''}{MASK}"),
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]{6,}"), lambda m: f"{m.group(1)} {MASK}"),
    # key=value pairs in query strings, JSON or headers: api_key, api-key, apikey, key, token, secret, password
    (re.compile(r"(?i)([?&;,{\s\"']|^)((?:x-)?(?:api[_-]?key|key|access[_-]?token|token|secret|password|pass)"
                r"[\"']?\s*[:=]\s*[\"']?)[^\s&\"',;}]+"),
     lambda m: f"{m.group(1)}{m.group(2)}{MASK}"),
    # OpenAI-style and similar keys wherever they appear
    (re.compile(r"\b(sk|rk|pk)-(?:proj-|live-|test-)?[A-Za-z0-9_-]{8,}"), lambda m: MASK),
    # credentials in URLs: scheme://user:pass@host or scheme://token@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@:]+(?::[^/\s@]*)?@"), lambda m: f"{m.group(1)}{MASK}@"),
]


def redact(text: str) -> str:
    """``text`` with every credential-shaped substring masked."""
    if not text:
        return text
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


def url_secrets(url: str | None) -> list[str]:
    """The username, password and secret-looking query values inside ``url``."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found = [s for s in (parts.username, parts.password) if s]
    for pair in parts.query.split("&"):
        _, _, value = pair.partition("=")
        if value:
            found.append(value)
    return found


def redact_url(url: str | None) -> str:
    """``url`` safe to print: no user, password or query values."""
    if not url:
        return ""
    return Redactor(url_secrets(url)).clean(url)


class Redactor:
    """``redact`` plus the literal secrets of one configuration (key, URL credentials)."""

    def __init__(self, secrets=()):
        self.secrets = sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True)

    def clean(self, text: str | None) -> str:
        text = "" if text is None else str(text)
        for s in self.secrets:
            text = text.replace(s, MASK)
        return redact(text)
