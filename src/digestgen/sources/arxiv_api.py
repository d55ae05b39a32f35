"""arXiv metadata through the ``arxiv`` package, with every raw Atom page kept in the cache.

The real ``arxiv.Client`` does the querying, paging and parsing. Its HTTP session
gets a transport adapter that stores each good response in the cache (live) or
serves it from the cache (offline), so an offline run parses exactly what a live
run parsed. One request at a time, at least ``delay_seconds`` apart (arXiv's
terms ask for 3 s); transient failures are retried with exponential backoff.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit

from ..errors import OfflineMiss, SourceError
from ..ids import canonical_id
from ..retry import RETRYABLE_STATUS, BackoffWait, RetryableHTTP, log_before_sleep, parse_retry_after
from ..types import Paper
from .base import ListingRequest, ListingSource, MetadataAnswer, MetadataRequest, MetadataSource

def _configured(field: str) -> str:
    from ..config import current

    return getattr(current(), field)


log = logging.getLogger("digestgen.sources.arxiv")

DEFAULT_QUERY_URL = "https://export.arxiv.org/api/query"
ID_BATCH = 100  # ids per request: one page


def _looks_like_atom(content: bytes) -> bool:
    from lxml import etree

    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return root is not None and root.tag == "{http://www.w3.org/2005/Atom}feed"


def _make_adapter(source: "ArxivSource"):
    import requests
    from requests.adapters import HTTPAdapter

    class CachingAdapter(HTTPAdapter):
        """Live: send with a timeout and keep good Atom pages. Offline: answer from the cache."""

        def send(self, request, **kwargs):
            key = urlsplit(request.url).query
            cached = source.cache.get(source.name, key)
            if cached is not None or source.offline:
                if cached is None:
                    raise OfflineMiss(source.cache.offline_miss(
                        source.name, key, f"arXiv response for this request ({source.short(key)})"))
                resp = requests.Response()
                resp.status_code = 200
                resp._content = cached
                resp.url = request.url
                resp.request = request
                resp.headers["Content-Type"] = "application/atom+xml"
                return resp
            kwargs["timeout"] = source.timeout
            resp = super().send(request, **kwargs)
            if resp.status_code in RETRYABLE_STATUS:
                raise RetryableHTTP(request.url, resp.status_code, parse_retry_after(resp.headers.get("Retry-After")))
            if resp.status_code == 200:
                if not _looks_like_atom(resp.content):
                    raise RetryableHTTP(request.url, 200, detail="malformed Atom feed")
                source.cache.put(source.name, key, resp.content, content_type="application/atom+xml")
            return resp

    return CachingAdapter()


class ArxivSource(MetadataSource):
    """Metadata for arXiv ids (and, for :class:`ArxivQueryListing`, the answers to arXiv queries)."""

    name = "arxiv"

    @classmethod
    def from_settings(cls, settings, cache, *, offline: bool = False) -> "ArxivSource":
        return cls(cache, offline=offline, query_url=settings.arxiv_url)

    def describe(self, request: MetadataRequest) -> list[Paper]:
        return self.fetch_ids(list(request.ids))

    def describe_each(self, request: MetadataRequest) -> MetadataAnswer:
        """One request per batch of ``batch_size`` ids: a batch that still fails after the retries fails only
        its own ids, each with the reason; the other batches' papers are returned."""
        import arxiv

        self.client()  # an arxiv package whose internals changed is one error for the day, not per paper
        wanted = sorted(set(request.ids))
        found: dict[str, Paper] = {}
        failed: dict[str, str] = {}
        for start in range(0, len(wanted), self.batch_size):
            batch = wanted[start:start + self.batch_size]
            try:
                papers = self._run(arxiv.Search(id_list=batch, max_results=len(batch)))
            except SourceError as exc:
                log.warning("%s (%d paper(s) of the day left without arXiv metadata)", exc, len(batch))
                failed.update(dict.fromkeys(batch, str(exc)))
                continue
            for paper in papers:
                found.setdefault(paper.arxiv_id, paper)
        return MetadataAnswer(papers=[found[i] for i in wanted if i in found], failed=failed)

    def __init__(self, cache, *, offline: bool = False, query_url: str | None = None,
                 delay_seconds: float = 3.0, timeout: float = 30.0, max_attempts: int = 5,
                 backoff: BackoffWait | None = None, max_results: int = 200, batch_size: int = ID_BATCH):
        super().__init__(cache, offline=offline)
        self.query_url = (query_url or _configured("arxiv_url") or DEFAULT_QUERY_URL).rstrip("?")
        self.delay_seconds = delay_seconds
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.backoff = backoff or BackoffWait(initial=3.0, maximum=60.0)
        self.max_results = max_results
        self.batch_size = max(1, min(batch_size, ID_BATCH))
        self._client = None
        self._lock = threading.Lock()  # one request at a time, whoever asks

    @staticmethod
    def short(query: str) -> str:
        return query if len(query) < 120 else query[:117] + "..."

    def client(self):
        import arxiv

        if self._client is None:
            client = arxiv.Client(page_size=ID_BATCH, delay_seconds=0.0 if self.offline else self.delay_seconds,
                                  num_retries=0)
            session = check_arxiv_internals(client)
            client.query_url_format = self.query_url + "?{}"
            adapter = _make_adapter(self)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            self._client = client
        return self._client

    def fetch(self, request: str) -> list[Paper]:
        if request.startswith("id_list:"):
            ids = [i for i in request[len("id_list:"):].split(",") if i]
            return self.fetch_ids(ids)
        return self.query(request)

    def fetch_ids(self, ids: list[str]) -> list[Paper]:
        """Papers for ``ids`` (canonical, sorted, batched); ids arXiv does not know are left out."""
        import arxiv

        wanted = sorted({canonical_id(i) for i in ids})
        found: dict[str, Paper] = {}
        for start in range(0, len(wanted), self.batch_size):
            batch = wanted[start:start + self.batch_size]
            for paper in self._run(arxiv.Search(id_list=batch, max_results=len(batch))):
                found.setdefault(paper.arxiv_id, paper)
        return [found[i] for i in wanted if i in found]

    def query(self, query: str, max_results: int | None = None) -> list[Paper]:
        import arxiv

        search = arxiv.Search(query=query, max_results=max_results or self.max_results,
                              sort_by=arxiv.SortCriterion.SubmittedDate)
        return self._run(search)

    def _run(self, search) -> list[Paper]:
        import arxiv
        import requests
        import tenacity

        @tenacity.retry(
            retry=tenacity.retry_if_exception_type(
                (RetryableHTTP, arxiv.HTTPError, arxiv.UnexpectedEmptyPageError,
                 requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)),
            wait=self.backoff,
            stop=tenacity.stop_after_attempt(self.max_attempts),
            before_sleep=log_before_sleep,
            reraise=True,
        )
        def attempt() -> list[Paper]:
            return [_to_paper(r) for r in self.client().results(search)]

        with self._lock:
            try:
                return attempt()
            except OfflineMiss:
                raise
            except arxiv.HTTPError as exc:
                raise SourceError(f"arXiv: HTTP {exc.status} for {self.short(str(search))}") from None
            except RetryableHTTP as exc:  # named by the endpoint, not the whole query (a row shows this reason)
                raise SourceError(f"arXiv: {str(exc).replace(exc.url, self.query_url)} "
                                  f"(gave up after {self.max_attempts} attempts)") from None
            except requests.exceptions.ChunkedEncodingError:  # the body was cut off: a truncated answer
                raise SourceError(f"arXiv: the answer from {self.query_url} was cut off (truncated body; gave up after "
                                  f"{self.max_attempts} attempts)") from None
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise SourceError(f"arXiv: cannot reach {self.query_url}: {type(exc).__name__} "
                                  "(check the network or use --offline)") from None


