"""Every command, with bad arguments and bad files: one error line, the documented exit status, never a traceback.

Exit statuses: 2 bad usage (click's own errors and ours), 1 an error such as an offline cache miss,
4 `validate` with unreadable files. A command added to `digestgen` without cases here fails
`test_every_command_is_swept`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from digestgen.cli import cli, main

ROOT = Path(__file__).resolve().parents[1]

# (argv, exit status); files named here are made by the `files` fixture in the test's working folder
CASES: dict[str, list[tuple[str, int]]] = {
    "run": [
        ("run", 2), ("run --date 2025-13-01", 2), ("run --date 2025-02-28 --until 2025-02-01", 2),
        ("run --date 2031-01-01 --offline", 1), ("run --date 2025-02-28 --offline --ids notanid", 2),
        ("run --date 2025-02-28 --offline --engine nosuch", 2),
        ("run --date 2025-02-28 --until 2025-03-01 --out x.md --offline", 2),
        ("run --date 2025-02-28 --offline --deadline 0", 2), ("run --date 2025-02-28 --offline --concurrency 0", 2),
    ],
    "fetch": [("fetch", 2), ("fetch --ids bad,id --offline", 2), ("fetch --date 2031-01-01 --offline", 1),
              ("fetch --date 2025-02-30 --offline", 2)],
    "validate": [
        ("validate", 2), ("validate missing.md", 2), ("validate bad.md", 4), ("validate empty", 2),
        ("validate good.md --abstracts missing.jsonl", 2), ("validate good.md --abstracts bad.jsonl", 2),
        ("validate good.md --abstracts badutf.jsonl", 2), ("validate good.md --min-words -1", 2),
        ("validate good.md --min-words 300 --max-words 10", 2),
    ],
    "eval": [
        ("eval", 2), ("eval --dataset missing.jsonl", 2), ("eval --dataset bad.jsonl", 2),
        ("eval --dataset badutf.jsonl", 2), ("eval --dataset empty.jsonl", 1), ("eval --dataset one.jsonl --limit 0", 1),
        ("eval --dataset one.jsonl --limit -1", 2), ("eval --dataset one.jsonl --engine nosuch", 2),
    ],
    "ask": [("ask", 2), ("ask q --k 0", 2), ("ask q --papers badutf.jsonl", 2), ("ask q --papers bad.jsonl", 2),
            ("ask q --date bad", 2), ("ask q --papers missing.jsonl", 2)],
    "chat": [("chat --k 99", 2), ("chat --papers missing.jsonl", 2), ("chat --papers bad.jsonl", 2),
             ("chat --papers badutf.jsonl", 2)],
    "daily": [("daily --date notadate --offline", 2), ("daily --profile missing.toml --offline", 2),
              ("daily --profile bad.toml --offline", 2)],
    "deliveries": [("deliveries --date x", 2), ("deliveries --resend", 2)],
    "eval-qa": [("eval-qa", 2), ("eval-qa --questions bad.jsonl --papers one.jsonl", 2),
                ("eval-qa --questions missing.jsonl --papers one.jsonl", 2),
                ("eval-qa --questions badutf.jsonl --papers one.jsonl", 2)],
    "publish": [("publish --date x", 2), ("publish --profile missing.toml --date 2025-02-28", 2),
                ("publish --profile bad.toml --date 2025-02-28", 2),
                ("publish --date 2025-02-27", 1)],  # a digest whose JSON sidecar is garbled
    "review": [("review", 2), ("review --date x", 2), ("review --date 2025-02-28 --port notaport", 2),
               ("review --date 2025-02-27 --log", 1)],
    "select": [("select", 2), ("select --profile bad.toml --offline", 2), ("select --profile missing.toml", 2)],
}
# Issue 12: engine options on the default (extractive) engine used to end in a pydantic traceback; negative or
# zero limits used to mean "no limit". Valid ones are now ignored with a warning (then the cache miss, exit 1).
ENGINE_OPTIONS = [("--concurrency 4", 1), ("--concurrency -1", 2), ("--model gpt-4o-mini", 1), ("--rpm -5", 2),
                  ("--tpm 0", 2), ("--max-cost 0.5", 1), ("--max-reasks -1", 2), ("--max-cost -1", 2)]


@pytest.fixture
def files(tmp_path, monkeypatch, sample_papers):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("DIGESTGEN_CACHE", str(tmp_path / "cache"))
    (tmp_path / "bad.md").write_bytes(b"## Papers for 2025-02-28\n\xff\n")
    (tmp_path / "bad.jsonl").write_text('{"arxiv_id": 1\n')
    (tmp_path / "badutf.jsonl").write_bytes(b"\xff\xfe\n")
    (tmp_path / "bad.toml").write_text("name = [\n")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "empty").mkdir()
    day = tmp_path / "out" / "2025" / "02"
    day.mkdir(parents=True)
    (day / "27.md").write_text("\n\n## Papers for 2025-02-27\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n")
    (day / "27.json").write_text("{garbled")
    (tmp_path / "good.md").write_text("\n\n## Papers for 2025-02-28\n\n| Title | Authors | Summary |\n"
                                      "|-------|---------|---------|\n")
    from digestgen.dataset import DatasetRow

    row = DatasetRow(arxiv_id=sample_papers[0].arxiv_id, title=sample_papers[0].title, abstract="x",
                     reference_summary="y")
    (tmp_path / "one.jsonl").write_text(row.model_dump_json() + "\n")
    return tmp_path


def invoke(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        main(argv)
    except SystemExit as exc:
        code = exc.code
    else:  # pragma: no cover - main always exits
        code = 0
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(code: int, err: str, expected: int, argv: list[str]) -> None:
    lines = err.splitlines()
    assert "Traceback" not in err, (argv, err)
    assert code == expected, (argv, code, err)
    errors = [x for x in lines if x.startswith("error:")]
    assert len(errors) == 1 and lines[-1] == errors[0], (argv, err)
    if expected == 2:  # bad usage is caught before any work: the error is all there is
        assert len(lines) == 1, (argv, err)


def test_every_command_is_swept():
    assert set(cli.commands) <= set(CASES), f"add sweep cases for: {sorted(set(cli.commands) - set(CASES))}"


@pytest.mark.parametrize("argv,expected", [(a, c) for cases in CASES.values() for a, c in cases])
def test_bad_arguments_and_files(files, capsys, argv, expected):
    if argv.split()[0] not in cli.commands:
        pytest.skip(f"{argv.split()[0]} is not a command here")
    code, _, err = invoke(capsys, argv.split())
    assert_one_error_line(code, err, expected, argv)


@pytest.mark.parametrize("command", sorted(CASES))
def test_unknown_option_and_help(files, capsys, command):
    if command not in cli.commands:
        pytest.skip(f"{command} is not a command here")
    code, _, err = invoke(capsys, [command, "--no-such-option"])
    assert_one_error_line(code, err, 2, [command])
    code, out, err = invoke(capsys, [command, "--help"])
    assert code == 0 and out.startswith("Usage:") and err == ""


@pytest.mark.parametrize("option,expected", ENGINE_OPTIONS)
def test_engine_options_on_the_default_engine(files, capsys, option, expected):
    code, _, err = invoke(capsys, ["run", "--date", "2031-01-01", "--offline", *option.split()])
    assert_one_error_line(code, err, expected, [option])


def test_a_real_process_prints_one_line_and_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DIGESTGEN_HOME": str(tmp_path / "home")}
    for argv, expected in (["run", "--date", "2025-02-30"], 2), (["validate", str(tmp_path)], 2):
        proc = subprocess.run([sys.executable, "-m", "digestgen.cli", *argv], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=120)
        assert proc.returncode == expected and proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith("error: ")
