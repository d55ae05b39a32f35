"""Find the five parts in a summary's sentences, and judge whether each says what its frame announces.

Used by the validator (``missing_part:*``, ``misplaced_part:*``, ``unrelated_part``)
and by the evals (per-part scores). Roles come from the sentence-role classifier
(``digestgen.roles``) run on each sentence's content with the frame words
removed, so "Primary results show that <anything>" is not a result because of
its first four words. The older cue lists remain as a fallback for when the
classifier cannot be loaded (numpy missing).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .regex_gate import gated
from .text import split_sentences

ROLES = ("objective", "methodology", "results", "implication")

_STRONG = {
    "objective": r"\b(objective|research question|main question|aim(s|ed)? (to|at)|goal|purpose|seeks? to|sought to)\b",
    "methodology": r"\b(methodolog\w*|key method|the method|approach (involves|is|uses)|methods? (involve|include|use))\b",
    "results": r"\b(primary results?|results? (show|indicate|demonstrate|reveal)|key (finding|result)s?|experiments? (show|demonstrate|reveal))\b",
    "implication": r"\b(practitioners?|implication|engineers|developers)\b",
}
_WEAK = {
    "objective": r"\b(investigat\w*|address\w*|explor\w*|examin\w*|whether|how (to|can|do|does|well)|focus\w* on|"
                 r"to (determine|develop|improve|evaluate|enable|enhance|create|understand)|study|studies|challenge|problem)\b",
    "methodology": r"\b(propos\w*|introduc\w*|develop\w*|train\w*|fine-tun\w*|employ\w*|us(e|es|ed|ing)|leverag\w*|"
                   r"involv\w*|via|framework|pipeline|architecture|algorithm|strategy|design\w*|technique|dataset|"
                   r"consist\w*|combin\w*|built|construct\w*|by \w+ing|incorporat\w*|integrat\w*|decompos\w*|"
                   r"adapt\w*|encod\w*|optimi[sz]\w*|extract\w*|distill\w*|fus(e|es|ing)|augment\w*|sampl\w*|"
                   r"suppress\w*|quantiz\w*|prun\w*|merg\w*)\b",
    "results": r"(\d|\b(result\w*|achiev\w*|outperform\w*|surpass\w*|improv\w*|show(s|ed|n)?|demonstrat\w*|accuracy|"
               r"score\w*|gain\w*|reduc\w*|increas\w*|state-of-the-art|sota|better|faster|higher|lower)\b)",
    "implication": r"\b(enabl\w*|suggest\w*|offer\w*|could|should|useful|valuable|allow\w*|opportunit\w*|insight\w*|"
                   r"potential\w*|applicab\w*|deploy\w*|paves?|important|practical|benefit\w*|crucial|"
                   r"tool|guid\w*|help\w*|future (work|research|development)|impl(y|ies|ied)|need for|"
                   r"plug-and-play|serves? as)\b",
}
_STRONG_RE = {k: gated(v, re.IGNORECASE) for k, v in _STRONG.items()}
_WEAK_RE = {k: gated(v, re.IGNORECASE) for k, v in _WEAK.items()}
# For ASCII text, matching the lowercased text without IGNORECASE finds exactly the same sentences
# (the patterns are lowercase) and is about 40% faster; other text keeps the IGNORECASE patterns.
_STRONG_LC = {k: gated(v) if v == v.lower() else _STRONG_RE[k] for k, v in _STRONG.items()}
_WEAK_LC = {k: gated(v) if v == v.lower() else _WEAK_RE[k] for k, v in _WEAK.items()}
# Enumerated styles of the archive: "i) ... ii) ..." and "a) ... b) ...", and "**Objective:**" labels.
_ENUM = gated(r"(?:(?<=\s)|^)(?:[ivx]{1,4}|[a-e])\)\s+")
_PRIOR = {  # expected position of each role, as a fraction of the summary
    "objective": 0.25, "methodology": 0.5, "results": 0.75, "implication": 1.0,
}


def _may_enumerate(text: str) -> bool:
    """An exact gate for three _ENUM markers: each needs its own ")"; in printable ASCII text (whose only whitespace
    is " ") each also stands as "<a-e or i/v/x>) ", and str.count counts those without overlap. Other text is searched."""
    if text.count(")") < 3:
        return False
    if not (text.isascii() and text.isprintable()):
        return True
    return sum(map(text.count, _ENUM_MARKERS)) >= 3


_ENUM_ENDS = "abcdeivx"  # the last character of an _ENUM marker before its ")"
_ENUM_MARKERS = tuple(c + ") " for c in _ENUM_ENDS)


def summary_sentences(summary: str) -> list[str]:
    return list(_summary_sentences(summary))  # a fresh list: callers may change it, the cache must not


@lru_cache(maxsize=1024)  # one row's checks split the same summary several times
def _summary_sentences(summary: str) -> tuple[str, ...]:
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", summary) if "**" in summary else summary
    enumerated = _may_enumerate(text) and len(_ENUM.findall(text)) >= 3
    chunks = [c for c in _ENUM.split(text) if c.strip()] if enumerated else [text]
    out: list[str] = []
    for c in chunks:
        out.extend(split_sentences(c))
    return tuple(out)


def assign_roles(summary: str) -> list[tuple[str, str]]:
    """(role, sentence) for each sentence; the first sentence is ``one_line`` unless a strong cue says otherwise."""
    sentences = summary_sentences(summary)
    n = len(sentences)
    out: list[tuple[str, str]] = []
    for i, s in enumerate(sentences):
        strong = [(m.start(), r) for r in ROLES if (m := _STRONG_RE[r].search(s))]
        if strong:  # the cue that opens the sentence names its role
            out.append((min(strong)[1], s))
            continue
        if i == 0:
            out.append(("one_line", s))
            continue
        pos = i / max(1, n - 1)
        best, best_score = "other", 0.0
        for r in ROLES:
            hits = len(_WEAK_RE[r].findall(s))
            if not hits:
                continue
            score = min(hits, 3) + 1.5 * (1 - abs(pos - _PRIOR[r]))
            if score > best_score:
                best, best_score = r, score
        out.append((best, s))
    return out


def split_parts(summary: str) -> dict[str, str]:
    """The text of each part (one_line, objective, methodology, results, implication); '' when absent."""
    parts = {"one_line": "", **{r: "" for r in ROLES}}
    for role, s in assign_roles(summary):
        if role in parts:
            parts[role] = (parts[role] + " " + s).strip()
    return parts


def missing_parts_by_cues(summary: str) -> list[str]:
    """Parts that no sentence states: an explicit cue anywhere, or a role cue outside the one-line opener.

    Presence is judged per part, not by giving each sentence a single role: one
    sentence often carries two parts ("achieves 80.0 on MATH, so practitioners
    can..."), and the audit showed exclusive assignment reported parts missing
    that were there.
    """
    sentences = summary_sentences(summary)
    present = set()
    for i, s in enumerate(sentences):
        strong, weak = (_STRONG_LC, _WEAK_LC) if s.isascii() else (_STRONG_RE, _WEAK_RE)
        if s.isascii():
            s = s.lower()
        for r in ROLES:
            if r not in present and (strong[r].search(s) or (i > 0 and weak[r].search(s))):
                present.add(r)
        if len(present) == len(ROLES):  # nothing left to find: the rest cannot change the answer
            break
    return [r for r in ROLES if r not in present]


# --- Classifier-based judgement ------------------------------------------------------------------------------------

PRESENT = 0.25  # a sentence states a part when the classifier gives the part at least this probability
# A performance number ("by 40%", "3.2x faster", "2.15 FID"): with it, a sentence states results unless its content
# clearly reads as another part (probability of results at least MISPLACED).
PERF_NUMBER = re.compile(r"\d(?:[\d.,]*)\s*(?:%|×|x\b|-?fold|points?\b|pp\b|percent)|\b(?:by|to|of|from|than)\s+\d[\d.,]*|"
                         r"\d[\d.,]*\s*(?:FID|BLEU|accuracy|F1|AUC|mAP|IoU|pass@\d)", re.IGNORECASE)
_PERF_NUMBER_FAST = gated(PERF_NUMBER.pattern, PERF_NUMBER.flags)  # the same matches (regex_gate), fewer positions tried
MISPLACED = 0.10  # a framed sentence whose content gives its announced part less than this is misplaced
_STOP_REL = frozenset(
    "a an the of and or in on for to with by from as at is are was were be been this that these those it its we our "
    "their they which such can using use used than into via while both over not has have had paper model models method "
    "methods approach results result show shows based new more also work study ai practitioners research objective "
    "methodology primary key main principal implication question goal aim authors".split())


class SentenceRole:
    """One summary sentence: the part its frame announces (or None), and the classifier's view of its content.

    The classifier runs when ``probs`` or ``role`` is first read, so a check that never looks at a
    sentence's roles (the unframed one-line opener, for ``missing_parts``) does not pay for them.
    """

    __slots__ = ("index", "sentence", "frame", "_first", "_probs", "_predict")

    def __init__(self, index: int, sentence: str, frame: str | None, first: bool, predict=None):
        self.index, self.sentence, self.frame, self._first = index, sentence, frame, first
        self._probs: dict | None = None
        self._predict = predict

    @property
    def probs(self) -> dict:
        if self._probs is None:
            if self._predict is None:
                from .roles import predict

                self._predict = predict
            # No position: a part moved or cut must not change what the others are judged to say.
            self._probs = self._predict(self.sentence, first=self._first)
        return self._probs

    @property
    def role(self) -> str:
        from .roles import best

        return best(self.probs)[0]

    def __repr__(self) -> str:
        return f"SentenceRole({self.index}, {self.sentence!r}, frame={self.frame!r})"


def classify_sentences(summary: str) -> list[SentenceRole]:
    return list(_classified(summary))


@lru_cache(maxsize=256)  # the validator asks for missing and for misplaced parts of the same summary
def _classified(summary: str) -> tuple[SentenceRole, ...]:
    from .roles import predict, strip_frame

    return tuple(SentenceRole(i, s, strip_frame(s)[0], i == 0, predict)
                 for i, s in enumerate(summary_sentences(summary)))


@lru_cache(maxsize=1)  # asked twice a row; the answer (numpy and the weights there or not) holds for the process
def _classifier_ok() -> bool:
    try:
        from .roles import meta

        meta()
        return True
    except Exception:  # numpy or the weights missing: fall back to the cue lists
        return False


def role_parts(summary: str) -> dict[str, str]:
    """The text of each part by the classifier: a sentence joins the part it most probably states."""
    parts = {"one_line": "", **{r: "" for r in ROLES}}
    for sr in classify_sentences(summary):
        if sr.role in parts:
            parts[sr.role] = (parts[sr.role] + " " + sr.sentence).strip()
    return parts


def missing_parts(summary: str) -> list[str]:
    """Parts that no sentence's content states (frame words removed before judging).

    Presence is judged per part, not by a single role per sentence: one sentence
    often carries two parts ("achieves 80.0 on MATH, so practitioners can...").
    """
    if not _classifier_ok():
        return missing_parts_by_cues(summary)
    present = set()
    for sr in classify_sentences(summary):
        if sr.index == 0 and sr.frame is None:
            continue  # the one-line opener states the paper, not a part
        present.update(r for r in ROLES if sr.probs[r] >= PRESENT)
        if sr.frame == "objective" and _states_problem(sr.sentence):
            present.add("objective")
        if sr.probs["results"] >= MISPLACED and _PERF_NUMBER_FAST.search(sr.sentence):
            present.add("results")
        if len(present) == len(ROLES):  # nothing left to find: the rest cannot change the answer (nor be classified)
            break
    return [r for r in ROLES if r not in present]


def _states_problem(sentence: str) -> bool:
    """An objective framed as the problem it addresses, whose content is a problem statement."""
    from .roles import strip_frame
    from .roles.frames import PROBLEM

    return sentence.lower().lstrip().startswith(("the paper addresses", "the research addresses", "this work addresses",
                                                 "the work addresses", "the study addresses")) and \
        bool(PROBLEM.search(strip_frame(sentence)[1]))


def misplaced_parts(summary: str) -> list[tuple[str, str, float]]:
    """(announced part, the role its content reads as, that role's probability) for each framed sentence
    whose content does not state the part its frame announces."""
    if not _classifier_ok():
        return []
    out = []
    for sr in classify_sentences(summary):
        if sr.frame and sr.frame in ROLES and sr.probs[sr.frame] < MISPLACED and not (
                sr.frame == "objective" and _states_problem(sr.sentence)):
            out.append((sr.frame, sr.role, sr.probs[sr.role]))
    return out


_SUFFIX = re.compile(r"(?:ing|ed|es|e|s|ly|al|ion|ions)$")


_WORD = re.compile(r"[a-z][a-z0-9]{2,}")
_STEMS: dict[str, str | bool] = {}  # word -> its stem, or False for a stop word (each word worked out once)


def _stem(w: str) -> str | bool:
    if len(_STEMS) >= 1 << 18:
        _STEMS.clear()
    st = _STEMS[w] = False if w in _STOP_REL else _SUFFIX.sub("", w)[:6]
    return st


def _content_words(text: str) -> set[str]:
    out = set()
    stems = _STEMS
    for w in set(_WORD.findall(text.lower())):  # "FRANK-38B" links to "Frank" through "frank"
        st = stems.get(w)
        if st is None:
            st = _stem(w)
        if st is not False:
            out.add(st)
    return out


@lru_cache(maxsize=256)  # a paper's abstract is checked against every row that cites it
def _abstract_words(abstract: str) -> frozenset[str]:
    return frozenset(_content_words(abstract))


@lru_cache(maxsize=4096)  # unrelated_sentences and content_checks ask for the same sentences' words (frame removed)
def word_set(text: str) -> frozenset[str]:
    """``_content_words(text)``, frozen and remembered."""
    return frozenset(_content_words(text))


def unrelated_sentences(summary: str, title: str, abstract: str | None = None) -> list[str]:
    """Sentences (of 5+ words) not linked to the paper: sharing no content word with the title, the abstract,
    or any sentence already linked to them. A row of true sentences about something else fails here."""
    from .roles import content

    sentences = summary_sentences(summary)
    words = [word_set(content(s)) for s in sentences]
    reached = _content_words(title) | (_abstract_words(abstract) if abstract else set())
    linked: set[int] = set()
    changed = True
    while changed:
        changed = False
        for i, w in enumerate(words):
            if i not in linked and w & reached:
                linked.add(i)
                reached |= w
                changed = True
    return [s for i, s in enumerate(sentences) if i not in linked and len(s.split()) >= 5]
