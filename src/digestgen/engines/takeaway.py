"""The takeaway: the "principal implication for AI practitioners", written from the abstract's own clauses.

An editor's implication (the reference archive's ~4,500 of them) says who can do what with the contribution and
why it matters in practice: "AI practitioners can use X to <benefit> [without <cost>]", "AI practitioners can use X
as a <solution> for <need>", "AI practitioners should be aware that <finding>". It is not the objective restated,
a result restated with its numbers, the authors' hope or claim, a method feature, a release notice or background.

Each class of contribution has its own writer (``Candidate.kind``):

* ``kept``: an abstract sentence that already is a takeaway for users ("Our method provides a robust solution for
  applications requiring Y") -> "AI practitioners can use X as a robust solution for applications requiring Y";
* ``benefit``: a method, model or system whose abstract states what it does for its user ("X reduces memory use",
  "X can run on phones", "X serves as a drop-in replacement for Y", "X can be deployed on Y") -> "AI practitioners
  can use X to <benefit>", numbers and "compared to ..." clauses dropped (the results part carries them), plus the
  abstract's own "without training" when the method is training-free;
* ``resource``: a benchmark or dataset with a clause saying what it evaluates or trains -> "AI practitioners can
  use X to evaluate <what it covers>";
* ``finding``: an analysis finding ("we find that ...", "results reveal that ...") about models or methods in
  general, not the paper's own -> "AI practitioners should be aware that <finding>".

Nothing is written when no clause fits: the part stays empty and the row goes to review. A candidate that says
again what another part says (see ``repeats``) is not written either. No fact is added: the verb phrase, the
condition and the finding are the abstract's own words; only the frame ("AI practitioners can use X to") is ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rewrite import _BACK_REFERENCE, strip_opener, unlatex

# --- Repetition: content words shared with the other parts -------------------------------------------------------
_STOPWORDS = frozenset(
    "a an the this that these those of in on at to for from by with without into onto over under as and or but nor "
    "is are was were be been being it its their they them his her we our us you your i can could may might will would "
    "should must also further more most less than such both each all any some many much very well not no only even "
    "which who whom whose what when where while how why via through across between among per within upon about "
    "using use used uses based new novel existing approach method framework model models paper work study authors "
    "ai practitioners practitioner".split())


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word  # "reduce", "reduces" -> "reduc"


def content_words(text: str) -> set[str]:
    """Lower-cased, crudely stemmed words that carry content ("reduces" and "reducing" -> "reduc"); a hyphenated
    word counts as its parts, so "issue-resolving" meets "issue resolving"."""
    return {_stem(w) for w in re.findall(r"[a-z][a-z0-9]+", text.lower()) if w not in _STOPWORDS}


# A takeaway about the same contribution shares the contribution's name and domain nouns with the objective
# ("LLMs", "video generation"), so some overlap is expected; when more than half of the takeaway's own words (its
# benefit phrase, without the frame and the name) already stand in another part, it says that part again.
MAX_OVERLAP = 0.5


def repeats(core: str, said: str, name: str | None = None, limit: float = MAX_OVERLAP) -> bool:
    """Whether ``core`` (the takeaway's own phrase) says again what ``said`` (the other parts) says."""
    words = content_words(core) - (content_words(name) if name else set())
    if not words:
        return True
    return len(words & content_words(said)) / len(words) > limit


# --- Cleaning a clause: numbers and comparisons go to the results part ---------------------------------------------
_AMOUNT = r"(?:up to |over |more than |about |approximately |nearly |almost |around |at least |an average of |~|≈)?"
_QTY = r"\d[\d.,]*\s*(?:%|×|x\b|-?fold\b|times\b|points?\b|pp\b|percentage points\b)?"
_DROPS = [
    re.compile(r"\s*\((?:[^()]*\d[^()]*|e\.g\.[^()]*|i\.e\.[^()]*|via [^()]*)\)"),  # "(41.6% Pass@1)", "(e.g., DPO)"
    re.compile(r",?\s+(?:by|of)\s+" + _AMOUNT + _QTY + r"(?=[\s,.;]|$)"),           # "reduces memory by 40%"
    re.compile(r",?\s+from\s+" + _QTY + r"\s+to\s+" + _QTY),                          # "from 55% to 78%"
    re.compile(_AMOUNT + _QTY + r"\s+(?=(?:less|fewer|more|lower|higher|faster|smaller|larger|cheaper)\b)"),  # "40% less"
    re.compile(r",?\s+(?:compared (?:to|with)|relative to|as opposed to|versus|vs\.?)\s+[^,;]+"),
    re.compile(r",?\s+(?:than|over)\s+(?:the\s+)?(?:strong\s+)?(?:baselines?|previous|prior|existing|conventional|"
               r"state-of-the-art|competing|static|their static)\b[^,;]*"),
]
# A performance number left over ("achieves 81.4"): not a digit inside a name ("3D", "Llama3-70B", "GPT-4o").
_NUMBER = re.compile(r"(?<![\w\-.])\d[\d.,]*(?![\w\-])|\d\s*%")
# Where the clause of use ends: a remark, an outcome or a claim appended to it.
_CLAUSE_END = re.compile(
    r";|:|\s+--\s+|\s+—\s+|,\s+(?:which|where|whereas|thus|thereby|as|and thus)\b|"
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:achiev|outperform|surpass|demonstrat|showcas|highlight|establish|setting|yield|"
    r"resulting|leading|paving|marking|opening|unlock|bridg|attain|reach|match)\w*\b|"
    r"\s+and\s+(?:be|is|are)\s+|\s+(?:and|but)\s+(?:also\s+)?(?:achiev|outperform|surpass|match)\w*")
# A claim or hope, never a takeaway: "paves the way", "a new paradigm", "future research".
_CLAIM = re.compile(r"\b(?:pav\w+ the way|new paradigm|pivotal|milestone|first step|future (?:research|work|studies)|"
                    r"further research|the (?:research )?community|researchers|revolutioni[sz]\w*|transform\w*|"
                    r"unlock\w*|new (?:avenues|possibilities|directions)|potential to)\b", re.IGNORECASE)
# The authors in the clause ("our", "we"): the clause is about their own doing, not the reader's.
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)
# A clause that opens on a reference to something the takeaway leaves out ("them", "this gap").
_OPENS_BACK = re.compile(r"^(?:it|its|they|them|their|this|these|those|such|the above|the aforementioned|both|"
                         r"the underlying|the same|the latter|the former)\b",
                         re.IGNORECASE)


