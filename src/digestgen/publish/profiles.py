"""Selection profiles (TOML): which of the day's papers a digest keeps, in what order, and why.

    # nlp.toml
    categories = ["cs.CL"]            # arXiv categories to include ("cs.*" works)
    keywords = ["language model"]     # words/phrases in the title or abstract to include
    exclude_categories = ["cs.CV"]
    exclude_keywords = ["survey"]
    topic = "large language models: training, alignment and evaluation"
    threshold = 0.35                  # cosine similarity (MiniLM) the topic needs
    match = "any"                     # a paper must meet any (or "all") of the include rules set
    min_upvotes = 5
    max_papers = 10
    order = "relevance"               # hf | upvotes | relevance

No profile keeps the whole HF list in its order, as the reference digests do.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal, Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import DigestgenError, UsageError
from ..types import Paper


class ProfileError(DigestgenError):
    """A profile that cannot be applied (e.g. a topic without the embedding model)."""


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", pattern=r"^[A-Za-z0-9_.-]*$")
    categories: list[str] = Field(default_factory=list)
    exclude_categories: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    exclude_keywords: list[str] = Field(default_factory=list)
    topic: str | None = None
    threshold: float = Field(default=0.35, ge=-1.0, le=1.0)
    match: Literal["any", "all"] = "any"
    min_upvotes: int | None = Field(default=None, ge=0)
    max_papers: int | None = Field(default=None, ge=1)
    order: Literal["hf", "upvotes", "relevance"] = "hf"

    @field_validator("name")
    @classmethod
    def _own_folder(cls, v: str) -> str:
        # a profile's digest lives in publish_dir/<name>/: it must not shadow the main site's folders
        if v in ("archive", "site", ".", ".."):
            raise ValueError(f"{v!r} is reserved: name the profile (or its file) something else")
        return v


def load_profile(path: str | Path) -> Profile:
    """Read a profile; its name defaults to the file's stem. Problems are one clear line."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no such profile: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"profile {path}: not valid TOML ({exc})") from None
    data.setdefault("name", path.stem)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'profile'}: {e['msg']}" for e in exc.errors())
        raise UsageError(f"profile {path}: {problems}") from None


@dataclass
class Decision:
    paper: Paper
    kept: bool
    reasons: list[str] = field(default_factory=list)
    relevance: float | None = None
    rank: int | None = None        # 1-based position in the digest when kept

    def line(self) -> str:
        state = f"keep #{self.rank}" if self.kept else "drop"
        return f"{state:<8} {self.paper.arxiv_id:<11} {' '.join(self.paper.title.split())[:70]}: {'; '.join(self.reasons)}"


Embed = Callable[[Sequence[str]], "object"]


def _paper_text(p: Paper) -> str:
    return f"{p.title}. {p.abstract or ''}"


def _keyword_hits(words: list[str], text: str) -> list[str]:
    # whole words, case-insensitive, plural included ("language model" matches "language models")
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w.strip())}(?:s|es)?(?!\w)", text, re.IGNORECASE)]


def _category_hits(patterns: list[str], cats: list[str]) -> list[str]:
    return [c for c in cats if any(fnmatch.fnmatchcase(c, pat) for pat in patterns)]


def default_embed(texts: Sequence[str]):
    try:
        from ..metrics import embed
    except ImportError as exc:  # pragma: no cover - metrics itself imports nothing heavy
        raise ProfileError(str(exc)) from None
    return embed(texts)


def topic_scores(topic: str, papers: list[Paper], embed: Embed) -> list[float]:
    try:
        vecs = embed([topic] + [_paper_text(p) for p in papers])
    except ImportError as exc:
        raise ProfileError(f"the profile's topic needs the MiniLM embedding model, which is not installed "
                           f"({exc.name or exc}): pip install 'digestgen[eval]', or drop `topic` from the profile") from None
    q = vecs[0]
    return [float(q @ v) for v in vecs[1:]]


def select(papers: list[Paper], profile: Profile | None, *, embed: Embed | None = None) -> list[Decision]:
    """A decision per paper, in the input (HF) order; kept ones carry their rank in the digest."""
    if profile is None:
        return [Decision(p, True, ["no profile: the whole HF list"], rank=i) for i, p in enumerate(papers, 1)]
    scores = topic_scores(profile.topic, papers, embed or default_embed) if profile.topic and papers else None
    decisions: list[Decision] = []
    for i, p in enumerate(papers):
        text = _paper_text(p)
        d = Decision(p, True, relevance=scores[i] if scores else None)
        bad_cats = _category_hits(profile.exclude_categories, p.categories)
        bad_words = _keyword_hits(profile.exclude_keywords, text)
        if bad_cats or bad_words:
            d.kept = False
            d.reasons.append("excluded: " + ", ".join([f"category {c}" for c in bad_cats] +
                                                      [f"keyword {w!r}" for w in bad_words]))
        rules: list[tuple[str, bool, str]] = []   # (rule, met, why)
        if profile.categories:
            hits = _category_hits(profile.categories, p.categories)
            rules.append(("category", bool(hits), f"category {', '.join(hits)}" if hits else
                          f"no category in {', '.join(profile.categories)} (has {', '.join(p.categories) or 'none'})"))
        if profile.keywords:
            hits = _keyword_hits(profile.keywords, text)
            rules.append(("keyword", bool(hits), f"keyword {', '.join(map(repr, hits))}" if hits else
                          "no keyword of the profile"))
        if scores is not None:
            s = scores[i]
            met = s >= profile.threshold
            rules.append(("topic", met, f"topic similarity {s:.2f} {'>=' if met else '<'} {profile.threshold:.2f}"))
        if rules:
            met = [r for r in rules if r[1]]
            ok = bool(met) if profile.match == "any" else len(met) == len(rules)
            if ok:
                d.reasons += [why for _, m, why in rules if m]
            else:
                d.kept = False
                d.reasons += [why for _, m, why in rules if not m]
        if profile.min_upvotes is not None:
            up = p.upvotes or 0
            if up < profile.min_upvotes:
                d.kept = False
                d.reasons.append(f"{up} upvotes < {profile.min_upvotes}")
            else:
                d.reasons.append(f"{up} upvotes")
        if d.kept and not d.reasons:
            d.reasons.append("no include rule: kept")
        decisions.append(d)
    kept = [d for d in decisions if d.kept]
    if profile.order == "upvotes":
        kept.sort(key=lambda d: -(d.paper.upvotes or 0))   # stable: HF order breaks ties
    elif profile.order == "relevance":
        kept.sort(key=lambda d: -_relevance(d, profile))
    if profile.max_papers is not None:
        for d in kept[profile.max_papers:]:
            d.kept = False
            d.reasons.append(f"over max_papers {profile.max_papers} (order: {profile.order})")
        kept = kept[:profile.max_papers]
    for rank, d in enumerate(kept, 1):
        d.rank = rank
    return decisions


def _relevance(d: Decision, profile: Profile) -> float:
    if d.relevance is not None:
        return d.relevance
    return float(len(_keyword_hits(profile.keywords, _paper_text(d.paper))))  # no topic: keyword hits


def kept_in_order(decisions: list[Decision]) -> list[Paper]:
    return [d.paper for d in sorted((d for d in decisions if d.kept), key=lambda d: d.rank)]
