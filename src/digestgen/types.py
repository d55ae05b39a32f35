"""The nouns that cross module boundaries: papers, summaries, rows, findings."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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


class DigestRow(BaseModel):
    """A rendered row: what a reader sees, plus what the checks said about it."""

    model_config = ConfigDict(extra="forbid")

    arxiv_id: str
    title: str
    authors: list[str] = Field(default_factory=list)
    summary: str
    parts: Summary | None = None
    engine: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    needs_attention: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


class Digest(BaseModel):
    """One day's digest."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    rows: list[DigestRow] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="ids left out, e.g. already in an earlier day")