def clean(clause: str) -> str:
    """The clause without its numbers, examples and comparisons, cut where an appended outcome or remark begins."""
    text = unlatex(clause).strip()
    for _ in range(2):
        for rx in _DROPS:
            text = rx.sub("", text)
    text = _CLAUSE_END.split(text, maxsplit=1)[0]
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    return text.strip(" ,.;:")


def usable(clause: str) -> bool:
    """A cleaned clause a takeaway may hold: long enough, no number, no claim, no first person, no back-reference."""
    words = clause.split()
    return (2 <= len(words) <= 35 and not _NUMBER.search(clause) and not _CLAIM.search(clause)
            and not _FIRST_PERSON.search(clause) and not _OPENS_BACK.match(clause)
            and not _BACK_REFERENCE.search(clause))


# --- Verbs ----------------------------------------------------------------------------------------------------------
# What a method does for its user (an efficiency, a quality, a capability): the verb of a benefit clause.
_STRONG = ("improve reduce accelerate boost enhance cut lower eliminate preserve save compress stabilize stabilise "
           "simplify mitigate alleviate avoid remove speed").split()
_WEAK = ("enable allow extend handle generate produce deliver scale support adjust track detect recover "
         "adapt run").split()
_BENEFIT_VERBS = _STRONG + _WEAK
# Results verbs (a comparison with baselines): the results part, never a benefit to "use X to".
_RESULT_VERBS = frozenset("achieve outperform surpass beat exceed match attain obtain reach set rank".split())
_PARTICIPLES = {"deployed": "deploy", "integrated": "integrate", "applied": "apply", "used": "use", "plugged": "plug",
                "extended": "extend", "adapted": "adapt", "combined": "combine", "incorporated": "incorporate",
                "transferred": "transfer", "run": "run", "scaled": "scale", "employed": "employ"}


