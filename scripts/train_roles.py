"""Rebuild the sentence-role classifier (src/digestgen/roles/weights.npy + model.json) from the reference archive.

Labels come free from the archive's framed sentences ("The main research
objective is ...", "The key methodology ...", "Primary results show ...", "The
principal implication for AI practitioners is ...") with the frames stripped; a
row's first sentence is its one-line summary; in rows of exactly five sentences
whose framed sentences sit in the house order, the unframed sentences take the
role of their slot; follow-up questions appended to a summary are ``other``.
``background`` comes from abstract sentences (dev.jsonl) before the first one
that a reference sentence covers.

Cross-validation is grouped by day (no day in both train and test) and written
to evals/reports/roles-cv.md. Fixed seed: a rerun writes the same bytes.

    python scripts/train_roles.py [--archive DIR] [--dev FILE] [--minilm] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from digestgen.parse import parse_file
from digestgen.parts import summary_sentences
from digestgen.roles.features import DIM, featurize, tokens
from digestgen.roles.frames import PARTS, ROLES, content, strip_frame

SEED = 20250228
ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "digestgen" / "roles"
_FOLLOWUP = re.compile(r"follow[- ]up questions?|questions? for (?:the authors|further)", re.IGNORECASE)
_STOP = set("a an the of and or in on for to with by from as at is are was were be been this that these those it its "
            "we our their they which such can using use used than into via while both over not has have had".split())


def archive_examples(archive: Path) -> list[dict]:
    """One dict per labelled sentence: text (content), role, day, position, first."""
    out = []
    for f in sorted(archive.rglob("*.md")):
        day = "/".join(f.parts[-3:])[:-3]
        for row in parse_file(f).rows:
            sents = summary_sentences(row.summary)
            cut = next((i for i, s in enumerate(sents) if _FOLLOWUP.search(s)), len(sents))
            body, tail = sents[:cut], sents[cut:]
            framed = [strip_frame(s)[0] for s in body]
            in_order = len(body) == 5 and all(r is None or r == PARTS[i] for i, r in enumerate(framed))
            n = len(body)
            for i, s in enumerate(body):
                role = framed[i]
                if role is None:
                    if i == 0:
                        role = "one_line"
                    elif in_order:
                        role = PARTS[i]
                    elif s.rstrip().endswith("?"):
                        role = "other"
                    else:
                        continue
                text = content(s)
                if len(text.split()) < 3:
                    continue
                out.append({"text": text, "role": role, "day": day, "position": i / max(1, n - 1), "first": i == 0})
            for s in tail:
                text = re.sub(r"^.*?(?:questions?)\s*:?\s*(?:\d+\.)?\s*", "", s, flags=re.IGNORECASE) \
                    if _FOLLOWUP.search(s) else s
                if len(text.split()) >= 4:
                    out.append({"text": content(text), "role": "other", "day": day, "position": None, "first": False})
    return out


def _words(text: str) -> set[str]:
    return {t for t in tokens(text) if t not in _STOP and t != "<num>"}


def abstract_examples(dev: Path) -> list[dict]:
    """Abstract sentences that no reference sentence covers (content-word recall < 0.3)."""
    from digestgen.text import split_sentences

    out = []
    for line in dev.read_text().splitlines():
        r = json.loads(line)
        if not r.get("abstract") or not r.get("reference_summary"):
            continue
        refs = [_words(s) for s in split_sentences(r["reference_summary"])]
        sents = split_sentences(r["abstract"])
        covered = []
        for s in sents:
            w = _words(s)
            covered.append(max((len(w & ref) / max(1, len(w)) for ref in refs), default=0.0) >= 0.3)
        first_cov = covered.index(True) if True in covered else len(sents)
        for i, (s, cov) in enumerate(zip(sents, covered)):
            if cov or len(s.split()) < 4:
                continue
            if i < first_cov:  # later uncovered sentences are often secondary results: too noisy for "other"
                out.append({"text": content(s), "role": "background", "day": "dev/" + r["date"],
                            "position": None, "first": None})
    return out


def matrix(examples: list[dict], rng: np.random.Generator):
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    # Position is left out: the archive's fixed part order would make the model read a sentence's slot instead of
    # its content, and the engine's abstract sentences sit in other slots. Position enters the engine as a prior.
    for e in examples:
        feats = featurize(e["text"])
        for i in sorted(feats):
            indices.append(i)
            data.append(feats[i])
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float64), np.array(indices), np.array(indptr)), shape=(len(examples), DIM))


def class_weights(y: np.ndarray) -> dict[int, float]:
    # Square-root balancing: rare roles (background) count more, without letting a few hundred examples dominate.
    counts = Counter(y.tolist())
    top = max(counts.values())
    return {k: (top / c) ** 0.5 for k, c in counts.items()}


def fit(X, y):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=4.0, max_iter=300, class_weight=class_weights(y), random_state=SEED)
    return clf.fit(X, y)


_DIGITS = re.compile(r"\s*\(?[~≈<>]?\d[\d.,]*\s*(?:%|×|x\b|k\b|M\b|B\b)?\)?")


def without_numbers(examples: list[dict]) -> list[dict]:
    """Copies of the sentences that hold numbers, with the numbers removed (training only): the archive's results
    nearly always carry one, and a result stated without a number ("X outperforms all baselines") must still read
    as a result."""
    out = []
    for e in examples:
        if re.search(r"\d", e["text"]):
            text = " ".join(_DIGITS.sub(" ", e["text"]).split())
            if len(text.split()) >= 4:
                out.append({**e, "text": text})
    return out


def cross_validate(X, y, groups, aug=None, folds: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold predictions; ``aug`` (X, y, groups) joins the training folds of its own days only."""
    from scipy.sparse import vstack
    from sklearn.model_selection import GroupKFold

    pred = np.zeros_like(y)
    for k, (tr, te) in enumerate(GroupKFold(n_splits=folds).split(X, y, groups)):
        print(f"fold {k + 1}/{folds}: {len(tr)} train, {len(te)} test", file=sys.stderr)
        Xtr, ytr = X[tr], y[tr]
        if aug is not None:
            keep = np.isin(aug[2], np.unique(groups[tr]))
            Xtr, ytr = vstack([Xtr, aug[0][keep]]).tocsr(), np.concatenate([ytr, aug[1][keep]])
        pred[te] = fit(Xtr, ytr).predict(X[te])
    return y, pred


