"""The digest's frame words: the openers that announce a part ("The main research objective is to ...").

Frames label the archive for training, and are stripped before any sentence is
classified, so that a part's role is judged on what it says, never on the words
that announce it (a validator that trusts frame words passes any sentence that
starts with "Primary results show that").
"""

from __future__ import annotations

import re
from functools import lru_cache

PARTS = ("one_line", "objective", "methodology", "results", "implication")
ROLES = PARTS + ("background", "other")

_LEAD = r"(?:(?:the|a|an|its|their|this (?:paper|work|study)'s|the (?:paper|work|study|research)'s)\s+)?"
_ADJ = r"(?:(?:main|primary|principal|key|core|central|overall|major|specific)\s+)?"
_FOR_PRACT = r"(?:\s+(?:for|to)\s+(?:ai\s+)?(?:practitioners|engineers|developers|researchers)(?:\s+and\s+\w+)?)?"
_FRAMES: dict[str, list[str]] = {
    "objective": [
        # "The main research objective is to", "The primary objective was to", "Main research question or objective:"
        _LEAD + _ADJ + r"(?:research\s+)?(?:objective|question|goal|aim|purpose)s?(?:\s+or\s+objective)?"
        r"(?:\s+of\s+(?:this|the)\s+(?:paper|work|study|research))?\s*(?:is|was|are|were|:)\s*(?:to\s+)?",
        # "The research aims to", "This work seeks to", "The paper aimed to"
        _LEAD + r"(?:research|paper|work|study|authors)\s+(?:aims?|aimed|seeks?|sought)\s+to\s+",
        # an objective stated as the problem it addresses: "The paper addresses the limitation that ..."
        _LEAD + r"(?:research|paper|work|study)\s+addresses\s+the\s+(?:limitation|problem|gap)\s+that\s+",
    ],
    "methodology": [
        # "The key methodology involves", "The methodology is", "Key methodology:", "PLT's methodology is based on"
        r"(?:[\w\-]+'s\s+)?" + _LEAD + _ADJ + r"(?:methodolog(?:y|ies)|method(?:ology)?|approach|technique)"
        r"\s*(?:involves|involved|is|was|uses|used|employs|employed|consists\s+of|includes|included|"
        r"combines|relies\s+on|leverages|centers\s+on|is\s+based\s+on|:)\s*",
    ],
    "results": [
        # "Primary results show that", "The primary result is that", "Key findings:", "Results indicate"
        _LEAD + _ADJ + r"(?:experimental\s+)?(?:results?|findings?)\s*(?:show|shows|showed|indicate|indicates|"
        r"indicated|demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|is|are|was|were|include|:)"
        r"\s*(?:that\s+)?",
    ],
    "implication": [
        # "The principal implication for AI practitioners is that", "Principal implication for AI practitioners:"
        r"(?:for\s+ai\s+practitioners,\s*)?" + _LEAD + _ADJ + r"implications?" + _FOR_PRACT
        + r"\s*(?:is|are|was|:)\s*(?:that\s+)?",
        # "For AI practitioners, ..."
        r"for\s+(?:ai\s+)?(?:practitioners|engineers|developers)(?:\s+and\s+\w+)?,\s*",
    ],
}
FRAMES = {role: [re.compile(r"^\s*" + p, re.IGNORECASE) for p in pats] for role, pats in _FRAMES.items()}
# Words that name the reader rather than the content ("AI practitioners can use ..."): dropped before classifying.
_READER = re.compile(r"\b(?:for\s+)?(?:AI\s+)?(?:practitioners|engineers|developers)\b,?\s*", re.IGNORECASE)


# A problem statement: what current work lacks or fails at ("Current benchmarks rely only on final answers, leaving
# ...", "X remains underexplored", "There is a lack of ..."). Framed as the problem a paper addresses, it states
# the objective.
PROBLEM = re.compile(r"\b(?:lacks?|lacking|struggles?|fails?|failing|suffers?|limited|limits|limitations?|hinder(?:s|ed)?|"
                     r"remains?\s+(?:a\s+)?(?:challenging|underexplored|unexplored|unclear|open|difficult)|"
                     r"costly|expensive|inefficient|unexamined|overlook(?:s|ed)?|neglect(?:s|ed)?|insufficient|"
                     r"bottlenecks?|not on par|poorly|rely\s+(?:heavily\s+)?on|relies\s+(?:heavily\s+)?on|absence|"
                     r"(?:is|are)\s+(?:still\s+)?(?:scarce|rare|missing)|cannot|unable)\b", re.IGNORECASE)


