"""Grammar and notation slips an editor fixes before publishing (quality11).

Each class is one a blind reader named as the reason to reject an otherwise sound row, checked over the reference
archive (~4,800 rows; evals/quality/README.md "quality11: validator" gives the rates and the hits read):

- ``fluency:frame_article``: a part's frame that drops its article ("Principal implication is that ...", "Key
  methodology involves ...", "Principal implication for AI practitioners: ..."): a singular frame noun at the start of
  a sentence with no "The". Plural frames ("Primary results show", "Key findings include") are correct English.
- ``fluency:compare_to``: "compare to/with" where "compared to" is meant ("reducing the training costs compare to
  prior methods"): outside a question ("How does X compare to Y?"), with no auxiliary that makes "compare" a verb.
- ``fluency:garbled_statistic``: a test statistic written with a Latin x for chi ("x²(4) = 19.2", "x^2(2)"): an
  editor writes χ².
- ``editorial_aside``: the summary's own commentary on the paper's gaps ("though the paper presents contradictory
  interpretations of what these scores signify", "the paper does not specify the hardware used", "it is unclear
  whether ...", "details ... are not reported in the paper"): a reviewer's note, not a digest's content.
- ``fluency:numeral_opener``: a sentence that opens with a bare number ("16 out of 22 participants preferred ...",
  "400K paragraphs were annotated ..."): spell it out or recast the sentence. A name that starts with a digit
  ("3DGS", "4DNeX", "2D-GS") or a list marker ("2)") is not a number.

Plain ``re`` only: no heavy imports.
"""

from __future__ import annotations

import re

CODES = {
    "fluency:frame_article": "a part's frame without its article ('Principal implication is that', 'Key methodology "
                             "involves'): write 'The principal implication is ...'",
    "fluency:compare_to": "'compare to' where 'compared to' is meant ('reducing costs compare to prior methods')",
    "fluency:garbled_statistic": "a test statistic with a Latin x for chi ('x²(4) = 19.2'): write χ²",
    "editorial_aside": "the summary comments on the paper's gaps ('the paper does not specify ...', 'it is unclear "
                       "whether ...', 'contradictory interpretations'): a reviewer's note; leave it out",
    "fluency:numeral_opener": "a sentence opens with a bare number ('16 out of 22 participants ...'): spell it out "
                              "or recast the sentence",
}

_FRAME_NOUN = r"(?:implication|objective|result|finding|methodology|method|question|goal|aim|contribution|takeaway)"
_FRAME_ARTICLE = re.compile(rf"^(?:Principal|Main|Key|Primary|Major|Central|Core)\s+(?:research\s+)?{_FRAME_NOUN}"
                            rf"(?:\s+for\s+(?:AI\s+)?(?:practitioners|engineers|developers|researchers))?"
                            rf"(?:\s*:|\s+(?:is|was|involves|involved|includes|included|used|uses|combines|"
                            rf"combined|lies|that)\b)")
_COMPARE = re.compile(r"\bcompare\s+(?:to|with)\b", re.IGNORECASE)
# "compare" as a finite verb: the sentence is a question ("How does X compare to Y?", "whether ..."), or an auxiliary,
# "to" or a pronoun subject stands right before it ("they compare to", "to compare with")
_QUESTION = re.compile(r"\?|\b(?:how|whether)\b", re.IGNORECASE)
_COMPARE_VERB = re.compile(r"\b(?:do|does|did|will|would|can|could|may|might|should|must|to|they|we|these|those|"
                           r"them|you|i)\s*$", re.IGNORECASE)
_CHI = re.compile(r"(?<![\w\-])[xX](?:²|\^2|2)\s*\(\s*\d+(?:\s*,\s*N\s*=\s*\d+)?\s*\)")
_ASIDE = re.compile(r"\b(?:(?:the\s+)?(?:paper|authors|study|abstract)\s+(?:does\s+not|do\s+not|did\s+not|doesn't|"
                    r"don't|fails?\s+to|lacks?)\s+(?:\w+\s+){0,2}(?:specify|provide|report|state|mention|include|"
                    r"detail|"
                    r"give|present|quantify|explicitly|clearly|clear|details?)"
                    r"|\bnot\s+(?:explicitly\s+|clearly\s+)?(?:specified|reported|stated|mentioned|provided|detailed|"
                    r"quantified)\s+in\s+the\s+(?:paper|abstract|provided)"
                    r"|\bcontradictory\s+interpretations?|\b(?:is|are|remains?)\s+unclear\b)", re.IGNORECASE)
_ASIDE_KEYS = ("not", "n't", "fail", "lack", "contradictory", "unclear")  # every match holds one (lower-cased)
_NUMERAL_OPENER = re.compile(r"^\d[\d,.]*(?:%|[KMB]\b)?\s+(?!\))")


def slip_hits(sentences: list[str]) -> list:
    from .content_checks import Hit

    out = []
    for s in sentences:
        m = _FRAME_ARTICLE.match(s)
        if m:
            out.append(Hit("fluency:frame_article", f"the frame {m.group(0).rstrip(':')!r} has no article: write "
                                                    "'The ...'"))
            break
    for s in sentences:
        m = _COMPARE.search(s) if "ompare" in s or "OMPARE" in s else None  # a cheap gate: every match holds it
        if m and not _QUESTION.search(s) and not _COMPARE_VERB.search(s[:m.start()]):
            # a warning: a plural subject can "compare with" each other correctly ("the two variants compare with
            # each other closely"), which this pattern cannot tell from "costs compare to prior methods"
            out.append(Hit("fluency:compare_to", f"{s[max(0, m.start() - 30):m.end()]!r}: 'compare to' where "
                                                 "'compared to' is meant", "warning"))
            break
    for s in sentences:
        m = _CHI.search(s) if "²" in s or "2" in s else None  # every match holds a "²" or a "2"
        if m:
            out.append(Hit("fluency:garbled_statistic", f"{m.group(0)!r}: a chi-square statistic written with a "
                                                        "Latin x; write χ²"))
            break
    for s in sentences:
        low = s.lower()
        m = _ASIDE.search(s) if any(k in low for k in _ASIDE_KEYS) else None
        if m:
            out.append(Hit("editorial_aside", f"{m.group(0)!r}: the summary comments on the paper's gaps; leave the "
                                              "reviewer's note out and state what the paper does report"))
            break
    for s in sentences[1:]:
        m = _NUMERAL_OPENER.match(s)
        if m and len(s.split()) > 2:
            out.append(Hit("fluency:numeral_opener", f"a sentence opens with the number {m.group(0).strip()!r}: "
                                                     "spell it out or recast the sentence"))
            break
    return out
