"""Content checks on a summary's parts that do not trust the writer's own choices.

The engine picks its sentences with the same role classifier the validator uses, so a part the engine put in the
wrong place reads as "in place" to a classifier-only check. These checks judge the parts against each other, against
the title and the abstract, and against what a takeaway for practitioners is:

- ``restated_part:*``: a part that says again what another part already said (content-word overlap).
- ``implication:*``: an implication that is not a takeaway (the authors' claim or hope copied from the abstract, a
  release notice, what the authors did, a restated result).
- ``results_without_number``: results that claim a measured outcome ("outperforms", "higher") without any number.
- ``objective:*``: an objective that restates a problem or a limitation of prior work, or the methodology.
- ``one_line:vague``: an opener that is the paper's name plus a bare kind noun ("X, a novel framework.").
- ``undefined_name``: a coined name used before the row says what it is.
- ``one_line_is_title``: the opening sentence is the paper's title.
- ``sentence_count``: three or fewer sentences (a part is empty) or six or more.
- ``glue:*`` (glue.glue_findings): seams left by cutting and framing sentences.

Each check names the class of text it handles; each finding's message is one line the LLM engine's re-ask can use
as feedback (``pipeline.summarize_paper`` sends "code: message"). Plain ``re`` only: no heavy imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import summary_sentences, word_set
from .regex_gate import LowerGate, gated

CODES = {
    "restated_part:objective": "the objective says again what the one-line opener says",
    "restated_part:implication": "the implication says again what the one-line, objective or results say",
    "implication:claim": "the implication is the authors' own claim or hope copied from the abstract, not a takeaway",
    "implication:release": "the implication is a release notice (code, data or a resource made available)",
    "implication:authors": "the implication reports what the authors did or focus on, not what practitioners gain",
    "implication:result": "the implication restates a result (a measured outcome of the method)",
    "claim_in_part": "a sentence other than the implication is the authors' claim or hope ('a pivotal step')",
    "results_without_number": "the results claim a measured outcome (better, outperforms) without any number (also "
                              "when the abstract gives none: the number is then in the full paper, or the row needs "
                              "review)",
    "objective:problem": "the objective restates a problem or a prior-work limitation ('to address the lack of ...') "
                         "instead of the goal the paper pursues",
    "objective:mechanism": "the objective describes the method's mechanism (its words are the methodology's)",
    "objective:folded": "no objective sentence: the goal is only a trailing clause of the opening sentence "
                        "(', aiming to ...')",
    "one_line:vague": "the opening sentence is the paper's name and a bare kind noun ('X, a novel framework.')",
    "implication:restated_claim": "the implication says again one of the abstract's sentences (most of its content "
                                  "words are in that one sentence): the abstract's claim, not a takeaway",
    "implication:prior_work": "the implication is a caution drawn from prior work's limitations ('should test "
                              "existing X before relying on them'), not a takeaway from this paper's own result",
    "implication:restated_objective": "the implication's purpose ('who need to <X> can use Y to <Z>') is the "
                                      "objective (or the one-line) again: say what the result lets a practitioner do beyond it",
    "objective:absent": "four sentences, the last three the methodology, results and implication: no sentence is left "
                        "for the objective",
    "glue:dangling_their": "'their' with no plural noun before it in the row that could own it ('their method' where "
                           "the row never names the authors): name the owner",
    "implication:finding": "the implication restates a finding ('practitioners should be aware that <finding>') "
                           "instead of what practitioners can do with it",
    "undefined_name": "a coined name is used before the row says what it is",
    "one_line_is_title": "the opening sentence is the paper's title, not a sentence about the paper",
    "sentence_count": "three or fewer sentences (a part is empty) or six or more",
    "fluency:spacing": "a hyphen with spaces inside a compound ('experience - enhanced'), or a clause glued on with "
                       "a hyphen ('time-without')",
    "fluency:comma_splice": "two independent clauses joined by a comma alone ('X improved by 5%, the accuracy "
                            "increased ...')",
    "glue:frame_fit": "a reporting frame glued onto a clause it does not fit ('results show that unlike ...')",
    "glue:sequence": "a step word ('finally', 'second') with no earlier step in the row",
    "glue:dangling_definite": "'the hypothesis', 'these languages'... pointing to something the row never stated",
}
# quality11: the codes of paraphrase.py and slips.py (their checks run from content_hits)
from .paraphrase import CODES as _PARAPHRASE_CODES  # noqa: E402  (plain re)
from .slips import CODES as _SLIP_CODES  # noqa: E402
from .closing_claim import CODES as _CLOSING_CODES  # noqa: E402
from .echo_checks import CODES as _ECHO_CODES  # noqa: E402  (plain re)

CODES.update(_PARAPHRASE_CODES)
CODES.update(_SLIP_CODES)
CODES.update(_CLOSING_CODES)
CODES.update(_ECHO_CODES)

RESTATE = 0.8  # a part restates another when at least this share of its content words are in the other
MIN_WORDS = 3  # ... and it has at least this many content words besides the paper's name (fewer share by chance)
# quality8: the implication against the other parts, on content words without the paper's name, the frame and the
# takeaway's wrapper words (_TAKEAWAY_WRAPPER). Rows an LLM wrote from full papers (the archive, ~4,800 rows, most of
# them publishable) fire at 1.0% (one part) and 2.3% (the row) with these values; rounds 1-7's readers rejected every
# engine implication above them and accepted none (evals/validator_restate_thresholds.py, evals/quality/README.md).
# quality9: both chosen by leave-one-round-out over rounds 1-8 (`validator_restate_thresholds.py --curves`: on the
# other rounds, the lowest threshold whose reached implications are >= 90% ones a reader marked wrong, archive <= 2%):
# one part 0.6 in 7 of 8 folds; the row 0.8 in all 8 (was 0.75: the same rows flagged in every reading, the archive's
# restated_part:implication rate 2.9% -> 1.7%).
RESTATE_IMPLICATION = 0.6  # ... this share of its words in one other part (the one-line, objective, methodology,
#                            results)
RESTATE_ROW = 0.8  # ... or this share in the rest of the row and the title together: the takeaway adds nothing the
#                     row has not said (a benefit from the objective joined to a mechanism from the methodology, both
#                     in the row already)


@dataclass(frozen=True)
class Hit:
    code: str
    message: str  # one line, usable as re-ask feedback
    severity: str = "error"


@dataclass
class _Part:
    index: int
    sentence: str
    body: str  # without the frame, connective, subject or mention of the reader (for word overlap)
    rest: str = ""  # without the frame only (for the patterns: "the authors ..." is kept)


def _locate(sentences: list[str]) -> dict[str, _Part]:
    """Where each part is: by its frame when it has one, else by position among the sentences the classifier is not
    asked about (the one-line is the unframed first sentence; the implication the last sentence that names the
    reader or opens on "This suggests/implies/enables")."""
    from .roles import content, strip_frame

    out: dict[str, _Part] = {}
    for i, s in enumerate(sentences):
        frame, _ = strip_frame(s)
        if frame and frame not in out:
            out[frame] = _Part(i, s, content(s), strip_frame(s)[1])
    if sentences and "one_line" not in out and strip_frame(sentences[0])[0] is None:
        out["one_line"] = _Part(0, sentences[0], content(sentences[0]), sentences[0])
    if "implication" not in out and len(sentences) > 1:
        last = sentences[-1]
        # unframed: the last of five or more sentences (the house order), or one that draws a consequence
        if strip_frame(last)[0] is None and (len(sentences) >= 5 or _TAKEAWAY_OPENER.search(last)):
            out["implication"] = _Part(len(sentences) - 1, last, content(last), last)
    return out


# A last sentence that speaks to the reader or draws a consequence ("This enables AI practitioners to ...",
# "This suggests that ...", "AI practitioners can ..."): the implication of an unframed summary.
_TAKEAWAY_OPENER = gated(r"\b(?:practitioners|engineers|developers)\b|^(?:this|these|such|the)\s+"
                              r"(?:\w+\s+){0,3}(?:suggests?|implies|implicates?|means|enables?|allows?|indicates?)\b",
                              re.IGNORECASE)


_words = word_set  # parts' memo (lru_cache): unrelated_sentences has worked out most sentences' words already


def _share(part: str, other: str, names: frozenset[str] = frozenset(),
           wrapper: frozenset[str] | set[str] | None = None) -> tuple[float, int]:
    """(share of the part's content words that are in the other, the part's number of content words), leaving out the
    wrapper words a restatement adds ("X provides a way to <the objective>") and the paper's own name (the subject of
    any sentence about it, not content)."""
    return _share_words(part, _words(other), names, wrapper)


def _share_words(part: str, other: frozenset[str], names: frozenset[str] = frozenset(),
                 wrapper: frozenset[str] | set[str] | None = None) -> tuple[float, int]:
    """``_share`` against content words already worked out (a union of parts' words: no joined text re-read)."""
    wrapper = _WRAPPER if wrapper is None else wrapper
    a = _words(part) - wrapper - names
    if not a:
        return 0.0, 0
    return len(a & (other - wrapper)) / len(a), len(a)


def paper_names(title: str) -> frozenset[str]:
    """Content-word stems of the paper's name: a coined token of the title ("MedVLM-R1"), or a short title head before
    a colon ("Mobius: ...")."""
    head = title.split(":", 1)[0] if ":" in title and len(title.split(":", 1)[0].split()) <= 3 else ""
    return frozenset(_words(" ".join([head] + [m.group(0) for m in _COINED.finditer(title)])))


# The wrapper words a restated part adds around the words it repeats ("provides a way to", "enables", "helps").
_WRAPPER = {"provid", "way", "enabl", "offer", "allow", "help", "mean", "sugges", "impli", "can", "could", "may"}  # stems
# quality8: for the implication, also the words a takeaway wraps around a restated contribution without adding
# content: the kind of thing the work is ("a novel, effective, practical, simple ... approach / framework / technique /
# system") and degree words ("directly", "significantly", "robust"). Measured on the blind readings (rounds 1-7) and
# the archive: with them, 3 more engine implications a reader rejected reach the row threshold, no accepted one does,
# and the archive's firing rate goes from 1.3% to 2.3% (evals/validator_restate_thresholds.py --no-wrapper).
_TAKEAWAY_WRAPPER = frozenset(_WRAPPER | word_set("approach framework method technique system novel effective "
                                                        "efficient practical robust directly significantly simple "
                                                        "suggests potentially without"))


# --- restated parts --------------------------------------------------------------------------------------------------
# Class: a part that repeats another part's content words (an objective that is the one-line again; a takeaway that
# is the purpose clause, the opener or the result again). Overlap is measured on the part without its frame.

def restated_parts(parts: dict[str, _Part], names: frozenset[str] = frozenset(), title: str = "",
                   sentences: list[str] | None = None) -> list[Hit]:
    out = []
    obj, one, imp, res = (parts.get(k) for k in ("objective", "one_line", "implication", "results"))
    if obj and one:
        share, n = _share(obj.body, one.body, names)
        if n >= MIN_WORDS and share >= RESTATE:
            out.append(Hit("restated_part:objective",
                           f"the objective repeats the one-line opener ({share:.0%} of its words): state the question "
                           "or goal the paper pursues, not its contribution again"))
    if imp:
        meth = parts.get("methodology")
        for name, other in (("one-line opener", one), ("objective", obj), ("results", res), ("methodology", meth)):
            if other is None or other.index == imp.index:
                continue
            share, n = _share(imp.body, other.body, names, _TAKEAWAY_WRAPPER)
            if n >= MIN_WORDS and share >= RESTATE_IMPLICATION:
                out.append(Hit("restated_part:implication",
                               f"the implication repeats the {name} ({share:.0%} of its words): say what a "
                               "practitioner can do with the result"))
                break
        else:
            from .roles import content

            # the rest of the row and the title: the union of their words (content words are per token)
            rest = _words(title).union(*(_words(content(s)) for i, s in enumerate(sentences or []) if i != imp.index))
            share, n = _share_words(imp.body, rest, names, _TAKEAWAY_WRAPPER)
            if n >= MIN_WORDS and share >= RESTATE_ROW:
                out.append(Hit("restated_part:implication",
                               f"the implication only recombines the row's other parts ({share:.0%} of its words are "
                               "in them or the title): say what a practitioner can do that the row does not already "
                               "state"))
    return out


# --- an implication whose purpose is the objective (quality9) ---------------------------------------------------------
# Class: a takeaway built as "AI practitioners who need to <need> can use X to/for <purpose>" (or "can use X to
# <purpose>") whose need or purpose is the objective's goal again ("... can use IGL-Nav to improve visual navigation
# with an image as goal" after "The main research objective is to improve visual navigation with an image as goal",
# or "... can use FINEREASON for fine-grained evaluation of LLMs' reasoning" after the one-line saying just that):
# the row's whole-sentence share stays low (the need clause and the name add words), so the need and the purpose are
# compared with the objective each on its own. Thresholds from evals/validator_restate_thresholds.py (curves per round
# and reader, leave-one-round-out choice over rounds 1-8; evals/quality/README.md "quality9: validator").
RESTATE_OBJECTIVE_CLAUSE = 0.85  # ... this share of the clause's content words are in the objective or one-line
_USE_PURPOSE = re.compile(r"\bcan\s+(?:\w+ly\s+)?(?:use|apply|adopt|leverage|employ|deploy|utili[sz]e)\s+"
                          r"(?P<tool>[^,;]{1,80}?)\s+(?:in\s+order\s+to|to|for)\s+(?P<purpose>[^;]+?)[.!]?$",
                          re.IGNORECASE)
_NEED = re.compile(r"\bwho\s+(?:need|want|wish|aim|seek|have)\s+to\s+(?P<need>.+?)\s+(?:can|should|could)\b",
                   re.IGNORECASE)


def objective_clause_share(imp: _Part, obj: _Part | None, names: frozenset[str] = frozenset(),
                           one: _Part | None = None) -> tuple[float, str, str]:
    """(the largest share of the implication's need or purpose clause found in the objective or the one-line, that
    clause, the part it is in), counting only clauses of MIN_WORDS content words or more."""
    clauses = [m.group("purpose") for m in [_USE_PURPOSE.search(imp.rest)] if m]
    clauses += [m.group("need") for m in [_NEED.search(imp.rest)] if m]
    best, which, where = 0.0, "", ""
    for name, other in (("objective", obj), ("one-line opener", one)):
        if other is None or other.index == imp.index:
            continue
        for clause in clauses:
            share, n = _share(clause, other.body, names, _TAKEAWAY_WRAPPER)
            if n >= MIN_WORDS and share > best:
                best, which, where = share, clause, name
    return best, which, where


def restated_objective(parts: dict[str, _Part], names: frozenset[str] = frozenset()) -> list[Hit]:
    imp = parts.get("implication")
    if imp is None:
        return []
    share, clause, where = objective_clause_share(imp, parts.get("objective"), names, parts.get("one_line"))
    if share >= RESTATE_OBJECTIVE_CLAUSE:
        return [Hit("implication:restated_objective",
                    f"the implication's purpose is the {where} again ({share:.0%} of {clause[:50]!r} is in it): "
                    "say what the result lets a practitioner do that the row does not already state")]
    return []


# --- implications that are not takeaways -----------------------------------------------------------------------------

# Class: a release notice, "the code/data/models are (publicly) available / released / open-sourced", or the paper
# itself handing over a resource ("this paper provides a ... dataset").
_RELEASE = gated(
    r"\b(?:(?:code|data|dataset|datasets|models?|weights|checkpoints|benchmark|resources?|implementation)\b[^.;]{0,40}?"
    r"\b(?:(?:is|are|will be|have been|has been)\s+(?:made\s+)?(?:publicly\s+|freely\s+|openly\s+)?"
    r"(?:available|released|open[- ]sourced)|can be found)"
    r"|\b(?:release[sd]?|open[- ]sourced|open[- ]sources)\s+(?:the|their|its|our|a|an|all)?\s*(?:\w+\s+){0,3}"
    r"(?:code|data|dataset|models?|weights|benchmark|checkpoints)"
    r"|github\.com|huggingface\.co"
    r"|^(?:this|the)\s+(?:paper|work|study|authors?)\s+(?:also\s+)?(?:provides?|releases?|offers?|contributes?)\s+"
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}(?:dataset|training set|corpus|benchmark|suite|resource|toolkit|codebase))",
    re.IGNORECASE)
