"""The real fetchers (httpx for HF, the real `arxiv` client) against local servers that speak the real formats."""

import datetime as dt

import pytest

from digestgen.cache import Cache
from digestgen.errors import OfflineMiss, SourceError
from digestgen.fetch import fetch_day
from digestgen.retry import BackoffWait, parse_retry_after
from digestgen.sources.arxiv_api import ArxivSource
from digestgen.sources.hf_daily import HFDailySource
from digestgen.testing.servers import LocalServer, Reply, arxiv_handler, hf_daily_handler

DAY = "2025-02-28"
FAST = BackoffWait(initial=0.01, maximum=0.05, jitter=0)


@pytest.fixture
def papers(sample_papers):
    return sample_papers


@pytest.fixture
def hf_server(papers):
    with LocalServer(hf_daily_handler({DAY: papers})) as srv:
        yield srv


@pytest.fixture
def ax_server(papers):
    with LocalServer(arxiv_handler({p.arxiv_id: p for p in papers})) as srv:
        yield srv


def hf_source(tmp_path, srv, **kw):
    return HFDailySource(Cache(tmp_path / "cache"), base_url=srv.url + "/api", backoff=FAST, **kw)


def ax_source(tmp_path, srv, **kw):
    kw.setdefault("delay_seconds", 0)
    return ArxivSource(Cache(tmp_path / "cache"), query_url=srv.url + "/api/query", backoff=FAST, **kw)


# --- Hugging Face daily list -------------------------------------------------------------

def test_hf_daily_list_parses_and_caches(tmp_path, hf_server, papers):
    got = hf_source(tmp_path, hf_server).fetch(DAY)
    assert [p.arxiv_id for p in got] == [p.arxiv_id for p in papers]
    assert hf_server.requests[0].path == "/api/daily_papers"
    assert hf_server.requests[0].query["date"] == [DAY]
    # offline now answers from the cache, with no request
    again = HFDailySource(Cache(tmp_path / "cache"), offline=True).fetch(DAY)
    assert [p.model_dump() for p in again] == [p.model_dump() for p in got]
    assert len(hf_server.requests) == 1


def test_hf_429_honours_retry_after(tmp_path, hf_server, papers):
    hf_server.script(Reply.json({"error": "rate limited"}, status=429, headers={"Retry-After": "1"}))
    got = hf_source(tmp_path, hf_server).fetch(DAY)
    assert len(got) == len(papers)
    assert len(hf_server.requests) == 2
    assert hf_server.requests[1].at - hf_server.requests[0].at >= 0.9


def test_hf_5xx_and_malformed_json_are_retried_never_cached(tmp_path, hf_server, papers):
    hf_server.script(Reply(503, b"upstream down"), Reply(200, b'[{"paper": {"id": "2502.1'),
                     Reply(500, b"oops"))
    src = hf_source(tmp_path, hf_server)
    assert len(src.fetch(DAY)) == len(papers)
    assert len(hf_server.requests) == 4
    blobs = list((tmp_path / "cache" / "blobs").rglob("*/*"))
    assert len(blobs) == 1  # only the good answer was stored


def test_hf_gives_up_with_one_line(tmp_path, hf_server):
    hf_server.script(*[Reply(503, b"down")] * 3)
    with pytest.raises(SourceError, match=r"HTTP 503 .*gave up after 3 attempts"):
        hf_source(tmp_path, hf_server, max_attempts=3).fetch(DAY)


def test_hf_404_is_not_retried(tmp_path, hf_server):
    hf_server.script(Reply.json({"error": "nope"}, status=404))
    with pytest.raises(SourceError, match="HTTP 404"):
        hf_source(tmp_path, hf_server).fetch(DAY)
    assert len(hf_server.requests) == 1


def test_hf_timeout_is_retried(tmp_path, hf_server, papers):
    hf_server.script(Reply(200, b"[]", delay=1.0))
    got = hf_source(tmp_path, hf_server, timeout=0.3).fetch(DAY)
    assert len(got) == len(papers) and len(hf_server.requests) == 2


def test_hf_slow_stream_still_arrives_whole(tmp_path, hf_server, papers):
    from digestgen.testing.formats import daily_papers_json

    body = daily_papers_json(papers, dt.date(2025, 2, 28))
    hf_server.script(Reply(200, body, {"Content-Type": "application/json"}, chunks=5, chunk_delay=0.05))
    assert len(hf_source(tmp_path, hf_server).fetch(DAY)) == len(papers)


def test_hf_offline_miss_says_what_to_do(tmp_path):
    with pytest.raises(OfflineMiss, match=r"no HF daily list for 2031-01-01; run the same command without --offline"):
        HFDailySource(Cache(tmp_path), offline=True).fetch("2031-01-01")


def test_retry_after_http_date():
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("soon") is None


# --- arXiv through the real `arxiv` client ----------------------------------------------

