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

from ..glue import introduce_names, one_spelling
from ..numbers import has_number
from ..parts import MISPLACED, PERF_NUMBER, PRESENT
from ..text import split_sentences
from ..types import Paper, Summary
from .base import Engine, NoAbstract
from .contribution import (background_goal, resolved_background, caused_cost_goal, contribution_one_line, costless, costly_goal, goal_split, introduces, prior_focus_one_line,
                           problem_goal, stated_tasks, states_own_work, study_purpose, task_definition, title_goal)
from .takeaway import repeats, write_takeaway
from .rewrite import (_BACK_PURPOSE, third_base, points_back, without_solved_reference, _base_verb, _BACK_REFERENCE, _purpose, coordinated_verbs, drop_light_verb, frame_agreement, gerund, lower_first, DANGLING, contribution_purpose, house_voice, implication_text,  # noqa: F401
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
                      r"accessible|will be|at https?)\b|https?://|github\.com|\b(?:release|publish|make)\w*\b"
                      r".{0,40}\b(?:code|data(?:sets?)?|models?|weights|checkpoints|scripts)\b|\bopen-sourc(?:ed|es|ing|e\s+"
                      r"(?:our|the|all|their|its|this|these)\b)", re.IGNORECASE)
# ("open-source models" as an adjective names a kind of model, as in "SOTA among open-source models": not a release)
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
# A result claim: the abstract reporting a finding ("Experiments demonstrate that ...", "We find that ..."), or a
# verdict on the work ("X marks a pivotal step toward ...", "paves the way", "sheds new light on"). What the method
# does or how it was built, never these, is the methodology.
_RESULT_CLAIM = re.compile(r"^(?:\S+\s+){0,12}?(?:show|shows|showed|shown|demonstrate|demonstrates|demonstrated|reveal|"
                           r"reveals|indicate|indicates|confirm|confirms|validate|validates|verify|verifies|find|finds|"
                           r"found|observe|observes)\s+(?:that|how)\b|\b(?:marks?|represents?)\s+an?\s+(?:\w+\s+)?step\b|"
                           r"\bpav(?:es?|ing)\s+the\s+way\b|\bsheds?\s+(?:\w+\s+)?(?:light|insights?)\b|"
                           r"\bsignificantly\s+(?:raises|improves|boosts|outperforms|surpasses)\b|"
                           r"\b(?:demonstrate|demonstrates|validate|validates|confirm|confirms|verify|verifies|show|shows)"
                           r"\s+the\s+(?:\w+\s+)?(?:effectiveness|efficacy|superiority|benefits?|advantages?|value)\b|"
                           # a verdict on the method's nature ("The method is general and agnostic to modalities")
                           r"^(?:The|This|Our)\s+(?:[\w\-]+\s+)?(?:method|approach|framework|model|technique|system)\s+"
                           r"(?:is|are)\s+(?:\w+ly\s+)?(?:general|agnostic|simple|flexible|effective|efficient|lightweight|"
                           r"scalable|orthogonal|compatible|robust|easy|versatile|practical)\b", re.IGNORECASE)
# A research interest or question ("We are particularly interested in whether ...", "We ask how ..."): the
# objective's content, never the methodology.
_INTEREST = re.compile(r"\b(?:interested\s+in|we\s+ask|(?:research\s+)?questions?\s+(?:is|are)|aims?\s+to|goal\s+is)\b",
                       re.IGNORECASE)
# A design statement: what the method is built to be ("X is designed for seamless adoption", "X consists of three
# modules"). It describes the method; it never reports a result.
_DESIGN = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:designed|built|tailored|intended|engineered)\s+(?:for|to|as|with)\b|"
                     r"\b(?:consists?|consisting)\s+of\b|\bcompris(?:es|ing)\b|\bis\s+composed\s+of\b", re.IGNORECASE)
# The house phrasing of a goal (rewrite.objective_text, goal_objective).
GOAL = "The main research objective is to "
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


# A result the sentence itself reports after a lead phrase ("Evaluating 14 models, the authors find that ...").
_SELF_REPORTED = re.compile(r"^[^.;]{3,100},\s+the authors\s+(?:\w+ly\s+)?(?:find|found|show|showed|observe|observed|"
                            r"demonstrate|demonstrated|reveal|revealed|note|noted)\s+that\b")
# Verbs of outcome after the method's name ("X lowers battery drain", "X cuts latency", "X enables ..."): a result or
# a benefit, not how the method works.
_OUTCOME_VERB = re.compile(r"(?:first\s+|then\s+|also\s+)?(?:lower|cut|raise|speed|accelerat|enhanc|increas|decreas|"
                           r"deliver|match|attain|reach|yield|beat|lead|enabl|allow|sav|halv|doubl|shrink|eliminat|"
                           r"minimiz|maximiz|generaliz|scal|transfer|excel|perform|outpac|rival|set)\w*\b", re.IGNORECASE)
# A problem solved by a means ("We address this by introducing X", "The method tackles it by ..."): the means.
_SOLVED_BY = re.compile(r"^(?:The authors|This paper|The (?:proposed )?(?:method|approach|framework))\s+(?:address|tackle|"
                        r"solve|overcome|mitigate|handle|resolve)(?:s|es)?\s+(?:this|these|it|them|the (?:issue|problem|"
                        r"challenge|gap))\s+(?:\w+\s+)?by\s+([a-z]+ing\b.+)$")
# How the goal just stated is reached ("This is achieved by three contributions: ...", "It is realized through X"):
# the means is the method.
_ACHIEVED_BY = re.compile(r"^(?:This|It|These|They)\s+(?:is|are)\s+(?:\w+ly\s+)?(?:achieved|accomplished|realized|realised|"
                          r"enabled|made possible|done)\s+(?:by|through|via)\s+((?!(?:it|this|them)\b).{10,})$")
# A structural description of how the method works ("X decomposes generation into two stages", "X operates in
# two phases", "by introducing/using ..."): methodology even where the classifier, trained on summary prose, is
# unsure; the floor does not apply to it.
_STRUCTURE = re.compile(r"\b(?:decompos\w+|divid\w+|splits?|organi[sz]\w+)\s+(?:[\w\-]+\s+){0,5}into\b|\boperates?\s+in\s+"
                        r"(?:\w+\s+)?(?:stages|phases|steps)\b|\bproceeds?\s+in\b|\bby\s+(?:introducing|using|leveraging|"
                        r"combining|training|adding|replacing|incorporating|integrating)\b|\b(?:consists?|consisting)\s+of\b|"
                        r"\bcompris(?:es|ing)\b|\bis\s+composed\s+of\b", re.IGNORECASE)
# A comparison with others ("the superiority of X over Y", "outperforms", "better than", "state-of-the-art").
_COMPARISON = re.compile(r"\b(?:superiority|superior|outperform\w*|surpass\w*|better\s+than|state-of-the-art|"
                         r"improve\w*\s+over)\b", re.IGNORECASE)
# ... reported by the paper (a reporting verb or the paper's own subject), not claimed of prior work.
_OWN_REPORT_VERB = re.compile(r"\b(?:demonstrates?|shows?|reveals?|confirms?|indicates?|verif(?:y|ies)|validates?)\b|"
                              r"^(?:(?:\w+,\s+)?(?:Our|The proposed)\b)", re.IGNORECASE)
# "This <up to two modifiers> method/approach/...": the paper's own method when the sentence before describes it.
_THIS_OWN = re.compile(r"^This\s+(?=(?:[a-z][\w\-]*\s+){0,2}(?:approach|method|framework|model|technique|system|"
                       r"pipeline|algorithm|design|architecture|strategy|paradigm|mechanism|module|recipe)\b)")
# The sentence before describes the paper's own approach: "Our approach uses ...", "The proposed method ...".
_OWN_PREV = re.compile(r"^(?:\w+,\s+)?(?:Our|The proposed)\s+(?:[a-z][\w\-]*\s+){0,2}(?:approach|method|framework|model|"
                       r"technique|system|pipeline|algorithm|design|architecture|strategy|paradigm|mechanism|module|recipe)\b")


def has_antecedent(prev: str, name: str | None) -> bool:
    """The sentence before introduces or describes the paper's own method (a contribution, its name, "Our approach
    ..."), so an opening "This method" / "It" means that method."""
    return bool(_CONTRIBUTION.search(prev) or (name and name.lower() in prev.lower()) or _OWN_PREV.match(prev))


_AUTHORS_NAMED = re.compile(r"\b(?:the authors|they|them)\b", re.I)


def render(role: str, sentence: str, name: str | None = None, names: frozenset[str] = frozenset(),
           antecedent: bool = False, previous: str = "") -> str | None:
    """The abstract sentence as the text of ``role`` (third person, resolved reference, a frame that fits);
    None when its opening reference cannot be resolved."""
    voiced = house_voice(sentence)
    if role in ("results", "implication"):  # "These results suggest that X": the frame goes, X stays
        reported = strip_reporting(voiced)
        if role == "results" and reported != voiced and voiced.startswith("The authors"):
            # "We find that their learned features are ...": the authors report on their own objects; without the
            # frame, "Their" would dangle, "The" says the same
            reported = re.sub(r"^(?:Their|Its)\s+(?=[a-z])", "The ", reported)
            # Frame-owned "their" class (quality11): the same inside the clause ("We show that models trained on our
            # data gain 5%" -> "Models trained on their data ..."): a "their" the abstract did not write is the
            # authors' "our", and with the frame gone nothing in the clause names them: "the" ("the authors' own")
            if not re.search(r"\btheir\b", sentence, re.I) and not _AUTHORS_NAMED.search(reported):
                reported = re.sub(r"\btheir(\s+own)?\b", lambda m: "the authors' own" if m.group(1) else "the",
                                  reported)
        voiced = reported
    if role == "results":
        # "Their key insight is that X" / "The main finding is that X": the sentence's own frame; X is the result
        voiced = re.sub(r"^(?:The|Their|A)\s+(?:key|main|central|core|surprising|striking)?\s*(?:insight|finding|"
                        r"observation|result|takeaway)\s+is\s+that\s+(?=\w)", "", voiced)
        voiced = voiced[:1].upper() + voiced[1:]
    if role == "methodology":
        # "We address this by introducing X, which ...": the means is the method; what "this" was is not needed
        m = _SOLVED_BY.match(voiced) or _ACHIEVED_BY.match(voiced)
        if m:
            return f"The key methodology involves {m.group(1)}"
    if role == "objective":
        # the costly-practice class names its practice itself ("this two-stage training paradigm introduces ..."):
        # its demonstrative needs no antecedent (contribution.costly_goal)
        costly = costly_goal(voiced, names)
        if costly:
            return f"{GOAL}{costly}."
    if role == "methodology" and antecedent and _CONTRIBUTION.search(previous) and _IT_STEP.match(voiced):
        # Pointed-step class (quality13): "It first samples X, and then selects Y", "It involves two strategies:
        # ...", "It consists in an encoder-decoder ..." right after the contribution sentence ("we propose X") is
        # how that method works (after any other sentence, "it" may be a part of the method); "it" is the method:
        # its name, else "the proposed approach" (as resolve_dangling names an "It" with an outcome verb)
        voiced = f"{name or 'The proposed approach'} {voiced[3:]}"
    resolved = resolve_dangling(voiced, name, antecedent, previous=previous)
    if resolved is None and antecedent and role in ("methodology", "results"):
        # "This training method is effective, achieving 0.69 ..." right after the sentence that describes the
        # paper's own approach: the method meant is the proposed one
        m = _THIS_OWN.match(voiced)
        if m:
            # "this training method" -> "the proposed method": the modifier ("training") names a part of the method
            # that only the sentence before (not in the row) describes, so "the proposed training method" would
            # point at nothing; the head noun alone means the paper's method
            rest = re.sub(r"^(?:[a-z][\w\-]*\s+){1,2}(?=(?:approach|method|framework|model|technique|system|pipeline|"
                          r"algorithm|design|architecture|strategy|paradigm|mechanism|module|recipe)\b)", "",
                          voiced[m.end():])
            resolved = resolve_dangling("The proposed " + rest, name, antecedent, previous=previous)
    if resolved is None:
        return None
    if role == "one_line":
        return resolved
    if role == "results" and _SELF_REPORTED.match(resolved):
        # "Evaluating 14 models, the authors find that ...": it reports itself; a second frame would stack
        return resolved
    if role == "results" and _STEP.match(resolved) and not _STEP.match(resolved).group(2) in _NOT_STEP:
        # an evaluation step with its outcome ("The authors evaluate X on Y, achieving 21% ..."): it says what was
        # measured itself; "Primary results show that the authors evaluate ..." would glue a frame onto a step
        return resolved
    if role == "objective":
        return goal_objective(resolved, names)
    if role == "methodology":
        return method_step(resolved, names)
    return {"objective": objective_text, "methodology": methodology_text, "results": results_text,
            "implication": implication_text}[role](resolved, names)


