"""Where restated_part:implication's two thresholds sit: the blind readings' implications against the archive's rate.

    python evals/validator_restate_thresholds.py [--no-wrapper] [--curves]

For every implication the part-locator finds (content_checks._locate), two shares of its content words (without the
paper's name, the frame, stop words and the takeaway's wrapper words; --no-wrapper: the older, shorter wrapper list):
``one part`` = the largest share found in any single other part (one-line, objective, methodology, results), ``row`` =
the share found in the rest of the row and the title together. For each threshold it prints how many implications the
readers of rounds 1-7 marked wrong / right reach it (engine and reference rows apart; a row read by several readers
counts once per reading), and the share of the archive's ~4,800 reference rows (an LLM wrote them from full papers;
most are publishable) that reach it. The shipped values are content_checks.RESTATE_IMPLICATION and RESTATE_ROW.

quality9: a third score, ``objective clause`` = the share of the takeaway's need or purpose clause ("who need to <need>
can use X to <purpose>") found in the objective or the one-line (content_checks.objective_clause_share, shipped threshold
RESTATE_OBJECTIVE_CLAUSE). ``--curves`` also prints each score's curve per round and reader (threshold: wrong
implications reached / wrong, right ones reached / right), and a leave-one-round-out choice: for each round, the
threshold chosen on the OTHER rounds alone (the lowest at which the implications reached are >= 90% ones a reader
marked wrong and the archive fires <= 2%, i.e. the best recall under those limits) and that threshold's recall and
precision on the held-out round. The held-out figures are the honest estimate of a threshold on a new reading.

quality11: a fourth score, ``paraphrase`` = the share of the takeaway's content stems (paraphrase.py: a suffix stemmer,
the practitioner wrapper left out) found in the one-line or the objective (shipped threshold paraphrase.PARAPHRASE).
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from digestgen import content_checks as cc
from digestgen.paraphrase import PARAPHRASE, paraphrase_share
from digestgen.parse import parse_file
from digestgen.parts import summary_sentences
from digestgen.roles import content
from digestgen.validate import digest_files

HERE = Path(__file__).resolve().parent
ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", HERE.parent.parent / "shared")) / "references" / "digests"
spec = importlib.util.spec_from_file_location("score", HERE / "quality" / "blind" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def shares(title: str, summary: str, wrapper) -> tuple[float, float, int, float, float] | None:
    sentences = summary_sentences(summary.strip())
    parts = cc._locate(sentences)
    imp = parts.get("implication")
    if imp is None:
        return None
    names = cc.paper_names(title)
    one = max((cc._share(imp.body, p.body, names, wrapper)[0] for k, p in parts.items()
               if k != "implication" and p.index != imp.index), default=0.0)
    rest = " ".join(content(s) for i, s in enumerate(sentences) if i != imp.index)
    row, n = cc._share(imp.body, f"{rest} {title}", names, wrapper)
    clause = cc.objective_clause_share(imp, parts.get("objective"), names, parts.get("one_line"))[0]
    return one, row, n, clause, paraphrase_share(parts, title)[0]


GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0)
SCORES = ((0, "one part"), (1, "row"), (3, "objective clause"), (4, "paraphrase"))


def _reached(rows, i, t):
    """(wrong reached, wrong, right reached, right) for score i at threshold t; rows: (round, reader, src, right, s)"""
    wrong = [x for x in rows if not x[3]]
    right = [x for x in rows if x[3]]
    return (sum(x[4][i] >= t for x in wrong), len(wrong), sum(x[4][i] >= t for x in right), len(right))


def curves(labelled, archive, n_archive) -> None:
    """Per round and reader curves, then the leave-one-round-out choice per score."""
    readings = sorted({(x[0], x[1]) for x in labelled}, key=lambda k: (int(k[0].split()[1]), k[1]))
    rounds = sorted({x[0] for x in labelled}, key=lambda r: int(r.split()[1]))
    for i, name in SCORES:
        rate = {t: sum(s[i] >= t for s in archive) / max(1, n_archive) for t in GRID}
        print(f"\n{name}: per reading, threshold -> wrong reached/wrong, right reached/right (engine and reference "
              "together); archive rate")
        print("  reading | " + " | ".join(f"{t:.2f}" for t in GRID))
        for rd in readings:
            rows = [x for x in labelled if (x[0], x[1]) == rd]
            cells = []
            for t in GRID:
                a, b, c, d = _reached(rows, i, t)
                cells.append(f"{a}/{b},{c}/{d}")
            print(f"  {rd[0]} {rd[1] or '-'} | " + " | ".join(cells))
        print("  archive | " + " | ".join(f"{rate[t]:.1%}" for t in GRID))
        print(f"  leave-one-round-out ({name}): held-out round: threshold chosen on the others -> held-out recall, "
              "precision (wrong implications reached / wrong; wrong / reached)")
        tot = [0, 0, 0, 0]
        for held in rounds:
            train = [x for x in labelled if x[0] != held]
            test = [x for x in labelled if x[0] == held]
            best = None
            for t in GRID:
                a, b, c, d = _reached(train, i, t)
                if rate[t] <= 0.02 and (a + c == 0 or a / (a + c) >= 0.9) and (best is None or a > best[1]):
                    best = (t, a)
            if best is None:
                print(f"    {held}: no threshold meets the limits")
                continue
            a, b, c, d = _reached(test, i, best[0])
            tot = [tot[0] + a, tot[1] + b, tot[2] + c, tot[3] + d]
            print(f"    {held}: {best[0]:.2f} -> recall {a}/{b}, precision {a}/{a + c}")
        best = None
        for t in GRID:
            a, b, c, d = _reached(labelled, i, t)
            if rate[t] <= 0.02 and (a + c == 0 or a / (a + c) >= 0.9) and (best is None or a > best[1]):
                best = (t, a)
        print(f"    the same rule on all rounds: {best[0]:.2f}" if best else "    the same rule on all rounds: none")
        print(f"    all held-out rounds: recall {tot[0]}/{tot[1]} ({tot[0] / max(1, tot[1]):.2f}), precision "
              f"{tot[0]}/{tot[0] + tot[2]} ({tot[0] / max(1, tot[0] + tot[2]):.2f})")


def main(argv: list[str]) -> int:
    wrapper = cc._WRAPPER if "--no-wrapper" in argv else cc._TAKEAWAY_WRAPPER
    labelled = []
    readings = []
    for name, folder, labels in score.ROUNDS:
        key = {k["label_id"]: k for k in json.loads((folder / "key.json").read_text())}
        rows = {r["label_id"]: r for r in map(json.loads, (folder / "blind_rows.jsonl").read_text().splitlines())}
        for line in (folder / labels).read_text().splitlines():
            if line.strip():
                lab = json.loads(line)
                row = rows[lab["label_id"]]
                s = shares(row["title"], row["summary"], wrapper)
                if s and s[2] >= cc.MIN_WORDS:
                    labelled.append((key[lab["label_id"]]["src"], lab["parts_right"].get("implication", True), s))
                    rnd, _, reader = name.partition(" ")[2].partition(" ")
                    readings.append((f"round {rnd}", reader, key[lab["label_id"]]["src"],
                                     lab["parts_right"].get("implication", True), s))
    archive = [s for f in digest_files([ARCHIVE]) for r in parse_file(f).rows
               if (s := shares(r.title, r.summary, wrapper)) and s[2] >= cc.MIN_WORDS]
    n_archive = sum(len(parse_file(f).rows) for f in digest_files([ARCHIVE]))
    shipped = {0: cc.RESTATE_IMPLICATION, 1: cc.RESTATE_ROW, 3: cc.RESTATE_OBJECTIVE_CLAUSE, 4: PARAPHRASE}
    for i, name in SCORES:
        print(f"{name}: threshold | engine wrong, right | reference wrong, right | archive")
        for t in GRID:
            cells = []
            for src in ("engine", "reference"):
                rows = [x for x in labelled if x[0] == src]
                cells.append(f"{sum(x[2][i] >= t for x in rows if not x[1])}/{sum(not x[1] for x in rows)}, "
                             f"{sum(x[2][i] >= t for x in rows if x[1])}/{sum(x[1] for x in rows)}")
            rate = sum(s[i] >= t for s in archive) / max(1, n_archive)
            mark = "  (shipped)" if abs(t - shipped[i]) < 1e-9 else ""
            print(f"  {t:.2f} | {cells[0]} | {cells[1]} | {rate:.1%}{mark}")
    if "--curves" in argv:
        curves(readings, archive, n_archive)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
