"""The stored digest: v2 fields, markers only in the markdown, the file pair, the lock, the store's duplicates."""

import asyncio
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from digestgen import digests
from digestgen.config import Settings
from digestgen.digests import (OutputError, OutputLock, OutputLocked, add_row_version, load_digest, open_store,
                               read_pair, row_history, save_digest, write_pair)
from digestgen.parse import parse_file
from digestgen.pipeline import arun_day, seen_before
from digestgen.render import render_digest
from digestgen.types import SCHEMA_VERSION, Digest, DigestRow, Finding

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2025, 2, 28)


def settings_for(tmp_path, **kw) -> Settings:
    return Settings(out_dir=tmp_path / "out", home=tmp_path / "home", cache_dir=ROOT / "cache", **kw)


def row(i: str, summary: str = "It works on 3 tasks.", **kw) -> DigestRow:
    return DigestRow(arxiv_id=i, title=f"Paper {i}", authors=["A. Author"], summary=summary, **kw)


def sample_digest(day=DAY, run_id="run-1") -> Digest:
    err = Finding(code="no_number", severity="error", message="no digit")
    return Digest(date=day, run_id=run_id, engine="extractive", rows=[
        row("2502.00001", abstract="We show it works on 3 tasks."),
        row("2502.00002", "It is fine.", findings=[err], status="needs_review"),
        row("2502.00003", "", findings=[Finding(code="no_abstract", severity="warning", message="none")],
            status="needs_attention"),
    ], skipped=["2502.00009"], skip_reasons={"2502.00009": "already in the digest of 2025-02-27"})


# --- markers only in the markdown -------------------------------------------------------------

def test_markers_are_added_by_the_renderer_only():
    md = render_digest(sample_digest())
    lines = md.strip().splitlines()[-3:]
    assert lines[0].endswith("| A. Author | It works on 3 tasks. |")
    assert lines[1].endswith("| A. Author | NEEDS REVIEW (no_number): It is fine. |")
    assert lines[2].endswith("| A. Author | NEEDS ATTENTION: arXiv returned no abstract for this paper, so no "
                             "summary was generated; an editor must write this row. |")
    # a clean preview leaves them out
    assert "NEEDS" not in render_digest(sample_digest(), marked=False)


def test_settled_status_follows_error_findings():
    err = Finding(code="length", severity="error", message="too long")
    warn = Finding(code="x", severity="warning", message="meh")
    assert row("1", findings=[err]).settled().status == "needs_review"
    assert row("1", findings=[warn]).settled().status == "ok"
    assert row("1", findings=[err], status="needs_attention").settled().status == "needs_attention"


def test_version_1_sidecar_is_upgraded_on_read():
    v1 = {"date": "2025-02-28", "skipped": [], "rows": [
        {"arxiv_id": "1", "title": "t", "authors": [], "summary": "NEEDS REVIEW (length): Too long.",
         "parts": None, "engine": "openai", "findings": [], "needs_attention": True},
        {"arxiv_id": "2", "title": "t", "authors": [], "summary": "Fine.", "parts": None, "engine": "openai",
         "findings": [], "needs_attention": False}]}
    d = Digest.model_validate(v1)
    assert d.schema_version == SCHEMA_VERSION
    assert [(r.summary, r.status) for r in d.rows] == [("Too long.", "needs_review"), ("Fine.", "ok")]


# --- the file pair ----------------------------------------------------------------------------