# Class: the authors' own claim or hope about their work, in the words abstracts use to sell it ("establishes a new
# paradigm", "paves the way", "highlights its potential", "a pivotal step", "we hope", "opens new avenues").
_CLAIM = gated(
    r"\b(?:new|novel)\s+paradigm|\bpav(?:e|es|ed|ing)\s+the\s+way|\bopens?\s+(?:up\s+)?(?:new\s+)?(?:avenues|doors|"
    r"possibilities|directions)|\b(?:pivotal|crucial|important|significant|first|key)\s+step\b|\bhopes?\b|\bhoped\b|"
    r"\bpotential\s+to\s+(?:transform|revolutioni[sz]e|reshape|advance)|\bhighlights?\s+(?:\w+\s+){0,3}potential\b|"
    r"\bsheds?\s+(?:new\s+|novel\s+)?(?:light|insights?)|\bstrengthens?\s+(?:\w+\s+){0,2}understanding|"
    r"\blays?\s+(?:the\s+|a\s+)?(?:groundwork|foundation)|\bpromising\s+(?:direction|avenue)|"
    r"\bfundamentally\s+shift|\btransform\w*\s+(?:[\w\-]+\s+){0,6}from\b[^.;]{0,80}\binto\b",
    re.IGNORECASE)
# Class (quality8): the work's verdict on itself as the takeaway ("This work establishes a generalizable approach for
# ...", "This paper represents a significant advance ..."): a status the authors claim, not what a reader can do.
_SELF_CLAIM = gated(r"^(?:this|the|our)\s+(?:work|paper|study|research)\s+(?:\w+ly\s+)?(?:establishes|represents|"
                    r"constitutes|marks|sets)\b", re.IGNORECASE)
