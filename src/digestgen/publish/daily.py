"""``digestgen daily``: fetch, select, generate and validate a day; then publish it, or stop at drafts
for review; notify; end with one line and an exit status a scheduler can act on."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import EmptyDay
from ..types import Digest
from . import layout_for, publish_day
from .profiles import Decision, Profile

# Exit statuses (README "Daily publishing"): a scheduler can tell these apart.
PUBLISHED = 0          # published now, or already published earlier (nothing redone)
FAILED = 1             # an error: nothing published (one line on stderr says why)
WAITING_FOR_REVIEW = 3  # drafts written; an editor must approve (the editors were notified)
NO_PAPERS = 4          # no HF list for the day (weekend, holiday) or nothing left after selection

Progress = Callable[[str], None]


@dataclass
class DailyResult:
    status: str            # published | already_published | waiting_for_review | no_papers
    exit_code: int
    line: str
    day: dt.date
    digest: Digest | None = None
    path: Path | None = None
    decisions: list[Decision] = field(default_factory=list)
    notifications: str = ""

    def as_json(self) -> dict:
        return {"status": self.status, "exit_code": self.exit_code, "date": self.day.isoformat(),
                "path": str(self.path) if self.path else None, "rows": len(self.digest.rows) if self.digest else 0,
                "notifications": self.notifications, "line": self.line}


def scoped(settings, profile: Profile | None):
    """A profile is its own digest: drafts and site live in a subfolder named for it."""
    if profile is None or not profile.name:
        return settings
    return settings.model_copy(update={"publish_dir": Path(settings.publish_dir) / profile.name,
                                       "out_dir": Path(settings.out_dir) / profile.name})


def draft_path(settings, day: dt.date) -> Path:
    from ..pipeline import default_out

    return default_out(settings, day)


def _load_draft(path: Path) -> Digest | None:
    """The draft's complete markdown + JSON pair (None when missing or half-written)."""
    from ..digests import read_pair

    return read_pair(path)


def all_rows_pass(digest: Digest) -> bool:
    from .view import row_ok

    return bool(digest.rows) and all(row_ok(r) for r in digest.rows)


def plan_reader_notifications(log, settings, digest: Digest, scope: str, *, skip: bool = False) -> None:
    from .channels import reader_channels
    from .messages import slack_messages, telegram_messages

    for ch in reader_channels(settings):
        msgs = slack_messages(digest, settings) if ch.name == "slack" else telegram_messages(digest, settings)
        log.plan(channel=ch.name, kind="digest", day=digest.date.isoformat(), messages=msgs, scope=scope,
                 status="skipped" if skip else "pending")


def plan_review_notice(log, settings, digest: Digest, draft: Path, scope: str, reason: str = "") -> None:
    from .channels import editor_channels
    from .messages import review_notice, split_blocks

    text = review_notice(digest, str(draft), reason=reason)
    # one notice per day and per set of flagged rows: a re-run does not nag, a changed draft does
    tag = hashlib.sha256(text.encode()).hexdigest()[:12]
    for ch in editor_channels(settings):
        log.plan(channel=ch.name, kind="review", day=digest.date.isoformat(), messages=split_blocks([text], 4096),
                 scope=scope, tag=tag)


def notify(settings, progress: Progress, *, log_path=None) -> str:
    """Send everything due (this run's and earlier failures); returns a short summary."""
    from .channels import editor_channels, reader_channels
    from .deliveries import DeliveryLog, deliver, log_path_for

    channels = reader_channels(settings) + editor_channels(settings)
    log = DeliveryLog(log_path or log_path_for(settings))
    try:
        if not channels and not log.due():
            return "no channels configured"
        report = deliver(log, channels, progress=progress)
    finally:
        log.close()
    return report.summary()


def open_log(settings, log_path=None):
    from .deliveries import DeliveryLog, log_path_for

    return DeliveryLog(log_path or log_path_for(settings))


def list_day(settings, day: dt.date, offline: bool):
    """The day's listed papers with their metadata, papers of earlier digests left out (as ``run`` does)."""
    from ..cache import Cache
    from ..digests import open_store
    from ..fetch import fetch_day
    from ..pipeline import seen_before

    store = open_store(settings)
    try:
        seen = seen_before(settings, day, store)
    finally:
        store.close()
    return fetch_day(day, cache=Cache(settings.cache_dir), offline=offline, seen=seen, skip_seen=True,
                     settings=settings)


async def alist_day(settings, day: dt.date, offline: bool):
    """:func:`list_day` for async callers: the blocking source clients run in a worker thread."""
    import asyncio

    return await asyncio.to_thread(list_day, settings, day, offline)


async def agenerate(settings, day: dt.date, *, offline: bool, engine, out: Path, ids: list[str] | None,
                    progress: Progress):
    """Summarise, validate, store and write the draft pair, exactly as ``digestgen run`` does."""
    from ..pipeline import arun_day

    return await arun_day(day, settings=settings, offline=offline, engine=engine, out=out, ids=ids,
                          skip_seen=True, progress=progress)


