"""Dataset JSONL (one paper per line, the format of shared/evalset/dev.jsonl)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .errors import UsageError
from .types import Paper


class DatasetRow(BaseModel):
    model_config = ConfigDict(extra="ignore")

    arxiv_id: str
    date: str | None = None
    title: str
    authors: list[str] = []
    hf_authors: str | None = None
    abstract: str | None = None
    reference_summary: str | None = None
    categories: list[str] = []

    def paper(self) -> Paper:
        hf = [a.strip() for a in (self.hf_authors or "").split(",") if a.strip()]
        return Paper(arxiv_id=self.arxiv_id, title=self.title, authors=self.authors or hf, abstract=self.abstract,
                     categories=self.categories, hf_authors=hf)


def load_dataset(path: str | Path) -> list[DatasetRow]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(DatasetRow.model_validate_json(line))
            except ValueError as exc:
                raise UsageError(f"{path}:{n}: not a dataset row ({str(exc).splitlines()[0]})") from None
    return rows


def load_abstracts(path: str | Path) -> dict[str, dict]:
    """id -> {"title", "abstract"} for the validator's faithfulness checks."""
    return {r.arxiv_id: {"title": r.title, "abstract": r.abstract} for r in load_dataset(path)}
