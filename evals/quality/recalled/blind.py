"""A blind reading of two engine versions on a recalled set: each distinct summary once, shuffled, under neutral ids.

    python evals/quality/recalled/blind.py make ROUND_DIR OLD_ROWS.jsonl NEW_ROWS.jsonl [MORE.jsonl] --seed 12 --prefix H
    python evals/quality/recalled/blind.py score ROUND_DIR labels_a.jsonl [labels_b.jsonl ...]

Each ROWS file is a run_engine.py --out file of the same set by one engine version (named by the file's stem, e.g.
rows_ddc7366.jsonl for the session's start). A summary several versions wrote is shown once and its label counts for both. Readers get RUBRIC.md and blind_rows.jsonl
only (title, abstract, summary); key.json says which versions wrote each summary. `score` prints, per version and
reader, publishable and right-part counts over the set's papers, and the validator's recall/precision on that
version's rows (an error finding = flagged).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

PARTS = ("one_line", "objective", "methodology", "results", "implication")


def make(args: argparse.Namespace) -> int:
    versions = {path.stem: path for path in args.rows}
    items: dict[tuple[str, str], dict] = {}
    for name, path in versions.items():
        for r in map(json.loads, path.read_text().splitlines()):
            it = items.setdefault((r["id"], r["summary"]), {"row": r, "versions": []})
            it["versions"].append(name)
    order = list(items.values())
    random.Random(args.seed).shuffle(order)
    rows, key = [], []
    for n, it in enumerate(order, 1):
        r, label_id = it["row"], f"{args.prefix}{n:03d}"
        rows.append({"label_id": label_id, "title": r["title"], "abstract": r["abstract"], "summary": r["summary"]})
        key.append({"label_id": label_id, "paper": r["id"], "versions": it["versions"], "errors": r["errors"]})
    args.round_dir.mkdir(parents=True, exist_ok=True)
    (args.round_dir / "blind_rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (args.round_dir / "key.json").write_text(json.dumps(key, indent=1) + "\n")
    print(f"wrote {args.round_dir}: {len(rows)} distinct rows for {len({k['paper'] for k in key})} papers")
    return 0


def score(args: argparse.Namespace) -> int:
    key = {k["label_id"]: k for k in json.loads((args.round_dir / "key.json").read_text())}
    for labels_path in args.labels:
        labels = [json.loads(line) for line in labels_path.read_text().splitlines() if line.strip()]
        names = list(dict.fromkeys(v for k in key.values() for v in k["versions"]))
        for version in names:
            mine = [lab for lab in labels if version in key[lab["label_id"]]["versions"]]
            n = len(mine)
            pub = sum(bool(lab["publishable"]) for lab in mine)
            parts = {p: sum(bool(lab["parts_right"].get(p)) for lab in mine) for p in PARTS}
            glue = sum(bool(lab["glue"]) for lab in mine)
            tp = sum(bool(key[lab["label_id"]]["errors"]) and not lab["publishable"] for lab in mine)
            fp = sum(bool(key[lab["label_id"]]["errors"]) and bool(lab["publishable"]) for lab in mine)
            fn = sum(not key[lab["label_id"]]["errors"] and not lab["publishable"] for lab in mine)
            rec = tp / (tp + fn) if tp + fn else float("nan")
            prec = tp / (tp + fp) if tp + fp else float("nan")
            print(f"{labels_path.name} {version}: n={n} publishable {pub}, glue {glue}, "
                  + ", ".join(f"{p} {v}/{n} ({100 * v / n:.0f}%)" for p, v in parts.items())
                  + f"; validator recall {rec:.2f} ({tp}/{tp + fn}), precision {prec:.2f} ({tp}/{tp + fp})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("round_dir", type=Path)
    m.add_argument("rows", type=Path, nargs="+", help="run_engine.py --out files, one per engine version")
    m.add_argument("--seed", type=int, required=True)
    m.add_argument("--prefix", default="H")
    s = sub.add_parser("score")
    s.add_argument("round_dir", type=Path)
    s.add_argument("labels", type=Path, nargs="+")
    args = ap.parse_args(argv)
    return make(args) if args.cmd == "make" else score(args)


if __name__ == "__main__":
    sys.exit(main())