def test_pair_json_is_the_clean_export_and_names_the_markdown(tmp_path):
    path = write_pair(tmp_path / "28.md", sample_digest())
    data = json.loads(path.with_suffix(".json").read_text())
    assert data["markdown_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert data["schema_version"] == 2 and data["run_id"] == "run-1"
    assert [r["summary"] for r in data["rows"]] == ["It works on 3 tasks.", "It is fine.", ""]
    assert [r["status"] for r in data["rows"]] == ["ok", "needs_review", "needs_attention"]
    assert data["skip_reasons"] == {"2502.00009": "already in the digest of 2025-02-27"}
    assert read_pair(path) == sample_digest()


def test_crash_between_the_renames_reads_as_incomplete(tmp_path, monkeypatch):
    path = write_pair(tmp_path / "28.md", sample_digest(run_id="old"))
    old_md = path.read_bytes()
    real_replace = os.replace

    def crash_on_markdown(src, dst):
        if str(dst).endswith(".md"):
            raise KeyboardInterrupt("killed")
        return real_replace(src, dst)

    monkeypatch.setattr(digests.os, "replace", crash_on_markdown)
    new = sample_digest(run_id="new")
    new.rows[0] = new.rows[0].model_copy(update={"summary": "Changed, with 4 numbers."})
    with pytest.raises(KeyboardInterrupt):
        write_pair(path, new)
    monkeypatch.setattr(digests.os, "replace", real_replace)
    assert path.read_bytes() == old_md                                   # the old markdown is untouched
    assert json.loads(path.with_suffix(".json").read_text())["run_id"] == "new"
    assert read_pair(path) is None                                       # ... and no longer matches its JSON
    assert sorted(p.name for p in tmp_path.iterdir()) == ["28.json", "28.md"]  # no temp files left


def test_markdown_without_sidecar_is_incomplete(tmp_path):
    path = write_pair(tmp_path / "28.md", sample_digest())
    path.with_suffix(".json").unlink()
    assert read_pair(path) is None


def test_pair_respects_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_pair(tmp_path / "28.md", sample_digest())
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    assert path.with_suffix(".json").stat().st_mode & 0o777 == 0o644


# --- the store --------------------------------------------------------------------------------

def test_save_then_load_from_the_store(tmp_path):
    s = settings_for(tmp_path)
    path = save_digest(s, sample_digest())
    assert path == tmp_path / "out" / "2025" / "02" / "28.md"
    path.unlink()
    path.with_suffix(".json").unlink()                                   # the store alone is enough
    got = load_digest(s, DAY)
    want = sample_digest()
    assert got.run_id == "run-1" and got.engine == "extractive"
    assert [(r.arxiv_id, r.summary, r.status, r.abstract) for r in got.rows] == \
        [(r.arxiv_id, r.summary, r.status, r.abstract) for r in want.rows]
    assert got.rows[1].findings[0].code == "no_number"
    assert got.skip_reasons == want.skip_reasons
    assert load_digest(s, dt.date(2025, 3, 1)) is None


def test_load_falls_back_to_a_complete_file_pair(tmp_path):
    s = settings_for(tmp_path)
    path = write_pair(tmp_path / "out" / "2025" / "02" / "28.md", sample_digest())   # not in the store
    assert load_digest(s, DAY) == sample_digest()
    path.write_text(path.read_text() + "| edited by hand |\n")
    assert load_digest(s, DAY) is None                                    # the pair no longer matches


def test_row_versions_keep_history_and_load_takes_the_latest(tmp_path):
    s = settings_for(tmp_path)
    save_digest(s, sample_digest())
    store = open_store(s)
    assert add_row_version(store, "run-1", "2502.00002", "It is fine on 2 benchmarks.", author="editor@x",
                           source="review") == 2
    hist = row_history(store, "run-1", "2502.00002")
    assert [(h["version"], h["author"], h["source"]) for h in hist] == \
        [(1, "digestgen", "engine:extractive"), (2, "editor@x", "review")]
    got = load_digest(s, DAY, store=store)
    assert (got.rows[1].summary, got.rows[1].status) == ("It is fine on 2 benchmarks.", "ok")
    with pytest.raises(KeyError):
        add_row_version(store, "run-1", "9999.99999", "x", author="a", source="b")
    store.close()


def test_a_later_run_of_the_same_day_wins(tmp_path):
    s = settings_for(tmp_path)
    save_digest(s, sample_digest(run_id="first"))
    second = sample_digest(run_id="second")
    second.rows = second.rows[:1]
    save_digest(s, second)
    assert load_digest(s, DAY).run_id == "second"
    assert len(load_digest(s, DAY).rows) == 1


def test_duplicates_come_from_the_store(tmp_path):
    s = settings_for(tmp_path)
    # written somewhere other than the out folder: the store still knows the papers
    save_digest(s, sample_digest(day=dt.date(2025, 2, 26), run_id="a"), tmp_path / "elsewhere" / "x.md")
    store = open_store(s)
    seen = seen_before(s, dt.date(2025, 2, 28), store)
    assert seen == {i: dt.date(2025, 2, 26) for i in ("2502.00001", "2502.00002", "2502.00003")}
    assert seen_before(s, dt.date(2025, 2, 26), store) == {}           # the same day is not "earlier"
    store.close()


# --- runs: async, locked, writable -------------------------------------------------------------

def test_arun_day_inside_a_running_event_loop(tmp_path):
    s = settings_for(tmp_path)

    async def app():
        # e.g. a web app's handler: two outputs of the same day, concurrently, in one loop
        assert asyncio.get_running_loop().is_running()
        return await asyncio.gather(
            arun_day(DAY, settings=s, offline=True, out=tmp_path / "a.md"),
            arun_day(DAY, settings=s, offline=True, out=tmp_path / "b.md", skip_seen=False))

    a, b = asyncio.run(app())
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    assert len(a.digest.rows) == 15 and a.run_id != b.run_id
    assert a.digest.engine == "extractive" and a.digest.prompt_hash and a.digest.generated_at
    assert [r.status for r in a.digest.rows].count("needs_attention") == 1
    assert read_pair(tmp_path / "a.md").run_id == a.run_id


def test_second_run_of_the_same_file_refuses_with_one_line(tmp_path):
    out = tmp_path / "d.md"
    with OutputLock(out):
        with pytest.raises(OutputLocked, match=r"another digestgen run is writing .*d\.md \(pid \d+\)"):
            asyncio.run(arun_day(DAY, settings=settings_for(tmp_path), offline=True, out=out))
    assert not out.exists()


def test_second_run_waits_when_told_to(tmp_path):
    out = tmp_path / "d.md"
    lock = OutputLock(out)
    lock.acquire()
    threading.Timer(0.5, lock.release).start()
    t0 = time.monotonic()
    result = asyncio.run(arun_day(DAY, settings=settings_for(tmp_path, lock_timeout=10), offline=True, out=out))
    assert time.monotonic() - t0 >= 0.4
    assert result.path == out and out.exists()


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "digestgen.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_cli_lock_conflict_is_one_line(tmp_path):
    out = tmp_path / "d.md"
    with OutputLock(out):
        proc = _cli("run", "--date", "2025-02-28", "--offline", "--out", str(out))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith(f"error: another digestgen run is writing {out}")
    assert "Traceback" not in proc.stderr and not out.exists()


def test_unwritable_out_is_found_before_fetching(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    proc = _cli("run", "--date", "2025-02-28", "--offline", "--out", str(blocker / "d.md"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    # one line, and nothing was fetched or summarised first
    assert proc.stderr.strip().splitlines() == [f"error: cannot write {blocker / 'd.md'}: {blocker} is a file, "
                                                "not a folder (choose another --out / DIGESTGEN_OUT)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_out_folder_is_found_before_fetching(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            OutputLock(ro / "d.md").acquire()
    finally:
        ro.chmod(0o700)


def test_until_runs_each_day_and_reports_each_failure(tmp_path):
    env = {"DIGESTGEN_OUT": str(tmp_path / "out"), "DIGESTGEN_HOME": str(tmp_path / "home")}
    proc = _cli("run", "--date", "2025-02-27", "--until", "2025-02-28", "--offline", env=env)
    # 02-27 is not in the sample cache: one line for it, and 02-28 is still written; the worst status wins
    # (1 for the failed day, or 3 if a row of 02-28 is not "ok": the larger)
    assert "error: 2025-02-27: offline: the cache has no HF daily list for 2025-02-27" in proc.stderr
    assert proc.stdout.strip().splitlines() == [str(tmp_path / "out" / "2025" / "02" / "28.md")]
    assert len(parse_file(tmp_path / "out" / "2025" / "02" / "28.md").rows) == 15
    stored = read_pair(tmp_path / "out" / "2025" / "02" / "28.md")
    assert proc.returncode == (3 if any(r.status != "ok" for r in stored.rows) else 1), proc.stderr
    assert not (tmp_path / "out" / "2025" / "02" / "27.md").exists()
    back = _cli("run", "--date", "2025-02-28", "--until", "2025-02-27", "--offline", env=env)
    assert back.returncode == 2 and "--until is before --date" in back.stderr


def test_one_set_of_word_limits_reaches_prompt_and_validator(tmp_path, sample_papers):
    from digestgen.pipeline import make_engine

    s = settings_for(tmp_path, min_words=20, max_words=40)
    result = asyncio.run(arun_day(DAY, settings=s, offline=True, out=tmp_path / "d.md"))
    generated = {r.arxiv_id for r in result.digest.rows if r.status != "needs_attention"}
    too_long = {r.arxiv_id for r in result.digest.rows
                if any(f.code == "length" and "40" in f.message for f in r.findings)}
    # every offline row is far over 40 words: the validator used the Settings limit, and marked them all
    assert all(len(r.summary.split()) > 40 for r in result.digest.rows if r.arxiv_id in generated)
    assert too_long == generated and {r.status for r in result.digest.rows if r.arxiv_id in generated} == \
        {"needs_review"}
    eng = make_engine(s, "openai", base_url="http://127.0.0.1:9/v1")
    system = eng.messages(sample_papers[0])[0]["content"]
    assert "20-40 words in total" in system


def test_prompts_folder_overrides_by_name(tmp_path, monkeypatch):
    from digestgen import prompts
    from digestgen.engines import prose
    from digestgen.types import Summary

    parts = Summary(one_line="A", objective="B", methodology="C", results="D 1", implication="E")
    assert prose(parts) == "A. B. C. D 1. E."
    (tmp_path / "prose.md.j2").write_text("{{ implication }} {{ one_line }}")
    monkeypatch.setenv("DIGESTGEN_PROMPTS", str(tmp_path))
    assert prose(parts) == "E. A."
    assert "untrusted data" in prompts.render("system.md.j2", min_words=1, max_words=2)  # not overridden: packaged
    before = prompts.bundle_hash()
    (tmp_path / "prose.md.j2").write_text("{{ one_line }}")
    prompts.environment.cache_clear()
    assert prompts.bundle_hash() != before


@pytest.mark.parametrize("finding, expected", [
    (Finding(code="llm_failed", severity="error", message="the LLM call failed: HTTP 400 bad request"),
     "NEEDS ATTENTION: the LLM call failed: HTTP 400 bad request, so no summary was generated; re-run to retry "
     "(answers already received are cached), or an editor must write this row."),
    (Finding(code="odd", severity="error", message="something odd"),
     "NEEDS ATTENTION: odd: something odd; no summary was generated; an editor must write this row."),
])
def test_attention_notes_name_what_went_wrong(finding, expected):
    from digestgen.render import mark

    assert mark(row("1", "", findings=[finding], status="needs_attention")) == expected
    assert mark(row("1", "Kept text.", findings=[finding], status="needs_attention")) == \
        f"NEEDS ATTENTION ({finding.code}): Kept text."