def base_form(verb: str) -> str:
    """'improves' -> 'improve', 'unifies' -> 'unify', 'reduces' -> 'reduce', 'speeds' -> 'speed'."""
    v = verb.lower()
    if v.endswith("ies") and len(v) > 4:
        return v[:-3] + "y"
    if v.endswith(("sses", "shes", "ches", "xes", "zes")):
        return v[:-2]
    if v.endswith("s") and not v.endswith("ss"):
        return v[:-1]
    return v


_E_VERBS = frozenset(("generate produce create capture handle improve reduce make use leverage enable achieve compute "
                      "compose decode encode estimate evaluate integrate localize localise optimize optimise recognize "
                      "retrieve scale simulate synthesize synthesise translate update validate analyze analyse "
                      "calibrate manage merge navigate operate restore preserve remove solve resolve serve provide "
                      "guide explore describe execute reconstruct continue combine compare").split())


def gerund_base(verb: str) -> str | None:
    """'generating' -> 'generate', 'tracking' -> 'track', 'running' -> 'run'; None when it is not an -ing form."""
    if not verb.endswith("ing") or len(verb) < 5:
        return None
    stem = verb[:-3]
    if stem + "e" in _E_VERBS:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem


def _is_benefit(base: str) -> bool:
    return base in _BENEFIT_VERBS


# --- The contribution's subject -------------------------------------------------------------------------------------
_OWN_NOUNS = (r"(?:method|approach|framework|model|system|technique|strategy|pipeline|algorithm|architecture|module|"
              r"tokenizer|encoder|decoder|evaluator|agent|solution|scheme|recipe|toolkit|library|tool|design)")
# Prior work is never the subject of this paper's benefit: "The conventional approach ...", "The existing model ...".
_NOT_OWN = r"(?!(?:existing|previous|prior|traditional|conventional|current|baseline|standard|original|other)\b)"
_OWN_SUBJECT = (r"(?:Our|The proposed|The|This)\s+(?:" + _NOT_OWN + r"[\w\-]+\s+){0,3}?" + _OWN_NOUNS)
_ADVERBS = r"(?:(?:can|could|also|further|thus|therefore|then|still|consistently|\w+ly)(?:,?\s+and)?\s+){0,4}"
# Reporting frames before a clause: "Experiments show that", "We demonstrate how", "The results indicate that".
_REPORT = re.compile(
    r"^(?:(?:(?:The|Our|These|Such|Extensive|Comprehensive|Empirical|Experimental|Further)\s+)*(?:[\w\-]+\s+){0,2}?"
    r"(?:experiments?|results?|evaluations?|analys[ie]s|studies|study|findings|tests?|ablations?|observations?)"
    r"(?:\s+[^,]{0,60}?)?|We|The authors)\s+(?:also\s+|further\s+)?(?:show|shows|showed|demonstrate|demonstrates|"
    r"demonstrated|reveal|reveals|revealed|indicate|indicates|confirm|confirms|find|finds|found|observe|observed|"
    r"suggest|suggests|verify|verifies|present|discover|discovered|identify|identified|note|noted)\s+(that|how)\s+",
    re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    kind: str    # kept | benefit | resource | finding
    text: str    # the takeaway sentence
    core: str    # the abstract's own phrase in it (what repetition is judged on)
    score: float
    index: int   # the abstract sentence it comes from


def _subject_pattern(name: str | None) -> str:
    own = _OWN_SUBJECT
    if name:
        own = r"(?:The proposed\s+|Our\s+)?" + re.escape(name) + r"(?:[\s\-](?:models?|framework|method|system))?|" + own
    return r"(?P<subj>" + own + r"|It)"


def _display(subject: str, name: str | None) -> str | None:
    """How the takeaway names the contribution: its name, else "this <noun>" from the subject."""
    if name:
        return name
    m = re.search(_OWN_NOUNS + r"s?$", subject)
    return f"this {m.group(0)}" if m and subject.split()[0] in ("Our", "The", "This") else None


def contribution_name(sentences: list[str], name: str | None) -> str | None:
    """The name the abstract uses for its contribution: ``name`` when the abstract uses it, else an acronym a
    contribution sentence gives in parentheses ("We propose Decoupled Value Policy Optimization (DVPO)")."""
    text = " ".join(sentences)
    if name and re.search(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])", text):
        return name
    for s in sentences:
        if re.search(r"\b(?:we|this (?:paper|work))\b[^.;]{0,40}\b(?:propose|introduce|present|develop)", s, re.I):
            m = re.search(r"\(([A-Z][\w\-]*[A-Z][\w\-]*)\)", s)
            if m and len(re.findall(re.escape(m.group(1)), text)) >= 2:
                return m.group(1)
    return None


