"""An implication that paraphrases the one-line or the objective (quality11).

Class: a takeaway that says the opener's or the objective's point again in other word forms ("DVPO decouples value
and policy optimization ... to improve training efficiency and stability" -> "AI practitioners can achieve more
efficient and stable RLHF training by decoupling value estimation from policy updates"; "a training-free method to
generate seamless looping videos ... using pre-trained video diffusion models" -> "a way to directly repurpose
pre-trained text-to-video diffusion models for generating seamless looping videos, without ... training"). The
word-share check of content_checks (restated_part:implication) compares the parts' 6-letter prefixes with the frame
and a few wrapper words removed; a paraphrase escapes it because

- the words are inflected or derived differently ("stable"/"stability", "integrated"/"integration", "dynamic"/
  "dynamically"): here a small suffix stemmer (plain Python: the check runs in the base install) folds them, and
- the takeaway wraps the repeated point in practitioner vocabulary ("AI practitioners can leverage ... to build more
  effective ... systems for applications ..."): here those words (the reader, the adoption verbs, the kind of thing
  the work is, generic benefit words) are left out, so the share is the share of what the sentence SAYS.

The share is taken against the one-line and the objective one at a time (a paraphrase repeats one of them; the
results and the methodology are content_checks' business). Threshold: evals/validator_restate_thresholds.py
(``paraphrase`` score: per-round curves and the leave-one-round-out choice over the blind rounds 1-10) and a read of
the archive's firings (evals/quality/README.md, "quality11: validator").
"""

from __future__ import annotations

import re
from functools import lru_cache

PARAPHRASE = 0.65  # this share of the takeaway's content stems are in the one-line or the objective
MIN_STEMS = 3  # ... with at least this many content stems (fewer share by chance)

CODES = {
    "implication:paraphrase": "the implication says the one-line's or the objective's point again in other word forms "
                              "(its content words, without the practitioner wrapper, are mostly theirs)",
}

_WORD = re.compile(r"[a-z][a-z0-9]+")

# Words that carry no content of the takeaway: function words, the reader and the frame, the adoption verbs a takeaway
# wraps around the work ("can leverage X to achieve ..."), the kind of thing the work is, and generic benefit words
# ("more effective", "improve", "applications", "tasks") that any takeaway uses. Compared as whole lower-case words.
_GENERIC = frozenset("""
a an the and or of to in on for with by from as at into via that this these those its their his her our we they it
is are was were be been being can could may might will would should must which who whom whose than then also both
each such more most less further very highly while when where how what there
ai practitioner practitioners engineer engineers developer developers researcher researchers user users team teams
implication implications principal key main primary research objective objectives methodology results result paper
study work
use uses used using leverage leverages leveraging apply applies applying adopt adopts adopting employ employs employing
utilize utilizing utilise utilising
provide provides providing offer offers offering enable enables enabling allow allows allowing help helps helping
achieve achieves achieving gain gains
way ways means approach approaches method methods framework frameworks technique techniques system systems tool tools
solution solutions strategy strategies
novel new effective efficient efficiently effectively practical robust directly significantly simple simpler
potentially substantially significant substantial better improved improve improves improving enhance enhances
enhanced enhancing
application applications task tasks model models thereby thus without need needs needing
""".split())

# Suffixes stripped (longest listed first, twice at most, keeping a stem of 4+ letters), then the stem cut to 6 letters:
# "stability" -> "stable" -> "stabl"; "integration"/"integrated" -> "integr"; "dynamically"/"dynamic" -> "dynam".
_SUFFIXES = ("ization", "isation", "ational", "ations", "ation", "itions", "ition", "ments", "ment", "nesses", "ness",
             "ities", "ity", "ically", "ally", "ingly", "ings", "ing", "edly", "ed", "ies", "ers", "er", "ives", "ive",
             "ly", "es", "s", "al", "ic", "e", "y")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A plain suffix stemmer: inflections and common derivations of one word map to one stem (lower-case input)."""
    if word.endswith("ability"):
        word = word[:-7] + "able"
    elif word.endswith("ibility"):
        word = word[:-7] + "ible"
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[:-len(suffix)]
                break
    return word[:6]


@lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    """The stems of the text's content words (not _GENERIC)."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower()) if w not in _GENERIC)


def name_stems(title: str) -> frozenset[str]:
    """Stems of the paper's name (the subject of any sentence about it, not content): a short title head before a
    colon and the title's coined tokens."""
    from .content_checks import _COINED

    head = title.split(":", 1)[0] if ":" in title and len(title.split(":", 1)[0].split()) <= 3 else ""
    return content_stems(" ".join([head] + [m.group(0) for m in _COINED.finditer(title)]))


def paraphrase_share(parts: dict, title: str) -> tuple[float, str]:
    """(the largest share of the implication's content stems found in the one-line or the objective, which part),
    0.0 when the implication has fewer than MIN_STEMS content stems besides the paper's name."""
    imp = parts.get("implication")
    if imp is None:
        return 0.0, ""
    names = name_stems(title)
    mine = content_stems(imp.body) - names
    if len(mine) < MIN_STEMS:
        return 0.0, ""
    best, where = 0.0, ""
    for key, label in (("one_line", "one-line opener"), ("objective", "objective")):
        other = parts.get(key)
        if other is None or other.index == imp.index:
            continue
        share = len(mine & content_stems(other.body)) / len(mine)
        if share > best:
            best, where = share, label
    return best, where


def paraphrase_hits(parts: dict, title: str) -> list:
    from .content_checks import Hit

    share, where = paraphrase_share(parts, title)
    if share >= PARAPHRASE:
        return [Hit("implication:paraphrase", f"the implication says the {where}'s point again ({share:.0%} of its "
                                              "content words, in other forms): say what a practitioner gains beyond "
                                              "it (cost, data needed, where it applies, what it replaces and why)")]
    return []
