"""`digestgen run` with the openai engine: dry run, budget, batch backfill, totals, one-line errors."""

import asyncio
import json

import pytest

from digestgen.cli import main
from digestgen.parse import parse_file
from digestgen.testing.answers import answers_for
from digestgen.testing.fake_openai import FakeOpenAI, prompt_title
from digestgen.testing.servers import Reply


@pytest.fixture
def fake(monkeypatch, sample_papers):
    with FakeOpenAI(answers=answers_for(sample_papers)) as srv:
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


def test_run_reports_totals_and_writes_a_valid_digest(fake, tmp_path, capsys, sample_papers):
    """The fake model answers the sample day with the hand-written summaries (testing.answers): every row with an
    abstract comes out valid, the paper without one needs attention (so the exit status is 3, not 0), and the
    re-run answers everything from the cache without one API call."""
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(out), "--max-reasks", "0")
    err = capsys.readouterr().err
    sidecar = json.loads(out.with_suffix(".json").read_text())
    rows = {r["arxiv_id"]: r for r in sidecar["rows"]}
    with_abstract = [p.arxiv_id for p in sample_papers if p.abstract]
    (no_abstract,) = [p.arxiv_id for p in sample_papers if not p.abstract]
    assert len(with_abstract) == 14 and len(parse_file(out).rows) == 15
    for pid in with_abstract:  # the LLM's rows pass the validator: no error finding, status ok
        assert [f["code"] for f in rows[pid]["findings"] if f["severity"] == "error"] == [], pid
        assert rows[pid]["status"] == "ok", pid
    assert rows[no_abstract]["status"] == "needs_attention"
    assert code == 3, err  # exit 0 means every row passes; a NEEDS ATTENTION row alone makes it 3
    assert "LLM: 14 calls, 0 cache hits" in err
    sent = len(fake.chat_requests())
    assert sent == 14
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(tmp_path / "again.md"), "--max-reasks", "0")
    assert "LLM: 0 calls, 14 cache hits" in capsys.readouterr().err
    assert len(fake.chat_requests()) == sent  # the re-run made zero API calls
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
    eng = make_engine(settings, "openai", model="gpt-4o-mini", max_reasks=0)
    result = asyncio.run(arun_day(__import__("datetime").date(2025, 2, 28), settings=settings, offline=True,
                                  engine=eng, out=out, batch=True, poll_interval=0.01))
    assert len(result.digest.rows) == 15 and not any(f.code == "llm_failed" for r in result.digest.rows
                                                     for f in r.findings)
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


def _fail_title(srv, title, reply):
    handler = srv.server.handler

    def handle(req):
        if req.path.endswith("/chat/completions") and prompt_title(req.json()) == title:
            return reply
        return handler(req)

    srv.server.handler = handle
    return handler


def test_a_400_on_one_paper_marks_its_row_writes_the_day_and_exits_3(fake, tmp_path, capsys, sample_papers):
    victim = next(p for p in sample_papers if p.abstract)
    _fail_title(fake, victim.title, Reply.json({"error": {"message": "Invalid prompt: flagged"}}, status=400))
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(out), "--json", "--max-reasks", "0")
    captured = capsys.readouterr()
    assert code == 3, captured.err
    assert "Traceback" not in captured.err
    assert [ln for ln in captured.err.splitlines() if ln.startswith(f"needs attention: {victim.arxiv_id}")] == [
        f"needs attention: {victim.arxiv_id} {victim.title[:60]} (llm_failed)"]
    rows = parse_file(out).rows
    assert len(rows) == 15
    assert next(r for r in rows if r.arxiv_id == victim.arxiv_id).summary.startswith(
        "NEEDS ATTENTION: the LLM call failed: the endpoint rejected the request (400): Invalid prompt: flagged")
    report = json.loads(captured.out)
    assert report["exit_status"] == 3 and report["engine"] == "openai"
    day = report["days"][0]
    assert day["path"] == str(out)
    status = {r["arxiv_id"]: r["status"] for r in day["rows"]}
    assert status[victim.arxiv_id] == "needs_attention" and status["2502.16645"] == "needs_attention"
    others = [r for r in day["rows"] if r["arxiv_id"] not in (victim.arxiv_id, "2502.16645")]
    assert len(others) == 13 and all(r["status"] in ("ok", "needs_review") and "llm_failed" not in r["codes"]
                                     for r in others)
    failed = next(r for r in day["rows"] if r["arxiv_id"] == victim.arxiv_id)
    assert failed["codes"] == ["llm_failed"] and "(400): Invalid prompt: flagged" in failed["reasons"][0]
    assert report["llm"]["api_calls"] == 13 and report["llm"]["cost"] > 0
    sidecar = json.loads(out.with_suffix(".json").read_text())
    assert len(sidecar["rows"]) == 15


@pytest.mark.parametrize("args,message", [
    (("--max-reasks", "-1"), "--max-reasks"), (("--rpm", "-5"), "--rpm"), (("--tpm", "0"), "--tpm"),
    (("--concurrency", "0"), "--concurrency"), (("--deadline", "0"), "--deadline"),
])
def test_nonsense_limits_are_usage_errors(tmp_path, capsys, args, message):
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--out", str(out), *args)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("error: ") and message in err[0]
    assert not out.exists()


