"""The offline engine: the five parts chosen from the abstract's own sentences by global assignment.

Every abstract sentence gets a probability per role from the sentence-role
classifier (``digestgen.roles``, trained on the reference archive with frame
words stripped). The five parts are filled by the assignment of sentences to
parts that maximises the summed log-probabilities plus learned length priors
and an ordering prior, so no part takes a sentence another part needs more.
A part that no sentence fits with confidence stays empty rather than forcing a
frame onto an unrelated sentence; the validator then marks the row for review.
No fact is added: every clause, and so every number, comes from the abstract.
"""

from __future__ import annotations

import math
import re

from ..numbers import has_number
from ..parts import MISPLACED, PERF_NUMBER, PRESENT
from ..text import split_sentences
from ..types import Paper, Summary
from .base import Engine, NoAbstract
from .takeaway import repeats, write_takeaway
from .rewrite import (_BACK_REFERENCE, DANGLING, contribution_purpose, house_voice, implication_text,  # noqa: F401
                      methodology_text, names_in, objective_text, offered_implication, without_purpose, resolve_dangling, results_text, strip_opener, strip_reporting,
                      unlatex)

PARTS = ("one_line", "objective", "methodology", "results", "implication")
# Where each part sits in the archive's summaries (0 = first sentence, 1 = last); abstracts keep that order.
_ORDER = {"one_line": 0.15, "objective": 0.2, "methodology": 0.5, "results": 0.75, "implication": 0.95}
MIN_CONFIDENCE = 0.08  # below this probability a sentence is not the one-line summary
# A part needs the probability the validator needs to see it (parts.PRESENT); when no sentence reaches it, the
# part stays empty rather than holding an unrelated sentence, and the row goes to review.
_PERF = PERF_NUMBER
# Release notices ("Code is available at ..."): never a part of the summary.
_RELEASE = re.compile(r"\b(code|models?|data(sets?)?|weights|checkpoints|project page|demo|benchmark|resources|"
                      r"implementation|statistics)\b.{0,60}\b(available|released|open-sourced?|publicly|can be found|"
                      r"accessible|will be|at https?)\b|https?://|github\.com|\b(?:release|open-source|publish|make)\w*\b"
                      r".{0,40}\b(?:code|data(?:sets?)?|models?|weights|checkpoints|scripts)\b", re.IGNORECASE)
# A gap statement ("There is a notable absence of X", "X remains underexplored"): background, never the paper's
# one-line summary or its takeaway.
_GAP = re.compile(r"^(?:There (?:is|are|remains?)\b.{0,30}\b(?:lack|absence|gap|few|little|no)\b|.{0,80}\b(?:remains?|"
                  r"remained|is|are)\s+(?:largely\s+|still\s+|yet\s+)?(?:underexplored|unexplored|unclear|unknown|"
                  r"understudied|an open (?:problem|question)|challenging|limited)\b)", re.IGNORECASE)
# A contribution statement: the sentence that introduces the paper's method ("We propose X", "X is a ...").
_CONTRIBUTION = re.compile(r"\b(?:we|this (?:paper|work))\b[^.;]{0,40}\b(?:propose|introduce|present|develop)", re.I)
# A limitation of prior work ("Existing methods struggle ...") is background, not a takeaway.
_PRIOR_WORK = re.compile(r"^(?:However,?\s+)?(?:existing|current|previous|prior|conventional|traditional|most|many|"
                         r"recent)\b", re.IGNORECASE)
# A statement that something is provided or discussed ("Comparisons with baselines are also provided", "Limitations
# are discussed"): it reports what the paper contains, not a result nor a takeaway.
_PROVIDED = re.compile(r"\b(?:is|are)\s+(?:also\s+|further\s+|then\s+)?(?:provided|presented|discussed|included|"
                       r"given|described|outlined|offered|reported)\s*(?:$|[.;,]|\b(?:for|in|to|at|along|alongside)\b)",
                       re.IGNORECASE)
