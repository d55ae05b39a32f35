"""Glue artefacts: the seams left when sentences are cut out of an abstract and framed.

Each check names the class of defect it finds; the validator reports them as
``glue:*`` codes. They apply to any summary (engine rows, LLM rows, archive rows).
"""

from __future__ import annotations

import re

from .parts import summary_sentences
from .regex_gate import gated

# Two reporting frames in one sentence: "Primary results show that the results show that ...".
_REPORT_VERB = r"(?:show|shows|showed|demonstrate|demonstrates|indicate|indicates|reveal|reveals|suggest|suggests)"
_STACKED = re.compile(rf"\b{_REPORT_VERB}\s+that\b[^.;]{{0,60}}?\b(?:results?|experiments?|evaluations?|analys[ie]s|"
                      rf"findings|authors|we)\b[^.;]{{0,140}}?\b{_REPORT_VERB}\s+(?:that|how)\b", re.IGNORECASE)
# A frame followed by a word no clause starts with: "In terms of methodology, of relying on ...", "is that that".
_BROKEN_FRAME = re.compile(r"(?:\bis to|\bis that|\binvolves|\bshow that|methodology,)\s+(?:of|and|which|that|whereas|"
                           r"than|is|are)\b", re.IGNORECASE)
# A part that opens on a reference to something it does not contain: "This gap ...", "These methods ...". Only
# nouns that point outside the paper's own contribution count: "This framework" / "This survey" is the paper itself.
_DANGLING = re.compile(r"^(?:This|These|Those|Such|The aforementioned|The above)\s+"
                       r"(?!(?:paper|work|study|research|survey|article|report)\b)(?:[\w\-]+\s+)?(gaps?|issues?|problems?|"
                       r"challenges?|limitations?|shortcomings?|drawbacks?|bottlenecks?|questions?|observations?|"
                       r"methods|approaches|techniques|models|works|strategies|tasks|settings|concerns?|obstacles?)\b")


# LaTeX or markup that survived: "40\%", "$\times$", "\textbf{", "{", "`code`", "[text](url)".
_LATEX = re.compile(r"\\[A-Za-z]+|\\[%&_#$]|\$[^$]*[\\^_{][^$]*\$|[{}]|`[^`]+`|\[[^\]]+\]\([^)]+\)")


# Exact gates, worked out from the patterns above: for ASCII text (where IGNORECASE is plain case folding) a
# match needs two reporting verbs and "that" (stacked), or one of the frame words (broken); markup needs one of
# its characters. Other text is searched anyway. A pattern whose words are no longer plain literals turns its gate off.
_VERBS = tuple(_REPORT_VERB[3:-1].split("|"))
_BROKEN_KEYS = tuple(k.replace("\\b", "") for k in _BROKEN_FRAME.pattern[3:_BROKEN_FRAME.pattern.index(")")].split("|"))
_GATE_STACKED = all(re.fullmatch(r"[a-z]+", v) for v in _VERBS) and _STACKED.pattern.startswith(rf"\b{_REPORT_VERB}\s+that")
_GATE_BROKEN = all(re.fullmatch(r"[a-z ,]+", k) for k in _BROKEN_KEYS)
_LATEX_CHARS = "\\${}`["
# The same patterns with a first-character lookahead (regex_gate: the same matches, fewer positions tried).
_STACKED_FAST = gated(_STACKED.pattern, _STACKED.flags)
_BROKEN_FAST = gated(_BROKEN_FRAME.pattern, _BROKEN_FRAME.flags)
_LATEX_FAST = gated(_LATEX.pattern, _LATEX.flags)


def _may_stack(summary: str) -> bool:
    if not (_GATE_STACKED and summary.isascii()):
        return True
    low = summary.lower()
    return "that" in low and sum(low.count(v) for v in _VERBS) >= 2


def stacked_frames(summary: str) -> list[str]:
    if not _may_stack(summary):
        return []
    return [s for s in summary_sentences(summary) if _STACKED_FAST.search(s)]


def broken_frames(summary: str) -> list[str]:
    if _GATE_BROKEN and summary.isascii() and not any(k in summary.lower() for k in _BROKEN_KEYS):
        return []
    return [m.group(0) for m in _BROKEN_FAST.finditer(summary)]


def dangling_references(summary: str) -> list[str]:
    """Sentences that open on "This/These <noun>" where the noun appears nowhere before them."""
    from .roles import strip_frame

    out = []
    before = ""
    for s in summary_sentences(summary):
        body = strip_frame(s)[1]
        m = _DANGLING.match(body)
        if m:
            noun = m.group(1).lower()
            if noun.rstrip("s")[:5] not in before.lower():
                out.append(body[:60])
        before += " " + s
    return out


def leftover_markup(summary: str) -> list[str]:
    if not any(c in summary for c in _LATEX_CHARS):  # every match holds one of these characters
        return []
    return [m.group(0) for m in _LATEX_FAST.finditer(summary)]
