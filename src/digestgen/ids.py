"""Canonical arXiv identifiers: no version, no prefix, no URL."""

from __future__ import annotations

import re

# New-style ids (0704.0001 onwards) and old-style ids such as hep-th/9901001.
_NEW = r"\d{4}\.\d{4,5}"
_OLD = r"[a-z\-]+(?:\.[A-Z]{2})?/\d{7}"
_ID_RE = re.compile(
    rf"(?:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/|https?://huggingface\.co/papers/)?"
    rf"(?P<id>{_NEW}|{_OLD})(?:v(?P<version>\d+))?(?:\.pdf)?/?$",
    re.IGNORECASE,
)


def canonical_id(value: str) -> str:
    """Return the version-less arXiv id in ``value`` (an id, ``arxiv:`` id or arXiv/HF URL).

    Raises ValueError when ``value`` is not an arXiv identifier.
    """
    m = _ID_RE.match(value.strip())
    if not m:
        raise ValueError(f"not an arXiv id: {value!r}")
    return m.group("id")


def is_arxiv_id(value: str) -> bool:
    try:
        canonical_id(value)
    except ValueError:
        return False
    return True
