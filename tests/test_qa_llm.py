"""The LLM answer path against the fake OpenAI server (real HTTP, real openai client): citations are checked."""

from __future__ import annotations

import json

import pytest

from digestgen.cli import main
from digestgen.qa import ABSTAIN
from digestgen.testing.fake_openai import FakeOpenAI

from conftest import ROOT


def _ask(monkeypatch, capsys, srv, question, *extra):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    with pytest.raises(SystemExit) as exc:
        main(["ask", question, "--date", "2025-02-28", "--engine", "openai", "--model", "fake-model", "--json",
              "--no-embeddings", *extra])
    out = capsys.readouterr()
    assert exc.value.code == 0, out.err
    return json.loads(out.out), out.err


def test_hallucinated_citation_never_reaches_the_user(monkeypatch, capsys):
    reply = ("MedVLM-R1 trains a 2B medical VLM with GRPO on 600 VQA samples [arXiv:2502.19634]. "
             "It builds on earlier work [arXiv:2410.22366] and [arXiv:9999.99999].")
    with FakeOpenAI(responder=lambda body: reply) as srv:
        data, err = _ask(monkeypatch, capsys, srv, "Which paper trains a medical VLM with GRPO on 600 samples?")
        body = json.loads(srv.chat_requests()[0].body)
    assert data["citations"] == ["2502.19634"]
    assert "2410.22366" not in data["answer"] and "9999.99999" not in data["answer"]
    assert "[arXiv:2502.19634]" in data["answer"]
    assert data["flagged"] is True and data["abstained"] is False
    # the prompt delimits the passages as untrusted data and names the abstention phrase
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    system = next(m["content"] for m in body["messages"] if m["role"] == "system")
    assert "<passages>" in user and '<passage id="2502.19634"' in user and "untrusted" in system
    assert ABSTAIN in system
    # the call went through the one LLM client: logged with its purpose, and cached
    import os
    import sqlite3

    db = sqlite3.connect(os.path.join(os.environ["DIGESTGEN_HOME"], "llm.sqlite"))
    assert db.execute("SELECT COUNT(*) FROM calls WHERE purpose='qa'").fetchone()[0] == 1
    with FakeOpenAI(responder=lambda body: "never asked") as srv2:
        again, _ = _ask(monkeypatch, capsys, srv2, "Which paper trains a medical VLM with GRPO on 600 samples?")
        assert srv2.chat_requests() == []  # answered from the response cache
    assert again["citations"] == ["2502.19634"]


def test_model_saying_not_in_these_papers_is_the_abstention(monkeypatch, capsys):
    with FakeOpenAI(responder=lambda body: ABSTAIN) as srv:
        data, _ = _ask(monkeypatch, capsys, srv, "Which paper trains a medical VLM with GRPO on 600 samples?")
    assert data["abstained"] is True and data["answer"] == ABSTAIN and data["citations"] == []


def test_answer_citing_only_outside_ids_is_withheld(monkeypatch, capsys):
    with FakeOpenAI(responder=lambda body: "The answer is BERT-2 [arXiv:9999.99999].") as srv:
        data, _ = _ask(monkeypatch, capsys, srv, "Which encoder is a next-generation replacement for BERT?")
    assert data["abstained"] is True and data["citations"] == [] and data["flagged"] is True
    assert "9999.99999" not in data["answer"]


def test_no_relevant_paper_abstains_whatever_the_model_says(monkeypatch, capsys):
    with FakeOpenAI(responder=lambda body: "Protein folding is in [arXiv:2502.19634].") as srv:
        data, _ = _ask(monkeypatch, capsys, srv, "Is there a paper about protein folding?")
    assert data["abstained"] is True and data["citations"] == []


def test_endpoint_failure_is_one_line(monkeypatch, capsys):
    from digestgen.testing.servers import Reply

    with FakeOpenAI() as srv:
        srv.script(*[Reply.json({"error": {"message": "bad key"}}, status=401)] * 5)
        monkeypatch.chdir(ROOT)
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        with pytest.raises(SystemExit) as exc:
            main(["ask", "Which paper trains a medical VLM with GRPO?", "--date", "2025-02-28", "--engine", "openai",
                  "--no-embeddings"])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and err.count("\n") == 1 and "Traceback" not in err, err


def test_eval_qa_with_the_openai_engine(monkeypatch, capsys):
    """eval-qa drives the LLM path end to end: a 'model' that cites the first passage it was given."""
    import re

    from conftest import DEV, _need

    _need(DEV)

    def first_passage(body):
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        m = re.search(r'<passage id="([^"]+)"[^>]*title="([^"]*)"', user)
        return f"{m.group(2)} [arXiv:{m.group(1)}] (see also [arXiv:1234.56789])." if m else ABSTAIN

    with FakeOpenAI(responder=first_passage) as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        with pytest.raises(SystemExit) as exc:
            main(["eval-qa", "--questions", str(DEV.parent / "qa_dev.jsonl"), "--papers", str(DEV), "--engine",
                  "openai", "--model", "fake-model", "--json", "--no-embeddings"])
        out = capsys.readouterr()
        asked = len(srv.chat_requests())
    assert exc.value.code == 0, out.err
    m = json.loads(out.out)
    assert m["n"] == 19 and m["recall_at_1"] == 1.0
    assert m["abstain_accuracy"] == 1.0 and m["citation_precision"] == 1.0  # 1234.56789 never counted
    assert asked == 17  # the two questions with no relevant paper never reach the model
