"""Rebuild the committed sample day in cache/ from a dataset JSONL, through the live code path.

It serves the dataset's papers from local protocol servers (an HF daily-papers
JSON endpoint and an arXiv Atom endpoint on 127.0.0.1) and runs the real
fetchers against them, so the cache holds exactly the raw responses, under
exactly the keys, that a live run of that day would store. Titles, authors and
abstracts are the dataset's (real); the Atom timestamps are placeholders.

    python scripts/build_sample_cache.py --dataset ../shared/evalset/dev.jsonl --date 2025-02-28
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from digestgen.cache import Cache
from digestgen.dataset import load_dataset
from digestgen.fetch import fetch_day
from digestgen.sources.arxiv_api import ArxivSource
from digestgen.sources.hf_daily import HFDailySource
from digestgen.testing.servers import LocalServer, arxiv_handler, hf_daily_handler


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--date", required=True)
    ap.add_argument("--cache", default="cache")
    args = ap.parse_args()
    day = dt.date.fromisoformat(args.date)
    stamp = dt.datetime.combine(day - dt.timedelta(days=2), dt.time(), tzinfo=dt.timezone.utc)
    papers = [r.paper().model_copy(update={"published": stamp}) for r in load_dataset(args.dataset)
              if r.date == args.date]
    if not papers:
        raise SystemExit(f"no rows dated {args.date} in {args.dataset}")
    by_id = {p.arxiv_id: p for p in papers}
    cache = Cache(Path(args.cache))
    with LocalServer(hf_daily_handler({args.date: papers})) as hf_srv, LocalServer(arxiv_handler(by_id)) as ax_srv:
        hf = HFDailySource(cache, base_url=hf_srv.url + "/api")
        ax = ArxivSource(cache, query_url=ax_srv.url + "/api/query", delay_seconds=0)
        result = fetch_day(day, cache=cache, listing=hf, metadata=ax, skip_seen=False)
    print(f"cached {len(result.papers)} papers for {day} in {cache.root}")


if __name__ == "__main__":
    main()