def _training_free(sentences: list[str], name: str | None) -> str:
    """The abstract's own "without (any) training" for a training-free contribution, else ''. Only a sentence about
    the contribution counts (its name, "our method", "the proposed", "We propose ..."): "we evaluate models without
    training" says how the authors tested, not what the method needs."""
    for s in sentences:
        own = (name and name in s) or re.search(r"\b(?:our|the proposed)\s+(?:[\w\-]+\s+){0,2}?" + _OWN_NOUNS, s, re.I) \
            or re.search(r"\b(?:we|this (?:paper|work))\b[^.;]{0,40}\b(?:propose|introduce|present|develop)", s, re.I)
        if not own:
            continue
        m = re.search(r"\bwithout\s+(?:any\s+|additional\s+|extra\s+|further\s+)?(?:re-?)?training\b(?!\s+(?:any|the|a)\b)", s, re.I)
        if m:
            return m.group(0).lower()
        if re.search(r"\btraining-free\b", s, re.IGNORECASE):
            return "without training"
    return ""


# --- Writers, one per class -----------------------------------------------------------------------------------------
_PROVIDES = r"(?:provides|offers|constitutes|represents|is)\s+(?:a|an)\s+"
_SOLUTION = (r"(?:solution|alternative|tool|option|recipe|means|replacement|toolkit|library|baseline|foundation|"
             r"building block|testbed)")


def _kept(i: int, s: str, subj: str, x: str | None) -> Candidate | None:
    """Class: a sentence that already is a takeaway for users. "X provides a robust solution for applications
    requiring Y" -> "AI practitioners can use X as a robust solution for applications requiring Y"; "Practitioners
    can deploy X on Y" stays as it is."""
    m = re.search(r"\b(?:AI\s+)?(?:practitioners|developers|engineers)\s+(?:can|should)\s+(.+)$", s, re.IGNORECASE)
    if m and not _FIRST_PERSON.search(m.group(1)):
        clause = clean(m.group(0))
        if usable(clause):
            body = re.sub(r"^(?:AI\s+)?(?:practitioners|developers|engineers)\s+", "", clause, flags=re.IGNORECASE)
            return Candidate("kept", f"AI practitioners {body}.", body, 4.0, i)
    m = re.search(subj + r"\s+(?:\w+ly\s+)?" + _PROVIDES + r"(?P<np>(?:[\w\-]+,?\s+){0,4}?" + _SOLUTION
                  + r")\s+(?P<prep>for|to)\s+(?P<need>.+)$", s)
    if m and x:
        need = clean(m.group("need"))
        np = " ".join(m.group("np").split())
        if usable(need):
            article = "an" if np[0].lower() in "aeiou" else "a"
            core = f"{np} {m.group('prep')} {need}"
            return Candidate("kept", f"AI practitioners can use {x} as {article} {core}.", core, 4.0, i)
    # "X is well suited for Y", "X is applicable to Y": the abstract's own statement of where X is of use
    m = re.search(subj + r"\s+(?:is|are)\s+(?:\w+ly\s+)?(?:well[\s\-])?(?:suited|applicable|suitable|useful|ready)\s+"
                  r"(?P<prep>for|to)\s+(?P<need>.+)$", s)
    if m and x:
        need = clean(m.group("need"))
        if usable(need):
            verb = "use" if m.group("prep") == "for" else "apply"
            core = f"{m.group('prep')} {need}"
            return Candidate("kept", f"AI practitioners can {verb} {x} {core}.", core, 3.0, i)
    return None


def _base_verbs(phrase: str) -> str:
    """Coordinated verbs of a benefit clause in the base form after "to": "enhance Y, improves Z, and simplifies W"
    -> "enhance Y, improve Z, and simplify W" (only verbs of use, so "and models" stays a noun)."""
    verbs = set(_BENEFIT_VERBS) | {"provide", "offer", "make", "require"}

    def base(m: re.Match) -> str:
        b = base_form(m.group(2))
        return m.group(1) + (b if b in verbs and b != m.group(2) else m.group(2))

    return re.sub(r"(,\s+(?:and\s+)?|\s+and\s+)([a-z]+)\b", base, phrase)