def table(y, pred, labels: tuple[str, ...]) -> list[str]:
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(y, pred, labels=list(range(len(labels))), zero_division=0)
    lines = ["| role | precision | recall | F1 | n |", "|---|---|---|---|---|"]
    for i, role in enumerate(labels):
        lines.append(f"| {role} | {p[i]:.3f} | {r[i]:.3f} | {f[i]:.3f} | {s[i]} |")
    acc = float((y == pred).mean())
    macro = float(np.mean([f[i] for i in range(len(labels)) if s[i]]))
    lines += ["", f"Accuracy {acc:.3f}; macro F1 {macro:.3f}."]
    return lines


def priors(examples: list[dict]) -> dict:
    """Learned priors for the engine: content length (words, 8-word bins) per part, from the archive."""
    out = {}
    for role in PARTS:
        lens = [min(len(e["text"].split()) // 8, 7) for e in examples if e["role"] == role]
        c = Counter(lens)
        total = len(lens) + 8
        out[role] = [round((c.get(b, 0) + 1) / total, 4) for b in range(8)]
    return {"length_bins_words": 8, "length": out}


def minilm_cv(examples: list[dict], rng: np.random.Generator, n: int) -> list[str] | None:
    """The same grouped CV with MiniLM sentence embeddings (+ the hashed features) on a sample."""
    try:
        from digestgen.metrics import embed
    except Exception as exc:  # the eval extra is not installed
        print(f"MiniLM skipped: {exc}", file=sys.stderr)
        return None
    from scipy.sparse import csr_matrix, hstack

    pick = np.sort(rng.choice(len(examples), size=min(n, len(examples)), replace=False))
    sample = [examples[i] for i in pick]
    emb = np.asarray(embed([e["text"] for e in sample]), dtype=np.float64)
    y = np.array([ROLES.index(e["role"]) for e in sample])
    groups = np.array([e["day"] for e in sample])
    Xh = matrix(sample, np.random.default_rng(SEED))
    out = []
    for name, X in (("hashed n-grams", Xh), ("MiniLM", csr_matrix(emb)), ("hashed + MiniLM", hstack([Xh, csr_matrix(emb * 4)]).tocsr())):
        yy, pred = cross_validate(X, y, groups)
        out += [f"### {name} (sample of {len(sample)})", ""] + table(yy, pred, ROLES) + [""]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(__import__("os").environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--archive", type=Path, default=shared / "references" / "digests")
    ap.add_argument("--dev", type=Path, default=shared / "evalset" / "dev.jsonl")
    ap.add_argument("--report", type=Path, default=ROOT / "evals" / "reports" / "roles-cv.md")
    ap.add_argument("--minilm", type=int, default=0, help="also cross-validate MiniLM features on N sentences")
    ap.add_argument("--no-write", action="store_true", help="report only; leave the shipped model alone")
    args = ap.parse_args(argv)

    rng = np.random.default_rng(SEED)
    arch = archive_examples(args.archive)
    abst = abstract_examples(args.dev) if args.dev.exists() else []
    examples = arch + abst
    counts = Counter(e["role"] for e in examples)
    print(f"{len(examples)} labelled sentences: {dict(counts)}", file=sys.stderr)
    X = matrix(examples, rng)
    y = np.array([ROLES.index(e["role"]) for e in examples])
    groups = np.array([e["day"] for e in examples])
    extra = without_numbers(examples)
    aug = (matrix(extra, rng), np.array([ROLES.index(e["role"]) for e in extra]), np.array([e["day"] for e in extra]))
    yy, pred = cross_validate(X, y, groups, aug)
    lines = ["# Sentence-role classifier: cross-validation grouped by day", "",
             f"Built by `python scripts/train_roles.py`. {len(examples)} labelled sentences from "
             f"{len(set(groups))} days ({len(arch)} archive summary sentences with frame words stripped, "
             f"{len(abst)} uncovered abstract sentences from dev.jsonl as background). "
             "5 folds, `GroupKFold` by day: no day is in both the training and the test fold. "
             f"Training folds also get {len(extra)} copies of numbered sentences with the numbers removed "
             "(scored only on the original sentences).", "",
             "Labels: " + ", ".join(f"{r} {counts.get(r, 0)}" for r in ROLES) + ".", "",
             f"## Hashed n-grams + opening words + numbers + length: `{ 'hashed-ngram-logreg' }`", ""]
    lines += table(yy, pred, ROLES)
    if args.minilm:
        extra = minilm_cv(examples, np.random.default_rng(SEED), args.minilm)
        if extra:
            lines += ["", "## With MiniLM sentence embeddings (eval extra)", ""] + extra
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines) + "\n")
    print(f"wrote {args.report}", file=sys.stderr)
    if args.no_write:
        return 0
    from scipy.sparse import vstack

    clf = fit(vstack([X, aug[0]]).tocsr(), np.concatenate([y, aug[1]]))
    W = np.zeros((DIM, len(ROLES)), dtype=np.float16)
    W[:, clf.classes_] = clf.coef_.T.astype(np.float16)
    bias = [0.0] * len(ROLES)
    for k, c in enumerate(clf.classes_):
        bias[c] = round(float(clf.intercept_[k]), 6)
    PKG.mkdir(parents=True, exist_ok=True)
    np.save(PKG / "weights.npy", W)
    meta = {"roles": list(ROLES), "dim": DIM, "bias": bias, "seed": SEED, "examples": dict(sorted(counts.items())),
            "priors": priors(arch)}
    (PKG / "model.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    print(f"wrote {PKG / 'weights.npy'} and model.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
