"""The LLM engine through the real `openai` client against a local fake OpenAI-compatible server."""

import asyncio
import json

import pytest

from digestgen.engines import get_engine
from digestgen.engines.openai_engine import BudgetExceeded, EndpointError
from digestgen.pipeline import summarize_all
from digestgen.testing.fake_openai import FakeOpenAI, chat_completion
from digestgen.testing.servers import Reply
from digestgen.tokens import count


@pytest.fixture
def papers(sample_papers):
    return [p for p in sample_papers if p.abstract]


@pytest.fixture
def fake():
    with FakeOpenAI() as srv:
        yield srv


def engine(srv, tmp_path, **kw):
    kw.setdefault("backoff_initial", 0.02)
    kw.setdefault("backoff_max", 0.1)
    return get_engine("openai", model="gpt-4o-mini", base_url=srv.url, api_key="test-key",
                      store=tmp_path / "llm.sqlite", **kw)


def run(rows_engine, papers):
    return asyncio.run(summarize_all(papers, rows_engine))


def bad(content: str) -> Reply:
    return Reply.json(chat_completion(content))


def test_valid_rows_then_a_rerun_makes_no_calls(fake, tmp_path, papers):
    e = engine(fake, tmp_path)
    rows = run(e, papers[:5])
    assert [r.arxiv_id for r in rows] == [p.arxiv_id for p in papers[:5]]
    assert all(not r.errors for r in rows)
    assert fake.completions == 5
    body = fake.chat_requests()[0].json()
    assert body["response_format"]["type"] == "json_schema"
    assert "<abstract>" in body["messages"][1]["content"]
    again = engine(fake, tmp_path)
    rows2 = run(again, papers[:5])
    assert [r.summary for r in rows2] == [r.summary for r in rows]
    assert fake.completions == 5  # all from the response cache
    assert again.totals()["cache_hits"] == 5 and again.totals()["api_calls"] == 0


def test_429_with_retry_after_is_honoured(fake, tmp_path, papers):
    fake.script(Reply.json({"error": {"message": "rate"}}, status=429, headers={"Retry-After": "1"}))
    rows = run(engine(fake, tmp_path), papers[:1])
    assert not rows[0].errors
    reqs = fake.chat_requests()
    assert len(reqs) == 2 and reqs[1].at - reqs[0].at >= 0.9


@pytest.mark.parametrize("fault", [
    Reply.json({"error": {"message": "rate"}}, status=429),               # no Retry-After
    Reply.json({"error": {"message": "boom"}}, status=500),
    Reply.json({"error": {"message": "overloaded"}}, status=503),
    Reply(200, b'{"id": "x", "choices": [', {"Content-Type": "application/json"}),  # malformed JSON body
    Reply(200, b"", {"Content-Type": "application/json"}, delay=2.0),     # timeout
])
def test_transport_faults_are_retried(fake, tmp_path, papers, fault):
    rows = run(engine(fake, tmp_path, timeout=0.5), papers[:1])
    fake.script(fault)
    rows = run(engine(fake, tmp_path / "b", timeout=0.5), papers[1:2])
    assert not rows[0].errors
    assert len(fake.chat_requests()) == 3


@pytest.mark.parametrize("status,message", [(401, "refused the key"), (403, "refused the key"),
                                            (404, "no model 'gpt-4o-mini'")])
def test_auth_and_not_found_are_not_retried(fake, tmp_path, papers, status, message):
    fake.script(Reply.json({"error": {"message": "nope"}}, status=status))
    with pytest.raises(EndpointError, match=message):
        run(engine(fake, tmp_path, structured="json_schema"), papers[:1])
    assert len(fake.chat_requests()) == 1


def test_400_is_not_retried(fake, tmp_path, papers):
    fake.script(Reply.json({"error": {"message": "context too long"}}, status=400))
    import openai

    with pytest.raises(openai.BadRequestError):
        run(engine(fake, tmp_path, structured="json_schema"), papers[:1])
    assert len(fake.chat_requests()) == 1


def test_invalid_summary_is_reasked_with_findings_not_api_errors(fake, tmp_path, papers):
    p = papers[0]
    unfaithful = json.dumps({"one_line": "X does things.", "objective": "The main research objective is to do X.",
                             "methodology": "The key methodology is Y.",
                             "results": "Primary results show a 97.3% gain on every benchmark.",
                             "implication": "For AI practitioners, X is useful for building better systems. " * 3})
    fake.script(Reply.json({"error": {"message": "The server had an error"}}, status=500), bad(unfaithful))
    rows = run(engine(fake, tmp_path), [p])
    assert not rows[0].errors, rows[0].findings
    reqs = fake.chat_requests()
    assert len(reqs) == 3  # 500, invalid answer, corrected answer
    reask = reqs[2].json()["messages"]
    assert [m["role"] for m in reask] == ["system", "user", "assistant", "user"]
    assert "unfaithful_number" in reask[3]["content"] and "97.3%" in reask[3]["content"]
    assert "server had an error" not in json.dumps(reask) and "500" not in reask[3]["content"]