# Class: what the authors did ("the authors perform ...", "the authors focus on ...", "we propose"): a report of the
# work, not what a practitioner gains from it.
_AUTHORS = gated(r"(?:^|,\s+|\bthat\s+)(?:the\s+authors|the\s+researchers|we)\s+(?:\w+ly\s+)?"
                      r"(?:perform|focus|propose|present|introduce|investigate|"
                      r"study|studies|explore|examine|construct|build|design|develop|use|employ|conduct|analy[sz]e|"
                      r"evaluate|find|found|show|demonstrate|first|then|also)\w*\b", re.IGNORECASE)
# Class: a measured outcome with the method as subject ("the approach significantly improves ...", "the model
# outperforms ..."): a result, which the results part states.
_RESULT_VERB = re.compile(r"^(?:the|this|their|its|our)?\s*(?:proposed\s+)?(?:approach|method|model|framework|system|"
                          r"technique|algorithm|pipeline)\s+(?:\w+ly\s+)?(?:improves|outperforms|surpasses|achieves|"
                          r"beats|exceeds|reduces|increases|delivers|matches|yields|attains|reaches)\b", re.IGNORECASE)
_PERF = re.compile(r"\d(?:[\d.,]*)\s*(?:%|×|x\b|-?fold|points?\b|pp\b|percent)", re.IGNORECASE)
# Class (quality5): a finding restated as something to be aware of ("AI practitioners should be aware that existing
# datasets contain X", "... should note that the router does not ..."): a result again, with no action attached.
_FINDING = gated(r"\b(?:should|must|need\s+to)\s+(?:be\s+aware|note|notice|recogni[sz]e|keep\s+in\s+mind)\s+"
                      r"that\b", re.IGNORECASE)
# A sentence copied from the abstract: at least this share of the implication's words in one run of abstract words.
COPIED = 0.8
_TOKEN = re.compile(r"[a-z0-9]+")


