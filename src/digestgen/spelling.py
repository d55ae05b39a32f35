"""Misspelled words in a summary ("embeddins", "practioners"): the validator's ``fluency:typo`` check.

The class of text it handles: a lower-case alphabetic word of the summary that is a slip of the keyboard for a
common word, one or two edits away from it. A word is a candidate only when all of these hold:

- it is lower-case, alphabetic, 7 to 30 letters (``MIN_LEN``, ``MAX_LEN``), and not part of a hyphenated or
  apostrophe compound;
- the English dictionary of ``pyspellchecker`` (a word-frequency list) does not know it;
- it is not in the row's title or abstract (the paper's own spelling, names, coined terms);
- it is not a technical term: the reference archive's writers used it fewer than 3 times
  (``data/archive_vocab.txt``, written by ``evals/validator_typo_vocab.py``), unless an archive word one or two
  edits away is used at least 50 times as often (a recurring typo such as "practioners", 17 uses against
  "practitioners", 4,637);
- it is not a known word with a productive prefix or suffix ("reranked", "subproblems", "voxelwise") nor two known
  words run together ("gridworld");
- a frequent word (dictionary frequency >= ``MIN_FREQ``, or an archive word used >= 3 times) is within edit distance
  1-2 (the suggested correction, shown in the message).

``pyspellchecker`` is imported lazily; without it the check is skipped (no finding), never a crash.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache, reduce
from importlib import resources
from itertools import filterfalse
from operator import or_

CODE = "fluency:typo"
MIN_LEN = 7  # in shorter words one edit reaches another word too easily ("lossy" -> "loss", "amodal" -> "modal")
MIN_FREQ = 100  # dictionary count for a "frequent" correction ("embeddings" is 50 there: the archive covers it)
MAX_LEN = 30  # longer runs of letters are not words (and one edit of them is costly)
MIN_LEN_2 = 8  # two edits only for words this long
ARCHIVE_MIN = 3
RECURRING_RATIO = 50

# a word standing alone: no letter, digit, hyphen or apostrophe on either side (parts of compounds are left alone)
_WORD = re.compile(r"(?<![\w\-'’/.])[a-z]{%d,%d}(?![\w\-'’/]|\.\w)" % (MIN_LEN, MAX_LEN))
_PREFIXES = ("re", "sub", "un", "over", "under", "multi", "pre", "de", "non", "inter", "super", "cyber", "bio",
             "micro", "meta", "auto", "hyper", "semi", "co", "dis", "mis", "out", "up", "down", "cross", "self",
             "intra", "trans", "post", "mid", "macro", "mini", "omni", "pseudo", "quasi", "neuro", "geo", "tele", "on")
# suffix -> what the stem may end with instead ("" = nothing): "quantizes" -> "quantize", "reranked" -> "rerank"
_SUFFIXES = (("s", ("",)), ("es", ("", "e")), ("ed", ("", "e")), ("ing", ("", "e")), ("er", ("", "e")),
             ("ers", ("", "e")), ("ly", ("", "le")), ("ity", ("", "e")), ("ness", ("", "y")), ("wise", ("",)),
             ("able", ("", "e", "ate")), ("ability", ("", "e", "ate")), ("ize", ("", "e", "y")),
             ("izes", ("", "e", "y")), ("ized", ("", "e", "y")), ("ization", ("", "e", "y", "ize")),
             ("isation", ("", "e", "y", "ise")), ("ise", ("", "e")), ("ised", ("", "e")), ("ises", ("", "e")),
             ("ally", ("", "al")), ("ment", ("",)), ("al", ("", "e")), ("ic", ("", "y")), ("ful", ("",)),
             ("less", ("",)), ("ified", ("", "e", "y")), ("ation", ("", "e", "ate")),
             ("ations", ("", "e", "ate")), ("ist", ("", "y")), ("ists", ("", "y")), ("ish", ("",)),
             ("ies", ("y",)), ("ied", ("y",)), ("ifies", ("", "e", "y")), ("ify", ("", "e", "y", "ic")),
             ("izing", ("", "e", "ize")), ("ics", ("", "ic", "al", "ial")), ("ant", ("", "e", "ance")),
             ("or", ("", "e", "ate")), ("ors", ("", "e", "ate")))
# British spellings of a known American word ("behaviour", "optimisation", "generalisable", "centre", "modelled")
_BRITISH = ((re.compile(r"our(?=s?$|ed$|ing$|able$|ite|ites$)"), "or"),
            (re.compile(r"is(?=e|ation|ing|able|abil)"), "iz"),
            (re.compile(r"tre(?=s?$)"), "ter"), (re.compile(r"([aeiou])ll(?=ed$|ing$|er$|ers$)"), r"\1l"),
            (re.compile(r"ogue(?=s?$)"), "og"))


@lru_cache(maxsize=1)
def _checker():
    """The English dictionary (word -> frequency), or None when pyspellchecker is not installed."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=1)
