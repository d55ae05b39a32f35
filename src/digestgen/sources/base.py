"""The one interface every paper source implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

from ..cache import Cache
from ..types import Paper


class Source(ABC):
    """Turns a request (a date, a list of ids, a query) into papers.

    Every raw response is stored in ``cache`` before it is parsed; with
    ``offline=True`` only the cache is read, and a miss raises
    :class:`digestgen.errors.OfflineMiss` with a one-line fix.
    """

    name: str = "source"

    def __init__(self, cache: Cache, *, offline: bool = False):
        self.cache = cache
        self.offline = offline

    @abstractmethod
    def fetch(self, request: str) -> list[Paper]:
        """The papers that answer ``request``, in the source's order."""
