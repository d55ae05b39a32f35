"""Small text utilities shared by the engines, the validator and the evals."""

from __future__ import annotations

import re
from functools import lru_cache

from .regex_gate import gated

_ABBREV = r"(?:e\.g|i\.e|et al|etc|vs|Fig|Figs|Eq|Eqs|Sec|Tab|approx|cf|resp|No|Dr|Mr|Ms|St|U\.S|w\.r\.t)"
# A sentence ends at . ! ? or right after a closing quote or bracket that follows one ('... "go." Then', '...
# (see Table 2.) The'): the closing mark stays with its sentence (splitting on it used to drop it, leaving an
# unbalanced quote or bracket), and typographic quotes (” ’) close a sentence as straight ones do.
_SPLIT = gated(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[A-Z0-9\"'“‘(\[])")
# The same split points found from the punctuation: a run of whitespace right after ". ! ?" (or one of them and a
# closing quote or bracket) and before a capital, digit, quote or bracket. The regex engine jumps from one mark to the
# next instead of stopping at every space; _split_at cuts where _SPLIT.split would (the run is group 1).
_SPLIT_AT = re.compile(r"[.!?][\"'”’)\]]?(\s+)(?=[A-Z0-9\"'“‘(\[])")


def _split_at(text: str) -> list[str]:
    """``_SPLIT.split(text)``."""
    out, last = [], 0
    for m in _SPLIT_AT.finditer(text):
        start, end = m.span(1)
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return out
_PROTECT = gated(rf"\b{_ABBREV}\.", re.IGNORECASE)
# Initials ("J. Smith"): the "." after a lone capital, before a space and a capital. The pattern opens on its literal
# "." (the regex engine then jumps from one "." to the next instead of trying every position) and looks back at the
# capital, so it replaces exactly the dots that r"\b([A-Z])\.(?=\s[A-Z])" -> "\1\x00" did. quality11: not after a
# hyphen: a name that ends in a capital ("MME-P.", "GSM8K-V.", "UCF101-P.") ends its sentence there, it is no initial.
_INITIAL = re.compile(r"\.(?<=\b[A-Z]\.)(?<![A-Za-z0-9]-[A-Z]\.)(?=\s[A-Z])")  # "J.-P. Sartre" keeps its initials


# An exact gate for _PROTECT on ASCII text: every match is an abbreviation right before a ".". Beyond ASCII,
# IGNORECASE folds more letters ("ſt." is "St."), so such text is always searched.
_ABBREV_ENDS = tuple(a.replace("\\.", ".").lower() for a in _ABBREV[3:-1].split("|"))
_GATE_PROTECT = all(re.fullmatch(r"[a-z. ]+", a) for a in _ABBREV_ENDS)
_ABBREV_LEN = max(map(len, _ABBREV_ENDS))


def _may_protect(text: str) -> bool:
    if not (_GATE_PROTECT and text.isascii()):
        return True
    i = text.find(".")
    while i != -1:
        if text[max(0, i - _ABBREV_LEN):i].lower().endswith(_ABBREV_ENDS):
            return True
        i = text.find(".", i + 1)
    return False


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, decimals and initials intact."""
    return list(_split_sentences(text))  # a fresh list: callers may change it, the cache must not


@lru_cache(maxsize=2048)  # the validator's checks, the engines and the evals split the same texts repeatedly
def _split_sentences(text: str) -> tuple[str, ...]:
    text = " ".join(text.split())
    if not text:
        return ()
    if _may_protect(text):
        protected = _PROTECT.sub(lambda m: m.group(0).replace(".", "\x00"), text)
    else:
        protected = text
    protected = _INITIAL.sub("\x00", protected)  # initials: "J. Smith"
    parts = _split_at(protected)
    return tuple(p.replace("\x00", ".").strip() for p in parts if p.strip())


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def word_count(text: str) -> int:
    return len(text.split())  # the same count as words(): both split on str.isspace() characters