def goal_objective(sentence: str, names: frozenset[str] = frozenset()) -> str:
    """The objective phrasing of a sentence: an explicit aim or study ("The main research objective is to study
    whether ..."), else a problem statement that a general rule turns into a goal ("X remains challenging" ->
    "The main research objective is to address the challenge of X"), else the sentence as objective_text has it."""
    # the question the authors say they are interested in ("We are specifically interested in how X affects Y, given
    # Z"): the goal is to determine it (a trailing "given ..." is the motivation, not the question)
    asked = re.match(r"^The authors are (?:\w+ly\s+)?(?:most\s+)?interested in ((?:how|whether|why|what|which)\s[^;]+?)"
                     r"(?:,\s+(?:given|since|because|as)\b.*)?\.?$", sentence)
    if asked:
        return f"{GOAL}determine {asked.group(1)}."
    text = objective_text(sentence, names)
    # topic-statement class: "We study X, which can Y" names a topic, not a goal; what is studied is how X can Y
    topic = re.match(re.escape(GOAL) + r"(study|investigate|explore|examine)\s+([^,]{3,100}?),\s+which\s+(can|could|may)\s+"
                     r"(.+)$", text)
    if topic:
        return f"{GOAL}{topic.group(1)} how {topic.group(2)} {topic.group(3)} {topic.group(4)}"
    if text.startswith(GOAL):
        return text
    goal = problem_goal(sentence, names)
    return f"{GOAL}{goal}." if goal else text


# A step the authors take, in the house voice ("The authors replace X by Y", "The authors rigorously evaluate X and
# design Y"): phrased as the methodology ("The key methodology involves replacing X by Y"). Reporting, aim and
# study verbs (show, find, hope, study, aim) and auxiliaries are not steps.
_STEP = re.compile(r"^The authors\s+(?:(\w+ly)\s+)?([a-z]+)\b\s+(.+)$")
_NOT_STEP = frozenset("show demonstrate find observe reveal report hope believe expect argue note aim seek study "
                      "investigate explore examine ask are were have had can could will would may might must should "
                      "do did is was be not also further first then propose introduce present".split())


def method_step(sentence: str, names: frozenset[str] = frozenset()) -> str:
    text = methodology_text(sentence, names)
    if text.startswith("The key methodology involves ") and re.match(r"^The key methodology involves [a-z]+ing\b", text):
        # a second step co-ordinated with the first keeps the same form ("training X and ablate Y" -> "and ablating")
        text = coordinated_verbs(text)  # quality12 glue: "identifying and characterize X" (rewrite.coordinated_verbs)
        return re.sub(r"\b(and|then)\s+([a-z]+)\b(?=\s)", lambda v: f"{v.group(1)} {gerund(v.group(2))}"
                      if v.group(2) in _STEP_VERBS else v.group(0), text)
    # "This paper replaces X" (house_voice of "Building on Y, we replace X"): the same step in the third person
    third = re.match(r"^This paper\s+(?:(\w+ly)\s+)?([a-z]+s)\b\s+(.+)$", text)
    if third and third_base(third.group(2)) not in _NOT_STEP:
        text = f"The authors {third.group(1) + ' ' if third.group(1) else ''}{third_base(third.group(2))} {third.group(3)}"
    m = _STEP.match(text)
    if not m or m.group(2) in _NOT_STEP or m.group(2).endswith(("ed", "ly")):
        return text
    rest = re.sub(r"\b(and|then)\s+([a-z]+)\b(?=\s)", lambda v: f"{v.group(1)} {gerund(v.group(2))}"
                  if v.group(2) in _STEP_VERBS else v.group(0), m.group(3))
    adverb = f"{m.group(1)} " if m.group(1) else ""
    return coordinated_verbs(f"The key methodology involves {adverb}{drop_light_verb(f'{gerund(m.group(2))} {rest}')}")


# Verbs after "and"/"then" in a step that take the gerund with the first ("evaluate X and design Y").
_STEP_VERBS = frozenset("design construct build train use employ apply adopt collect curate conduct compute implement "
                        "evaluate replace combine integrate introduce propose develop create fine-tune sample annotate "
                        "analyze analyse measure compare optimize optimise extend incorporate leverage generate derive "
                        "formulate model perform solve learn test validate benchmark release review summarize summarise survey "
                        "categorize discuss identify outline ablate probe measure annotate".split())


def score_matrix(sentences: list[str], name: str | None = None) -> list[dict[str, float]]:
    """Per sentence, per part: log P(part | the sentence rendered as that part) + learned length prior + ordering
    prior + part-specific terms. The probability is the validator's own judgement of the rendered part, so a
    part the engine writes is one the validator reads as that part."""
    from ..roles import meta, predict

    priors = meta()["priors"]
    n = len(sentences)
    quantitative = [bool(_PERF.search(s)) for s in sentences]
    acronyms = set(re.findall(r"\(([A-Z][A-Za-z0-9\-]{1,9})\)", " ".join(sentences)))  # "(GVM)": defined in the abstract
    own_from = own_voice_start(sentences)
    out = []
    for i, s in enumerate(sentences):
        words = len(s.split())
        if _RELEASE.search(s) or words < 5:  # a release notice or a fragment
            out.append({r: -math.inf for r in PARTS})
            continue
        rel = i / max(1, n - 1)
        row = {}
        prev = sentences[i - 1] if i else ""
        antecedent = has_antecedent(prev, name)
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
        # objective: only a goal or a question (an aim of the paper's own, a study verb, a problem statement a rule
        # turns into a goal); a task definition ("Video generation aims to ..."), a method step, a finding or a
        # problem statement of another shape is not the paper's objective
        rendered = render("objective", s, name, antecedent=antecedent, previous=prev)
        if rendered is None or not rendered.startswith(GOAL) or task_definition(s, name):
            row["objective"] = -math.inf
        # side-question class: "Furthermore, we explore X" / "Additionally, we study whether Y" is a secondary
        # analysis the authors add to the paper's main work, never its objective ("Additionally, X lacks Y" is a
        # further problem, not a side analysis)
        if re.match(r"^(?:(?:Additionally|Moreover|Furthermore|In addition|Besides|Finally),?\s+we|We\s+(?:also|further))\b", s):
            row["objective"] = -math.inf
        # results: a finding the authors report with a performance number ("Evaluating 14 models, we find that
        # accuracy drops by 23%"): the classifier reads the opening step as a method, but the number is the finding
        # and the results part must hold it
        if row["results"] == -math.inf and quantitative[i] and re.search(
                r"\b(?:we|the authors)\s+(?:\w+ly\s+)?(?:also\s+)?(?:find|found|observe|observed|show|showed|report|"
                r"reported|see|saw)\s+that\b", s, re.IGNORECASE) and \
                render("results", s, name, antecedent=antecedent, previous=prev) is not None:
            row["results"] = math.log(MISPLACED) + 1.5
        # results (quality13, reported-finding class): the authors reporting what they found ("We find that such
        # behavior can be made persistent", "Furthermore, we show that X improves Y") state a result even with no
        # number, where the classifier (trained on summary prose) reads the finding as a takeaway; background before
        # the abstract's own voice is excluded below
        if row["results"] == -math.inf and not quantitative[i] and _OWN_FINDING.match(s) and \
                render("results", s, name, antecedent=antecedent, previous=prev) is not None:
            row["results"] = math.log(MISPLACED)
        # results: a reported comparison ("Analysis demonstrates the superiority of X over baselines", "X
        # outperforms Y") is a result even where the classifier is unsure (not prior work, not a gap)
        if row["results"] == -math.inf and _COMPARISON.search(s) and _OWN_REPORT_VERB.search(s) and \
                not (_PRIOR_WORK.search(strip_opener(s)) or _GAP.search(strip_opener(s))) and \
                render("results", s, name, antecedent=antecedent, previous=prev) is not None:
            row["results"] = math.log(MISPLACED)
        # the paper's own method as the subject of an action ("Plover builds the tree with a draft model"), not of a
        # result verb: how it works, whatever the classifier says
        # a component the abstract defines ("a global value model (GVM)") as the subject of an action or a passive
        # step ("The GVM is conditioned on ...", "The GVM predicts ..."): part of how the method works
        component = any(re.match(rf"(?:The\s+)?{re.escape(acr)}\s+(?:is\s+\w+ed\b|(?!is\b|has\b|was\b)[a-z]+s\b)",
                                 strip_opener(s)) for acr in acronyms) and not _CUE["results"][0].search(s)
        named_step = component or bool(name) and re.match(re.escape(name) + r"\s+(?:first\s+|then\s+|also\s+)?(?!is\b|has\b|was\b)"
                                              r"[a-z]+s\b", strip_opener(s)) is not None and \
            not _CUE["results"][0].search(s) and not _OUTCOME_VERB.match(strip_opener(s)[len(name or ""):].strip())
        if (_STRUCTURE.search(s) or named_step) and row["methodology"] == -math.inf and not quantitative[i]:
            text = render("methodology", s, name, antecedent=antecedent, previous=prev)
            if text is not None:  # a floor the validator sets for the classifier; the structure says how
                row["methodology"] = math.log(MISPLACED)
        # methodology: a "how" sentence, never a result claim (a reported finding, a measured gain, a verdict)
        if _RESULT_CLAIM.search(strip_opener(s)) or (quantitative[i] and _CUE["results"][0].search(s)):
            row["methodology"] = -math.inf
        # results: a measured gain ("..., reducing memory by 40%") reads to the classifier as the method it follows;
        # with a performance number and a verb of attainment it is a result, whatever the classifier says
        if row["results"] == -math.inf and quantitative[i] and _CUE["results"][0].search(s) and \
                render("results", s, name, antecedent=antecedent, previous=prev) is not None:
            row["results"] = math.log(MISPLACED) + 1.5
        # methodology (quality13, evaluation-step class): how the work was tested ("We conduct comprehensive
        # experiments on four benchmarks", "We present an extensive subjective evaluation", "We evaluate X on Y") or a
        # showcase ("we demonstrate for the first time a robot hand spinning a pen") says where the method was tried,
        # not how it works: a last resort for the methodology, after any sentence that says how
        if _EVALUATION_STEP.search(s):
            row["methodology"] -= 3.0
        # methodology: the authors' question or interest ("We are specifically interested in how X affects Y") says
        # what is studied, not how
        if _INTEREST.search(s):
            row["methodology"] = -math.inf
        # results: what existing work achieves ("Existing planners demonstrate superiority over ...") is background
        if re.match(r"(?:Existing|Current|Previous|Prior|Conventional|Traditional)\b", strip_opener(s)):
            row["results"] = -math.inf
        # results: a design statement ("X is designed for ...", "X consists of ...") is never a result
        if _DESIGN.search(s):
            row["results"] = -math.inf
        # results (quality13, background-before-own-voice class): a sentence before the abstract first speaks of
        # its own work ("we", "our", "this paper") is the field's background: what prior models achieved ("Large
        # text-to-image models achieved a remarkable leap"), what prior work does ("However, most previous work
        # focuses on ..."), what people can do ("Humans are capable of ..."). It is never the paper's result, unless
        # it names the paper's own method (an abstract that opens "X achieves 90% on Y, ...").
        if own_from is not None and i < own_from and not (name and name.lower() in s.lower()):
            row["results"] = -math.inf
            # ... nor its methodology: "A natural way to evaluate X is to run it against tests, but writing tests is
            # costly" is the practice the paper improves on, not how the paper's method works
            row["methodology"] = -math.inf
        if name and name.lower() in s.lower():
            row["one_line"] += 0.7  # the sentence that names the paper's method or benchmark
        out.append(row)
    return out


# The authors' own finding: "We find that ...", "Furthermore, we also show that ...", "Empirically, we observe that ...".
_OWN_FINDING = re.compile(r"^(?:[A-Z][\w\s,\-]{0,40},\s+)?we\s+(?:\w+ly\s+)?(?:also\s+|further\s+)?(?:find|found|show|"
                          r"showed|observe|observed|demonstrate|demonstrated|discover|discovered)\s+that\b", re.IGNORECASE)
