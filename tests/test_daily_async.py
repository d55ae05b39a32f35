"""The daily flow awaited from inside a running event loop (issue 8, must-have 5: `asyncio.run` only in the CLI).

A scheduler or a web app awaits ``publish.daily.adaily`` in its own loop; the blocking steps (sources,
selection, publishing, notifications) run in worker threads, so the loop keeps running meanwhile.
"""

from __future__ import annotations

import ast
import asyncio
import datetime as dt
from pathlib import Path

import pytest

from digestgen.config import Settings
from digestgen.parse import parse_file
from digestgen.publish.daily import NO_PAPERS, PUBLISHED, adaily
from digestgen.testing.fixed_engine import register_fixed_engine
from digestgen.testing.servers import day_world

DAY = dt.date(2025, 2, 28)
ENGINE = register_fixed_engine()
SRC = Path(__file__).resolve().parents[1] / "src" / "digestgen"


@pytest.fixture
def settings(tmp_path, monkeypatch, sample_papers):
    papers = [p for p in sample_papers if p.abstract]  # rows the fixed engine writes; all pass
    with day_world(DAY.isoformat(), papers, tmp_path, ENGINE) as env:
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        yield Settings.load(), papers


def test_the_daily_flow_runs_inside_a_running_event_loop(settings):
    settings, papers = settings
    said: list[str] = []

    async def scheduler():
        ticks = 0

        async def ticker():  # the loop must stay free while the day is fetched, generated and published
            nonlocal ticks
            while True:
                await asyncio.sleep(0.005)
                ticks += 1

        beat = asyncio.create_task(ticker())
        try:
            first = await adaily(settings, DAY, review=False, progress=said.append)
            again = await adaily(settings, DAY, review=False, progress=said.append)
            weekend = await adaily(settings, DAY + dt.timedelta(days=1), review=False, progress=said.append)
        finally:
            beat.cancel()
        return first, again, weekend, ticks

    first, again, weekend, ticks = asyncio.run(scheduler())
    assert first.exit_code == PUBLISHED and first.status == "published", first.line
    md = Path(settings.publish_dir) / "archive" / "2025" / "02" / "28.md"
    assert [r.arxiv_id for r in parse_file(md).rows] == [p.arxiv_id for p in papers]
    assert again.status == "already_published" and again.exit_code == PUBLISHED
    assert weekend.exit_code == NO_PAPERS
    assert any("[14/14]" in m for m in said)
    assert ticks >= 3  # the event loop kept running during the day


def test_asyncio_run_is_called_only_in_the_cli_modules_of_publish():
    """No library function of ``publish/`` starts its own event loop (that fails inside a running one)."""
    calls = []
    for path in sorted((SRC / "publish").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                    "run", "run_until_complete") and getattr(node.func.value, "id", "") in ("asyncio", "loop"):
                calls.append(path.name)
    assert calls and set(calls) == {"cli.py"}, calls
