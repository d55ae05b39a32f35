"""The one-line and the objective from an abstract's own clauses (issue 11, quality4).

Each rule names the class of sentence it handles and is tested on sentences written for
tests/test_parts_quality.py. No rule adds a fact: the clauses are the abstract's; only the house
phrasing around them ("This paper introduces", "The main research objective is to") is written.
"""

from __future__ import annotations

import re

from .rewrite import _BACK_PURPOSE, _BACK_REFERENCE, complement_start, house_voice, lower_first

# --- One-line: the paper's own contribution ---------------------------------------------------------------------
# A contribution clause anywhere in a sentence, with whatever comes before it dropped: a lead clause ("To bridge
# this gap, we ...", "As prior methods ignore this factor, we ..."), or a first verb co-ordinated with it ("we
# leverage these signals and introduce X"). Group 1: the verb; group 2: what the paper introduces.
_CONTRIB_CLAUSE = re.compile(
    r"\b(?:we|this (?:paper|work|study|report)|the authors|in this (?:paper|work|study),?\s+we)\b"
    r"(?:[^.;]{0,80}?\band\s+|\s+(?:\w+ly\s+|also\s+|further\s+|then\s+|first\s+|here\s+)?)"
    r"(propose|introduce|present|develop|release|construct|build|design|create)s?\s+(?=[A-Za-z\"“(])(.+)$",
    re.IGNORECASE)
# What a contribution introduces: an artefact ("a framework", "X, a ..."), never the paper's contents ("results",
# "an analysis of ...") nor a bare infinitive the verb does not take ("introduce to").
_OBJECT_OK = re.compile(r"^(?!(?:results?|findings|evidence|experiments?|to\b|that\b|how\b|it\b|them\b))", re.IGNORECASE)
_THIRD = {"propose": "proposes", "introduce": "introduces", "present": "presents", "develop": "develops",
          "release": "releases", "construct": "constructs", "build": "builds", "design": "designs", "create": "creates"}


def contribution_one_line(sentence: str) -> str | None:
    """'This paper introduces X, ...' from a sentence that states the paper's contribution, whatever lead clause
    or first verb comes before it; None when the sentence states none, or what it introduces points back to a
    sentence left out ("... to address these issues" is dropped; "these issues" elsewhere skips the sentence)."""
    m = _CONTRIB_CLAUSE.search(sentence)
    if not m or not _OBJECT_OK.match(m.group(2)):
        return None
    obj = _BACK_PURPOSE.sub("", m.group(2).rstrip(" ."))
    text = house_voice(f"This paper {_THIRD[m.group(1).lower()]} {obj}.")
    if _BACK_REFERENCE.search(text) or len(text.split()) < 5:
        return None
    return text


# The paper's own work as its subject: what the paper does ("This paper proposes ...", "The authors study ...",
# "X is a ..." for the paper's own name X). A sentence without it is background, a finding or a method step.
_OWN_WORK = re.compile(r"^(?:(?:While|Although|Whereas)\s+[^,;]{3,120},\s+)?(?:[Tt]his (?:paper|work|study|report|survey|review|article|position paper)|"
                       r"The authors)\s+(?:\w+ly\s+)?(?:propose|introduce|present|extend|"
                       r"develop|release|construct|build|design|create|offer|provide|study|studies|investigate|explore|"
                       r"examine|analy[sz]e|revisit|show|demonstrate|evaluate|benchmark|survey|review|ask|studie)"
                       r"(?:s|d|ed)?\b")
# "also" marks a secondary finding or contribution ("The authors find that X also serves as ..."): not the paper's
# main point, so never the one-line.
_SECONDARY = re.compile(r"\balso\b", re.IGNORECASE)


def states_own_work(text: str | None, name: str | None = None) -> bool:
    """Whether a one-line (in the house voice) says what the paper does, rather than background, a side finding
    or a method step."""
    if not text or _SECONDARY.search(text):
        return False
    if _OWN_WORK.match(text):
        return True
    return bool(name) and re.match(re.escape(name) + r"(?:\s*\([^)]*\))?,?\s+(?:is|are)\s+(?:a|an|the)\s", text) is not None


# "X is a <kind> that/to ..." -> "This paper introduces X, a <kind>.": the one-line introduces the name without the
# purpose clause the objective states (the name-is class: a contribution whose subject is the paper's own name).
_NAMED_KIND = re.compile(r"^(?P<name>[A-Z][\w\-]*(?:\s[A-Z0-9][\w\-]*)?(?:\s*\([^)]*\))?)\s+is\s+(?P<kind>(?:a|an)\s.+)$")


def introduces(prefix: str, name: str | None) -> str | None:
    """A one-line from the part of a contribution sentence before its purpose clause: 'This paper proposes X, a
    framework.' or, for 'X is a framework', 'This paper introduces X, a framework.'; None when too little is left
    to say what the paper offers."""
    prefix = prefix.rstrip(" ,;:")
    m = _NAMED_KIND.match(prefix)
    if m and name and m.group("name").startswith(name):
        prefix = f"This paper introduces {m.group('name')}, {m.group('kind')}"
    if not _OWN_WORK.match(prefix) or len(prefix.split()) < 4:
        return None
    # a one-line ending on a bare determiner or preposition ("... a framework for") is a cut, not a sentence
    if re.search(r"\b(?:a|an|the|for|of|to|with|that|which|and|or|by|in|on)$", prefix, re.IGNORECASE):
        return None
    return prefix + "."


# --- Objective: the paper's goal or question ----------------------------------------------------------------------
# A challenge statement with a noun-phrase or gerund subject ("Building replicas of articulated objects is a key
# challenge in vision", "Long-form video understanding remains challenging"): the goal is to address that
# challenge. Pronoun and demonstrative subjects ("It remains challenging", "This is difficult") refer elsewhere.
_CHALLENGE = re.compile(r"^(?P<x>(?!(?:It|This|That|These|Those|They|Such|There)\b)[A-Z][^,;:]{3,110}?)\s+"
                        r"(?:remains?|is|are)\s+(?:still\s+|yet\s+|largely\s+|particularly\s+|notoriously\s+|"
                        r"often\s+|inherently\s+)?(?:an?\s+)?(?:(?:key|major|significant|fundamental|critical|"
                        r"long-standing|central|open|important|core|persistent)(?:,|\s+and)?\s+)*(?:challenge|challenging|"
                        r"difficult|(?:open\s+)?problem)\b")