# "It" + a step verb (not a copula, a possession or an outcome verb): the pointed-step class in render.
_IT_STEP = re.compile(r"^It\s+(?:first\s+|then\s+|also\s+)?(?!(?:is|was|has|does|seems|remains|becomes|appears|"
                      r"achieves|outperforms|improves|yields|leads|enables|allows|shows|demonstrates|reaches|"
                      r"surpasses|matches|attains)\b)[a-z]+(?:s|es)\b")
# An evaluation step or a showcase of the authors (the evaluation-step class in score_matrix).
_EVALUATION_STEP = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?(?:also\s+|further\s+|then\s+)?(?:conduct|perform|run|carry\s+out|present|provide|report)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:experiments?|evaluations?|ablations?|empirical\s+stud(?:y|ies)|user\s+stud(?:y|ies)|"
    r"comparisons?|tests)\b|"
    # what the paper contains ("We provide a detailed description of the key design choices"): not how it works
    r"\bwe\s+(?:\w+ly\s+)?(?:also\s+)?(?:provide|present|give|offer)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:description|overview|discussion|summary|account)\s+of\b|"
    r"\bwe\s+(?:\w+ly\s+)?(?:also\s+|further\s+|then\s+)?(?:evaluate|benchmark|test)\s+(?!whether\b|how\b)|"
    r"\bwe\s+(?:\w+ly\s+)?(?:also\s+)?demonstrate\b(?!\s+(?:that|how|the)\b)", re.IGNORECASE)
# The abstract speaking of its own work: a first-person pronoun, "this paper/work/study", "in this paper".
_OWN_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b|\b[Tt]his\s+(?:paper|work|study|article|report)\b|\b[Hh]ere\b")  # "US" is no "us"


def own_voice_start(sentences: list[str]) -> int | None:
    """The first sentence in which the abstract speaks of its own work (see _OWN_VOICE), or None when none does
    (an abstract written wholly in the third person gives no boundary between background and the paper)."""
    return next((i for i, s in enumerate(sentences) if _OWN_VOICE.search(s)), None)


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


# quality14, title-introduction class: the one-line should introduce the paper's own system, the thing its title
# names. Held-out one-lines opened with a side component or sub-step ("This paper designs a hardware-aware parallel
# algorithm in recurrent mode" for Mamba), a side technique or a finding, while another sentence of the authors
# introduces the title's name or head noun ("We make progress ... by proposing a diffusion model for video
# generation" for "Video Diffusion Models"; "We introduce Toolformer, a model trained to ..."). A positive preference,
# not an exclusion: the introducing sentence takes the one-line only when the current pick does not name the title's
# system and the introducing sentence does.
_TITLE_STOP = frozenset("""a an the of for and or with via in on to from by at as is are be can your our their its we
    towards toward beyond without using through into over under how what why when which do does not more less than
    all any new simple large learning model models language""".split())
# the authors' own introduction: "we propose/introduce/present/develop/design/build ..." (after any opening clause)
_OWN_INTRODUCTION = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:make\s+progress\b[^.;]{0,60}\bby\s+)?"
                               r"(?:propos|introduc|present|develop|design|build|construct|creat)\w*", re.I)
# "we <verb> ... (Name)": the sentence that gives the system its name in parentheses ("We integrate X into a
# simplified architecture (Mamba).")
_NAMED_IN_PARENS = r"\bwe\s+\w+[^.;]*\(\s*{name}\s*\)"


def _title_words(title: str, name: str | None) -> set[str]:
    """The title's content words (stemmed by a plural -s), the name's words left out: what its system is called."""
    words = re.findall(r"[a-z][a-z0-9\-]+", title.lower())
    skip = set(re.findall(r"[a-z][a-z0-9\-]+", (name or "").lower()))
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if w not in _TITLE_STOP and w not in skip}


def names_title(sentence: str, title: str, name: str | None) -> float:
    """How far a sentence names the title's system: 1.0 with the paper's name, else the share of the title's content
    words it holds (at least two of them, so one shared topic word is not a naming)."""
    if name and re.search(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])", sentence, re.I):
        return 1.0
    words = _title_words(title, name)
    if len(words) < 2:
        return 0.0
    have = {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in re.findall(r"[a-z][a-z0-9\-]+", sentence.lower())}
    hit = len(words & have)
    return 0.9 * hit / len(words) if hit >= 2 else 0.0  # below the name itself: a paper's name names it best


_GERUND_BASE = {"proposing": "propose", "introducing": "introduce", "presenting": "present", "developing": "develop",
                "designing": "design", "building": "build", "constructing": "construct", "creating": "create"}


def progress_by(sentence: str) -> str:
    """Progress-by class: "We make progress towards this milestone by proposing X" says "We propose X"; the goal it
    points at is another sentence's."""
    m = re.search(r"\b(we|We)\s+make\s+progress\b[^.;]{0,60}?\bby\s+(" + "|".join(_GERUND_BASE) + r")\b", sentence)
    if not m:
        return sentence
    return sentence[:m.start()] + f"{m.group(1)} {_GERUND_BASE[m.group(2)]}" + sentence[m.end():]


# The authors' own showing of what an unnamed title claims ("Large Language Models are Zero-Shot Reasoners": "we show
# that LLMs are decent zero-shot reasoners by ..."): for a paper without a system name, that finding is its own work.
_OWN_SHOWING = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:show|report|demonstrate)s?\s+(?:\w+\s+){0,3}?"
                          r"(?:that\b|results?\s+that\b)", re.I)
# A concession before the authors speak ("While these successes are often attributed to X, we show ..."): it leans on
# the background the one-line leaves out, so the one-line starts at the authors.
_CONCESSION = re.compile(r"^(?:While|Although|Whereas)\s+[^,;]{3,160},\s+(?=we\b)")


def title_introduction(sentences: list[str], one_i: int | None, title: str, name: str | None,
                       current_own: bool = True) -> int | None:
    """The title-introduction class (see _OWN_INTRODUCTION): the sentence of the authors that introduces the title's
    system, when the current one-line does not name it; None when the one-line already does or no sentence does.
    When the current one-line is not the authors' own work (background), a sentence naming the title as well as it
    is enough."""
    current = names_title(sentences[one_i], title, name) if one_i is not None else 0.0
    if current >= 1.0:
        return None
    for i, s in enumerate(sentences):
        if i == one_i or _SECONDARY.search(s) or ";" in s:  # a list of steps ("...; third, we develop X") is a step
            continue
        score = names_title(s, title, name)
        if score < 0.45 or score < current or (score == current and current_own):
            continue
        own = _OWN_INTRODUCTION.search(s) or (name and re.search(_NAMED_IN_PARENS.format(name=re.escape(name)), s, re.I)) \
            or (not name and _OWN_SHOWING.search(s))
        if not own:
            continue
        # a demonstrative before the authors speak points at a sentence left out ("As prior methods ignore this
        # factor, we present X"), unless the one-line starts at the authors ("By tuning on such data, we introduce X"
        # -> "This paper introduces X", taken only over a one-line naming nothing of the title: "The authors develop a
        # procedure for Int8 matrix multiplication" stays); after it, the "the" reads as well ("we integrate these SSMs")
        if re.search(r"\b(?:this|these|those|such)\s+(?!paper\b|work\b|study\b)[a-z]", s[:own.start()]) and \
                not _CONCESSION.match(s) and not (current < 0.45 and (one_line_text(s, name) or "").startswith(
                    ("This paper ", "The authors "))):
            continue
        return i
    return None


def _assign_parts(scores: list[dict[str, float]], require: list[bool] | None) -> dict:
    picks = assign(scores, require_number=require)
    if picks["results"] is None and require is not None:  # no sentence with a performance number reads as a result
        picks = assign(scores)
    return picks


# "also"/"further" + a verb marks a secondary finding or contribution ("We also extend X to ...", "X also serves as
# ..."): not the paper's main point, so never the one-line (house_voice drops the word, so the abstract's is read).
_SECONDARY = re.compile(r"\b(?:also|further|additionally)\s+(?!\w+(?:ed|ing)\b)[a-z]+\b|^(?:Additionally|Moreover|Furthermore|"
                        r"In addition|Besides|Finally)\b")
# A demonstrative in a one-line ("exploits these spatial cues"): the one-line opens the row, so nothing before it is
# what "these" points at; the definite article says the same without pointing back.
_DEMONSTRATIVE = re.compile(r"(?<=\s)(?:these|those|this)(?=\s+(?!(?:paper|work|study|research|report|article)\b)"
                            r"[a-z])")


def one_line_text(sentence: str, name: str | None, antecedent: bool = False, previous: str = "") -> str | None:
    """The sentence as the one-line: in the house voice when that states the paper's own work; else the
    contribution clause it holds ("To bridge this gap, we leverage Y and introduce X, a ..." -> "This paper
    introduces X, a ..."); else the plain rendering (background, which the caller may replace)."""
    # "our study extends ...": the paper's own study, which house_voice would make "their study"
    sentence = re.sub(r"\b([Oo])ur\s+(study|work|paper|research)\b", lambda m: ("T" if m.group(1) == "O" else "t") +
                      f"his {m.group(2)}", sentence)
    extended = prior_focus_one_line(sentence)  # quality9: the prior-focus extension class (contribution.py)
    if extended:
        return extended
    # a purpose clause that only points back goes first ("... to address these issues"), then the demonstratives
    sentence = _DEMONSTRATIVE.sub("the", _BACK_PURPOSE.sub("", sentence.rstrip(".")) + ".")
    text = render("one_line", sentence, name, antecedent=antecedent, previous=previous)
    if text is None and re.match(r"(?:In\s+)?[Tt]his (?:survey|review|report|article|position paper)\b", strip_opener(sentence)):
        text = house_voice(sentence)  # "This survey reviews ...": the paper itself, not a reference back
    if not (text and states_own_work(text, name)):
        text = contribution_one_line(sentence) or text
    if text:
        # missing-relative-pronoun class: "X, the first framework explicitly exploits Y" (a kind noun, then an adverb
        # and a verb with no "that") is ungrammatical as written; the relative pronoun is restored
        text = re.sub(r"(,\s+(?:the first|the only|a|an)\s+(?:[\w\-]+\s+){0,3}?(?:framework|method|model|approach|system|"
                      r"benchmark|dataset|technique|strategy|architecture|pipeline|agent|tool))\s+(?=[a-z]+ly\s+[a-z]+s\b)",
                      r"\1 that ", text)
    return _DEMONSTRATIVE.sub("the", text) if text else text


def without_stated_purpose(one_line: str, objective: str, name: str | None) -> str:
    """The one-line without its purpose clause when the objective states that clause (see summarize)."""
    # "This paper proposes to <goal> and presents X" with the objective "to <goal>": the one-line presents X
    both = re.match(r"^(This paper|The authors) propose(?:s)? to (.+?) and (present|introduce|develop|design)s? (.+)$",
                    one_line)
    if both and objective.startswith(GOAL) and objective[len(GOAL):].rstrip(".") == both.group(2):
        verb = both.group(3) + ("s" if both.group(1) == "This paper" else "")
        return f"{both.group(1)} {verb} {both.group(4)}"
    found = _purpose(one_line, name)
    if not found or not objective.startswith(GOAL):
        return one_line
    goal = objective[len(GOAL):].rstrip(".").lower()
    purpose = found[1].lower()
    if purpose not in goal and goal not in purpose:
        return one_line
    short = introduces(found[0], name)
    if not short:
        return one_line
    # quality13: "X, a model able to <goal>" without its goal is "X, a model" (the capability word goes with it)
    short = re.sub(r"(?<=[a-z])\s+able\.$", ".", short)
    # "..., a system designed to enhance Y by combining A with B": the means stays ("..., a system combining A
    # with B."); it says how, which the objective does not
    obj = found[1].split(" ", 1)[1]
    after = one_line[one_line.find(obj) + len(obj):] if obj in one_line else ""
    means = re.match(r"^\s+by\s+([a-z]+ing\b[^;]{3,140}?)\.?$", after)
    # only after a kind noun ("a system"), and only a means that names what it works on ("moving it toward ..."
    # would leave "it" without its antecedent, the clause dropped)
    if not means or re.search(r"\b(?:it|its|them|they|their)\b", means.group(1)) or not re.search(r"\b[a-z]+\.$", short):
        return short
    return f"{short[:-1]} {means.group(1)}."


