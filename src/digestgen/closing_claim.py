"""An implication that is the authors' closing claim: the work called "a robust/scalable ... solution" (quality11).

Class: a takeaway whose content is the work's own verdict on itself, the closing sentence of many abstracts ("Our
method provides a robust solution for applications requiring ...") told to the reader ("AI practitioners can use DELTA
as a robust solution for applications requiring fine-grained, long-term motion tracking"; "this offers AI
practitioners a scalable and efficient solution for ..."): the work named "a solution" with evaluative adjectives.
The round-9/10 readers reject it as "the authors' closing claim" (the dev engine row with it: 14 readings reject it,
3 accept it). A WARNING, not an error: of 30 archive implications with it that I read (86 rows, 1.8%), about 18 were
only the claim and 12 added a practical angle the readers accept (where it applies: "where data annotation is
prohibitively expensive", "on resource-constrained devices"; what it saves: "without retraining"), under the 80% an
error needs (evals/quality/README.md, "quality11: validator").

quality15, ``implication:comparative_verdict`` (a WARNING): a takeaway whose point is the results' comparison again, the
work called better than what exists ("3to4D provides a more effective method for generating customized 4D content ...
compared to adapting existing text-to-4D or image-to-4D methods" after "3to4D outperforms baseline methods"): a
comparative ("more effective/accurate/efficient/robust", "better", "superior", "outperforms") followed within the clause
by "compared to / than / over" existing, prior, baseline, standard, traditional ... methods. Both readers of held-out
archive reading 1 rejected the one row with it for restating the result. Archive: 30 rows (0.6%); of 15 read, about
half add a practical angle ("without changing the model architecture or increasing the training budget", "the best
balance of performance, cost, and privacy"), under the 80% an error needs, so it only asks a reviewer to look.
"""

from __future__ import annotations

import re

CODES = {
    "implication:comparative_verdict": "the implication says the work beats existing methods again (the results' "
                                       "comparison as a takeaway) unless it adds where it applies or what it saves "
                                       "(a warning)",
    "implication:solution_claim": "the implication calls the work 'a robust/practical/scalable solution': the authors' "
                                  "closing claim, unless it adds where it applies or what it saves (a warning)",
}

_EVALUATIVE = (r"(?:robust|effective|versatile|promising|powerful|practical|efficient|scalable|viable|reliable|simple|"
               r"flexible|novel|general|unified|cost-effective|cost-efficient|lightweight|comprehensive|valuable)")
_SOLUTION_CLAIM = re.compile(rf"\b(?:a|an)\s+(?:more\s+|highly\s+)?{_EVALUATIVE}(?:,?\s+(?:and\s+)?[\w\-]+){{0,3}}?"
                             rf"\s+solution\b", re.IGNORECASE)


def solution_claim_hits(parts: dict) -> list:
    from .content_checks import Hit

    imp = parts.get("implication")
    if imp is None or "solution" not in imp.rest.lower():  # a cheap gate: every match holds the word
        return []
    m = _SOLUTION_CLAIM.search(imp.rest)
    if m is None:
        return []
    return [Hit("implication:solution_claim", f"the implication calls the work {m.group(0)!r}: the authors' closing "
                                              "claim; say where it applies, what it saves or what it replaces and why",
                "warning")]


_COMPARATIVE = re.compile(r"\b(?:more\s+(?:effective|accurate|efficient|robust|reliable|capable|powerful)|better|superior|"
                          r"outperform\w*)\b[^.;]{0,100}?\b(?:compared\s+(?:to|with)|than|over|relative\s+to)\s+"
                          r"(?:\w+ing\s+)?(?:the\s+)?(?:existing|current|prior|previous|baseline|state-of-the-art|"
                          r"conventional|traditional|standard|other|competing|leading)\b", re.IGNORECASE)


def comparative_verdict_hits(parts: dict) -> list:
    from .content_checks import Hit

    imp = parts.get("implication")
    if imp is None:
        return []
    m = _COMPARATIVE.search(imp.rest)
    if m is None:
        return []
    return [Hit("implication:comparative_verdict", f"the implication says the work beats what exists again "
                                                   f"({m.group(0)[:60]!r}): say where it applies, what it saves or "
                                                   "what it replaces and why", "warning")]