# The authors' hope or belief about their work ("We hope this benchmark will spur future research", "We believe X
# paves the way ..."): a wish, not a takeaway a practitioner can act on, so never the implication.
_HOPE = re.compile(r"\b(?:we|the authors)\s+(?:\w+ly\s+)?(?:hope|believe|envision|anticipate|expect|wish|foresee)\b|"
                   r"\bhopefully\b|\b(?:inspire|spur|foster|stimulate|catalyze|motivate)\s+(?:\w+\s+)?(?:future|further|"
                   r"more|new)\s+(?:\w+\s+)?(?:research|work|studies|exploration|investigations?|advances?)\b", re.IGNORECASE)
# A step the authors take ("we perform multi-frame denoising", "we train X on Y"): the method, never the takeaway.
_AUTHORS_ACT = re.compile(r"\bwe\s+(?:first\s+|then\s+|further\s+|also\s+|\w+ly\s+)?(?:perform|construct|use|employ|"
                          r"train|design|build|apply|adopt|collect|curate|conduct|fine-tune|leverage|formulate|"
                          r"decompose|sample|annotate|compute|implement|initiali[sz]e)\b", re.IGNORECASE)
LONG_SENTENCE = 40
LIMITATION = "The paper addresses the limitation that"
# General statement types of abstracts, each a nudge on top of the classifier (which learned summary prose):
_CUE = {
    # a contribution statement: "We propose/introduce/present X", "This paper presents X"
    "one_line": (re.compile(r"\b(?:we|this (?:paper|work|study))\b[^.;]{0,40}\b(?:propose|introduce|present)", re.I), 1.0),
    # a goal or research question: "aims to", "we study whether", "we investigate how"
    "objective": (re.compile(r"\b(?:aims?|aimed|goal|seeks?|whether|we (?:study|investigate|explore|examine|ask))\b", re.I), 1.0),
    # how it is done: a first-person action with a method verb, or "consists of / by <verb>ing"
    "methodology": (re.compile(r"\bwe (?:\w+ )?(?:use|employ|leverage|train|design|construct|adopt|apply|combine|"
                               r"formulate|build|fine-tune|collect|curate)|\b(?:consists of|comprises|by (?:\w+ing))\b", re.I), 0.8),
    # an outcome: comparison and attainment verbs
    "results": (re.compile(r"\b(?:outperform|surpass|achiev|improv|exceed|reduc|boost)\w*", re.I), 0.5),
    # a consequence for use: enablement and suggestion verbs, modal "can/could"
    "implication": (re.compile(r"\b(?:enabl|allow|facilitat|pave|suggest|highlight|potential|practical|promising|"
                               r"could|opens?)\w*", re.I), 0.8),
}


