"""Build a blind strict-reading round: the offline engine's dev rows shuffled among the reference rows of the same papers.

    python scripts/label_sample.py --out /tmp/label_rows.jsonl     # after the engine's rules are frozen
    python evals/quality/blind/make_round.py /tmp/label_rows.jsonl evals/quality/blind/round4 --seed 4 --prefix U

Writes ROUND/blind_rows.jsonl (label_id, title, abstract, summary: what a labeller sees, no source, no score) and
ROUND/key.json (which label_id is which source and paper: never shown to a labeller). A labeller gets RUBRIC.md and
blind_rows.jsonl only and writes ROUND/labels.jsonl; `score.py labels.jsonl ROUND` turns the labels into figures.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("label_rows", type=Path, help="scripts/label_sample.py output")
    ap.add_argument("round_dir", type=Path)
    ap.add_argument("--seed", type=int, required=True, help="a new seed per round, so ids and order change")
    ap.add_argument("--prefix", default="R", help="label id prefix, a new letter per round")
    args = ap.parse_args(argv)
    dev = [r for r in map(json.loads, args.label_rows.read_text().splitlines()) if r.get("kind") == "dev"]
    if not dev:
        ap.error(f"{args.label_rows}: no dev rows")
    items = [(src, r) for r in dev for src in ("engine", "reference")]
    random.Random(args.seed).shuffle(items)
    rows, key = [], []
    for n, (src, r) in enumerate(items, 1):
        label_id = f"{args.prefix}{n:03d}"
        rows.append({"label_id": label_id, "title": r["title"], "abstract": r["abstract"],
                     "summary": r["generated"] if src == "engine" else r["reference"]})
        key.append({"label_id": label_id, "src": src, "paper": r["id"]})
    args.round_dir.mkdir(parents=True, exist_ok=True)
    (args.round_dir / "blind_rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (args.round_dir / "key.json").write_text(json.dumps(key, indent=1) + "\n")
    print(f"wrote {args.round_dir}: {len(rows)} rows ({len(dev)} papers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
