"""Question and passage terms: tokens, stems, stopwords, numbers; background document frequencies."""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from importlib import resources

_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")

STOPWORDS = frozenset("""
a about above after again against all also am an and any anything are aren as at be because been before being
below between both but by can could did do does doing done down during each either else ever every few for from
further had has have having he her here hers him his how i if in into is isn it its itself just let me might more
most much must my no nor not of off on once one only or other our ours out over own per same she should so some
such than that the their theirs them then there these they this those through to too under until up upon us very
was we were what when where whether which while who whom whose why will with within without would yet you your
""".split())
# Words that frame a question about papers but say nothing about which paper: "which of today's papers...".
QUESTION_WORDS = frozenset("""
paper papers work works article articles study studies today todays week weekly day daily digest digests
anything something someone somebody tell show find list name give mention mentions mentioned describe described
propose proposes proposed introduce introduces introduced present presents presented new s
""".split())


# Everyday verbs and quantifiers that questions use to paraphrase what a paper does ("lets X choose", "gets 2.15
# FID", "cuts memory"). Abstracts in the archive's formal register rarely use them, so their archive idf would
# make them look as telling as a method's name; they weigh ``GENERIC_WEIGHT`` instead.
GENERIC = frozenset("""
let lets allow allows enable enables help helps make makes get gets got give gives take takes put puts keep keeps
choose chooses change changes turn turns try tries cut cuts reach reaches hit hits beat beats win wins run runs
build builds teach teaches learn learns look looks see sees say says tell tells know knows think thinks feel want
need needs seem seems mean means call calls bring brings come comes go goes work use uses used using apply applies
report reports reported achieve achieves achieved show shows shown claim claims get add adds set sets find finds
do does deal deals handle handles address addresses tackle tackles focus focuses aim aims try attempt attempts
several many various multiple few lot lots much more less better best good well really actually also instead
one two three way ways thing things kind kinds type types part parts able without
""".split())
GENERIC_WEIGHT = 0.5


@functools.lru_cache(maxsize=1)
def _stemmer():
    try:
        import Stemmer  # PyStemmer, the stemmer bm25s uses

        return Stemmer.Stemmer("english")
    except ImportError:  # pragma: no cover - PyStemmer ships with the qa extra
        return None


_ACRONYM_PLURAL = re.compile(r"^[b-df-hj-np-tv-z0-9]{2,}s$")  # llms, vlms, gpus: no vowel before the s


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if _ACRONYM_PLURAL.match(word):
        word = word[:-1]
    s = _stemmer()
    if s is not None:
        return s.stemWord(word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphenated and slashed words split into their parts."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if t not in STOPWORDS]


def key_terms(question: str) -> list[str]:
    """The stems a relevant passage should contain: no stopwords, no question framing, no pure numbers."""
    out: list[str] = []
    for t in tokens(question):
        if t in STOPWORDS or t in QUESTION_WORDS or len(t) < 2 or re.fullmatch(r"[0-9.]+", t):
            continue
        s = stem(t)
        if s not in out:
            out.append(s)
    return out


@functools.lru_cache(maxsize=1)
def background_df() -> tuple[int, dict[str, int]]:
    """Document frequencies of stems over the reference archive's ~4,800 rows (shipped as package data).

    They say how telling a word is in AI-paper prose in general, so a question's rare words weigh more than
    "model" or "language" whatever the scope; build with ``python -m digestgen.qa.terms ARCHIVE_DIR``.
    """
    try:
        raw = resources.files("digestgen.qa").joinpath("data/df.json.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return 0, {}
    data = json.loads(gzip.decompress(raw))
    return int(data["n"]), data["df"]


@functools.lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in GENERIC)


def weight(term: str) -> float:
    """How much a key term's presence says: its idf, or ``GENERIC_WEIGHT`` for everyday verbs and quantifiers."""
    if term in _generic_stems():
        return GENERIC_WEIGHT
    return idf(term)


def idf(term: str) -> float:
    """Smoothed idf from the background frequencies; a stem the archive never uses counts as rarest."""
    n, df = background_df()
    return math.log(1 + (n + 1) / (df.get(term, 0) + 1))


def build_df(dirs: list[str]) -> dict:
    """Document frequency of every stem over the rows (title + summary) of the digests under ``dirs``."""
    from pathlib import Path

    from ..parse import parse_file

    df: dict[str, int] = {}
    n = 0
    for root in dirs:
        for path in sorted(Path(root).rglob("*.md")):
            for row in parse_file(path).rows:
                n += 1
                for s in set(stems(row.title + " " + row.summary)):
                    df[s] = df.get(s, 0) + 1
    return {"n": n, "df": {k: v for k, v in sorted(df.items()) if v >= 2}}


if __name__ == "__main__":  # pragma: no cover - maintenance script
    import sys

    target = resources.files("digestgen.qa").joinpath("data/df.json.gz")
    data = build_df(sys.argv[1:])
    with gzip.open(str(target), "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
    print(f"{data['n']} rows, {len(data['df'])} stems -> {target}")
