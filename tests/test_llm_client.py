"""The one LLM client: limiter, negotiation, purposes, redaction, settings; through the real `openai` client."""

import asyncio
import json
import time

import pytest

from digestgen.config import Settings
from digestgen.limits import Limiter
from digestgen.llm import CallFailed, LLMClient, redact, redact_url
from digestgen.testing.fake_openai import FakeOpenAI
from digestgen.testing.servers import Reply


def test_tpm_limiter_spaces_requests_by_their_tokens():
    # 6,000 tokens per minute = 100 tokens per second: 50-token slots start 0.5 s apart, 200-token ones 2 s
    lim = Limiter(concurrency=8, tpm=6000)
    starts = []

    async def one(tokens):
        async with lim.slot(tokens):
            starts.append(time.monotonic())

    async def go(sizes):
        await asyncio.gather(*(one(n) for n in sizes))

    asyncio.run(go([50, 50, 50]))
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert all(0.45 <= g <= 0.7 for g in gaps), gaps
    starts.clear()
    lim = Limiter(concurrency=8, tpm=6000)  # a fresh bucket
    asyncio.run(go([200, 10]))
    assert 1.9 <= starts[1] - starts[0] <= 2.3  # the second waits for the first one's 200 tokens


def test_limiter_rejects_no_limit_disguised_as_zero():
    with pytest.raises(ValueError):
        Limiter(concurrency=1, tpm=0)
    with pytest.raises(ValueError):
        Limiter(concurrency=1, rpm=-5)
    with pytest.raises(ValueError):
        Limiter(concurrency=0)


def test_from_settings_and_purposes_in_the_call_log(tmp_path):
    with FakeOpenAI(responder=lambda body: '{"answer": "yes"}') as srv:
        settings = Settings(openai_base_url=srv.url, openai_api_key="k", model="gpt-4o-mini")
        llm = LLMClient.from_settings(settings, store=tmp_path / "s.sqlite")

        async def go():
            try:
                a = await llm.complete([{"role": "user", "content": "q?"}], purpose="qa",
                                       schema={"type": "object", "properties": {"answer": {"type": "string"}},
                                               "required": ["answer"], "additionalProperties": False})
                b = await llm.complete([{"role": "user", "content": "judge"}], purpose="judge")
                c = await llm.complete([{"role": "user", "content": "judge"}], purpose="judge")
                return a, b, c
            finally:
                await llm.aclose()

        a, b, c = asyncio.run(go())
    assert a.parsed == {"answer": "yes"} and not a.cached and a.tokens_in > 0 and a.cost > 0
    assert b.parsed is None and b.text == '{"answer": "yes"}'
    assert c.cached and c.cost == 0.0
    assert len(srv.chat_requests()) == 2
    assert srv.chat_requests()[0].json()["response_format"]["type"] == "json_schema"
    assert "response_format" not in srv.chat_requests()[1].json()
    rows = llm.store.db.execute("SELECT purpose, cache_hit FROM calls ORDER BY id").fetchall()
    assert rows == [("qa", 0), ("judge", 0), ("judge", 1)]


def test_negotiation_is_remembered_per_endpoint_and_model(tmp_path):
    with FakeOpenAI(reject_json_schema=True, responder=lambda body: '{"a": 1}') as srv:
        schema = {"type": "object"}

        async def ask(llm, q):
            try:
                return await llm.complete([{"role": "user", "content": q}], schema=schema)
            finally:
                await llm.aclose()

        first = LLMClient(model="m1", base_url=srv.url, store=tmp_path / "a.sqlite")
        assert asyncio.run(ask(first, "one")).parsed == {"a": 1}
        second = LLMClient(model="m1", base_url=srv.url, store=tmp_path / "b.sqlite")
        asyncio.run(ask(second, "two"))
        other_model = LLMClient(model="m2", base_url=srv.url, store=tmp_path / "c.sqlite")
        asyncio.run(ask(other_model, "three"))
        kinds = [(r.json()["model"], r.json()["response_format"]["type"]) for r in srv.chat_requests()]
    assert kinds == [("m1", "json_schema"), ("m1", "json_object"), ("m1", "json_object"),
                     ("m2", "json_schema"), ("m2", "json_object")]


def test_a_400_is_a_call_failure_with_the_redacted_reason(tmp_path):
    with FakeOpenAI() as srv:
        srv.script(Reply.json({"error": {"message": "bad request from key sk-abcdefghijklmnop"}}, status=400))
        llm = LLMClient(model="gpt-4o-mini", base_url=srv.url, api_key="sk-abcdefghijklmnop",
                        store=tmp_path / "s.sqlite")

        async def go():
            try:
                await llm.complete([{"role": "user", "content": "x"}])
            finally:
                await llm.aclose()

        with pytest.raises(CallFailed, match=r"rejected the request \(400\): bad request from key \[REDACTED\]"):
            asyncio.run(go())
    assert "abcdefghijklmnop" not in json.dumps(llm.store.db.execute("SELECT * FROM calls").fetchall())