# All frames as one pattern, tried in the same order (an alternation returns the first alternative that matches,
# as trying the patterns one by one does); each pattern is a named group so the match tells its role.
_ALL_FRAMES = re.compile("|".join(f"(?P<f{i}_{j}>{p})" for i, pats in enumerate(_FRAMES.values())
                                  for j, p in enumerate(pats)), re.IGNORECASE)
_GROUP_ROLE = {f"f{i}_{j}": role for i, (role, pats) in enumerate(_FRAMES.items()) for j in range(len(pats))}


@lru_cache(maxsize=4096)  # pure: the classifier, the validator's checks and glue ask for the same sentences
def strip_frame(sentence: str) -> tuple[str | None, str]:
    """(the role its frame announces or None, the sentence's content without the frame)."""
    s = sentence.strip()
    m = _ALL_FRAMES.match(s)  # s is stripped: FRAMES' leading \s* matches nothing
    if m is None:
        return None, s
    role = _GROUP_ROLE.get(m.lastgroup or "")
    if role is None or m.end() >= len(s):  # a frame that is the whole sentence: a later pattern may still apply
        return _strip_frame_each(s)
    rest = s[m.end():].strip()
    return role, rest[:1].upper() + rest[1:]


def _strip_frame_each(s: str) -> tuple[str | None, str]:
    for role, rxs in FRAMES.items():
        for rx in rxs:
            m = rx.match(s)
            if m and m.end() < len(s):
                rest = s[m.end():].strip()
                return role, rest[:1].upper() + rest[1:]
    return None, s


# Who did it ("This paper", "The authors", "We") says nothing about which part a sentence is.
_SUBJECT = re.compile(r"^(?:this (?:paper|work|study|article|report)|the (?:paper|authors|researchers|study)|we)\s+"
                      r"(?:also\s+|further\s+|then\s+|first\s+)?", re.IGNORECASE)
# Leading connectives ("Moreover,", "In addition,", "Third,") carry no role either.
_CONNECTIVE = re.compile(r"^(?:moreover|additionally|furthermore|further|specifically|finally|first(?:ly)?|second(?:ly)?|"
                         r"third(?:ly)?|in addition|notably|remarkably|importantly|in particular|ultimately|also|"
                         r"besides|then|next|overall|to this end|here|herein|in this (?:paper|work|study)),?\s+",
                         re.IGNORECASE)


# A clause that reports a finding ("find that", "show that") is framed by its verb, not its content.
_REPORT = re.compile(r"^(?:find|finds|found|show|shows|showed|demonstrate|demonstrates|observe|observes|reveal|reveals|"
                     r"confirm|confirms|note|notes)\s+that\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure: the validator's checks and the classifier ask for the same sentences
def content(sentence: str) -> str:
    """The sentence as the classifier sees it: no frame, connective, subject or mention of the reader."""
    rest = strip_frame(sentence)[1]
    for _ in range(2):
        before = rest
        rest = _CONNECTIVE.sub("", rest)
        rest = _SUBJECT.sub("", rest)
        rest = _REPORT.sub("", rest)
        if rest == before:  # the next round would start from the same text
            break
    if not _READER_GATE or not rest.isascii() or any(map(rest.lower().__contains__, _READER_WORDS)):
        rest = _READER.sub(" ", rest)
    return " ".join(rest.split())


# An exact gate for _READER on ASCII text: every match holds one of its words (off if the pattern changes shape).
_READER_WORDS = ("practitioners", "engineers", "developers")
_READER_GATE = "(?:" + "|".join(_READER_WORDS) + ")" in _READER.pattern and "|" not in _READER.pattern.replace(
    "(?:" + "|".join(_READER_WORDS) + ")", "")
