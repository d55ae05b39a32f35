"""Per-code precision and recall of the validator against hand labels (evals/quality/validator_labels.jsonl).

The labels are one strict reading of the rows in validator_sample_rows.jsonl (every dev row as the frozen offline engine
writes it, 30 archive rows by fixed seed): publishable as-is or not, and which defects a row has
(missing:<part>, misplaced, unrelated, glue, other). Writes evals/quality/validator_pr.md.

    python evals/quality/validator_pr.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from digestgen.validate import RowCheck, check_row

HERE = Path(__file__).resolve().parent
FAMILIES = {  # label -> the validator codes that claim it
    "missing:objective": ("missing_part:objective",), "missing:methodology": ("missing_part:methodology",),
    "missing:results": ("missing_part:results", "no_number"), "missing:implication": ("missing_part:implication",),
    "misplaced": ("misplaced_part:",), "unrelated": ("unrelated_part",), "glue": ("glue:",),
}


def main() -> int:
    sample = (HERE / "validator_sample_rows.jsonl").read_text().splitlines()
    rows = {(r["id"], r["kind"]): r for r in map(json.loads, sample)}
    labels = [json.loads(x) for x in (HERE / "validator_labels.jsonl").read_text().splitlines()]
    results = []
    for lab in labels:
        r = rows[(lab["id"], lab["kind"])]
        text = r.get("generated") or r["summary"]
        codes = {f.code for f in check_row(RowCheck(r["id"], r["title"], ["A"], text, abstract=r.get("abstract")))
                 if f.severity == "error"}
        results.append((lab, codes))
    lines = ["# The validator against a hand-labelled sample", "",
             "Rows: `validator_sample_rows.jsonl` (`label_rows.jsonl` as first frozen: every dev row as the offline "
             "engine wrote it then, with its abstract; 30 "
             "archive rows by fixed seed, without abstracts). Labels: `validator_labels.jsonl`, one strict reading "
             "by the engine's author (not blind to the engine; written before this table was computed). "
             "Built by `python evals/quality/validator_pr.py`.", ""]
    for kind in ("dev", "archive", "all"):
        sub = [(lab, c) for lab, c in results if kind == "all" or lab["kind"] == kind]
        rejected = [c for lab, c in sub if not lab["publishable"]]
        flagged = [lab for lab, c in sub if c]
        tp = sum(1 for lab, c in sub if c and not lab["publishable"])
        lines += [f"## {kind}: {len(sub)} rows, {len(sub) - len(rejected)} publishable as-is by the strict reading", "",
                  f"Rows the reading rejects that the validator flags (any error finding): {tp}/{len(rejected)} "
                  f"(recall {tp / max(1, len(rejected)):.0%}); flagged rows the reading rejects: {tp}/{len(flagged)} "
                  f"(precision {tp / max(1, len(flagged)):.0%}).", "",
                  "| label | codes | labelled | flagged | both | precision | recall |", "|---|---|---|---|---|---|---|"]
        for label, prefixes in FAMILIES.items():
            truth = [label in lab["defects"] for lab, _ in sub]
            pred = [any(c.startswith(p) for c in codes for p in prefixes) for _, codes in sub]
            both = sum(t and p for t, p in zip(truth, pred))
            prec = f"{both / sum(pred):.0%}" if sum(pred) else "-"
            rec = f"{both / sum(truth):.0%}" if sum(truth) else "-"
            lines.append(f"| {label} | {', '.join(p.rstrip(':') + ('*' if p.endswith(':') else '') for p in prefixes)} "
                         f"| {sum(truth)} | {sum(pred)} | {both} | {prec} | {rec} |")
        lines.append("")
    lines += ["## Rows and findings", "", "| row | kind | publishable | labelled defects | validator error codes |",
              "|---|---|---|---|---|"]
    for lab, codes in results:
        lines.append(f"| {lab['id']} | {lab['kind']} | {'yes' if lab['publishable'] else 'no'} | "
                     f"{', '.join(lab['defects']) or '-'} | {', '.join(sorted(codes)) or '-'} |")
    (HERE / "validator_pr.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {HERE / 'validator_pr.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