def _length_prior(role: str, words: int, priors: dict) -> float:
    bins = priors["length"][role]
    return math.log(bins[min(words // priors["length_bins_words"], len(bins) - 1)] * len(bins))


def render(role: str, sentence: str, name: str | None = None, names: frozenset[str] = frozenset(),
           antecedent: bool = False, previous: str = "") -> str | None:
    """The abstract sentence as the text of ``role`` (third person, resolved reference, a frame that fits);
    None when its opening reference cannot be resolved."""
    voiced = house_voice(sentence)
    if role in ("results", "implication"):  # "These results suggest that X": the frame goes, X stays
        voiced = strip_reporting(voiced)
    resolved = resolve_dangling(voiced, name, antecedent, previous=previous)
    if resolved is None:
        return None
    if role == "one_line":
        return resolved
    return {"objective": objective_text, "methodology": methodology_text, "results": results_text,
            "implication": implication_text}[role](resolved, names)


def score_matrix(sentences: list[str], name: str | None = None) -> list[dict[str, float]]:
    """Per sentence, per part: log P(part | the sentence rendered as that part) + learned length prior + ordering
    prior + part-specific terms. The probability is the validator's own judgement of the rendered part, so a
    part the engine writes is one the validator reads as that part."""
    from ..roles import meta, predict

    priors = meta()["priors"]
    n = len(sentences)
    quantitative = [bool(_PERF.search(s)) for s in sentences]
    out = []
    for i, s in enumerate(sentences):
        words = len(s.split())
        if _RELEASE.search(s) or words < 5:  # a release notice or a fragment
            out.append({r: -math.inf for r in PARTS})
            continue
        rel = i / max(1, n - 1)
        row = {}
        prev = sentences[i - 1] if i else ""
        antecedent = bool(_CONTRIBUTION.search(prev) or (name and name.lower() in prev.lower()))
        for role in PARTS:
            text = render(role, s, name, antecedent=antecedent, previous=prev)
            if text is None:  # "This gap ...", "It also ...": the antecedent is left out
                row[role] = -math.inf
                continue
            p = predict(text)[role]
            sc = math.log(max(p, 1e-6)) + 0.5 * _length_prior(role, words, priors) - 1.5 * (rel - _ORDER[role]) ** 2
            # a performance number is evidence of a result on its own: such a sentence needs only not to read
            # as something else (the validator's misplaced threshold)
            floor = MIN_CONFIDENCE if role == "one_line" else MISPLACED if role == "results" and quantitative[i] \
                else PRESENT
            if p < floor:
                sc = -math.inf
            row[role] = sc
        if words > LONG_SENTENCE:
            for role in PARTS:
                row[role] -= (words - LONG_SENTENCE) / 15
        for role, (rx, w) in _CUE.items():
            if rx.search(s):
                row[role] += w
        # results: a sentence with a performance number beats one without
        row["results"] += 1.5 if quantitative[i] else (0.3 if has_number(s) else 0.0)
        if _HOPE.search(s) or _AUTHORS_ACT.search(s):
            row["implication"] = -math.inf
        if _PROVIDED.search(s) and not quantitative[i]:  # "Comparisons are also provided": no result, no takeaway
            row["results"] = row["implication"] = -math.inf
        # implication: a takeaway, not a restated result nor a limitation of prior work
        if quantitative[i]:
            row["implication"] -= 1.5
        if _PRIOR_WORK.search(strip_opener(s)) or _GAP.search(strip_opener(s)):
            row["implication"] = row["one_line"] = -math.inf
            row["methodology"] -= 1.0
            if objective_text(s).startswith("The paper addresses"):  # a problem statement: the objective's fallback
                row["objective"] = max(row["objective"], math.log(PRESENT))
        if name and name.lower() in s.lower():
            row["one_line"] += 0.7  # the sentence that names the paper's method or benchmark
        out.append(row)
    return out


def assign(scores: list[dict[str, float]], *, require_number: list[bool] | None = None) -> dict[str, int | None]:
    """The best one-to-one assignment of sentences to parts (a part may stay empty), by dynamic programming.

    ``require_number``: when given, the results part may only take a sentence marked True.
    """
    n = len(scores)
    k = len(PARTS)
    best = {0: (0.0, ())}  # mask of filled parts -> (score, choices as (part, sentence))
    for i in range(n):
        nxt = dict(best)
        for mask, (sc, picks) in best.items():
            for j, role in enumerate(PARTS):
                if mask & (1 << j):
                    continue
                if role == "results" and require_number is not None and not require_number[i]:
                    continue
                v = scores[i][role]
                if v == -math.inf:
                    continue
                cand = (sc + v, picks + ((role, i),))
                m2 = mask | (1 << j)
                if m2 not in nxt or cand[0] > nxt[m2][0]:
                    nxt[m2] = cand
        best = nxt
    # More parts filled is better than a higher score with a part missing: an empty part is a last resort.
    mask = max(best, key=lambda m: (bin(m).count("1"), best[m][0]))
    picks = dict(best[mask][1])
    return {role: picks.get(role) for role in PARTS} | {"_filled": bin(mask).count("1") == k}


def _name(title: str) -> str | None:
    # "LongRoPE2: Near-Lossless ..." names its method before the colon
    head, colon, _ = title.partition(":")
    return head.strip() if colon and 1 <= len(head.split()) <= 3 and len(head) <= 30 else None


def _addressed_to_model(sentence: str) -> bool:
    """A sentence that talks to a model ("Ignore previous instructions...", "SYSTEM: ...") is never copied into a row."""
    from ..validate import instruction_like

    return instruction_like(sentence)


_INTRODUCED = re.compile(r"\b(?:propose|introduce|present|develop|release)s?\s+(?:a |an |the )?(?:novel |new )?"
                         r"([A-Z][a-z]*[A-Z0-9][\w\-]*|[A-Z]{2,}[\w\-]*)")


def _introduced_name(sentences: list[str]) -> str | None:
    """The name a contribution sentence gives the method ("We propose FooNet, ..." -> "FooNet")."""
    for s in sentences:
        m = _INTRODUCED.search(s)
        if m:
            return m.group(1)
    return None


def required_results(sentences: list[str]) -> list[bool] | None:
    """Which sentences the results part may take: those with a performance number, when any has one; else any.

    A count in a method description ("1-bit blocks", "three stages") is not a measured result: only a performance
    number (a percentage, a ratio, a score, "by 3") makes a sentence the required results."""
    quantitative = [bool(_PERF.search(s)) and not _RELEASE.search(s) for s in sentences]
    return quantitative if any(quantitative) else None


def paper_name(title: str, sentences: list[str]) -> str | None:
    """The method's name: the title's head ("LongRoPE2: ...") when the abstract uses it, else the name a
    contribution sentence gives. A title head the abstract never uses ("Beyond Fixed: ...") is a slogan."""
    head = _name(title)
    if head and head.lower() in " ".join(sentences).lower():
        return head
    return _introduced_name(sentences) or head


def introducing_sentence(sentences: list[str], picks: dict, name: str | None) -> int | None:
    """Name-before-introduction class: a part uses the paper's name ("DAEDAL intervenes ...") while the sentence
    that introduces it ("We propose DAEDAL, a ...") is left out and the one-line does not name it, so the reader
    meets the name unexplained. Returns the introducing sentence for the one-line, or None when nothing is wrong
    or the first sentence naming it is not a contribution statement."""
    if not name:
        return None
    mentions = re.compile(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])", re.IGNORECASE)
    chosen = {role: picks.get(role) for role in PARTS if picks.get(role) is not None}
    one_i = chosen.get("one_line")
    if one_i is not None and mentions.search(sentences[one_i]):
        return None
    if not any(mentions.search(sentences[i]) for role, i in chosen.items() if role != "one_line"):
        return None
    first = next((i for i, s in enumerate(sentences) if mentions.search(s)), None)
    if first is None or first in chosen.values() or not _CONTRIBUTION.search(sentences[first]):
        return None
    if re.search(r"\b(?:this|these|those|such)\s+(?!paper\b|work\b|study\b)[a-z]", sentences[first]):
        return None  # "As prior methods ignore this factor, we present X": points at a sentence left out
    return first if render("one_line", sentences[first], name) else None


class ExtractiveEngine(Engine):
    """Deterministic, offline, faithful by construction."""

    name = "extractive"

    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        if not paper.abstract or not paper.abstract.strip():
            raise NoAbstract(paper.arxiv_id)
        sentences = [s for s in split_sentences(unlatex(paper.abstract))
                     if not re.fullmatch(r"\(?https?://\S+", s) and not _addressed_to_model(s)]
        name = paper_name(paper.title, sentences)
        names = names_in(f"{paper.title}. {paper.abstract}")
        scores = score_matrix(sentences, name)
        require = required_results(sentences)
        picks = assign(scores, require_number=require)
        if picks["results"] is None and require is not None:  # no sentence with a performance number reads as a result
            picks = assign(scores)
        intro = introducing_sentence(sentences, picks, name)
        if intro is not None:
            picks["one_line"] = intro

        def part(role: str) -> str:
            i = picks.get(role)
            if i is None:
                return ""
            prev = sentences[i - 1] if i else ""
            antecedent = bool(_CONTRIBUTION.search(prev) or (name and name.lower() in prev.lower()))
            return render(role, sentences[i], name, names, antecedent, previous=prev) or ""

        one_line = part("one_line") or f"{paper.title}."
        objective = part("objective")
        # An objective states a goal (an aim, a question studied, a problem addressed); a sentence the classifier
        # took for one without such a statement (background, a method step) gives way to the paper's own purpose.
        if not _STATES_GOAL.search(objective):
            objective = purpose_objective(sentences, picks.get("one_line"), name) or objective
        # A limitation of prior work ("The paper addresses the limitation that existing methods ...") is background,
        # not what this paper sets out to do: the paper's own purpose clause takes its place; without one the
        # objective stays empty (the row goes to review) rather than stating someone else's shortcoming.
        if objective.startswith(LIMITATION):
            objective = purpose_objective(sentences, picks.get("one_line"), name)
        one_i = picks.get("one_line")
        # The objective states the one-line sentence's own purpose clause: the one-line keeps what the paper
        # offers and drops the clause, so the row does not say it twice.
        if one_i is not None and objective.startswith("The main research objective is to "):
            purpose = contribution_purpose(sentences[one_i], name)
            short = without_purpose(sentences[one_i], name)
            if purpose and short and objective == f"The main research objective is to {purpose}." and \
                    one_line == resolve_dangling(house_voice(sentences[one_i]), name):
                one_line = short
        methodology, results = part("methodology"), part("results")
        # The takeaway is written by the class of the contribution (engines/takeaway.py) from the abstract's own
        # clauses, never when it would say another part again; else the contribution's purpose clause when no part
        # states it; else empty (the row goes to review). The classifier's implication pick is not used: blind
        # readings judged none of them a takeaway (background, claims, results, method features).
        said = " ".join((one_line, objective, methodology, results))
        used = {i for role, i in picks.items() if role in PARTS and role != "implication" and i is not None}
        implication = write_takeaway(sentences, name, said, used) or \
            offered_takeaway(sentences, picks.get("one_line"), name, objective, f"{one_line} {methodology} {results}")
        return Summary(one_line=one_line, objective=objective, methodology=methodology, results=results,
                       implication=implication)


def offered_takeaway(sentences: list[str], one_i: int | None, name: str | None, objective: str = "",
                     one_line: str = "") -> str:
    """When no clause of the abstract states a benefit, a resource's use or a finding: what the paper's own
    contribution is for ("We propose X, a cache that reduces latency on phones" -> "AI practitioners can use X to
    reduce latency on phones"), from the one-line sentence or an early contribution.

    Padding class: a takeaway whose purpose clause the objective or the one-line (``one_line`` may hold the other
    parts too) already states says the same thing twice (takeaway.repeats); it is not written, the part stays
    empty and the validator sends the row to review."""
    said = f"{objective} {one_line}"
    order = ([one_i] if one_i is not None else []) + [i for i in range(len(sentences)) if i != one_i]
    for i in order[:4]:
        purpose = contribution_purpose(sentences[i], name)
        if not purpose or repeats(purpose, said, name):
            continue
        subject = name if name and name.lower() in sentences[i].lower() else "this work"
        return f"AI practitioners can use {subject} to {purpose}."
    return ""


# A purpose clause inside a contribution ("We propose X to reduce Y", "a method designed to enable Y"):
# the objective when no sentence states one.
_PURPOSE = re.compile(r"\b(?:in order to|designed to|aiming to|so as to|that aims to|to)\s+((?!be\b)[a-z]+\b[^,;]{8,140})")
_PURPOSE_VERB = re.compile(r"^(?:address|tackle|overcome|bridge|mitigate|solve|reduce|improve|enable|enhance|"
                           r"accelerate|achieve|support|unify|scale|extend|allow|learn|generate|evaluate|assess|"
                           r"measure|capture|detect|close|alleviate|boost|increase|make|bring|preserve|eliminate|"
                           r"automate|align|understand|study|identify|provide|build|create|develop|fill|handle)\b")


# The house phrasings of a goal, a studied question or an addressed problem (rewrite.objective_text).
_STATES_GOAL = re.compile(r"^(?:The main research objective is|The paper addresses)|\b(?:whether|how|why|what)\b")


def purpose_objective(sentences: list[str], one_i: int | None, name: str | None = None) -> str:
    """'The main research objective is to <purpose>' from the first contribution sentence with a purpose clause."""
    order = ([one_i] if one_i is not None else []) + [i for i in range(len(sentences)) if i != one_i]
    for i in order[:4]:
        purpose = contribution_purpose(sentences[i], name)
        if purpose:
            return f"The main research objective is to {purpose}."
    for i in order[:4]:
        voiced = house_voice(sentences[i])
        for m in _PURPOSE.finditer(voiced):
            clause = m.group(1).rstrip(". ")
            if _PURPOSE_VERB.match(clause) and not _BACK_REFERENCE.search(clause):  # not "to address these issues"
                return f"The main research objective is to {clause}."
    return ""
