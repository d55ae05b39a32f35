"""How often each content_checks code fires on the reference archive (rows an LLM wrote from full papers).

    python evals/validator_content_rates.py [PATHS...]

A sanity check on data the checks were not designed on: the strict reader passed 65-68% of reference rows, so a code
that fires on a large share of the archive is suspect. No abstracts here: the checks that need one (coined names,
copied implications, anaphors copied from the abstract) do not run, and results_without_number asks for a number
whatever the abstract holds.
"""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

from digestgen.content_checks import CODES, content_hits
from digestgen.parse import parse_file
from digestgen.validate import digest_files

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared")) / "references" / "digests"


def main(argv: list[str]) -> int:
    files = digest_files(argv or [ARCHIVE])
    counts: Counter = Counter()
    rows = flagged = 0
    t = time.process_time()
    for f in files:
        for r in parse_file(f).rows:
            rows += 1
            hits = [h for h in content_hits(r.title, r.summary) if h.severity == "error"]
            flagged += bool(hits)
            counts.update(h.code for h in hits)
    cpu = time.process_time() - t
    print(f"{rows} rows in {len(files)} files; {flagged} ({flagged / max(1, rows):.1%}) with a content finding; "
          f"{cpu:.2f} s CPU")
    for code in list(CODES) + sorted(set(counts) - set(CODES)):
        print(f"{code:28} {counts[code]:5} {counts[code] / max(1, rows):6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