def _copied_share(body: str, abstract: str) -> float:
    """The longest run of the body's words that appears, in order, in the abstract, over the body's length."""
    b = _TOKEN.findall(body.lower())
    if len(b) < 6:
        return 0.0
    a = " " + " ".join(_TOKEN.findall(abstract.lower())) + " "
    best = 0
    i = 0
    while i < len(b):  # greedy extension from each start: runs are contiguous, so this finds the longest one
        j = i + best + 1
        if j > len(b):
            break
        if f" {' '.join(b[i:j])} " in a:
            while j < len(b) and f" {' '.join(b[i:j + 1])} " in a:
                j += 1
            best = j - i
        i += 1
    return best / len(b)


def implication_findings(parts: dict[str, _Part], abstract: str | None,
                         names: frozenset[str] = frozenset()) -> list[Hit]:
    imp = parts.get("implication")
    if imp is None:
        return []
    body = imp.rest
    if _RELEASE.search(body):
        return [Hit("implication:release", "the implication is a release notice: say what a practitioner can do "
                                           "with the method or finding, or leave the part out")]
    if _AUTHORS.search(body):
        return [Hit("implication:authors", "the implication reports what the authors did: say what a practitioner "
                                           "can do differently because of the result")]
    if _RESULT_VERB.search(body):
        return [Hit("implication:result", "the implication restates a result: put the outcome in the results and "
                                          "say what it lets a practitioner do")]
    m = _CLAIM.search(body) or _SELF_CLAIM.search(body)
    if m:
        return [Hit("implication:claim", f"the implication is the authors' claim or hope ({m.group(0)!r}): state a "
                                         "concrete consequence for practitioners instead")]
    hit = prior_work_caution(body, imp.body, None, names)  # the caution names prior work's deficiency itself
    if hit:
        return [hit]
    m = _FINDING.search(body)
    if m:
        return [Hit("implication:finding", "the implication restates a finding ('should be aware that ...'): say what "
                                           "a practitioner should do differently because of it")]
    hit = prior_work_caution(body, imp.body, abstract, names)  # ... or its words come from the abstract's motivation
    if hit:
        return [hit]
    if abstract and _copied_share(body, abstract) >= COPIED:
        return [Hit("implication:claim", "the implication is one of the abstract's own sentences (the authors' claim "
                                         "about their work): write what practitioners can do with it")]
    if abstract and not _ADOPTION.search(body):
        share, sentence = _restated_abstract_sentence(imp.body, abstract, names)
        if share >= RESTATED_CLAIM:
            return [Hit("implication:restated_claim", f"the implication says again an abstract sentence ({share:.0%} "
                                                      f"of its words are in {sentence[:50]!r}...): say what a "
                                                      "practitioner can do that the abstract does not already claim")]
    return []


# Class (quality5): an implication that is one abstract sentence reworded: its content words (besides the paper's
# name and the wrapper words "can use ... to") nearly all come from a single sentence of the abstract, usually the
# authors' result or capability claim ("AI practitioners can use X to enhance Y, improve Z and provide a
# cost-efficient alternative" from "X enhances Y, improves Z and provides a cost-efficient alternative"). A takeaway
# adds the consequence for the reader, which the abstract's sentence does not state. Measured on the blind readings'
# reference rows (written from full papers): no implication a reader accepted reaches 0.7 (0.75 leaves the test-only
# hand-written rows of the sample day passing; same recall on rounds 1-4). An abstract sentence that
# already speaks to practitioners or draws a consequence ("X lets practitioners serve ...", "this suggests ...") is a
# takeaway itself and is not compared.
RESTATED_CLAIM = 0.75
# A recommendation to adopt the work in place of something ("use X as a drop-in replacement for Y", "X can serve as a
# more transparent alternative to Z"), or a statement of the applications it is for ("use X as a robust solution for
# applications requiring Y", "X is well suited to edge deployment"), is a takeaway even when the abstract says the
# same: it tells the practitioner where the work fits (the readers accepted both shapes).
_ADOPTION = gated(r"\bas\s+(?:a|an)\s+(?:[\w\-]+\s+){0,4}?(?:replacement|alternative|substitute|drop-in|default|"
                       r"solution\s+(?:for|to))\b|\b(?:well\s+)?suited\s+(?:for|to)\b|\bfor\s+applications\s+"
                       r"(?:requiring|that|where|in|such)\b", re.IGNORECASE)
_ABSTRACT_TAKEAWAY = gated(r"\b(?:practitioners?|engineers|developers|users|deployers)\b|\b(?:suggests?|implies|"
                                r"implications?)\b", re.IGNORECASE)
_ABSTRACT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")


def _restated_abstract_sentence(body: str, abstract: str, names: frozenset[str]) -> tuple[float, str]:
    best, where = 0.0, ""
    for sentence in _ABSTRACT_SENTENCE.split(abstract):
        if _ABSTRACT_TAKEAWAY.search(sentence):
            continue  # the abstract states the takeaway itself: saying it again is the takeaway
        share, n = _share(body, sentence, names)
        if n >= MIN_WORDS and share > best:
            best, where = share, sentence
    return best, where


# --- an implication that is a caution drawn from prior work (quality8) ----------------------------------------------
# Class: a caution or check addressed to the reader ("AI practitioners should test current X on Y before relying on
# them", "... should check whether <a common component> produces Z", "... should be aware that existing methods fail
# to ...") whose subject is what EXISTING work lacks, not what this paper found or built: the abstract's motivation
# ("However, current 3D VLMs often struggle with ...") turned into advice. Readers reject it as "a generic caution about
# prior models, not a takeaway from this work". Two ways to tell: the caution itself names prior work with a
# deficiency ("existing/current/prior/conventional X fail/struggle/lack ..."), or, with the abstract, the abstract
# sentence that holds most of the caution's words comes before the abstract's own contribution ("we propose ...",
# "this paper introduces ...") or itself states a prior-work deficiency. A caution drawn from the paper's own finding
# ("we find that LLMs produce more hallucinations in Hindi" -> "... should check their outputs for hallucinations")
# is not matched.
_CAUTION = gated(r"\bshould\s+(?:not\s+rely|test|check|verify|validate|audit|evaluate|monitor|avoid|be\s+(?:aware|"
                 r"cautious|careful|wary)|keep\s+in\s+mind|note|recogni[sz]e|consider\s+whether)\b|"
                 r"\bbefore\s+relying\b|\bwithout\s+testing\b", re.IGNORECASE)
_PRIOR = (r"(?:existing|current|prior|previous|conventional|traditional|mainstream|standard|off-the-shelf|"
          r"today's|contemporary|earlier)")
_DEFICIT = (r"(?:fail\w*|struggl\w*|lack\w*|limited|limitations?|suffer\w*|cannot|can\s*not|unable|insufficient|"
            r"inadequate|poor\w*|degrad\w*|neglect\w*|overlook\w*|ignor\w*|(?:do|does|did)\s+not|not\s+always|"
            r"fall\w*\s+short|break\w*\s+down|challeng\w*|bottleneck\w*|vulnerab\w*|remain\w*\s+(?:a\s+)?"
            r"(?:open|unsolved|difficult))")