# Empty one-line class: "This paper introduces X, a novel approach." / "X, a foundation model." says only what kind
# of thing X is, not what it does or is for. A one-line of that shape (a name, then an article and at most four
# modifiers of a kind noun, nothing after) takes the defining complement the paper's own title gives it: the title's
# subtitle after "X:", as "for <task>" ("X: Near-Lossless Context Window Scaling" -> "a novel approach for near-lossless
# context window scaling"). A subtitle that is itself a noun phrase ("A Unified Tokenizer for Y", "Competitive Debate
# for Y") gives its own "for Y"; a means ("via/through/with/using Z") is cut, it is the method, not the purpose.
_EMPTY_KIND = re.compile(r"^(?P<head>(?:This paper|The authors)\s+(?:introduces?|proposes?|presents?|develops?)\s+"
                         r"(?:the\s+)?[^,]{2,80}?,\s+(?:a|an)\s+(?:(?!(?:that|which|who|for|to|of|with|in|on|by|and|or|from|"
                         r"via|as|at)\b)[\w\-]+,?\s+){0,4}(?P<noun>(?!(?:that|which|for|to|of|with|in|on|by|and|or|from|"
                         r"via|as|at)\b)[a-z][\w\-]*))\.$")
# The same with the name after the kind: "This paper proposes a novel method “X”" / "... a framework called X".
_EMPTY_KIND_NAMED = re.compile(r"^(?P<head>(?:This paper|The authors)\s+(?:introduces?|proposes?|presents?|develops?)\s+"
                               r"(?:a|an)\s+(?:(?!(?:that|which|who|for|to|of|with|in|on|by|or|from|via|as|at)\b)[\w\-]+,?\s+)"
                               r"{0,5}(?:(?:called|named|dubbed|coined\s+as)\s+)?[“\"][^,“”\"]{2,60}[”\"]|(?:This paper|The authors)\s+"
                               r"(?:introduces?|proposes?|presents?|develops?)\s+(?:a|an)\s+(?:(?!(?:that|which|who|for|to|of|"
                               r"with|in|on|by|or|from|via|as|at)\b)[\w\-]+,?\s+){0,5}(?:called|named|dubbed)\s+[A-Z][\w\-]*)\.$")
_SUBTITLE_MEANS = re.compile(r"\s+(?:via|through|with|using|by|based on)\s+.*$", re.IGNORECASE)


def _title_case_lower(text: str) -> str:
    """'Near-Lossless LLM Context Window Scaling' -> 'near-lossless LLM context window scaling': a capitalised word
    (each hyphen part capitalised then lower case) is lower-cased; acronyms and mixed-case names ('LLM', 'VLMs',
    '3D', 'X-Rays') stay as written."""
    def low(m: re.Match) -> str:
        w = m.group(0)
        return w.lower() if all(re.fullmatch(r"[A-Z][a-z]+|[a-z]+", part) for part in w.split("-")) else w
    return re.sub(r"[\w\-]+", low, text)


def title_complement(title: str, name: str | None, one_line: str = "") -> str:
    """'for <task>' from the title's subtitle when the title heads with the method's name ('' otherwise)."""
    head, colon, sub = title.partition(":")
    if not colon or not name or head.strip().lower() != name.lower():
        return ""
    sub = _SUBTITLE_MEANS.sub("", sub.strip().rstrip("."))
    if not sub or len(sub.split()) > 12:
        return ""
    phrase = re.match(r"^((?:(?:A|An|The)\s+)?[\w\-\s]+?)\s+for\s+(.+)$", sub)
    if phrase:
        # its own purpose: "A Unified Tokenizer for Y" (an article-led kind), "Competitive Debate for Y" (the
        # kind the one-line already names), "Enhancing Reasoning in Z for Y" (an action for Y) -> "for Y"; any
        # other head ("Fine-Grained Size Control for Y") is the title's real point, and "for ... for" reads badly
        lead = phrase.group(1)
        words = [w.lower() for w in re.findall(r"[\w\-]+", lead) if len(w) > 3]
        own = sum(w in one_line.lower() for w in words) >= max(1, len(words) - 1)
        if re.match(r"^(?:A|An|The)\s", lead) or own or re.match(r"^(?:[A-Z][a-z]+ly\s+)?[A-Z][a-z]+ing\b", lead):
            return "for " + _title_case_lower(phrase.group(2))
        return ""
    if re.match(r"^(?:A|An|The)\s", sub) or not re.search(r"\b[A-Za-z][a-z]+(?:ing|ion|ment|sis)\b", sub):
        # only a task or an action ("Context Window Scaling", "Improving Routing ..."); a bare noun phrase
        # ("A Next-Generation BERT", "Fast Caches") names the kind again
        return ""
    return "for " + _title_case_lower(sub)


def defined_one_line(one_line: str, title: str, name: str | None) -> str:
    """The one-line with the title's defining complement when it only names a kind (see _EMPTY_KIND)."""
    m = _EMPTY_KIND.match(one_line) or _EMPTY_KIND_NAMED.match(one_line)
    if not m or (name and name.lower() not in one_line.lower()):
        return one_line
    complement = title_complement(title, name, one_line)
    if not complement or complement.lower() in one_line.lower():
        return one_line
    return f"{without_doubled_modifiers(m.group('head'), complement)} {complement}."


# Doubled-paraphrase class (quality12 glue): the kind phrase often paraphrases the very title its complement comes
# from ("QLoRA, an efficient finetuning approach" + "for efficient finetuning of quantized LLMs", "a training strategy"
# + "for memory-efficient LLM training", "a simpler yet more effective approach" + "for simple preference
# optimization"), so the row says the same words twice. A modifier of the kind noun that shares its stem (first five
# letters) with a word of the complement goes; a conjunction left at the front goes with it, and the article agrees
# with the new first word ("an approach for efficient finetuning of quantized LLMs").
_KIND_HEAD = re.compile(r"^(?P<pre>.+?,\s+)(?P<art>a|an)\s+(?P<mods>(?:[\w\-]+,?\s+)*?)(?P<noun>[a-z][\w\-]*)$")


def without_doubled_modifiers(head: str, complement: str) -> str:
    m = _KIND_HEAD.match(head)
    if not m:
        return head
    stems = {w[:5].lower() for w in re.findall(r"[A-Za-z][\w\-]*", complement) if len(w) > 3}
    mods = m.group("mods").split()
    kept = [w for w in mods if w.rstrip(",").lower()[:5] not in stems or len(w.rstrip(",")) <= 3]
    if kept == mods:
        return head
    while kept and kept[0].rstrip(",").lower() in ("yet", "and", "but", "or", "and/or"):
        kept = kept[1:]
    if kept:
        kept[-1] = kept[-1].rstrip(",")
    rest = " ".join(kept + [m.group("noun")])
    article = "an" if rest[:1].lower() in "aeiou" else "a"
    return f"{m.group('pre')}{article} {rest}"


# Staged-method class: the abstract spreads its method over numbered or ordinal items ("X operates in two phases:
# 1) ... 2) ...", "In the first stage, ... In the second stage, ..."), often one item a sentence, with a remark between.
# One item alone reads as "only one stage/phase" and the inline first item alone as a truncated list. The methodology is
# the whole list in one sentence: labelled items ("1) Audio-guided Planning: ...") by their labels after the lead, other
# items as clauses joined by ";" (a trailing "..., ensuring/guided by ..." comment dropped); too long a list stays as is.
_LIST_LEAD = re.compile(r"^(?P<lead>.+?\b(?:two|three|four)\s+(?:[\w\-]+\s+)?(?:stages|phases|steps|modules|components|"
                        r"parts|innovations|contributions|features|ideas|strategies|techniques|designs|ingredients|mechanisms)):\s*\(?1\)\s*(?P<body>.+)$")
_ORDINALS = ("first", "second", "third", "fourth")
_TRAILING_REMARK = re.compile(r",\s+(?:guided|ensuring|enabling|resulting|leading|allowing|offering|making)\b[^;]*?(?=[.;]?$)")


def _item(sentence: str, k: int) -> str | None:
    """The body of item ``k`` (1-based) when the sentence opens it ("2) During ...", "In the second stage, ...")."""
    m = re.match(rf"^\(?{k}\)\s*(.+)$", sentence)
    if m:
        return m.group(1)
    if k <= len(_ORDINALS) and re.match(rf"^(?:In|During) the {_ORDINALS[k - 1]} (?:stage|phase|step)\b", sentence):
        return sentence
    return None


def _labelled_stages(lead: str, labels: list[str], bodies: list[str]) -> str | None:
    """'<lead>: in <label 1>, <clause 1>; in <label 2>, they <clause 2>.' (see staged_methodology), or None when a
    stage's clause is not an action of the authors."""
    clauses = []
    for n, (label, body) in enumerate(zip(labels, bodies)):
        clause = _TRAILING_REMARK.sub("", house_voice(body).rstrip(". ")).rstrip(".;, ")
        if not clause.startswith("The authors "):
            return None
        clause = ("they" if n else "the authors") + clause[len("The authors"):]
        clauses.append(f"in {label}, {clause}")
    return f"{lead}: " + "; ".join(clauses) + "."


def staged_methodology(sentences: list[str], i: int) -> str | None:
    """The whole staged method as one sentence when sentence ``i`` belongs to such a list (see above), else None."""
    for start in range(max(0, i - 4), i + 1):
        lead_m = _LIST_LEAD.match(sentences[start])
        lead, first = (lead_m.group("lead"), lead_m.group("body")) if lead_m else (None, _item(sentences[start], 1))
        if first is None:
            continue
        bodies, members, gap, j = [first], [start], 0, start + 1
        while j < len(sentences) and gap <= 1:
            body = _item(sentences[j], len(bodies) + 1)
            if body is None:
                gap += 1
            else:
                bodies.append(body)
                members.append(j)
                gap = 0
            j += 1
        if len(bodies) < 2 or i not in range(members[0], members[-1] + 1):
            continue
        labels = [re.match(r"^([A-Z][\w\-]*(?:\s+[\w\-]+){0,5}):\s", b) for b in bodies]
        if lead and all(labels):
            names = [_title_case_lower(m.group(1)) for m in labels]
            text = f"{lead}: {', '.join(names[:-1])} and {names[-1]}."
            # Labels-only class (quality8): the labels alone name the stages without saying what happens in them;
            # each stage's own clause follows its label ("two stages: in audio-guided planning, the authors adapt an
            # MLLM to ...; in layout-grounded generation, they ...") when the whole stays short, else the labels
            full = _labelled_stages(house_voice(lead).rstrip("."), names, [b[m.end():] for b, m in zip(bodies, labels)])
            if full and len(full.split()) <= 70:
                text = full
        else:
            clauses = []
            for n, body in enumerate(bodies):
                clause = _TRAILING_REMARK.sub("", house_voice(body).rstrip(". ")).rstrip(".;, ")
                if n or lead:
                    if re.match(r"^[A-Z][a-z]+\b", clause):
                        clause = clause[:1].lower() + clause[1:]
                    clause = re.sub(r"^((?:in|during) the \w+ (?:stage|phase|step),\s+)the authors\b", r"\1they", clause)
                clauses.append(clause)
            text = (f"{house_voice(lead).rstrip('.')}: " if lead else "") + "; ".join(clauses) + "."
        if len(text.split()) > 70 or re.search(r"\b(?:this|these)\s+(?!paper\b)[a-z]", text.split(":")[0]):
            return None
        return text
    return None


# Step-sequence class: the method told as steps over consecutive sentences, an opening step ("X first creates A",
# "Specifically, we update A") and steps marked "Then ..."/"Next, ..."/"... finally ..." (a remark between is skipped).
# One step alone reads as a partial method; the methodology is the steps in order in one sentence, each step's trailing
# remark (", which ...", ", each ...") dropped. A step that points back ("this plan", "these traces") ends the sequence.
_PRIOR_LED = re.compile(r"^(?:(?:However|Yet|But|Unfortunately),?\s+)?(?:most\s+)?(?:existing|current|previous|prior|"
                        r"conventional|traditional|mainstream|state-of-the-art)\s+(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*s\b"
                        r"(?!\s+(?:is|was)\b)", re.IGNORECASE)  # a plural head: "existing (agent-based) planners/methods"
