"""glue_defects against a blind strict reading's `glue` label (evals/quality/blind/roundN).

    PYTHONPATH=src python scripts/glue_vs_reading.py evals/quality/blind/round3

Prints recall and precision of "any glue code" against the reader's glue label, for engine and reference rows.
The rows are the frozen rows of that round (not the current engine's output).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from digestgen.glue import glue_findings


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: glue_vs_reading.py ROUND_DIR", file=sys.stderr)
        return 2
    d = Path(sys.argv[1])
    try:
        rows = {r["label_id"]: r for r in map(json.loads, (d / "blind_rows.jsonl").read_text().splitlines()) if r}
        labels = [json.loads(x) for x in (d / "labels.jsonl").read_text().splitlines() if x.strip()]
        key = {k["label_id"]: k["src"] for k in json.loads((d / "key.json").read_text())}
    except (OSError, ValueError, KeyError) as e:
        print(f"error: cannot read {d}: {e}", file=sys.stderr)
        return 1
    for src in ("engine", "reference", "all"):
        tp = fp = fn = tn = 0
        for lab in labels:
            if src != "all" and key[lab["label_id"]] != src:
                continue
            found = bool(glue_findings(rows[lab["label_id"]]["summary"]))
            tp += found and lab["glue"]
            fp += found and not lab["glue"]
            fn += (not found) and lab["glue"]
            tn += (not found) and not lab["glue"]
        rec = tp / (tp + fn) if tp + fn else float("nan")
        prec = tp / (tp + fp) if tp + fp else float("nan")
        print(f"{src:9}: reader glue {tp + fn}, flagged {tp + fp}, both {tp}; recall {rec:.2f}, precision {prec:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