_PRIOR_DEFICIT = gated(rf"\b{_PRIOR}\s+(?:[\w\-]+\s+){{0,5}}?[^.;]{{0,80}}?\b{_DEFICIT}\b", re.IGNORECASE)
_OWN_WORK = re.compile(r"\b(?:we|this\s+(?:paper|work|study))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|"
                       r"design|build|construct|release|contribute|offer|devise)\w*\b"
                       r"|\b(?:this|our)\s+(?:paper|work|study)\s+(?:\w+\s+)?(?:propose|introduce|present)\w*\b",
                       re.IGNORECASE)
# The words a caution wraps around its subject ("should test ... before relying on them"): not content.
_CAUTION_WORDS = frozenset(_words("should test check verify validate audit evaluate monitor avoid aware cautious "
                                  "careful wary keep mind note recognize recognise consider whether before relying rely "
                                  "without testing first them deploying using outputs"))


def prior_work_caution(body: str, core: str, abstract: str | None, names: frozenset[str]) -> Hit | None:
    if not _CAUTION.search(body):
        return None
    m = _PRIOR_DEFICIT.search(body)
    if m is None and abstract:
        sentences = _ABSTRACT_SENTENCE.split(abstract)
        own = next((i for i, s in enumerate(sentences) if _OWN_WORK.search(s)), None)
        best, where = 0.0, None
        for i, sentence in enumerate(sentences):
            share, n = _share(core, sentence, names, _WRAPPER | _CAUTION_WORDS)
            if n >= MIN_WORDS and share > best:
                best, where = share, i
        if where is not None and best >= 0.5 and (
                (own is not None and where < own) or _PRIOR_DEFICIT.search(sentences[where])):
            m = _PRIOR_DEFICIT.search(sentences[where]) or re.match(r".{0,60}", sentences[where])
    if m is None:
        return None
    return Hit("implication:prior_work", f"the implication is a caution drawn from prior work's limitations "
                                         f"({m.group(0).strip()[:60]!r}), not a takeaway from this paper: say what a "
                                         "practitioner can do with what the paper built or found")


# --- the authors' claim in another part ------------------------------------------------------------------------------
# Class: the authors' promotional claim or hope (the _CLAIM phrases) stated in the objective, methodology or results
# slot, where a reader expects what was asked, done or measured ("MedVLM-R1 marks a pivotal step toward ...").

def claim_in_part(sentences: list[str], parts: dict[str, _Part]) -> list[Hit]:
    imp = parts.get("implication")
    others = [(i, s) for i, s in enumerate(sentences[1:], 1) if imp is None or i != imp.index]
    if not others or _CLAIM.search(" ".join(s for _, s in others)) is None:  # one search for the common case
        return []
    for i, s in others:
        m = _CLAIM.search(s)
        if m:
            return [Hit("claim_in_part", f"sentence {i + 1} is the authors' claim or hope ({m.group(0)!r}), not what "
                                         "they asked, did or measured: replace it with that")]
    return []


# --- results without a number ----------------------------------------------------------------------------------------
# Class: a results part that claims a measured outcome (a comparison or a gain) but gives no number anywhere in the row.
_OUTCOME = gated(r"\b(?:outperform\w*|surpass\w*|beat|beats|exceed\w*|better|higher|lower|faster|fewer|"
                      r"improv\w*|gains?|boost\w*|state-of-the-art|sota|superior|reduc\w*|increas\w*|"
                      r"comparable|matches|preferred|significant(?:ly)?|large margin|competitive|effective\w*)\b",
                      re.IGNORECASE)
_DIGIT = re.compile(r"\d")


# A measured quantity: a number standing alone (not part of a name like "LLaMA3-8B" or a block id like "up.0.1").
_QUANTITY = gated(r"(?<![\w.\-])\d+(?:[.,]\d+)*(?:\s*(?:%|×|x\b|-?fold|points?\b|pp\b|percent\b))?(?![\w\-]|\.\d)")


# A number that reports a measured result: a percentage, a factor or points, or a decimal ("0.38 rFID", "80.2").
_RESULT_NUMBER = gated(_PERF.pattern + r"|(?<![\w.\-])\d+\.\d+(?![\w\-]|\.\d)", re.IGNORECASE)


def results_without_number(sentences: list[str], parts: dict[str, _Part], abstract: str | None) -> list[Hit]:
    """Not raised where the abstract reports no measured number either: no faithful row could give one."""
    res = parts.get("results")
    # the results sentence and the one after it (a split at an abbreviation can move the number there)
    texts = [res.rest] + sentences[res.index + 1:res.index + 2] if res else sentences[1:]
    if any(_QUANTITY.search(t) for t in texts) or any(_PERF.search(s) for s in sentences[1:]):
        return []
    m = next((m for t in ([res.rest] if res else texts) if (m := _OUTCOME.search(t))), None)
    if m is None:
        return []
    if abstract is not None and not _RESULT_NUMBER.search(abstract):
        # quality5: the rubric asks for a number whatever the abstract holds, and the blind readers reject such rows;
        # but a faithful row written from this abstract cannot give one (the number is in the full paper). A warning,
        # not an error: as an error it would hold back ~60% of rows (21 of 34 dev abstracts report no performance
        # number), so `daily` would never publish unattended, and the test-only hand-written rows of the sample day
        # could not pass. The reviewer sees it; evals/quality/README.md ("quality5: validator") gives recall both ways.
        return [Hit("results_without_number", f"the results claim a measured outcome ({m.group(0)!r}) but the "
                                              "abstract gives no number: take it from the full paper, or review "
                                              "the row", "warning")]
    return [Hit("results_without_number", f"the results claim a measured outcome ({m.group(0)!r}) without a number: "
                                          "give the number the abstract reports for it")]


# --- objectives that are not the paper's goal (quality5) ------------------------------------------------------------
# Class: an objective that restates the problem or a limitation of prior work as its goal ("to address the lack of
# X", "to overcome the inability of LLMs to ...", "to address the challenge of Y"): the reader learns what is wrong
# with the field, not what the paper sets out to achieve. The nouns are the ones a deficiency takes (lack, absence,
# inability, failure, reliance, dependence, a single "challenge" of a thing); "the challenge of deploying X" (a goal:
# deploy X), "the limitations of X", "the gap between",
# "the challenges of" and a named defect ("poor generalization", "the computational overhead of") are the archive's
# own accepted phrasing of a goal and are not matched.
_PROBLEM_OBJECTIVE = gated(
    r"^(?:to\s+)?(?:address|overcome|tackle|solve|mitigate|alleviate|remedy|resolve|fix)\s+(?:the|a|an|this)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:(?:lack|absence|inability|failure|reliance|dependence|dependency)\s+(?:of|in|on|to)\b"
    r"|challenge\s+(?:of|in)\s+(?!\w+ing\b))", re.IGNORECASE)
