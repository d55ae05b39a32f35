"""`run`'s exit status and `daily`'s publish gate follow one rule: a day is clean only when every row is "ok".

README: `run` exits 0 when every row passes and 3 when the day is written but some row needs review or
attention; `daily` publishes unattended only a day whose rows all pass, else it waits for review (exit 3).
The hand-written summaries of the test-only `fixed` engine all pass the validator, so the only row that is
not "ok" is the paper without an abstract (NEEDS ATTENTION, a warning finding, no error).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest

from digestgen.cli import main
from digestgen.config import Settings
from digestgen.publish.daily import PUBLISHED, WAITING_FOR_REVIEW, adaily
from digestgen.testing.fixed_engine import register_fixed_engine
from digestgen.testing.servers import day_world

DAY = dt.date(2025, 2, 28)
ENGINE = register_fixed_engine()


@pytest.mark.parametrize("with_the_no_abstract_paper", [True, False])
def test_run_and_daily_agree_on_a_day_whose_only_problem_is_a_missing_abstract(
        tmp_path, monkeypatch, capsys, sample_papers, with_the_no_abstract_paper):
    papers = [p for p in sample_papers if p.abstract or with_the_no_abstract_paper]
    assert len(papers) == (15 if with_the_no_abstract_paper else 14)
    with day_world(DAY.isoformat(), papers, tmp_path, ENGINE) as env:
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        with pytest.raises(SystemExit) as exc:
            main(["run", "--date", DAY.isoformat(), "--out", str(tmp_path / "run" / "28.md"), "--json"])
        out = capsys.readouterr()
        daily = asyncio.run(adaily(Settings.load(), DAY, review=False, progress=lambda m: None))
    report = json.loads(out.out)
    statuses = [r["status"] for r in report["days"][0]["rows"]]
    errors = [c for r in report["days"][0]["rows"] for c in r["reasons"]]
    assert errors == []  # no row has an error finding, whichever day
    if with_the_no_abstract_paper:
        assert statuses.count("needs_attention") == 1 and statuses.count("ok") == 14
        assert exc.value.code == 3 and report["exit_status"] == 3, out.err  # not a clean day
        assert daily.exit_code == WAITING_FOR_REVIEW and daily.status == "waiting_for_review", daily.line
    else:
        assert statuses == ["ok"] * 14
        assert exc.value.code == 0 and report["exit_status"] == 0, out.err
        assert daily.exit_code == PUBLISHED and daily.status == "published", daily.line
