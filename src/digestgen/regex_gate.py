"""Faster regexes with the same matches: a lookahead on the characters a match can start with.

Python's regex engine tries a pattern such as ``\\b(objective|goal|...)`` at every
position of the text. Prefixing ``(?=[ogm...])`` (the first characters any match
can start with, worked out from the parsed pattern) lets most positions fail on
one character test. A match must start with one of those characters, so the
matches are exactly the same; where the first characters cannot be worked out
(a pattern that can match the empty string, a construct not handled here) the
pattern is compiled unchanged.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# Zero-width ops consume nothing: skipping them leaves a superset of the first characters, so the gate stays exact.
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_SPACE: r"\s"}


class _Unknown(Exception):
    pass


def _firsts(seq) -> tuple[set[str], bool]:
    """(first characters as class items, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, arg in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            out.add(re.escape(chr(arg)))
            return out, False
        if op is _c.IN:
            for iop, iarg in arg:
                if iop is _c.LITERAL:
                    out.add(re.escape(chr(iarg)))
                elif iop is _c.RANGE:
                    out.add(f"{re.escape(chr(iarg[0]))}-{re.escape(chr(iarg[1]))}")
                elif iop is _c.CATEGORY and iarg in _CATEGORIES:
                    out.add(_CATEGORIES[iarg])
                else:
                    raise _Unknown
            return out, False
        if op is _c.SUBPATTERN:
            sub, empty = _firsts(arg[-1])
        elif op is _c.BRANCH:
            sub, empty = set(), False
            for alt in arg[1]:
                s, e = _firsts(alt)
                sub |= s
                empty = empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            sub, empty = _firsts(arg[2])
            empty = empty or arg[0] == 0
        else:
            raise _Unknown
        out |= sub
        if not empty:
            return out, False
    return out, True


def gated(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, prefixed with a first-character lookahead where that is safe."""
    try:
        chars, empty = _firsts(_p.parse(pattern, flags))
    except _Unknown:
        return re.compile(pattern, flags)
    if empty or not chars:
        return re.compile(pattern, flags)
    try:
        return re.compile(f"(?=[{''.join(sorted(chars))}])(?:{pattern})", flags)
    except re.error:  # e.g. inline global flags, which must open the pattern
        return re.compile(pattern, flags)


# Escapes that name a character by code (\x41 is "A", which the lower-cased text no longer holds), or an octal or
# back reference: a pattern holding one is not lowered.
_CODED = re.compile(r"\\[xuUN0-9]")


class LowerGate:
    """``rx.search`` with a cheaper first question on ASCII text: an IGNORECASE pattern written in lower case finds,
    without the flag, the same spans in the lower-cased text (ASCII case folding is plain lower-casing and keeps every
    offset), and the regex engine runs faster there. A miss there is the answer; a hit searches ``rx`` itself, so the
    match returned is always rx's own. Other text, and patterns that are not plainly lower case, search ``rx``.
    Every other attribute (``pattern``, ``sub``, ``finditer``...) is rx's."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        lowerable = bool(rx.flags & re.IGNORECASE) and rx.pattern == rx.pattern.lower() and not _CODED.search(rx.pattern)
        self.low = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE) if lowerable else None

    def search(self, text: str):
        if self.low is not None and text.isascii() and self.low.search(text.lower()) is None:
            return None
        return self.rx.search(text)

    def __getattr__(self, name: str):
        return getattr(self.rx, name)
