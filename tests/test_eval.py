"""The eval harness on a few rows, checked against hand-computed values."""

import asyncio
import json

import pytest

from digestgen.dataset import DatasetRow
from digestgen.engines.base import Engine
from digestgen.evaluate import arun_eval, baseline_text, parse_judge, write_report
from digestgen.metrics import bootstrap_ci, paired, rouge
from digestgen.types import Summary


class Fixed(Engine):
    """Returns a given one-line text per paper id (the other parts empty)."""

    name = "fixed"

    def __init__(self, texts):
        super().__init__()
        self.texts = texts

    def summarize(self, paper, feedback=None):
        return Summary(one_line=self.texts[paper.arxiv_id], objective="", methodology="", results="", implication="")


def run_eval(rows, engine, **kw):
    return asyncio.run(arun_eval(rows, engine, **kw))  # the test is the caller that owns the event loop


ROWS = [
    DatasetRow(arxiv_id="2401.00001", title="Cats", authors=["A"], abstract="The cat sat on the mat. It was warm.",
               reference_summary="The cat sat on the mat."),
    DatasetRow(arxiv_id="2401.00002", title="Dogs", authors=["B"], abstract="A dog ran in the park.",
               reference_summary="A dog ran in the park."),
]


def test_rouge_by_hand():
    # ref: the cat sat on the mat (6 tokens); candidate: the cat sat (3 tokens)
    s = rouge("The cat sat.", "The cat sat on the mat.")
    assert s["rouge1"] == pytest.approx(2 * 1 * 0.5 / 1.5)          # P=3/3, R=3/6
    assert s["rouge2"] == pytest.approx(2 * 1 * 0.4 / 1.4)          # P=2/2, R=2/5
    assert s["rougeL"] == pytest.approx(2 * 1 * 0.5 / 1.5)          # LCS=3


@pytest.fixture(scope="module")
def fixed_result():
    """The harness on ROWS with fixed answers, run once for the tests that read its result (nothing mutates it)."""
    return run_eval(ROWS, Fixed({"2401.00001": "The cat sat", "2401.00002": "A dog ran in the park"}))


def test_harness_metrics_match_hand_computed_values(fixed_result):
    result = fixed_result
    m = result["metrics"]
    assert result["n"] == 2 and result["engine"] == "fixed"
    assert m["rouge1"] == pytest.approx((2 / 3 + 1) / 2)
    assert m["rouge2"] == pytest.approx((2 * 0.4 / 1.4 + 1) / 2)
    assert m["rougeL"] == pytest.approx((2 / 3 + 1) / 2)
    assert m["words_median"] == pytest.approx((3 + 6) / 2)
    assert m["valid_rate"] == 0.0      # 3 and 6 words: far too short, no number
    assert m["faithful_rate"] == 1.0   # no numbers at all
    assert result["rows"][1]["semantic"] == pytest.approx(1.0, abs=1e-4)  # identical text
    assert 0 < result["rows"][0]["semantic"] < 1
    # the full abstract baseline of row 2 is the reference itself
    assert result["rows"][1]["baselines"]["abstract"]["rougeL"] == pytest.approx(1.0)
    assert set(result["baselines"]) == {"lead3", "lead5", "abstract"}
    for b in result["baselines"].values():
        assert set(b) == set(m)


def test_baselines():
    abstract = "One. Two. Three. Four. Five. Six."
    assert baseline_text("lead3", abstract) == "One. Two. Three."
    assert baseline_text("lead5", abstract) == "One. Two. Three. Four. Five."
    assert baseline_text("abstract", abstract) == abstract


def test_bootstrap_and_paired():
    lo, hi = bootstrap_ci([1.0, 2.0, 3.0, 4.0])
    assert 1.0 <= lo <= 2.5 <= hi <= 4.0
    assert bootstrap_ci([2.0] * 5) == (2.0, 2.0)
    p = paired([1, 2, 3], [0, 2, 4])
    assert p["mean_diff"] == pytest.approx(0.0) and p["wins"] == 1 and p["losses"] == 1


def test_report_files(tmp_path, fixed_result):
    result = fixed_result
    paths = {p.name for p in write_report(result, tmp_path)}
    assert {"report.md", "rows.jsonl", "result.json", "rougeL.png", "semantic.png"} <= paths
    rows = [json.loads(x) for x in (tmp_path / "rows.jsonl").read_text().splitlines()]
    assert rows[0]["arxiv_id"] == "2401.00001"  # worst first
    assert (tmp_path / "rougeL.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_judge_parser():
    assert parse_judge('{"faithfulness": 4, "coverage": 5, "fluency": 3}') == {
        "faithfulness": 4.0, "coverage": 5.0, "fluency": 3.0}


@pytest.mark.slow  # the whole dev set through eval with MiniLM (~9 s)
def test_eval_cli_json_on_dev_rows(dev_rows, tmp_path, capsys):
    from digestgen.cli import main

    data = tmp_path / "few.jsonl"
    data.write_text("".join(r.model_dump_json() + "\n" for r in dev_rows[:4]))
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--dataset", str(data), "--json", "--engine", "extractive"])
    assert exc.value.code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] == 4 and out["engine"] == "extractive"
    assert set(out["metrics"]) == {"rouge1", "rouge2", "rougeL", "semantic", "valid_rate", "faithful_rate",
                                   "words_median"}
    assert 0.0 <= out["metrics"]["valid_rate"] <= 1.0 and out["metrics"]["faithful_rate"] == 1.0


def test_llm_judge_through_fake_server(tmp_path, monkeypatch):
    from digestgen.evaluate import make_judge
    from digestgen.testing.fake_openai import FakeOpenAI

    with FakeOpenAI(responder=lambda body: '{"faithfulness": 5, "coverage": 4, "fluency": 4}') as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        judge = make_judge("gpt-4o-mini", store=tmp_path / "j.sqlite")
        result = run_eval(ROWS, Fixed({"2401.00001": "The cat sat", "2401.00002": "A dog ran"}), judge=judge)
        assert result["judge"] == {"faithfulness": 5.0, "coverage": 4.0, "fluency": 4.0}
        prompt = srv.chat_requests()[0].json()["messages"][0]["content"]
        assert "<abstract>" in prompt and "<summary>" in prompt