async def adaily(settings, day: dt.date, *, profile: Profile | None = None, offline: bool = False,
                 force: bool = False, review: bool | None = None, engine: str | None = None,
                 explain: Callable[[str], None] | None = None, progress: Progress = lambda m: None, embed=None,
                 log_path=None) -> DailyResult:
    """The whole unattended day. Raises DigestgenError on failure (the CLI turns it into one line, exit 1).

    Async, like ``arun_day``: a scheduler or a web app awaits it in its own event loop (the CLI is the
    only place that calls ``asyncio.run``). Blocking steps (the sources, selection, publishing's file
    writes, sending notifications) run in worker threads, so the loop stays free.
    """
    import asyncio

    from ..pipeline import make_engine
    from .profiles import kept_in_order, select

    review = settings.review_required if review is None else review
    s = scoped(settings, profile)
    scope = profile.name if profile else ""
    layout = layout_for(s)
    label = f"{day}" + (f" ({scope})" if scope else "")

    async def finish(result: DailyResult) -> DailyResult:
        result.notifications = await asyncio.to_thread(notify, s, progress, log_path=log_path)
        result.line += f"; notifications: {result.notifications}"
        return result

    async def publish(digest: Digest, decisions=None) -> DailyResult:
        return await asyncio.to_thread(_publish, s, digest, label, scope, log_path, decisions)

    if layout.is_published(day) and not force:
        # Nothing is regenerated; but a run that crashed after writing the day's JSON may have left
        # the site half-rendered or the notifications unplanned: both steps are idempotent, so redo them.
        done = layout.load(day)
        await publish(done)
        return await finish(DailyResult("already_published", PUBLISHED, f"already published {label}: "
                                        f"{layout.archive_md(day)} (use --force to redo)", day, done,
                                        layout.archive_md(day)))

    draft = draft_path(s, day)
    existing = _load_draft(draft) if not force else None
    if existing is not None:
        # Publishing an editor's approvals is an explicit act (the review app's Publish button or
        # `digestgen publish`), never a side effect of a scheduled run: half-approved days stay drafts.
        if not review and all_rows_pass(existing):
            return await finish(await publish(existing))
        log = open_log(s, log_path)
        try:
            plan_review_notice(log, s, existing, draft, scope)
        finally:
            log.close()
        return await finish(DailyResult("waiting_for_review", WAITING_FOR_REVIEW,
                                        f"waiting for review {label}: draft {draft} from an earlier run", day,
                                        existing, draft))

    progress(f"fetching {day} ({'offline' if offline else 'live'})")
    papers = await alist_day(s, day, offline)
    if not papers.papers:
        why = "no HF daily list (weekend or holiday?)" if not papers.skipped else \
            f"every listed paper was in an earlier digest ({len(papers.skipped)})"
        return await finish(DailyResult("no_papers", NO_PAPERS, f"no papers for {label}: {why}; nothing published",
                                        day))
    decisions = await asyncio.to_thread(select, papers.papers, profile, embed=embed)
    if explain:
        for pid, why in papers.skipped.items():
            explain(f"{'drop':<8} {pid:<11} {why}")
        for d in decisions:
            explain(d.line())
    kept = kept_in_order(decisions)
    if not kept:
        return await finish(DailyResult("no_papers", NO_PAPERS, f"no papers for {label}: none of the "
                                        f"{len(papers.papers)} matches profile {scope!r}; nothing published", day,
                                        decisions=decisions))
    progress(f"{len(kept)} of {len(papers.papers)} papers selected" if profile else f"{len(kept)} papers")
    eng = make_engine(s, engine)
    try:
        result = await agenerate(s, day, offline=offline, engine=eng, out=draft,
                                 ids=[p.arxiv_id for p in kept] if profile else None, progress=progress)
    except EmptyDay:
        return await finish(DailyResult("no_papers", NO_PAPERS, f"no papers for {label}; nothing published", day))
    digest = result.digest
    if not review and all_rows_pass(digest):
        return await finish(await publish(digest, decisions))
    flagged = sum(1 for r in digest.rows if not _ok(r))
    reason = "review is on" if review else f"{flagged} row(s) did not pass"
    log = open_log(s, log_path)
    try:
        plan_review_notice(log, s, digest, draft, scope)
    finally:
        log.close()
    return await finish(DailyResult("waiting_for_review", WAITING_FOR_REVIEW,
                                    f"waiting for review {label}: {len(digest.rows)} rows, {flagged} flagged "
                                    f"({reason}); draft {draft}", day, digest, draft, decisions))


def _ok(row) -> bool:
    from .view import row_ok

    return row_ok(row)


def _publish(settings, digest: Digest, label: str, scope: str, log_path, decisions=None) -> DailyResult:
    res = publish_day(settings, digest, scope=scope, log_path=log_path)
    return DailyResult("published", PUBLISHED, f"published {label}: {len(digest.rows)} papers -> {res.path}",
                       digest.date, digest, res.path, decisions or [])


def decisions_json(decisions: list[Decision]) -> list[dict]:
    return [{"arxiv_id": d.paper.arxiv_id, "title": d.paper.title, "kept": d.kept, "rank": d.rank,
             "relevance": d.relevance, "reasons": d.reasons} for d in decisions]


__all__ = ["adaily", "agenerate", "alist_day", "DailyResult", "PUBLISHED", "FAILED", "WAITING_FOR_REVIEW", "NO_PAPERS"]
