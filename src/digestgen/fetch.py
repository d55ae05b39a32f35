"""Assemble a day's papers: the HF daily list (or ids / a query) joined with arXiv metadata."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache
from .ids import canonical_id
from .sources import ListingRequest, ListingSource, MetadataRequest, MetadataSource, get_listing, get_metadata
from .types import Paper

log = logging.getLogger("digestgen.fetch")


@dataclass
class DayPapers:
    date: dt.date
    papers: list[Paper]
    skipped: dict[str, str] = field(default_factory=dict)  # arxiv_id -> why
    # arxiv_id -> why its metadata could not be fetched (after the source's retries); the paper is still in
    # ``papers``, with what the listing said, and becomes a needs-attention row instead of a summary
    failed: dict[str, str] = field(default_factory=dict)


def earlier_ids(archive_dirs: list[Path], before: dt.date) -> dict[str, dt.date]:
    """Ids already published in digests (``YYYY/MM/DD.md``) dated before ``before``: id -> first day."""
    from .parse import parse_file

    seen: dict[str, dt.date] = {}
    for root in archive_dirs:
        root = Path(root)
        if not root.is_dir():
            continue
        for path in sorted(root.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9].md")):
            try:
                day = dt.date(int(path.parts[-3]), int(path.parts[-2]), int(path.stem))
            except ValueError:
                continue
            if day >= before:
                continue
            for row in parse_file(path).rows:
                if row.arxiv_id and row.arxiv_id not in seen:
                    seen[row.arxiv_id] = day
    return seen


def merge(listed: list[Paper], meta: dict[str, Paper]) -> list[Paper]:
    """The listed papers, in order, with arXiv's title, full author names, abstract and categories."""
    out = []
    for p in listed:
        m = meta.get(p.arxiv_id)
        if m is None:
            out.append(p.model_copy(update={"authors": p.authors or p.hf_authors}))
            continue
        out.append(p.model_copy(update={
            "title": m.title or p.title,
            "authors": m.authors or p.authors or p.hf_authors,
            "abstract": m.abstract or p.abstract,
            "categories": m.categories,
            "published": m.published or p.published,
        }))
    return out


def fetch_day(day: dt.date, *, cache: Cache, offline: bool = False, ids: list[str] | None = None,
              query: str | None = None, archive_dirs: list[Path] | None = None, skip_seen: bool = True,
              listing: ListingSource | None = None, metadata: MetadataSource | None = None,
              seen: dict[str, dt.date] | None = None, settings=None) -> DayPapers:
    """The papers for ``day``: listed by the configured listing source unless ``ids`` or ``query`` say otherwise.

    Only the two source interfaces are used: ``listing`` (default: Settings' ``listing_source``,
    or ``arxiv_query`` for a query) and ``metadata`` (default: Settings' ``metadata_source``).
    With ``skip_seen``, papers in ``seen`` (id -> earlier day: the store's answer) or in the
    digests under ``archive_dirs`` (external archives, parsed) are left out, each with its reason.
    A failure of the listing is the day's failure (raised); a metadata fetch that fails after its
    retries fails only its papers: they stay listed, in ``failed`` with the reason.
    """
    if settings is None:
        from .config import current

        settings = current()
    if ids:
        listed = [Paper(arxiv_id=canonical_id(i), title="") for i in ids]
    elif query:
        listing = listing or get_listing("arxiv_query", settings, cache, offline=offline)
        listed = listing.list(ListingRequest(query=query))
    else:
        listing = listing or get_listing(settings.listing_source, settings, cache, offline=offline)
        listed = listing.list(ListingRequest(day=day))
    unique: list[Paper] = []
    skipped: dict[str, str] = {}
    seen_today: set[str] = set()
    for p in listed:
        if p.arxiv_id in seen_today:
            skipped[p.arxiv_id] = "listed twice today"
            continue
        seen_today.add(p.arxiv_id)
        unique.append(p)
    if skip_seen and (archive_dirs or seen):
        before = dict(seen or {})
        if archive_dirs:
            for pid, first in earlier_ids(archive_dirs, day).items():
                before[pid] = min(first, before.get(pid, first))
        kept = []
        for p in unique:
            if p.arxiv_id in before:
                skipped[p.arxiv_id] = f"already in the digest of {before[p.arxiv_id]}"
            else:
                kept.append(p)
        unique = kept
    failed: dict[str, str] = {}
    if query:  # a query answers with full arXiv records already
        meta = {p.arxiv_id: p for p in unique}
    elif unique:
        metadata = metadata or get_metadata(settings.metadata_source, settings, cache, offline=offline)
        # a metadata fetch that fails for good fails only the papers it concerned: the day goes on
        answer = metadata.describe_each(MetadataRequest(ids=[p.arxiv_id for p in unique]))
        meta = {p.arxiv_id: p for p in answer.papers}
        failed = {p.arxiv_id: answer.failed[p.arxiv_id] for p in unique if p.arxiv_id in answer.failed}
    else:
        meta = {}
    return DayPapers(day, merge(unique, meta), skipped, failed)


async def afetch_day(day: dt.date, **kwargs) -> DayPapers:
    """:func:`fetch_day` for async callers: the blocking source clients run in a worker thread."""
    import asyncio

    return await asyncio.to_thread(fetch_day, day, **kwargs)
