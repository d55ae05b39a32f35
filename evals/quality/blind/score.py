"""Score blind strict-reading labels: publishable rate and right-part rate per source, and the validator's recall and
precision against the labels (a row 'flagged' = any error finding when checked with its abstract).

    python evals/quality/blind/score.py [labels_1.jsonl]
    python evals/quality/blind/score.py labels.jsonl evals/quality/blind/round2
"""
import json
import sys
from collections import defaultdict
from pathlib import Path

from digestgen.validate import RowCheck, check_row

# python score.py [LABELS] [FOLDER]: FOLDER holds blind_rows.jsonl and key.json (default: this folder, round 1)
here = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent
labels_file = here / (sys.argv[1] if len(sys.argv) > 1 else "labels_1.jsonl")
key = {k["label_id"]: k for k in json.loads((here / "key.json").read_text())}
rows = {r["label_id"]: r for r in map(json.loads, (here / "blind_rows.jsonl").read_text().splitlines())}
labels = [json.loads(line) for line in labels_file.read_text().splitlines() if line.strip()]

agg: dict = defaultdict(lambda: defaultdict(int))
tp = fp = fn = tn = 0
for lab in labels:
    src = key[lab["label_id"]]["src"]
    row = rows[lab["label_id"]]
    a = agg[src]
    a["n"] += 1
    a["publishable"] += bool(lab["publishable"])
    a["glue"] += bool(lab["glue"])
    for part, ok in lab["parts_right"].items():
        a[part] += bool(ok)
    errors = [f for f in check_row(RowCheck(key[lab["label_id"]]["paper"], row["title"], ["A. Author"], row["summary"],
                                            abstract=row["abstract"])) if f.severity == "error"]
    flagged, rejected = bool(errors), not lab["publishable"]
    tp += flagged and rejected
    fp += flagged and not rejected
    fn += (not flagged) and rejected
    tn += (not flagged) and not rejected

print(f"labels: {labels_file.name}")
for src, a in sorted(agg.items()):
    n = a.pop("n")
    print(f"{src:<10} n={n} " + ", ".join(f"{k} {v}/{n} ({100 * v / n:.0f}%)" for k, v in a.items()))
recall = tp / (tp + fn) if tp + fn else float("nan")
precision = tp / (tp + fp) if tp + fp else float("nan")
print(f"validator vs strict reading (all rows): flags {tp}/{tp + fn} rejected rows (recall {recall:.2f}), "
      f"precision {precision:.2f} ({tp}/{tp + fp}); {tn} publishable rows passed")