# Class: an objective that is the method's mechanism: most of its content words are the methodology's (the same
# clause in both parts: "to model a growing set of X" and "datasets ... that model a growing set of X").


def objective_findings(parts: dict[str, _Part], names: frozenset[str] = frozenset()) -> list[Hit]:
    obj = parts.get("objective")
    if obj is None:
        return []
    m = _PROBLEM_OBJECTIVE.search(obj.rest.strip())
    if m:
        return [Hit("objective:problem", f"the objective restates a problem or a prior-work limitation "
                                         f"({m.group(0).strip()!r}): state the goal the paper pursues (what it "
                                         "builds, measures or answers)")]
    meth = parts.get("methodology")
    if meth is not None and meth.index != obj.index:
        share, n = _share(obj.body, meth.body, names)
        if n >= MIN_WORDS and share >= RESTATE:
            return [Hit("objective:mechanism", f"the objective repeats the methodology ({share:.0%} of its words): "
                                               "state the question or goal, not how the method works")]
    return []


# --- an objective folded into the one-line (quality8) ----------------------------------------------------------------
# Class: a row with no objective sentence whose opener carries the goal as a trailing clause ("X introduces a framework
# for Y, aiming to enable Z."; ", with the goal of ...", ", in order to ..."): the reader gets the goal only as an aside
# of the contribution, not as its own part. Archive rows: 0.4% (evals/validator_content_rates.py).
_FOLDED_GOAL = gated(r",\s+(?:aiming|seeking|striving|intending)\s+to\b|,\s+with\s+the\s+(?:aim|goal|objective)\s+of\b|"
                     r",\s+in\s+order\s+to\b", re.IGNORECASE)
_GOAL_WORDS = gated(r"(?<![\w-])(?:objective|aims?|aimed|goal|seeks?|sought|purpose)(?![\w-])", re.IGNORECASE)


def objective_folded(sentences: list[str], parts: dict[str, _Part]) -> list[Hit]:
    if len(sentences) < 2 or "objective" in parts:
        return []
    m = _FOLDED_GOAL.search(sentences[0])
    if m is None or any(_GOAL_WORDS.search(s) for s in sentences[1:]):
        return []
    return [Hit("objective:folded", f"the objective is only a clause of the opening sentence ({m.group(0)[2:]!r}...): "
                                    "give the goal its own sentence")]


# --- a vague one-line (quality5) -------------------------------------------------------------------------------------
# Class: an opener that only names the paper's artefact and its kind ("This paper proposes X, a foundation model.",
# "The authors present Y, a novel method."): an appositive of at most three words with no verb, preposition or clause
# after it says nothing about what the paper does.
_VAGUE_ONE_LINE = re.compile(
    r"^(?:this\s+(?:paper|work|study)|the\s+(?:authors|paper))\s+(?:\w+\s+)?(?:introduces?|proposes?|presents?|"
    r"describes?|develops?|releases?)\s+[^,]{1,60},\s+(?:a|an)\s+((?:[\w\-]+\s+){0,2}[\w\-]+)\s*\.?$",
    re.IGNORECASE)
_NOT_BARE = re.compile(r"\b(?:for|that|which|to|with|of|on|in|by|using|via|from|and|or|where|whose)\b",
                       re.IGNORECASE)


def one_line_vague(sentences: list[str]) -> list[Hit]:
    if not sentences:
        return []
    m = _VAGUE_ONE_LINE.match(sentences[0].strip())
    if m is None or _NOT_BARE.search(m.group(1)):
        return []
    return [Hit("one_line:vague", f"the opening sentence gives only the name and a kind ({m.group(1)!r}): say what "
                                  "it does, for which task, and how")]


# --- a missing takeaway ----------------------------------------------------------------------------------------------
# Class: a row that ends on a sentence framed as another part (results, methodology): nothing after it is a takeaway.

def ends_without_takeaway(sentences: list[str], parts: dict[str, _Part]) -> list[Hit]:
    from .roles import strip_frame

    if len(sentences) < 2 or "implication" in parts or strip_frame(sentences[-1])[0] in (None, "implication"):
        return []
    return [Hit("missing_part:implication", "the row ends on its results: add one sentence on what practitioners can "
                                            "do with them")]


# --- names used before they are introduced ---------------------------------------------------------------------------
# Class: the paper's own coined name (one the abstract introduces: "we propose FlexiDiT", "dubbed X", "X, a novel ...")
# or a capitalised component ("the Generator") whose first use in the row is not where the row says what it is.
# Names of existing models, datasets and benchmarks (Llama3, RoBERTa, MATH500) are not coined by the paper: not checked.
# Introduced: in the title or the opening sentence, earlier in the row, or where first used with an introducing
# construction ("X, a ...", "X (...)", "called/named/dubbed X", "introduces X", "X is a", "the new X benchmark").
_NAME = r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
_COINED = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z]{2,}[a-z]+[A-Za-z0-9]*|"
                     r"[A-Z][A-Za-z]*\d[A-Za-z0-9]*|[A-Z]{4,})(?:-[A-Za-z0-9]+)*(?![\w-])")
_ABSTRACT_INTRO = re.compile(rf"\b(?:propose|introduce|present|call|name|dub|term|develop|design)\w*\s+"
                             rf"(?:the\s+|a\s+|an\s+)?"
                             rf"(?:[\w\-]+\s+){{0,4}}?({_NAME})(?=\s*(?:,|\(|:|--|-\s|\.|$|\s+(?:which|that|to|for)\b))"
                             rf"|\b({_NAME}),\s+(?:a|an)\s+(?:novel|new|simple|unified|general|efficient|scalable|"
                             rf"[\w\-]+\s+(?:framework|method|approach|model|benchmark|dataset|system|algorithm))")
_COMPONENT = re.compile(r"\b[Tt]he\s+([A-Z][a-z]{3,}(?:or|er))\b(?![\-\d]|\s+(?:et al|[A-Z]|\d))")
_KIND = r"(?:benchmark|dataset|model|models|framework|method|approach|system|module|agent|suite|tokenizer|algorithm)"


def _introduced(name: str, sentence: str) -> bool:
    n = re.escape(name)
    return re.search(rf"{n}(?:[\w\-]*\s+[\w\-]+)?\s+{_KIND}\b|"
                     rf"{n}\s*(?:,\s*(?:a|an|the|which)\b|\(|:|--|\s+(?:is|are)\s+(?:a|an)\b)|"
                     rf"(?:called|named|dubbed|termed|introduc\w*|propos\w*|present\w*|develop\w*)\s+(?:the\s+|a\s+)?"
                     rf"(?:[\w\-]+\s+){{0,3}}{n}\b|\({n}\)|\b(?:a|an)\s+(?:[\w\-]+\s+){{0,2}}{n}\b",
                     sentence) is not None


