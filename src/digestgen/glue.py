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
# On ASCII text an IGNORECASE pattern written in lower case finds the same spans in the lower-cased text without the
# flag (ASCII case folding is plain lower-casing, which keeps every offset), and the regex engine runs faster there.
_STACKED_LOWER = gated(_STACKED.pattern) if _STACKED.pattern == _STACKED.pattern.lower() else None
_BROKEN_LOWER = gated(_BROKEN_FRAME.pattern) if _BROKEN_FRAME.pattern == _BROKEN_FRAME.pattern.lower() else None


def _may_stack(summary: str) -> bool:
    if not (_GATE_STACKED and summary.isascii()):
        return True
    low = summary.lower()
    return "that" in low and sum(map(low.count, _VERBS)) >= 2


def stacked_frames(summary: str) -> list[str]:
    if not _may_stack(summary):
        return []
    if _STACKED_LOWER is not None and summary.isascii():
        return [s for s in summary_sentences(summary) if _STACKED_LOWER.search(s.lower())]
    return [s for s in summary_sentences(summary) if _STACKED_FAST.search(s)]


def broken_frames(summary: str) -> list[str]:
    if _GATE_BROKEN and summary.isascii():
        low = summary.lower()
        if not any(map(low.__contains__, _BROKEN_KEYS)):
            return []
        if _BROKEN_LOWER is not None:
            return [summary[m.start():m.end()] for m in _BROKEN_LOWER.finditer(low)]
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
    if not any(map(summary.__contains__, _LATEX_CHARS)):  # every match holds one of these characters
        return []
    return [m.group(0) for m in _LATEX_FAST.finditer(summary)]


# =====================================================================================================================
# Frames that fit their clause (quality4: glue). A house frame announces a part; it reads as English only when the
# clause after it has the shape the frame asks for. ``frame_fits`` says whether it does; the engine picks a frame that
# fits or leaves the clause unframed, and ``glue_defects`` reports any row where one does not.
# =====================================================================================================================

HOUSE_FRAMES = {
    "objective": "The main research objective is to ",
    "methodology": "The key methodology involves ",
    "results": "Primary results show that ",
    "implication": "The principal implication for AI practitioners is that ",
}

# Fronted-adverbial class: a clause that opens with a prepositional contrast or cause, an additive connective or a
# participle phrase closed by a comma (a subordinate "while/when/although X, Y" or a concessive "despite X, Y" reads
# well after "that") ("unlike X, ...", "thanks to X, ...", "despite X, ...", "utilizing X, ...").
# After "show that" / "is that" it reads as two frames glued together ("show that unlike X", "show that thanks to").
_FRONTED = re.compile(
    r"^(?:unlike|thanks to|owing to|due to|because of|compared (?:to|with)|in contrast(?: to)?|"
    r"by contrast|as opposed to|beyond|besides|apart from|in addition(?: to)?|moreover|furthermore|additionally|"
    r"finally|also|however|notably|importantly|interestingly|surprisingly|specifically|overall|consequently|thus|"
    r"hence|therefore|by\s+[a-z]+ing)\b"
    r"[^,.;]{0,160},"
    # a participle phrase before the subject ("utilizing X, the authors ..."), not a gerund subject ("using X
    # improves Y", "adjusting A, B and C helps")
    r"|^[a-z]+ing\b(?:\s+[^\s,.;]+){0,12},\s+(?:the|a|an|this|these|their|its|it|they|we|[A-Z][\w\-]*\s+[a-z]+s)\b",
    re.IGNORECASE)
# Connective class: an additive or ordinal connective that announces a step or an addition ("Moreover,", "Finally,",
# "In addition,", "Third,"); left at the start of a part (or after a frame) it points at text the row does not have.
CONNECTIVE_OPENER = re.compile(
    r"^(?:moreover|furthermore|additionally|in addition|finally|lastly|also|further|first(?:ly)?|second(?:ly)?|"
    r"third(?:ly)?|fourth(?:ly)?|next|then|subsequently|besides|thanks to [^,]{1,80}|as a result|in turn),\s+",
    re.IGNORECASE)
# Actor class: the authors or the paper as subject ("the authors establish ...", "this paper conducted ...", a
# release "this paper releases its code"): an action, which "Primary results show that" or "The principal
# implication ... is that" does not fit.
_ACTOR = re.compile(r"^(?:the authors|we)\b(?!')|^(?:this|the) (?:paper|work|study)\s+(?:also\s+)?(?:releases|"
                    r"open-sources|makes\s.{0,40}\b(?:available|public))\b|^(?:this|the) (?:paper|work|study)\s+(?:\w+ly\s+)?(?:[a-z]+ed|"
                    r"conducts|focuses|presents|proposes|introduces|investigates|studies|explores|examines|evaluates|"
                    r"analy[sz]es|describes|reports|shows|demonstrates)\b", re.IGNORECASE)
