"""Notifications: splitting, the delivery log (once, retried, at-most-once across a crash), secrets kept out."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3

import pytest

from digestgen.config import Settings
from digestgen.publish.channels import SlackWebhook, Telegram, reader_channels
from digestgen.publish.deliveries import DeliveryLog, deliver
from digestgen.publish.messages import (TELEGRAM_LIMIT, review_notice, slack_messages, split_blocks,
                                        telegram_messages, utf16_len)
from digestgen.testing.chat_servers import (ChatLog, server_error, slack_429, slack_webhook_handler, telegram_429,
                                            telegram_handler)
from digestgen.testing.servers import LocalServer
from digestgen.types import Digest, DigestRow, Finding

TOKEN = "123456:AAE-secret-bot-token"
HOOK = "/services/T000/B000/XXXXsecretXXXX"


def long_digest(n=15, words=180) -> Digest:
    rows = [DigestRow(arxiv_id=f"2502.{19600 + i}", title=f"A study of thing {i} <b>&</b>",
                      authors=["Ada Lovelace", "Émilie du Châtelet"],
                      summary=" ".join(f"w{i}x{j}" for j in range(words)) + " 😀 improves by 3.1%.")
            for i in range(n)]
    return Digest(date=dt.date(2025, 2, 28), rows=rows)


def test_telegram_split_keeps_rows_and_links_whole():
    d = long_digest()
    msgs = telegram_messages(d, Settings())
    assert len(msgs) > 1
    assert all(utf16_len(m) <= TELEGRAM_LIMIT for m in msgs)
    for i, row in enumerate(d.rows, 1):
        holders = [m for m in msgs if f"https://arxiv.org/abs/{row.arxiv_id}" in m]
        assert len(holders) == 1 and f"{i}. {row.title}" in holders[0]  # the whole row is in one message
    assert "\n\n".join(msgs).count("https://arxiv.org/abs/") == 15


def test_a_row_longer_than_a_message_is_cut_between_words_never_in_a_link():
    url = "https://arxiv.org/abs/2502.19613"
    block = " ".join(["word"] * 3000) + " " + url + " " + " ".join(["tail"] * 500)
    msgs = split_blocks(["head", block], 4096)
    assert all(utf16_len(m) <= 4096 for m in msgs)
    assert sum(m.count(url) for m in msgs) == 1
    assert " ".join(" ".join(msgs).split()) == " ".join(("head " + block).split())


def test_split_counts_utf16_units():
    emoji = "😀" * 2000  # 4000 UTF-16 units in 2000 code points
    msgs = split_blocks([emoji, "x" * 200], 4096)
    assert msgs == [emoji, "x" * 200]


def test_slack_text_is_escaped():
    msgs = slack_messages(long_digest(1), Settings())
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in msgs[0] and "<https://arxiv.org/abs/2502.19600|" in msgs[0]


def test_review_notice_says_what_needs_review():
    d = long_digest(3)
    d.rows[1] = d.rows[1].model_copy(update={"findings": [Finding(code="no_number", severity="error", message="x")],
                                              "status": "needs_review"})
    d.rows[2] = d.rows[2].model_copy(update={"status": "needs_attention"})
    text = review_notice(d, "out/digests/2025/02/28.md")
    assert "3 rows, 2 flagged" in text
    assert "2502.19601 A study of thing 1 <b>&</b>: needs review (no_number)" in text
    assert "2502.19602" in text and "needs attention" in text and "out/digests/2025/02/28.md" in text


@pytest.fixture
def servers():
    slack, tg = ChatLog(), ChatLog()
    with LocalServer(slack_webhook_handler(slack, HOOK)) as s, LocalServer(telegram_handler(tg, TOKEN)) as t:
        yield s, t, slack, tg


def chans(s, t):
    return [SlackWebhook(s.url + HOOK), Telegram(TOKEN, "-1001", t.url)]


def plan_day(log, digest, s, t):
    settings = Settings()
    a = log.plan(channel="slack", kind="digest", day=str(digest.date), messages=slack_messages(digest, settings))
    b = log.plan(channel="telegram", kind="digest", day=str(digest.date), messages=telegram_messages(digest, settings))
    return a, b


def test_each_message_sent_once_not_twice_on_rerun(tmp_path, servers):
    s, t, slack, tg = servers
    log = DeliveryLog(tmp_path / "db.sqlite")
    d = long_digest()
    assert plan_day(log, d, s, t) == (True, True)
    rep = deliver(log, chans(s, t))
    n_tg = len(telegram_messages(d, Settings()))
    assert len(rep.sent) == 1 + n_tg and not rep.failed
    assert len(slack.messages) == 1 and len(tg.messages) == n_tg
    assert tg.messages[0]["chat_id"] == "-1001" and tg.texts()[0].startswith("Daily AI Papers: papers for 2025-02-28")
    # a re-run (a new process: a fresh log object on the same file) plans nothing and sends nothing
    log2 = DeliveryLog(tmp_path / "db.sqlite")
    assert plan_day(log2, d, s, t) == (False, False)
    assert deliver(log2, chans(s, t)).sent == []
    assert len(slack.messages) == 1 and len(tg.messages) == n_tg


def test_429_retry_after_is_honoured(tmp_path, servers):
    s, t, slack, tg = servers
    log = DeliveryLog(tmp_path / "db.sqlite")
    plan_day(log, long_digest(2), s, t)
    t.script(telegram_429(7))
    s.script(slack_429(3))
    waits = []
    rep = deliver(log, chans(s, t), sleep=waits.append)
    assert sorted(waits) == [3.0, 7.0]
    assert not rep.failed and len(slack.messages) == 1 and len(tg.messages) == 1


def test_a_failed_send_is_retried_next_run_in_order(tmp_path, servers):
    s, t, slack, tg = servers
    log = DeliveryLog(tmp_path / "db.sqlite")
    d = long_digest()
    plan_day(log, d, s, t)
    n_tg = len(telegram_messages(d, Settings()))
    s.script(server_error(), server_error(), server_error())  # Slack is down for the whole first run
    first = deliver(log, [chans(s, t)[0]], sleep=lambda w: None)
    assert first.failed == ["slack/digest/-/2025-02-28#1"] and slack.messages == []
    deliver(log, [chans(s, t)[1]], sleep=lambda w: None, attempts=1)  # all telegram parts go out
    assert len(tg.messages) == n_tg
    # next run: the slack message goes out, once; nothing else is repeated
    second = deliver(DeliveryLog(tmp_path / "db.sqlite"), chans(s, t), sleep=lambda w: None)
    assert second.sent == ["slack/digest/-/2025-02-28#1"] and len(slack.messages) == 1 and len(tg.messages) == n_tg


def test_a_failed_middle_part_holds_back_the_rest_until_next_run(tmp_path, servers):
    s, t, slack, tg = servers
    log = DeliveryLog(tmp_path / "db.sqlite")
    d = long_digest()
    log.plan(channel="telegram", kind="digest", day="2025-02-28", messages=telegram_messages(d, Settings()))
    n = len(telegram_messages(d, Settings()))
    assert n >= 3
    ok = tg  # first part succeeds, then the server fails twice (both tries of part 2)
    calls = {"n": 0}
    real = t.handler

    def flaky(req):
        calls["n"] += 1
        if calls["n"] in (2, 3):
            return server_error(503)
        return real(req)

    t.handler = flaky
    rep = deliver(log, [Telegram(TOKEN, "-1001", t.url)], attempts=2, sleep=lambda w: None)
    assert len(ok.messages) == 1 and len(rep.failed) == n - 1
    rep2 = deliver(log, [Telegram(TOKEN, "-1001", t.url)], sleep=lambda w: None)
    assert len(rep2.sent) == n - 1
    texts = ok.texts()
    assert texts == telegram_messages(d, Settings())  # every part once, in order


def test_crash_between_send_and_record_is_at_most_once(tmp_path, servers):
    s, t, slack, tg = servers
    path = tmp_path / "db.sqlite"
    log = DeliveryLog(path)
    log.plan(channel="slack", kind="digest", day="2025-02-28", messages=["hello"])
    # the state a crash leaves: marked 'sending', the server may or may not have posted it
    log.set("slack/digest/-/2025-02-28#1", "sending", attempt=True)
    rep = deliver(DeliveryLog(path), chans(s, t))
    assert rep.uncertain == ["slack/digest/-/2025-02-28#1"] and slack.messages == []
    assert deliver(DeliveryLog(path), chans(s, t)).sent == []  # not re-sent automatically
    assert DeliveryLog(path).resend("slack/digest/-/2025-02-28#1")
    assert deliver(DeliveryLog(path), chans(s, t)).sent == ["slack/digest/-/2025-02-28#1"]
    assert slack.texts() == ["hello"]


def test_secrets_never_in_errors_or_logs(tmp_path, servers, caplog):
    s, t, slack, tg = servers
    caplog.set_level(logging.DEBUG)
    log = DeliveryLog(tmp_path / "db.sqlite")
    log.plan(channel="telegram", kind="digest", day="2025-02-28", messages=["hi"])
    log.plan(channel="slack", kind="digest", day="2025-02-28", messages=["hi"])
    # Telegram rejects the (wrong) token; the Slack webhook points at a closed port
    bad_slack = SlackWebhook("http://127.0.0.1:9" + HOOK)
    progress = []
    rep = deliver(log, [bad_slack, Telegram(TOKEN, "-1001", t.url + "/x")], progress=progress.append,
                  sleep=lambda w: None)
    assert len(rep.failed) == 2
    errors = [d.error for d in log.all()]
    assert all(errors) and any("cannot connect" in e for e in errors) and any("error 404" in e for e in errors)
    dump = "\n".join(errors + progress + [r.getMessage() for r in caplog.records])
    # httpx logged the request line, with the token scrubbed out of its URL
    assert any("/bot[secret]/sendMessage" in r.getMessage() for r in caplog.records)
    for secret in (TOKEN, HOOK, "XXXXsecretXXXX", "AAE-secret"):
        assert secret not in dump
    raw = sqlite3.connect(tmp_path / "db.sqlite").execute("SELECT group_concat(error) FROM deliveries").fetchone()[0]
    assert TOKEN not in raw and HOOK not in raw


def test_settings_keep_secrets_out_of_repr(monkeypatch):
    monkeypatch.setenv("DIGESTGEN_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("DIGESTGEN_TELEGRAM_CHAT", "-1001")
    monkeypatch.setenv("DIGESTGEN_SLACK_WEBHOOK", "https://hooks.slack.com" + HOOK)
    settings = Settings.load()
    assert TOKEN not in repr(settings) and HOOK not in repr(settings) and HOOK not in str(settings.model_dump())
    assert [c.name for c in reader_channels(settings)] == ["slack", "telegram"]
    assert re.search(r"SecretStr\('\*+'\)", repr(settings))


def test_a_real_crash_mid_send_is_not_sent_twice(tmp_path):
    """Kill the process while Telegram holds the request: the next run reports it, and does not post it again."""
    import os
    import signal
    import subprocess
    import sys
    import time

    tg = ChatLog()
    real = telegram_handler(tg, TOKEN)

    def slow(req):
        reply = real(req)          # the message is posted...
        reply.delay = 30           # ...but the answer never arrives before the crash
        return reply

    with LocalServer(slow) as t:
        env = {**os.environ, "DIGESTGEN_HOME": str(tmp_path / "home"), "DIGESTGEN_TELEGRAM_TOKEN": TOKEN,
               "DIGESTGEN_TELEGRAM_CHAT": "-1001", "DIGESTGEN_TELEGRAM_URL": t.url}
        log = DeliveryLog(tmp_path / "home" / "llm.sqlite")
        log.plan(channel="telegram", kind="digest", day="2025-02-28", messages=["part one", "part two"])
        log.close()
        proc = subprocess.Popen([sys.executable, "-m", "digestgen.cli", "deliveries", "--send"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not tg.messages and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tg.texts() == ["part one"]
        t.handler = real
        log = DeliveryLog(tmp_path / "home" / "llm.sqlite")
        rep = deliver(log, [Telegram(TOKEN, "-1001", t.url)])
        assert rep.uncertain == ["telegram/digest/-/2025-02-28#1"] and rep.sent == ["telegram/digest/-/2025-02-28#2"]
        assert tg.texts() == ["part one", "part two"]  # part one was not posted twice
        assert {d.key: d.status for d in log.all()} == {"telegram/digest/-/2025-02-28#1": "uncertain",
                                                          "telegram/digest/-/2025-02-28#2": "sent"}


def test_no_answer_after_sending_is_uncertain_but_no_connection_is_retried(tmp_path):
    tg = ChatLog()
    real = telegram_handler(tg, TOKEN)

    def slow(req):
        reply = real(req)
        reply.delay = 5
        return reply

    with LocalServer(slow) as t:
        log = DeliveryLog(tmp_path / "db.sqlite")
        log.plan(channel="telegram", kind="digest", day="2025-02-28", messages=["hello"])
        rep = deliver(log, [Telegram(TOKEN, "-1001", t.url)], timeout=0.3, sleep=lambda w: None)
        assert rep.uncertain == ["telegram/digest/-/2025-02-28#1"] and len(tg.messages) == 1
        assert "no answer after sending (ReadTimeout)" in log.all()[0].error
    log.plan(channel="slack", kind="digest", day="2025-02-28", messages=["hello"])
    rep = deliver(log, [SlackWebhook("http://127.0.0.1:9/hook")], sleep=lambda w: None)
    assert rep.failed == ["slack/digest/-/2025-02-28#1"]
    assert [d.attempts for d in log.all() if d.channel == "slack"] == [1]
    assert "cannot connect (ConnectError)" in [d.error for d in log.all() if d.channel == "slack"][0]
