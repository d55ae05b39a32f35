"""Write the archive vocabulary the misspelling check (digestgen.spelling) reads: every lower-case alphabetic word
of the reference archive's titles and summaries used at least 3 times, with its count.

    python evals/validator_typo_vocab.py [ARCHIVE] > src/digestgen/data/archive_vocab.txt

A word the archive's writers used 3+ times is a technical term the English dictionary lacks ("tokenizer",
"multimodal"), not a typo, unless a far more frequent archive word is one or two edits away (spelling.py's rule).
"""
from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

from digestgen.parse import parse_file
from digestgen.validate import digest_files

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared")) / "references" / "digests"
MIN_COUNT = 3


def main(argv: list[str]) -> int:
    counts: Counter = Counter()
    files = digest_files(argv or [ARCHIVE])
    for f in files:
        for r in parse_file(f).rows:
            counts.update(re.findall(r"[a-z]+", f"{r.title} {r.summary}".lower()))
    print(f"# archive vocabulary: {len(files)} digest files, words used >= {MIN_COUNT} times "
          f"(evals/validator_typo_vocab.py)")
    for w, c in sorted(counts.items()):
        if c >= MIN_COUNT and len(w) > 1:
            print(f"{w} {c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
