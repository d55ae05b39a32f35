"""Digest markdown out, in exactly the reference format, with every cell escaped."""

from __future__ import annotations

import datetime as dt
import re

from .types import Digest, DigestRow

HEADER = "| Title | Authors | Summary |\n|-------|---------|---------|\n"

# Every character that some reader treats as a line break: none may survive inside a cell.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# HTML's three special characters become entities, so a renderer with HTML on (Jekyll, GitHub Pages,
# markdown-it) shows the text as written and runs nothing: ``<script>`` reads as ``<script>``.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_RX = re.compile("[&<>]")
_ENTITY_RX = re.compile("&(amp|lt|gt);")
_ENTITY = {"amp": "&", "lt": "<", "gt": ">"}


def escape_html(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (nothing else changes)."""
    return _HTML_RX.sub(lambda m: _HTML[m.group(0)], text)


def unescape_html(text: str) -> str:
    """The inverse of :func:`escape_html`, in one pass (``&amp;lt;`` is ``&lt;``); other entities stay as written."""
    return _ENTITY_RX.sub(lambda m: _ENTITY[m.group(1)], text)


def escape_cell(text: str) -> str:
    """One table cell: line breaks become spaces, ``|`` becomes ``\\|``, ``&<>`` become entities, outer whitespace goes."""
    return escape_html(_LINE_BREAKS.sub(" ", text).replace("|", "\\|").strip())


def unescape_cell(text: str) -> str:
    return unescape_html(text.replace("\\|", "|")).strip()


def title_cell(title: str, arxiv_id: str) -> str:
    # Titles are whitespace-normalised, as the parser reads them (arXiv titles carry hard wraps).
    return (f"{' '.join(escape_cell(title).split())} (Read more on [arXiv](https://arxiv.org/abs/{arxiv_id}) "
            f"or [HuggingFace](https://huggingface.co/papers/{arxiv_id}))")


def render_row(row: DigestRow) -> str:
    authors = ", ".join(escape_cell(a) for a in row.authors)
    return f"| {title_cell(row.title, row.arxiv_id)}| {authors} | {escape_cell(row.summary)} |\n"


def render_heading(day: dt.date) -> str:
    return f"\n\n## Papers for {day.isoformat()}\n\n{HEADER}"


def render_digest(digest: Digest) -> str:
    return render_heading(digest.date) + "".join(render_row(r) for r in digest.rows)
