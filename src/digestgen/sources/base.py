"""The two interfaces every paper source implements, with typed requests.

* a **listing** turns a :class:`ListingRequest` (a day, or a query) into the papers listed for
  it, in order (ids plus what the list shows: title, names, upvotes);
* a **metadata** source turns a :class:`MetadataRequest` (arXiv ids) into full :class:`Paper`
  records (title, authors, abstract, categories).

``fetch_day`` depends only on these two. Every raw response is stored in the cache before it
is parsed; with ``offline=True`` only the cache is read, and a miss raises
:class:`digestgen.errors.OfflineMiss` with a one-line fix.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..cache import Cache
from ..errors import SourceError
from ..types import Paper


class ListingRequest(BaseModel):
    """What to list: the papers of ``day``, or the answer to a source-specific ``query``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    day: dt.date | None = None
    query: str | None = Field(default=None, description="e.g. an arXiv query: cat:cs.CL AND submittedDate:[...]")
    max_results: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _one(self) -> "ListingRequest":
        if (self.day is None) == (self.query is None):
            raise ValueError("a listing request names a day or a query (one of them)")
        return self


class MetadataRequest(BaseModel):
    """Which papers to describe: arXiv ids (canonical, e.g. ``2502.19613``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ids: tuple[str, ...]

    @field_validator("ids", mode="before")
    @classmethod
    def _canonical(cls, value):
        from ..ids import canonical_id

        return tuple(canonical_id(i) for i in value)


class Source(ABC):
    """What every source shares: a cache, offline mode, and construction from Settings."""

    name: str = "source"

    def __init__(self, cache: Cache, *, offline: bool = False):
        self.cache = cache
        self.offline = offline

    @classmethod
    def from_settings(cls, settings, cache: Cache, *, offline: bool = False) -> "Source":
        """A source configured from :class:`digestgen.config.Settings` (endpoints); override to read more."""
        return cls(cache, offline=offline)


class ListingSource(Source):
    @abstractmethod
    def list(self, request: ListingRequest) -> list[Paper]:
        """The papers listed for ``request``, in the source's order."""


@dataclass
class MetadataAnswer:
    """What a metadata source could say about each requested id: a record, or why it could not be fetched.

    Ids in neither are unknown to the source (it answered without them)."""

    papers: list[Paper] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # arxiv_id -> why (one line, after the retries)


class MetadataSource(Source):
    @abstractmethod
    def describe(self, request: MetadataRequest) -> list[Paper]:
        """Full records for the requested ids; ids the source does not know are left out."""

    def describe_each(self, request: MetadataRequest) -> MetadataAnswer:
        """Like :meth:`describe`, but a fetch that fails (after the source's retries) fails only the ids it
        concerned, each with the reason, instead of the whole request.

        This default knows no finer unit than the request: a :class:`SourceError` fails every id in it.
        Sources that fetch in batches override it so that one failed batch fails only its own ids.
        An offline cache miss is not a fetch failure: it is raised (the fix is a live run).
        """
        try:
            return MetadataAnswer(papers=self.describe(request))
        except SourceError as exc:
            return MetadataAnswer(failed={i: str(exc) for i in request.ids})
