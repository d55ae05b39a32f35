"""Held-out check of the abstention (not used to fit it): the dev questions asked on other real days.

Every specific question of qa_dev.jsonl and questions_own.jsonl (topic questions with several answers left out)
is asked against N archive days chosen at random (seeded) away from the dev days. The archive holds summaries
only, a different kind of text from the abstracts the model was fitted on; none of those papers is a dev paper,
so the right reply is the abstention. Answers that were given are printed for a look: a few may be genuinely
right (a later paper on the same benchmark), which the script cannot know.

    PYTHONPATH=src python evals/qa/heldout_days.py [--days 12] [--seed 0] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))


def main() -> None:
    from digestgen.qa.answer import ask
    from digestgen.qa.corpus import Doc, archive_docs
    from digestgen.qa.retrieve import build_scope

    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    questions = []
    for path in (SHARED / "evalset" / "qa_dev.jsonl", ROOT / "evals" / "qa" / "questions_own.jsonl"):
        for line in path.read_text().splitlines():
            q = json.loads(line)
            if q["answer_ids"] and q.get("kind") != "several":
                questions.append(q)
    dev_days = {q["date"] for q in questions}
    docs = archive_docs([SHARED / "references" / "digests"])
    by_day: dict[str, list[Doc]] = {}
    for d in docs:
        by_day.setdefault(d.date, []).append(d)
    dev_ids = {a for q in questions for a in q["answer_ids"]}
    days = sorted(d for d in by_day if d not in dev_days and not dev_ids & {x.arxiv_id for x in by_day[d]})
    chosen = sorted(random.Random(args.seed).sample(days, args.days))
    n = abstained = 0
    answered = []
    for day in chosen:
        scope = build_scope(by_day[day], use_embeddings=not args.no_embeddings, quiet=True)
        for q in questions:
            a = ask(scope, q["question"])
            n += 1
            abstained += a.abstained
            if not a.abstained:
                answered.append((day, q["question"], a.answer.splitlines()[0][:160]))
    print(json.dumps({"days": chosen, "questions_per_day": len(questions), "n": n,
                      "abstain_accuracy": round(abstained / n, 4)}, indent=1))
    for day, q, a in answered:
        print(f"answered on {day}: {q}\n    -> {a}")


if __name__ == "__main__":
    main()
