"""Issue 8, must-have 5: the library is async and ``asyncio.run`` appears only in the CLI layer.

A web app or a scheduler awaits eval (the LLM engine and the LLM judge) and QA with the LLM inside its own
running event loop; a library function that started a loop of its own would fail there
("asyncio.run() cannot be called from a running event loop").
"""

from __future__ import annotations

import ast
import asyncio
import json
import re
from pathlib import Path

import pytest

from digestgen.dataset import DatasetRow
from digestgen.engines.openai_engine import OpenAIEngine
from digestgen.evaluate import arun_eval, make_judge
from digestgen.testing.fake_openai import FakeOpenAI

SRC = Path(__file__).resolve().parents[1] / "src" / "digestgen"
LOOP_STARTERS = {"run", "run_until_complete", "Runner", "new_event_loop"}


def loop_starts(tree: ast.AST) -> list[int]:
    """Line numbers of ``asyncio.run(...)``, ``loop.run_until_complete(...)``, ``asyncio.Runner()`` and the like."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOOP_STARTERS \
                and getattr(node.func.value, "id", "") in ("asyncio", "loop", "runner"):
            lines.append(node.lineno)
    return lines


def test_the_detector_sees_the_ways_of_starting_a_loop():
    code = "import asyncio\nasyncio.run(f())\nloop.run_until_complete(g())\nwith asyncio.Runner() as r: pass\n" \
           "asyncio.get_running_loop()\nawait asyncio.sleep(1)\n"
    assert loop_starts(ast.parse(code.replace("await ", ""))) == [2, 3, 4]


def test_asyncio_run_is_called_only_in_cli_modules():
    """Every module of src/digestgen: a loop is started only in cli.py (the top one and each subpackage's)."""
    found = {str(p.relative_to(SRC)): loop_starts(ast.parse(p.read_text(encoding="utf-8")))
             for p in sorted(SRC.rglob("*.py"))}
    outside = {path: lines for path, lines in found.items() if lines and Path(path).name != "cli.py"}
    assert outside == {}, f"asyncio.run outside the CLI layer: {outside}"
    assert found["cli.py"] and found["qa/cli.py"] and found["publish/cli.py"]  # the CLI does start them


def test_the_llm_engine_has_no_sync_entry_that_starts_a_loop(tmp_path):
    eng = OpenAIEngine(model="gpt-4o-mini", base_url="http://127.0.0.1:9/v1", api_key="k", store=tmp_path / "s.db")
    with pytest.raises(TypeError, match="await engine.asummarize"):
        eng.summarize(DatasetRow(arxiv_id="2401.00001", title="T", authors=["A"], abstract="An abstract.").paper())


class Beat:
    """A task that ticks while the loop is free: the awaited work must let it run."""

    def __init__(self):
        self.ticks = 0

    async def __aenter__(self):
        async def tick():
            while True:
                await asyncio.sleep(0.002)
                self.ticks += 1

        self.task = asyncio.create_task(tick())
        return self

    async def __aexit__(self, *exc):
        self.task.cancel()


ROWS = [
    DatasetRow(arxiv_id="2401.00001", title="Cats on mats", authors=["A"],
               abstract="We study cats on mats. Cats sat on 12 mats in 3 rooms.",
               reference_summary="Cats sat on 12 mats."),
    DatasetRow(arxiv_id="2401.00002", title="Dogs in parks", authors=["B"],
               abstract="We study dogs in parks. Dogs ran 5 km in 2 parks.",
               reference_summary="Dogs ran 5 km."),
]
SUMMARY = {"one_line": "This paper studies animals.", "objective": "The objective is to study animals.",
           "methodology": "The method observes animals.", "results": "Primary results show that animals move.",
           "implication": "For AI practitioners, animals matter."}


def _fake_model(body: dict) -> str:
    prompt = " ".join(m["content"] for m in body["messages"])
    if "<summary>" in prompt:  # the judge's prompt
        return '{"faithfulness": 4, "coverage": 3, "fluency": 5}'
    return json.dumps(SUMMARY)


@pytest.mark.slow  # loads torch and MiniLM for the eval metrics (~14 s)
def test_eval_with_the_llm_engine_and_judge_is_awaited_inside_a_running_loop(tmp_path, monkeypatch):
    with FakeOpenAI(responder=_fake_model, latency=0.05) as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        store = tmp_path / "llm.sqlite"
        engine = OpenAIEngine(model="gpt-4o-mini", base_url=srv.url, api_key="test", store=store, max_reasks=0)
        judge = make_judge("gpt-4o-mini", store=store)

        async def app():  # e.g. a web app's handler: its loop is already running
            async with Beat() as beat:
                result = await arun_eval(ROWS, engine, judge=judge)
            return result, beat.ticks

        result, ticks = asyncio.run(app())
        asked = srv.chat_requests()
    assert result["n"] == 2 and result["engine"] == "openai"
    assert [r["generated"].split(". ")[0] for r in result["rows"]] == ["This paper studies animals"] * 2
    assert result["judge"] == {"faithfulness": 4.0, "coverage": 3.0, "fluency": 5.0}
    assert len(asked) == 4  # two summaries, two judgements
    assert ticks >= 5  # the loop kept running while the endpoint answered


def test_qa_with_the_llm_is_awaited_inside_a_running_loop(tmp_path, monkeypatch):
    from digestgen.llm import LLMClient
    from digestgen.qa.answer import aask, ask
    from digestgen.qa.corpus import Doc
    from digestgen.qa.retrieve import build_scope

    docs = [Doc(arxiv_id="2401.00001", date="2025-01-02", title="Cats on mats",
                abstract="We study where cats sit. Cats sat on 12 mats in 3 rooms."),
            Doc(arxiv_id="2401.00002", date="2025-01-02", title="Dogs in parks",
                abstract="We study how far dogs run. Dogs ran 5 km in 2 parks.")]
    scope = build_scope(docs, use_embeddings=False)

    def cite_first(body):
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        m = re.search(r'<passage id="([^"]+)"', user)
        return f"See [arXiv:{m.group(1)}] and [arXiv:9999.99999]."

    with FakeOpenAI(responder=cite_first, latency=0.05) as srv:
        llm = LLMClient(model="fake-model", base_url=srv.url, api_key="k", store=tmp_path / "llm.sqlite",
                        temperature=0.0)

        async def app():
            async with Beat() as beat:
                try:  # two questions at once on one client: neither closes it under the other
                    answers = await asyncio.gather(
                        aask(scope, "Which paper studies where cats sit on mats?", engine="openai", llm=llm),
                        aask(scope, "Which paper studies how far dogs run in parks?", engine="openai", llm=llm))
                finally:
                    await llm.aclose()
            return answers, beat.ticks

        (cats, dogs), ticks = asyncio.run(app())
        assert len(srv.chat_requests()) == 2
    assert cats.citations == ["2401.00001"] and dogs.citations == ["2401.00002"]
    assert cats.flagged and "9999.99999" not in cats.answer  # the citation checker still runs
    assert ticks >= 5
    with pytest.raises(TypeError, match="asynchronously"):  # the sync form never starts a loop for the LLM
        ask(scope, "Which paper studies cats?", engine="openai", llm=llm)
