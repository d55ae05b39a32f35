"""`digestgen run` end to end, offline on the committed sample day and live against local servers."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digestgen.cli import main
from digestgen.content_checks import CODES as CONTENT_CODES
from digestgen.parse import parse_file
from digestgen.validate import validate_paths

ROOT = Path(__file__).resolve().parents[1]


def digestgen(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "digestgen.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture(scope="module")
def offline_day(isolated_module_env):
    """One offline run of the sample day in a real process, shared by the tests that read what it wrote:
    (the process, the digest it wrote, its DIGESTGEN_HOME)."""
    out = isolated_module_env / "X.md"
    proc = digestgen("run", "--date", "2025-02-28", "--offline", "--out", str(out))
    return proc, out, Path(os.environ["DIGESTGEN_HOME"])


def test_offline_sample_day_end_to_end(offline_day, sample_papers):
    proc, out, _ = offline_day
    # 0: every row passes; 3: written, with rows the validator questions marked for review
    assert proc.returncode in (0, 3), proc.stderr
    assert proc.stdout.strip() == str(out)
    assert "[15/15]" in proc.stderr
    parsed = parse_file(out)
    assert parsed.date == dt.date(2025, 2, 28)
    assert [r.arxiv_id for r in parsed.rows] == [p.arxiv_id for p in sample_papers]
    assert [r.title for r in parsed.rows] == [p.title for p in sample_papers]
    assert [r.authors for r in parsed.rows] == [p.authors for p in sample_papers]
    assert all(not r.defects for r in parsed.rows)
    no_abstract = [r for r in parsed.rows if r.arxiv_id == "2502.16645"]
    assert no_abstract[0].summary.startswith("NEEDS ATTENTION")
    assert "needs attention: 2502.16645" in proc.stderr
    # the offline engine's rows are faithful and free of glue artefacts; a row whose parts the validator does
    # not find (content judged by the role classifier) is visibly marked for review, never silently published
    abstracts = {p.arxiv_id: {"title": p.title, "abstract": p.abstract} for p in sample_papers}
    report = validate_paths([out], abstracts=abstracts)
    errors = [f for f in report.findings if f.severity == "error" and f.arxiv_id != "2502.16645"]
    assert not [f for f in errors if (f.code.startswith("glue:") and f.code not in CONTENT_CODES) or f.code in (
        "unfaithful_number", "wrong_paper", "unrelated_part", "markdown", "broken_row")]
    flagged = {f.arxiv_id for f in errors}
    # marked exactly when the validator has an error for the row: no silent publishing, no needless mark
    assert all(r.summary.startswith("NEEDS REVIEW") == (r.arxiv_id in flagged)
               for r in parsed.rows if r.arxiv_id != "2502.16645")
    # the sidecar keeps each row's findings for review and publishing
    assert out.with_suffix(".json").exists()


def test_same_digest_twice(tmp_path, offline_day):
    first, a, home = offline_day  # the first run (shared with the end-to-end test); the second in the same home
    b = tmp_path / "b.md"
    assert first.returncode in (0, 3)
    assert digestgen("run", "--date", "2025-02-28", "--offline", "--out", str(b),
                     env={"DIGESTGEN_HOME": str(home)}).returncode in (0, 3)
    assert a.read_bytes() == b.read_bytes()


def test_offline_day_not_in_cache_is_one_line(tmp_path):
    proc = digestgen("run", "--date", "2031-01-01", "--offline", "--out", str(tmp_path / "x.md"))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr
    assert lines[-1].startswith("error: offline: the cache has no HF daily list for 2031-01-01")
    assert not (tmp_path / "x.md").exists()


def test_bad_date_is_a_usage_error():
    proc = digestgen("run", "--date", "28/02/2025", "--offline")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr and "Traceback" not in proc.stderr


def test_empty_day_writes_nothing(tmp_path, monkeypatch, capsys):
    from digestgen.testing.servers import LocalServer, hf_daily_handler

    with LocalServer(hf_daily_handler({})) as srv:
        monkeypatch.setenv("DIGESTGEN_HF_URL", srv.url + "/api")
        with pytest.raises(SystemExit) as exc:
            main(["run", "--date", "2025-10-16", "--cache-dir", str(tmp_path / "c"), "--out", str(tmp_path / "o.md")])
    assert exc.value.code == 1
    assert "no papers for 2025-10-16" in capsys.readouterr().err
    assert not (tmp_path / "o.md").exists()


def test_live_run_against_local_servers(tmp_path, monkeypatch, sample_papers, capsys):
    from digestgen.testing.servers import LocalServer, arxiv_handler, hf_daily_handler

    monkeypatch.chdir(tmp_path)
    with LocalServer(hf_daily_handler({"2025-02-28": sample_papers[:3]})) as hf, \
            LocalServer(arxiv_handler({p.arxiv_id: p for p in sample_papers})) as ax:
        monkeypatch.setenv("DIGESTGEN_HF_URL", hf.url + "/api")
        monkeypatch.setenv("DIGESTGEN_ARXIV_URL", ax.url + "/api/query")
        with pytest.raises(SystemExit) as exc:
            main(["run", "--date", "2025-02-28"])
        assert exc.value.code in (0, 3)  # 3: rows the validator questions are written, marked for review
        out = tmp_path / "out" / "digests" / "2025" / "02" / "28.md"
        assert [r.arxiv_id for r in parse_file(out).rows] == [p.arxiv_id for p in sample_papers[:3]]
        assert len(hf.requests) == 1 and len(ax.requests) == 1
        # the next day skips papers already published the day before
        with pytest.raises(SystemExit):
            main(["run", "--date", "2025-03-01", "--ids", ",".join(p.arxiv_id for p in sample_papers[:4])])
    err = capsys.readouterr().err
    assert f"skipped {sample_papers[0].arxiv_id}: already in the digest of 2025-02-28" in err
    nxt = parse_file(tmp_path / "out" / "digests" / "2025" / "03" / "01.md")
    assert [r.arxiv_id for r in nxt.rows] == [sample_papers[3].arxiv_id]


def test_help_is_fast_and_imports_nothing_heavy():
    code = ("import sys; from digestgen.cli import cli; "
            "heavy = [m for m in ('arxiv', 'openai', 'tiktoken', 'httpx', 'requests', 'jinja2', 'torch') if m in sys.modules]; "
            "print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stdout
