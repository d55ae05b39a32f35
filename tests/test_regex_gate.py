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
]
text = st.lists(st.sampled_from(["Objective ", "we aim to ", "(2) ", "iv) ", "e.g. ", "Fig. 3 ", "The method ",
                                 "PRACTITIONERS", " ", ".", "ab", "c", "e", "x", "\n", "42%", "É"]),
                max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(text)
def test_gated_patterns_find_the_same_matches(s):
    for pattern, flags in PATTERNS:
        plain, fast = re.compile(pattern, flags), gated(pattern, flags)
        assert [m.span() for m in plain.finditer(s)] == [m.span() for m in fast.finditer(s)]
        assert plain.sub("#", s) == fast.sub("#", s)


def test_gate_is_added_where_it_is_safe_and_not_elsewhere():
    assert gated(r"\b(goal|aim)\b").pattern.startswith("(?=[ag])")
    assert gated(r"a*").pattern == "a*"           # can match the empty string: no gate
    assert gated(r"[^a]b").pattern == "[^a]b"     # a negated class: not worked out, unchanged
    assert gated(r"(?i)abc").pattern == "(?i)abc"  # inline global flags must stay first
