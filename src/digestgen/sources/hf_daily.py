"""The Hugging Face daily papers list, through its JSON API (never the HTML page)."""

from __future__ import annotations

import datetime as dt
import json
import logging

from ..errors import OfflineMiss, SourceError
from ..ids import canonical_id, is_arxiv_id
from ..retry import RETRYABLE_STATUS, BackoffWait, RetryableHTTP, log_before_sleep, parse_retry_after
from ..types import Paper
from .base import ListingRequest, ListingSource

def _configured(field: str) -> str:
    from ..config import current

    return getattr(current(), field)


log = logging.getLogger("digestgen.sources.hf_daily")

DEFAULT_BASE_URL = "https://huggingface.co/api"


def parse_daily_papers(content: bytes) -> list[Paper]:
    """Parse a ``/api/daily_papers`` response into papers (abstracts as HF shows them)."""
    try:
        data = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"HF daily list: malformed JSON ({exc})") from exc
    if not isinstance(data, list):
        raise SourceError(f"HF daily list: expected a JSON list, got {type(data).__name__}")
    papers: list[Paper] = []
    for item in data:
        if not isinstance(item, dict):
            raise SourceError("HF daily list: an item is not a JSON object")
        paper = item.get("paper") if isinstance(item.get("paper"), dict) else {}
        raw_id = str(paper.get("id") or item.get("id") or "")
        if not is_arxiv_id(raw_id):
            log.warning("HF daily list: skipping item without an arXiv id (%r)", raw_id)
            continue
        authors = []
        for a in paper.get("authors") or []:
            if isinstance(a, dict) and a.get("name") and not a.get("hidden"):
                authors.append(str(a["name"]).strip())
        title = " ".join(str(paper.get("title") or item.get("title") or "").split())
        summary = " ".join(str(paper.get("summary") or item.get("summary") or "").split()) or None
        published = paper.get("publishedAt") or item.get("publishedAt")
        papers.append(
            Paper(
                arxiv_id=canonical_id(raw_id),
                title=title,
                hf_authors=authors,
                abstract=summary,
                published=published or None,
                upvotes=paper.get("upvotes") if isinstance(paper.get("upvotes"), int) else None,
            )
        )
    return papers


class HFDailySource(ListingSource):
    """The listing of a day: ``GET {base}/daily_papers?date=YYYY-MM-DD``."""

    name = "hf_daily"

    @classmethod
    def from_settings(cls, settings, cache, *, offline: bool = False) -> "HFDailySource":
        return cls(cache, offline=offline, base_url=settings.hf_url)

    def list(self, request: ListingRequest) -> list[Paper]:
        if request.day is None:
            raise SourceError("the HF daily list answers days, not queries (use the arxiv_query listing)")
        papers = parse_daily_papers(self.raw(request.day))
        return papers[:request.max_results] if request.max_results else papers

    def __init__(self, cache, *, offline: bool = False, base_url: str | None = None,
                 timeout: float = 30.0, max_attempts: int = 5, backoff: BackoffWait | None = None):
        super().__init__(cache, offline=offline)
        self.base_url = (base_url or _configured("hf_url") or DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.backoff = backoff or BackoffWait(initial=1.0, maximum=30.0)

    @staticmethod
    def request_for(day: dt.date) -> str:
        return f"daily_papers?date={day.isoformat()}"

    def fetch(self, request: str) -> list[Paper]:
        """The papers of an ISO date (shorthand for :meth:`list`)."""
        return self.list(ListingRequest(day=dt.date.fromisoformat(request)))

    def raw(self, day: dt.date) -> bytes:
        req = self.request_for(day)
        cached = self.cache.get(self.name, req)
        if cached is not None:
            return cached
        if self.offline:
            raise OfflineMiss(self.cache.offline_miss(self.name, req, f"HF daily list for {day}"))
        content = self._download(req)
        # An empty list is not cached: HF fills a day's list during that day (and a weekend stays
        # empty anyway), so a scheduled run that came too early must see the list on its next try.
        if parse_daily_papers(content):
            self.cache.put(self.name, req, content, content_type="application/json")
        return content

    def _download(self, req: str) -> bytes:
        import httpx
        import tenacity

        url = f"{self.base_url}/{req}"

        @tenacity.retry(
            retry=tenacity.retry_if_exception_type((RetryableHTTP, httpx.TransportError, SourceError)),
            wait=self.backoff,
            stop=tenacity.stop_after_attempt(self.max_attempts),
            before_sleep=log_before_sleep,
            reraise=True,
        )
        def get() -> bytes:
            with httpx.Client(timeout=self.timeout, follow_redirects=True,
                              headers={"User-Agent": "digestgen (+https://github.com/digestgen)"}) as client:
                resp = client.get(url)
            if resp.status_code in RETRYABLE_STATUS:
                raise RetryableHTTP(url, resp.status_code, parse_retry_after(resp.headers.get("retry-after")))
            if resp.status_code != 200:
                raise _Fatal(f"HF daily list: HTTP {resp.status_code} from {url}")
            parse_daily_papers(resp.content)  # malformed JSON is retried, never cached
            return resp.content

        try:
            return get()
        except _Fatal as exc:
            raise SourceError(str(exc)) from None
        except RetryableHTTP as exc:
            raise SourceError(f"HF daily list: {exc} (gave up after {self.max_attempts} attempts)") from None
        except httpx.TransportError as exc:
            raise SourceError(f"HF daily list: cannot reach {url}: {exc} (check the network or use --offline)") from None


class _Fatal(Exception):
    """A failure that another try will not fix (4xx other than 408/409/425/429)."""