_TASK_CHALLENGE = re.compile(r"^[A-Z][a-z]+ing\s[^,;]{3,120}?\s+(?:is|remains)\s+(?:(?:a|an|still)\s+)?(?:[\w\-]+\s+){0,3}?"
                             r"(?:challenge|problem|challenging|difficult|open)\b")
_MOTIVATION_LED = re.compile(r"^(?:In order to|To|With the aim to|Aiming to)\s+[a-z]+\b[^,]{5,},\s+")
_SEQ_OPEN = re.compile(r"^(?:(?:Specifically|First|Firstly|Concretely),\s+\S|(?:[A-Z][^,]{0,60},\s+)?(?:[Ww]e|[A-Z][\w\-]+|It)\s+"
                       r"first\s+[a-z]+)")
_SEQ_NEXT = re.compile(r"^(?:(?:Then|Next|Finally|Subsequently|Afterwards|After that)\b|(?:[A-Z][^,]{0,80},\s+)?(?:we|it|they|"
                       r"[A-Z][\w\-]+)\s+(?:then|finally|next)\s+[a-z]+)")
_STEP_REMARK = re.compile(r",\s+(?:which|each|where|thereby|thus|ensuring|enabling|resulting|leading|allowing)\b.*$")


def sequence_methodology(sentences: list[str], i: int | None = None) -> str | None:
    """The method's steps in one sentence when the abstract tells them as a sequence (see above); with ``i``, only a
    sequence that holds sentence ``i``."""
    for start, first in enumerate(sentences):
        if not _SEQ_OPEN.match(first):
            continue
        members, gap, j = [start], 0, start + 1
        while j < len(sentences) and gap <= 1:
            if _SEQ_NEXT.match(sentences[j]):
                if _BACK_REFERENCE.search(sentences[j]) or re.search(r"\b(?:this|these|such)\s+(?!paper\b)[a-z]",
                                                                     sentences[j]):
                    break
                members.append(j)
                gap = 0
            else:
                gap += 1
            j += 1
        if len(members) < 2 or (i is not None and i not in range(members[0], members[-1] + 1)):
            continue
        clauses = []
        for n, k in enumerate(members):
            clause = _STEP_REMARK.sub("", house_voice(sentences[k]).rstrip(". ")).rstrip(".;, ")
            if n:
                clause = re.sub(r"^The authors\b", "they", clause)
                clause = re.sub(r"^It\b", "it", clause)
                lead = re.match(r"^(When|While|After|Once|Given|For|In|On|With)\b[^,]*,\s+", clause)
                if lead:  # "When the agent is close, the authors solve ..." -> "when ..., they solve ..."
                    clause = clause[:1].lower() + clause[1:lead.end()] + re.sub(r"^The authors\b|^the authors\b", "they",
                                                                                  clause[lead.end():])
                word = "finally" if n == len(members) - 1 and len(members) > 2 else "then"
                sep = ", " if lead else " "
                # capital-after-a-joined-step class (quality13 glue): a step whose connective the house voice
                # dropped ("Then, an encoder ...") opens on a capital; behind "; then" an ordinary word is lower-cased
                # ("; then an encoder", not "; then An encoder"), a name keeps its capital ("; then HyDE encodes")
                if not lead:
                    clause = lower_first(clause)
                clause = f"{word}{sep}{clause}" if not re.search(r"\b(?:then|finally)\b", clause) else clause
            clauses.append(clause)
        text = "; ".join(clauses) + "."
        if len(text.split()) > 70 or not re.match(r"^[A-Z]", text):
            return None
        return text
    return None


# Run-on list class: an inline numbered list whose items are separated by commas ("two stages: (1) A, data is
# filtered ..., and (2) B, which leverages ...") carries a clause inside each item; copied, it reads as a comma splice.
# The list is given by its items' heads ("two stages: A and B"). A list separated by ";" reads cleanly and is kept.
_INLINE_LIST = re.compile(r"^(?P<lead>[^:]{8,160}):\s*\(?1\)\s*(?P<rest>.+)$")


def inline_list_heads(sentence: str) -> str | None:
    m = _INLINE_LIST.match(sentence.rstrip("."))
    if not m or ";" in m.group("rest"):
        return None
    items = re.split(r",?\s*(?:and\s+)?\(?\d\)\s*", m.group("rest"))
    if not 2 <= len(items) <= 4 or not any(re.search(r",\s+(?:which\b|[\w\-()]+(?:\s+[\w\-()]+){0,6}\s+(?:is|are|was|"
                                                      r"were)\s+\w+ed\b)", it) for it in items):
        return None
    heads = [it.split(",")[0].strip() for it in items]
    if any(not h or len(h.split()) > 8 for h in heads):
        return None
    return f"{m.group('lead')}: {', '.join(heads[:-1])} and {heads[-1]}."


# the means phrase of a claim: "from/by/using/via/through/with ..." up to the next comma (the claim-as-question class)
# (only a means before a comma: a closing "from simulated flights alone" is the claim itself, not its means)
_CLAIM_MEANS = re.compile(r"\s+(?:from|by|using|via|through)\s+[^,]+,(?=\s)")
# Claim-and-question class (quality9): with the question as the objective ("to determine whether X can be learned
# without C"), a one-line stating the answer ("This paper shows that X can be learned from A and B, without C") says
# the same thing twice; the one-line says what the paper does instead: "This paper explores learning X from A and B"
# (the means stays, the question's "without C" goes to the objective only).
_CAN_CLAIM = re.compile(r"^(?P<head>This paper|The authors)\s+(?:shows?|demonstrates?)\s+that\s+(?P<np>[^,;]{3,120}?)\s+"
                        r"(?:can|could)\s+be\s+(?P<part>[a-z]+)\s+(?P<means>(?:from|by|using|via|through|with)\s[^,;]{3,140}?)"
                        r"(?:,\s+[^;]*)?\.?$")
_PARTICIPLE_GERUND = {"built": "building", "made": "making", "taught": "teaching", "found": "finding",
                      "learnt": "learning", "done": "doing", "seen": "seeing", "shown": "showing", "drawn": "drawing",
                      "derived": "deriving", "obtained": "obtaining"}


def explored_one_line(one_line: str) -> str | None:
    """'This paper explores learning X from A and B' from a one-line claiming 'X can be learned from A and B, ...'
    (the class above); None when the one-line is not such a claim."""
    m = _CAN_CLAIM.match(one_line)
    if not m:
        return None
    part = m.group("part")
    if part in _PARTICIPLE_GERUND:
        ing = _PARTICIPLE_GERUND[part]
    elif part.endswith("ied"):
        ing = part[:-3] + "ying"
    elif part.endswith("ed") and not part.endswith("eed"):
        ing = part[:-2] + "ing"
    else:
        return None
    verb = "explore" if m.group("head") == "The authors" else "explores"
    return f"{m.group('head')} {verb} {ing} {m.group('np')} {m.group('means')}."


_GAP_EMPHASIS = re.compile(r"^(?:This|The|Such a|That)\s+(?:gap|problem|limitation|issue|challenge|shortcoming)\s+is\s+"
                           r"(?:especially|particularly|most)\s+(?:evident|pronounced|acute|severe|apparent|visible)\s+"
                           r"when\s+(?:attempting|trying|aiming|seeking)\s+to\s+(?P<v>[a-z]+\s[^;]{5,140}?)\.?$")
_OFFER_GOAL = re.compile(re.escape(GOAL) + r"(?:provide|build|develop|create|offer|design)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}?"
                         r"(?P<kind>framework|method|approach|model|system|benchmark|dataset|tool|pipeline|platform)\s+"
                         r"for\s+(?P<y>[^.]{6,120})\.$")
_ING_VERB = {"evaluating": "evaluate", "generating": "generate", "measuring": "measure", "training": "train",
             "assessing": "assess", "building": "build", "detecting": "detect", "learning": "learn"}
_MEANS_GOAL = re.compile(re.escape(GOAL) + r"(?:\w+ly\s+)?(?:leverage|use|utilize|utilise|employ|exploit|adopt|apply|"
                         r"incorporate|model|combine|replace|decompose|harness|rely)\b")
_GOAL_MEANS_TAIL = re.compile(r"\s+(?:via|through)\s+[^.]*\.$")


# Dataset-only one-line class: "We introduce a dataset ... We also propose a method (M) to ..." is a paper with two
# contributions; a one-line naming only the resource "covers only the dataset". The next sentence's second
# contribution (its noun phrase, up to its purpose or relative clause) joins the one-line.
_SECOND_CONTRIBUTION = re.compile(r"^(?:We|The authors)\s+(?:also|further|additionally)\s+(?:propose|introduce|present|develop|"
                                  r"design)\s+(?P<np>(?:a|an)\s[^,;:]{5,100}?)(?=\s+(?:to|that|which|for|with|by)\b|[,;.]|$)")


def with_second_contribution(one_line: str, sentences: list[str], one_i: int | None) -> str:
    if one_i is None or one_i + 1 >= len(sentences) or not re.search(r"\b(?:dataset|benchmark|corpus)\b", one_line):
        return one_line
    m = _SECOND_CONTRIBUTION.match(sentences[one_i + 1])
    if not m or m.group("np").lower() in one_line.lower() or re.search(r"\b(?:dataset|benchmark|corpus)\b", m.group("np")):
        return one_line
    return f"{one_line.rstrip('.')}, and {m.group('np')}."


# Thin-goal class: a purpose clause of a verb and at most three words ("a framework that encourages diverse reasoning
# paths and achieves more consolidated issue localization" -> "encourage diverse reasoning paths") was cut where a
# second goal of the same clause begins; a thin goal says too little about what is wanted, so the second goal joins
# it when it is a verb of use with an object of its own and no number (a number makes it a result).
def fuller_goal(purpose: str, text: str) -> str:
    verb, _, obj = purpose.partition(" ")
    if not obj or len(obj.split()) > 3 or obj not in text:
        return purpose
    m = re.match(r"^\s+and\s+(?:[a-z]+ly\s+)?([a-z]+)\s+([^,;.()]{6,80}?)(?=[,;.(]|\s+(?:while|whereas|by|via)\b|$)",
                 text[text.find(obj) + len(obj):])
    second = _base_verb(m.group(1)) if m else None
    if not second or has_number(m.group(2)) or re.match(r"(?:it|its|them|this|these|that)\b", m.group(2)):
        return purpose
    return f"{purpose} and {second} {m.group(2).strip()}"


# Means-in-the-one-line class: with no sentence of its own saying how the contribution works, the one-line's closing
# means is the methodology ("This paper proposes X, an evaluator that captures Y by aggregating Z into one model" ->
# one-line "... that captures Y." and methodology "The key methodology involves aggregating Z into one model"), as is
# a proposed means beside the contribution ("This paper proposes to model A with B and presents X" -> "This paper
# presents X" and "The key methodology involves modeling A with B"). The row then says each thing once. A means
# whose possessive points into the one-line ("aggregating their knowledge", after "... of multiple judges") names
# its owner ("the knowledge of multiple judges"); any other pronoun would dangle, and the one-line stays whole.
_ONE_LINE_MEANS = re.compile(r"^(?P<head>(?:This paper|The authors)\s+(?:\w+ly\s+)?(?:introduces?|proposes?|presents?|"
                             r"develops?|designs?|builds?)\s+[^;]{12,}?)\s+by\s+(?P<means>[a-z]+ing\b[^;]{10,200}?)\.$")
_PROPOSES_TO = re.compile(r"^(?P<subj>This paper|The authors)\s+proposes?\s+to\s+(?P<verb>[a-z]+)\s+(?P<obj>[^;]{6,120}?)"
                          r"\s+and\s+(?P<verb2>present|introduce|develop|design)s?\s+(?P<rest>.{10,})$")
_MEANS_VERB = re.compile(r"(?:leverage|use|utilize|employ|exploit|adopt|apply|incorporate|model|combine|replace|decompose|"
                         r"harness|integrate|train|learn|represent|formulate|cast|treat|reformulate|distill|encode)")


