"""Dataset JSONL (one paper per line, the format of shared/evalset/dev.jsonl)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from .errors import UsageError
from .types import Paper

M = TypeVar("M", bound=BaseModel)


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


def read_jsonl(path: str | Path, model: type[M], what: str) -> list[M]:
    """Every non-blank line of a JSONL file as ``model``; a missing, unreadable or malformed file is one
    UsageError naming the file and line (``what``: "dataset row", "question row"...)."""
    rows: list[M] = []
    try:
        with open(path, "rb") as fh:
            raw_lines = fh.read().split(b"\n")
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or type(exc).__name__})") from None
    for n, raw in enumerate(raw_lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{path}:{n}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
                             ) from None
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate_json(line))
        except ValueError as exc:
            raise UsageError(f"{path}:{n}: not a {what} ({str(exc).splitlines()[0]})") from None
    return rows


def load_dataset(path: str | Path) -> list[DatasetRow]:
    return read_jsonl(path, DatasetRow, "dataset row")


def load_abstracts(path: str | Path) -> dict[str, dict]:
    """id -> {"title", "abstract"} for the validator's faithfulness checks."""
    return {r.arxiv_id: {"title": r.title, "abstract": r.abstract} for r in load_dataset(path)}
