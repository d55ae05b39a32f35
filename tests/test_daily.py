"""`digestgen daily`: the sample day end to end against local servers (HF, arXiv, Slack, Telegram).

The day is summarised by the test-only ``fixed`` engine (hand-written rows that pass the validator), so
these tests are about publishing, not about how good the offline engine is today; one test runs the
real offline engine and checks that whatever it gets wrong waits for review and is not published.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import xml.etree.ElementTree as ET

import pytest

from digestgen.cli import main
from digestgen.parse import parse_file
from digestgen.testing.fixed_engine import register_fixed_engine
from digestgen.testing.chat_servers import (ChatLog, server_error, slack_webhook_handler, telegram_429,
                                            telegram_handler)
from digestgen.testing.servers import LocalServer, arxiv_handler, hf_daily_handler

TOKEN = "987654:daily-secret-token"
HOOK = "/services/TDAILY/BDAILY/secrethook"
EDITORS = "/services/TEDIT/BEDIT/editorshook"
ENGINE = register_fixed_engine()


def approve(day: dt.date, ids=None) -> None:
    """What an editor does in `digestgen review`: approve rows (all, or the ids given)."""
    from digestgen.config import Settings
    from digestgen.review.state import open_day

    db = open_day(Settings.load(), day)
    try:
        for r in db.rows(day):
            if ids is None or r.arxiv_id in ids:
                db.set_state(day, r.arxiv_id, "approved", editor="test editor", base_rev=None)
    finally:
        db.close()


def cli(*args) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return exc.value.code


@pytest.fixture
def world(tmp_path, monkeypatch, sample_papers):
    """Local HF + arXiv (the sample day's papers that have abstracts) and the two chat services."""
    papers = [p.model_copy(update={"upvotes": 40 - i}) for i, p in enumerate(sample_papers) if p.abstract]
    slack, tg, editors = ChatLog(), ChatLog(), ChatLog()
    hf, ax, sl, ed, t = servers = [LocalServer(h).start() for h in (
        hf_daily_handler({"2025-02-28": papers}), arxiv_handler({p.arxiv_id: p for p in sample_papers}),
        slack_webhook_handler(slack, HOOK), slack_webhook_handler(editors, EDITORS), telegram_handler(tg, TOKEN))]
    try:
        monkeypatch.chdir(tmp_path)
        env = {"DIGESTGEN_HF_URL": hf.url + "/api", "DIGESTGEN_ARXIV_URL": ax.url + "/api/query",
               "DIGESTGEN_CACHE": str(tmp_path / "cache"), "DIGESTGEN_OUT": str(tmp_path / "drafts"),
               "DIGESTGEN_PUBLISH_DIR": str(tmp_path / "public"), "DIGESTGEN_SITE_URL": "https://papers.example.org",
               "DIGESTGEN_SLACK_WEBHOOK": sl.url + HOOK, "DIGESTGEN_TELEGRAM_TOKEN": TOKEN,
               "DIGESTGEN_TELEGRAM_CHAT": "-100200", "DIGESTGEN_TELEGRAM_URL": t.url,
               "DIGESTGEN_EDITORS_SLACK_WEBHOOK": ed.url + EDITORS, "DIGESTGEN_ENGINE": ENGINE}
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        yield {"papers": papers, "hf": hf, "slack": sl, "tg": t, "slack_log": slack, "tg_log": tg,
               "editors": editors, "root": tmp_path}
    finally:  # stop the five servers at once (each shutdown waits for its poll loop)
        stoppers = [threading.Thread(target=srv.stop) for srv in servers]
        for th in stoppers:
            th.start()
        for th in stoppers:
            th.join()


@pytest.mark.slow  # the longest end-to-end run: three retried Slack posts and a Telegram flood wait
def test_daily_publishes_the_sample_day_and_notifies_once(world, capsys):
    papers, root = world["papers"], world["root"]
    world["slack"].script(server_error(503), server_error(503), server_error(503))  # Slack is down for run 1
    world["tg"].script(telegram_429(1))                                                # flood control once
    assert cli("daily", "--date", "2025-02-28", "--no-review") == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and out.startswith("published 2025-02-28: 14 papers -> ")
    assert "1 failed (retried next run)" in out
    assert "[14/14]" in err and "retrying in 1s" in err
    # archive markdown + JSON, index, HTML page, feeds
    md = root / "public" / "archive" / "2025" / "02" / "28.md"
    assert [r.arxiv_id for r in parse_file(md).rows] == [p.arxiv_id for p in papers]
    data = json.loads(md.with_suffix(".json").read_text())
    assert data["date"] == "2025-02-28" and len(data["rows"]) == 14
    assert "- [2025-02-28](archive/2025/02/28.md): 14 papers" in (root / "public" / "README.md").read_text()
    page = (root / "public" / "site" / "2025" / "02" / "28.html").read_text()
    assert all(p.arxiv_id in page for p in papers) and "needs review" not in page
    atom = ET.fromstring((root / "public" / "site" / "atom.xml").read_bytes())
    assert [e.text for e in atom.iter("{http://www.w3.org/2005/Atom}title")][1] == "Papers for 2025-02-28"
    assert json.loads((root / "public" / "site" / "feed.json").read_text())["items"][0]["url"] == \
        "https://papers.example.org/2025/02/28.html"
    # Telegram: every part once, in order, each under 4,096; Slack: nothing yet (it failed)
    tg = world["tg_log"].texts()
    assert len(tg) >= 2 and all(len(t) <= 4096 for t in tg)
    assert "\n\n".join(tg).count("https://arxiv.org/abs/") == 14
    assert world["slack_log"].messages == []
    # the store knows which run of the day went out
    from digestgen.config import Settings
    from digestgen.digests import open_store

    store = open_store(Settings.load())
    states = store.db.execute("SELECT state, published_at IS NOT NULL FROM digests WHERE day='2025-02-28'").fetchall()
    store.close()
    assert states == [("published", 1)]
    # run 2: the day is not redone; the failed Slack post goes out now, Telegram is not repeated
    assert cli("daily", "--date", "2025-02-28", "--no-review") == 0
    out, _ = capsys.readouterr()
    assert out.startswith("already published 2025-02-28") and "1 sent" in out
    assert len(world["slack_log"].messages) == 1 and world["tg_log"].texts() == tg
    assert "https://papers.example.org/2025/02/28.html" in world["slack_log"].texts()[0]
    # run 3: nothing left to send
    assert cli("daily", "--date", "2025-02-28", "--no-review") == 0
    assert "0 sent" in capsys.readouterr().out
    assert len(world["slack_log"].messages) == 1 and world["tg_log"].texts() == tg
    assert world["editors"].messages == []
    # secrets stayed out of everything the runs printed
    assert TOKEN not in out + err and HOOK not in out + err


def test_weekend_is_no_papers_and_nothing_is_published(world, capsys):
    assert cli("daily", "--date", "2025-03-01", "--no-review") == 4
    out, err = capsys.readouterr()
    assert out.startswith("no papers for 2025-03-01: no HF daily list") and "Traceback" not in err
    assert not (world["root"] / "public").exists() and not (world["root"] / "drafts").exists()
    assert world["slack_log"].messages == [] and world["tg_log"].messages == []
    # the empty list is not cached: a later run (HF fills a day's list during the day) asks again
    assert cli("daily", "--date", "2025-03-01", "--no-review") == 4
    assert len([r for r in world["hf"].requests if r.query.get("date") == ["2025-03-01"]]) == 2
    capsys.readouterr()
    assert cli("daily", "--date", "2025-03-01", "--json") == 4
    res = json.loads(capsys.readouterr().out)
    assert res["status"] == "no_papers" and res["exit_code"] == 4 and res["date"] == "2025-03-01"


def test_hf_error_is_a_failure_not_no_papers(world, capsys):
    from digestgen.testing.servers import Reply

    world["hf"].handler = lambda req: Reply.json({"error": "Not Found"}, status=404)
    assert cli("daily", "--date", "2025-02-28", "--no-review") == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("error: HF daily list: HTTP 404")
    assert not (world["root"] / "public").exists()


def test_profile_keeps_only_matching_papers_with_explain(world, capsys):
    prof = world["root"] / "vision.toml"
    prof.write_text('categories = ["cs.CV"]\nexclude_keywords = ["video"]\norder = "upvotes"\n')
    assert cli("daily", "--date", "2025-02-28", "--no-review", "--profile", str(prof), "--explain") == 0
    out = capsys.readouterr().out.splitlines()
    keep = [line.split()[2] for line in out if line.startswith("keep")]
    drop = {line.split()[1]: line for line in out if line.startswith("drop")}
    assert keep == ["2502.20321", "2502.20172"]
    assert "excluded: keyword 'video'" in drop["2502.20307"]
    assert "no category in cs.CV (has cs.AI, cs.LG)" in drop["2502.19613"]
    assert out[-1].startswith("published 2025-02-28 (vision): 2 papers")
    md = world["root"] / "public" / "vision" / "archive" / "2025" / "02" / "28.md"
    assert [r.arxiv_id for r in parse_file(md).rows] == keep
    assert not (world["root"] / "public" / "archive").exists()  # the whole-list digest is another site


def test_review_on_stops_at_drafts_and_tells_editors_once(world, capsys):
    assert cli("daily", "--date", "2025-02-28") == 3
    out = capsys.readouterr().out
    assert out.startswith("waiting for review 2025-02-28: 14 rows, 0 flagged (review is on)")
    assert not (world["root"] / "public").exists()
    assert world["slack_log"].messages == [] and world["tg_log"].messages == []
    notice = world["editors"].texts()
    assert len(notice) == 1 and "the digest for 2025-02-28 waits for review: 14 rows, 0 flagged" in notice[0]
    assert "drafts/2025/02/28.md" in notice[0]
    assert cli("daily", "--date", "2025-02-28") == 3  # a re-run neither regenerates nor nags
    assert "from an earlier run" in capsys.readouterr().out and len(world["editors"].messages) == 1


def test_offline_sample_day_with_a_row_needing_attention_is_not_published(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DIGESTGEN_PUBLISH_DIR", str(tmp_path / "public"))
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "drafts"))
    monkeypatch.setenv("DIGESTGEN_ENGINE", ENGINE)  # every row passes but the paper arXiv gave no abstract
    assert cli("daily", "--date", "2025-02-28", "--offline", "--no-review") == 3
    assert "15 rows, 1 flagged (1 row(s) did not pass)" in capsys.readouterr().out
    assert not (tmp_path / "public").exists()
    # `publish --date` without the review app refuses a draft with a failing row: one line, exit 1
    assert cli("publish", "--date", "2025-02-28") == 1
    assert "refused" in capsys.readouterr().err and not (tmp_path / "public").exists()


