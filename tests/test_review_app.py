"""The review web app over HTTP (Starlette's test client): actions, conflicts, the gate, security, hostile text.

The day is generated with the test-only ``fixed`` engine (hand-written rows that pass the validator): the
rows with findings are the paper without abstract (an error) and the one whose abstract has no number
(a warning), whatever the offline engine achieves today.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from digestgen.config import Settings
from digestgen.pipeline import arun_day
from digestgen.review.app import ReviewConfig, create_app
from digestgen.review.state import ReviewDB
from digestgen.testing.fixed_engine import register_fixed_engine
from digestgen.types import Digest, DigestRow

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2025, 2, 28)
NO_ABSTRACT = "2502.16645"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
ENGINE = register_fixed_engine()


def tmp_settings(tmp: Path, cache: Path) -> Settings:
    """Everything under ``tmp`` (the publish folder too, where Settings has one)."""
    extra = {"publish_dir": tmp / "public"} if "publish_dir" in Settings.model_fields else {}
    return Settings(cache_dir=cache, out_dir=tmp / "out", home=tmp / "home", engine=ENGINE, **extra)


@pytest.fixture
def settings(tmp_path):
    s = tmp_settings(tmp_path, ROOT / "cache")
    asyncio.run(arun_day(DAY, settings=s, offline=True))
    return s


def client_for(settings, tmp_path, *, editor="ann", db=None, **cfg):
    db = db or ReviewDB(tmp_path / "review.sqlite")
    app = create_app(settings, ReviewConfig(day=DAY, editor=editor, **cfg), db=db)
    return TestClient(app, base_url="http://127.0.0.1:8000", follow_redirects=False), app


@pytest.fixture
def client(settings, tmp_path):
    return client_for(settings, tmp_path)


def form_for(app, row, **extra):
    return {"csrf": app.csrf, "arxiv_id": row.arxiv_id, "rev": str(row.rev), **extra}


def articles(html: str) -> list[str]:
    return re.findall(r'<article class="row state-(\w+)" id="r(\d+)"', html)


def test_page_lists_rows_with_abstract_badges_and_shortcuts(client):
    c, app = client
    r = c.get("/")
    assert r.status_code == 200
    assert len(articles(r.text)) == 15
    assert "Self-rewarding correction for mathematical reasoning" in r.text
    assert 'href="https://arxiv.org/abs/2502.19613"' in r.text and 'href="https://huggingface.co/papers/2502.19613"' in r.text
    assert '<mark class="num ok" title="found in the title or abstract">55.11%</mark>' in r.text
    assert '<mark class="num used">55.11%</mark>' in r.text  # the same number in the abstract
    assert 'class="badge warning" title="no number in the summary' in r.text
    assert "<kbd>a</kbd> approve" in r.text
    # the paper arXiv gave no abstract for: no draft, the editor is asked to write it
    na = r.text.split(f'data-id="{NO_ABSTRACT}"')[1].split("</article>")[0]
    assert "No draft: arXiv returned no abstract, so nothing was generated" in na
    assert '<details class="edit" open>' in na and ">no_abstract<" in na
    assert "script-src 'self'" in r.headers["content-security-policy"]
    # the filter for rows with findings, and one row at a time
    r = c.get("/?filter=findings")
    # rows 1, 3, 11, 14: the results_without_number warning (quality5: outcome claimed, the abstract gives no number)
    assert {pos for _, pos in articles(r.text)} == {"1", "3", "6", "11", "12", "14"}
    r = c.get("/?view=one&row=3")
    assert [pos for _, pos in articles(r.text)] == ["3"]
    assert 'id="next"' in r.text and 'id="prev"' in r.text


def test_edit_revalidates_and_shows_findings_at_once(client):
    c, app = client
    row = app.db.rows(DAY)[0]
    r = c.post("/row/edit", data=form_for(app, row, text="Here is a summary with no figure at all."))
    assert r.status_code == 303 and r.headers["location"].endswith("#r1")
    page = c.get(r.headers["location"]).text
    assert "Saved 2502.19613 as version 2:" in page and "error finding(s)" in page
    art = page.split('id="r1"')[1].split("</article>")[0]
    assert 'class="badge error" title="opens with chatter' in art and ">no_number<" in art
    assert app.db.audit(DAY)[-1].action == "edit"


def test_stale_edit_and_approval_are_refused_naming_who_changed_it(client, settings, tmp_path):
    c, app = client
    row = app.db.rows(DAY)[1]
    c2, app2 = client_for(settings, tmp_path, editor="bob", db=app.db)
    assert c2.post("/row/approve", data={**form_for(app2, row)}).status_code == 303
    r = c.post("/row/edit", data=form_for(app, row, text=row.text + " More."))
    assert r.status_code == 409
    assert "changed by bob (approve at" in r.text
    assert row.text + " More." in r.text, "the refused edit stays in the text box"
    assert c.post("/row/reject", data=form_for(app, row)).status_code == 409
    assert c.post("/row/regenerate", data=form_for(app, row)).status_code == 409
    assert c.post("/row/revert", data=form_for(app, row, version="1")).status_code == 409
    assert app.db.row(DAY, row.arxiv_id).state == "approved"


def test_approve_moves_on_and_regenerate_revert_diff(client):
    c, app = client
    rows = app.db.rows(DAY)
    r = c.post("/row/approve", data=form_for(app, rows[0], filter="draft"))
    assert r.status_code == 303 and r.headers["location"].startswith("/?filter=draft&note=")
    assert r.headers["location"].endswith("#r2")
    assert app.db.row(DAY, rows[0].arxiv_id).state == "approved"
    # one row at a time: approving shows the next row
    r = c.post("/row/approve", data=form_for(app, rows[5], view="one"))
    assert r.status_code == 303 and "view=one&row=7" in r.headers["location"]
    assert [pos for _, pos in articles(c.get(r.headers["location"]).text)] == ["7"]
    # regenerate with the configured engine (the fixed one here) gives back the run's text
    edited = c.post("/row/edit", data=form_for(app, rows[2], text="Short."))
    assert edited.status_code == 303
    row = app.db.row(DAY, rows[2].arxiv_id)
    r = c.post("/row/regenerate", data=form_for(app, row))
    assert r.status_code == 303
    row = app.db.row(DAY, rows[2].arxiv_id)
    assert row.version == 3 and row.text == rows[2].text and row.current.source == ENGINE
    # no abstract: nothing to regenerate from
    na = app.db.row(DAY, NO_ABSTRACT)
    r = c.post("/row/regenerate", data=form_for(app, na))
    assert r.status_code == 400 and "no abstract: nothing to regenerate from" in r.text
    # revert to version 2 and diff it against version 1
    r = c.post("/row/revert", data=form_for(app, row, version="2"))
    assert r.status_code == 303 and app.db.row(DAY, row.arxiv_id).text == "Short."
    d = c.get(f"/diff?id={row.arxiv_id}&a=1&b=4")
    assert d.status_code == 200 and "<ins>Short.</ins>" in d.text and "<del>" in d.text


def test_publish_gate_button_same_bytes_and_out_of_date(client, settings):
    c, app = client
    r = c.post("/publish", data={"csrf": app.csrf})
    assert r.status_code == 409 and "Publish refused: no row of 2025-02-28 is approved" in r.text
    na = app.db.row(DAY, NO_ABSTRACT)
    c.post("/row/approve", data=form_for(app, na))
    r = c.post("/publish", data={"csrf": app.csrf})
    assert r.status_code == 409 and f"approved rows have error findings, fix or reject them: {NO_ABSTRACT}" in r.text
    c.post("/row/reject", data=form_for(app, app.db.row(DAY, NO_ABSTRACT)))
    rows = app.db.rows(DAY)
    for row in (rows[3], rows[0]):
        c.post("/row/approve", data=form_for(app, row))
    r = c.post("/publish", data={"csrf": app.csrf})
    assert r.status_code == 303
    page = c.get(r.headers["location"]).text
    m = re.search(r"Published 2 approved rows to (\S+)</div>", page)
    assert m, page[:2000]
    path = Path(m.group(1))
    first = path.read_bytes()
    text = first.decode()
    assert "## Papers for 2025-02-28" in text
    assert text.index(rows[0].arxiv_id) < text.index(rows[3].arxiv_id)
    assert rows[1].arxiv_id not in text and NO_ABSTRACT not in text
    assert "published file is out of date" not in page
    c.post("/publish", data={"csrf": app.csrf})
    assert path.read_bytes() == first
    row = app.db.row(DAY, rows[0].arxiv_id)
    c.post("/row/edit", data=form_for(app, row, text=row.text + " It is open source."))
    assert "published file is out of date" in c.get("/").text


def test_security_host_csrf_post_only_origin(client):
    c, app = client
    row = app.db.rows(DAY)[0]
    assert c.get("/", headers={"host": "attacker.example:8000"}).status_code == 400
    assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert c.get("/row/approve").status_code == 405
    assert c.post("/row/approve", data={**form_for(app, row), "csrf": "guess"}).status_code == 403
    assert c.post("/row/approve", data=form_for(app, row), headers={"origin": "http://evil.example"}).status_code == 403
    assert c.post("/row/approve", data=form_for(app, row), headers={"origin": "null"}).status_code == 403
    assert c.post("/row/approve", data=form_for(app, row),
                  headers={"origin": "http://127.0.0.1:8001"}).status_code == 403
    assert c.post("/publish", data={}).status_code == 403
    assert app.db.row(DAY, row.arxiv_id).state == "draft"
    assert c.get("/").headers["x-frame-options"] == "DENY"


def test_token_is_required_off_loopback(settings, tmp_path):
    c, app = client_for(settings, tmp_path, bind_host="0.0.0.0", token="s3cret")
    assert c.get("/").status_code == 401
    assert c.get("/?token=wrong").status_code == 401
    r = c.get("/?token=s3cret")
    assert r.status_code == 303 and "token" not in r.headers["location"]
    assert c.get("/").status_code == 200  # the cookie now carries it


def test_hostile_text_is_shown_literally(settings, tmp_path):
    db = ReviewDB(tmp_path / "review.sqlite")
    rows = []
    for i, bad in enumerate(HOSTILE):
        rows.append(DigestRow(arxiv_id=f"2502.0000{i + 1}", title=f"Title {bad}", authors=[f"Eve {bad}", "Bob"],
                              summary=f"Summary {bad} with 3 numbers."))
    digest = Digest(date=DAY, rows=rows)
    db.import_digest(digest, abstracts={r.arxiv_id: f"Abstract {HOSTILE[0]} {HOSTILE[1]} 3" for r in rows})
    c, app = client_for(settings, tmp_path, db=db, editor=HOSTILE[1])
    row = db.rows(DAY)[0]
    c.post("/row/edit", data=form_for(app, row, text=f"Edited {HOSTILE[0]} {HOSTILE[1]}"))
    page = c.get("/").text
    for bad in HOSTILE:
        assert bad not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>" not in page.replace('<script src="/static/review.js" defer></script>', "")
    assert "<img" not in page
    assert app.db.audit(DAY)[-1].editor == HOSTILE[1]


def _review_cmd():
    from digestgen.review.cli import review

    return review


def test_review_cli_log_and_errors(settings, tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTGEN_OUT", str(settings.out_dir))
    monkeypatch.setenv("DIGESTGEN_CACHE", str(ROOT / "cache"))
    from digestgen.review.state import ReviewDB as DB

    db = DB.for_settings(Settings.load())
    c, app = client_for(Settings.load(), tmp_path, editor="carol", db=db)
    row = db.rows(DAY)[4]
    c.post("/row/edit", data=form_for(app, row, text=row.text + " Weights are public."))
    c.post("/row/approve", data=form_for(app, db.row(DAY, row.arxiv_id)))
    runner = CliRunner()
    out = runner.invoke(_review_cmd(), ["--date", "2025-02-28", "--log"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert any("carol" in ln and " edit " in ln and row.arxiv_id in ln for ln in lines)
    assert any("carol" in ln and "approve" in ln and "draft->approved" in ln for ln in lines)
    assert any(ln.strip().startswith("new:") and ln.endswith("Weights are public.") for ln in lines)
    js = runner.invoke(_review_cmd(), ["--date", "2025-02-28", "--log", "--json"])
    entries = json.loads(js.output)
    assert [e["action"] for e in entries] == ["import", "edit", "approve"]
    assert entries[1]["old_text"] == row.text and entries[1]["editor"] == "carol"


def test_review_cli_one_line_errors(settings, monkeypatch):
    import subprocess
    import sys

    env = {"DIGESTGEN_OUT": str(settings.out_dir), "PATH": "/usr/bin:/bin",
           "DIGESTGEN_HOME": str(settings.out_dir.parent / "home"), "PYTHONPATH": str(ROOT / "src")}
    run = lambda *a: subprocess.run([sys.executable, "-m", "digestgen.cli", "review", *a], env=env,  # noqa: E731
                                    capture_output=True, text=True, timeout=60)
    r = run("--date", "2025-03-09")
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0
    assert "no digest for 2025-03-09" in r.stderr and "digestgen run --date 2025-03-09" in r.stderr
    r = run("--date", "2025-02-28", "--host", "0.0.0.0")
    assert r.returncode == 2 and "--token" in r.stderr and "Traceback" not in r.stderr
    r = run("--date", "2025-02-28", "--json")
    assert r.returncode == 2 and "--json goes with --log" in r.stderr


@pytest.mark.slow
def test_review_command_serves_the_day_on_loopback(settings, tmp_path):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"DIGESTGEN_OUT": str(settings.out_dir), "DIGESTGEN_CACHE": str(ROOT / "cache"), "PATH": "/usr/bin:/bin",
           "DIGESTGEN_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT / "src"), "DIGESTGEN_EDITOR": "dora"}
    proc = subprocess.Popen([sys.executable, "-m", "digestgen.cli", "review", "--date", "2025-02-28",
                             "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        banner = proc.stderr.readline()
        assert f"open http://127.0.0.1:{port}/" in banner and "editor dora" in banner and "15 rows" in banner
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not come up"
                time.sleep(0.2)
        assert r.status_code == 200 and r.text.count("<article") == 15
        assert httpx.get(f"http://127.0.0.1:{port}/", headers={"host": "rebind.example"}).status_code == 400
    finally:
        proc.terminate()
        proc.wait(10)


def test_loopback_means_loopback():
    from digestgen.review.app import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.8.9.1", "localhost", "::1", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "127.0.0.1.nip.io", "example.com"))