# A scarcity statement ("There is a lack of X", "There remains a scarcity of X"): the goal is to address it.
_LACK = re.compile(r"^There\s+(?:is|are|remains?|exists?)\s+(?:still\s+)?(?:an?\s+)?(?:(?:notable|significant|clear|"
                   r"critical|severe|general|persistent)\s+)?(?P<kind>lack|absence|scarcity|shortage|dearth)\s+of\s+"
                   r"(?P<x>[^;]{4,140}?)\.?$")
# An open question ("How X affects Y remains unclear", "Whether X holds is unknown"): the goal is to determine it.
_OPEN_QUESTION = re.compile(r"^(?P<x>(?:How|Whether|Why|What|Which|When)\s[^;]{6,140}?)\s+(?:remains?|is)\s+(?:still\s+|"
                            r"largely\s+)?(?:unclear|unknown|an open question|poorly understood|not well understood|"
                            r"underexplored|unexplored)\b")
# A field left unexplored ("The reasoning ability of 3D VLMs remains underexplored"): the goal is to explore it.
_UNEXPLORED = re.compile(r"^(?P<x>(?!(?:It|This|That|These|Those|They|Such|There)\b)[A-Z][^,;:]{3,110}?)\s+"
                         r"(?:remains?|is|are)\s+(?:still\s+|yet\s+|largely\s+)?(?:underexplored|unexplored|"
                         r"understudied|under-explored)\b")


# A shortcoming of a named thing ("Existing caches suffer from high latency", "Current benchmarks lack multilingual
# data", "Small models struggle with long inputs"): the goal is to address that shortcoming in that thing. The
# shortcoming ends at a comma, colon or semicolon, or where a second problem verb is co-ordinated ("... and fail to").
_SHORTCOMING = re.compile(r"^(?P<x>(?!(?:It|This|That|These|Those|They|Such|There|We|The authors)\b)[A-Z][^,;:]{2,90}?)\s+"
                          r"(?:often\s+|still\s+|usually\s+|typically\s+|largely\s+|commonly\s+|generally\s+)?"
                          r"(?P<verb>suffers?\s+from|lacks?|struggles?\s+(?:with|to)|is\s+hindered\s+by|are\s+hindered\s+by)"
                          r"\s+(?P<y>[^,;:]{4,120}?)(?=\s*(?:[,;:.]|$|\s+and\s+(?:fails?|lacks?|struggles?|suffers?)\b))")


# Something missing for a domain ("Similar analyses have been lacking for text-to-image models"): the goal is to
# address that lack.
_LACKING = re.compile(r"^(?P<x>(?!(?:It|This|That|These|Those|They|Such|There|We|The authors)\b)[A-Z][^,;:]{3,90}?)\s+"
                      r"(?:have|has)\s+(?:so\s+far\s+|largely\s+|long\s+)?been\s+(?:largely\s+)?(?:lacking|missing|absent)\s+"
                      r"(?P<y>(?:for|in)\s+[^,;:]{3,100}?)\.?$")


# A quantity or property nobody has measured ("The extent of contamination in popular benchmarks remains unknown"):
# the goal is to determine it.
_UNKNOWN = re.compile(r"^(?P<x>(?:The|Its|Their)\s+(?:extent|degree|magnitude|impact|effect|role|cause|source|nature|prevalence|"
                      r"scale|size|amount|mechanism)s?\s+of\s+[^,;:]{3,110}?)\s+(?:remains?|is|are)\s+(?:still\s+|largely\s+)?"
                      r"(?:unknown|unclear|poorly understood|not well understood|unquantified|unmeasured)\b")


# An inability or a dependence of a named thing ("Even advanced LLMs cannot follow complex instructions well",
# "Current benchmarks rely heavily on final-answer accuracy", "Small models fail to track long contexts"): the goal is
# to address that inability or reliance. The clause ends at a comma, colon or semicolon.
# (a negated subject, "X does not rely on Y", states what X is free of: no inability, no goal)
_INABILITY = re.compile(r"^(?P<x>(?!(?:It|This|That|These|Those|They|Such|There|We|The authors)\b)[A-Z](?:(?!\s(?:and|or)\s)[^,;:]){2,90}?)"
                        r"(?<!\snot)(?<!\snever)(?<!n't)\s+"
                        r"(?:often\s+|still\s+|usually\s+|typically\s+|\w+ly\s+)?"
                        r"(?P<verb>cannot|can\s+not|fails?\s+to|are\s+unable\s+to|is\s+unable\s+to|struggles?\s+to|"
                        r"rel(?:y|ies)\s+(?:heavily\s+|only\s+|solely\s+|mainly\s+|primarily\s+|largely\s+)?on)\s+"
                        r"(?P<y>[a-z][^,;:]{3,120}?)(?=\s*(?:[,;:.]|$))")


# A noun phrase that names a defect ("poor generalization", "high latency", "limited context"): addressing it reads
# right; any other object of "struggle with" ("robust reasoning") is what is hard, not what is wrong.
_BAD_QUALITY = re.compile(r"(?:poor|low|high|limited|slow|weak|noisy|inconsistent|severe|excessive|frequent|unstable|"
                          r"inaccurate|insufficient|costly|expensive|redundant|biased)\b", re.IGNORECASE)


# quality5 (objective class "a limitation of prior work / restates the problem"): blind readers reject "to address
# the reliance/failure/lack/difficulty of X" as the problem, not a goal. Each problem shape is phrased as what the paper
# sets out to achieve, from the same clause: a defect is improved or reduced ("poor generalization" -> "improve
# generalization"), an inability of a named thing is enabled ("X cannot Y" -> "enable X to Y"), what prior work fails to
# do is done ("existing methods fail to Y" -> "Y"), a reliance of prior work is gone beyond, a missing resource is
# provided, a hard task is improved. A lack in a named method ("PPO lacks access to rewards") is only compensated for:
# the paper does not supply what is missing.
_PRIOR_SUBJECT = re.compile(r"^(?:existing|current|previous|prior|conventional|traditional|mainstream|standard|"
                            r"state-of-the-art)\s+(?:mainstream\s+)?", re.IGNORECASE)
