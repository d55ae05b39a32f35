"""Faults on the source edges (the HF daily list and arXiv), against local servers speaking the real protocols.

Each fault (429 with and without Retry-After, 500, a timeout, a hanging connection, a truncated body,
a malformed body) is injected into a day's fetch: afterwards every listed paper is there with its
abstract, or the fetch fails with one line that names the reason, in bounded time. Nothing bad is cached.
"""

from __future__ import annotations

import json
import datetime as dt
import time

import pytest

from digestgen.cache import Cache
from digestgen.errors import SourceError
from digestgen.fetch import fetch_day
from digestgen.retry import BackoffWait
from digestgen.sources.arxiv_api import ArxivSource
from digestgen.sources.hf_daily import HFDailySource
from digestgen.testing.servers import LocalServer, Reply, arxiv_handler, hf_daily_handler

DAY = dt.date(2025, 2, 28)
FAST = BackoffWait(initial=0.01, maximum=0.05, jitter=0)
TIMEOUT = 0.5  # seconds per request in these tests


@pytest.fixture
def servers(sample_papers):
    with LocalServer(hf_daily_handler({DAY.isoformat(): sample_papers})) as hf, \
            LocalServer(arxiv_handler({p.arxiv_id: p for p in sample_papers})) as ax:
        yield hf, ax


def fetch(tmp_path, servers, attempts=3):
    hf, ax = servers
    cache = Cache(tmp_path / "cache")
    listing = HFDailySource(cache, base_url=hf.url + "/api", backoff=FAST, timeout=TIMEOUT, max_attempts=attempts)
    meta = ArxivSource(cache, query_url=ax.url + "/api/query", backoff=FAST, timeout=TIMEOUT,
                       max_attempts=attempts, delay_seconds=0)
    return fetch_day(DAY, cache=cache, listing=listing, metadata=meta, skip_seen=False)


def assert_whole_day(day, sample_papers):
    assert [p.arxiv_id for p in day.papers] == [p.arxiv_id for p in sample_papers]
    assert [p.abstract for p in day.papers] == [p.abstract for p in sample_papers]


def offline_again(tmp_path, sample_papers):
    """What was cached is good: an offline fetch of the same day returns the same papers."""
    cache = Cache(tmp_path / "cache")
    day = fetch_day(DAY, cache=cache, listing=HFDailySource(cache, offline=True),
                    metadata=ArxivSource(cache, offline=True, delay_seconds=0), skip_seen=False)
    assert_whole_day(day, sample_papers)


FAULTS = {
    "429 with Retry-After": lambda: Reply(429, b"slow down", {"Retry-After": "0.2"}),
    "429 without Retry-After": lambda: Reply(429, b"slow down"),
    "500": lambda: Reply(500, b"internal error"),
    "timeout": lambda: Reply(200, b"", delay=TIMEOUT * 3),
    "truncated body": lambda: None,  # filled in per edge: the real body cut in half
    "malformed body": lambda: None,
}