def test_the_offline_engines_rows_that_do_not_pass_wait_for_review(tmp_path, monkeypatch, capsys):
    """The real offline engine, however good it is today: every row it marks is counted, nothing goes out."""
    monkeypatch.setenv("DIGESTGEN_PUBLISH_DIR", str(tmp_path / "public"))
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "drafts"))
    assert cli("daily", "--date", "2025-02-28", "--offline", "--no-review", "--engine", "extractive") == 3
    out = capsys.readouterr().out
    draft = json.loads((tmp_path / "drafts" / "2025" / "02" / "28.json").read_text())
    marked = [r["arxiv_id"] for r in draft["rows"] if r["status"] != "ok"]
    assert "2502.16645" in marked and {r["engine"] for r in draft["rows"]} == {"extractive"}
    assert out.count("\n") == 1
    assert f"15 rows, {len(marked)} flagged ({len(marked)} row(s) did not pass)" in out
    assert not (tmp_path / "public").exists()


def test_publish_date_and_rebuild(world, capsys):
    assert cli("daily", "--date", "2025-02-28") == 3  # drafts only
    capsys.readouterr()
    approve(dt.date(2025, 2, 28))
    assert cli("publish", "--date", "2025-02-28") == 0
    out = capsys.readouterr().out
    assert out.startswith("published 2025-02-28: 14 papers") and "notifications:" in out
    assert len(world["slack_log"].messages) == 1
    site = world["root"] / "public"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (site / "site" / "index.html").unlink()
    (site / "README.md").write_text("stale")
    assert cli("publish", "--rebuild") == 0
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_bad_date_and_profile_are_one_line(tmp_path, capsys):
    assert cli("daily", "--date", "someday") == 2
    assert "use today, tomorrow, yesterday or YYYY-MM-DD" in capsys.readouterr().err
    bad = tmp_path / "p.toml"
    bad.write_text('order = "random"\n')
    assert cli("daily", "--date", "2025-02-28", "--profile", str(bad)) == 2
    err = capsys.readouterr().err
    assert "profile" in err and "order" in err and "Traceback" not in err


