"""Atom (through feedgen, never string concatenation) and JSON Feed 1.1: one item per day, newest first.

Every timestamp comes from the day itself (midnight in the configured timezone), so the
same days give the same bytes on every rebuild.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from ..types import Digest
from .html import _env
from .layout import Layout
from .view import day_title, row_view, site_href


def _stamp(day: dt.date, settings) -> dt.datetime:
    from .dates import zone

    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=zone(settings.timezone))


def _feed_id(settings, suffix: str = "") -> str:
    if settings.site_url:
        return site_href(settings, suffix or "")
    slug = re.sub(r"[^a-z0-9]+", "-", settings.site_title.lower()).strip("-") or "digest"
    return f"urn:digestgen:{slug}" + (f":{suffix}" if suffix else "")


def item_html(digest: Digest) -> str:
    return _env().get_template("feed_item.html.j2").render(rows=[row_view(r) for r in digest.rows]).strip()


def item_text(digest: Digest) -> str:
    return "\n\n".join(f"{v['title']}\n{v['summary']}\n{v['arxiv_url']}" for v in map(row_view, digest.rows))


def _newest_first(digests: list[Digest]) -> list[Digest]:
    return sorted(digests, key=lambda d: d.date, reverse=True)


# Characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF): a stray one in a
# paper's text would make the feed library refuse the whole feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def atom_feed(digests: list[Digest], settings) -> bytes:
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(_feed_id(settings))
    fg.title(settings.site_title)
    fg.link(href=site_href(settings, "index.html"), rel="alternate")
    fg.link(href=site_href(settings, "atom.xml"), rel="self")
    fg.language("en")
    fg.generator("digestgen")  # no version: a library upgrade must not change old bytes
    newest = _newest_first(digests)
    epoch = dt.date(1970, 1, 1)
    fg.updated(_stamp(newest[0].date if newest else epoch, settings))
    for d in newest:
        fe = fg.add_entry(order="append")
        fe.id(_feed_id(settings, Layout.page_href(d.date)) if settings.site_url
              else _feed_id(settings, d.date.isoformat()))
        fe.title(day_title(d))
        fe.link(href=site_href(settings, Layout.page_href(d.date)), rel="alternate")
        fe.published(_stamp(d.date, settings))
        fe.updated(_stamp(d.date, settings))
        n = len(d.rows)
        fe.summary(xml_safe(f"{n} paper{'s' if n != 1 else ''}: " + "; ".join(" ".join(r.title.split()) for r in d.rows)))
        fe.content(xml_safe(item_html(d)), type="html")
    return fg.atom_str(pretty=True)


def json_feed(digests: list[Digest], settings) -> bytes:
    items = []
    for d in _newest_first(digests):
        href = site_href(settings, Layout.page_href(d.date))
        items.append({
            "id": _feed_id(settings, d.date.isoformat()),
            "url": href,
            "title": day_title(d),
            "content_html": item_html(d),
            "content_text": item_text(d),
            "date_published": _stamp(d.date, settings).isoformat(),
            "_digestgen": {"date": d.date.isoformat(), "papers": [r.arxiv_id for r in d.rows]},
        })
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": settings.site_title,
            "home_page_url": site_href(settings, "index.html"), "feed_url": site_href(settings, "feed.json"),
            "language": "en", "items": items}
    return json.dumps(feed, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"
