"""How the content checks' two thresholds behave on each blind round: chosen on some rounds, checked on the others.

    python evals/validator_thresholds.py

RESTATE (share of a part's content words found in another part: restated_part:*) and COPIED (share of the implication
that is one run of abstract words: implication:claim) are the only numbers content_checks.py sets. For each pair of
values this prints each round's recall and precision (evals/quality/blind/score.py's counting), then the pair that is
best (F1) on rounds 1+2 and its figures on round 3, and the other way round. The shipped values were set on rounds 1+2.
"""
from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

from digestgen import content_checks

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("score", HERE / "quality" / "blind" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def f1(r: dict) -> float:
    p = r["tp"] / max(1, r["tp"] + r["fp"])
    rec = r["tp"] / max(1, r["tp"] + r["fn"])
    return 2 * p * rec / (p + rec) if p + rec else 0.0


def pooled(rs: list[dict]) -> dict:
    return {k: sum(r[k] for r in rs) for k in ("tp", "fp", "fn", "tn")}


def fmt(r: dict) -> str:
    return f"R {r['tp'] / max(1, r['tp'] + r['fn']):.2f} P {r['tp'] / max(1, r['tp'] + r['fp']):.2f}"


def main() -> int:
    shipped = content_checks.RESTATE, content_checks.COPIED
    table = {}
    for restate, copied in itertools.product((0.6, 0.7, 0.8, 0.9, 1.0), (0.6, 0.7, 0.8, 0.9, 1.01)):
        content_checks.RESTATE, content_checks.COPIED = restate, copied
        table[restate, copied] = [score.score_round(folder, labels) for _, folder, labels in score.ROUNDS]
    content_checks.RESTATE, content_checks.COPIED = shipped
    print("RESTATE COPIED | round 1 | round 2 | round 3")
    for (restate, copied), rs in table.items():
        mark = "  (shipped)" if (restate, copied) == shipped else ""
        print(f"{restate:7.2f} {copied:6.2f} | " + " | ".join(fmt(r) for r in rs) + mark)
    for design, held in (((0, 1), (2,)), ((2,), (0, 1))):
        best = max(table, key=lambda k: (f1(pooled([table[k][i] for i in design])), -abs(k[0] - 0.8)))
        d = pooled([table[best][i] for i in design])
        h = pooled([table[best][i] for i in held])
        names = lambda ix: "+".join(str(i + 1) for i in ix)  # noqa: E731
        print(f"best on round(s) {names(design)}: RESTATE {best[0]}, COPIED {best[1]}: {fmt(d)} there; "
              f"held-out round(s) {names(held)}: {fmt(h)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
