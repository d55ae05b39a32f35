"""Secrets: the API key and credentials in the base URL never reach a file the run wrote, nor the terminal.

A gateway that echoes the Authorization header into its error bodies is played by scripted replies;
every file under the run's home, output and cache folders is searched byte for byte afterwards.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digestgen.cli import main
from digestgen.testing.fake_openai import FakeOpenAI
from digestgen.testing.servers import Reply

ROOT = Path(__file__).resolve().parents[1]
KEY = "sk-test-" + "S3CRET" * 6
PASSWORD = "pa55-w0rd-xyz"


def files_holding(root: Path, secret: str) -> list[str]:
    needle = secret.encode()
    return [str(p) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.fixture
def run_env(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the committed cache/ has the sample day
    monkeypatch.setenv("DIGESTGEN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return tmp_path


def run(capsys, *extra) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(["run", "--date", "2025-02-28", "--offline", "--engine", "openai", "--model", "gpt-4o-mini",
              "--out", str(Path(os.environ["DIGESTGEN_OUT"]) / "28.md"), *extra])
    out, err = capsys.readouterr()
    return exc.value.code, out + err


@pytest.mark.slow  # retries with the engine's real backoff
def test_an_echoed_key_never_reaches_a_file_or_the_terminal(run_env, monkeypatch, capsys):
    echo = {"error": {"message": f"upstream rejected Authorization: Bearer {KEY}", "type": "server_error"}}
    with FakeOpenAI() as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        srv.script(Reply.json(echo, status=500), Reply.json(echo, status=500), Reply.json(echo, status=400))
        code, terminal = run(capsys)
        assert any(KEY in r.headers.get("authorization", "") for r in srv.requests)  # the key was used
    assert code in (0, 3)
    assert KEY not in terminal
    assert files_holding(run_env, KEY) == []


@pytest.mark.slow  # six connection attempts with backoff
def test_credentials_in_the_base_url_are_never_printed_or_written(run_env, monkeypatch, capsys):
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://digest:{PASSWORD}@127.0.0.1:9/v1")  # nothing listens on port 9
    code, terminal = run(capsys, "--max-reasks", "0")
    assert code != 0 and "Traceback" not in terminal
    assert PASSWORD not in terminal
    assert files_holding(run_env, PASSWORD) == []


def test_the_key_is_not_in_the_digest_or_its_json(run_env, monkeypatch, capsys):
    with FakeOpenAI() as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.url)
        code, terminal = run(capsys)
    assert code in (0, 3) and KEY not in terminal
    out = Path(os.environ["DIGESTGEN_OUT"])
    assert (out / "28.md").exists() and files_holding(out, KEY) == []
