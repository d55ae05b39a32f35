"""Review state and the publish gate, on the sample day generated offline from the committed cache.

The day is generated with the test-only ``fixed`` engine (hand-written summaries that pass the
validator), so these tests are about review and the gate, not about how good the offline engine is
today; rows with findings are made on purpose (an edit that drops a part, the paper without abstract),
and one test runs the real offline engine and checks the gate lets through exactly the rows that pass.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from digestgen.config import Settings
from digestgen.digests import load_digest, save_digest
from digestgen.pipeline import arun_day
from digestgen.review.gate import PublishRefused, final_digest, publish_status, record_published
from digestgen.review.state import Conflict, NotGenerated, ReviewDB, open_day
from digestgen.testing.fixed_engine import good_text, register_fixed_engine
from digestgen.types import Digest

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2025, 2, 28)
NO_ABSTRACT = "2502.16645"
ENGINE = register_fixed_engine()


def tmp_settings(tmp: Path, cache: Path, engine: str | None = ENGINE) -> Settings:
    """Everything under ``tmp`` (the publish folder too, where Settings has one)."""
    extra = {"publish_dir": tmp / "public"} if "publish_dir" in Settings.model_fields else {}
    return Settings(cache_dir=cache, out_dir=tmp / "out", home=tmp / "home", engine=engine, **extra)


def reword(text: str) -> str:
    """What an editor's light touch does: the same content in other words (it still passes the validator)."""
    new = text.replace("The main research objective is", "The research objective is", 1)
    assert new != text
    return new


@pytest.fixture
def settings(tmp_path):
    s = tmp_settings(tmp_path, ROOT / "cache")
    asyncio.run(arun_day(DAY, settings=s, offline=True))
    return s


@pytest.fixture
def db(settings, tmp_path):
    return open_day(settings, DAY, ReviewDB(tmp_path / "review.sqlite"))


def test_import_keeps_order_drafts_and_abstracts(settings, db):
    sidecar = json.loads((settings.out_dir / "2025/02/28.json").read_text())
    rows = db.rows(DAY)
    assert [r.arxiv_id for r in rows] == [r["arxiv_id"] for r in sidecar["rows"]]
    assert {r.state for r in rows} == {"draft"}
    assert all(r.version == 1 for r in rows)
    # abstracts come from the offline cache when the sidecar lacks them
    assert sum(1 for r in rows if r.abstract) == 14
    assert db.row(DAY, NO_ABSTRACT).abstract is None
    # opening again adds nothing
    assert open_day(settings, DAY, db).rows(DAY) == rows
    assert [a.action for a in db.audit(DAY)] == ["import"]


def test_never_generated_day_is_one_clear_error(settings, db):
    with pytest.raises(NotGenerated, match="digestgen run --date 2025-03-01"):
        open_day(settings, dt.date(2025, 3, 1), db)


def test_gate_refuses_a_never_generated_and_an_empty_day(settings, db, tmp_path):
    with pytest.raises(PublishRefused, match="2025-03-01 is empty"):
        final_digest(settings, dt.date(2025, 3, 1), db=db)
    save_digest(settings, Digest(date=dt.date(2025, 3, 2), rows=[]))
    with pytest.raises(PublishRefused, match="empty: the digest has no rows"):
        final_digest(settings, dt.date(2025, 3, 2), db=db)


def test_gate_refuses_nothing_approved(settings, db):
    with pytest.raises(PublishRefused, match="no row of 2025-02-28 is approved"):
        final_digest(settings, DAY, db=db)
    first = db.rows(DAY)[0]
    db.set_state(DAY, first.arxiv_id, "rejected", editor="ann", base_rev=first.rev)
    with pytest.raises(PublishRefused, match="is approved"):
        final_digest(settings, DAY, db=db)


def test_gate_refuses_an_approved_row_with_errors(settings, db):
    row = db.row(DAY, NO_ABSTRACT)
    assert row.errors, "the placeholder text of a paper without abstract must not pass the validator"
    db.set_state(DAY, NO_ABSTRACT, "approved", editor="ann", base_rev=row.rev)
    with pytest.raises(PublishRefused, match=rf"error findings.*{NO_ABSTRACT} \(.*no_number"):
        final_digest(settings, DAY, db=db)


def test_final_digest_is_approved_rows_in_digest_order_with_edited_text(settings, db):
    rows = db.rows(DAY)
    picked = [rows[4], rows[1], rows[9]]
    for r in picked:  # approved out of order
        db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    edited = reword(rows[1].text)
    r1 = db.edit(DAY, rows[1].arxiv_id, edited, editor="bob", base_rev=db.row(DAY, rows[1].arxiv_id).rev)
    assert r1.state == "draft", "an edit withdraws the approval of the old text"
    db.set_state(DAY, r1.arxiv_id, "approved", editor="bob", base_rev=r1.rev)
    digest = final_digest(settings, DAY, db=db)
    assert [r.arxiv_id for r in digest.rows] == [rows[1].arxiv_id, rows[4].arxiv_id, rows[9].arxiv_id]
    assert digest.rows[0].summary == edited
    assert digest.rows[1].summary == rows[4].text
    assert digest.date == DAY


