"""Cross-day negatives: every specific question of one dev day asked against each OTHER dev day's papers.

A question naming one paper's method or numbers ("which paper reports 78% on MRI...") has no answer on a day
that does not hold that paper, so its answer_ids there are []. Topic questions with several right papers
("which papers are about diffusion models?") are left out: another day may well answer them.

    python evals/qa/make_crossday.py > evals/qa/crossday.jsonl
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2].parent / "shared"
    days = sorted({json.loads(line)["date"] for line in open(shared / "evalset" / "dev.jsonl")})
    sources = [(json.loads(line), "qa_dev") for line in open(shared / "evalset" / "qa_dev.jsonl")]
    sources += [(json.loads(line), "own") for line in open(HERE / "questions_own.jsonl")]
    for q, origin in sources:
        if not q["answer_ids"] or q.get("kind") == "several":
            continue
        for day in days:
            if day != q["date"]:
                print(json.dumps({"date": day, "question": q["question"], "answer_ids": [], "kind": "crossday",
                                  "from": f"{origin}:{q['date']}"}))


if __name__ == "__main__":
    main()
