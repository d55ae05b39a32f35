"""The static HTML site: one page per day and an index, from jinja2 templates with autoescape on."""

from __future__ import annotations

import functools

from ..types import Digest
from .layout import Layout
from .view import day_title, row_view


@functools.lru_cache(maxsize=1)
def _env():
    from jinja2 import PackageLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(loader=PackageLoader("digestgen.publish", "templates"),
                                autoescape=select_autoescape(["html", "j2"], default=True),
                                undefined=StrictUndefined, keep_trailing_newline=True)


def render_day_page(digest: Digest, settings) -> str:
    rows = [row_view(r) for r in digest.rows]
    return _env().get_template("day.html.j2").render(
        site_title=settings.site_title, title=day_title(digest), date=digest.date.isoformat(), rows=rows,
        root="../../", flagged=sum(not r["ok"] for r in rows))


def render_index_page(digests: list[Digest], settings) -> str:
    days = [{"date": d.date.isoformat(), "href": Layout.page_href(d.date), "count": len(d.rows),
             "titles": [" ".join(r.title.split()) for r in d.rows[:3]]}
            for d in sorted(digests, key=lambda d: d.date, reverse=True)]
    return _env().get_template("index.html.j2").render(site_title=settings.site_title, days=days, root="")