def archive_vocab() -> dict[str, int]:
    text = resources.files("digestgen").joinpath("data/archive_vocab.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            w, _, c = line.partition(" ")
            out[w] = int(c)
    return out


class _Bits(dict):
    """letter -> its bit (a = 1, b = 2, ...); any other character gets ``1 << (ord(ch) - 97)`` as well."""

    def __missing__(self, ch: str) -> int:
        return 1 << (ord(ch) - 97)


_BITS = _Bits({chr(97 + i): 1 << i for i in range(26)})


def _mask(word: str) -> int:
    """The set of the word's letters as bits: a slip's letters are a subset or a superset of the word's."""
    return reduce(or_, map(_BITS.__getitem__, word), 0)


@lru_cache(maxsize=1)
def _frequent() -> dict[tuple[str, int], list[str]]:
    """Frequent words bucketed by (first letter, length): where distance-2 corrections are looked for (each
    bucket's letter masks are worked out when a word first looks there, ``_bucket``)."""
    sp = _checker()
    words = {w for w, c in sp.word_frequency.dictionary.items() if c >= MIN_FREQ and w.isascii() and w.isalpha()}
    words |= {w for w, c in archive_vocab().items() if c >= ARCHIVE_MIN}
    buckets: dict[tuple[str, int], list[str]] = {}
    for w in words:
        buckets.setdefault((w[0], len(w)), []).append(w)
    return buckets


@lru_cache(maxsize=None)  # at most one entry per (first letter, length) of the frequent words
def _bucket(first: str, n: int):
    """The frequent words of one bucket, and their letter masks (``_mask``): an int64 array worked out at once with
    numpy, or a tuple without it (or for a word beyond a-z)."""
    words = tuple(_frequent().get((first, n), ()))
    try:
        import numpy as np
    except ImportError:  # numpy is a base dependency; the check still runs without it
        return words, tuple(map(_mask, words))
    codes = np.frombuffer("".join(words).encode("utf-8"), dtype=np.uint8)
    if codes.size != n * len(words) or not words or codes.min() < 97 or codes.max() > 122:
        return words, tuple(map(_mask, words))
    masks = np.bitwise_or.reduce(np.left_shift(np.int64(1), codes.reshape(len(words), n).astype(np.int64) - 97), axis=1)
    return words, masks


def _near_masks(m: int, masks) -> list[int]:
    """Indices of the masks that hold all of ``m``'s letters or only letters of ``m`` (a slip's letters are a
    subset or a superset of the word's)."""
    if isinstance(masks, tuple):
        return [i for i, wm in enumerate(masks) if m & ~wm == 0 or wm & ~m == 0]
    return ((masks & m == m) | (masks | m == m)).nonzero()[0].tolist()


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    """The dictionary's words (its keys), as a frozenset: membership is asked of every long word of every row, and a
    frozenset answers it faster than the word -> frequency dict."""
    return frozenset(_checker().word_frequency.dictionary)


def _known(word: str) -> bool:
    return word in _dictionary_words() or archive_vocab().get(word, 0) >= ARCHIVE_MIN


def _frequent_word(word: str) -> bool:
    sp = _checker()
    return sp.word_frequency.dictionary.get(word, 0) >= MIN_FREQ or archive_vocab().get(word, 0) >= ARCHIVE_MIN


def british(word: str) -> bool:
    """A British spelling of a known word: not a typo."""
    for rx, us in _BRITISH:
        alt = rx.sub(us, word)
        if alt != word and (_known(alt) or derived_suffix(alt)):
            return True
    return False


def derived(word: str) -> bool:
    """A known word with a productive prefix or suffix, a British spelling, or two known words run together (each
    3+ letters, frequent)."""
    if british(word) or any(_known(word + s) for s in ("s", "es", "ed", "ing")):
        return True  # a British spelling; a base form whose inflection is known ("heatmap" of "heatmaps")
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 4 and (_known(word[len(p):]) or derived_suffix(word[len(p):])):
            return True
    if derived_suffix(word):
        return True
    return any(_frequent_word(word[:i]) and _frequent_word(word[i:]) for i in range(4, len(word) - 3))


def derived_suffix(word: str) -> bool:
    for suf, ends in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[: -len(suf)]
            if any(_known(stem + e) for e in ends) or (len(stem) > 3 and stem[-1] == stem[-2] and _known(stem[:-1])):
                return True
    return False


def _distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (a transposition counts 1), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def correction(word: str) -> str | None:
    """The nearest frequent word that the word is a slip of (``slip``), the most used first: one edit away, else
    (words of ``MIN_LEN_2`` letters or more) two edits away with the same first letter, else None.
    Two edits in a short word reach unrelated words ("vitro" -> "video")."""
    sp = _checker()
    freq = sp.word_frequency.dictionary
    vocab = archive_vocab()

    def weight(w: str) -> tuple[int, int]:
        return vocab.get(w, 0), freq.get(w, 0)  # the archive's own usage first ("adressing" -> "addressing")

    e1 = sp.edit_distance_1(word)
    near = [w for w in (freq.keys() & e1) | (vocab.keys() & e1) if w != word and _frequent_word(w) and slip(word, w)]
    if not near and len(word) >= MIN_LEN_2:
        m = _mask(word)
        for n in range(len(word) - 2, len(word) + 3):
            words, masks = _bucket(word[0], n)
            near += [w for w in map(words.__getitem__, _near_masks(m, masks))
                     if w != word and slip(word, w) and _distance(word, w) <= 2]
    return max(near, key=lambda w: (weight(w), w)) if near else None


def slip(typo: str, word: str) -> bool:
    """The typo keeps the word's letters: letters dropped ("requred"), added ("similiar") or swapped ("knolwedge"),
    never replaced. A replaced letter is where real variants live ("perceptron" / "perception")."""
    a, b = Counter(typo), Counter(word)
    return a <= b or b <= a


def misspellings(summary: str, title: str = "", abstract: str | None = None) -> list[tuple[str, str]]:
    """(word, suggested correction) for every misspelling candidate in the summary, in order, each word once.
    Empty when pyspellchecker is not installed."""
    sp = _checker()
    if sp is None:
        return []
    own: set[str] | None = None
    out: list[tuple[str, str]] = []
    for w in list(filterfalse(_dictionary_words().__contains__, dict.fromkeys(_WORD.findall(summary)))):
        if own is None:
            own = set(re.findall(r"[a-z]+", f"{title} {abstract or ''}".lower()))
        if w in own:
            continue
        fix = typo_of(w)
        if fix is not None:
            out.append((w, fix))
    return out


@lru_cache(maxsize=1 << 16)
def typo_of(word: str) -> str | None:
    """The word ``word`` is a slip of, or None: a word the dictionary lacks, judged without its row."""
    if derived(word):
        return None
    count = archive_vocab().get(word, 0)
    fix = correction(word)
    if fix is not None and count >= ARCHIVE_MIN and archive_vocab().get(fix, 0) < RECURRING_RATIO * count:
        return None  # a technical term the archive uses, not a recurring slip of a far commoner word
    return fix