def means_split(one_line: str) -> tuple[str, str] | None:
    """(the one-line without its means, the means as the methodology) for the class above; None when it does not
    apply."""
    m = _PROPOSES_TO.match(one_line)
    if m and _MEANS_VERB.fullmatch(m.group("verb")):
        verb2 = m.group("verb2") + ("s" if m.group("subj") == "This paper" else "")
        return (f"{m.group('subj')} {verb2} {m.group('rest')}",
                f"The key methodology involves {gerund(m.group('verb'))} {m.group('obj')}.")
    m = _ONE_LINE_MEANS.match(one_line)
    if not m or len(m.group("head").split()) < 7:
        return None
    means = m.group("means")
    owner = re.search(r"\b(?:of|from)\s+((?:[\w\-]+\s+){0,4}[\w\-]*s)$", m.group("head"))
    if owner:  # "their preference knowledge into ..." -> "the preference knowledge of multiple LLM judges into ..."
        means = re.sub(r"\btheir\s+((?:[\w\-]+\s+){0,2}[\w\-]+)(?=\s+(?:into|to|with|from|in|on|for|across|by)\b)",
                       lambda p: f"the {p.group(1)} of {owner.group(1)}", means, count=1)
    if re.search(r"\b(?:it|its|they|them|their|this|these|those)\b", means) or _NUMBER_IN.search(means):
        return None
    # the comma that stood before "by" goes with the means ("... to the outputs, by computing ..." left ",.")
    return f"{m.group('head').rstrip(' ,;:')}.", f"The key methodology involves {means}."


_NUMBER_IN = re.compile(r"\d\s*%|\b\d+(?:\.\d+)?x\b")


# Method-continuation class: the abstract goes on describing the method in the sentence right after the one the
# methodology took ("Specifically, it extracts reusable knowledge ...", "Moreover, we leverage GRPO ...", "Given that
# X, we perform latent denoising by ...", "We further discuss X"): one step alone reads as a thin, partial method. That next sentence joins the
# methodology as a second clause when it is an action of the authors or of the method (never a result claim, a
# number, a hope, prior work or a sentence another part holds) and the two stay short; its trailing remark goes.
_CONTINUES = re.compile(r"^(?:(?:Specifically|Concretely|In particular|In detail|Moreover|Furthermore|Additionally|"
                        r"In addition|Besides|Then|Next|Afterwards|Subsequently)\b,?\s+|(?:Given|Based on|Building on|"
                        r"Guided by|Using|With)\s[^,]{3,120},\s+)?(?:we|it|our (?:method|approach|framework|model|system)|"
                        r"the (?:method|approach|framework|model|system))\s+(?:\w+ly\s+)?(?:also\s+|further\s+|then\s+)?"
                        r"(?!(?:is|are|was|were|has|have|can|could|may|might|will|would|should|must|show|shows|find|finds|"
                        r"demonstrate|demonstrates|observe|observes|hope|believe|release|conduct|evaluate|achieve|achieves|"
                        r"outperform|outperforms|propose|proposes|present|presents)\b)[a-z]+\b|"
                        r"^We\s+(?:also|further|then|next|additionally)\s+(?!(?:show|find|demonstrate|observe|release|"
                        r"evaluate|conduct|hope|believe|achieve|outperform|propose|present)\b)[a-z]+\b")
MAX_METHOD_WORDS = 75


_PURPOSE_IN_STEP = re.compile(r"\s+(?:in order\s+)?to\s+([a-z]+\s[^,;:]{3,80}?)(?=\s+and\s+[a-z]+\s|[,;:]|$)")


def continued_methodology(methodology: str, sentences: list[str], i: int, taken: set[int], name: str | None,
                          names: frozenset[str] = frozenset(), goal: str = "") -> str:
    """The methodology with the next step joined (see the class above; one remark between is skipped, as in
    sequence_methodology), else as it is."""
    if not methodology:
        return methodology
    for j in (i + 1, i + 2):
        if j >= len(sentences) or j in taken:
            return methodology
        clause = _continuing_step(sentences[j], sentences[i], name, names) or \
            (component_step(sentences[j], methodology, names) if j == i + 1 else None)
        if clause and goal:
            # stated-purpose class: the step's purpose clause that the objective already states ("... GRPO to enhance
            # reasoning capabilities and introduce ..." beside "to enhance the reasoning capabilities of X") goes
            clause = _PURPOSE_IN_STEP.sub(lambda p: "" if repeats(p.group(1), goal, name, limit=0.66) else p.group(0),
                                          clause)
        if clause:
            if methodology.startswith("The authors"):
                clause = re.sub(r"^the authors\b", "they", clause)
            joined = f"{methodology.rstrip('.')}; {clause}."
            return joined if len(joined.split()) <= MAX_METHOD_WORDS else methodology
    return methodology


# Component-list class (quality11): a methodology that only names the method's parts ("The framework consists of two
# roles: the Generator and the Extender") says what the method has, not how it works; the next sentence whose subject
# is one of those parts, doing something ("The Generator produces the initial response, which is then split and
# expanded by the Extender"), is the how, and joins the methodology whole (its "which" clause is the second part's
# step, not a remark). Never a sentence with a number, a result claim or a pointer ("this", "these").
_COMPONENT_LIST = re.compile(r"\b(?:consists?\s+of|comprises?|is\s+composed\s+of|contains?|includes?|has)\s+(?:two|three|four|"
                             r"2|3|4)\s+(?:[\w\-]+\s+)?(?:roles|components|modules|agents|parts|networks|models|"
                             r"stages|branches|players)\s*:\s*(?P<list>[^.;:]{3,120}?)\.?$")