# Design-statement class: the first verb says what something is or is made of ("X is designed for", "X consists of",
# "X leverages Y"), not an outcome; "Primary results show that X is designed for ..." frames a design as a result.
_DESIGN_VERB = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:designed|built|intended|meant|composed|constructed|implemented|based|"
    r"trained|pre-?trained|equipped|structured|organi[sz]ed|defined|formulated|conditioned)|consists?|comprises?|"
    r"relies|rely|incorporates?|integrates?|leverages?|employs?|adopts?|features|contains?|introduces?|proposes?|"
    r"decomposes?)\b", re.IGNORECASE)
# An outcome verb before the design verb means the clause reports an outcome first ("X achieves 5% and uses ...").
_OUTCOME_VERB = re.compile(r"\b(?:achiev|outperform|surpass|improv|reduc|increas|show|demonstrat|deliver|match|"
                           r"exceed|yield|boost|attain|reach|obtain|cut|lower|rais|enabl|allow|produc|generat|"
                           r"lead|result|close|beat|win|gain|perform|scor|remain|stay|prov|reveal|find|found)\w*",
                           re.IGNORECASE)
# Background class (for the takeaway): a statement about a field or about prior work with no reference to this
# paper's own work ("humans can identify sounds", "encoders like BERT have not seen the same progress").
_OWN_WORK = re.compile(r"\b(?:the|this|these|their|its)\s+(?:proposed\s+|new\s+|resulting\s+|presented\s+)?"
                       r"(?:approach|method|framework|model|system|work|study|findings|results|benchmark|dataset|"
                       r"technique|pipeline|analysis|tool|paper|strategy|design|architecture|algorithm|"
                       r"evaluation|experiments|observations?|insights?|recipe|solution|training|library|metric)s?\b|"
                       r"\b(?:the|this|these)\s+(?:proposed|presented|introduced)\s+[\w\-]+", re.IGNORECASE)
# (A bare "their" is not enough: "sounding sources ... their spatial attributes" is not the authors'.)
_PRIOR_OR_GAP = re.compile(r"^(?:existing|current|prior|previous|conventional|traditional|most|many|recent|"
                           r"state-of-the-art|standard|there (?:is|are))\b|\b(?:have|has) not\b|\bremains?\s+"
                           r"(?:a\s+)?(?:challenging|underexplored|unexplored|unclear|open|difficult)\b", re.IGNORECASE)
# Words no verb phrase starts with: "The main research objective is to <a noun phrase>" does not fit. Only endings
# no base verb has are listed ("enhance", "segment", "discover" are verbs); a participle "-ed" is not a base verb.
_NOT_VERB_START = re.compile(r"^(?:the|a|an|this|these|those|its|their|our|such|all|each|both|more|most|many|"
                             r"some|any|novel|new|several|various|efficient|effective|[a-z]+(?:ing|tion|sion|ness|ity|"
                             r"ism|ist|ics|ous|ful|less|ed))$", re.IGNORECASE)
_BASE_VERBS_WITH_SUFFIX = frozenset("embed need feed seed speed exceed proceed succeed shed bring string".split())
# Gerund class: "The key methodology involves <a gerund phrase or a noun phrase>", never a reported outcome
# ("involves achieving 5% higher accuracy") or a finding ("involves showing that ...").
_METHOD_OUTCOME = re.compile(r"^(?:show|demonstrat|reveal|find|finding|observ|prov)\w*\b|\b(?:achiev|outperform|"
                             r"surpass)\w*", re.IGNORECASE)


def _starts_with_base_verb(clause: str) -> bool:
    first = re.match(r"[A-Za-z][\w\-]*", clause.strip())
    if not first:
        return False
    word = first.group(0).lower()
    if word in _BASE_VERBS_WITH_SUFFIX or word.endswith("eed"):
        return True
    return not _NOT_VERB_START.match(word) and word not in ("to", "of", "for", "in", "on", "with", "by", "and", "or",
                                                            "is", "are", "be", "that", "which", "how", "whether")


def frame_fits(role: str, clause: str, name: str | None = None) -> bool:
    """Whether the house frame of ``role`` (HOUSE_FRAMES) reads as English in front of ``clause`` (the text that
    follows it). Each class that does not fit is named where its pattern is defined."""
    c = clause.strip()
    if not c or role not in HOUSE_FRAMES:
        return False
    if role == "objective":  # "is to" + a verb phrase
        return _starts_with_base_verb(c)
    if role == "methodology":  # "involves" + a gerund or noun phrase, not an outcome
        return not _METHOD_OUTCOME.search(c) and not _ACTOR.match(c)
    # results and implication: "that" + a full clause with its own subject
    if _FRONTED.match(c) or CONNECTIVE_OPENER.match(c) or _ACTOR.match(c):
        return False
    if role == "results":
        design = _DESIGN_VERB.search(c)
        if design and design.start() < 80 and not _OUTCOME_VERB.search(c[:design.start()]):
            return False
        return True
    return True