@pytest.mark.parametrize("text,secret", [
    ("Authorization: Bearer abc.def.ghijkl", "abc.def.ghijkl"),
    ('{"authorization": "Bearer tok_123456789"}', "tok_123456789"),
    ("key sk-proj-AbCdEf0123456789xyz leaked", "AbCdEf0123456789xyz"),
    ("https://u:p4ssw0rd@host/v1", "p4ssw0rd"),
    ("GET /v1/models?api_key=zz9zz9zz9 failed", "zz9zz9zz9"),
    ("x-api-key: qwertyuiop", "qwertyuiop"),
])
def test_redact_masks_credentials(text, secret):
    out = redact(text)
    assert secret not in out and "[REDACTED]" in out


def test_redact_keeps_ordinary_text():
    text = "Rate limit reached for gpt-4o-mini: 500 requests per minute; max_tokens=400, 12 tokens: retry"
    assert redact(text) == text
    assert redact_url("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1"
    assert redact_url("https://me:pw@example.com/v1?key=abc123") == "https://[REDACTED]@example.com/v1?key=[REDACTED]"


def test_an_endpoint_that_starts_refusing_json_schema_is_negotiated_again(tmp_path):
    with FakeOpenAI(responder=lambda body: '{"a": 1}') as srv:
        llm = LLMClient(model="m", base_url=srv.url, store=tmp_path / "s.sqlite")

        async def ask(q):
            return await llm.complete([{"role": "user", "content": q}], schema={"type": "object"})

        async def go():
            try:
                await ask("one")
                srv.reject_json_schema = True  # the same URL now serves llama.cpp
                return await ask("two")
            finally:
                await llm.aclose()

        assert asyncio.run(go()).parsed == {"a": 1}
        kinds = [r.json()["response_format"]["type"] for r in srv.chat_requests()]
    assert kinds == ["json_schema", "json_schema", "json_object"]


def _ask_once(llm, q):
    async def go():
        try:
            return await llm.complete([{"role": "user", "content": q}], schema={"type": "object"})
        finally:
            await llm.aclose()

    return asyncio.run(go())


def _new_process(monkeypatch):
    """What a later process starts with: no negotiation in memory (only the store remembers)."""
    from digestgen.llm import client

    monkeypatch.setattr(client, "_NEGOTIATED", {})


def test_the_negotiated_mode_is_stored_so_a_later_process_skips_the_probe(tmp_path, monkeypatch):
    with FakeOpenAI(reject_json_schema=True, responder=lambda body: '{"a": 1}') as srv:
        _new_process(monkeypatch)
        assert _ask_once(LLMClient(model="m", base_url=srv.url, store=tmp_path / "s.sqlite"), "one").parsed == {"a": 1}
        _new_process(monkeypatch)  # a later process, same store: the endpoint's mode is known, no probe
        assert _ask_once(LLMClient(model="m", base_url=srv.url, store=tmp_path / "s.sqlite"), "two").parsed == {"a": 1}
        _new_process(monkeypatch)  # a later process with another store knows nothing: it probes
        _ask_once(LLMClient(model="m", base_url=srv.url, store=tmp_path / "other.sqlite"), "three")
        kinds = [(r.json()["messages"][0]["content"], r.json()["response_format"]["type"])
                 for r in srv.chat_requests()]
    assert kinds == [("one", "json_schema"), ("one", "json_object"), ("two", "json_object"),
                     ("three", "json_schema"), ("three", "json_object")]
    from digestgen.store import Store

    assert Store(tmp_path / "s.sqlite").negotiated_mode(redact_url(srv.url), "m") == "json_object"
    assert Store(tmp_path / "s.sqlite").negotiated_mode(redact_url(srv.url), "another-model") is None


def test_a_stored_mode_the_endpoint_now_refuses_is_probed_again_and_replaced(tmp_path, monkeypatch):
    store = tmp_path / "s.sqlite"
    with FakeOpenAI(responder=lambda body: '{"a": 1}') as srv:
        _new_process(monkeypatch)
        _ask_once(LLMClient(model="m", base_url=srv.url, store=store), "one")  # json_schema, remembered
        srv.reject_json_schema = True  # the same URL now serves llama.cpp
        _new_process(monkeypatch)
        assert _ask_once(LLMClient(model="m", base_url=srv.url, store=store), "two").parsed == {"a": 1}
        _new_process(monkeypatch)
        _ask_once(LLMClient(model="m", base_url=srv.url, store=store), "three")
        kinds = [(r.json()["messages"][0]["content"], r.json()["response_format"]["type"])
                 for r in srv.chat_requests()]
    # "two" starts from the stored json_schema, is refused, steps down and stores json_object; "three" uses it
    assert kinds == [("one", "json_schema"), ("two", "json_schema"), ("two", "json_object"), ("three", "json_object")]


def test_the_stored_endpoint_has_no_credentials(tmp_path, monkeypatch):
    import sqlite3

    with FakeOpenAI(responder=lambda body: '{"a": 1}') as srv:
        _new_process(monkeypatch)
        _ask_once(LLMClient(model="m", base_url=srv.url + "?key=s3cr3t-value", store=tmp_path / "s.sqlite"), "q")
    rows = sqlite3.connect(tmp_path / "s.sqlite").execute("SELECT endpoint, mode FROM negotiated").fetchall()
    assert len(rows) == 1 and rows[0][1] == "json_schema" and "s3cr3t-value" not in rows[0][0]
