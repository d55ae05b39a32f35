"""The test-only `fixed` engine: hand-written summaries of the sample day that truly pass the validator."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest

from digestgen.engines import available, engine_class, get_engine
from digestgen.engines.base import NoAbstract
from digestgen.numbers import unsupported_numbers
from digestgen.pipeline import summarize_paper
from digestgen.testing.fixed_engine import FixedEngine, good_summary, good_text, register_fixed_engine, summarized_ids
from digestgen.types import Paper
from digestgen.validate import RowCheck, ValidatorConfig, check_row, wrong_paper_findings

ROOT = Path(__file__).resolve().parents[1]


def test_registered_through_the_registry_not_built_in():
    assert register_fixed_engine() == "fixed"
    assert "fixed" in available() and engine_class("fixed") is FixedEngine
    assert get_engine("fixed").name == "fixed"


def test_every_paper_of_the_sample_day_with_an_abstract_has_a_summary(sample_papers):
    with_abstract = [p.arxiv_id for p in sample_papers if p.abstract]
    assert summarized_ids() == with_abstract  # the sample day's order, nothing missing, nothing extra
    fixture = json.loads((ROOT / "src/digestgen/testing/sample_day_summaries.json").read_text())["papers"]
    assert {k: v["title"] for k, v in fixture.items()} == {p.arxiv_id: p.title for p in sample_papers if p.abstract}


def test_every_summary_passes_the_validator_against_its_abstract(sample_papers):
    checks = []
    for p in (p for p in sample_papers if p.abstract):
        text = good_text(p.arxiv_id)
        rc = RowCheck(p.arxiv_id, p.title, p.authors, text, abstract=p.abstract)
        checks.append(rc)
        errors = [(f.code, f.message) for f in check_row(rc, ValidatorConfig()) if f.severity == "error"]
        assert errors == [], (p.arxiv_id, errors)
        assert unsupported_numbers(text, f"{p.title}\n{p.abstract}") == []  # every number copied from the paper
        assert good_summary(p.arxiv_id).results in text
    assert wrong_paper_findings(checks) == []  # each summary is about its own paper


def test_no_abstract_and_unknown_papers_are_never_invented(sample_papers):
    eng = get_engine(register_fixed_engine())
    na = next(p for p in sample_papers if not p.abstract)
    with pytest.raises(NoAbstract):
        eng.summarize(na)
    stranger = Paper(arxiv_id="2401.00001", title="Some other paper", authors=["A. Author"],
                     abstract="We study something else and improve it by 12%.")
    row = asyncio.run(summarize_paper(eng, stranger))
    assert row.errors and row.errors[-1].code == "generation_failed"
    assert "no hand-written summary for 2401.00001" in row.errors[-1].message


def test_the_offline_sample_day_with_the_fixed_engine(tmp_path):
    from digestgen.config import Settings
    from digestgen.pipeline import arun_day

    register_fixed_engine()
    s = Settings(cache_dir=ROOT / "cache", out_dir=tmp_path / "out", home=tmp_path / "home", engine="fixed")
    res = asyncio.run(arun_day(dt.date(2025, 2, 28), settings=s, offline=True))
    status = {r.arxiv_id: r.status for r in res.digest.rows}
    assert status.pop("2502.16645") == "needs_attention"  # no abstract: no summary, an editor writes it
    assert set(status.values()) == {"ok"} and len(status) == 14
    assert {r.engine for r in res.digest.rows} == {"fixed"}
