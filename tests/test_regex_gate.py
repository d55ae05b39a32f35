"""The first-character gate changes no match: same spans as the plain pattern, on text written to trip it."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digestgen.parts import _STRONG, _WEAK
from digestgen.regex_gate import gated

PATTERNS = [(p, re.IGNORECASE) for p in list(_STRONG.values()) + list(_WEAK.values())] + [
    (r"\b(?:e\.g|i\.e|et al|Fig)\.", re.IGNORECASE),
    (r"\(?\b(?:\d{1,2}|[ivx]{1,4})\)", 0),
    (r"(ab)*c|d?e+", 0),
    (r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(\[])", 0),   # the sentence splitter: a lookbehind first
    (r"\b([A-Z])\.(?=\s[A-Z])", 0),
    (r"(?:(?<=\s)|^)(?:[ivx]{1,4}|[a-e])\)\s+", 0),       # enumeration markers
]
text = st.lists(st.sampled_from(["A. B. Smith ", "It works. Next", "done!) Then ", "ok.\" (Yes ", "iii) ", "b) ",
                                 "Objective ", "we aim to ", "(2) ", "iv) ", "e.g. ", "Fig. 3 ", "The method ",
                                 "PRACTITIONERS", " ", ".", "ab", "c", "e", "x", "\n", "42%", "É"]),
                max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(text)
def test_gated_patterns_find_the_same_matches(s):
    for pattern, flags in PATTERNS:
        plain, fast = re.compile(pattern, flags), gated(pattern, flags)
        assert [m.span() for m in plain.finditer(s)] == [m.span() for m in fast.finditer(s)]
        assert plain.sub("#", s) == fast.sub("#", s)
        assert plain.split(s) == fast.split(s)


def test_gate_is_added_where_it_is_safe_and_not_elsewhere():
    assert gated(r"\b(goal|aim)\b").pattern.startswith("(?=[ag])")
    assert gated(r"a*").pattern == "a*"           # can match the empty string: no gate
    assert gated(r"[^a]b").pattern == "[^a]b"     # a negated class: not worked out, unchanged
    assert gated(r"(?i)abc").pattern == "(?i)abc"  # inline global flags must stay first


def _missing_parts_plain(summary: str) -> list[str]:
    """The cue-based missing parts as first written: every role's IGNORECASE patterns on every sentence."""
    from digestgen.parts import ROLES, summary_sentences

    strong = {k: re.compile(v, re.IGNORECASE) for k, v in _STRONG.items()}
    weak = {k: re.compile(v, re.IGNORECASE) for k, v in _WEAK.items()}
    present = set()
    for i, s in enumerate(summary_sentences(summary)):
        for r in ROLES:
            if strong[r].search(s) or (i > 0 and weak[r].search(s)):
                present.add(r)
    return [r for r in ROLES if r not in present]


words = st.lists(st.sampled_from(["The", "main", "objective", "is", "to", "We", "propose", "a", "method.", "Results",
                                  "show", "12%", "gains.", "Practitioners", "can", "deploy", "it.", "PRIMARY",
                                  "RESULTS", "ſtudy", "İmplication", "KEY", "Method", "i)", "ii)", "iii)", "**Goal**",
                                  "useful.", "Future", "work", "é", "\n"]), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(words)
def test_missing_parts_is_unchanged_by_the_fast_paths(summary):
    from digestgen.parts import missing_parts_by_cues

    assert missing_parts_by_cues(summary) == _missing_parts_plain(summary)
