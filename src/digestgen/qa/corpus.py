"""What a question is asked about: the papers in scope, as docs split into passages.

Three scopes: a day (or range) of cached papers plus the day's generated digest summaries, a dataset file
(``dev.jsonl`` format), or the published digest archive (summaries only, ~4,800 rows).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict

from ..errors import DigestgenError, UsageError
from ..text import split_sentences

PassageKind = Literal["title", "abstract", "summary"]


class Doc(BaseModel):
    """One paper in scope."""

    model_config = ConfigDict(extra="forbid")

    arxiv_id: str
    date: str | None = None
    title: str
    abstract: str | None = None
    summary: str | None = None


class Passage(BaseModel):
    """A retrievable piece of a doc: its title, a window of abstract sentences, or a window of its summary."""

    model_config = ConfigDict(extra="forbid")

    arxiv_id: str
    date: str | None = None
    kind: PassageKind
    text: str


class NoPapers(DigestgenError):
    """The scope holds no papers (e.g. a day that was never fetched)."""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def passages(doc: Doc, *, max_words: int = 90) -> list[Passage]:
    """The title, then the abstract and the summary packed into chunks of whole sentences (about ``max_words``)."""
    out = [Passage(arxiv_id=doc.arxiv_id, date=doc.date, kind="title", text=_clean(doc.title))]
    for kind, text in (("abstract", doc.abstract), ("summary", doc.summary)):
        chunk: list[str] = []
        words = 0
        for sent in split_sentences(_clean(text)):
            n = len(sent.split())
            if chunk and words + n > max_words:
                out.append(Passage(arxiv_id=doc.arxiv_id, date=doc.date, kind=kind, text=" ".join(chunk)))
                chunk, words = [], 0
            chunk.append(sent)
            words += n
        if chunk:
            out.append(Passage(arxiv_id=doc.arxiv_id, date=doc.date, kind=kind, text=" ".join(chunk)))
    return out


def doc_text(doc: Doc) -> str:
    return " ".join(x for x in (_clean(doc.title), _clean(doc.abstract), _clean(doc.summary)) if x)


# ---- scopes -------------------------------------------------------------------------------------------------

def _digest_summaries(settings, day: dt.date) -> dict[str, str]:
    """id -> summary from the day's generated digest JSON (``out/digests/YYYY/MM/DD.json``) if it exists."""
    digest = None
    try:
        from ..digests import load_digest

        digest = load_digest(settings, day)
    except ImportError:  # pragma: no cover - older layouts: read the JSON below
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged digest must not stop questions about the papers
        print(f"warning: the digest of {day} could not be read ({type(exc).__name__}); using the abstracts alone",
              file=sys.stderr)
    if digest is not None:
        rows = getattr(digest, "rows", None) or []
        return {r.arxiv_id: r.summary for r in rows if getattr(r, "summary", None)}
    path = Path(settings.out_dir) / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {r["arxiv_id"]: r["summary"] for r in data.get("rows", []) if r.get("arxiv_id") and r.get("summary")}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        print(f"warning: {path} is not a digest JSON; using the abstracts alone", file=sys.stderr)
        return {}


def day_docs(settings, day: dt.date, until: dt.date | None = None) -> list[Doc]:
    """The cached papers of ``day`` (..``until``), offline, with the generated summaries where a digest exists."""
    from ..cache import Cache
    from ..errors import OfflineMiss
    from ..fetch import fetch_day

    last = until or day
    if last < day:
        raise UsageError("--until is before --date")
    docs: list[Doc] = []
    missing: list[str] = []
    d = day
    while d <= last:
        try:
            papers = fetch_day(d, cache=Cache(settings.cache_dir), offline=True, skip_seen=False).papers
        except OfflineMiss:
            missing.append(d.isoformat())
            papers = []
        summaries = _digest_summaries(settings, d)
        for p in papers:
            docs.append(Doc(arxiv_id=p.arxiv_id, date=d.isoformat(), title=p.title, abstract=p.abstract,
                            summary=summaries.get(p.arxiv_id)))
        d += dt.timedelta(days=1)
    if not docs:
        which = missing[0] if len(missing) == 1 else f"{day}..{last}"
        raise NoPapers(f"no cached papers for {which} in {settings.cache_dir}: run `digestgen fetch --date "
                       f"{missing[0] if missing else day}` with network access first")
    if missing:
        print(f"warning: no cached papers for {', '.join(missing)} (run `digestgen fetch --date D` for each)",
              file=sys.stderr)
    return docs


def dataset_docs(path: str | Path, day: dt.date | None = None) -> list[Doc]:
    """Rows of a dataset file (``dev.jsonl`` format), optionally only those of ``day``."""
    from ..dataset import load_dataset

    try:
        rows = load_dataset(path)
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    docs = [Doc(arxiv_id=r.arxiv_id, date=r.date, title=r.title, abstract=r.abstract) for r in rows
            if day is None or r.date == day.isoformat()]
    if not docs:
        raise NoPapers(f"{path} has no papers" + (f" dated {day}" if day else ""))
    return docs


def archive_docs(dirs: list[Path]) -> list[Doc]:
    """Every row of the published digests under ``dirs`` (``YYYY/MM/DD.md``): title and summary, dated."""
    from ..parse import parse_file

    docs: list[Doc] = []
    seen: set[tuple[str, str]] = set()
    for root in dirs:
        root = Path(root)
        if not root.is_dir():
            raise UsageError(f"no such archive folder: {root}")
        for path in sorted(root.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9].md")):
            parsed = parse_file(path)
            date = parsed.date.isoformat() if parsed.date else f"{path.parts[-3]}-{path.parts[-2]}-{path.stem}"
            for row in parsed.rows:
                if not row.arxiv_id or (row.arxiv_id, date) in seen:
                    continue
                seen.add((row.arxiv_id, date))
                docs.append(Doc(arxiv_id=row.arxiv_id, date=date, title=row.title, summary=row.summary))
    if not docs:
        raise NoPapers(f"no digest rows under {', '.join(map(str, dirs))} (expected YYYY/MM/DD.md files)")
    return docs


def default_archive_dirs(settings) -> list[Path]:
    """The settings' archive folders, else the shared reference archive beside the repository."""
    if settings.archive_dirs:
        return [Path(p) for p in settings.archive_dirs]
    qa_dirs = getattr(settings, "qa_archive_dirs", None)
    if qa_dirs:
        return [Path(p) for p in qa_dirs]
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared" / "references" / "digests"
        if cand.is_dir():
            return [cand]
    raise UsageError("no archive folder: pass --archive DIR or set DIGESTGEN_ARCHIVE")


ProgressFn = Callable[[str], None]