def test_llm_options_with_the_extractive_engine_warn_once_and_run(tmp_path, capsys):
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--out", str(out), "--concurrency", "4",
                   "--max-cost", "0.5", "--rpm", "10")
    err = capsys.readouterr().err.splitlines()
    rows = json.loads(out.with_suffix(".json").read_text())["rows"]
    marked = any(f["severity"] == "error" for r in rows for f in r["findings"])
    assert code == (3 if marked else 0)  # 3: the offline engine's rows the validator questions are marked
    assert [ln for ln in err if ln.startswith("warning:")] == [
        "warning: the extractive engine ignores --concurrency, --max-cost, --rpm"]
    assert len(parse_file(out).rows) == 15


def test_max_cost_for_a_model_without_a_price_is_refused(fake, tmp_path, capsys):
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model",
                   "gpt-4o-mini-2024-07-18", "--max-cost", "0.5", "--out", str(tmp_path / "d.md"))
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith("error: --max-cost cannot be enforced: no price for model 'gpt-4o-mini-2024-07-18'")
    assert fake.chat_requests() == []


def test_endpoint_wide_failure_stops_with_one_line_and_keeps_answers(fake, tmp_path, capsys, sample_papers):
    victim = [p for p in sample_papers if p.abstract][-1]
    original = _fail_title(fake, victim.title, Reply.json({"error": {"message": "Incorrect API key provided: sk-live-"
                                                                     "1234567890abcdef"}}, status=401))
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(out), "--concurrency", "1", "--max-reasks", "0")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and not out.exists()
    assert err[-1].startswith("error: the endpoint http://127.0.0.1:") and "refused the key (401)" in err[-1]
    assert "1234567890abcdef" not in "\n".join(err)
    answered = len(fake.chat_requests()) - 1
    fake.server.handler = original  # the key is fixed
    before = len(fake.chat_requests())
    assert run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(out), "--max-reasks", "0") in (0, 3)
    assert out.exists()
    assert len(fake.chat_requests()) - before == 14 - answered  # what was answered came from the cache


def test_unexpected_errors_are_one_line_and_debug_shows_the_traceback(tmp_path, capsys, monkeypatch):
    import digestgen.pipeline

    async def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(digestgen.pipeline, "arun_day", boom)
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--out", str(tmp_path / "d.md"))
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.strip() == "error: unexpected RuntimeError: disk on fire (run with --debug for the traceback)"
    code = run_cli("--debug", "run", "--date", "2025-02-28", "--offline", "--out", str(tmp_path / "d.md"))
    err = capsys.readouterr().err
    assert code == 1 and "Traceback (most recent call last)" in err and "disk on fire" in err


def test_no_file_the_run_wrote_and_no_line_it_printed_holds_a_secret(fake, tmp_path, capsys, monkeypatch,
                                                                       sample_papers):
    key = "sk-test-SECRETKEY1234567890"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.setenv("OPENAI_BASE_URL", fake.url + "?key=q7u3ry")  # a gateway that takes a key in the query
    victim = [p for p in sample_papers if p.abstract][0]
    handler = fake.server.handler

    def echo_headers(req):  # a gateway that echoes the request headers in its error body
        from digestgen.testing.fake_openai import prompt_title

        if req.path.endswith("/chat/completions") and prompt_title(req.json()) == victim.title:
            return Reply.json({"error": {"message": f"bad gateway; headers were {dict(req.headers)}"}}, status=400)
        return handler(req)

    fake.server.handler = echo_headers
    out = tmp_path / "out" / "d.md"
    code = run_cli("--debug", "run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model",
                   "gpt-4o-mini", "--out", str(out), "--json", "--max-reasks", "0")
    printed = capsys.readouterr()
    assert code == 3, printed.err
    assert all(r.headers["authorization"] == f"Bearer {key}" and r.query["key"] == ["q7u3ry"]
               for r in fake.chat_requests())  # both credentials were sent (and echoed back by the gateway)
    written = [p for root in (tmp_path / "home", tmp_path / "out") for p in root.rglob("*") if p.is_file()]
    assert any(p.name.startswith("llm.sqlite") for p in written) and out.exists()
    for secret in (key, "q7u3ry", key[3:]):
        assert secret not in printed.out and secret not in printed.err
        for p in written:
            assert secret.encode() not in p.read_bytes(), (secret, p)


def test_deadline_marks_unfinished_rows_and_says_partial(fake, tmp_path, capsys, sample_papers):
    slow = [p for p in sample_papers if p.abstract][2]
    _fail_title(fake, slow.title, Reply.json({"error": {"message": "never sent"}}, status=500, delay=10.0))
    out = tmp_path / "d.md"
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
                   "--out", str(out), "--deadline", "4", "--json", "--max-reasks", "0")  # room for the client's first-use set-up
    captured = capsys.readouterr()
    assert code == 3, captured.err
    day = json.loads(captured.out)["days"][0]
    failed = [r for r in day["rows"] if "llm_failed" in r["codes"]]
    assert [r["arxiv_id"] for r in failed] == [slow.arxiv_id]
    assert "timed out: the run's deadline of 4s passed first" in failed[0]["reasons"][0]
    assert len(parse_file(out).rows) == 15


def test_batch_with_an_engine_that_calls_no_llm_is_a_usage_error(tmp_path, capsys):
    code = run_cli("run", "--date", "2025-02-28", "--offline", "--batch", "--out", str(tmp_path / "d.md"))
    assert code == 2
    assert capsys.readouterr().err.strip() == ("error: --batch sends LLM requests through the Batch API; "
                                               "the extractive engine makes none")
