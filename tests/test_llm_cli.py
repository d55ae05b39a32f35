"""`digestgen run` with the openai engine: dry run, budget, batch backfill, totals, one-line errors."""

import asyncio
import json

import pytest

from digestgen.cli import main
from digestgen.parse import parse_file
from digestgen.testing.fake_openai import FakeOpenAI


@pytest.fixture
def fake(monkeypatch):
    with FakeOpenAI() as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        yield srv


def run_cli(*args):
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return exc.value.code


def test_dry_run_calls_nothing(fake, capsys):
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--dry-run")
    out = capsys.readouterr().out
    assert code == 0
    assert fake.requests == []
    lines = [x for x in out.splitlines() if x.startswith("2025-02-28 ")]
    assert len(lines) == 14  # the paper without abstract is never sent
    assert "dry run: 14 calls" in out and "estimated $" in out


def test_run_reports_totals_and_writes_a_valid_digest(fake, tmp_path, capsys):
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(out))
    err = capsys.readouterr().err
    assert code == 0, err
    assert len(parse_file(out).rows) == 15
    assert "LLM: 14 calls, 0 cache hits" in err
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(tmp_path / "again.md"))
    assert "LLM: 0 calls, 14 cache hits" in capsys.readouterr().err
    assert (tmp_path / "again.md").read_text() == out.read_text()


def test_max_cost_is_one_line_and_writes_nothing(fake, tmp_path, capsys):
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(tmp_path / "d.md"), "--max-cost", "0.0001", "--concurrency", "1")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert err[-1].startswith("error: stopped: the next call would exceed --max-cost $0.0001")
    assert not (tmp_path / "d.md").exists()


def test_missing_key_is_one_line(tmp_path, capsys, monkeypatch):
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--out", str(tmp_path / "d.md"))
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        "error: OPENAI_API_KEY is not set: export it, or set openai_api_key in the config file, "
        "or point OPENAI_BASE_URL at a local OpenAI-compatible server")


def test_batch_backfill_then_no_live_first_attempts(fake, tmp_path, capsys, monkeypatch):
    out = tmp_path / "d.md"
    from digestgen.config import Settings
    from digestgen.pipeline import arun_day, make_engine

    settings = Settings.load()
    eng = make_engine(settings, "openai", model="gpt-4o-mini")
    result = asyncio.run(arun_day(__import__("datetime").date(2025, 2, 28), settings=settings, offline=True,
                                  engine=eng, out=out, batch=True, poll_interval=0.01))
    assert len(result.digest.rows) == 15 and not result.marked
    assert len(fake.batches) == 1 and fake.chat_requests() == []  # every answer came from the batch
    uploaded = fake.files["file-0001"].decode().splitlines()
    assert len(uploaded) == 14 and json.loads(uploaded[0])["url"] == "/v1/chat/completions"
    totals = eng.totals()
    assert totals["api_calls"] == 14 and totals["cache_hits"] == 14


def test_interrupted_batch_resumes_the_same_batch(fake, tmp_path):
    from digestgen.batch import prefill
    from digestgen.cache import Cache
    from digestgen.config import Settings
    from digestgen.fetch import fetch_day
    from digestgen.pipeline import make_engine

    papers = fetch_day(__import__("datetime").date(2025, 2, 28), cache=Cache("cache"), offline=True).papers
    eng = make_engine(Settings.load(), "openai", model="gpt-4o-mini", store=tmp_path / "s.sqlite")

    async def go(timeout):
        try:
            return await prefill(eng, papers, poll_interval=0.01, timeout=timeout)
        finally:
            await eng.aclose()

    with pytest.raises(TimeoutError, match="run again to resume"):
        asyncio.run(go(timeout=0))
    assert len(fake.batches) == 1
    assert asyncio.run(go(timeout=60)) == 14
    assert len(fake.batches) == 1  # resumed, not paid twice
    assert asyncio.run(go(timeout=60)) == 0  # all cached now
