"""Errors that the CLI turns into one clear line (never a traceback)."""


class DigestgenError(Exception):
    """Base class: the message says what is wrong and how to fix it."""

    exit_code = 1


class UsageError(DigestgenError):
    exit_code = 2


class OfflineMiss(DigestgenError):
    """The cache does not hold a response that an offline run needs."""


class SourceError(DigestgenError):
    """A source answered, but not with something usable (after retries)."""


class EmptyDay(DigestgenError):
    """A day with no papers: nothing is written."""