_IMPROVE_DEFECT = re.compile(r"^(?:poor|low|limited|weak|insufficient|suboptimal)\s+(?P<rest>\S.*)$", re.IGNORECASE)
_REDUCE_DEFECT = re.compile(r"^(?:high|excessive|substantial|heavy|large|significant|prohibitive|costly|expensive|"
                            r"frequent|severe|redundant)\s+(?P<rest>\S.*)$", re.IGNORECASE)


def _prior(x: str) -> bool:
    return bool(_PRIOR_SUBJECT.match(x))


def _defect_goal(y: str) -> str | None:
    """'poor generalization' -> 'improve generalization', 'high latency' -> 'reduce latency'; None for other nouns."""
    m = _IMPROVE_DEFECT.match(y)
    if m:
        return f"improve {m.group('rest')}"
    m = _REDUCE_DEFECT.match(y)
    if m:
        return f"reduce {m.group('rest')}"
    m = re.match(r"^slow\s+(?P<rest>\S.*)$", y, re.IGNORECASE)
    return f"speed up {m.group('rest')}" if m else None


# quality5: three more problem shapes, each phrased as the goal it implies.
# A missing thing ("Although X exists, a comprehensive framework for Y is still lacking"): provide it.
_STILL_LACKING = re.compile(r"^(?:(?:Although|While|Though)\s[^;]{3,200}?,\s+)?(?P<x>(?:[Aa]n?|[Tt]he)\s[^,;:]{3,120}?)\s+"
                            r"(?:is|are|remains?)\s+(?:still\s+|largely\s+)?(?:lacking|missing|absent)\.?$")
# A gap left in an activity ("..., yet a notable gap remains in generating long outputs"): do that activity.
_GAP_IN = re.compile(r"(?:^|\b(?:yet|but|however),?\s+)(?:a|an)\s+(?:\w+\s+)?gap\s+(?:remains|exists|persists)\s+in\s+"
                     r"(?P<x>[a-z]+ing\s[^;]{3,120}?)\.?$")
_ADVANCES_IN = re.compile(r"^(?:(?:Recent|Rapid|Remarkable|Significant)\s+)?(?:advances|advancements|progress|breakthroughs|"
                          r"developments)\s+in\s+(?P<x>(?:[A-Z][\w\-]*\s*){1,5}?)(?:\s*\([A-Z][\w\-]*\))?\s+(?:have|has)\b")
# A field left behind ("Encoders like BERT have not seen the same level of progress"): advance it.
_NO_PROGRESS = re.compile(r"^(?P<x>(?!(?:It|This|That|These|Those|They|Such|There|We|The authors)\b)[A-Z][^,;:]{3,80}?)\s+"
                          r"(?:have|has)\s+not\s+(?:seen|received|enjoyed|benefited\s+from|kept\s+pace\s+with)\s+"
                          r"(?:the\s+)?(?:same|similar|comparable)\s+(?:level\s+of\s+)?(?:progress|attention|advances?|"
                          r"improvements?)\b")


# quality8: a costly practice ("However, this two-stage training paradigm inevitably introduces accumulated errors and
# decoding artifacts", "Although effective, this multi-judge approach incurs significant computational overhead"): the
# practice the paper moves away from, named by a noun phrase with content, brings a cost or a defect; the goal is to
# reduce that cost in that practice. A bare "this approach" names nothing out of context and is left alone; the
# demonstrative of a phrase with content becomes "the" (what it points at is the phrase itself).
_COSTLY = re.compile(r"^(?:(?:However|Yet|But|Unfortunately|Although effective|While effective|Despite (?:its|their) "
                     r"(?:success|effectiveness)),?\s+)?(?:[Tt]his|[Tt]hese|[Ss]uch|[Tt]he)\s+(?!(?:proposed|our|new|resulting)\b)"
                     r"(?P<x>(?:[\w\-]+\s+){1,4}?"
                     r"(?:approach|approaches|paradigm|pipeline|pipelines|method|methods|design|designs|process|strategy|"
                     r"strategies|framework|frameworks|setup|scheme|practice))\s+(?:\w+ly\s+)?(?:introduces?|incurs?|"
                     r"increases?|causes?|brings?|leads?\s+to|results?\s+in)\s+(?P<y>(?:(?:significant|substantial|"
                     r"considerable|high|heavy|large|extra|additional|accumulated|severe|prohibitive|excessive)\s+)*"
                     r"(?:[\w\-]+\s+){0,2}(?:overhead|costs?|errors?|artifacts?|latency|complexity|instability|"
                     r"memory|bias(?:es)?|redundancy|noise|drift)(?:\s+and\s+(?:[\w\-]+\s+){0,2}(?:overhead|costs?|"
                     r"errors?|artifacts?|latency|complexity|instability|memory|bias(?:es)?|redundancy|noise|drift))?)"
                     r"(?P<when>\s+(?:during|at|in)\s+(?:inference|training|test time|deployment))?\.?$")


def costly_goal(s: str, names: frozenset[str] = frozenset()) -> str | None:
    """'reduce <the cost> of <the practice>' from a costly-practice sentence (the class above), else None."""
    m = _COSTLY.match(s)
    if not m:
        return None
    y = re.sub(r"^(?:(?:significant|substantial|considerable|high|heavy|large|extra|additional|severe|prohibitive|"
               r"excessive)\s+)+", "", m.group("y"))  # every intensifier: "significant additional latency" -> "latency"
    return f"reduce the {y} of the {m.group('x')}{m.group('when') or ''}"


# Caused-cost class (quality9): "This approach increases computational complexity and instability due to actor-critic
# interdependence": the bare "this approach" names nothing out of context, but the cause does ("due to X" names what
# in the practice costs); the goal is to reduce that cost: "reduce the computational complexity and instability
# caused by actor-critic interdependence".
_CAUSED_COST = re.compile(r"^(?:(?:However|Yet|But|Unfortunately),?\s+)?(?:[Tt]his|[Ss]uch an?|[Tt]hese|[Ss]uch)\s+"
                          r"(?:approach|approaches|paradigm|method|methods|design|process|pipeline|practice|setup|scheme)\s+"
                          r"(?:\w+ly\s+)?(?:increases?|incurs?|introduces?|causes?|brings?)\s+(?P<y>(?:[\w\-]+\s+){0,3}?"
                          r"(?:overhead|costs?|errors?|latency|complexity|instability|memory|bias(?:es)?|redundancy|noise)"
                          r"(?:\s+and\s+(?:[\w\-]+\s+){0,2}?(?:overhead|costs?|errors?|latency|complexity|instability|"
                          r"memory|bias(?:es)?|redundancy|noise))?)\s+(?:due to|caused by|because of|from)\s+"
                          r"(?P<cause>[^,;]{3,80}?)\.?$")


