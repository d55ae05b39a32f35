"""Build responses in the real wire formats: arXiv's Atom feed and HF's daily-papers JSON."""

from __future__ import annotations

import datetime as dt
import json
from xml.sax.saxutils import escape, quoteattr

from ..types import Paper

_ATOM_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
)


def _ts(value: dt.datetime | None) -> str:
    value = value or dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(papers: list[Paper], *, query: str = "", total: int | None = None, start: int = 0) -> bytes:
    """An arXiv API response (``/api/query``) listing ``papers`` as version-1 entries."""
    out = [_ATOM_HEAD,
           f"  <id>https://arxiv.org/api/{escape(query)[:40]}</id>\n",
           f"  <title>arXiv Query: {escape(query)}</title>\n",
           f"  <updated>{_ts(dt.datetime.now(dt.timezone.utc))}</updated>\n",
           f'  <link href={quoteattr("https://arxiv.org/api/query?" + query)} type="application/atom+xml"/>\n',
           f"  <opensearch:itemsPerPage>{len(papers)}</opensearch:itemsPerPage>\n",
           f"  <opensearch:totalResults>{len(papers) if total is None else total}</opensearch:totalResults>\n",
           f"  <opensearch:startIndex>{start}</opensearch:startIndex>\n"]
    for p in papers:
        pid = f"{p.arxiv_id}v1"
        out.append("  <entry>\n")
        out.append(f"    <id>http://arxiv.org/abs/{pid}</id>\n")
        out.append(f"    <title>{escape(p.title)}</title>\n")
        out.append(f"    <updated>{_ts(p.published)}</updated>\n")
        out.append(f'    <link href="https://arxiv.org/abs/{pid}" rel="alternate" type="text/html"/>\n')
        out.append(f'    <link href="https://arxiv.org/pdf/{pid}" rel="related" type="application/pdf" title="pdf"/>\n')
        out.append(f"    <summary>{escape(p.abstract or '')}</summary>\n")
        for c in p.categories:
            out.append(f'    <category term={quoteattr(c)} scheme="http://arxiv.org/schemas/atom"/>\n')
        out.append(f"    <published>{_ts(p.published)}</published>\n")
        if p.categories:
            out.append(f'    <arxiv:primary_category term={quoteattr(p.categories[0])}/>\n')
        for a in p.authors:
            out.append(f"    <author>\n      <name>{escape(a)}</name>\n    </author>\n")
        out.append("  </entry>\n")
    out.append("</feed>\n")
    return "".join(out).encode("utf-8")


def daily_papers_json(papers: list[Paper], day: dt.date) -> bytes:
    """A ``/api/daily_papers?date=`` response: one item per paper, HF's field names."""
    items = []
    for n, p in enumerate(papers):
        published = _ts(p.published).replace("Z", ".000Z")
        submitted = f"{day.isoformat()}T0{n % 10}:00:00.000Z"
        names = p.hf_authors or p.authors
        items.append({
            "paper": {
                "id": p.arxiv_id,
                "authors": [{"_id": f"{n:04x}{k:020x}", "name": a, "hidden": False} for k, a in enumerate(names)],
                "publishedAt": published,
                "submittedOnDailyAt": submitted,
                "title": p.title,
                "summary": p.abstract or "",
                "upvotes": p.upvotes or 0,
                "discussionId": f"{n:024x}",
            },
            "publishedAt": submitted,
            "title": p.title,
            "summary": p.abstract or "",
            "thumbnail": f"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{p.arxiv_id}.png",
            "numComments": 0,
            "isAuthorParticipating": False,
        })
    return json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")
