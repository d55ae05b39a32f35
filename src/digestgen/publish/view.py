"""What the HTML pages and feeds show of a digest: plain data, escaped by the templates, never here."""

from __future__ import annotations

from ..types import Digest, DigestRow


def row_ok(row: DigestRow) -> bool:
    """A row that may go out unmarked: no error finding, nothing for an editor to do."""
    status = getattr(row, "status", None)
    if status is not None:
        return status == "ok"
    return not row.errors and not row.needs_attention


def row_view(row: DigestRow) -> dict:
    return {
        "arxiv_id": row.arxiv_id,
        "title": " ".join(row.title.split()),
        "authors": ", ".join(row.authors),
        "summary": " ".join(row.summary.split()),
        "arxiv_url": f"https://arxiv.org/abs/{row.arxiv_id}",
        "hf_url": f"https://huggingface.co/papers/{row.arxiv_id}",
        "ok": row_ok(row),
    }


def day_title(digest: Digest) -> str:
    return f"Papers for {digest.date.isoformat()}"


def site_href(settings, relative: str) -> str:
    """An absolute URL when ``site_url`` is set (feeds want one), else the path relative to ``site/``."""
    if settings.site_url:
        return settings.site_url.rstrip("/") + "/" + relative
    return relative