def caused_cost_goal(s: str) -> str | None:
    """'reduce the <cost> caused by <cause>' from a caused-cost sentence (the class above), else None."""
    m = _CAUSED_COST.match(s.strip())
    if not m or _BACK_REFERENCE.search(m.group("cause")):
        return None
    return f"reduce the {m.group('y')} caused by {m.group('cause')}"


def costless(s: str, names: frozenset[str] = frozenset()) -> str | None:
    """'without the <cost> of the <practice>' from a costly-practice sentence (quality9, the task-and-cost class in
    extractive.summarize), else None."""
    goal = costly_goal(s, names)
    return f"without the {goal[len('reduce the '):]}" if goal else None


def _more_problem_goals(s: str, names: frozenset[str]) -> str | None:
    costly = costly_goal(s, names)
    if costly:
        return costly
    m = _STILL_LACKING.match(s)
    if m:
        return f"provide {lower_first(m.group('x'), names)}"
    m = _GAP_IN.search(s)
    if m:
        first, _, rest = m.group("x").partition(" ")
        goal = f"{_unGerund(first)} {rest}"
        # Thin-gap class: "Recent advances in LLMs have enhanced X, yet a gap remains in generating long outputs":
        # the gap is the advancing field's ("generate long outputs" alone does not say whose); a short goal takes it
        # ("enable LLMs to generate long outputs")
        field = _ADVANCES_IN.match(s)
        if field and len(rest.split()) <= 4:
            acronym = re.search(r"\(([A-Z][\w\-]*)\)", field.group(0))
            return f"enable {acronym.group(1) if acronym else field.group('x').strip()} to {goal}"
        return goal
    m = _NO_PROGRESS.match(s)
    if m:
        return f"advance {lower_first(m.group('x'), names)}"
    return None


def problem_goal(sentence: str, names: frozenset[str] = frozenset()) -> str | None:
    """'<goal verb> <object>' from a problem statement that a general rule can turn into a goal grammatically;
    None for any other sentence (a problem statement of another shape stays background)."""
    s = house_voice(sentence).rstrip(".")
    if _BACK_REFERENCE.search(s):
        return None
    # a concession before the problem ("Despite their strong accuracy, X suffer from Y"): the problem is the clause
    s = re.sub(r"^(?:Despite|In spite of)\s+[^,;]{3,80},\s+", "", s)
    s = s[:1].upper() + s[1:]
    m = _LACK.match(s)
    if m:
        return f"provide {m.group('x')}"
    m = _OPEN_QUESTION.match(s)
    if m:
        return f"determine {lower_first(m.group('x'), names)}"
    m = _LACKING.match(s)
    if m:
        # "similar analyses": similar to what the sentence before says; out of that context the word goes
        x = re.sub(r"^(?:[Ss]imilar|[Ss]uch|[Cc]omparable)\s+", "", m.group("x"))
        return f"provide {lower_first(x, names)} {m.group('y')}"
    m = _SHORTCOMING.match(s)
    # "X struggle to <verb>" has no noun phrase to address: the inability rule below takes it
    if m and not re.match(r"(?:to\b|the\s+need\b)", m.group("y")) and not m.group("verb").endswith("to"):
        y, x = m.group("y"), lower_first(m.group("x"), names)
        tail = re.match(r"\s*:\s*([^;]{4,120})$", s[m.end():])  # "... by a constraint: the need for X"
        if tail and tail.group(1).startswith("the need for ") and m.group("verb").startswith(("is", "are")):
            return f"remove {tail.group(1)} in {x}"  # the constraint is a need: the goal is to remove it
        if tail:
            x = f"{x}: {tail.group(1)}"
        if m.group("verb").startswith("lack"):
            return f"provide {y} for {_PRIOR_SUBJECT.sub('', x)}" if _prior(x) else \
                (f"compensate for {x}'s lack of {y}" if re.fullmatch(r"[A-Z][\w\-]*", x) else f"compensate for the lack of {y} in {x}")
        if m.group("verb").startswith("struggle") and not _BAD_QUALITY.match(y):
            # "X struggle with Y": Y may be the hard thing ("poor generalization") or the goal ("robust reasoning");
            # handling Y is the goal for both
            return f"handle {y}" if _prior(x) else f"enable {x} to handle {y}"
        defect = _defect_goal(y)
        if defect:
            return f"{defect} in {_PRIOR_SUBJECT.sub('', x)}"
        if m.group("verb").startswith(("is", "are")):  # hindered by a constraint
            return f"overcome {y} in {x}"
        return f"address {y} in {x}"
    m = _INABILITY.match(s)
    if m and not _BACK_REFERENCE.search(m.group("y")):
        x = lower_first(re.sub(r"^[Ee]ven\s+", "", m.group("x")), names)  # "even X": emphasis, not content
        verb, y = m.group("verb"), m.group("y")
        if verb.startswith("rel"):
            return f"move {_PRIOR_SUBJECT.sub('', x)} beyond {y}" if _prior(x) else f"reduce the reliance of {x} on {y}"
        # what prior work cannot do is what the paper sets out to do; a named thing's inability is enabled
        if _prior(x) and len(y.split()) < 3:  # "existing methods fail to scale": "to scale" alone says too little
            noun = "failure" if verb.startswith("fail") else "inability"
            return f"address the {noun} of {x} to {y}"
        return y if _prior(x) else f"enable {x} to {y}"
    for rx, verb in ((_UNEXPLORED, "explore"), (_UNKNOWN, "determine"), (_CHALLENGE, "address the challenge of")):
        m = rx.match(s)
        if m and not re.search(r"\b(?:we|the authors|this paper)\b", m.group("x"), re.IGNORECASE):
            x = m.group("x")
            if verb == "explore" and re.match(r"[A-Z][a-z]+ing\b", x):
                return None  # "Training X remains underexplored": "to explore training X" misreads the gerund
            if verb.startswith("address") and re.match(r"[A-Z][a-z]+ing\s", x):
                # a hard task named by a gerund ("Evaluating X remains challenging"): the goal is to do it
                first, _, rest = x.partition(" ")
                return f"{_unGerund(first.lower())} {rest}"
            if verb.startswith("address"):  # a hard task named by a noun: the goal is to improve it
                return f"improve {lower_first(x, names)}"
            return f"{verb} {lower_first(x, names)}"
    return _more_problem_goals(s, names)


