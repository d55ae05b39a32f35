"""glue.py's speed rewrites of its patterns find exactly what the originals find (same spans, same order)."""

import pytest

from digestgen import glue

_TEXTS = [
    "We train a apple model and an model, not an hour or a one-off; (an model) and xan model stay.",
    "an\tcat, a\napple, An model, a a, an  cat. a only case, a each one, an",
    "The method - enhanced by e.g. tokens -- 80x , with (see Table 2 ) and ,, or .. and ... end .",
    "Models performance and agents behaviour improve; the LLMs reasoning is a few-step diffusion models thing.",
    "**bold** and `code` and [a](b) and $\\alpha$ and {x} and ``quotes'' here.",
    "Our method works; we think ours is better than us. \"We quoted\" it.",
    "",
]


@pytest.mark.parametrize("fast,slow", [("_AN_CONSONANT_FAST", "_AN_CONSONANT"), ("_SPACING_FAST", "_SPACING"),
                                       ("_MARKDOWN_FAST", "_MARKDOWN"), ("_LATEX_ONLY_FAST", "_LATEX_ONLY"),
                                       ("_FIRST_PERSON_FAST", "_FIRST_PERSON")])
def test_fast_pattern_same_spans(fast, slow):
    f, s = getattr(glue, fast), getattr(glue, slow)
    assert f.pattern != s.pattern  # a real rewrite, or this test checks nothing
    for text in _TEXTS + [t.upper() for t in _TEXTS] + [t.lower() for t in _TEXTS]:
        assert [m.span() for m in f.finditer(text)] == [m.span() for m in s.finditer(text)], text


def test_literal_gates_are_necessary():
    # every text the originals match holds the gate's literal
    for text in _TEXTS:
        if glue._ABBREVIATION.search(text):
            assert glue._may_abbreviate(text)
        if glue._PLURAL_OWNER.search(text):
            assert any(w in text for w in glue._OWNED_KEYS)
        if glue._STEP_ADVERB.search(text):
            assert any(w in text for w in glue._STEP_WORDS)
    assert glue._PLURAL_OWNER.search(_TEXTS[3]) and glue._ABBREVIATION.search(_TEXTS[2])


@pytest.mark.parametrize("text", ["experience - enhanced", "time-without a dash", "plug-and play", "tokens -- 80x",
                                  "it wins .", "see ( Table 2)", "see (Table 2 )", "first,, second", "end. ,next",
                                  "a pause..", "a ;  : pair", "tab\t, before", "unicode\u00a0, space", "odd ? mark"])
def test_spacing_gate_lets_every_match_through(text):
    assert glue._SPACING.search(text)  # each example is a spacing defect ...
    assert glue._may_space(text)  # ... and the gate lets it reach the pattern


def test_spacing_gate_skips_clean_text():
    assert not glue._may_space("A clean state-of-the-art row, with 3.2x gains (on average) and no seams.")


def test_memoised_checks_return_fresh_lists():
    s = "The results show that the experiments show that it works. This gap remains open."
    a = glue.stacked_frames(s)
    a.append("x")
    assert glue.stacked_frames(s) == [s.split(". ")[0] + "."]
    b = glue.dangling_references(s)
    b.clear()
    assert glue.dangling_references(s)


def test_idea_gate_words_are_the_patterns_words():
    assert "(" + "|".join(glue._IDEA_WORDS) + ")" in glue._THE_IDEA.pattern
    assert glue.definite_references("We study X. The model fails, and the hypothesis holds for it.") == \
        ["the hypothesis"]


def test_plural_owner_searched_from_the_first_property_finds_the_first_match():
    import itertools

    pieces = ["models", " ", "  ", "\t", "performance", "agents", "accuracy", "x", "-", "LLMs", "behaviours", "Models",
              "representations", "qualityx", "\u00a0", "generalisation", "capabilities", "tasks performance"]
    seen = 0
    for n in range(1, 5):
        for combo in itertools.product(pieces, repeat=n):
            text = "".join(combo)
            m = glue._PLURAL_OWNER.search(text)
            seen += m is not None
            assert glue._first_plural_owner(text) == (m.group(0) if m else None), repr(text)
    assert seen > 100
    assert glue._GATE_OWNER  # the search really starts late, or this test only checks the fallback


@pytest.mark.parametrize("fast,slow", [("_STACKED_LOWER", "_STACKED"), ("_BROKEN_LOWER", "_BROKEN_FRAME")])
def test_lower_case_patterns_find_the_same_spans_in_lower_cased_ascii_text(fast, slow):
    f, s = getattr(glue, fast), getattr(glue, slow)
    assert f is not None and not f.flags & 2  # re.IGNORECASE off: the rewrite is in use
    texts = _TEXTS + ["Results SHOW THAT the experiments Show that it works; results show how.",
                      "The key METHODOLOGY involves OF relying on it, is that that, IS TO and, show that which.",
                      "Primary results show that our findings demonstrate that X holds."]
    for text in texts + [t.upper() for t in texts] + [t.title() for t in texts]:
        assert [m.span() for m in f.finditer(text.lower())] == [m.span() for m in s.finditer(text)], text


def test_enumeration_marks_counted_as_the_pattern_finds_them():
    import itertools

    pieces = ["1)", "(2)", " ", "ii)", "(iv)", "x", "h)", "i)", "12)", "123)", "(", ")", "\t", "a", "(ab)", "\u0663)", "\n"]
    seen = 0
    for n in range(1, 5):
        for combo in itertools.product(pieces, repeat=n):
            text = "".join(combo)
            found = [m.group(0) for m in glue._ENUM_MARK.finditer(text)]
            seen += bool(found)
            assert glue._enum_marks(text) == (len(found), sum(f.startswith("(") for f in found)), repr(text)
    assert seen > 1000


@pytest.mark.parametrize("gate,pattern", [("_may_latex", "_LATEX_ONLY"), ("_may_markdown", "_MARKDOWN")])
def test_markup_gates_pass_every_text_the_pattern_matches(gate, pattern):
    import itertools

    may, rx = getattr(glue, gate), getattr(glue, pattern)
    pieces = ["x", " ", "-", "+", "*", "**", "_", "__", "`", "[a](b)", "#", "\\", "$", "{", "'", "\n", "\t", "\\%", "é"]
    seen = 0
    for n in range(1, 5):
        for combo in itertools.product(pieces, repeat=n):
            text = "".join(combo)
            if rx.search(text):
                seen += 1
                assert may(text), repr(text)
    assert seen > 1000
    assert not may("A plain sentence, with a hyphen - and it's fine.")
