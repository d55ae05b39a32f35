"""Fit the abstention model (src/digestgen/qa/data/abstain.json) and check it leave-one-day-out.

Data: every question of qa_dev.jsonl, the hand-written questions_own.jsonl, and the cross-day negatives
(crossday.jsonl), each asked against its day's papers from dev.jsonl. The label is "some paper of that day
answers it". One logistic regression over the evidence features (see digestgen/qa/evidence.py), balanced
classes, standardised features, L2 (C=0.5); threshold 0.5. Two models are fitted: with the MiniLM cosine and
without it (the BM25-only fallback). Leave-one-day-out: fit on two days' questions, score the third.

    PYTHONPATH=src python evals/qa/calibrate.py [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import numpy as np

from digestgen.config import user_dir
from digestgen.qa.corpus import dataset_docs
from digestgen.qa.evidence import FEATURES, combine, evidence
from digestgen.qa.retrieve import Scope, make_embedder

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "evalset"
HERE = Path(__file__).resolve().parent
SETS = {"qa_dev": SHARED / "qa_dev.jsonl", "own": HERE / "questions_own.jsonl", "crossday": HERE / "crossday.jsonl"}
C = 0.5


def load_rows(embedder) -> list[dict]:
    scopes: dict[str, Scope] = {}
    rows = []
    for name, path in SETS.items():
        for line in open(path, encoding="utf-8"):
            q = json.loads(line)
            if q["date"] not in scopes:
                docs = dataset_docs(SHARED / "dev.jsonl", dt.date.fromisoformat(q["date"]))
                scopes[q["date"]] = Scope(docs, embedder=embedder)
            scope = scopes[q["date"]]
            ev = evidence(scope, scope.retrieve(q["question"]))
            rows.append({"set": name, "date": q["date"], "question": q["question"], "y": int(bool(q["answer_ids"])),
                         "x": ev.vector()})
    return rows


def fit(X: np.ndarray, y: np.ndarray) -> dict:
    from sklearn.linear_model import LogisticRegression

    mu, sd = X.mean(0), X.std(0) + 1e-9
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=1000).fit((X - mu) / sd, y)
    w = lr.coef_[0] / sd
    b = float(lr.intercept_[0] - (lr.coef_[0] * mu / sd).sum())
    return {"weights": [round(float(v), 5) for v in w], "bias": round(b, 5)}


def predict(model: dict, X: np.ndarray, feats: list[str]) -> np.ndarray:
    """The runtime's own combination (logistic model, then the number gate)."""
    return np.array([combine({**model, "features": feats}, dict(zip(feats, x))) for x in X])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write src/digestgen/qa/data/abstain.json")
    args = ap.parse_args()
    embedder = make_embedder(cache_path=user_dir() / "qa_embeddings.sqlite")
    rows = load_rows(embedder)
    out = {"fitted_on": {k: sum(r["set"] == k for r in rows) for k in SETS}, "C": C}
    for key, feats in (("with_dense", list(FEATURES)), ("bm25_only", [f for f in FEATURES if not f.startswith("dense")])):
        cols = [FEATURES.index(f) for f in feats]
        X = np.array([[r["x"][c] for c in cols] for r in rows])
        y = np.array([r["y"] for r in rows])
        model = fit(X, y)
        p = predict(model, X, feats)
        acc = float(((p >= 0.5) == y).mean())
        print(f"{key}: in-sample abstain accuracy {acc:.3f} on {len(y)}")
        lodo = []
        for day in sorted({r["date"] for r in rows}):
            tr = np.array([r["date"] != day for r in rows])
            m = fit(X[tr], y[tr])
            pt = predict(m, X[~tr], feats)
            ok = (pt >= 0.5) == y[~tr]
            lodo.append((day, int(ok.sum()), int((~tr).sum())))
            for r, good, prob in zip([r for r in rows if r["date"] == day], ok, pt):
                if not good:
                    print(f"  LODO miss {day} {r['set']:8} y={r['y']} p={prob:.2f} {r['question'][:70]}")
        tot = sum(a for _, a, _ in lodo) / sum(n for _, _, n in lodo)
        print(f"{key}: leave-one-day-out abstain accuracy {tot:.3f} " + ", ".join(f"{d} {a}/{n}" for d, a, n in lodo))
        for r, prob in zip(rows, p):
            if (prob >= 0.5) != r["y"]:
                print(f"  in-sample miss {r['date']} {r['set']:8} y={r['y']} p={prob:.2f} {r['question'][:70]}")
        out[key] = {"features": feats, **model, "threshold": 0.5, "in_sample_accuracy": round(acc, 4),
                    "lodo_accuracy": round(tot, 4)}
    if args.write:
        path = ROOT / "src" / "digestgen" / "qa" / "data" / "abstain.json"
        path.write_text(json.dumps(out, indent=1) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