# Stems that take a final "e" back ("generat-ing" -> "generate", "optimiz-ing" -> "optimize", "us-ing" -> "use").
_E_STEM = re.compile(r"(?:at|iz|ak|iv|ur|rv|uc|ud|ov|ev|lv|od|al|ag|ib|^us|ar|as|rg|dg|rc|nc|[dbgptkz]l|"
                     r"[^aeiou][ui]n)$")  # "handl-ing" -> "handle", "prun-ing" -> "prune", "defin-ing" -> "define"


def _unGerund(word: str) -> str:
    """'evaluating' -> 'evaluate', 'planning' -> 'plan', 'building' -> 'build' (the base of a gerund)."""
    stem = word[:-3] if word.endswith("ing") else word
    # a doubled final consonant is the gerund's ("plann-", "runn-"), unless the base itself ends so ("add", "pass");
    # an unstressed "-el" doubles its l in British spelling ("modell-", "labell-", not "spell-", "tell-")
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    if len(stem) >= 6 and stem.endswith("ell"):
        return stem[:-1]
    return stem + "e" if _E_STEM.search(stem) and not stem.endswith(("ear", "oar", "ain")) else stem


# The subject of an "aims to" sentence that is the paper's own ("This work aims to", "Their goal is to", "X aims to"
# for the paper's name); any other subject states what a field or task aims at ("Audio-driven video generation aims
# to synthesize ..."): a task definition, never the paper's objective.
_OWN_AIM = re.compile(r"^(?:(?:This|The|Their)\s+(?:\w+\s+)?(?:paper|work|study|research|authors|approach|method|"
                      r"framework|goal|aim|objective|purpose|model|system|benchmark)|The authors|This paper)\b")
_AIM_WORD = re.compile(r"\b(?:aims?|aimed|seeks?|sought|strives?|attempts?|goal is|objective is|purpose is)\s+(?:is\s+)?to\b",
                       re.IGNORECASE)


def task_definition(sentence: str, name: str | None = None) -> bool:
    """An 'aims to' sentence whose subject is a field or task, not the paper: it defines the task."""
    voiced = house_voice(sentence)
    m = _AIM_WORD.search(voiced)
    if not m:
        return False
    subject = voiced[:m.start()].strip()
    # "Our goal is to ..." (house voice: "The goal is to ..."): the paper's own goal
    if subject in ("", "The", "Their", "This", "The main", "The primary") or _OWN_AIM.match(subject) or \
            (name and subject.startswith(name)):
        return False
    return True


# "The authors propose X to <verb> <object> [by <means>]" with a goal verb no fixed list has ("to raise the acceptance
# rate"): the objective is '<verb> <object>', the one-line keeps the contribution and its means ("The authors propose
# X, drafting a tree ..."). The verb must be a plain base form: not "be", a determiner, an -ing or -ed form.
_TO_GOAL = re.compile(r"^(?P<head>(?:This paper|The authors)\s+(?:propose|introduce|present|develop|design|build)s?\s+"
                      r"[^,;]{2,80}?)\s+(?:in order\s+)?to\s+(?P<verb>(?!(?:be|the|a|an|this|that|its|their)\b)[a-z]{3,}"
                      r"(?<!ing)(?<!ed))\s+(?P<obj>[^,;]{4,140}?)(?:\s+by\s+(?P<means>[a-z]+ing\b[^;]{3,160}?))?\.$")


def goal_split(one_line: str) -> tuple[str, str] | None:
    """(the one-line without its goal clause, the goal '<verb> <object>') for the "propose X to <verb> ..." class;
    None when the one-line is not of that shape, or the goal points back to a sentence left out."""
    m = _TO_GOAL.match(one_line)
    # quality12 glue: a "to" that completes the words before it ("the first attempt to use X") is no goal clause
    if m and complement_start(one_line) < m.start("verb"):
        return None
    if not m or _BACK_REFERENCE.search(m.group("obj")) or re.search(r"\d", m.group("obj")):
        return None
    head = m.group("head") + (f", {m.group('means')}" if m.group("means") else "") + "."
    return head, f"{m.group('verb')} {m.group('obj')}"


# --- quality9: the prior-focus extension and the study's own purpose ----------------------------------------------
# Prior-focus extension class: "While much research has focused on X in A, our study extends this investigation to
# B" opens with what others did (the readers' "opens with a prior-work gap"); what the paper does is the extension:
# "This study extends the investigation of X to B". A trailing "in A" of the prior focus is the part B replaces; a
# prior focus that is only a name ("focused on English") has no topic to carry over and is left as it is.
_PRIOR_FOCUS = re.compile(
    r"^(?:While|Although|Whereas)\s+(?:much|most|many|some|prior|previous|existing|earlier|recent)\s+"
    r"(?:\w+\s+)?(?:research|work|works|studies|efforts?|literature)\s+(?:has|have)\s+(?:\w+ly\s+)?"
    r"(?:focused|concentrated|centered)\s+on\s+(?P<x>[^,;]{3,100}?),\s+"
    r"(?P<subj>(?:this|our) (?:study|paper|work|research)|the authors|we)\s+(?:\w+ly\s+)?extends?\s+"
    r"(?:this|the|such|that)\s+(?P<what>investigation|analysis|study|line of work|research|work|examination)\s+"
    r"to\s+(?P<b>.+?)\.?$", re.IGNORECASE)


def prior_focus_one_line(sentence: str) -> str | None:
    """'This study extends the investigation of X to B' from a prior-focus extension sentence (class above), else
    None."""
    m = _PRIOR_FOCUS.match(sentence.strip())
    if not m:
        return None
    x = re.sub(r"\s+in\s+(?:(?!\sin\s)[^,;])+$", "", m.group("x"))  # the last "in A" only
    if not re.match(r"[a-z]", x):  # "focused on English": a domain, not a topic the extension carries over
        return None
    subj = m.group("subj").lower()
    head = f"This {subj.split()[1]} extends" if " " in subj and subj != "the authors" else "The authors extend"
    return f"{head} the {m.group('what').lower()} of {lower_first(x)} to {m.group('b')}."