def about_own_work(clause: str, name: str | None = None, names: frozenset[str] | set[str] = frozenset()) -> bool:
    """Background class (a content check, not a glue one): whether a would-be takeaway speaks of this paper's own
    work (its method, its findings, its name, a name the paper uses) rather than of a field or of prior work's gap.
    A name is ``name``, a word of ``names``, or a word shaped like a model's name (inner capitals or digits:
    "SoRFT", "IGL-Nav", "3D-R1")."""
    if _PRIOR_OR_GAP.search(clause.strip()):
        return False
    if _OWN_WORK.search(clause) or (name and name.lower() in clause.lower()):
        return True
    words = re.findall(r"[A-Za-z0-9][\w\-]*", clause)
    return any(w in names for w in words) or any(re.search(r"[a-z][A-Z]|[A-Z]{2}|\d", w) for w in words)


# --- glue_defects: every seam class as a code, for any row (engine, LLM or archive) -----------------------------------
_FRAME_AT = {  # a house frame (or the abstract's own) and the clause after it, per role
    "objective": re.compile(r"^(?:the\s+)?(?:main\s+|primary\s+)?(?:research\s+)?(?:objective|goal|aim)\s+"
                            r"(?:of\s+(?:this|the)\s+(?:paper|work|study)\s+)?(?:is|was)\s+to\s+(.+)$", re.IGNORECASE),
    "methodology": re.compile(r"^the\s+key\s+methodology\s+involves\s+(.+)$", re.IGNORECASE),
    "results": re.compile(r"^(?:the\s+)?primary\s+results?\s+(?:show|shows|indicate|demonstrate)s?\s+that\s+(.+)$",
                          re.IGNORECASE),
    "implication": re.compile(r"^the\s+principal\s+implication\s+for\s+ai\s+practitioners\s+is\s+that\s+(.+)$",
                              re.IGNORECASE),
}
_REPORTING_CLAUSE = re.compile(r"^(?:(?:the|their|these|our)\s+)?(?:results?|experiments?|evaluations?|findings|"
                               r"analys[ie]s|the authors|we)\b[^.;]{0,80}?\b" + _REPORT_VERB + r"\b", re.IGNORECASE)
