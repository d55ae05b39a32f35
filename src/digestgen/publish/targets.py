"""The publish targets behind one small interface.

A target writes what one day needs (``day``) and what depends on every day
(``index``); both are pure functions of the day JSON files, so re-rendering an old
day, or ``digestgen publish --rebuild``, gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..render import render_digest
from ..types import Digest
from .layout import Layout, digest_json, write_if_changed


class Publisher(Protocol):
    name: str

    def day(self, layout: Layout, digest: Digest, settings) -> list[Path]:
        """Write the files of one day; return their paths."""

    def index(self, layout: Layout, digests: list[Digest], settings) -> list[Path]:
        """Write the files that list every day (``digests`` oldest first); return their paths."""


class ArchiveMarkdown:
    """``archive/YYYY/MM/DD.md`` in the reference format, and the day's JSON beside it."""

    name = "archive"

    def day(self, layout: Layout, digest: Digest, settings) -> list[Path]:
        md, js = layout.archive_md(digest.date), layout.archive_json(digest.date)
        # The JSON first: it is the source that a rebuild reads; the markdown is derived from it.
        write_if_changed(js, digest_json(digest))
        write_if_changed(md, render_digest(digest).encode("utf-8"))
        return [md, js]

    def index(self, layout: Layout, digests: list[Digest], settings) -> list[Path]:
        from .index import render_index_md

        write_if_changed(layout.index_md, render_index_md(digests, settings).encode("utf-8"))
        return [layout.index_md]


class HtmlSite:
    """``site/YYYY/MM/DD.html`` per day and ``site/index.html``: static, no CDN, autoescaped templates."""

    name = "html"

    def day(self, layout: Layout, digest: Digest, settings) -> list[Path]:
        from .html import render_day_page

        path = layout.page(digest.date)
        write_if_changed(path, render_day_page(digest, settings).encode("utf-8"))
        return [path]

    def index(self, layout: Layout, digests: list[Digest], settings) -> list[Path]:
        from .html import render_index_page

        path = layout.site / "index.html"
        write_if_changed(path, render_index_page(digests, settings).encode("utf-8"))
        return [path]


class Feeds:
    """``site/atom.xml`` (feedgen) and ``site/feed.json`` (JSON Feed 1.1): one item per day, newest first."""

    name = "feeds"

    def day(self, layout: Layout, digest: Digest, settings) -> list[Path]:
        return []

    def index(self, layout: Layout, digests: list[Digest], settings) -> list[Path]:
        from .feeds import atom_feed, json_feed

        recent = digests[-settings.feed_days:] if settings.feed_days > 0 else []
        atom, js = layout.site / "atom.xml", layout.site / "feed.json"
        write_if_changed(atom, atom_feed(recent, settings))
        write_if_changed(js, json_feed(recent, settings))
        return [atom, js]


TARGETS: list[Publisher] = [ArchiveMarkdown(), HtmlSite(), Feeds()]
