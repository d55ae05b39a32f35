"""Every ``fluency:typo`` hit (digestgen.spelling) on the reference archive, one line each, for reading by hand.

    python evals/validator_typos.py [PATHS...] > /tmp/typos.txt

No abstracts here (the archive has none), so a word is excused only by the title, the dictionary, the archive
vocabulary and the derivation rules. Precision is measured by reading every line (evals/quality/README.md,
"quality10: validator").
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from digestgen.parse import parse_file
from digestgen.spelling import misspellings
from digestgen.validate import digest_files

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared")) / "references" / "digests"


def main(argv: list[str]) -> int:
    files = digest_files(argv or [ARCHIVE])
    rows = flagged = hits = 0
    t = time.process_time()
    for f in files:
        for i, r in enumerate(parse_file(f).rows, 1):
            rows += 1
            found = misspellings(r.summary, r.title)
            flagged += bool(found)
            for word, fix in found:
                hits += 1
                print(f"{f.parent.parent.name}/{f.parent.name}/{f.name}:{i}\t{word}\t{fix}")
    cpu = time.process_time() - t
    print(f"{rows} rows in {len(files)} files; {hits} hits in {flagged} rows ({flagged / max(1, rows):.1%}); "
          f"{cpu:.2f} s CPU", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