# Out-of-order step class: a closing sequencing adverb inside the clause ("the authors finally solve ...", "X then
# merges ...") in a row that states no earlier step. (An opening "X first builds ..." is not out of order.)
_STEP_WORDS = ("finally", "then", "next", "lastly", "subsequently")
_STEP_ADVERB = re.compile(r"\b(?:[Tt]he authors|[Tt]hey|[Ii]t|[Ww]e|[A-Z][\w\-]+)\s+(" + "|".join(_STEP_WORDS) + r")\s+"
                          r"[a-z]+")
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|We|Our|Ours)\b")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_MARKDOWN = re.compile(r"\*\*[^*]+\*\*|__[^_]+__|`[^`]+`|\[[^\]]+\]\([^)]+\)|^\s*(?:#{1,6}\s|[*\-+]\s)|(?<!\w)\*[^*\s][^*]*\*(?!\w)",
                       re.MULTILINE)
_LATEX_ONLY = re.compile(r"\\[A-Za-z]+|\\[%&_#$]|\$[^$]*[\\^_{][^$]*\$|[{}]|``|''")
# Spacing class: a spaced hyphen between words ("experience - enhanced"), a hyphen glued to a function word where a
# dash was meant ("time-without"), a LaTeX double hyphen ("tokens -- 80x"), doubled spaces, a space before
# punctuation or inside brackets, and doubled punctuation (",,", ". ,").
# (Doubled spaces are not counted: rendering collapses them, and the archive's enumerations hold them.)
_SPACING = re.compile(r"[A-Za-z] - [A-Za-z]|[a-z]-(?:without|with|which|where|while|whereas|and|or|but|the|from|that)\s|"
                      r"(?<!-)--(?!-)|\s[,.;:!?](?:\s|$)|\(\s|\s\)|[,;:]\s*[,.;:]|\.\s*[,;:]|(?<!\.)\.\.(?!\.)")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|et al|vs|cf|resp|approx|w\.r\.t)\.", re.IGNORECASE)
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "et al.", "vs.", "cf.", "resp.", "approx.", "w.r.t.")
# Speed gates with the same matches (the validator runs glue_findings on every archive row):
# - an abbreviation needs one of its literals (ASCII text: IGNORECASE is plain case folding; other text is searched);
# - a spacing match starts where one of its alternatives' first two characters stand (the lookahead is implied by
#   every alternative, so the leftmost match and its span are unchanged);
# - the others: regex_gate's first-character lookahead.
_SPACING_FAST = re.compile(r"(?=[A-Za-z][ -]|--|\s[,.;:!?]|\(\s|\s\)|[,;:.]\s*[,.;:]|\.\.)(?:" + _SPACING.pattern + ")",
                           _SPACING.flags)
_SPACING_WORDS = ("without", "with", "which", "where", "while", "whereas", "and", "or", "but", "the", "from", "that")
_SPACING_LITERALS = ("--", "( ", " - ", " ,", " .", " ;", " :", " !", " ?", " )") + tuple(f"-{w} " for w in _SPACING_WORDS)
_PUNCT_PAIR = re.compile(r"[,;:.] *[,.;:]")


def _may_space(text: str) -> bool:
    """False only where no _SPACING alternative can match: in printable ASCII text the only whitespace is " ", so each
    alternative needs one of these literals (" - ", "-<word> ", "--", " <punct>", "( ", " )") or a punctuation pair
    ("[,;:.] *[,.;:]", which covers ".." too). Other text is searched anyway."""
    if not (text.isascii() and text.isprintable()):
        return True
    return any(map(text.__contains__, _SPACING_LITERALS)) or _PUNCT_PAIR.search(text) is not None


_MARKDOWN_FAST = gated(_MARKDOWN.pattern, _MARKDOWN.flags)
_LATEX_ONLY_FAST = gated(_LATEX_ONLY.pattern, _LATEX_ONLY.flags)
_FIRST_PERSON_FAST = gated(_FIRST_PERSON.pattern, _FIRST_PERSON.flags)


def _may_latex(text: str) -> bool:
    """False only where no _LATEX_ONLY alternative can match: each needs a backslash, "$", a brace, "``" or "''"."""
    return any(map(text.__contains__, "\\${}")) or "``" in text or "''" in text


def _may_markdown(text: str) -> bool:
    """False only where no _MARKDOWN alternative can match: each needs one of * _ ` [ #, or a "-"/"+" opening a line.
    In printable ASCII text the only line start is the text's start; other text is searched anyway."""
    if any(map(text.__contains__, "*_`[#")) or not (text.isascii() and text.isprintable()):
        return True
    return text.lstrip()[:1] in ("-", "+")


def _may_abbreviate(text: str) -> bool:
    if not text.isascii():
        return True
    low = text.lower()
    return any(map(low.__contains__, _ABBREVIATIONS))
# Article-agreement class: "a"/"an" before a noun phrase whose head is plural ("a few-step diffusion models"), with
# no verb-like word between (a word ending in -s, -ed or -ly would be a verb or adverb: "a method improves results").
_SINGULAR_S = ("ss", "us", "is", "ics", "ous", "ness", "sis", "xis", "series", "news", "lens", "gas", "bias", "canvas",
               "atlas", "alias", "corpus", "status", "focus", "consensus")
_PLURAL_HEADS = (r"(?:models|methods|tasks|datasets|benchmarks|networks|agents|samples|features|layers|tokens|images|"
                 r"videos|results|experiments|approaches|systems|frameworks|languages|parameters|baselines|users|"
                 r"questions|answers|documents|sentences|examples|trajectories|policies|modules|components|experts|"
                 r"embeddings|representations|metrics|errors|pipelines|architectures|algorithms|techniques|tools|"
                 r"robots|objects|scenes|domains|prompts|responses|outputs|inputs|LLMs|VLMs|MLLMs|LMs)")
_A_PLURAL = re.compile(r"\b(?:[Aa]|[Aa]n)\s+((?:[\w\-]+\s+){0,3}?)(" + _PLURAL_HEADS + r")\b(?!['’-])")
_FUNCTION = frozenset("of for with in on that which to and or from such by across as at than over under into "
                      "between among while where when".split())
_AN_CONSONANT = re.compile(r"(?<![(\w])(?:an\s+[bcdfgjklmnpqrstvwz][a-z]+|a\s+(?!(?:and|or|in|of|on|is|it|if|as|at|an|"
                           r"into|over|only|often|also|each|either|other|of)\b)[aeio][a-z]+)\b")
# The same pattern opening on its literal "a" (the regex engine then skips to each "a" instead of trying every
# position); the lookbehind moves past that "a" ("(?<![(\w]a)": the character before the "a"), so the spans are the same.
_AN_CONSONANT_FAST = re.compile(r"a(?<![(\w]a)(?:n\s+[bcdfgjklmnpqrstvwz][a-z]+|\s+(?!(?:and|or|in|of|on|is|it|if|as|at|"
                                r"an|into|over|only|often|also|each|either|other|of)\b)[aeio][a-z]+)\b")
_AN_OK = re.compile(r"^(?:an\s+(?:hour|honest|heir|honou?r)|a\s+(?:one|once|eu))", re.IGNORECASE)


_A_PLURAL_FAST = gated(_A_PLURAL.pattern, _A_PLURAL.flags)  # the same matches (regex_gate), tried only at an "a"/"A"


def _a_plural(text: str) -> list[str]:
    out = []
    for m in _A_PLURAL_FAST.finditer(text):
        between = m.group(1).split()
        if any(w.lower() in _FUNCTION or w.endswith(("s", "ed", "ly", "ing")) for w in between):
            continue  # "a replacement for normalization layers", "a method improves results"
        if re.match(r"(?:few|lot|couple|dozen|handful|hundred|thousand|million|billion|variety|number|range|set|"
                    r"suite|series|pair|group)\s", m.group(1)):
            continue  # "a few models", "a million samples": plural by design
        out.append(m.group(0))
    return out


# Definite-reference class: "The Generator produces ..." (a capitalised component opening a part), "these
# languages", "the hypothesis": a definite phrase whose antecedent the row never states.
_CAPITAL_THE = re.compile(r"^The ([A-Z][a-z]{2,})\s+(?!is\b|was\b|has\b)[a-z]+(?:s|ed)\b")
_THE_IDEA = re.compile(r"\bthe\s+(hypothesis|conjecture|assumption|phenomenon|intuition|observation|aforementioned)\b"
                       r"(?!\s+(?:that|of|is|:))")
_IDEA_WORDS = ("hypothesis", "conjecture", "assumption", "phenomenon", "intuition", "observation", "aforementioned")


def definite_references(summary: str, name: str | None = None) -> list[str]:
    from .roles import strip_frame

    out = []
    before = ""
    for s in summary_sentences(summary):
        body = strip_frame(s)[1]
        low_before = before.lower()
        m = _CAPITAL_THE.match(body)
        if m and m.group(1).lower() not in low_before and m.group(1) != name:
            out.append(body[:60])
        # (a mid-sentence "these methods" usually has an antecedent in other words); a match names one of the idea
        # words (the pattern is case-sensitive), so a body without them is not searched
        for rx in ((_THE_IDEA,) if any(map(body.__contains__, _IDEA_WORDS)) else ()):
            for m in rx.finditer(body):
                stem = m.group(1).lower().rstrip("s")[:5]
                if stem not in (low_before + " " + body[:m.start()].lower()):
                    out.append(m.group(0))
        before += " " + s
    return out


_ENUM_MARK = re.compile(r"(?:^|(?<=\s))\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)(?=\s)")
_ENUM_WORD = re.compile(r"\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])")  # _ENUM_MARK before its ")"


def _enum_marks(text: str) -> tuple[int, int]:
    """(how many _ENUM_MARK matches the text holds, how many of them open on "("), without scanning every position:
    a match ends at a ")" followed by whitespace and starts where the run of non-space characters before it starts
    (after whitespace or at the text's start), so each such ")" is checked once (matches cannot overlap: none holds
    whitespace, and each starts after whitespace)."""
    marks = opened = 0
    n = len(text)
    c = text.find(")")
    while c != -1:
        if c + 1 < n and text[c + 1].isspace():
            s = c
            while s > 0 and c - s <= 5 and not text[s - 1].isspace():
                s -= 1  # a marker is at most "(" and four characters; stop one past that
            if (s == 0 or text[s - 1].isspace()) and _ENUM_WORD.fullmatch(text, s, c):
                marks += 1
                opened += text[s] == "("
        c = text.find(")", c + 1)
    return marks, opened


# Opening class: the row's first sentence carries an additive "also" (a secondary finding: "The authors find that X
# also serves ...") pointing at a statement the row lacks. (A bare title as the opening sentence and a name used
# before it is introduced are content_checks' one_line_is_title and undefined_name.)
_ALSO = re.compile(r"(?<!\bbut)\s+also\s+(?=[a-z]+(?:s|ed)\b)")


def glue_defects(text: str, name: str | None = None) -> list[str]:
    """The glue classes found in a summary, as validator codes (each once, in this order):
    glue:stacked_frame (two frames or a frame and a connective: "show that thanks to", "show that the results show"),
    glue:frame_fit (a frame on a clause it does not fit: "show that unlike X,", "show that X is designed for",
    "is to <a noun phrase>", "involves <an outcome>"), glue:sequence (a connective or step word left at the start,
    an out-of-order "finally", an opening "also"), glue:dangling_reference (a part opening on "This gap", "These
    methods"), glue:dangling_definite ("The Generator produces", "the hypothesis" with no antecedent in the row),
    glue:first_person, glue:latex, glue:markdown, glue:spacing (spaced hyphens, LaTeX dashes, doubled or unbalanced
    punctuation), glue:agreement ("a ... models", "an model"). Works on any row: engine, LLM or archive."""
    return [code for code, _ in glue_findings(text, name)]


def glue_findings(text: str, name: str | None = None) -> list[tuple[str, str]]:
    """(code, the first evidence) per glue class found; see glue_defects."""
    found: dict[str, str] = {}

    def hit(code: str, evidence: str) -> None:
        found.setdefault(code, evidence[:80])

    sentences = summary_sentences(text)
    for s in stacked_frames(text):
        hit("glue:stacked_frame", s)
    for b in broken_frames(text):
        hit("glue:broken_frame", b)
    steps = " ".join(sentences).lower()
    if sentences and "also" in sentences[0] and _ALSO.search(sentences[0]):
        hit("glue:sequence", sentences[0])
    for i, s in enumerate(sentences):
        for role, rx in _FRAME_AT.items():
            m = rx.match(s)
            if not m:
                continue
            clause = m.group(1)
            if role in ("results", "implication") and (CONNECTIVE_OPENER.match(clause) or
                                                       _REPORTING_CLAUSE.match(clause)):
                hit("glue:stacked_frame", s)  # "show that thanks to", "show that the results show"
            elif not frame_fits(role, clause, name):
                hit("glue:frame_fit", s)
        if CONNECTIVE_OPENER.match(s) and not s.lower().startswith("thanks to"):
            hit("glue:sequence", s)
        for m in (_STEP_ADVERB.finditer(s) if any(map(s.__contains__, _STEP_WORDS)) else ()):
            word = m.group(1)
            earlier = word in ("then", "next", "finally", "lastly", "subsequently") and \
                re.search(r"\bfirst\b|\binitially\b", steps)
            if not earlier:
                hit("glue:sequence", m.group(0))
    for d in dangling_references(text):
        hit("glue:dangling_reference", d)
    for d in definite_references(text, name):
        hit("glue:dangling_definite", d)
    unquoted = _QUOTED.sub('""', text) if '"' in text or "“" in text else text  # every quote match holds one
    fp = _FIRST_PERSON_FAST.search(unquoted)
    if fp:
        hit("glue:first_person", unquoted[max(0, fp.start() - 20):fp.end() + 20])
    for m in leftover_markup(text)[:1]:  # LaTeX or markup (backticks, links) left by the source
        hit("glue:latex", m)
    lx = _LATEX_ONLY_FAST.search(text) if _may_latex(text) else None
    if lx:
        hit("glue:latex", lx.group(0))
    md = _MARKDOWN_FAST.search(text) if _may_markdown(text) else None
    if md:
        hit("glue:markdown", md.group(0))
    spaced = _ABBREVIATION.sub("abbr", text) if _may_abbreviate(text) else text
    sp = _SPACING_FAST.search(spaced) if _may_space(spaced) else None
    if sp:
        hit("glue:spacing", sp.string[max(0, sp.start() - 15):sp.end() + 15])
    # unbalanced brackets or quotes: a cut through a parenthesis or a quotation ("It wins (see Table 2.")
    # "1) ... 2) ..." enumerations are not brackets: the counts are those of the text less its _ENUM_MARK markers
    marks, opened = _enum_marks(text) if ")" in text else (0, 0)
    if text.count("(") - opened != text.count(")") - marks or text.count("[") != text.count("]") or \
            text.count('"') % 2 or text.count("“") != text.count("”"):
        hit("glue:spacing", "unbalanced brackets or quotes")
    agree = _a_plural(text) + [m.group(0) for m in _AN_CONSONANT_FAST.finditer(text) if not _AN_OK.match(m.group(0))]
    if not agree:  # only the first evidence is shown: the possessive class is asked only when nothing came before it
        owner = _first_plural_owner(text)
        if owner:
            agree.append(owner)
    if agree:
        hit("glue:agreement", agree[0])
    order = ("glue:stacked_frame", "glue:frame_fit", "glue:broken_frame", "glue:sequence", "glue:dangling_reference",
             "glue:dangling_definite", "glue:first_person", "glue:latex", "glue:markdown", "glue:spacing", "glue:agreement")
    return [(c, found[c]) for c in order if c in found]


_OWNED_KEYS = ("performance", "accuracy", "quality", "capabilit", "behavio", "prediction", "reasoning", "robustness",
               "efficiency", "generalization", "generalisation")
# Missing-possessive class: a plural head noun used as a modifier of a property noun ("models performance",
# "agents behavior"): the plural owner needs its apostrophe ("models' performance").
_PLURAL_OWNER = re.compile(r"\b(" + _PLURAL_HEADS + r")\s+(?=(?:performance|accuracy|quality|capabilit(?:y|ies)|"
                           r"behaviou?rs?|predictions?|reasoning|robustness|efficiency|generalization|"
                           r"generalisation)\b)")


_HEAD_MAX = max(len(h) for h in _PLURAL_HEADS[3:-1].split("|"))  # the longest plural head ("representations")
_OWNED_MAX = 16  # the longest property noun ("generalisation") and the character after it, with room to spare
_GATE_OWNER = all(re.fullmatch(r"[A-Za-z]+", h) for h in _PLURAL_HEADS[3:-1].split("|")) and \
    _PLURAL_OWNER.pattern.startswith(r"\b(" + _PLURAL_HEADS + r")\s+(?=(?:performance|") and \
    max(map(len, re.findall(r"[a-z]+", _PLURAL_OWNER.pattern[_PLURAL_OWNER.pattern.index("(?=(?:"):]))) < _OWNED_MAX


def _first_plural_owner(text: str) -> str | None:
    """``_PLURAL_OWNER.search(text)``'s text, found near the property nouns instead of by scanning the whole text.

    Every match ends where a property noun begins (each starts with one of _OWNED_KEYS, case-sensitive), right after a
    run of whitespace that follows a head word of letters only; a match that ends later also starts later. So, at each
    key in text order that follows whitespace, the pattern is searched between the head's earliest start and the end
    of the noun and the character after it (\b sees the text around the window: ``search`` with pos and endpos
    keeps the real text for its look-behind, and the window holds the character after any property noun)."""
    found = sorted(i for k in _OWNED_KEYS if k in text for i in _positions(text, k))
    if not found:
        return None
    if not _GATE_OWNER:
        m = _PLURAL_OWNER.search(text)
        return m.group(0) if m else None
    for q in found:
        j = q
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == q:
            continue  # no whitespace before the noun: no match ends here
        m = _PLURAL_OWNER.search(text, max(0, j - _HEAD_MAX), min(len(text), q + _OWNED_MAX))
        if m:
            return m.group(0)
    return None


def _positions(text: str, key: str) -> list[int]:
    out = []
    i = text.find(key)
    while i != -1:
        out.append(i)
        i = text.find(key, i + 1)
    return out


def fix_agreement(text: str) -> str:
    """Article-agreement class, repaired: "for a few-step diffusion models" -> "for few-step diffusion models" (the
    article goes; the noun phrase and its facts stay as the source wrote them); missing-possessive class: "models
    performance" -> "models' performance"."""
    for bad in _a_plural(text):
        text = text.replace(bad, re.sub(r"^(?:[Aa]|[Aa]n)\s+", "", bad), 1)
    return _PLURAL_OWNER.sub(lambda m: m.group(1) + "' ", text)


# --- One spelling for the paper's name (quality11: parts) ------------------------------------------------------------
# Class: the abstract spells its own method's coined name two ways ("... coined as pixel neural field diffusion
# (PixelNerd). Thanks to ... PixNerd, ..."); a row that copies both reads as two methods. A variant is a mixed-case or
# upper-case word, not the name itself, with the same first letter and the same last three characters, of which the
# shorter is an in-order subsequence of the longer and at most four letters apart ("PixelNerd"/"PixNerd",
# "FlexiDiT"/"FlexDiT"); the title's spelling (the paper's name) wins. Names that differ in their tails ("GPT-4o",
# "Qwen2.5", "LLaMA3") or in case only ("FINEREASON", a typographic choice) are different words and stay.
_NAME_WORD = re.compile(r"\b[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def name_variant(word: str, name: str) -> bool:
    """``word`` is another spelling of the coined ``name`` (see the class above)."""
    if word == name or word.lower() == name.lower() or len(name) < 5 or len(word) < 5:
        return False
    short, long = sorted((word, name), key=len)
    return word[0] == name[0] and word[-3:] == name[-3:] and len(long) - len(short) <= 4 and _subsequence(short, long)


def one_spelling(sentences: list[str], name: str | None) -> list[str]:
    """The sentences with every variant spelling of the paper's ``name`` written as ``name``."""
    if not name or not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name):
        return sentences
    variants = {w for s in sentences for w in _NAME_WORD.findall(s) if name_variant(w, name)}
    if not variants:
        return sentences
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(variants, key=len, reverse=True))) + r")\b")
    return [pattern.sub(name, s) for s in sentences]


