"""Publishing: the day's JSON is the single source; archive markdown, index, HTML site and feeds are
rendered from it deterministically; notifications go out once through a delivery log."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keep `import digestgen.publish` light: the CLI registers its commands from here
    from ..types import Digest
    from .layout import Layout


@dataclass
class PublishResult:
    day: object
    path: Path                   # the archive markdown
    json_path: Path
    files: list[Path] = field(default_factory=list)


def layout_for(settings) -> "Layout":
    from .layout import Layout

    return Layout(Path(settings.publish_dir))


def publish_day(settings, digest: "Digest", *, targets=None, announce: bool = True, scope: str = "",
                log_path=None) -> PublishResult:
    """Write ``digest`` to every target (archive markdown + JSON, index, HTML, feeds); same bytes twice.

    With ``announce`` the readers' notifications are planned in the delivery log (once per day,
    whoever publishes: ``daily``, ``publish`` or the review app's button); nothing is sent here.
    ``daily``, ``publish`` and ``digestgen deliveries --send`` send what is due.
    """
    from .targets import TARGETS

    layout = layout_for(settings)
    targets = TARGETS if targets is None else targets
    files: list[Path] = []
    for t in targets:
        files += t.day(layout, digest, settings)
    everything = layout.load_all()
    for t in targets:
        files += t.index(layout, everything, settings)
    _mark_published(settings, digest)
    if announce:
        from .daily import open_log, plan_reader_notifications

        log = open_log(settings, log_path)
        try:
            plan_reader_notifications(log, settings, digest, scope)
        finally:
            log.close()
    return PublishResult(digest.date, layout.archive_md(digest.date), layout.archive_json(digest.date), files)


def _mark_published(settings, digest: "Digest") -> None:
    """The store records which run of the day went out (the review app and `run` read it)."""
    run_id = getattr(digest, "run_id", None)
    if not run_id:
        return
    from ..digests import mark_published, open_store

    store = open_store(settings)
    try:
        mark_published(store, run_id)
    finally:
        store.close()


def rebuild(settings, *, targets=None) -> list[Path]:
    """Re-render every day and every index from the archive's JSON files."""
    from .targets import TARGETS

    layout = layout_for(settings)
    targets = TARGETS if targets is None else targets
    digests = layout.load_all()
    files: list[Path] = []
    for d in digests:
        for t in targets:
            files += t.day(layout, d, settings)
    for t in targets:
        files += t.index(layout, digests, settings)
    return files


__all__ = ["PublishResult", "publish_day", "rebuild", "layout_for"]