def test_arxiv_ids_batch_through_the_real_client(tmp_path, ax_server, papers):
    ids = [p.arxiv_id + "v2" for p in papers]  # versions are dropped
    got = ax_source(tmp_path, ax_server).fetch_ids(ids)
    assert sorted(p.arxiv_id for p in got) == sorted(p.arxiv_id for p in papers)
    by_id = {p.arxiv_id: p for p in got}
    for p in papers:
        assert by_id[p.arxiv_id].authors == p.authors
        assert by_id[p.arxiv_id].title == p.title
        assert by_id[p.arxiv_id].abstract == p.abstract
    assert len(ax_server.requests) == 1
    assert ax_server.requests[0].query["id_list"][0].split(",") == sorted(p.arxiv_id for p in papers)


def test_arxiv_offline_reads_the_same_pages(tmp_path, ax_server, papers):
    live = ax_source(tmp_path, ax_server).fetch_ids([p.arxiv_id for p in papers])
    off = ArxivSource(Cache(tmp_path / "cache"), offline=True).fetch_ids([p.arxiv_id for p in papers])
    assert [p.model_dump() for p in off] == [p.model_dump() for p in live]
    assert len(ax_server.requests) == 1


def test_arxiv_retries_429_and_503_then_succeeds(tmp_path, ax_server, papers):
    ax_server.script(Reply(429, b"slow down", {"Retry-After": "0"}), Reply(503, b"busy"))
    got = ax_source(tmp_path, ax_server).fetch_ids([papers[0].arxiv_id])
    assert [p.arxiv_id for p in got] == [papers[0].arxiv_id]
    assert len(ax_server.requests) == 3


def test_arxiv_malformed_feed_is_retried_and_not_cached(tmp_path, ax_server, papers):
    ax_server.script(Reply(200, b"<feed><entry>broken", {"Content-Type": "application/atom+xml"}))
    src = ax_source(tmp_path, ax_server)
    got = src.fetch_ids([papers[0].arxiv_id])
    assert len(got) == 1 and len(ax_server.requests) == 2


def test_arxiv_gives_up_with_one_line(tmp_path, ax_server, papers):
    ax_server.script(*[Reply(502, b"bad gateway")] * 2)
    with pytest.raises(SourceError, match="arXiv: HTTP 502"):
        ax_source(tmp_path, ax_server, max_attempts=2).fetch_ids([papers[0].arxiv_id])


def test_arxiv_keeps_requests_apart(tmp_path, ax_server, papers):
    src = ax_source(tmp_path, ax_server, delay_seconds=0.4)
    src.fetch_ids([papers[0].arxiv_id])
    src.fetch_ids([papers[1].arxiv_id])
    gap = ax_server.requests[1].at - ax_server.requests[0].at
    assert gap >= 0.35


def test_arxiv_default_spacing_is_three_seconds(tmp_path):
    src = ArxivSource(Cache(tmp_path))
    assert src.delay_seconds == 3.0
    assert src.client().delay_seconds == 3.0


def test_arxiv_query_pages_through_results(tmp_path, ax_server, papers):
    got = ax_source(tmp_path, ax_server).query("cat:cs.CL AND submittedDate:[202502270000 TO 202502280000]",
                                               max_results=15)
    assert len(got) == len(papers)
    assert ax_server.requests[0].query["search_query"] == ["cat:cs.CL AND submittedDate:[202502270000 TO 202502280000]"]


# --- a day, assembled -------------------------------------------------------------------

def test_fetch_day_merges_and_skips_earlier_papers(tmp_path, hf_server, ax_server, papers):
    earlier = tmp_path / "archive" / "2025" / "02"
    earlier.mkdir(parents=True)
    from digestgen.render import render_digest
    from digestgen.types import Digest, DigestRow

    first = papers[0]
    (earlier / "27.md").write_text(render_digest(Digest(date=dt.date(2025, 2, 27), rows=[
        DigestRow(arxiv_id=first.arxiv_id, title=first.title, authors=first.authors, summary="x")])))
    cache = Cache(tmp_path / "cache")
    day = fetch_day(dt.date(2025, 2, 28), cache=cache, archive_dirs=[tmp_path / "archive"],
                    listing=hf_source(tmp_path, hf_server), metadata=ax_source(tmp_path, ax_server))
    assert first.arxiv_id in day.skipped and "2025-02-27" in day.skipped[first.arxiv_id]
    assert [p.arxiv_id for p in day.papers] == [p.arxiv_id for p in papers[1:]]
    assert all(p.authors == q.authors for p, q in zip(day.papers, papers[1:]))


def test_local_servers_stop_promptly():
    import time

    t0 = time.monotonic()
    for _ in range(5):
        with LocalServer(hf_daily_handler({})) as srv:
            assert srv.url.startswith("http://127.0.0.1:")
    # five start/stop cycles; the old 0.5 s poll made each stop alone take up to half a second
    assert time.monotonic() - t0 < 1.0
