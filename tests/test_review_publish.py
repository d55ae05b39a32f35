"""The gate through `digestgen publish` (the publish engineer's command) and the review page's view of it.

The day is generated with the test-only ``fixed`` engine (hand-written rows that pass the validator),
so the approved rows publish whatever the offline engine achieves today.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from digestgen.cli import main
from digestgen.config import Settings
from digestgen.pipeline import arun_day
from digestgen.review.gate import publish_status
from digestgen.review.state import ReviewDB, open_day
from digestgen.testing.fixed_engine import register_fixed_engine

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2025, 2, 28)

pytest.importorskip("digestgen.publish")


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("DIGESTGEN_CACHE", str(ROOT / "cache"))
    monkeypatch.setenv("DIGESTGEN_PUBLISH_DIR", str(tmp_path / "public"))
    monkeypatch.setenv("DIGESTGEN_ENGINE", register_fixed_engine())
    s = Settings.load()
    assert s.publish_dir == tmp_path / "public"
    asyncio.run(arun_day(DAY, settings=s, offline=True))
    return s


def publish(capsys, day="2025-02-28") -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(["publish", "--date", day, "--no-notify"])
    out = capsys.readouterr()
    return exc.value.code, out.out + out.err


def test_publish_command_goes_through_the_gate(settings, capsys):
    code, out = publish(capsys, "2025-03-01")
    assert code == 1 and "2025-03-01 is empty" in out and out.count("\n") == 1
    code, out = publish(capsys)
    assert code == 1 and "no row of 2025-02-28 is approved" in out and "Traceback" not in out
    db = open_day(settings, DAY, ReviewDB.for_settings(settings))
    rows = db.rows(DAY)
    na = next(r for r in rows if not r.abstract)
    db.set_state(DAY, na.arxiv_id, "approved", editor="ann", base_rev=na.rev)
    code, out = publish(capsys)
    assert code == 1 and f"error findings, fix or reject them: {na.arxiv_id}" in out
    db.set_state(DAY, na.arxiv_id, "rejected", editor="ann", base_rev=db.row(DAY, na.arxiv_id).rev)
    for r in rows[:3]:
        db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    assert publish_status(settings, DAY, db=db)["published"] is False
    code, out = publish(capsys)
    assert code == 0, out
    st = publish_status(settings, DAY, db=db)  # published by the command, not the page: found on disk
    assert st["published"] and not st["out_of_date"]
    text = Path(st["path"]).read_text()
    assert [r.arxiv_id in text for r in rows] == [True] * 3 + [False] * 12
    first = Path(st["path"]).read_bytes()
    assert publish(capsys)[0] == 0 and Path(st["path"]).read_bytes() == first
    r = db.row(DAY, rows[0].arxiv_id)
    db.edit(DAY, r.arxiv_id, r.text + " It is open source.", editor="ann", base_rev=r.rev)
    assert publish_status(settings, DAY, db=db)["out_of_date"] is True
