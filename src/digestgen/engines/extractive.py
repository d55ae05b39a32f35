"""The offline engine: the five parts built from the abstract's own sentences, deterministically.

Each abstract sentence gets a score per role (contribution, objective, method,
result, implication) from cue phrases and position; each part takes its best
unused sentence, rewritten from the authors' first person into the house voice
of the reference digests. No fact is added: every clause, and so every number,
comes from the abstract.
"""

from __future__ import annotations

import re

from ..numbers import has_number
from ..text import split_sentences
from ..types import Paper, Summary
from .base import Engine, NoAbstract

_CUES = {
    "one_line": [r"\bwe (propose|introduce|present|develop|design|build|release)\b", r"\bthis (paper|work) (propose|introduce|present)",
                 r"\bwe\b[^.;]{0,60}\b(propose|introduce|present)\b",
                 r"\bin this (paper|work)\b", r"\b(is|as) a (novel|new|simple|unified)\b", r"\bwe (study|investigate|explore)\b"],
    "objective": [r"\b(aim|aims|goal|objective|seek|seeks)\b", r"\bto (address|tackle|overcome|bridge|mitigate)\b",
                  r"\b(challenge|challenging|problem|limitation|limited|lack|struggle|remain|bottleneck|however|yet)\b",
                  r"\bwhether\b", r"\bquestion\b"],
    "methodology": [r"\bwe (use|employ|leverage|train|fine-tune|design|construct|adopt|apply|combine|formulate)\b",
                    r"\b(framework|pipeline|architecture|approach|method|algorithm|strategy|mechanism|module|stage)\b",
                    r"\b(consists|comprises|leverag|employ|based on|by (using|introducing|leveraging))\w*\b",
                    r"\b(first|second|then|finally)\b"],
    "results": [r"\b(outperform|surpass|achiev|improv|exceed|reduc|boost|gain|state-of-the-art|sota)\w*\b",
                r"\b(experiment|result|evaluation|benchmark|empirical)\w*\b", r"\d"],
    "implication": [r"\b(enable|allow|facilitat|pave|open|suggest|highlight|implication|practical|promising|"
                    r"potential|insight|useful|deploy|available|release)\w*\b",
                    r"\b(code|model|dataset|data)s? (is|are|will be) (publicly )?(available|released)\b"],
}
_COMPILED = {role: [re.compile(c, re.IGNORECASE) for c in cues] for role, cues in _CUES.items()}
_NUMBER = re.compile(r"\d")
LONG_SENTENCE = 38  # words; longer sentences make rows wordy and harder to read
_DISCOURSE = re.compile(r"^(?:Remarkably|Notably|Moreover|Additionally|Furthermore|Specifically|Finally|"
                        r"In addition|Overall|Empirically|Importantly|Crucially|Consequently|As a result|"
                        r"In particular|Interestingly|Surprisingly|Concretely|Therefore|Thus|Hence|However|Yet|But|"
                        r"Unfortunately|Nevertheless|Nonetheless|Meanwhile|Still|Instead|Accordingly),?\s+")
_MATH = [(re.compile(r"\\times"), "×"), (re.compile(r"\\(?:sim|approx)"), "~"), (re.compile(r"(?<=\w)~(?=[(\w])"), " "),
         (re.compile(r"\$([^$]{1,40})\$"), r"\1")]
_LATEX = re.compile(r"\\(?:textbf|textit|emph|texttt|textsc|mathrm|mathbf|text)\{([^{}]*)\}")
_ENUM = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,4}|[a-e])\)\s+")
_VERBS = ("propose introduce present develop design show demonstrate evaluate release construct train use "
          "leverage achieve find provide conduct apply analyze analyse build establish identify offer employ "
          "adopt combine create curate collect formulate investigate explore study validate benchmark "
          "fine-tune open-source reveal extend outperform enable perform compare derive learn").split()
_AND_VERB = re.compile(r"\b(and|then|also)\s+(" + "|".join(map(re.escape, _VERBS)) + r")\b")
_SUBJECT_VERB = re.compile(r"^(?:This paper|The authors|It)\s+(" + "|".join(
    re.escape(v) for v in _VERBS) + r")(?:e?s|ies)?\s+(.*)$")
_GERUND_EXC = {"use": "using", "leverage": "leveraging", "analyse": "analysing", "analyze": "analyzing",
               "study": "studying", "apply": "applying", "open-source": "open-sourcing", "fine-tune": "fine-tuning"}
