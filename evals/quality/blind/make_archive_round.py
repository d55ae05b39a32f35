"""Build a blind reading of ARCHIVE rows for the validator: reference rows from days outside the dev set, never read
in an earlier round or archive reading, one row per day, with no abstract (the archive does not hold them).

    python evals/quality/blind/make_archive_round.py evals/quality/blind/archive1 --seed 11 --rows 40 --prefix Z

The dev rounds (make_round.py) re-read the same 34 reference rows every round, so the validator's codes were shaped
with those rows in view; this sample is the held-out test of its recall and precision on prose it never saw. Writes
ROUND/blind_rows.jsonl (label_id, title, abstract=null, summary) and ROUND/key.json (src "archive", paper, file).
Labellers get RUBRIC_ARCHIVE.md and blind_rows.jsonl only; `score.py labels_a.jsonl ROUND` scores them (with no
abstract the validator cannot check numbers, so unfaithful_number never fires there).
"""
from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

from digestgen.parse import parse_file

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("round_dir", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--prefix", default="Z")
    ap.add_argument("--archive", type=Path, default=shared / "references" / "digests")
    ap.add_argument("--dev", type=Path, default=shared / "evalset" / "dev.jsonl")
    args = ap.parse_args(argv)
    dev = [json.loads(line) for line in args.dev.read_text().splitlines() if line.strip()]
    dev_ids = {r["arxiv_id"] for r in dev}
    dev_days = {r.get("date") for r in dev} - {None}
    audited = ROOT / "evals" / "validator_audit_labels.jsonl"
    seen = {json.loads(line).get("arxiv_id") for line in audited.read_text().splitlines()} if audited.exists() else set()
    for earlier in (ROOT / "evals" / "quality" / "blind").glob("archive*/key.json"):  # rows an earlier reading read
        seen |= {k["paper"] for k in json.loads(earlier.read_text())}
    days = []
    for f in sorted(args.archive.rglob("*.md")):
        day = "-".join(f.with_suffix("").parts[-3:])
        if day in dev_days:
            continue
        rows = [row for row in parse_file(f).rows
                if row.arxiv_id and row.arxiv_id not in dev_ids and row.arxiv_id not in seen and row.summary]
        if rows:
            days.append((f, rows))
    rng = random.Random(args.seed)
    picked = [(f, rng.choice(rows)) for f, rows in rng.sample(days, args.rows)]
    rng.shuffle(picked)
    out, key = [], []
    for n, (f, row) in enumerate(picked, 1):
        label_id = f"{args.prefix}{n:03d}"
        out.append({"label_id": label_id, "title": row.title, "abstract": None, "summary": row.summary})
        key.append({"label_id": label_id, "src": "archive", "paper": row.arxiv_id, "file": "/".join(f.parts[-3:])})
    args.round_dir.mkdir(parents=True, exist_ok=True)
    (args.round_dir / "blind_rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out))
    (args.round_dir / "key.json").write_text(json.dumps(key, indent=1) + "\n")
    print(f"wrote {args.round_dir}: {len(out)} archive rows from {len(out)} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
