"""The review gate on the sample day, offline: what it refuses, and the file it publishes.

    PYTHONPATH=src python docs/review_demo.py   # rewrites docs/review-demo.md and docs/review-sample-2025-02-28.md

Works in a temporary folder (nothing under out/ or ~/.local/share is touched). Every row without
error findings is approved, as an editor would after reading them; the paper with no abstract is
rejected (its placeholder text cannot pass).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from digestgen.config import Settings
from digestgen.digests import save_digest
from digestgen.pipeline import arun_day
from digestgen.review.app import _publish
from digestgen.review.gate import PublishRefused, final_digest, publish_status, record_published
from digestgen.review.state import ReviewDB, open_day
from digestgen.types import Digest

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2025, 2, 28)


def tmp_settings(tmp: Path, cache: Path) -> Settings:
    """Everything under ``tmp`` (the publish folder too, where Settings has one)."""
    extra = {"publish_dir": tmp / "public"} if "publish_dir" in Settings.model_fields else {}
    return Settings(cache_dir=cache, out_dir=tmp / "out", home=tmp / "home", **extra)


def refusal(settings, day, db) -> str:
    try:
        final_digest(settings, day, db=db)
    except PublishRefused as exc:
        return exc.reason
    return "(not refused)"


def main() -> None:
    out: list[str] = ["# The review gate on the sample day", "",
                      "Produced by `PYTHONPATH=src python docs/review_demo.py` (offline, in a temporary folder).", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        settings = tmp_settings(tmp, ROOT / "cache")
        asyncio.run(arun_day(DAY, settings=settings, offline=True))
        db = ReviewDB(tmp / "review.sqlite")
        save_digest(settings, Digest(date=dt.date(2025, 3, 2), rows=[]))
        out += ["## Refusals", "", "| case | the gate says |", "|---|---|",
                f"| a day never generated (2025-03-01) | {refusal(settings, dt.date(2025, 3, 1), db)} |",
                f"| a generated day with no rows (2025-03-02) | {refusal(settings, dt.date(2025, 3, 2), db)} |"]
        open_day(settings, DAY, db)
        out.append(f"| 2025-02-28, nothing approved yet | {refusal(settings, DAY, db)} |")
        no_abstract = next(r for r in db.rows(DAY) if not r.abstract)
        db.set_state(DAY, no_abstract.arxiv_id, "approved", editor="demo", base_rev=no_abstract.rev)
        out.append(f"| 2025-02-28, the row without abstract approved | {refusal(settings, DAY, db)} |")
        r = db.row(DAY, no_abstract.arxiv_id)
        db.set_state(DAY, r.arxiv_id, "rejected", editor="demo", base_rev=r.rev)
        for r in db.rows(DAY):
            if r.state == "draft" and not r.errors:
                db.set_state(DAY, r.arxiv_id, "approved", editor="demo", base_rev=r.rev)
        digest = final_digest(settings, DAY, db=db)
        path = _publish(settings, digest)
        first = Path(path).read_bytes()
        record_published(settings, digest, path, editor="demo", db=db)
        again = Path(_publish(settings, final_digest(settings, DAY, db=db))).read_bytes()
        states = [r.state for r in db.rows(DAY)]
        out += ["", "## Published", "",
                f"{states.count('approved')} rows approved, {states.count('rejected')} rejected; published "
                f"{len(digest.rows)} rows ({len(first)} bytes); publishing again gives the same bytes: "
                f"**{first == again}**.", ""]
        r = digest.rows[0]
        db.edit(DAY, r.arxiv_id, r.summary + " The code is public.", editor="demo",
                base_rev=db.row(DAY, r.arxiv_id).rev)
        st = publish_status(settings, DAY, db=db)
        out += [f"After an edit of {r.arxiv_id}: out of date = **{st['out_of_date']}**.", "",
                "The published file: [review-sample-2025-02-28.md](review-sample-2025-02-28.md)."]
        (ROOT / "docs" / "review-sample-2025-02-28.md").write_bytes(first)
        out = [line.replace(str(tmp), "<tmp>") for line in out]
    (ROOT / "docs" / "review-demo.md").write_text("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
