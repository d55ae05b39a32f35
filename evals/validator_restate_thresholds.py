"""Where restated_part:implication's two thresholds sit: the blind readings' implications against the archive's rate.

    python evals/validator_restate_thresholds.py [--no-wrapper]

For every implication the part-locator finds (content_checks._locate), two shares of its content words (without the
paper's name, the frame, stop words and the takeaway's wrapper words; --no-wrapper: the older, shorter wrapper list):
``one part`` = the largest share found in any single other part (one-line, objective, methodology, results), ``row`` =
the share found in the rest of the row and the title together. For each threshold it prints how many implications the
readers of rounds 1-7 marked wrong / right reach it (engine and reference rows apart; a row read by several readers
counts once per reading), and the share of the archive's ~4,800 reference rows (an LLM wrote them from full papers;
most are publishable) that reach it. The shipped values are content_checks.RESTATE_IMPLICATION and RESTATE_ROW.
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from digestgen import content_checks as cc
from digestgen.parse import parse_file
from digestgen.parts import summary_sentences
from digestgen.roles import content
from digestgen.validate import digest_files

HERE = Path(__file__).resolve().parent
ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", HERE.parent.parent / "shared")) / "references" / "digests"
spec = importlib.util.spec_from_file_location("score", HERE / "quality" / "blind" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def shares(title: str, summary: str, wrapper) -> tuple[float, float, int] | None:
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
    return one, row, n


def main(argv: list[str]) -> int:
    wrapper = cc._WRAPPER if "--no-wrapper" in argv else cc._TAKEAWAY_WRAPPER
    labelled = []
    for _, folder, labels in score.ROUNDS:
        key = {k["label_id"]: k for k in json.loads((folder / "key.json").read_text())}
        rows = {r["label_id"]: r for r in map(json.loads, (folder / "blind_rows.jsonl").read_text().splitlines())}
        for line in (folder / labels).read_text().splitlines():
            if line.strip():
                lab = json.loads(line)
                row = rows[lab["label_id"]]
                s = shares(row["title"], row["summary"], wrapper)
                if s and s[2] >= cc.MIN_WORDS:
                    labelled.append((key[lab["label_id"]]["src"], lab["parts_right"].get("implication", True), s))
    archive = [s for f in digest_files([ARCHIVE]) for r in parse_file(f).rows
               if (s := shares(r.title, r.summary, wrapper)) and s[2] >= cc.MIN_WORDS]
    n_archive = sum(len(parse_file(f).rows) for f in digest_files([ARCHIVE]))
    shipped = {0: cc.RESTATE_IMPLICATION, 1: cc.RESTATE_ROW}
    for i, name in ((0, "one part"), (1, "row")):
        print(f"{name}: threshold | engine wrong, right | reference wrong, right | archive")
        for t in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
            cells = []
            for src in ("engine", "reference"):
                rows = [x for x in labelled if x[0] == src]
                cells.append(f"{sum(x[2][i] >= t for x in rows if not x[1])}/{sum(not x[1] for x in rows)}, "
                             f"{sum(x[2][i] >= t for x in rows if x[1])}/{sum(x[1] for x in rows)}")
            rate = sum(s[i] >= t for s in archive) / max(1, n_archive)
            mark = "  (shipped)" if abs(t - shipped[i]) < 1e-9 else ""
            print(f"  {t:.2f} | {cells[0]} | {cells[1]} | {rate:.1%}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