def coined_names(abstract: str) -> set[str]:
    """Names the abstract introduces as the paper's own (its method, model, benchmark or component)."""
    out = set()
    for m in _ABSTRACT_INTRO.finditer(abstract):
        name = m.group(1) or m.group(2)
        if name and _COINED.fullmatch(name) and name.upper() not in _COMMON:
            out.add(name)
    return out


def undefined_names(title: str, sentences: list[str], abstract: str | None) -> list[Hit]:
    if len(sentences) < 2 or not abstract:  # both kinds of name are known only from the abstract
        return []
    coined = coined_names(abstract) if abstract else set()
    seen = title + " " + sentences[0]
    for s in sentences[1:]:
        names = [m.group(0) for m in _COINED.finditer(s) if m.group(0) in coined]
        # a capitalised role name counts only when the abstract uses it capitalised (its own component)
        names += [m.group(1) for m in _COMPONENT.finditer(s)
                  if abstract and m.group(1) in abstract and m.group(1).lower() not in _NOT_COMPONENT]
        for name in dict.fromkeys(names):
            if re.search(rf"(?<![\w-]){re.escape(name)}", seen) or _introduced(name, s):
                continue
            return [Hit("undefined_name", f"{name!r} is used before the row says what it is: introduce it "
                                          "('X, a ...') where it first appears, or describe it without the name")]
        seen += " " + s
    return []


# Capitalised words after "the" that are not a component's name (sentence openers, titles, places).
_NOT_COMPONENT = {"authors", "paper", "study", "research", "results", "method", "methodology", "approach", "main",
                  "primary", "principal", "key", "proposed", "model", "framework", "objective", "implication", "work",
                  "first", "second", "third", "final", "same", "most", "best", "new", "these", "this", "their",
                  "transformer", "winner", "former", "latter", "center", "computer", "user", "river", "ever"}


# Acronyms a reader of AI papers knows without an introduction.
_COMMON = dict.fromkeys(
    "LLM LLMS VLM VLMS MLLM MLLMS GPT BERT CLIP COT RL RLHF DPO PPO GRPO SFT NLP CNN RNN GAN GANS VAE DIT VIT MOE LORA "
    "RAG API GPU GPUS CPU TPU SOTA FID BLEU ROUGE MSE AUC AUROC IOU MIOU QA VQA ASR TTS OCR MCTS SAM 3D 2D RGB RGBD "
    "SLAM NERF LIDAR KV FLOPS TFLOPS ELO AI AGI ML DL NN MLP MLPS LSTM SVD PCA KL SGD ADAM IMAGENET COCO "
    "GSM8K MATH MMLU HUMANEVAL SWE ARXIV GITHUB JSON HTML SQL URL".split(), True)


# --- the opening sentence is the title -------------------------------------------------------------------------------
# Class: an opener that is the paper's title set as a sentence ("Building Interactable Replicas ... via Gaussian
# Splatting."), with no verb about the paper: the one-line should say what the paper does.

def one_line_is_title(title: str, sentences: list[str]) -> list[Hit]:
    if not sentences or not title.strip():
        return []
    t = _TOKEN.findall(title.lower())
    o = _TOKEN.findall(sentences[0].lower())
    if t and o and (o == t or (len(o) <= len(t) + 2 and o[:len(t)] == t)):
        return [Hit("one_line_is_title", "the opening sentence is the title: say in one sentence what the paper "
                                         "does or finds")]
    return []


# --- comma splices (quality8) ----------------------------------------------------------------------------------------
# Class: two independent clauses joined by a comma alone ("X demonstrated gains of 5.1%, when starting from Y, the
# accuracy increased from 82.3% to 87.4%."): a full clause (a subject and a finite reporting/result verb, not inside a
# "while/when/if ..." clause, not a "that ..." complement, no "and/but/while" after it) followed by ", the/this/it/
# they ... <finite verb>". Only after the last ";" or ":" (a semicolon join is correct). A closed list of finite verbs
# stands in for a parser, so this sees only splices whose second clause uses one of them: 2 archive rows (0.04%),
# both true splices (evals/quality/README.md, "quality8: validator").
_FINITE = (r"(?:achieves|achieved|outperforms|outperformed|improves|improved|shows|showed|demonstrates|demonstrated|"
           r"reduces|reduced|increases|increased|decreases|decreased|reaches|reached|yields|yielded|attains|attained|"
           r"surpasses|surpassed|drops|dropped|rises|rose|is|are|was|were|has|have|had|gains|gained|performs|"
           r"performed|scores|scored|obtains|obtained|leads|led)")
_FINITE_RX = re.compile(rf"\b{_FINITE}\b", re.IGNORECASE)
_SPLICE = gated(rf",\s+(?:the|this|these|it|they|its|their)\b(?:\s+[\w\-]+){{0,4}}?\s+{_FINITE}\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:while|whereas|although|though|when|if|since|because|once|after|before|unless|"
                          r"whether)\b", re.IGNORECASE)
_JOINED = re.compile(r"\bthat\b|(?:^|,)\s*(?:and|but|or|while|whereas|although|though|so|yet|as|because|since)\b",
                     re.IGNORECASE)
_OPENS_SUBORDINATE = re.compile(r"\s*(?:while|whereas|although|though|when|if|as|since|because|\w+ed)\b",
                                re.IGNORECASE)


_SPLICE_GATE = LowerGate(_SPLICE)  # _SPLICE's own search, asked of the lower-cased ASCII text first (regex_gate)


def comma_splice(sentences: list[str]) -> list[Hit]:
    for s in sentences:
        # speed: a sentence where _SPLICE finds nothing (asked of the lower-cased ASCII text first) is not iterated
        for m in (_SPLICE.finditer(s) if _SPLICE_GATE.search(s) else ()):
            head = re.split(r"[;:]", s[:m.start()])[-1]
            first = _FINITE_RX.search(head)
            if (first is None or _SUBORDINATE.search(head[:first.start()]) or _JOINED.search(head[first.end():])
                    or _OPENS_SUBORDINATE.match(head)):
                continue
            return [Hit("fluency:comma_splice", f"two clauses joined by a comma alone ({m.group(0).strip(', ')!r} "
                                                "starts a new clause): split the sentence or join with 'and' or ';'")]
    return []


# --- a dangling "their" (quality9) -----------------------------------------------------------------------------------
# Class: "their" before a work of the authors ("their method outperforms", "their proposed framework", "in their
# study") in a row that has not yet named anyone who could own a method or a study: the authors, researchers,
# "we"/"they", a team, named people, or other works ("prior methods ... their approach"). An engine turns the
# abstract's "our" into "their" and the row reads as if the owner were lost. Only a method/approach/study-like noun:
# "their data/architecture/outputs" is often the models' own ("LLMs and their training data"), and "their own" is
# reflexive; a hyphenated compound ("their method-level ...") is a modifier. Archive rate and its hits read: evals/quality/README.md "quality9: validator".
_THEIR_WORK = gated(r"\btheir\s+(?:(?:proposed|new|novel)\s+[\w]+|(?:[\w]+\s+)?(?:method|methods|approach|"
                    r"approaches|study|work|analysis|experiments|technique|pipeline|algorithm|findings|"
                    r"contributions))\b(?![\-])", re.IGNORECASE)