def _fault(name: str, edge: str, good: bytes) -> Reply:
    if name == "truncated body":
        return Reply(200, good[: len(good) // 2], {"Content-Type": "application/octet-stream"},
                     declared_length=len(good))
    if name == "malformed body":
        return Reply(200, b"<html><body>Service temporarily unavailable</body></html>" if edge == "arxiv"
                     else b'{"papers": "not a list"}', {"Content-Type": "text/html"})
    return FAULTS[name]()


@pytest.mark.parametrize("edge", ["hf", "arxiv"])
@pytest.mark.parametrize("name", list(FAULTS))
def test_one_fault_then_the_whole_day_arrives(tmp_path, servers, sample_papers, edge, name):
    hf, ax = servers
    srv = hf if edge == "hf" else ax
    # the good answer, to cut for the truncated case
    good = srv.handler(type("R", (), {"path": "/api/daily_papers" if edge == "hf" else "/api/query",
                                      "query": {"date": [DAY.isoformat()]} if edge == "hf" else
                                      {"id_list": [",".join(sorted(p.arxiv_id for p in sample_papers))]}})()).body
    srv.script(_fault(name, edge, good))
    started = time.monotonic()
    day = fetch(tmp_path, servers)
    assert_whole_day(day, sample_papers)
    assert len(srv.requests) == 2, [r.path for r in srv.requests]  # the fault, then the retry
    if name == "429 with Retry-After":
        assert srv.requests[1].at - srv.requests[0].at >= 0.18  # the server's wait was honoured
    assert time.monotonic() - started < 10
    offline_again(tmp_path, sample_papers)  # nothing bad was cached


@pytest.mark.parametrize("edge", ["hf", "arxiv"])
@pytest.mark.parametrize("name", ["500", "hanging connection", "truncated body", "malformed body", "429"])
def test_a_fault_that_persists_fails_with_its_reason_in_bounded_time(tmp_path, servers, sample_papers, edge, name):
    """On the HF list the day fails with one line; on arXiv each paper it concerned is failed with the
    reason (the day goes on, to become NEEDS ATTENTION rows), in bounded time either way."""
    hf, ax = servers
    srv = hf if edge == "hf" else ax
    reply = {"500": Reply(500, b"down"), "hanging connection": Reply(200, b"[]", delay=30),
             "truncated body": Reply(200, b"[{", declared_length=5000),
             "malformed body": Reply(200, b"<html>captive portal</html>"), "429": Reply(429, b"")}[name]
    srv.script(*[reply] * 3)
    started = time.monotonic()
    if edge == "hf":
        with pytest.raises(SourceError) as exc:
            fetch(tmp_path, servers, attempts=3)
        messages = [str(exc.value)]
    else:
        day = fetch(tmp_path, servers, attempts=3)
        assert [p.arxiv_id for p in day.papers] == [p.arxiv_id for p in sample_papers]  # nobody dropped
        assert set(day.failed) == {p.arxiv_id for p in sample_papers}  # one batch: all of it failed
        messages = list(day.failed.values())
    took = time.monotonic() - started
    reason = {"500": "500", "hanging connection": "imed out|imeout", "truncated body": "",
              "malformed body": "malformed|JSON|Atom", "429": "429"}[name]
    import re

    for msg in messages:
        assert "\n" not in msg and ("HF daily list" if edge == "hf" else "arXiv") in msg
        assert re.search(reason, msg), msg
        assert "id_list" not in msg and len(msg) < 300, msg  # the endpoint, not the whole query
    assert len(srv.requests) == 3  # every attempt made, no more
    assert took < 3 * TIMEOUT + 5
    assert not list((tmp_path / "cache" / "requests").glob(f"{'hf_daily' if edge == 'hf' else 'arxiv'}/*.json"))


def test_a_paper_arxiv_does_not_return_keeps_the_listing_abstract_or_is_reported(tmp_path, sample_papers):
    """arXiv answers without some ids: those papers keep what the HF list said; one without an abstract
    becomes a NEEDS ATTENTION row with its reason, never a silent gap."""
    import asyncio

    from digestgen.engines.extractive import ExtractiveEngine
    from digestgen.pipeline import summarize_all

    listed = [p.model_copy(update={"abstract": None}) if i == 0 else p for i, p in enumerate(sample_papers[:4])]
    known = {p.arxiv_id: p for p in sample_papers[2:4]}  # arXiv knows only the last two
    with LocalServer(hf_daily_handler({DAY.isoformat(): listed})) as hf, LocalServer(arxiv_handler(known)) as ax:
        day = fetch(tmp_path, (hf, ax))
    assert [p.arxiv_id for p in day.papers] == [p.arxiv_id for p in listed]
    assert day.papers[0].abstract is None and day.papers[1].abstract == sample_papers[1].abstract
    rows = asyncio.run(summarize_all(day.papers, ExtractiveEngine()))
    assert rows[0].status == "needs_attention"
    assert [f.code for f in rows[0].findings] == ["no_abstract"] and "no abstract" in rows[0].findings[0].message
    assert all(r.status != "needs_attention" and r.summary for r in rows[1:])


@pytest.mark.slow  # the real client's backoff (3 s) after the arXiv fault
def test_digestgen_run_through_faults_on_both_edges_writes_every_paper(tmp_path, monkeypatch, capsys, sample_papers):
    """`digestgen run` live against the local servers, a 429 on the HF list and a cut-off arXiv page:
    every listed paper is in the digest, summarised or marked with its reason."""
    from digestgen.cli import main
    from digestgen.parse import parse_file

    monkeypatch.chdir(tmp_path)
    with LocalServer(hf_daily_handler({DAY.isoformat(): sample_papers})) as hf, \
            LocalServer(arxiv_handler({p.arxiv_id: p for p in sample_papers})) as ax:
        monkeypatch.setenv("DIGESTGEN_HF_URL", hf.url + "/api")
        monkeypatch.setenv("DIGESTGEN_ARXIV_URL", ax.url + "/api/query")
        hf.script(Reply(429, b"slow down", {"Retry-After": "0.5"}))
        ax.script(Reply(200, b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>",
                        declared_length=100_000))
        with pytest.raises(SystemExit) as exc:
            main(["run", "--date", DAY.isoformat(), "--out", str(tmp_path / "d.md")])
    err = capsys.readouterr().err
    assert exc.value.code in (0, 3), err
    assert len(hf.requests) == 2 and len(ax.requests) == 2
    rows = parse_file(tmp_path / "d.md").rows
    assert [r.arxiv_id for r in rows] == [p.arxiv_id for p in sample_papers]
    sidecar = json.loads((tmp_path / "d.json").read_text())
    for row, paper in zip(sidecar["rows"], sample_papers):
        if not paper.abstract:
            assert row["status"] == "needs_attention" and "no_abstract" in {f["code"] for f in row["findings"]}
        else:
            assert row["summary"]