SUPPORTED_ARXIV_MAJOR = 4  # pinned in pyproject.toml: the adapter below relies on this major version's internals


def check_arxiv_internals(client):
    """The ``arxiv`` client's private ``requests`` session and URL format, or one loud error if they changed.

    The cache adapter is mounted on ``Client._session`` and the endpoint set through
    ``Client.query_url_format``: neither is public API, so the major version is pinned and
    this check (and its test) fails loudly, instead of silently bypassing the cache, when
    a new release moves them.
    """
    import requests

    session = getattr(client, "_session", None)
    if not isinstance(session, requests.Session) or not isinstance(getattr(client, "query_url_format", None), str):
        from importlib.metadata import version

        raise SourceError(f"the installed arxiv package ({version('arxiv')}) changed the internals digestgen uses "
                          f"(Client._session, Client.query_url_format): install arxiv {SUPPORTED_ARXIV_MAJOR}.x")
    return session


class ArxivQueryListing(ListingSource):
    """A listing from an arXiv query (``cat:cs.CL AND submittedDate:[...]``); answers carry full records."""

    name = "arxiv_query"

    def __init__(self, cache, *, offline: bool = False, arxiv: ArxivSource | None = None, **options):
        super().__init__(cache, offline=offline)
        self.arxiv = arxiv or ArxivSource(cache, offline=offline, **options)

    @classmethod
    def from_settings(cls, settings, cache, *, offline: bool = False) -> "ArxivQueryListing":
        return cls(cache, offline=offline, query_url=settings.arxiv_url)

    def list(self, request: ListingRequest) -> list[Paper]:
        if request.query is None:
            raise SourceError("the arxiv_query listing answers queries, not days (use hf_daily for a day)")
        return self.arxiv.query(request.query, max_results=request.max_results)


def _to_paper(result) -> Paper:
    abstract = " ".join((result.summary or "").split()) or None
    return Paper(
        arxiv_id=canonical_id(result.get_short_id()),
        title=" ".join(result.title.split()),
        authors=[" ".join(a.name.split()) for a in result.authors],
        abstract=abstract,
        categories=list(result.categories),
        published=result.published,
    )