# --- quality14 glue: a coined name used before the row introduces it -------------------------------------------------
# Class (held-out reading 2: "SAM", "mBART", "muTransfer" used with no word on what they are): the row's first use of
# a name the paper coins sits in a part whose sentence never said what it is, because the sentence that introduced it
# was not picked. The first use takes the abstract's own introduction: its long form where the abstract spells one
# out ("Sharpness-Aware Minimization (SAM)"), else, where the name is a clause's subject, the abstract's short
# appositive ("mBART, a sequence-to-sequence denoising auto-encoder,"). Names a reader knows (content_checks._COMMON)
# are left alone unless the abstract defines them as the authors' own ("our procedure, X (SAM)").
_LONG_FORM = r"((?:[A-Z][\w\-]*\s+){0,5}[A-Z][\w\-]*)\s+\(\s*{name}\s*\)"
_APPOSITIVE = r"\b{name}\s*(?:,|--|—|–)\s*((?:a|an)\s+[^,.;:()—–]{{3,90}}?)\s*(?=,|\.|;|--|—|–|$)"
_CALLED = r"\b((?:a|an)\s+(?:[\w\-]+\s+){{0,6}}?[\w\-]+)\s+(?:(?:that\s+)?we\s+(?:call|name|dub|term)|called|named|dubbed|termed)\s+{name}\b"
# where a part itself says what the name is: "X (...)", "(X)", "X, a ...", "X — a ...", "called X", "X is a"
_SAYS_WHAT = r"{name}\s*(?:\(|,\s*(?:a|an|the|which)\b|—|–|--|:|\s+(?:is|are)\s+(?:a|an)\b)|\({name}\)|" \
             r"(?:called|named|dubbed|termed|introduces|proposes|presents)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){{0,3}}{name}\b"
