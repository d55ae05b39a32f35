"""The nouns that cross module boundaries: papers, summaries, rows, findings."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Severity = Literal["error", "warning"]

PARTS = ("one_line", "objective", "methodology", "results", "implication")


class Paper(BaseModel):
    """One paper of a day, as the sources describe it."""

    model_config = ConfigDict(extra="forbid")

    arxiv_id: str
    title: str
    authors: list[str] = Field(default_factory=list, description="arXiv full names, in order")
    abstract: str | None = None
    categories: list[str] = Field(default_factory=list)
    published: dt.datetime | None = None
    hf_authors: list[str] = Field(default_factory=list, description="names as the HF daily list shows them")
    upvotes: int | None = None

    @property
    def arxiv_url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}"

    @property
    def hf_url(self) -> str:
        return f"https://huggingface.co/papers/{self.arxiv_id}"


class Summary(BaseModel):
    """The five parts every digest summary covers."""

    model_config = ConfigDict(extra="forbid")

    one_line: str = Field(description="What the paper does, in one sentence.")
    objective: str = Field(description="The research question or objective.")
    methodology: str = Field(description="The key methodology.")
    results: str = Field(description="Primary results, with at least one number from the paper.")
    implication: str = Field(description="What it means for AI practitioners.")


class Finding(BaseModel):
    """One problem the validator found in a digest row (or a whole digest)."""

    model_config = ConfigDict(extra="forbid")

    code: str
    severity: Severity
    message: str
    file: str | None = None
    row: int | None = Field(default=None, description="1-based row number in the table; None for the file")
    arxiv_id: str | None = None


RowStatus = Literal["ok", "needs_review", "needs_attention"]

SCHEMA_VERSION = 2  # of Digest / DigestRow as stored and exported (the JSON sidecar); 1 had no status or run id

_REVIEW_PREFIX = re.compile(r"^NEEDS REVIEW \([^)]*\): ")


class DigestRow(BaseModel):
    """One paper's row: the clean summary text plus what the checks said about it.

    ``summary`` never carries display markers: ``NEEDS REVIEW (...)`` and ``NEEDS
    ATTENTION`` are added by the markdown renderer from ``status``.
    """

    model_config = ConfigDict(extra="forbid")

    arxiv_id: str
    title: str
    authors: list[str] = Field(default_factory=list)
    summary: str = ""
    parts: Summary | None = None
    engine: str | None = None
    model: str | None = None
    abstract: str | None = Field(default=None, description="the abstract the summary was written from")
    findings: list[Finding] = Field(default_factory=list)
    status: RowStatus = Field(default="ok", description="ok | needs_review (error findings) | needs_attention "
                                                       "(nothing usable was generated: an editor must write it)")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data):
        """Version-1 rows: ``needs_attention: bool`` instead of a status, and the review marker in the text."""
        if isinstance(data, dict) and "needs_attention" in data:
            data = dict(data)
            flagged = data.pop("needs_attention")
            if isinstance(data.get("summary"), str) and _REVIEW_PREFIX.match(data["summary"]):
                data["summary"] = _REVIEW_PREFIX.sub("", data["summary"])  # v1 marked review rows in the text
                data.setdefault("status", "needs_review")
            elif flagged:
                data.setdefault("status", "needs_attention")
        return data

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def needs_attention(self) -> bool:
        return self.status == "needs_attention"

    def settled(self) -> "DigestRow":
        """This row with the status its findings call for (needs_attention is kept: it is decided upstream)."""
        if self.status == "needs_attention":
            return self
        return self.model_copy(update={"status": "needs_review" if self.errors else "ok"})


class Digest(BaseModel):
    """One day's digest, as stored (SQLite) and exported (the JSON sidecar beside the markdown)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    date: dt.date
    run_id: str | None = None
    engine: str | None = None
    model: str | None = None
    prompt_hash: str | None = Field(default=None, description="sha256 prefix of the prompt templates in effect")
    generated_at: dt.datetime | None = None
    rows: list[DigestRow] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="ids left out, e.g. already in an earlier day")
    skip_reasons: dict[str, str] = Field(default_factory=dict, description="arxiv_id -> why it was left out")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data):
        if isinstance(data, dict) and "schema_version" not in data:
            data = {**data, "schema_version": SCHEMA_VERSION}  # version 1 had no version field: upgraded on read
        return data

    def counts(self) -> dict[str, int]:
        out = {"ok": 0, "needs_review": 0, "needs_attention": 0}
        for r in self.rows:
            out[r.status] += 1
        return out