# What a results sentence delivers ("delivers an average improvement", "produces higher accuracy"): a result.
_RESULT_OBJECT = re.compile(r"^(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?(?:improvements?|gains?|accuracy|scores?|"
                            r"performance|results?|speedups?)\b", re.IGNORECASE)
_KEEP_ADVERB = re.compile(r"\b(dynamically|directly|efficiently|automatically|seamlessly|readily|jointly|adaptively|"
                          r"easily|reliably|safely)\b")


def _benefit(i: int, s: str, subj: str, name: str | None, condition: str) -> Candidate | None:
    """Class: a method, model or system and what it does for its user.
    "X (consistently) improves Y", "X can run on Y", "We show how our model can generate Y without Z" ->
    "AI practitioners can use X to improve Y"; "X serves as a plug-and-play replacement for Y" -> "... use X as a
    plug-and-play replacement for Y"; "X can be deployed on Y" -> "AI practitioners can deploy X on Y"."""
    lead = r"^(?:[^,]{0,120},\s+)?"
    m = re.search(lead + subj + r"\s+(?:can|could)\s+(?:also\s+|thus\s+|then\s+)?be\s+(?P<adv>\w+ly\s+)?(?P<verb>"
                  + "|".join(_PARTICIPLES) + r")\s+(?P<rest>.+)$", s)
    if m:
        x = _display(m.group("subj"), name)
        rest = clean(m.group("rest"))
        if x and usable(rest) and not rest.startswith(("by ", "as a ")):
            verb = _PARTICIPLES[m.group("verb")]
            adverb = m.group("adv") if m.group("adv") and _KEEP_ADVERB.match(m.group("adv")) else ""
            score = 2.0 if verb in ("deploy", "integrate", "plug", "run", "use", "employ") else 1.0
            return Candidate("benefit", f"AI practitioners can {adverb}{verb} {x} {rest}.", rest, score, i)
    m = re.search(lead + subj + r"\s+(?:\w+ly\s+)?(?:serves|acts|functions|works|can serve|can act)\s+as\s+"
                  r"(?P<art>a|an)\s+(?P<rest>.+)$", s)
    if m:
        x = _display(m.group("subj"), name)
        # "as a replacement for Y, relies on Z, and leverages W": the next predicate of the list is not the use
        rest = clean(re.split(r",\s+(?:and\s+)?[a-z]+s\s+(?:on|an?|the|to|its|their)\b", m.group("rest"))[0])
        if x and usable(rest):
            return Candidate("benefit", f"AI practitioners can use {x} as {m.group('art')} {rest}.", rest, 2.0, i)
    m = re.search(lead + subj + r"\s+(?:\w+ly\s+)?(?:excels|succeeds|is capable of|is able to|can)\s+(?:at\s+|in\s+)?"
                  r"(?P<verb>[a-z]+ing)\s+(?P<rest>.+)$", s)
    if m:  # "X excels in generating Y" -> "use X to generate Y"
        x = _display(m.group("subj"), name)
        rest = clean(m.group("rest"))
        base = gerund_base(m.group("verb"))
        if x and base and base not in _RESULT_VERBS and usable(rest):
            return Candidate("benefit", f"AI practitioners can use {x} to {base} {rest}.", f"{base} {rest}", 1.0, i)
    m = re.search(lead + subj + r"\s+(?P<pre>" + _ADVERBS + r")(?P<verb>[a-z]+)\s+(?P<rest>.+)$", s)
    if not m:
        return None
    x = _display(m.group("subj"), name)
    verb = m.group("verb")
    can = re.search(r"\b(?:can|could)\b", m.group("pre")) is not None
    base = verb if can else base_form(verb)
    if x is None or base in _RESULT_VERBS or base in ("be", "not", "have", "is", "are", "has", "was", "were"):
        return None
    if not (_is_benefit(base) or (can and verb == base)):
        return None  # "X relies on Y", "X consists of Y": a method feature, not a use
    rest = clean(m.group("rest"))
    if not usable(rest) or rest.startswith(("to ", "that ")):
        return None
    if base not in _STRONG and _RESULT_OBJECT.match(rest):
        return None  # "delivers an average improvement": a result restated
    if base in ("reduce", "lower", "cut", "remove", "eliminate", "compress") and re.match(
            r"(?:the\s+|its\s+)?(?:[\w\-]+\s+)?(?:accuracy|performance|quality|robustness|generali[sz]ation|flexibility|"
            r"fidelity|diversity|expressiveness)(?:\s+(?:on|of|in|for)\b|$)", rest):
        return None  # "reduces accuracy": a cost, not a benefit
    adverb = _KEEP_ADVERB.search(m.group("pre"))
    phrase = _base_verbs(f"{adverb.group(1) + ' ' if adverb else ''}{base} {rest}")
    # "X allows developers to profile apps": the people it enables are the reader, so "use X to profile apps"
    users = re.match(r"(?:allow|enable|let|help)\s+(?:AI\s+)?(?:developers|practitioners|users|engineers|teams|"
                     r"operators)\s+(?:to\s+)?(.+)$", phrase)
    if users:
        phrase = users.group(1)
    if condition and "without" not in phrase:
        phrase = f"{phrase} {condition}"
    score = (2.0 if base in _STRONG else 1.0) + (0.5 if "without" in phrase else 0.0) \
        - (1.0 if " to be " in f" {rest} " else 0.0)
    return Candidate("benefit", f"AI practitioners can use {x} to {phrase}.", phrase, score, i)


