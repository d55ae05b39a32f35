"""Write evals/quality/label_rows.jsonl: the rows for a blind "publishable as-is" reading, with no scores.

Every dev row (id, title, abstract, the offline engine's summary, the reference summary), then archive rows
(id, summary) sampled with a fixed seed. Run after the engine's rules are frozen; a rerun writes the same bytes.

    python scripts/label_sample.py [--archive-rows 30]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

from digestgen.dataset import DatasetRow
from digestgen.engines import get_engine, prose
from digestgen.engines.base import NoAbstract
from digestgen.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]
SEED = 20251129


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=shared / "evalset" / "dev.jsonl")
    ap.add_argument("--archive", type=Path, default=shared / "references" / "digests")
    ap.add_argument("--archive-rows", type=int, default=30)
    ap.add_argument("--out", type=Path, default=ROOT / "evals" / "quality" / "label_rows.jsonl")
    args = ap.parse_args(argv)

    engine = get_engine("extractive")
    out = []
    for line in args.dev.read_text().splitlines():
        r = DatasetRow(**json.loads(line))
        try:
            generated = prose(engine.summarize(r.paper()))
        except NoAbstract:
            continue
        out.append({"id": r.arxiv_id, "kind": "dev", "title": r.title, "abstract": r.abstract,
                    "generated": generated, "reference": r.reference_summary})
    rng = random.Random(SEED)
    rows = [(f, row) for f in sorted(args.archive.rglob("*.md")) for row in parse_file(f).rows if row.arxiv_id]
    for f, row in rng.sample(rows, args.archive_rows):
        out.append({"id": row.arxiv_id, "kind": "archive", "file": "/".join(f.parts[-3:]), "title": row.title,
                    "summary": row.summary})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
    print(f"wrote {args.out}: {sum(o['kind'] == 'dev' for o in out)} dev rows, {args.archive_rows} archive rows",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
