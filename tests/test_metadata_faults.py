"""A metadata fetch that fails for good fails only its papers (issue 12, must-have 3).

The HF list names the day's papers; arXiv gives their records in batches. A batch that still fails
after the transport retries leaves its papers in the day as NEEDS ATTENTION rows with a
``metadata_failed`` finding saying why; the other papers are summarised, the day is written, and
``run`` exits 3 (a partial day). A failure of the list itself stays the day's failure: one line, exit 1.
Everything runs against the local servers with the real clients (httpx, the ``arxiv`` package).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest

from digestgen.cache import Cache
from digestgen.cli import main
from digestgen.errors import SourceError
from digestgen.fetch import DayPapers, fetch_day
from digestgen.parse import parse_file
from digestgen.retry import BackoffWait
from digestgen.sources import MetadataRequest, MetadataSource, register
from digestgen.sources.arxiv_api import ArxivSource
from digestgen.sources.hf_daily import HFDailySource
from digestgen.testing.fixed_engine import register_fixed_engine
from digestgen.testing.servers import LocalServer, Reply, arxiv_handler, hf_daily_handler

DAY = dt.date(2025, 2, 28)
FAST = BackoffWait(initial=0.01, maximum=0.05, jitter=0)
BATCH = 5  # ids per arXiv request in these tests (100 in real runs): the sample day is three batches


class FastArxiv(ArxivSource):
    """The real arXiv source with test-sized batches, retries and timeouts, registered as a plugin would be."""

    @classmethod
    def from_settings(cls, settings, cache, *, offline=False):
        return cls(cache, offline=offline, query_url=settings.arxiv_url, backoff=FAST, timeout=0.5,
                   max_attempts=2, delay_seconds=0, batch_size=BATCH)


class FastHF(HFDailySource):
    @classmethod
    def from_settings(cls, settings, cache, *, offline=False):
        return cls(cache, offline=offline, base_url=settings.hf_url, backoff=FAST, timeout=0.5, max_attempts=2)


register("metadata", "fast_arxiv", f"{__name__}:FastArxiv")
register("listing", "fast_hf", f"{__name__}:FastHF")
ENGINE = register_fixed_engine()


def failing_for(bad_id: str, papers):
    """arXiv that answers 500 to every request whose id list holds ``bad_id`` (a fault that persists)."""
    good = arxiv_handler({p.arxiv_id: p for p in papers})

    def handle(req):
        if bad_id in req.query.get("id_list", [""])[0].split(","):
            return Reply(500, b"internal error")
        return good(req)

    return handle


@pytest.fixture
def papers(sample_papers):
    return [p for p in sample_papers if p.abstract]  # rows the fixed engine writes; all pass the validator


def batch_of(papers, arxiv_id):
    ids = sorted(p.arxiv_id for p in papers)
    at = ids.index(arxiv_id) // BATCH * BATCH
    return set(ids[at:at + BATCH])


def test_a_failed_batch_fails_only_its_papers(tmp_path, papers):
    bad = papers[3].arxiv_id
    cache = Cache(tmp_path / "cache")
    with LocalServer(hf_daily_handler({DAY.isoformat(): papers})) as hf, \
            LocalServer(failing_for(bad, papers)) as ax:
        day = fetch_day(DAY, cache=cache, skip_seen=False,
                        listing=HFDailySource(cache, base_url=hf.url + "/api", backoff=FAST),
                        metadata=FastArxiv(cache, query_url=ax.url + "/api/query", backoff=FAST, max_attempts=2,
                                           delay_seconds=0, batch_size=BATCH))
    failed = batch_of(papers, bad)
    assert [p.arxiv_id for p in day.papers] == [p.arxiv_id for p in papers]  # every listed paper is there
    assert set(day.failed) == failed and len(failed) == BATCH
    assert all(why.startswith("arXiv: HTTP 500") and "gave up after 2 attempts" in why for why in day.failed.values())
    # the others have arXiv's records (full author names), the failed ones what the HF list said
    assert all(p.authors == q.authors for p, q in zip(day.papers, papers) if p.arxiv_id not in failed)
    batches = -(-len(papers) // BATCH)
    assert len(ax.requests) == batches + 1  # the bad batch twice (2 attempts), the others once


def test_a_plugin_source_that_raises_fails_every_id_it_was_asked_for():
    class Down(MetadataSource):
        def describe(self, request):
            raise SourceError("example: HTTP 503 (gave up after 3 attempts)")

    answer = Down(cache=None).describe_each(MetadataRequest(ids=["2502.19613", "arXiv:2502.20082v2"]))
    assert answer.papers == [] and answer.failed == {"2502.19613": "example: HTTP 503 (gave up after 3 attempts)",
                                                     "2502.20082": "example: HTTP 503 (gave up after 3 attempts)"}


def test_failed_papers_become_rows_that_need_attention_in_their_place(papers):
    from digestgen.engines.extractive import ExtractiveEngine
    from digestgen.pipeline import abuild_digest
    from digestgen.render import render_digest

    day = DayPapers(DAY, papers[:4], failed={papers[1].arxiv_id: "arXiv: HTTP 500 from X (gave up after 5 attempts)"})
    said = []
    digest = asyncio.run(abuild_digest(day, ExtractiveEngine(), progress=said.append))
    assert [r.arxiv_id for r in digest.rows] == [p.arxiv_id for p in papers[:4]]
    row = digest.rows[1]
    assert row.status == "needs_attention" and row.summary == "" and row.abstract == papers[1].abstract
    assert [(f.code, f.severity) for f in row.findings] == [("metadata_failed", "error")]
    assert "could not be fetched (arXiv: HTTP 500 from X (gave up after 5 attempts))" in row.findings[0].message
    assert all(r.summary and r.status != "needs_attention" for i, r in enumerate(digest.rows) if i != 1)
    assert any(papers[1].arxiv_id in m and "metadata" in m for m in said)
    md = render_digest(digest)
    assert "NEEDS ATTENTION: the arXiv metadata could not be fetched (arXiv: HTTP 500" in md and "re-run" in md


def cli(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return exc.value.code, capsys.readouterr().err


@pytest.fixture
def live(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for k, v in {"DIGESTGEN_LISTING_SOURCE": "fast_hf", "DIGESTGEN_METADATA_SOURCE": "fast_arxiv",
                 "DIGESTGEN_CACHE": str(tmp_path / "cache"), "DIGESTGEN_ENGINE": ENGINE}.items():
        monkeypatch.setenv(k, v)

    def servers(hf_handler, ax_handler, monkeypatch=monkeypatch):
        hf, ax = LocalServer(hf_handler).start(), LocalServer(ax_handler).start()
        monkeypatch.setenv("DIGESTGEN_HF_URL", hf.url + "/api")
        monkeypatch.setenv("DIGESTGEN_ARXIV_URL", ax.url + "/api/query")
        return hf, ax

    started = []
    yield lambda h, a: started.extend(servers(h, a)) or started
    for srv in started:
        srv.stop()


def test_run_writes_the_day_and_exits_3_when_a_batch_of_metadata_fails(tmp_path, live, capsys, papers):
    bad = papers[-1].arxiv_id
    live(hf_daily_handler({DAY.isoformat(): papers}), failing_for(bad, papers))
    out = tmp_path / "d.md"
    code, err = cli(capsys, "run", "--date", DAY.isoformat(), "--out", str(out), "--json")
    assert code == 3, err
    assert "Traceback" not in err
    failed = batch_of(papers, bad)
    rows = json.loads(out.with_suffix(".json").read_text())["rows"]
    assert [r["arxiv_id"] for r in rows] == [p.arxiv_id for p in papers]
    for r in rows:
        if r["arxiv_id"] in failed:
            assert r["status"] == "needs_attention" and [f["code"] for f in r["findings"]] == ["metadata_failed"]
            assert "HTTP 500" in r["findings"][0]["message"]
        else:
            assert r["status"] == "ok" and r["summary"]
    md = {r.arxiv_id: r.summary for r in parse_file(out).rows}
    assert all(md[i].startswith("NEEDS ATTENTION: the arXiv metadata could not be fetched") for i in failed)
    assert sum(f"needs attention: {i}" in err for i in failed) == len(failed)
    assert f"{len(papers)} rows, 0 marked for review, {len(failed)} need attention" in err


def test_run_with_every_metadata_request_failing_still_writes_every_row(tmp_path, live, capsys, papers):
    live(hf_daily_handler({DAY.isoformat(): papers}), lambda req: Reply(503, b"down"))
    out = tmp_path / "d.md"
    code, err = cli(capsys, "run", "--date", DAY.isoformat(), "--out", str(out))
    assert code == 3, err
    rows = parse_file(out).rows
    assert [r.arxiv_id for r in rows] == [p.arxiv_id for p in papers]
    assert all(r.summary.startswith("NEEDS ATTENTION") and "HTTP 503" in r.summary for r in rows)


def test_a_failed_hf_list_is_still_the_days_failure(tmp_path, live, capsys, papers):
    live(lambda req: Reply(500, b"down"), arxiv_handler({p.arxiv_id: p for p in papers}))
    out = tmp_path / "d.md"
    code, err = cli(capsys, "run", "--date", DAY.isoformat(), "--out", str(out))
    lines = err.strip().splitlines()
    assert code == 1 and lines[-1].startswith("error: HF daily list: HTTP 500"), err
    assert "Traceback" not in err and not out.exists() and not out.with_suffix(".json").exists()


def test_fetch_says_which_papers_have_no_metadata_and_exits_3(tmp_path, live, capsys, papers):
    bad = papers[0].arxiv_id
    live(hf_daily_handler({DAY.isoformat(): papers}), failing_for(bad, papers))
    with pytest.raises(SystemExit) as exc:
        main(["fetch", "--date", DAY.isoformat()])
    out, err = capsys.readouterr()
    failed = batch_of(papers, bad)
    assert exc.value.code == 3, err
    flagged = {line.split()[0] for line in out.splitlines() if line.endswith("[no arXiv metadata]")}
    assert flagged == failed and len(out.splitlines()) == len(papers)
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"error: {len(failed)} paper(s) without arXiv metadata (arXiv: HTTP 500"), err
