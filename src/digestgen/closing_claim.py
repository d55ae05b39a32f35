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
"""

from __future__ import annotations

import re

CODES = {
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