_REPORTING = re.compile(r"^(?:the authors|extensive experiments|experiments|experimental results|results|evaluations?)"
                        r"(?: [^,]{0,60}?)? (?:show|shows|demonstrate|demonstrates|reveal|reveals|indicate|indicates)"
                        r" that ", re.IGNORECASE)
_AIM = re.compile(r"\b(?:aims?|seeks?|strives?|attempts?|goal is|objective is|purpose is)\s+(?:is\s+)?to\s+(.+)$",
                  re.IGNORECASE)
_TO_CLAUSE = re.compile(r"^To\s+(address|tackle|overcome|bridge|mitigate|solve|fill|close|alleviate|resolve|remedy)"
                        r"\s+([^,]{3,120}),", re.IGNORECASE)
_BACKGROUND = re.compile(r"\b(has been|have been|existing|previous|prior|recent(ly)?|traditional|conventional|"
                         r"typically|often|usually|current)\b", re.IGNORECASE)
_CODE_ONLY = re.compile(r"\b(code|models?|data(sets?)?|weights|checkpoints|project page|statistics)\b.{0,60}\b(available|"
                        r"released|open-sourced?|public|can be found|accessible|will be)\b", re.IGNORECASE)
_STUDY = re.compile(r"^We\s+(study|investigate|explore|examine|analy[sz]e|ask|evaluate|assess|revisit|quantify)\s+(.+)$")
_URL = re.compile(r"https?://\S+|\b\S+\.(?:com|org|io)/\S*")


def _quantitative(sentence: str) -> bool:
    return has_number(sentence) and not _CODE_ONLY.search(sentence)


def _third_person_verb(verb: str) -> str:
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    return verb + "s"


def _gerund(verb: str) -> str:
    if verb in _GERUND_EXC:
        return _GERUND_EXC[verb]
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def house_voice(sentence: str) -> str:
    """Rewrite the authors' first person ("we propose", "our method") in the digest's third person."""
    s = _LATEX.sub(r"\1", sentence.strip())
    for rx, rep in _MATH:
        s = rx.sub(rep, s)
    s = _ENUM.sub("", s)
    s = _DISCOURSE.sub("", s)
    sentence = s
    s = re.sub(r"^(?:In this (?:paper|work|study|report)|Here|Herein|To this end|To [^,]{3,90}|In contrast to [^,]{3,90}|"
               r"Unlike [^,]{3,90}|Different from [^,]{3,90}|Building on [^,]{3,90}|Inspired by [^,]{3,90}|"
               r"Motivated by [^,]{3,90}|Based on [^,]{3,90})"
               r",?\s+we\s+(?:also\s+|further\s+)?(\w+)",
               lambda m: f"This paper {_third_person_verb(m.group(1).lower())}"
               if not m.group(1).lower().endswith("ed") else f"This paper {m.group(1).lower()}", s)
    s = re.sub(r"^We\s+(?:also\s+|further\s+|then\s+)?(\w+)\b", lambda m: f"The authors {m.group(1).lower()}", s)
    if s.startswith(("This paper ", "The authors ")) and re.search(r"\bwe\b", sentence, re.IGNORECASE):
        third = s.startswith("This paper ")
        s = _AND_VERB.sub(lambda m: f"{m.group(1)} {_third_person_verb(m.group(2)) if third else m.group(2)}", s)
    s = re.sub(r"^Our\s+", "The ", s)
    s = re.sub(r"\b[Ww]e\b", "the authors", s)
    s = re.sub(r"\bour\b", "their", s)
    s = re.sub(r"\bOur\b", "Their", s)
    s = re.sub(r"\bus\b", "them", s)
    s = _URL.sub("", s)
    s = re.sub(r"\s+([,.;:])", r"\1", " ".join(s.split()))
    s = re.sub(r"\b(?:at|in|on|from)\s*[.:]?$", "", s).rstrip(" ,;:")
    if s and s[-1] not in ".!?":
        s += "."
    return s[:1].upper() + s[1:]


def _methodology(sentence: str) -> str:
    """'The authors employ X' -> 'The key methodology involves employing X' (the house phrasing)."""
    voiced = house_voice(sentence)
    m = _SUBJECT_VERB.match(voiced)
    if m:
        rest = re.sub(r"\b(and|then)\s+(" + "|".join(map(re.escape, _VERBS)) + r")(?:e?s)?\b",
                      lambda v: f"{v.group(1)} {_gerund(v.group(2))}", m.group(2))
        return f"The key methodology involves {_gerund(m.group(1))} {rest}"
    return f"In terms of methodology, {_lower_first(voiced)}"