def test_edit_revalidates_and_stale_changes_are_refused(settings, db):
    row = db.rows(DAY)[0]
    assert not row.errors
    bad = db.edit(DAY, row.arxiv_id, "Here is a short summary without any figure.", editor="ann", base_rev=row.rev)
    assert {"preamble", "no_number", "length"} <= {f.code for f in bad.errors}
    assert bad.version == 2 and bad.rev == row.rev + 1
    with pytest.raises(Conflict, match=r"changed by ann \(edit at"):
        db.edit(DAY, row.arxiv_id, row.text, editor="bob", base_rev=row.rev)
    with pytest.raises(Conflict, match="changed by ann"):
        db.set_state(DAY, row.arxiv_id, "approved", editor="bob", base_rev=row.rev)
    assert db.row(DAY, row.arxiv_id).text == bad.text


def test_revert_and_audit_trail(settings, db):
    row = db.rows(DAY)[2]
    v2 = db.edit(DAY, row.arxiv_id, row.text + " Code is released.", editor="ann", base_rev=row.rev)
    v3 = db.revert(DAY, row.arxiv_id, 1, editor="bob", base_rev=v2.rev)
    assert v3.version == 3 and v3.text == row.text
    assert [v.source for v in v3.versions] == [ENGINE, "edit", "revert to 1"]
    log = [a for a in db.audit(DAY) if a.arxiv_id == row.arxiv_id]
    assert [(a.action, a.editor) for a in log] == [("edit", "ann"), ("revert", "bob")]
    assert log[0].old_text == row.text and log[0].new_text.endswith("Code is released.")
    assert log[1].old_text == log[0].new_text and log[1].new_text == row.text


def test_publish_record_and_out_of_date(settings, db, tmp_path):
    from digestgen.cache import atomic_write
    from digestgen.render import render_digest

    assert publish_status(settings, DAY, db=db)["published"] is False
    rows = db.rows(DAY)
    for r in rows[:2]:
        db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    digest = final_digest(settings, DAY, db=db)
    target = tmp_path / "site" / "28.md"
    atomic_write(target, render_digest(digest).encode())
    record_published(settings, digest, target, editor="ann", db=db)
    st = publish_status(settings, DAY, db=db)
    assert st == {"published": True, "out_of_date": False, "path": str(target), "ts": st["ts"], "editor": "ann"}
    r = db.row(DAY, rows[0].arxiv_id)
    db.edit(DAY, r.arxiv_id, reword(r.text), editor="ann", base_rev=r.rev)
    assert publish_status(settings, DAY, db=db)["out_of_date"] is True  # the edit withdrew the approval
    r = db.row(DAY, r.arxiv_id)
    db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    assert publish_status(settings, DAY, db=db)["out_of_date"] is True  # approved again, but the text differs
    atomic_write(target, render_digest(final_digest(settings, DAY, db=db)).encode())
    assert publish_status(settings, DAY, db=db)["out_of_date"] is False
    r = db.row(DAY, rows[1].arxiv_id)
    db.set_state(DAY, r.arxiv_id, "rejected", editor="bob", base_rev=r.rev)
    assert publish_status(settings, DAY, db=db)["out_of_date"] is True  # a published row was rejected since
    assert [a.action for a in db.audit(DAY)].count("publish") == 1


def test_a_publish_not_recorded_here_is_found_on_disk(settings, db):
    from digestgen.cache import atomic_write
    from digestgen.render import render_digest
    from digestgen.review.gate import published_path

    r = db.rows(DAY)[3]
    db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    path = published_path(settings, DAY, db=db)  # where `digestgen publish` writes
    atomic_write(path, render_digest(final_digest(settings, DAY, db=db)).encode())
    st = publish_status(settings, DAY, db=db)
    assert st["published"] and not st["out_of_date"] and st["path"] == str(path)
    r = db.row(DAY, r.arxiv_id)
    db.edit(DAY, r.arxiv_id, reword(r.text), editor="ann", base_rev=r.rev)
    assert publish_status(settings, DAY, db=db)["out_of_date"] is True


def test_gate_validates_again_at_publish_time(settings, db):
    from digestgen.validate import ValidatorConfig

    r = db.rows(DAY)[0]
    db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    assert final_digest(settings, DAY, db=db).rows[0].arxiv_id == r.arxiv_id
    db.config = ValidatorConfig(min_words=500, max_words=900)  # stricter limits since the row was approved
    with pytest.raises(PublishRefused, match=rf"{r.arxiv_id} \(length\)"):
        final_digest(settings, DAY, db=db)