_RESOURCE = re.compile(r"\b(?:benchmark|dataset|data set|test suite|testbed|corpus|leaderboard|evaluation (?:suite|"
                       r"framework|protocol))s?\b", re.IGNORECASE)
_INTRODUCES = re.compile(r"\b(?:introduce|propose|present|release|construct|build|curate|create|develop)s?\b", re.I)
_EVAL_NOUN = re.compile(r"\b(?:for|enabling|enables?|allowing|allows?|supporting|supports?)\s+(?:a\s+|an\s+)?(?:[\w\-]+\s+)"
                        r"{0,2}?(?:evaluation|assessment|diagnosis)\s+of\s+(.+)$", re.IGNORECASE)
_EVAL_VERB = re.compile(r"\bto\s+(?:\w+ly\s+)?(evaluate|assess|measure|probe|test|diagnose|benchmark)\s+(.+)$", re.I)
_TRAIN_SET = re.compile(r"\btraining (?:set|data|split|corpus)\s+(?:aimed at|for|to)\s+(enhanc|improv|boost|strengthen)"
                        r"(?:ing|e)?\s+(.+)$", re.IGNORECASE)
# A shortfall of prior work ("fails to assess", "cannot measure", "lack"): background, not what the resource does.
_SHORTFALL = re.compile(r"\b(?:fail\w*|cannot|can't|unable|lack\w*|struggl\w*|insufficient|neglect\w*|overlook\w*|"
                        r"ignor\w*|rarely|seldom|limited)\b", re.IGNORECASE)
_GERUND_BASE = {"enhanc": "enhance", "improv": "improve", "boost": "boost", "strengthen": "strengthen"}


def _resource(sentences: list[str], name: str | None, skip: set[int]) -> list[Candidate]:
    """Class: a benchmark or dataset, and what it evaluates or trains, from a clause other than the one that
    introduces it: "two tasks ... for a comprehensive evaluation of how models plan" -> "AI practitioners can use X
    to evaluate how models plan"; "a training set aimed at enhancing Y" -> "... use X's training set to enhance Y"."""
    intro = next((i for i, s in enumerate(sentences) if _INTRODUCES.search(s) and _RESOURCE.search(s)
                  and (re.search(r"\b(?:we|this (?:paper|work))\b", s, re.I) or (name and name in s))), None)
    if intro is None:
        return []
    noun = _RESOURCE.search(sentences[intro]).group(0).lower()
    x = name or f"this {noun.rstrip('s')}"
    out = []
    for i, s in enumerate(sentences):
        if i in skip or i == intro:
            continue
        s = strip_opener(unlatex(s))
        if _SHORTFALL.search(s):  # "current benchmarks fail to assess X": a gap in prior work, not this resource
            continue
        m = _EVAL_NOUN.search(s)
        if m and usable(clean(m.group(1))):
            core = f"evaluate {clean(m.group(1))}"
            out.append(Candidate("resource", f"AI practitioners can use {x} to {core}.", core, 2.0, i))
            continue
        m = _EVAL_VERB.search(s)
        if m and usable(clean(m.group(2))):
            core = f"{m.group(1).lower()} {clean(m.group(2))}"
            out.append(Candidate("resource", f"AI practitioners can use {x} to {core}.", core, 2.0, i))
            continue
        m = _TRAIN_SET.search(s)
        if m and usable(clean(m.group(2))):
            core = f"{_GERUND_BASE[m.group(1).lower()]} {clean(m.group(2))}"
            owner = f"{x}'s" if name else "its"
            out.append(Candidate("resource", f"AI practitioners can use {owner} training set to {core}.", core, 1.5, i))
    return out