# the name is a whole noun phrase where it stands (not a modifier: "adding mBART initialization")
_NP_END = re.compile(r"(?:\s*[,.;:)]|\s*$|\s+(?:on|in|for|with|to|and|or|by|across|over|at|from|as|against|"
                     r"via|under|without)\b)")
# ... or a clause's subject: at the part's start or after "that", and followed by its verb ("QuillNet beats")
_SUBJECT_BEFORE = re.compile(r"(?:^|\bthat\s+)$")
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b")


def _long_form(name: str, abstract: str) -> str | None:
    """The capitalised words the abstract spells out before "(NAME)": the shortest run ending there whose first word
    starts with the name's first letter ("Sharpness-Aware Minimization (SAM)", "Maximal Update Parametrization
    (muP)"); None when there is none."""
    m = re.search(_LONG_FORM.replace("{name}", re.escape(name)), abstract)
    if not m:
        return None
    words = m.group(1).split()
    for k in range(1, len(words) + 1):
        if words[-k][0].lower() == name[0].lower() and (k > 1 or "-" in words[-1]):  # one plain word spells no name
            return " ".join(words[-k:])
    return None


_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def introduce_names(parts: list[str], title: str, abstract: str) -> list[str]:
    """The parts (in row order) with each coined name's first use introduced (class above); others as they are."""
    from .content_checks import _COINED, _COMMON, coined_names
    coined = coined_names(abstract)
    owned = {m.group(1) for m in re.finditer(r"\b(?:our|we)\b[^.]{0,80}?\(\s*([A-Za-z][\w\-]*)\s*\)", abstract)}
    defined = {m.group(1) for m in re.finditer(r"\(\s*([A-Za-z][\w\-]*)\s*\)", abstract)}
    # a coined-looking name, or an acronym the abstract spells out (two capitals or more: "SAM", "muP")
    candidates = {n for n in coined | defined if (_COINED.fullmatch(n) or sum(c.isupper() for c in n) >= 2)
                  and (n.upper() not in _COMMON or n in owned)}
    seen, out = title, []
    for part in parts:
        for name in dict.fromkeys(m.group(0) for m in _NAME_TOKEN.finditer(part) if m.group(0) in candidates):
            n = re.escape(name)
            if re.search(rf"(?<![\w-]){n}(?![\w-])", seen) or re.search(_SAYS_WHAT.format(name=n), part):
                continue
            first = re.search(rf"(?<![\w-]){n}(?![\w-])", part)
            if first is None:
                continue  # only inside a longer token ("DGS" in "4DGS"): no first use of the name itself
            if part[:first.start()].count("(") > part[:first.start()].count(")"):
                continue  # inside brackets it is itself part of a long form ("YaRN (Yet another RoPE extensioN ...)")
            long = _long_form(name, abstract)
            if long and long.lower() in f"{seen[len(title):]} {part}".lower():
                continue  # the row already spells it out
            if long:
                part = f"{part[:first.start()]}{long} ({name}){part[first.end():]}"
                continue
            app = re.search(_APPOSITIVE.format(name=n), abstract) or re.search(_CALLED.format(name=n), abstract)
            whole = (_NP_END.match(part, first.end()) or (_SUBJECT_BEFORE.search(part[:first.start()]) and
                                                          _VERB_AFTER.match(part, first.end()))) and not re.search(r"\b(?:the|a|an|its|their)\s+$",
                                                                         part[:first.start()])
            if app and whole and len(app.group(1).split()) <= 12:
                rest = part[first.end():]
                tail = "" if re.match(r"\s*[,.;:)]", rest) else ","
                part = f"{part[:first.end()]}, {app.group(1)}{tail}{rest}"
        seen += " " + part
        out.append(part)
    return out
