"""Rows whose parts echo each other or keep the template's scaffolding (quality15, held-out archive reading 1).

- ``objective:echoes_one_line``: an objective that contains the one-line again, nearly word for word, and only adds
  a clause ("3to4D generates 4D content from static 3D objects and text prompts." -> "The main research question is
  how to generate 4D content (dynamic 3D objects) from user-provided 3D assets and text prompts while maintaining the
  object's identity."). ``restated_part:objective`` asks what share of the OBJECTIVE's words are the one-line's; an
  objective that repeats the whole one-line and appends "addressing ..." or "while ..." escapes it. Here the share is
  the other way round: the share of the ONE-LINE's content stems (paraphrase.stem: "generates"/"generate" fold; the
  paper's name and the frame/wrapper words left out) found in the objective. The engine's takeaway does not use this
  code (its own limits in content_checks are unchanged).
- ``structure:list_labels``: the summary's sentences carry the template's section labels ("i) This paper ... ii) The
  main objective ... v) The principal implication ..." or "a) ... b) ..."): two or more sentences that OPEN with a
  bare list marker. An inline list inside one sentence ("two stages: (1) ... and (2) ...") is prose and is not
  matched: its markers are parenthesised on both sides and do not open sentences.

Thresholds and archive rates: evals/quality/README.md, "quality15: validator". Plain ``re`` only.
"""

from __future__ import annotations

import re

CODES = {
    "objective:echoes_one_line": "the objective repeats the one-line nearly word for word and only adds a clause: "
                                 "state the question or goal, not the contribution again",
    "structure:list_labels": "the sentences carry the template's section labels ('i) ... ii) ... v)', 'a) ... d)'): "
                             "write the summary as plain prose",
}

ECHO = 0.85  # this share of the one-line's content stems are in the objective
MIN_ONE_LINE_STEMS = 7  # ... with at least this many: a short opener that only names the topic ("X is a memory-
#                            efficient attention cache for long-context models") shares its few words with any
#                            objective on that topic; an echo repeats a longer opener, its action and its setting
MIN_LABELLED = 2  # sentences opening with a list marker

# A sentence-opening list marker in the raw summary (the sentence splitter drops them): a roman numeral up to viii, a
# letter a-h or a digit closed by ")" and NOT opened by "(", at the start of the summary or after a sentence's end, and
# followed by a capitalised word ("ii) The main objective ..."). "(1) ... (2)" inside a sentence never matches.
_LABEL = re.compile(r"(?:^|[.!?][\"')]?\s+)(?<!\()(?:i{1,3}|iv|vi{0,3}|ix|[a-h]|[1-9])\)\s+[A-Z0-9\"']")


def list_label_hits(summary: str) -> list:
    from .content_checks import Hit

    n = len(_LABEL.findall(summary.strip()))
    if n >= MIN_LABELLED:
        return [Hit("structure:list_labels", f"{n} sentences open with a template section label ('i)', 'a)' ...): "
                                             "write plain prose")]
    return []


def echo_share(parts: dict, title: str) -> tuple[float, int]:
    """(share of the one-line's content stems found in the objective, how many the one-line has)."""
    from .paraphrase import content_stems, name_stems

    one, obj = parts.get("one_line"), parts.get("objective")
    if one is None or obj is None or one.index == obj.index:
        return 0.0, 0
    names = name_stems(title)
    mine = content_stems(one.body) - names
    if not mine:
        return 0.0, 0
    return len(mine & content_stems(obj.body)) / len(mine), len(mine)


def echo_hits(parts: dict, title: str) -> list:
    from .content_checks import Hit

    share, n = echo_share(parts, title)
    if n >= MIN_ONE_LINE_STEMS and share >= ECHO:
        return [Hit("objective:echoes_one_line", f"the objective repeats the one-line opener ({share:.0%} of its "
                                                 "content words): state the question or goal the paper pursues")]
    return []


def echo_check_hits(title: str, summary: str, parts: dict) -> list:
    return echo_hits(parts, title) + list_label_hits(summary)