def component_step(sentence: str, methodology: str, names: frozenset[str] = frozenset()) -> str | None:
    """``sentence`` as the clause saying what a part named by a component-list ``methodology`` does (the class
    above), else None."""
    m = _COMPONENT_LIST.search(methodology.rstrip("."))
    if not m or _PERF.search(sentence) or _RESULT_CLAIM.search(sentence) or \
            re.search(r"\b(?:this|these|those|such)\s+(?!paper\b)[a-z]", sentence, re.I):
        return None
    parts = [re.sub(r"^(?:the|a|an)\s+", "", p.strip(), flags=re.I)
             for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list")) if p.strip()]
    voiced = house_voice(sentence).rstrip(".")
    subject = re.match(r"^(?:The\s+|An?\s+)?(?P<part>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:\w+ly\s+)?(?:first\s+|then\s+)?"
                       r"(?!is\b|are\b|was\b|were\b|has\b|have\b|can\b|may\b)[a-z]+s\b", voiced)
    if not subject or not any(subject.group("part").lower() == p.lower() for p in parts):
        return None
    return lower_first(voiced, names | set(parts))


def _continuing_step(sentence: str, step: str, name: str | None, names: frozenset[str]) -> str | None:
    """``sentence`` as a clause continuing the method step ``step``, or None when it is not such a step."""
    if not _CONTINUES.match(sentence) or _PERF.search(sentence) or _RELEASE.search(sentence) or _HOPE.search(sentence) \
            or _RESULT_CLAIM.search(strip_opener(sentence)) or _PRIOR_WORK.search(strip_opener(sentence)) or \
            _CUE["results"][0].search(sentence) or re.search(r"\b(?:this|these|those|such)\s+(?!paper\b|as\b)[a-z]", sentence):
        return None
    # the step's trailing remark (", which ...", "—from A to B") goes, as in sequence_methodology: the step stays
    clause = re.sub(r"\s*—.*$", "", _STEP_REMARK.sub("", house_voice(sentence).rstrip(".")))
    if re.match(r"^It\b", clause):
        # "it" is the method only after a step whose subject is the method ("Our method introduces X. Specifically,
        # it extracts ..."); after "we construct a dataset", "it" is the dataset
        # or after the contribution sentence that names the method ("We propose Kite, an index ... Specifically,
        # it routes ..."): there "it" is the method introduced
        if not name or not (_OWN_PREV.match(step) or strip_opener(step).startswith(name) or
                            (_CONTRIBUTION.search(step) and name in step)):
            return None
        clause = name + clause[2:]
    return lower_first(clause, names | ({name} if name else set()))


def without_even_qualifier(objective: str, source: str) -> str:
    """The goal without the qualifier of an even-the-strong gap (see summarize: "even advanced LLMs cannot V" ->
    "to enable LLMs to V"); unchanged when the source has no such gap or the goal does not carry its qualifier."""
    even = re.search(r"\b[Ee]ven\s+((?:the\s+)?(?:most\s+)?[a-z][\w\-]*\s+)(?=[A-Za-z][\w\-]*\s)", source)
    if not objective.startswith(GOAL) or not even or not re.search(r"\b" + re.escape(even.group(1)), objective):
        return objective
    return re.sub(r"\b(?:even\s+)?" + re.escape(even.group(1)), "", objective, count=1)


# Defined-task survey class (quality11): a survey ("This paper provides a comprehensive survey of multimodal referring
# segmentation") rarely states an aim, and the objective was left empty; when the abstract defines the surveyed task
# ("Multimodal referring segmentation aims to segment target objects in visual scenes, such as images and videos,
# based on referring expressions"), the goal is to survey the methods that do that task ("to survey methods that
# segment target objects in visual scenes based on referring expressions"): the survey's own topic and the
# abstract's own definition, with its example list left to the methodology. No definition, no objective.
_SURVEY_ONE_LINE = re.compile(r"^This paper\s+(?:provides|presents|offers|gives|conducts)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}?"
                              r"(?:survey|review|overview)\s+of\s+(?:the\s+)?(?P<topic>[^.;,]{3,80}?)\.?$")
_DEFINED_TASK = re.compile(r"^(?P<topic>[A-Z][^.;,]{2,80}?)\s+(?:aims|seeks)\s+to\s+(?P<v>[a-z]+\s[^;]{5,200}?)\.?$")


def survey_objective(one_line: str, sentences: list[str]) -> str:
    """The objective of a survey of a defined task (the class above), else ""."""
    survey = _SURVEY_ONE_LINE.match(one_line)
    if not survey:
        return ""
    for sentence in sentences:
        defined = _DEFINED_TASK.match(unlatex(sentence))
        if defined and defined.group("topic").lower() == survey.group("topic").lower() and \
                not re.search(r"\b(?:we|our|this (?:paper|survey|work))\b", sentence, re.I):
            task = re.sub(r",\s+(?:such as|e\.g\.,?|including)\s+(?:(?:[^,]+,\s+)*?(?:and|or)\s+)?[^,]+,\s+", " ",
                          defined.group("v"))
            task = re.sub(r"\s*\((?:e\.g\.|such as)[^)]*\)", "", task)
            return f"{GOAL}survey methods that {task}."
    return ""


# Enabled-conversion class: "Our framework enables pre-trained models to be converted into flexible ones, allowing
# them to Z" (the method as what it lets be done to a thing, "enables/allows X to be <done> into/to/with/as Y") reads
# to the classifier as a benefit, yet it says how the method works: X is <done> into Y. With no methodology
# otherwise, the sentence (the paper's own method as subject, no number, no result claim) is the methodology:
# "The key methodology involves converting pre-trained models into flexible ones, allowing them to Z".
_ENABLED_CONVERSION = re.compile(r"^(?:The|Their|This)\s+(?:[\w\-]+\s+){0,4}?(?:framework|method|approach|model|system|"
                                 r"technique|pipeline|algorithm|strategy)\s+(?:enables|allows|lets)\s+(?P<x>[^,;]{3,80}?)"
                                 r"\s+(?:to\s+)?be\s+(?P<done>[a-z]+ed)\s+(?P<rest>(?:into|to|with|as|for|in)\s[^;]{3,200})$")


def enabled_conversion(sentence: str) -> str | None:
    """The methodology phrasing of an enabled-conversion sentence (the class above), else None."""
    voiced = house_voice(sentence).rstrip(".")
    m = _ENABLED_CONVERSION.match(voiced)
    if not m or _PERF.search(voiced) or _RESULT_CLAIM.search(voiced):
        return None
    done = m.group("done")
    doing = done[:-3] + "ying" if done.endswith("ied") else done[:-2] + "ing"
    rest = re.sub(r"\s*—\s*dubbed\s+([^—,]+?)\s*—\s*", r" (\1), ", m.group("rest"))  # "ones—dubbed X—allowing"
    return f"The key methodology involves {doing} {m.group('x')} {rest}."


class ExtractiveEngine(Engine):
    """Deterministic, offline, faithful by construction."""

    name = "extractive"

    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        if not paper.abstract or not paper.abstract.strip():
            raise NoAbstract(paper.arxiv_id)
        sentences = [s for s in split_sentences(unlatex(paper.abstract))
                     if not re.fullmatch(r"\(?https?://\S+", s) and not _addressed_to_model(s)]
        sentences = [without_solved_reference(s) for s in sentences]  # quality13: "we address this issue by using X"
        name = paper_name(paper.title, sentences)
        sentences = one_spelling(sentences, name)  # quality11: the paper's name spelled one way (glue.one_spelling)
        names = names_in(f"{paper.title}. {paper.abstract}")
        scores = score_matrix(sentences, name)
        require = required_results(sentences)

        def antecedent_of(i: int) -> bool:
            return has_antecedent(sentences[i - 1] if i else "", name)

        picks = _assign_parts(scores, require)
        # One-line class: the one-line says what the paper does (its contribution or study, in the paper's voice).
        # Background ("X are emerging as ..."), a side finding ("... also serves as ...") or the bare title is not
        # that: the first sentence stating the paper's own work takes the one-line, and the other parts re-assign.
        one_i = picks.get("one_line")
        if one_i is None or _SECONDARY.search(sentences[one_i]) or not states_own_work(one_line_text(sentences[one_i], name, antecedent_of(one_i)), name):
            own = next((i for i, s in enumerate(sentences) if not _SECONDARY.search(s)
                        and states_own_work(one_line_text(s, name, antecedent_of(i)), name)), None)
            if own is not None:  # that sentence is the one-line and nothing else; no other sentence is
                scores = [{**row, "one_line": -math.inf} for row in scores]
                scores[own] = {role: 0.0 if role == "one_line" else -math.inf for role in PARTS}
                picks = _assign_parts(scores, require)
        one_i = picks.get("one_line")
        titled = title_introduction(sentences, one_i, paper.title, name, one_i is None or
                                    states_own_work(one_line_text(sentences[one_i], name, antecedent_of(one_i)), name))
        if titled is not None:
            sentences[titled] = progress_by(_CONCESSION.sub(lambda m: "", sentences[titled]))
            sentences[titled] = sentences[titled][:1].upper() + sentences[titled][1:]
            text = one_line_text(sentences[titled], name, antecedent_of(titled))
            # the parenthesis-named system ("The authors integrate X into Y (Mamba).") is the authors' own work too
            titled = titled if states_own_work(text, name) or (text or "").startswith(("The authors ", "This paper ")) \
                else None
            # "X that aims to Y": the objective takes the purpose and leaves "X that aims." as the one-line
            if titled is not None and re.search(r"\b(?:that|which)\s+(?:aims|seeks|tries|attempts|strives)\s+to\b",
                                                sentences[titled]):
                titled = None
        if titled is not None:
            scores = [{**row, "one_line": -math.inf} for row in scores]
            scores[titled] = {role: 0.0 if role == "one_line" else -math.inf for role in PARTS}
            picks = _assign_parts(scores, require)
        intro = introducing_sentence(sentences, picks, name)
        if intro is not None:
            picks["one_line"] = intro

        def part(role: str) -> str:
            i = picks.get(role)
            if i is None:
                return ""
            prev = sentences[i - 1] if i else ""
            if role == "one_line":
                return one_line_text(sentences[i], name, antecedent_of(i), prev) or ""
            if role == "methodology":
                staged = staged_methodology(sentences, i) or inline_list_heads(sentences[i])
                # the steps in order read as they are ("The authors update A; then they localize B"): a frame on the
                # first step would leave the later steps' "they" without the authors
                steps = None if staged else sequence_methodology(sentences, i)
                # Motivation-as-method class: "In order to localize X, we build our system upon Y" says why before
                # what; when the abstract tells the method as a sequence of steps, the steps are the methodology
                if not staged and not steps and _MOTIVATION_LED.match(sentences[i]):
                    steps = sequence_methodology(sentences)
                if steps:
                    return steps
                if staged:
                    return render(role, staged, name, names, antecedent_of(i), previous=prev) or staged
            return render(role, sentences[i], name, names, antecedent_of(i), previous=prev) or ""

        one_line = part("one_line") or f"{paper.title}."
        objective = part("objective")
        # Prior-work-limitation class: "Existing methods often fail to integrate X" is what others cannot do, a side of
        # the problem, not what the paper sets out to do; when an earlier sentence names the task itself as the
        # challenge ("Building replicas of Y is a key challenge"), that task is the goal
        oi = picks.get("objective")
        if oi is not None and objective.startswith(GOAL) and _PRIOR_LED.match(house_voice(sentences[oi])):
            task = next((problem_goal(sentences[k], names) for k in range(oi) if _TASK_CHALLENGE.match(sentences[k])),
                        None)
            if task:
                objective = f"{GOAL}{task}."
        # Side-problem class (quality9): a goal read from an added problem ("Additionally, PPO lacks access to true
        # rewards") is a side issue when an earlier sentence names the cost of the practice itself ("This approach
        # increases computational complexity and instability due to actor-critic interdependence"): that cost is
        # the main problem, and reducing it the goal
        oi = picks.get("objective")
        if oi is not None and re.match(r"^(?:Additionally|Moreover|Furthermore|In addition|Besides|Also),?\s", sentences[oi]):
            main = next((g for g in (caused_cost_goal(sentences[k]) or costly_goal(house_voice(sentences[k]), names)
                                     for k in range(oi)) if g), None)
            if main:
                objective = f"{GOAL}{main}."
        # Stated-tasks class (quality9, contribution.stated_tasks): the paper's own list of the tasks it addresses is
        # its goal, before a goal read from background
        tasks = next((t for t in map(stated_tasks, sentences) if t), None)
        if tasks:
            objective = f"{GOAL}{tasks}."
        # Task-and-cost class (quality9): a goal that is only the task named as a challenge ("Evaluating X remains a
        # challenging task" -> "to evaluate X") says what the field wants, not what this paper is after; when a later
        # background sentence names the cost of the practice the paper moves away from ("this multi-judge approach
        # incurs significant computational overhead during inference"), the aim is the task without that cost
        oi = picks.get("objective")
        one_i = picks.get("one_line")
        if oi is not None and objective.startswith(GOAL) and _TASK_CHALLENGE.match(sentences[oi]) and \
                one_i is not None and oi < one_i:
            objective = next((f"{objective.rstrip('.')} {cost}." for cost in
                              (costless(house_voice(sentences[k]), names) for k in range(oi + 1, one_i)) if cost),
                             objective)
        # An objective states a goal (an aim, a question studied, a problem turned into a goal); without one, the
        # paper's own purpose clause (from the one-line's contribution, else an early one) takes its place; without
        # that the objective stays empty and the row goes to review.
        if not objective.startswith(GOAL):
            own_purpose = contribution_purpose(one_line, name)
            split = None if own_purpose else goal_split(one_line)
            if split:  # "The authors propose X to raise Y by Z-ing": goal to the objective, means stays
                one_line, objective = split[0], f"{GOAL}{split[1]}."
            else:
                objective = f"{GOAL}{fuller_goal(own_purpose, one_line)}." if own_purpose else \
                    purpose_objective(sentences, picks.get("one_line"), name)
        # Study-purpose class (quality9): no goal, no contribution purpose; the paper's own analysis, in the one-line
        # sentence or the one right after it, says what it is done for ("We offer an analysis of a dataset to
        # examine X"): that purpose is the goal
        if not objective and picks.get("one_line") is not None:
            k = picks["one_line"]
            objective = next((f"{GOAL}{goal}." for goal in (study_purpose(sentences[j]) for j in (k, k + 1)
                                                              if j < len(sentences)) if goal), "")
        # Defined-task survey class (quality11, survey_objective): a survey states no aim of its own, yet the abstract
        # defines the task it surveys; surveying the methods for that task is the survey's goal
        if not objective:
            objective = survey_objective(one_line, sentences)
        # Gap-below-the-floor class (quality12): still no goal, yet the background before the contribution states
        # the problem it answers in a shape a general rule turns into a goal ("little is known about how X",
        # "X poses a challenge for Y", "X have advanced Y, but they depend on Z", "existing systems struggle because
        # Z", "the cost of X has become prohibitive", or problem_goal's shapes); the classifier read it below its
        # floor, so no pick took it. The gap nearest the contribution is the one it answers.
        if not objective and picks.get("one_line") is not None:
            # a title-case word the abstract also writes in lower case ("Mathematical Reasoning" in the title,
            # "mathematical reasoning" in the text) is an ordinary word behind the frame, not a name
            text = " ".join(sentences)
            plain = frozenset(n for n in names if not re.search(rf"\b{re.escape(n.lower())}\b", text))
            objective = next((f"{GOAL}{goal}." for goal in (
                background_goal(sentences[k], plain) or
                background_goal(resolved_background(sentences[k], sentences[k - 1] if k else "") or "", plain)
                for k in range(picks["one_line"] - 1, -1, -1)) if goal), "")
        # Method-as-objective class: a "goal" whose verb is a means ("to leverage only X", "to model the decoding
        # with Y", "to incorporate Z") is how the method works, not what the paper sets out to achieve: it is no
        # objective; the one-line keeps the clause it came from. A goal's trailing means ("... via reinforcement
        # learning with ...") is cut: the goal is what comes before it.
        if _MEANS_GOAL.match(objective):
            one_line, objective = part("one_line") or f"{paper.title}.", ""
        objective = _GOAL_MEANS_TAIL.sub(".", objective) if len(objective.split()) > 11 else objective
        # Claim-paper class: with no goal stated, a one-line that shows a possibility ("This paper shows that X can
        # be learned from Y") has the research question behind it: whether X can be learned from Y (the question,
        # one level up from the claim, so the row does not say the claim twice)
        if not objective:
            shown = re.match(r"^(?:This paper|The authors)\s+(?:shows?|demonstrates?)\s+that\s+(.+\b(?:can|could)\b.+?)\.?$",
                             one_line)
            if shown:
                # Claim-as-question class: the question does not hold its answer's means ("X can be learned from A
                # and B, without C" asks whether X can be learned without C); a claim with no such means phrase would
                # make the question the one-line again word for word, so the objective stays empty
                asked = _CLAIM_MEANS.sub("", shown.group(1))
                if asked != shown.group(1) and len(asked.split()) >= 5:
                    objective = f"{GOAL}determine whether {lower_first(asked, names)}."
                    one_line = explored_one_line(one_line) or one_line
        # Sequenced-step class (quality13): a goal read from a step the authors take in a sequence ("We then explore
        # the impact of finetuning our base model ...", "Second, we develop budget forcing to control X", "We also
        # introduce a refinement model which is used to improve Y") is that step's purpose, a sub-step of the work
        # (the held-out readers: "the objective is a sub-step"); the title's goal takes its place, else none.
        if objective.startswith(GOAL):
            src = goal_source(objective[len(GOAL):], sentences)
            if src is not None and _SEQUENCED_STEP.match(sentences[src]):
                objective = ""
        # Title-goal class (quality13, contribution.title_goal): still no goal, yet the title states one ("Learning
        # Fine-Grained Manipulation with Low-Cost Hardware", "Fast Inference from Transformers via Y")
        # or that says the one-line again ("investigates scaling X in data-constrained regimes" and "Scaling
        # Data-Constrained X") is no goal of its own
        if not objective:
            text = " ".join(sentences)
            goal = title_goal(paper.title, name, frozenset(n for n in names_in(paper.abstract)
                                                           if not re.search(rf"\b{re.escape(n.lower())}\b", text)))
            objective = f"{GOAL}{goal}." if goal and not repeats(goal, one_line, name) else ""
        # Offer-as-goal class: a gap goal "to provide a comprehensive framework for Y" when the one-line already
        # offers a framework for Y says the contribution twice; at the goal level it is what the offer is for: "to
        # enable Y" (a gerund Y gives its verb: "a benchmark for evaluating Y" -> "to evaluate Y")
        offer = _OFFER_GOAL.match(objective)
        if offer and re.search(rf"\b{offer.group('kind')}\b", one_line) and \
                offer.group("y").split()[0].lower() in one_line.lower():
            y = offer.group("y")
            verb = _ING_VERB.get(y.split()[0])
            objective = f"{GOAL}{verb} {y.split(' ', 1)[1]}." if verb and " " in y else f"{GOAL}enable {y}."
        # Gap-emphasis class (quality9): the gap behind the goal is followed by where it bites ("This gap is especially
        # evident when attempting to merge concepts from multiple images"): that case says what the goal is for, so
        # the objective carries it ("to enable Y, in particular to merge concepts from multiple images")
        oi = picks.get("objective")
        if oi is not None and oi + 1 < len(sentences) and objective.startswith(GOAL) and "," not in objective:
            bites = _GAP_EMPHASIS.match(sentences[oi + 1])
            if bites and not _BACK_REFERENCE.search(bites.group("v")):
                objective = f"{objective.rstrip('.')}, in particular to {bites.group('v').rstrip('.')}."
        # Even-the-strong class (quality11): a gap that says even the strongest members of a kind fail ("However, even
        # advanced LLMs cannot follow complex instructions well") is about the kind: its qualifier marks how hard the
        # problem is, and a goal that keeps it ("to enable advanced LLMs to ...") narrows the aim to those members;
        # the goal names the kind ("to enable LLMs to ...")
        oi = picks.get("objective")
        if oi is not None:
            objective = without_even_qualifier(objective, sentences[oi])
        # Repetition class: the objective states the one-line's purpose clause ("X, a method that enables Y" and
        # "The objective is to enable Y"): the one-line keeps what the paper offers ("This paper introduces X, a
        # method.") and drops the clause, so the row does not say it twice.
        one_line = defined_one_line(without_stated_purpose(one_line, objective, name), paper.title, name)
        # Restated-goal class (quality13): the one-line still says the objective's goal (its clause could not be
        # taken out: "This paper explores the use of LLMs to generate X ..., allowing Y" and "to generate X"); when
        # the title states a goal the one-line does not, that goal is the objective ("to synergize reasoning and acting
        # in language models"), else the objective stays as it was. A question ("to determine whether X") is one
        # level up from the claim the one-line states (claim-paper class): it stays.
        if objective.startswith(GOAL) and not objective.startswith(f"{GOAL}determine ") and repeats(objective[len(GOAL):].rstrip("."), one_line, name):
            text = " ".join(sentences)
            goal = title_goal(paper.title, name, frozenset(n for n in names_in(paper.abstract)
                                                           if not re.search(rf"\b{re.escape(n.lower())}\b", text)))
            if goal and not repeats(goal, one_line, name):
                objective = f"{GOAL}{goal}."
        one_line = with_second_contribution(one_line, sentences, picks.get("one_line"))
        methodology, results = part("methodology"), part("results")
        split = None if methodology else means_split(one_line)
        if split:
            one_line, methodology = split
        if not methodology:  # (the classifier's implication pick is not used: see below)
            taken = {i for role, i in picks.items() if role in PARTS and role != "implication" and i is not None}
            methodology = next((text for text in (enabled_conversion(s) for i, s in enumerate(sentences)
                                                  if i not in taken) if text), "")
            # Skipped-step class (quality8): no sentence was read as the method, yet right after the contribution the
            # abstract goes on with a step of it ("Specifically, it routes each query to two shards. Moreover, we cache
            # hot shards ..."); that step, and the one continuing it, is the methodology
            one_i = picks.get("one_line")
            k = one_i + 1 if one_i is not None else None
            step = _continuing_step(sentences[k], sentences[one_i], name, names) \
                if not methodology and k is not None and k < len(sentences) and k not in taken else None
            if step:
                methodology = continued_methodology(f"{step[:1].upper()}{step[1:]}.", sentences, k, taken, name, names,
                                                    objective[len(GOAL):] if objective.startswith(GOAL) else "")
        elif picks.get("methodology") is not None and ";" not in methodology:
            taken = {i for role, i in picks.items() if role in PARTS and role != "implication" and i is not None}
            goal = objective[len(GOAL):] if objective.startswith(GOAL) else ""
            methodology = continued_methodology(methodology, sentences, picks["methodology"], taken, name, names, goal)
        # The takeaway is written by the class of the contribution (engines/takeaway.py) from the abstract's own
        # clauses, never when it would say another part again; else the contribution's purpose clause when no part
        # states it; else empty (the row goes to review). The classifier's implication pick is not used: blind
        # readings judged none of them a takeaway (background, claims, results, method features).
        used = {i for role, i in picks.items() if role in PARTS and role != "implication" and i is not None}
        # the positioning class may share the one-line's kind and use, never the methodology's or results' words
        implication = write_takeaway(sentences, name, f"{methodology} {results}", used, paper.title,
                                     framing=f"{one_line} {objective}",
                                     parts={"one_line": one_line, "objective": objective, "methodology": methodology,
                                            "results": results}) or \
            offered_takeaway(sentences, picks.get("one_line"), name, objective, f"{one_line} {methodology} {results}")
        # quality12 glue: the second verb of a framed part in the frame's form (rewrite.frame_agreement)
        # quality14 glue: a coined name's first use introduced where the row never said what it is (glue.introduce_names)
        one_line, objective, methodology, results, implication = introduce_names(
            [one_line, frame_agreement(objective), frame_agreement(methodology), results, implication],
            paper.title, " ".join(sentences))
        return Summary(one_line=one_line, objective=objective,
                       methodology=methodology, results=results, implication=implication)


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


# Mid-phrase-cut class (quality13 glue): the purpose clause ends at a comma, but not at one inside brackets
# ("examples (x, f(x)) given ..." cut to "examples (x.") nor inside a run of coordinated modifiers ("a general,
# powerful, scalable (GPS) graph Transformer" cut to "a general."): those commas are protected (\x00) while the
# clause is found, so the clause runs on to the phrase's end.
_MODIFIER_RUN = re.compile(r"\b([A-Za-z][\w\-]*),(\s+[A-Za-z][\w\-]*),(?=\s+(?:and\s+|or\s+)?[A-Za-z])")


def _protect_inner_commas(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        out.append("\x00" if ch == "," and depth else ch)
    return _MODIFIER_RUN.sub("\\1\x00\\2\x00", "".join(out))


def purpose_objective(sentences: list[str], one_i: int | None, name: str | None = None) -> str:
    """'The main research objective is to <purpose>' from the first contribution sentence with a purpose clause."""
    order = ([one_i] if one_i is not None else []) + [i for i in range(len(sentences)) if i != one_i]
    for i in order[:4]:
        purpose = contribution_purpose(sentences[i], name)
        if purpose:
            return f"The main research objective is to {purpose}."
    for i in order[:4]:
        voiced = _protect_inner_commas(house_voice(sentences[i]))
        for m in _PURPOSE.finditer(voiced):
            clause = m.group(1).rstrip(". ").replace("\x00", ",")
            if clause.count("(") != clause.count(")"):
                continue  # still inside a bracket: a cut there leaves "(x."
            if not re.match(r"\s*(?:[,;:]|\.?\s*$)", voiced[m.end(1):]):
                continue  # stopped by the length cap mid-phrase ("real-time novel-view synthesis" cut to "novel.")
            # paired-purpose class: "we use A to capture X and B to achieve Y" -- the clause after the first "to"
            # runs into the second object ("to capture X and B ... to achieve Y" reads as garbled); no goal there
            if re.search(r"\band\s+(?:the|a|an)\s+[^,;]{3,80}?\s+to\s+[a-z]+\b", clause):
                continue
            if _BACK_AIM.search(clause):  # the goal is named elsewhere: what follows is how it is met
                return ""
            if _PURPOSE_VERB.match(clause) and not _BACK_REFERENCE.search(clause) and \
                    not points_back(clause, sentences[i]) and \
                    scanned_purpose_is_goal(sentences[i], m.start(), voiced.replace("\x00", ",")):
                return f"The main research objective is to {clause}."
    return ""


# Whose purpose a scanned "to <verb>" clause is (quality13). The scan above reads any "to" in the first sentences,
# and on abstracts beyond the dev set most of what it took was no purpose of the paper's (the held-out readers: "a
# mechanism", "someone else's aim", "borrowed from background"). Three classes are not the paper's goal:
# - capability or raising "to" ("have been shown to achieve", "abilities to solve", "our ability to evaluate them",
#   "promising to improve", "a model able to learn", "it learns to make predictions", "we need to develop", "a recipe on
#   how to build"): no one acts for a purpose there;
# - a mechanism: the clause sits in a relative clause ("..., where the model is used via prompting to provide its own
#   rewards", "which requires the evaluator to generate ...") or in a sentence whose actor is not the authors (the
#   method: "ToT allows LMs to ... when necessary to make global choices"; a prior practice: "Traditional weather
#   prediction uses more compute to improve forecast accuracy, but cannot ..."; background: "LLMs are trained in two
#   stages ..., to learn general-purpose representations");
# Kept: the authors' own purpose ("we combine techniques to scale our pretraining", "we aim to build X", "We present X,
# a method to extend Y"), a gap ("it remains difficult to create X", "harnessing them to learn X remains an open
# problem", "It poses a significant challenge to develop X"), and the field's aim the paper shares ("X have been
# developed to address Y", "has been widely adopted to evaluate Y", "prior works have designed X to improve Y").
_CAPABILITY_TO = re.compile(r"\b(?:abilit(?:y|ies)|capabilit(?:y|ies)|potential|shown|able|promising|tends?|seems?|"
                            r"appears?|likely|learns|needs?|how|essential|necessary|crucial|important|vital)\s+$", re.IGNORECASE)
_RELATIVE_MECHANISM = re.compile(r"(?:,\s*(?:where|which|whereby|wherein)\b|\bwhich\s+(?:requires?|allows?|enables?)\b)"
                                 r"[^,;:]*$", re.IGNORECASE)
_AUTHORS_VOICE = re.compile(r"\b(?:we|our|us)\b|\b(?:this|the present) (?:paper|work|study)\b|\bthe authors\b",
                            re.IGNORECASE)
_GAP_BEFORE = re.compile(r"\b(?:difficult|hard|challenging|non-trivial|struggles?|fail(?:s|ed)?|unable|impossible)\s+$",
                         re.IGNORECASE)
_GAP_SENTENCE = re.compile(r"\b(?:open (?:problem|challenge|question)|remains? (?:an? )?(?:unsolved|challeng\w*|"
                           r"difficult|elusive)|poses? (?:an? )?(?:\w+ )?challenge)\b", re.IGNORECASE)
_SHARED_AIM = re.compile(r"\b(?:ha(?:ve|s) been (?:\w+ly )?(?:developed|designed|proposed|adopted|introduced)|"
                         r"ha(?:ve|s) (?:\w+ly )?(?:developed|designed|proposed))\b[^;:]*$", re.IGNORECASE)
# "to achieve both objectives", "to meet these requirements": the goal is named elsewhere, the clause points back
_BACK_AIM = re.compile(r"\b(?:both|these|those|the two|such)\s+(?:objectives|goals|aims|properties|requirements|"
                       r"desiderata|criteria)\b", re.IGNORECASE)


def scanned_purpose_is_goal(sentence: str, at: int, voiced: str | None = None) -> bool:
    """Whether the "to" clause starting at ``at`` in ``voiced`` (the sentence in the house voice, as the scan read it)
    is the paper's goal (classes above)."""
    voiced = house_voice(sentence) if voiced is None else voiced
    before = voiced[:at]
    if _RELATIVE_MECHANISM.search(before) or (_CAPABILITY_TO.search(before) and not (
            # what the paper's own contribution is able to do is what it is for ("We present X, a model able to Y")
            _AUTHORS_VOICE.search(sentence) and re.search(r"\bable\s+$", before))):
        return False
    if _GAP_BEFORE.search(before) or _GAP_SENTENCE.search(voiced) or _SHARED_AIM.search(before):
        return True
    return bool(_AUTHORS_VOICE.search(sentence))


# Sequenced-step class (see summarize): the authors' own step marked as one of several.
_SEQUENCED_STEP = re.compile(r"^(?:(?:We|The authors)\s+(?:then|also|further|additionally|next)\b|(?:Finally|Furthermore|"
                             r"Moreover|Next|Second(?:ly)?|Third(?:ly)?|Then|Lastly|Additionally|In addition|Besides),?"
                             r"\s+we\b)")


def goal_source(goal: str, sentences: list[str]) -> int | None:
    """The sentence a goal was read from: the first whose words (in the house voice) hold the goal's first six words
    after its verb, else None."""
    words = re.findall(r"[a-z0-9][\w\-]*", goal.lower())[1:7]
    if len(words) < 3:
        return None
    key = f" {' '.join(words)} "  # whole words: "ate x y" is not in "generate x y"
    for i, sentence in enumerate(sentences):
        for text in (sentence, house_voice(sentence)):
            if key in " " + " ".join(re.findall(r"[a-z0-9][\w\-]*", text.lower())) + " ":
                return i
    return None