def test_final_failure_keeps_the_last_answer_marked(fake, tmp_path, papers):
    fake.script(*[bad("Sure! Here is the summary you asked for.")] * 3)
    rows = run(engine(fake, tmp_path, max_reasks=2), papers[:1])
    row = rows[0]
    assert row.summary.startswith("Sure! Here is the summary")
    assert "generation_failed" in {f.code for f in row.errors}
    assert len(fake.chat_requests()) == 3


def test_llama_cpp_style_endpoint_falls_back_to_json_object(tmp_path, papers):
    with FakeOpenAI(reject_json_schema=True) as srv:
        e = engine(srv, tmp_path)
        rows = run(e, papers[:3])
        assert all(not r.errors for r in rows)
        kinds = [r.json().get("response_format", {}).get("type") for r in srv.chat_requests()]
        k = kinds.count("json_schema")  # concurrent first calls may all try json_schema once
        assert 1 <= k <= 3 and kinds == ["json_schema"] * k + ["json_object"] * 3
        assert srv.chat_requests()[-1].json()["response_format"]["schema"]["required"][0] == "one_line"
        assert e.mode == "json_object"


def test_plain_text_json_is_parsed_tolerantly():
    from digestgen.llm_json import ParseError, parse_summary

    s = parse_summary('Here you go:\n```json\n{"One_Line": "a", "objective": "b", "method": "c", '
                      '"results": ["d", "e"], "implications": "f",}\n```')
    assert (s.one_line, s.methodology, s.results, s.implication) == ("a", "c", "d e", "f")
    with pytest.raises(ParseError, match="objective"):
        parse_summary('{"one_line": "a", "methodology": "c", "results": "d", "implication": "f"}')


def test_requests_run_concurrently(tmp_path, papers):
    with FakeOpenAI(latency=1.5) as srv:
        run(engine(srv, tmp_path, concurrency=8), papers[:8])
        starts = [r.at for r in srv.chat_requests()]
        # all 8 in flight before the first answer came back (a sequential client would take 1.5 s per step)
        assert max(starts) - min(starts) < 1.2, [round(s - min(starts), 2) for s in starts]


def test_rpm_limit_spaces_requests(tmp_path, papers):
    with FakeOpenAI() as srv:
        run(engine(srv, tmp_path, rpm=300), papers[:4])
        starts = sorted(r.at for r in srv.chat_requests())
        gaps = [b - a for a, b in zip(starts, starts[1:])]
        assert min(gaps) >= 0.1 and sum(gaps) >= 0.5  # 60/300 = 0.2 s apart (network jitter allowed)


def test_max_cost_stops_before_exceeding(fake, tmp_path, papers):
    with pytest.raises(BudgetExceeded, match="max-cost"):
        run(engine(fake, tmp_path, max_cost=0.00001), papers[:3])
    assert fake.chat_requests() == []


def test_input_is_cut_to_the_token_budget(fake, tmp_path, papers):
    long = papers[0].model_copy(update={"abstract": papers[0].abstract * 12})
    e = engine(fake, tmp_path, input_budget=700)
    msgs = e.messages(long)
    assert e.prompt_tokens(msgs) <= 700
    assert msgs[1]["content"].rstrip().endswith("</abstract>")
    assert e.prompt_tokens(e.messages(papers[0])) == sum(count(m["content"]) + 4 for m in e.messages(papers[0])) + 3


def test_missing_key_and_unreachable_endpoint_say_how_to_fix(tmp_path, papers):
    with pytest.raises(EndpointError, match="OPENAI_API_KEY is not set"):
        get_engine("openai", model="gpt-4o-mini", store=tmp_path / "s.sqlite")
    e = get_engine("openai", model="m", base_url="http://127.0.0.1:9/v1", store=tmp_path / "s.sqlite",
                   max_attempts=2, backoff_initial=0.01, timeout=1)
    with pytest.raises(EndpointError, match=r"cannot reach the LLM endpoint at http://127.0.0.1:9/v1"):
        run(e, papers[:1])


def test_every_call_is_logged(fake, tmp_path, papers):
    fake.script(Reply.json({"error": {"message": "x"}}, status=500))
    e = engine(fake, tmp_path)
    run(e, papers[:2])
    rows = e.store.db.execute("SELECT outcome, cache_hit, tokens_in, tokens_out, latency_ms, cost FROM calls "
                              "ORDER BY id").fetchall()
    outcomes = [r[0] for r in rows]
    assert outcomes.count("http_500") == 1 and outcomes.count("ok") == 2
    ok = [r for r in rows if r[0] == "ok"]
    assert all(r[2] > 0 and r[3] > 0 and r[4] > 0 and r[5] > 0 for r in ok)
