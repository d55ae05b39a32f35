"""The citation checker: every arXiv id an answer cites must be one of the papers it was given.

An id outside that set (a hallucination, or one planted by injected text) is removed together with its
brackets, and the answer is flagged. Pure code, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ids import canonical_id

# [arXiv:2502.19634], [arXiv: 2502.19634v2], (arXiv:hep-th/9901001), bare arXiv:2502.19634, arxiv.org/abs/ID,
# and [2502.19634] or [2502.19634, 2502.20082] lists.
_NEW = r"\d{4}\.\d{4,5}(?:v\d+)?"
_OLD = r"[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?"
_ID = rf"(?:{_NEW}|{_OLD})"
_BRACKETED = re.compile(rf"[\[(]\s*(?:arxiv\s*:\s*)?{_ID}(?:\s*[,;]\s*(?:arxiv\s*:\s*)?{_ID})*\s*[\])]", re.IGNORECASE)
_BARE = re.compile(rf"(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/{_ID}(?:\.pdf)?|arxiv\s*:\s*{_ID}|\b{_NEW}\b",
                   re.IGNORECASE)
_ONE = re.compile(_ID, re.IGNORECASE)


def _canon(raw: str) -> str | None:
    try:
        return canonical_id(raw)
    except ValueError:
        return None


def cited_ids(text: str) -> list[str]:
    """Every arXiv id the text cites, in order of first mention."""
    out: list[str] = []
    for m in list(_BRACKETED.finditer(text)) + list(_BARE.finditer(text)):
        for raw in _ONE.findall(m.group(0)):
            cid = _canon(raw)
            if cid and cid not in out:
                out.append(cid)
    return out


@dataclass
class Checked:
    text: str
    kept: list[str]
    removed: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.removed)


def check_citations(text: str, allowed: set[str] | list[str]) -> Checked:
    """Remove citations of ids outside ``allowed``; say which were kept and which removed."""
    allowed = {c for c in (_canon(a) for a in allowed) if c}
    removed: list[str] = []

    def keep_only(m: re.Match) -> str:
        ids = [(raw, _canon(raw)) for raw in _ONE.findall(m.group(0))]
        good = [cid for _, cid in ids if cid in allowed]
        removed.extend(cid or raw for raw, cid in ids if cid not in allowed)
        if len(good) == len(ids):
            return m.group(0)
        return " ".join(f"[arXiv:{g}]" for g in good)

    text = _BRACKETED.sub(keep_only, text)
    text = _BARE.sub(keep_only, text)
    text = re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    kept = [c for c in cited_ids(text) if c in allowed]
    return Checked(text=text, kept=kept, removed=list(dict.fromkeys(removed)))
