"""Publishing the whole reference archive: time per day, a full rebuild, byte-for-byte determinism,
and how the Telegram split behaves on real digests. Prints ratios and counts; asserts nothing.

    PYTHONPATH=src python evals/bench_publish.py [--archive ../shared/references/digests] [--days N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from digestgen.config import Settings  # noqa: E402
from digestgen.parse import parse_file  # noqa: E402
from digestgen.publish import publish_day, rebuild  # noqa: E402
from digestgen.publish.messages import TELEGRAM_LIMIT, telegram_messages, utf16_len  # noqa: E402
from digestgen.types import Digest, DigestRow  # noqa: E402


def load_archive(root: Path, limit: int | None) -> list[Digest]:
    out = []
    for path in sorted(root.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9].md")):
        parsed = parse_file(path)
        day = dt.date(int(path.parts[-3]), int(path.parts[-2]), int(path.stem))
        rows = [DigestRow(arxiv_id=r.arxiv_id, title=r.title or "(untitled)", authors=r.authors,
                          summary=r.summary or "(empty)") for r in parsed.rows if r.arxiv_id]
        if rows:
            out.append(Digest(date=day, rows=rows))
    return out[-limit:] if limit else out


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=Path, default=ROOT.parent / "shared" / "references" / "digests")
    ap.add_argument("--days", type=int, default=None)
    args = ap.parse_args()
    digests = load_archive(args.archive, args.days)
    rows = sum(len(d.rows) for d in digests)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(publish_dir=Path(tmp) / "public", home=Path(tmp) / "home", site_url="https://example.org")
        t0 = time.perf_counter()
        for d in digests:
            publish_day(settings, d)
        t_pub = time.perf_counter() - t0
        first = tree_hash(settings.publish_dir)
        files = sum(1 for p in settings.publish_dir.rglob("*") if p.is_file())
        for p in settings.publish_dir.rglob("*"):   # keep only the JSON sources: a cold rebuild
            if p.is_file() and (p.suffix != ".json" or p.name == "feed.json"):
                p.unlink()
        t0 = time.perf_counter()
        rebuild(settings)
        t_rebuild = time.perf_counter() - t0
        same = tree_hash(settings.publish_dir) == first
    parts = [telegram_messages(d, settings) for d in digests]
    lengths = [utf16_len(m) for ps in parts for m in ps]
    print(f"{len(digests)} days, {rows} rows -> {files} files")
    print(f"publish day by day: {t_pub:.1f} s ({1000 * t_pub / len(digests):.0f} ms/day, each re-rendering the "
          f"index and feeds over every day so far)")
    print(f"cold rebuild from the JSON files alone: {t_rebuild:.1f} s; identical bytes: {same}")
    print(f"telegram: {statistics.fmean(len(p) for p in parts):.1f} messages/day (max {max(len(p) for p in parts)}), "
          f"longest {max(lengths)}/{TELEGRAM_LIMIT} UTF-16 units, fill {statistics.fmean(lengths) / TELEGRAM_LIMIT:.0%}")


if __name__ == "__main__":
    main()