# Study-purpose class: the paper's own analysis with its purpose clause ("We offer a comprehensive analysis of a
# dataset to examine both factual and linguistic errors in these languages for A, B and C"): the purpose is what
# the study sets out to do, the goal when no sentence states one. The clause runs to the end of the sentence (a
# list of models or languages belongs to it); a purpose verb of finding out only (examine, measure, ...).
_STUDY_PURPOSE = re.compile(
    r"^(?:We|The authors|This (?:study|paper|work))\s+(?:\w+ly\s+)?(?:offer|conduct|perform|present|provide|carry out|"
    r"undertake|run)s?\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?:analysis|study|evaluation|investigation|examination|"
    r"assessment)\s+(?:of|on)\s+[^;:]{3,120}?\s+(?:in order\s+)?to\s+(?P<goal>(?:examine|analy[sz]e|assess|measure|"
    r"quantify|understand|identify|characteri[sz]e|compare|investigate|study|determine|reveal)\s+[^;:]{8,240}?)\.?$")


def study_purpose(sentence: str) -> str | None:
    """The purpose clause of the paper's own study ('examine both factual and linguistic errors ...'), else None."""
    m = _STUDY_PURPOSE.match(house_voice(sentence.strip()) if sentence.strip().startswith("Our ") else sentence.strip())
    if not m or len(m.group("goal").split()) > 40 or re.search(r"\d+(?:\.\d+)?\s*%", m.group("goal")):
        return None
    return m.group("goal").rstrip(" .")


# Stated-tasks class (quality9): "This study addresses three critical tasks: extracting multiple intent spans from
# queries, detecting multiple intents, and developing a multilingual intent dataset" is the paper's own statement of
# what it sets out to do; it is the goal, before any background gap ("there is a notable absence of X"). The listed
# gerunds become the goal's verbs ("to extract ..., detect ..., and develop ...").
_STATED_TASKS = re.compile(
    r"^(?:This|Our|The present)\s+(?:study|paper|work|research)\s+(?:\w+ly\s+)?(?:addresses|tackles|targets|focuses on|"
    r"studies|investigates)\s+(?:two|three|four|five|several|multiple)\s+(?:[\w\-]+\s+){0,2}?(?:tasks|problems|"
    r"challenges|questions|goals|objectives)\s*:\s*(?P<list>[^;]{10,300}?)\.?$")
_LIST_ITEM = re.compile(r"^(?:\(?\w\)\s+)?(?:and\s+)?([a-z]+ing)\s+(\S.*)$")


def stated_tasks(sentence: str) -> str | None:
    """'extract A, detect B, and develop C' from a stated-tasks sentence (the class above), else None; every item
    must open with a gerund (the tasks as things to do)."""
    m = _STATED_TASKS.match(sentence.strip())
    if not m:
        return None
    items = [i.strip() for i in re.split(r",\s+|\s+and\s+(?=[a-z]+ing\b)|;\s+", m.group("list")) if i.strip()]
    goals = []
    for item in items:
        g = _LIST_ITEM.match(item)
        if not g:
            return None
        goals.append(f"{_unGerund(g.group(1))} {g.group(2)}")
    if len(goals) < 2:
        return None
    return f"{', '.join(goals[:-1])}, and {goals[-1]}" if len(goals) > 2 else f"{goals[0]} and {goals[1]}"


# quality12 (parts): gap shapes of a background sentence that the sentence-role classifier reads below its floor, so
# no sentence becomes the objective; each states the problem the paper's contribution answers, and a general rule
# turns it into a goal grammatically (background_goal below, used by the engine only when the objective is empty).
# Little-known class: "While X have Y, (relatively) little is known about how well they Z" / "It remains unclear
# whether X" -> "determine how well X Z" (a "they"/"them" in the question is the concession's subject).
_LITTLE_KNOWN = re.compile(r"^(?:(?:While|Although|Though)\s+(?P<np>[^,;]{3,80}?)\s+(?:have|has|are|is|can|show|"
                           r"shows|achieve|achieves)\b[^,;]*,\s+)?(?:(?:relatively|comparatively|still|very)\s+)?"
                           r"(?:little|less)\s+is\s+(?:currently\s+|still\s+)?known\s+about\s+"
                           r"(?P<q>(?:how|whether|why|what|which|when)\s[^;]{6,140}?)\.?$|"
                           r"^(?:However,?\s+)?[Ii]t\s+(?:is|remains)\s+(?:still\s+|largely\s+)?(?:unclear|unknown|"
                           r"not\s+(?:yet\s+)?(?:well\s+)?understood)\s+(?P<q2>(?:how|whether|why|what|which|when)\s"
                           r"[^;]{6,140}?)\.?$")
# Poses-a-challenge class: "X poses a significant challenge for Y (due to Z)" -> "address the challenge that X poses
# for Y" (the cause stays out: the goal is the challenge, not its explanation).
_POSES_CHALLENGE = re.compile(r"^(?:However,?\s+)?(?P<x>(?!(?:It|This|That|These|Those|They|Such|There)\b)[A-Z][^,;:]{3,90}?)"
                              r"\s+(?:still\s+)?(?:poses?|presents?|remains?|raises?)\s+(?:(?:a|an)\s+)?(?:(?:significant|"
                              r"major|key|fundamental|critical|great|considerable|substantial|formidable|persistent|"
                              r"long-standing|serious)\s+)?(?P<kind>[a-z][\w\-]*\s+)?(?:challenges?|obstacles?)"
                              r"(?:\s+(?:for|to)\s+(?P<y>[^,;:]{3,80}?))?"
                              r"(?:,?\s+(?:\w+ly\s+)?(?:due to|because of|given)\s+[^;]+)?\.?$")
# Not-as-good-as class: "However, X is still not nearly as fast as Y, reaching only Z" -> "address the limitation that
# X is not as fast as Y" (the figure after the comma is the evidence, not the problem).
_NOT_AS = re.compile(r"^(?:However,?\s+)?(?P<x>(?!(?:It|This|That|These|Those|They|Such|There|We|The authors)\b)[A-Z]"
                     r"[^,;:]{2,80}?)\s+(?P<be>is|are)\s+(?:still\s+)?not\s+(?:nearly\s+|yet\s+)?as\s+(?P<adj>[a-z][\w\-]*)"
                     r"\s+as\s+(?P<y>[^,;:]{3,80}?)(?:,[^;]*)?\.?$")