def test_a_new_run_updates_untouched_drafts_and_keeps_edits(settings, db):
    rows = db.rows(DAY)
    edited = db.edit(DAY, rows[1].arxiv_id, rows[1].text + " Edited.", editor="ann", base_rev=rows[1].rev)
    run = load_digest(settings, DAY)

    def rerun(first: str, second: str | None = None):  # a new run of the day, as `run` stores it
        rows = [r.model_copy(update={"summary": r.summary + first}) if i == 0 else
                r.model_copy(update={"summary": r.summary + second}) if i == 1 and second else r
                for i, r in enumerate(run.rows)]
        save_digest(settings, run.model_copy(update={"rows": rows, "run_id": f"rerun{first}"}))

    rerun(" Rerun one.", " Rerun two.")
    open_day(settings, DAY, db)
    first, second = db.row(DAY, rows[0].arxiv_id), db.row(DAY, rows[1].arxiv_id)
    assert first.version == 2 and first.text.endswith("Rerun one.") and first.rev == rows[0].rev + 1
    assert second.version == 2 and second.text == edited.text  # the editor's text stays current
    assert second.versions[-1].text.endswith("Rerun two.") and second.versions[-1].version == 3
    assert [a.action for a in db.audit(DAY)][-2:] == ["rerun", "rerun"]
    open_day(settings, DAY, db)  # nothing new the second time
    assert len(db.audit(DAY)) == 4
    rerun(" Rerun one. Again.")  # a third run: the row is still untouched by editors
    open_day(settings, DAY, db)
    assert db.row(DAY, rows[0].arxiv_id).text.endswith("Rerun one. Again.")
    assert len(db.rows(DAY)) == 15


def test_review_versions_reach_the_digest_store(settings, db):
    from digestgen.digests import open_store, row_history

    r = db.rows(DAY)[5 if db.rows(DAY)[5].abstract else 6]
    edited = db.edit(DAY, r.arxiv_id, reword(r.text), editor="ann", base_rev=r.rev)
    stored = load_digest(settings, DAY)
    assert next(x for x in stored.rows if x.arxiv_id == r.arxiv_id).summary == edited.text
    history = row_history(open_store(settings), stored.run_id, r.arxiv_id)
    assert [(h["version"], h["author"], h["source"]) for h in history][-1] == (2, "ann", "review:edit")
    open_day(settings, DAY, db)  # the store's latest text is the review's own: no "new run"
    assert db.row(DAY, r.arxiv_id).version == 2
    db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=db.row(DAY, r.arxiv_id).rev)
    record_published(settings, final_digest(settings, DAY, db=db), settings.out_dir / "x.md", editor="ann", db=db)
    state = open_store(settings).query("SELECT state FROM digests WHERE run_id=?", (stored.run_id,))
    assert state == [("published",)]


def test_a_row_with_findings_is_refused_until_edited_to_pass(settings, db):
    row = db.rows(DAY)[2]
    assert not row.errors
    cut = row.text[:row.text.index(" For AI practitioners,")]  # the implication dropped
    bad = db.edit(DAY, row.arxiv_id, cut, editor="ann", base_rev=row.rev)
    assert "missing_part:implication" in {f.code for f in bad.errors}
    db.set_state(DAY, row.arxiv_id, "approved", editor="ann", base_rev=bad.rev)  # approved anyway
    with pytest.raises(PublishRefused, match=rf"{row.arxiv_id} \(missing_part:implication\)"):
        final_digest(settings, DAY, db=db)
    fixed = db.edit(DAY, row.arxiv_id, reword(good_text(row.arxiv_id)), editor="bob",
                    base_rev=db.row(DAY, row.arxiv_id).rev)
    assert fixed.state == "draft" and not fixed.errors  # the edit withdrew the approval of the bad text
    with pytest.raises(PublishRefused, match="is approved"):
        final_digest(settings, DAY, db=db)
    db.set_state(DAY, row.arxiv_id, "approved", editor="bob", base_rev=fixed.rev)
    digest = final_digest(settings, DAY, db=db)
    assert [(r.arxiv_id, r.summary) for r in digest.rows] == [(row.arxiv_id, fixed.text)]


def test_the_gate_passes_exactly_the_rows_of_the_offline_engine_that_pass(tmp_path):
    """The real offline engine, however good it is today: every row that is not ``ok`` is refused, by id."""
    s = tmp_settings(tmp_path, ROOT / "cache", engine=None)
    assert s.default_engine() == "extractive"
    run = asyncio.run(arun_day(DAY, settings=s, offline=True))
    passing = [r.arxiv_id for r in run.digest.rows if r.status == "ok"]
    failing = {r.arxiv_id for r in run.digest.rows if r.status != "ok"}
    assert NO_ABSTRACT in failing
    db = open_day(s, DAY, ReviewDB(tmp_path / "review.sqlite"))
    assert {r.arxiv_id for r in db.rows(DAY) if r.errors} == failing  # what the review page flags
    for r in db.rows(DAY):
        db.set_state(DAY, r.arxiv_id, "approved", editor="ann", base_rev=r.rev)
    with pytest.raises(PublishRefused) as refused:
        final_digest(s, DAY, db=db)
    assert set(re.findall(r"(\d{4}\.\d{5}) \(", str(refused.value))) == failing
    for aid in failing:
        db.set_state(DAY, aid, "rejected", editor="ann", base_rev=db.row(DAY, aid).rev)
    if passing:
        assert [r.arxiv_id for r in final_digest(s, DAY, db=db).rows] == passing
    else:  # nothing the engine wrote passes: nothing is published
        with pytest.raises(PublishRefused, match="is approved"):
            final_digest(s, DAY, db=db)