# who could own a method or a study: people and groups (also named ones, "Smith and Lee introduce ..."), "we", "they",
# "them", or other works
_OWNER = re.compile(r"\b(?:authors?|researchers?|we|they|them|team|teams|scientists|investigators|developers|"
                    r"practitioners|engineers|users|participants|annotators|experts|humans|people|companies|"
                    r"organi[sz]ations|labs|groups|works|studies|papers|methods|approaches|frameworks|systems|"
                    r"baselines|techniques|algorithms|pipelines|competitors|clinicians|students|agents)\b", re.IGNORECASE)
_NAMED = re.compile(r"\b[A-Z][a-z]+\s+(?:and\s+[A-Z][a-z]+|et\s+al)\b")  # case-sensitive: named people


def dangling_their(sentences: list[str]) -> list[Hit]:
    before = ""
    for s in sentences:
        # speed: every match holds "their" (in ASCII text IGNORECASE is plain case folding; other text is searched)
        for m in (_THEIR_WORK.finditer(s) if not s.isascii() or "their" in s.lower() else ()):
            if not (_OWNER.search(before + " " + s[:m.start()]) or _NAMED.search(before + " " + s[:m.start()])):
                return [Hit("glue:dangling_their", f"{m.group(0)!r} has no owner in the row (no authors, researchers "
                                                   "or other works before it): name whose it is")]
        before += " " + s
    return []


# --- no sentence for the objective (quality9) ---------------------------------------------------------------------
# Class: a four-sentence row whose sentences after the opener are the methodology, the results and the implication
# (by their frames, or the takeaway last): the objective has no sentence, whatever the classifier reads into the
# others ("While much research has focused on X, this study extends ... The key methodology involves ... Primary
# results show ... AI practitioners ..."). The archive (4,822 rows) has none; the classifier-based missing_part check
# misses it when the opener or the method carries goal words.

def objective_absent(sentences: list[str], parts: dict[str, _Part]) -> list[Hit]:
    if sum(1 for s in sentences if len(s.split()) > 2) != 4 or "objective" in parts:
        return []
    if all(k in parts and parts[k].index > 0 for k in ("methodology", "results", "implication")):
        return [Hit("objective:absent", "no sentence states the objective (the opener, then methodology, results "
                                        "and implication): add the question or goal the paper pursues")]
    return []


# --- sentence count --------------------------------------------------------------------------------------------------
# Class: a row of 3 or fewer sentences has an empty part; 6 or more is padded or holds an extra part out of order.

def sentence_count(sentences: list[str]) -> list[Hit]:
    n = sum(1 for s in sentences if len(s.split()) > 2)  # not list markers ("1.") split off as sentences
    if n <= 3:
        return [Hit("sentence_count", f"{n} sentences: a part is empty; write one sentence for each of the five parts")]
    if n >= 6:
        return [Hit("sentence_count", f"{n} sentences: keep one sentence for each of the five parts")]
    return []


# --- glue: glue.py's classes ----------------------------------------------------------------------------------------

# glue.py's spacing class is the one registered here as fluency:spacing (q4glue: one code for one class)
# validate.py registered "glue:stacked_frames" first: one code for one class
_GLUE_ALIASES = {"glue:spacing": "fluency:spacing", "glue:stacked_frame": "glue:stacked_frames"}


def glue_hits(summary: str) -> list[Hit]:
    """glue.glue_findings' seams (one class, one code), as validator hits."""
    from . import glue
    from .validate import CODES as REGISTERED  # the code's own description, the re-ask's feedback

    out = []
    for code, evidence in glue.glue_findings(summary):
        code = _GLUE_ALIASES.get(code, code)
        what = CODES.get(code) or REGISTERED.get(code) or "a seam of cut-and-framed text"
        shown = f" ({evidence[:60]!r})" if evidence else ""
        out.append(Hit(code, f"{what}{shown}: rewrite it as plain prose"))
    return out


def content_hits(title: str, summary: str, abstract: str | None = None, *, glue: bool = True) -> list[Hit]:
    """Every content finding for one row, at most one per code."""
    sentences = summary_sentences(summary.strip())
    if not sentences:
        return []
    parts = _locate(sentences)
    names = paper_names(title)
    hits = (sentence_count(sentences) + one_line_is_title(title, sentences)
            + restated_parts(parts, names, title, sentences) + restated_objective(parts, names)
            + implication_findings(parts, abstract, names) + claim_in_part(sentences, parts)
            + objective_findings(parts, names) + objective_folded(sentences, parts) + one_line_vague(sentences)
            + objective_absent(sentences, parts)
            + results_without_number(sentences, parts, abstract)
            + ends_without_takeaway(sentences, parts) + comma_splice(sentences) + dangling_their(sentences)
            + undefined_names(title, sentences, abstract) + (glue_hits(summary) if glue else [])
            + quality11_hits(title, sentences, parts) + quality15_hits(title, summary, parts))
    seen: set[str] = set()
    return [h for h in hits if not (h.code in seen or seen.add(h.code))]


def quality11_hits(title: str, sentences: list[str], parts: dict[str, _Part]) -> list[Hit]:
    """quality11's checks, in their own modules: an implication paraphrasing the one-line or the objective
    (paraphrase.py), grammar/notation slips (slips.py), the work called 'a robust solution' (closing_claim.py)."""
    from .closing_claim import solution_claim_hits
    from .paraphrase import paraphrase_hits
    from .slips import slip_hits

    return paraphrase_hits(parts, title) + slip_hits(sentences) + solution_claim_hits(parts)


def quality15_hits(title: str, summary: str, parts: dict[str, _Part]) -> list[Hit]:
    """quality15's checks (echo_checks.py): an objective that contains the one-line again, template section labels
    ("i) ... v)") left in the prose (read on the raw summary: the sentence splitter drops list markers), and (a warning,
    closing_claim.py) an implication that is the results' comparison again."""
    from .closing_claim import comparative_verdict_hits
    from .echo_checks import echo_check_hits

    return echo_check_hits(title, summary, parts) + comparative_verdict_hits(parts)


# Speed (the same matches): these IGNORECASE patterns, searched on every row, are first asked of the lower-cased
# ASCII text without the flag, where the regex engine runs about twice as fast (regex_gate.LowerGate); a hit searches
# the pattern itself.
_CLAIM, _RELEASE, _OUTCOME = LowerGate(_CLAIM), LowerGate(_RELEASE), LowerGate(_OUTCOME)
