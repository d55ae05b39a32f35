"""The archive's index page (``README.md``): every day, newest first, grouped by month."""

from __future__ import annotations

from itertools import groupby

from ..types import Digest


def render_index_md(digests: list[Digest], settings) -> str:
    title = " ".join(settings.site_title.split()) or "Daily AI Papers"
    lines = [f"# {title}", "",
             "Summaries of the papers on the Hugging Face daily list, one file per day, newest first.",
             "Also as a [web page](site/index.html), an [Atom feed](site/atom.xml) and a [JSON feed](site/feed.json).",
             ""]
    newest = sorted(digests, key=lambda d: d.date, reverse=True)
    if not newest:
        lines += ["Nothing published yet.", ""]
    for month, days in groupby(newest, key=lambda d: (d.date.year, d.date.month)):
        days = list(days)
        lines += [f"## {days[0].date:%B %Y}", ""]
        for d in days:
            n = len(d.rows)
            lines.append(f"- [{d.date.isoformat()}](archive/{d.date:%Y}/{d.date:%m}/{d.date:%d}.md): "
                         f"{n} paper{'s' if n != 1 else ''}")
        lines.append("")
    return "\n".join(lines)