# Contrast-limitation class: "X have advanced Y, but they (still) depend on / are confined to / struggle because Z"
# -> "address the limitation that X <the limiting clause>" (the praise before "but" is background).
_BUT_LIMITED = re.compile(r"^(?:However,?\s+)?(?P<x>(?!(?:It|This|That|These|Those|They|Such|There|We|The authors)\b)[A-Z]"
                          r"[^,;:]{3,80}?)\s+(?:have|has|are|is)\s+[^;:]{3,160}?,\s+but\s+(?:(?:they|it)\s+)?"
                          r"(?P<y>(?:(?:are|is)\s+(?:still\s+)?(?:confined|limited|restricted)\s+to|(?:still\s+)?"
                          r"(?:depend|depends|rely|relies)\s+on|(?:still\s+)?(?:suffer|suffers)\s+from)\s+[^;:]{6,160}?)\.?$")
_STRUGGLE_BECAUSE = re.compile(r"^(?:However,?\s+)?(?P<x>(?:existing|current|prior|previous|conventional|traditional|"
                               r"state-of-the-art|most)\s+[^,;:]{3,60}?)\s+(?:often\s+|still\s+)?(?:struggles?|fails?|"
                               r"suffers?)\s+(?:because|since|as)\s+(?P<y>[^;:]{6,160}?)\.?$", re.IGNORECASE)
# Prohibitive-cost class: "The cost of X has become increasingly prohibitive (due to Y)" -> "reduce the cost of X".
_PROHIBITIVE = re.compile(r"^(?:However,?\s+)?[Tt]he\s+(?P<c>cost|costs|expense|price)\s+of\s+(?P<x>[^,;:]{3,80}?)\s+"
                          r"(?:has\s+become|have\s+become|is|are|remains?)\s+(?:\w+ly\s+)?(?:prohibitive|"
                          r"prohibitively\s+high|very\s+high|high|expensive|unsustainable)\b")


def background_goal(sentence: str, names: frozenset[str] = frozenset()) -> str | None:
    """'<goal verb> <object>' from a background sentence of one of the gap classes above, else problem_goal's;
    None when the sentence states no problem a general rule can turn into a goal (or points back at another)."""
    s = house_voice(sentence).strip()
    if _BACK_REFERENCE.search(s) or re.search(r"\b(?:these|those|such)\s+[a-z]", s):
        return None
    m = _LITTLE_KNOWN.match(s)
    if m:
        q = m.group("q") or m.group("q2")
        if m.group("np"):
            q = re.sub(r"\bthey\b", lower_first(m.group("np"), names), q, count=1)
        if re.search(r"\b(?:they|them|their|it|its)\b", q):
            return None  # a pronoun with nothing in the sentence to name
        return f"determine {q}"
    m = _POSES_CHALLENGE.match(s)
    if m and m.group("y"):
        return f"address the challenge that {lower_first(m.group('x'), names)} poses for {m.group('y')}"
    if m:  # "Training X presents significant memory challenges" -> "address the memory challenges of training X"
        return f"address the {m.group('kind') or ''}challenges of {lower_first(m.group('x'), names)}"
    m = _NOT_AS.match(s)
    if m:
        return f"address the limitation that {lower_first(m.group('x'), names)} {m.group('be')} not as " \
               f"{m.group('adj')} as {m.group('y')}"
    m = _BUT_LIMITED.match(s) or _STRUGGLE_BECAUSE.match(s)
    if m:
        x = lower_first(m.group("x"), names)
        y = m.group("y")
        if m.re is _STRUGGLE_BECAUSE:
            verb = re.search(r"\b(struggles?|fails?|suffers?)\s+(?:because|since|as)\b", s).group(1)
            return f"address the limitation that {x} {verb} because {y}"
        if re.match(r"(?:still\s+)?(?:depend|rely|suffer)\b", y) and not re.search(r"s$", x.split()[-1]):
            y = re.sub(r"^((?:still\s+)?)(depend|rely|suffer)\b", lambda v: v.group(1) + {"depend": "depends", "rely": "relies",
                                                                            "suffer": "suffers"}[v.group(2)], y)
        return f"address the limitation that {x} {y}"
    m = _PROHIBITIVE.match(s)
    if m:
        return f"reduce the cost of {m.group('x')}"
    # a leading contrast word ("However, X lack Y") is the link to the praise before, not part of the problem
    bare = re.sub(r"^(?:However|Yet|Nevertheless|Nonetheless|Unfortunately|But|Still),?\s+", "", s)
    goal = problem_goal(bare[:1].upper() + bare[1:], names)
    # Cut-list class: a goal that ends inside a list the sentence goes on with ("data that is often limited in
    # quantity" of "... limited in quantity, diversity, and creativity") drops the relative clause the list is in
    if goal:
        at = s.find(goal.split()[-1], len(s) - len(bare))
        after = s[at + len(goal.split()[-1]):] if at >= 0 else ""
        if re.match(r",\s+[\w\-]+(?:\s+[\w\-]+)?,?\s+(?:and|or)\s", after):
            goal = re.sub(r"\s+(?:that|which|who)\s+.*$", "", goal)
    return goal


# Resolved-demonstrative class (quality12): a gap that names its subject by pointing back ("However, these models lack
# X", "Nevertheless, they depend heavily on Y") is a goal once the pointer is replaced by the subject of the sentence
# before, when that subject has the same head noun ("Large text-to-image models achieved ...") or, for "they", is a
# plural noun phrase. Dependence is reliance ("depend heavily on" reads as problem_goal's "rely heavily on").
_PREV_SUBJECT = re.compile(r"^(?P<np>(?!(?:It|This|That|These|Those|They|Such|There|We|In|On|For|With|As|While|Although|"
                           r"Recently|Despite)\b)[A-Z][^,;:()]{2,70}?(?:\s*\([^)]{1,60}\))?)\s+(?:\w+ly\s+)?(?:have|has|are|"
                           r"is|achieved|achieve|achieves|demonstrate|demonstrated|show|showed|exhibit|exhibited|excel|"
                           r"excelled|perform|performed|became|become)\b")
_POINTER = re.compile(r"^(?P<lead>(?:However|Yet|Nevertheless|Unfortunately|But|Still),?\s+)?(?:(?:these|such|those)\s+"
                      r"(?P<head>[a-z][\w\-]*)|(?P<they>they))\b", re.IGNORECASE)


