"""End to end in headless Chromium (Playwright): the sample day reviewed with the keyboard, then published.

Chromium is Debian's package (`.ci/run` installs it); `playwright install` cannot download one here.
Set REVIEW_SCREENSHOT=docs/review.png to refresh the README's screenshot.
The day is generated with the test-only ``fixed`` engine (hand-written rows that pass the validator),
so the rows approved here publish whatever the offline engine achieves today.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from digestgen.config import Settings
from digestgen.pipeline import arun_day
from digestgen.review.app import ReviewConfig, create_app
from digestgen.review.state import ReviewDB
from digestgen.testing.fixed_engine import register_fixed_engine
from digestgen.types import Digest, DigestRow

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2025, 2, 28)
CHROMIUM = "/usr/bin/chromium"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
ENGINE = register_fixed_engine()


def tmp_settings(tmp: Path, cache: Path) -> Settings:
    """Everything under ``tmp`` (the publish folder too, where Settings has one)."""
    extra = {"publish_dir": tmp / "public"} if "publish_dir" in Settings.model_fields else {}
    return Settings(cache_dir=cache, out_dir=tmp / "out", home=tmp / "home", engine=ENGINE, **extra)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, app):
        import uvicorn

        self.port = _free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def test_review_the_sample_day_with_the_keyboard_and_publish(page, tmp_path):
    settings = tmp_settings(tmp_path, ROOT / "cache")
    # Playwright's sync API holds an event loop in this thread; run_day starts its own, so it runs in another.
    t = threading.Thread(target=lambda: asyncio.run(arun_day(DAY, settings=settings, offline=True)))
    t.start()
    t.join(120)
    db = ReviewDB(tmp_path / "review.sqlite")
    served = Served(create_app(settings, ReviewConfig(day=DAY, editor="ann"), db=db))
    try:
        page.goto(served.url)
        assert page.locator("article.row").count() == 15
        first = page.locator("#r1")
        assert first.locator(".findings .badge.error").count() == 0
        # edit row 1 with the keyboard: a number the abstract does not state
        page.keyboard.press("e")
        box = first.locator("textarea")
        assert box.evaluate("el => el === document.activeElement")
        box.press("Control+End")
        box.type(" It reaches 97.5% accuracy.")
        with page.expect_navigation():
            box.press("Control+Enter")
        first = page.locator("#r1")
        assert first.locator(".findings .badge.error", has_text="unfaithful_number").count() == 1
        assert first.locator("mark.num.bad", has_text="97.5%").count() == 1
        assert "Saved 2502.19613 as version 2" in page.locator("#note").inner_text()
        # approve rows 2 and 3 with the keyboard: j moves on, a approves and goes to the next row
        assert "current" in first.get_attribute("class")
        page.keyboard.press("j")
        with page.expect_navigation():
            page.keyboard.press("a")
        assert "current" in page.locator("#r3").get_attribute("class")
        with page.expect_navigation():
            page.keyboard.press("a")
        assert page.locator("article.state-approved").count() == 2
        assert [r.state for r in db.rows(DAY)][:4] == ["draft", "approved", "approved", "draft"]
        # publish
        with page.expect_navigation():
            page.keyboard.press("p")
        note = page.locator("#note").inner_text()
        m = re.search(r"Published 2 approved rows to (\S+)", note)
        assert m, note
        text = Path(m.group(1)).read_text()
        ids = [r.arxiv_id for r in db.rows(DAY)]
        assert text.startswith("\n\n## Papers for 2025-02-28\n\n| Title | Authors | Summary |")
        assert re.findall(r"arxiv\.org/abs/([\d.]+)", text) == [ids[1], ids[2]]
        assert page.locator("#pubstate .badge.ok").inner_text() == "published"
        page.evaluate("window.scrollTo(0, 0)")
        shot = tmp_path / "review.png"
        page.screenshot(path=str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("REVIEW_SCREENSHOT"):
            shutil.copy(shot, os.environ["REVIEW_SCREENSHOT"])
        assert page.dialogs == [] and page.errors == []
    finally:
        served.stop()


def test_hostile_text_runs_no_script_and_shows_literally(page, tmp_path):
    settings = tmp_settings(tmp_path, tmp_path / "cache")
    db = ReviewDB(tmp_path / "review.sqlite")
    rows = [DigestRow(arxiv_id=f"2502.0000{i + 1}", title=f"Title {bad}", authors=[f"Eve {bad}"],
                      summary=f"Summary {bad} with 3 numbers.") for i, bad in enumerate(HOSTILE)]
    db.import_digest(Digest(date=DAY, rows=rows), abstracts={r.arxiv_id: f"Abstract {HOSTILE[0]} {HOSTILE[1]} 3"
                                                                for r in rows})
    served = Served(create_app(settings, ReviewConfig(day=DAY, editor=HOSTILE[1]), db=db))
    try:
        page.goto(served.url)
        page.keyboard.press("e")
        box = page.locator("#r1 textarea")
        box.fill(f"Edited {HOSTILE[0]} and {HOSTILE[1]} by hand.")
        with page.expect_navigation():
            box.press("Control+Enter")
        page.wait_for_timeout(300)  # give any injected handler a chance to fire
        for pos, bad in ((1, HOSTILE[0]), (2, HOSTILE[1])):
            art = page.locator(f"#r{pos}")
            assert art.locator("h2.title").inner_text() == f"Title {bad}"
            assert bad in art.locator(".authors").inner_text()
            assert HOSTILE[0] in art.locator(".abstract").inner_text()
            assert HOSTILE[1] in art.locator(".abstract").inner_text()
        assert page.locator("#r1 .summary").inner_text() == f"Edited {HOSTILE[0]} and {HOSTILE[1]} by hand."
        assert page.locator("#r2 .summary").inner_text() == f"Summary {HOSTILE[1]} with 3 numbers."
        assert page.locator("main img").count() == 0
        assert page.locator("script").count() == 1  # ours only
        assert page.dialogs == [], page.dialogs
    finally:
        served.stop()