def _objective(sentence: str) -> str:
    """The objective sentence, phrased as the reference rows phrase it."""
    m = _AIM.search(sentence)
    if m:
        return f"The main research objective is to {house_voice(m.group(1))[0].lower()}{house_voice(m.group(1))[1:]}"
    m = _STUDY.match(_DISCOURSE.sub("", sentence.strip()))
    if m:
        return f"The main research objective is to {m.group(1)} {_lower_first(house_voice(m.group(2)))}"
    m = _TO_CLAUSE.match(sentence.strip())
    if m:
        return f"The main research objective is to {m.group(1).lower()} {house_voice(m.group(2)).rstrip('.')}."
    return f"The main research objective is to address the problem that {_lower_first(house_voice(sentence))}"


def _lower_first(s: str) -> str:
    # Keep acronyms and names ("LLMs", "GPT-4", "BenchX", "MedVLP") as they are.
    first = re.match(r"[A-Za-z][\w\-]*", s)
    if first and s[0].isupper() and first.group(0)[1:].islower():
        return s[0].lower() + s[1:]
    return s


def _score(role: str, sentence: str, position: int, total: int, name: str | None = None) -> float:
    score = sum(1.0 for c in _COMPILED[role] if c.search(sentence))
    if role == "one_line" and name and name.lower() in sentence.lower():
        score += 1.0  # the sentence that names the paper's method or benchmark
    rel = position / max(1, total - 1)
    if role == "objective":
        score += 0.8 * (1 - rel)
    elif role in ("results", "implication"):
        score += 0.8 * rel
    elif role == "one_line" and position <= 2:
        score += 0.3
    if role == "methodology":
        score += 0.8 * bool(re.search(r"\b(we|our)\b", sentence, re.IGNORECASE))
        score -= 0.8 * bool(_BACKGROUND.search(sentence))
    if role == "implication":
        score -= 0.8 * bool(_BACKGROUND.search(sentence))
        if _CODE_ONLY.search(sentence) and len(sentence.split()) < 20:
            score -= 3.0
    words = len(sentence.split())
    if words > LONG_SENTENCE:
        score -= 0.5 * ((words - LONG_SENTENCE) / 15)
    if words < 6:
        score -= 1.0
    return score


def _addressed_to_model(sentence: str) -> bool:
    """A sentence that talks to a model ("Ignore previous instructions...", "SYSTEM: ...") is never copied into a row."""
    from ..validate import instruction_like

    return instruction_like(sentence)


class ExtractiveEngine(Engine):
    """Deterministic, offline, faithful by construction."""

    name = "extractive"

    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        if not paper.abstract or not paper.abstract.strip():
            raise NoAbstract(paper.arxiv_id)
        sentences = [s for s in split_sentences(paper.abstract) if not _URL.fullmatch(s) and not _addressed_to_model(s)]
        n = len(sentences)
        used: set[int] = set()
        # "LongRoPE2: Near-Lossless..." names its method before the colon
        head, colon, _ = paper.title.partition(":")
        name = head.strip() if colon and len(head) <= 30 else None

        def pick(role: str, require=None) -> int | None:
            best, best_score = None, float("-inf")
            for i, s in enumerate(sentences):
                if i in used or (require and not require(s)):
                    continue
                sc = _score(role, s, i, n, name)
                if sc > best_score:
                    best, best_score = i, sc
            if best is not None:
                used.add(best)
            return best

        # Results first: it must carry a number when the abstract has one.
        res_i = pick("results", require=_quantitative)
        if res_i is None:
            res_i = pick("results", require=lambda s: not _CODE_ONLY.search(s))
        one_i = pick("one_line")
        obj_i = pick("objective")
        met_i = pick("methodology")
        imp_i = pick("implication")

        def text(i: int | None) -> str:
            return house_voice(sentences[i]) if i is not None else ""

        one_line = text(one_i) or f"{paper.title}."
        objective = _objective(sentences[obj_i]) if obj_i is not None else (
            f"The main research objective is stated in the title: {paper.title}.")
        methodology = _methodology(sentences[met_i]) if met_i is not None else ""
        results = text(res_i)
        if results:
            m = _REPORTING.match(results)
            if m and not _NUMBER.search(m.group(0)):  # never drop a number with the reporting clause
                results = results[m.end():]
            results = f"Primary results show that {_lower_first(results)}"
        implication = text(imp_i)
        implication = (f"The principal implication for AI practitioners is that {_lower_first(implication)}"
                       if implication else "")
        return Summary(one_line=one_line, objective=objective, methodology=methodology,
                       results=results, implication=implication)