def resolved_background(sentence: str, previous: str) -> str | None:
    """The sentence with its pointing subject replaced by the previous sentence's subject (the class above), else
    None."""
    m, p = _POINTER.match(sentence), _PREV_SUBJECT.match(previous)
    if not m or not p:
        return None
    np = re.sub(r"\s*\([^)]*\)$", "", p.group("np"))  # "(i.e., finetuned to ...)": an aside, not the name
    head = np.split()[-1].lower()
    if m.group("head") and m.group("head").lower() != head or m.group("they") and not head.endswith("s"):
        return None
    rest = re.sub(r"^(\w+ly\s+)?depend(s?)\s+(\w+ly\s+)?on\b",
                  lambda d: f"{d.group(1) or ''}{'relies' if d.group(2) else 'rely'} {d.group(3) or ''}on",
                  sentence[m.end():].lstrip())
    return f"{m.group('lead') or ''}{np[:1].lower() if np.split()[0].istitle() else np[:1]}{np[1:]} {rest}"


# Title-goal class (quality13): an abstract that states no goal often carries it in its title, in two shapes: an
# action title ("Learning Fine-Grained Manipulation with Low-Cost Hardware", "Locating and Editing Factual
# Associations in GPT", "X: Teaching Models to Y") -> "to learn fine-grained manipulation with low-cost hardware",
# and a quality-qualified task ("Fast Inference from Transformers via Speculative Decoding", "X: Accurate
# Post-Training Quantization for Y") -> "to achieve fast inference from transformers". The means ("via/through/using
# Z", "with <the paper's name>") is the method, not the goal, and is cut. A title that names an artifact ("An
# Open-Source Model", "A Benchmark for Y"), asks a question or names no action gives no goal.
_TITLE_GERUND = re.compile(r"^(?P<v>[A-Z][a-z]+ing)(?P<more>(?:,?\s+(?:and|or)\s+[A-Z][a-z]+ing|,\s+[A-Z][a-z]+ing)*)"
                           r"\s+(?P<rest>\S.*)$")
_NOT_ACTION = re.compile(r"^(?:Using|Being|During|Bring|String|Thing|Nothing|Everything|Something|Morning|King|Ring|"
                         r"Spring|Sing|Wing)$")
# Gerund-modifier noun compounds of ML titles: the -ing word modifies the noun after it ("Scaling Laws", "Training
# Dynamics", "Learning Curves", "Reasoning Models"), so the title names a thing, not an action.
_GERUND_COMPOUND = re.compile(r"^(?:Laws?|Dynamics|Curves?|Rates?|Data|Sets?|Models?|Traces?|Paths?|Behaviou?rs?|"
                              r"Regimes?|Recipes?|Objectives?|Signals?|Steps?|Budgets?)\b")
_TITLE_QUALITY = re.compile(r"^(?:Accurate|Fast|Faster|Efficient|Precise|Robust|Scalable|Reliable|Lossless|"
                            r"Near-Lossless|Exact|High[- ]Fidelity|High-Quality|Competition-Level|Human-Level|"
                            r"Expert-Level|Real-Time|Zero-Shot|Few-Shot|Data-Efficient|Memory-Efficient)\b")
_PROCESS_NOUN = re.compile(r"\b[A-Za-z\-]*(?:tion|sion|ing|sis|Inference|Retrieval|Design|Decoding|Control|"
                           r"Forecasting|Reasoning|Search|Transfer|Synthesis)\b")
_TITLE_MEANS = re.compile(r"\s+(?:via|through|using|by|based on)\s+.*$", re.IGNORECASE)


def _title_words_lower(text: str, names: frozenset[str]) -> str:
    """Title case to running text: a capitalised ordinary word goes lower case ("Fine-Grained Bimanual" ->
    "fine-grained bimanual"); acronyms, mixed-case names and the capitalised words the abstract uses as names stay."""
    def low(m: re.Match) -> str:
        w = m.group(0)
        ordinary = all(re.fullmatch(r"[A-Z][a-z]+|[a-z]+", part) for part in w.split("-"))
        return w.lower() if ordinary and w not in names else w
    return re.sub(r"[A-Za-z][\w\-]*", low, text)


def title_goal(title: str, name: str | None = None, names: frozenset[str] = frozenset()) -> str | None:
    """The goal a title states ('to learn X', 'to achieve fast Y'), see the title-goal class above; else None."""
    title = re.sub(r"\s+", " ", title).strip().rstrip(".")
    if "?" in title:
        return None
    head, colon, sub = title.partition(":")
    # "Name: Subtitle" or "Slogan: Subtitle" -> the subtitle; a title without a colon is read whole
    phrase = sub.strip() if colon else title
    if not phrase:
        return None
    # a means tail, unless it continues a relative clause ("LLMs that Persist Through Safety Training")
    if not re.search(r"\b(?:that|which|who)\b", phrase, re.I):
        phrase = _TITLE_MEANS.sub("", phrase)
    if name:
        phrase = re.sub(rf"\s+(?:with|in|for)\s+{re.escape(name)}\b.*$", "", phrase)
    m = _TITLE_GERUND.match(phrase)
    if m and _GERUND_COMPOUND.match(m.group("rest")):
        return None  # "Scaling Laws for X" names a finding (a noun compound), it asks no one to scale laws
    if m and not _NOT_ACTION.match(m.group("v")):
        verbs = [m.group("v")] + re.findall(r"[A-Z][a-z]+ing", m.group("more"))
        if any(_NOT_ACTION.match(v) for v in verbs):
            return None
        bases = [_unGerund(v.lower()) for v in verbs]
        verb = f"{', '.join(bases[:-1])} and {bases[-1]}" if len(bases) > 1 else bases[0]
        rest = _title_words_lower(m.group("rest"), names)
        return f"{verb} {rest}" if len(rest.split()) >= 2 else None
    if _TITLE_QUALITY.match(phrase) and _PROCESS_NOUN.search(phrase) and not re.match(
            r"^[\w\-\s]*\b(?:Model|Benchmark|Dataset|Framework|System|Network|Transformer|Approach|Method|Library|"
            r"Toolkit|Suite|Agent)s?\b", phrase):
        return f"achieve {_title_words_lower(phrase, names)}" if len(phrase.split()) >= 2 else None
    return None
