"""Notification texts: the day's digest for readers, the review request for editors, and splitting a
text into messages under a channel's limit without breaking a row or a link."""

from __future__ import annotations

from ..types import Digest
from .layout import Layout
from .view import row_ok, row_view, site_href

TELEGRAM_LIMIT = 4096      # sendMessage text, counted in UTF-16 code units
SLACK_LIMIT = 39_000       # Slack truncates a message's text at 40,000 characters


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_blocks(blocks: list[str], limit: int, *, sep: str = "\n\n", measure=utf16_len) -> list[str]:
    """Pack blocks (rows) into as few messages of at most ``limit`` as possible, in order.

    A block never straddles two messages unless it alone is over the limit; then it is cut
    between words, so a link (one word) is never broken.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in ([block] if measure(block) <= limit else _cut_words(block, limit, measure)):
            candidate = f"{current}{sep}{piece}" if current else piece
            if measure(candidate) <= limit:
                current = candidate
            else:
                if current:
                    messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _cut_words(block: str, limit: int, measure) -> list[str]:
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        for i, word in enumerate(line.split(" ")):
            joiner = ("\n" if i == 0 else " ") if current else ""
            if measure(current + joiner + word) <= limit:
                current = current + joiner + word
                continue
            if current:
                pieces.append(current)
            while measure(word) > limit:  # a single "word" longer than a message: nothing else to do
                cut = limit
                while measure(word[:cut]) > limit:
                    cut -= 1
                pieces.append(word[:cut])
                word = word[cut:]
            current = word
    if current:
        pieces.append(current)
    return pieces


def _page_url(settings, digest: Digest) -> str | None:
    return site_href(settings, Layout.page_href(digest.date)) if settings.site_url else None


def telegram_messages(digest: Digest, settings, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Plain text (no parse mode, so nothing in a title can break the markup)."""
    n = len(digest.rows)
    head = f"{settings.site_title}: papers for {digest.date.isoformat()} ({n} paper{'s' if n != 1 else ''})"
    url = _page_url(settings, digest)
    blocks = [head + (f"\n{url}" if url else "")]
    for i, v in enumerate(map(row_view, digest.rows), 1):
        blocks.append(f"{i}. {v['title']}\n{v['authors']}\n{v['summary']}\n{v['arxiv_url']}")
    return split_blocks(blocks, limit)


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_messages(digest: Digest, settings, limit: int = SLACK_LIMIT) -> list[str]:
    """Slack mrkdwn: ``&``, ``<`` and ``>`` escaped; titles link to arXiv."""
    n = len(digest.rows)
    head = f"*{_slack_escape(settings.site_title)}: papers for {digest.date.isoformat()}* ({n})"
    url = _page_url(settings, digest)
    blocks = [head + (f"\n<{url}|Read on the web>" if url else "")]
    for i, v in enumerate(map(row_view, digest.rows), 1):
        title = _slack_escape(v["title"]).replace("|", "\u2223")
        blocks.append(f"{i}. *<{v['arxiv_url']}|{title}>*\n_{_slack_escape(v['authors'])}_\n"
                      f"{_slack_escape(v['summary'])}")
    return split_blocks(blocks, limit, measure=len)


def review_notice(digest: Digest, draft: str | None = None, *, reason: str = "") -> str:
    """What editors need to know: which rows need them, and why."""
    flagged = [r for r in digest.rows if not row_ok(r)]
    n = len(digest.rows)
    lines = [f"digestgen: the digest for {digest.date.isoformat()} waits for review: {n} row{'s' if n != 1 else ''}, "
             f"{len(flagged)} flagged." + (f" {reason}" if reason else "")]
    for r in flagged:
        codes = sorted({f.code for f in r.findings if f.severity == "error"} or {f.code for f in r.findings})
        what = "needs attention" if r.needs_attention else "needs review"
        lines.append(f"- {r.arxiv_id} {' '.join(r.title.split())[:80]}: {what}"
                     + (f" ({', '.join(codes)})" if codes else ""))
    if draft:
        lines.append(f"Draft: {draft}")
    return "\n".join(lines)
