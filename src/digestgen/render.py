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
    if "&" not in text and "<" not in text and ">" not in text:
        return text
    return _HTML_RX.sub(lambda m: _HTML[m.group(0)], text)


def unescape_html(text: str) -> str:
    """The inverse of :func:`escape_html`, in one pass (``&amp;lt;`` is ``&lt;``); other entities stay as written."""
    return _ENTITY_RX.sub(lambda m: _ENTITY[m.group(1)], text) if "&" in text else text


def escape_cell(text: str) -> str:
    """One table cell: line breaks become spaces, ``|`` becomes ``\\|``, ``&<>`` become entities, outer whitespace goes."""
    return escape_html(_LINE_BREAKS.sub(" ", text).replace("|", "\\|").strip())


def unescape_cell(text: str) -> str:
    return unescape_html(text.replace("\\|", "|")).strip()


def title_cell(title: str, arxiv_id: str) -> str:
    # Titles are whitespace-normalised, as the parser reads them (arXiv titles carry hard wraps).
    return (f"{' '.join(escape_cell(title).split())} (Read more on [arXiv](https://arxiv.org/abs/{arxiv_id}) "
            f"or [HuggingFace](https://huggingface.co/papers/{arxiv_id}))")


# What a reader sees in place of a summary that could not be generated, by finding code ({message}: the finding's).
ATTENTION_NOTES = {
    "no_abstract": "arXiv returned no abstract for this paper, so no summary was generated; an editor must write this row.",
    "llm_failed": "{message}, so no summary was generated; re-run to retry (answers already received are cached), "
                  "or an editor must write this row.",
    "metadata_failed": "{message}, so no summary was generated; re-run to retry, or an editor must write this row.",
}


def mark(row: DigestRow) -> str:
    """The summary as the markdown shows it: rows that are not ``ok`` say so, so nothing is silently published.

    ``needs_review``: ``NEEDS REVIEW (codes): text``. ``needs_attention``: ``NEEDS ATTENTION: note`` when there
    is no text (the note names what went wrong), else ``NEEDS ATTENTION (codes): text``. An ``ok`` row is its
    text, unchanged.
    """
    if row.status == "needs_review":
        codes = sorted({f.code for f in row.errors}) or ["review"]
        return f"NEEDS REVIEW ({', '.join(codes)}): {row.summary}"
    if row.status == "needs_attention":
        codes = sorted({f.code for f in row.findings})
        if row.summary.strip():
            return f"NEEDS ATTENTION ({', '.join(codes) or 'editor'}): {row.summary}"
        for f in row.findings:
            if f.code in ATTENTION_NOTES:
                return "NEEDS ATTENTION: " + ATTENTION_NOTES[f.code].format(message=f.message)
        first = row.findings[0] if row.findings else None
        why = f"{first.code}: {first.message}; " if first else ""
        return f"NEEDS ATTENTION: {why}no summary was generated; an editor must write this row."
    return row.summary


def render_row(row: DigestRow, *, marked: bool = True) -> str:
    authors = ", ".join(escape_cell(a) for a in row.authors)
    summary = mark(row) if marked else row.summary
    return f"| {title_cell(row.title, row.arxiv_id)}| {authors} | {escape_cell(summary)} |\n"


def render_heading(day: dt.date) -> str:
    return f"\n\n## Papers for {day.isoformat()}\n\n{HEADER}"


def render_digest(digest: Digest, *, marked: bool = True) -> str:
    """The day's markdown; ``marked=False`` leaves out the review markers (a clean preview)."""
    return render_heading(digest.date) + "".join(render_row(r, marked=marked) for r in digest.rows)