def test_a_crash_after_the_day_json_is_healed_on_the_next_run(world, capsys):
    from digestgen.config import Settings
    from digestgen.publish.layout import Layout, digest_json
    from digestgen.types import Digest, DigestRow

    d = Digest(date=dt.date(2025, 2, 27), rows=[DigestRow(arxiv_id="2502.00001", title="T", authors=["A"],
                                                          summary="It improves accuracy by 3%.")])
    layout = Layout(Settings.load().publish_dir)
    layout.archive_json(d.date).parent.mkdir(parents=True)
    layout.archive_json(d.date).write_bytes(digest_json(d))  # the run died right after the JSON
    assert cli("daily", "--date", "2025-02-27", "--no-review") == 0
    assert capsys.readouterr().out.startswith("already published 2025-02-27")
    assert layout.page(d.date).exists() and layout.archive_md(d.date).exists()
    assert "2025-02-27" in layout.index_md.read_text()
    assert len(world["slack_log"].messages) == 1 and len(world["tg_log"].messages) == 1


def test_publish_no_notify_is_remembered(world, capsys):
    assert cli("daily", "--date", "2025-02-28") == 3
    approve(dt.date(2025, 2, 28))
    assert cli("publish", "--date", "2025-02-28", "--no-notify") == 0
    assert cli("daily", "--date", "2025-02-28") == 0
    assert "notifications: skipped" in capsys.readouterr().out
    assert world["slack_log"].messages == [] and world["tg_log"].messages == []