# "We find that X", "..., and found that X", "we conducted experiments showing that X": a finding inside a sentence.
_FOUND = re.compile(r"(?:\b(?:we|the authors|and)\s+(?:also\s+|further\s+|additionally\s+)?(?:find|found|observe|observed|"
                    r"discover|discovered|reveal|revealed|identify|identified|note|noted)|\b(?:experiments?|analys[ie]s|"
                    r"studies|study|evaluations?|results)\s+(?:showing|revealing|indicating|suggesting|confirming))"
                    r"\s+that\s+(.+)$", re.IGNORECASE)


# What the authors do next in the same sentence ("we find that X and propose Y"): not part of the finding.
_AUTHORS_NEXT = re.compile(r"\s+and\s+(?:then\s+)?(?:propose|introduce|present|develop|design|build|use|leverage)\b.*$")


def own_names(sentences: list[str], name: str | None) -> set[str]:
    """Names the paper gives its own contributions: the contribution's name, "a dataset named CRAB", "coined as X",
    "(DVPO)" after a contribution. A clause about one of them reports the paper's own result."""
    out = {name} if name else set()
    for s in sentences:
        out |= set(re.findall(r"\b(?:named|called|dubbed|coined as|termed)\s+([A-Z][\w\-]*)", s))
        if re.search(r"\b(?:we|this (?:paper|work))\b[^.;]{0,40}\b(?:propose|introduce|present|develop)", s, re.I):
            out |= set(re.findall(r"\(([A-Z][\w\-]*[A-Z][\w\-]*)\)", s))
            out |= set(m.group(1) for m in re.finditer(r"\btechnique,\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})\s*$",
                                                       s.rstrip(". ")))
    return {n for n in out if n}


def _finding(i: int, s: str, subj_rx: re.Pattern, own: set[str]) -> Candidate | None:
    """Class: an analysis finding about models or methods in general ("We find that X", "The results reveal that
    X", "..., and found that X") -> "AI practitioners should be aware that X". A finding about the paper's own
    method or data is its result (the results part), not something to be aware of."""
    m = _REPORT.match(s)
    clause = s[m.end():] if m and m.group(1).lower() == "that" else None
    if clause is None:
        f = _FOUND.search(s)
        clause = f.group(1) if f else None
    if not clause:
        return None
    # a "where" clause of a finding says what it is about ("a shared space, where text and image align"): kept
    clause = re.sub(r",\s+where\s+", " where ", _AUTHORS_NEXT.sub("", clause))
    core = clean(re.split(r",\s+(?:prompting|suggesting|indicating|implying|calling|motivating|which)\b", clause)[0])
    core = re.sub(r"^(\S+(?:\s+\S+){0,6}?\s+)also\s+", r"\1", core)  # "X also serves as": the "also" points back
    if not usable(core) or subj_rx.match(core) or re.match(r"(?:the\s+)?(?:proposed|model|method|approach)\b", core, re.I):
        return None
    if any(re.search(r"(?<![\w\-])" + re.escape(n) + r"(?![\w\-])", core) for n in own):
        return None
    if not re.match(r"(?:[A-Za-z][\w\-']*\s+){1,8}?(?:is|are|was|were|can|cannot|could|do|does|did|may|might|must|"
                    r"should|will|would|has|have|had|[a-z]+s|[a-z]+ed)\b", core):
        return None  # not a clause with a subject and a verb
    core = core[:1].lower() + core[1:] if not re.match(r"[A-Z]{2,}|[A-Z][a-z]*[A-Z]", core) else core
    return Candidate("finding", f"AI practitioners should be aware that {core}.", core, 1.0, i)


