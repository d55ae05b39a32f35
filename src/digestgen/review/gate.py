"""The publish gate: what may be published for a day, and the record that it was.

``final_digest(settings, day)`` returns the approved rows only, with their current
(edited) text, in the digest's order, or raises :class:`PublishRefused` with the reason.
``record_published(settings, digest, path)`` notes what was written, so the review page can
say when a later edit has made the published file out of date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import DigestgenError
from ..types import Digest
from .state import NotGenerated, ReviewDB, fingerprint, open_day, to_digest_row


class PublishRefused(DigestgenError):
    """The gate's answer when a day cannot be published; the message is the reason."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def final_digest(settings, day: dt.date, *, db: ReviewDB | None = None) -> Digest:
    """Approved rows only, current text, digest order; refuses an empty day, nothing approved, or errors."""
    try:
        db = open_day(settings, day, db)
    except NotGenerated as exc:
        raise PublishRefused(f"{day} is empty: {exc}") from None
    rows = db.rows(day)
    if not rows:
        raise PublishRefused(f"{day} is empty: the digest has no rows")
    approved = [r for r in rows if r.state == "approved"]
    if not approved:
        raise PublishRefused(f"no row of {day} is approved ({len(rows)} rows: approve rows in `digestgen review`)")
    # The stored findings, plus the validator run again now (it may have learned more since the edit).
    bad = {}
    for r in approved:
        fresh = db.validate(r.arxiv_id, r.title, r.authors, r.text, r.abstract)
        codes = {f.code for f in r.errors} | {f.code for f in fresh if f.severity == "error"}
        if codes:
            bad[r.arxiv_id] = codes
    if bad:
        detail = "; ".join(f"{aid} ({', '.join(sorted(codes))})" for aid, codes in bad.items())
        raise PublishRefused(f"approved rows have error findings, fix or reject them: {detail}")
    return Digest(date=day, rows=[to_digest_row(r) for r in approved])


def record_published(settings, digest: Digest, path: str | Path, *, editor: str = "digestgen publish",
                     db: ReviewDB | None = None) -> None:
    """Note that ``digest`` (as returned by :func:`final_digest`) was written to ``path``."""
    db = db or ReviewDB.for_settings(settings)
    db.record_publish(digest.date, path=str(path), fp=fingerprint(digest), rows=len(digest.rows), editor=editor)
    if db.mirror is not None:
        db.mirror.published(db.run_ids(digest.date, [r.arxiv_id for r in digest.rows]))


def fallback_path(settings, day: dt.date) -> Path:
    """Where the review app writes the archive markdown when the publish package is not installed."""
    root = Path(getattr(settings, "publish_dir", None) or Path(settings.out_dir).parent / "published")
    return root / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.md"


def published_path(settings, day: dt.date, *, db: ReviewDB | None = None) -> Path:
    """The day's published markdown: the last recorded publish, else where ``digestgen publish`` writes it."""
    db = db or ReviewDB.for_settings(settings)
    last = db.last_publish(day)
    if last is not None and Path(last.path).exists():
        return Path(last.path)
    try:
        from ..publish import layout_for
    except ImportError:
        return fallback_path(settings, day)
    return layout_for(settings).archive_md(day)


def _row_keys(rows) -> list[tuple[str, str]]:
    return [(r.arxiv_id or "", " ".join(r.summary.split())) for r in rows]


def publish_status(settings, day: dt.date, *, db: ReviewDB | None = None) -> dict:
    """``{"published", "out_of_date", "path", "ts", "editor"}`` for the page and the CLI.

    The published file itself is compared with what the gate would publish now, so a publish by
    ``digestgen publish`` counts as well as one from the page, and any later edit, approval or
    rejection shows as out of date.
    """
    from ..parse import parse_file

    db = db or ReviewDB.for_settings(settings)
    path = published_path(settings, day, db=db)
    if not path.exists():
        return {"published": False, "out_of_date": False, "path": None, "ts": None, "editor": None}
    last = db.last_publish(day)
    if last is not None and Path(last.path) == path:
        ts, editor = last.ts, last.editor
    else:
        ts = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).isoformat(timespec="seconds")
        editor = "digestgen publish"
    try:
        current = _row_keys(final_digest(settings, day, db=db).rows)
    except PublishRefused:
        current = None
    try:
        on_disk = _row_keys(parse_file(path).rows)
    except (OSError, UnicodeDecodeError, ValueError):
        on_disk = None
    return {"published": True, "out_of_date": current is None or on_disk != current, "path": str(path), "ts": ts,
            "editor": editor}