def test_publish_goes_through_the_review_gate(world, capsys):
    from digestgen.config import Settings
    from digestgen.review.gate import publish_status

    day = dt.date(2025, 2, 28)
    assert cli("daily", "--date", "2025-02-28") == 3
    capsys.readouterr()
    assert cli("publish", "--date", "2025-02-28") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: refused: no row of 2025-02-28 is approved")
    assert not (world["root"] / "public").exists()
    # a later scheduled run does not publish a half-approved day either
    keep = [p.arxiv_id for p in world["papers"][:3]]
    approve(day, keep)
    assert cli("daily", "--date", "2025-02-28") == 3
    assert not (world["root"] / "public").exists()
    capsys.readouterr()
    assert cli("publish", "--date", "2025-02-28") == 0
    assert "published 2025-02-28: 3 papers" in capsys.readouterr().out
    md = world["root"] / "public" / "archive" / "2025" / "02" / "28.md"
    assert [r.arxiv_id for r in parse_file(md).rows] == keep and len(world["slack_log"].messages) == 1
    status = publish_status(Settings.load(), day)  # the review app knows it went out
    assert status["published"] and not status["out_of_date"] and status["path"] == str(md)


def test_the_review_apps_publish_button_is_announced_once(world, capsys):
    """The review app calls publish_day: the readers' messages are planned then, sent by the next run."""
    from digestgen.config import Settings
    from digestgen.publish import publish_day
    from digestgen.review.gate import final_digest

    day = dt.date(2025, 2, 28)
    assert cli("daily", "--date", "2025-02-28") == 3
    approve(day)
    publish_day(Settings.load(), final_digest(Settings.load(), day))
    assert world["slack_log"].messages == []          # planned, not sent, by the button
    assert cli("deliveries", "--send") == 0
    assert len(world["slack_log"].messages) == 1 and len(world["tg_log"].messages) >= 2
    n = len(world["tg_log"].messages)
    assert cli("daily", "--date", "2025-02-28") == 0   # already published: nothing posted again
    assert len(world["slack_log"].messages) == 1 and len(world["tg_log"].messages) == n


@pytest.mark.slow  # retries three failing Slack posts before the listing
def test_deliveries_command_lists_and_resends(world, capsys):
    from digestgen.publish.deliveries import DeliveryLog

    world["slack"].script(*[server_error(500)] * 3)
    assert cli("daily", "--date", "2025-02-28", "--no-review") == 0
    capsys.readouterr()
    assert cli("deliveries", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["channel"]: r["status"] for r in rows} == {"slack": "failed", "telegram": "sent"}
    assert all(TOKEN not in json.dumps(r) and HOOK not in json.dumps(r) for r in rows)
    log = DeliveryLog()
    log.set("telegram/digest/-/2025-02-28#1", "uncertain", "test")
    log.close()
    assert cli("deliveries", "--resend", "telegram/digest/-/2025-02-28#1") == 0
    out = capsys.readouterr().out
    assert "slack/digest/-/2025-02-28#1" in out and "sent" in out
    assert len(world["slack_log"].messages) == 1
    assert world["tg_log"].texts().count(world["tg_log"].texts()[0]) == 2  # resent on request, once
    assert cli("deliveries", "--resend", "nope") == 2


def test_select_shows_decisions_without_generating(world, capsys):
    prof = world["root"] / "nlp.toml"
    prof.write_text('keywords = ["language model", "LLM"]\nmax_papers = 3\norder = "upvotes"\n')
    assert cli("select", "--date", "2025-02-28", "--profile", str(prof), "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    kept = sorted((r for r in rows if r["kept"]), key=lambda r: r["rank"])
    assert len(kept) == 3 and all(r["reasons"] for r in rows)
    assert [r["rank"] for r in kept] == [1, 2, 3]
    assert any("over max_papers 3" in "; ".join(r["reasons"]) for r in rows if not r["kept"])
    assert not (world["root"] / "drafts").exists() and not (world["root"] / "public").exists()


def test_two_profiles_two_digests_and_the_status_that_needs_attention_wins(world, capsys):
    (world["root"] / "vision.toml").write_text('categories = ["cs.CV"]\n')
    (world["root"] / "none.toml").write_text('keywords = ["protein folding"]\n')
    code = cli("daily", "--date", "2025-02-28", "--no-review", "--profile", str(world["root"] / "vision.toml"),
               "--profile", str(world["root"] / "none.toml"))
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("published 2025-02-28 (vision): 3 papers")
    assert out[1].startswith("no papers for 2025-02-28 (none): none of the 14 matches profile 'none'")
    assert code == 4  # "no papers" outranks "published": the scheduler hears about the empty digest
    assert (world["root"] / "public" / "vision" / "archive" / "2025" / "02" / "28.md").exists()
    assert not (world["root"] / "public" / "none").exists()