def candidates(sentences: list[str], name: str | None = None) -> list[Candidate]:
    """Every takeaway the abstract's clauses support, by class."""
    name = contribution_name(sentences, name)
    subj = _subject_pattern(name)
    subj_rx = re.compile(r"^" + subj + r"\b")
    condition = _training_free(sentences, name)
    own = own_names(sentences, name)
    first = first_own(sentences, name)
    out: list[Candidate] = []
    for i, raw in enumerate(sentences):
        s = strip_opener(unlatex(raw)).rstrip(". ")
        if (first is None or i < first) and re.match(r"(?:This|The|It|These)\b(?!\s+proposed\b)", s):
            # "This approach increases cost" before the paper introduces its own: prior work, not the contribution
            out += [c for c in [_finding(i, s, subj_rx, own)] if c]
            continue
        if re.match(r"^It\b", s) and not (i and (re.search(subj.replace("|It)", ")"), sentences[i - 1])
                                              or re.search(r"\b(?:we|our)\b", sentences[i - 1], re.I))):
            continue  # "It ..." whose antecedent is not the contribution
        body = s
        m = _REPORT.match(s)
        if m and m.group(1).lower() in ("that", "how"):
            body = s[m.end():]
            body = body[:1].upper() + body[1:]
            if m.group(1).lower() == "how":  # "We show how a single flexible model can ...": the model is theirs
                body = re.sub(r"^(?:A|An)\s+(?:single\s+)?(?:[\w\-]+\s+){0,2}?" + _OWN_NOUNS + r"\b",
                              lambda k: "The " + k.group(0).split(maxsplit=1)[1], body)
        # "X is designed for Y: it serves as Z": the clause after the colon is about X
        colon = re.match(subj + r"\b[^:;]*[:;]\s+it\s+(?P<rest>.+)$", body)
        if colon and colon.group("subj") != "It":
            body = f"{colon.group('subj')} {colon.group('rest')}"
        c = _kept(i, body, subj, name or _display_any(body))
        if c is None:
            c = _benefit(i, body, subj, name, condition)
        if c is None:
            c = _finding(i, s, subj_rx, own)
        if c is not None:
            out.append(c)
    out += _resource(sentences, name, set())
    return out


_STUDIES = re.compile(r"\b(?:we|this (?:paper|work|study))\b[^.;]{0,60}\b(?:propose|introduce|present|develop|design|"
                      r"build|release|construct|study|investigate|explore)", re.IGNORECASE)


def first_own(sentences: list[str], name: str | None) -> int | None:
    """The first sentence about the paper's own contribution ("We propose ...", "We study ...", its name, "our
    method"); a "This approach ..." before it means someone else's."""
    for i, s in enumerate(sentences):
        if _STUDIES.search(s) or (name and name in s) or re.search(r"\bour\s+(?:[\w\-]+\s+){0,2}?" + _OWN_NOUNS, s, re.I):
            return i
    return None


def _display_any(s: str) -> str | None:
    m = re.match(_OWN_SUBJECT, s)
    return _display(m.group(0), None) if m else None


# A benefit clause that only says the method makes something "be converted" (score 0) describes a mechanism.
MIN_SCORE = 0.5


def write_takeaway(sentences: list[str], name: str | None = None, said: str = "", used: set[int] = frozenset()) -> str:
    """The best takeaway the abstract supports, or '' when none can be written honestly.

    ``said``: the text of the other parts (one-line, objective, methodology, results); a candidate that repeats
    it is not written. ``used``: the sentences those parts come from (never a takeaway's source)."""
    shown = contribution_name(sentences, name)
    best, best_score = None, MIN_SCORE
    for c in candidates(sentences, name):
        if repeats(c.core, said, shown):
            continue
        score = c.score + (0.0 if c.index in used else 0.25)  # a clause no other part holds reads fresher
        if score >= best_score and (best is None or score > best_score):
            best, best_score = c, score
    return best.text if best else ""
