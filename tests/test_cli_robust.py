"""validate and eval on bad files and bad arguments: one clear line, a documented exit status, nothing dropped silently."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import shutil

import pytest

from digestgen.cli import main
from digestgen.dataset import DatasetRow
from digestgen.engines.base import Engine
from digestgen.evaluate import arun_eval, write_report
from digestgen.render import render_digest
from digestgen.types import Digest, DigestRow, Summary
from digestgen.validate import RowCheck, ValidatorConfig, _tokens, wrong_paper_findings

GOOD_SUMMARY = (
    "This paper distills small language models for math reasoning. The main research objective is to test whether "
    "distillation from a larger teacher improves math reasoning in small language models. The methodology distills a "
    "7B teacher model into 3 small student language models on math reasoning traces. Primary results show that math "
    "reasoning accuracy of the distilled small models improves by 4.5 points on GSM8K. The principal implication for "
    "AI practitioners is that they can deploy small distilled models for math reasoning tasks on modest hardware, "
    "reducing serving costs.")
TITLE = "Distilling Small Language Models for Math Reasoning"


def cli(capsys, *argv):
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def digest_file(path, arxiv_id="2502.19613"):
    row = DigestRow(arxiv_id=arxiv_id, title=TITLE, authors=["Ann Lee"], summary=GOOD_SUMMARY)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_digest(Digest(date=dt.date(2025, 2, 28), rows=[row])))
    return path


# --- validate ----------------------------------------------------------------------------------------------

def test_invalid_utf8_is_one_line_per_file_and_the_rest_is_checked(tmp_path, capsys):
    digest_file(tmp_path / "d" / "2025" / "02" / "28.md")
    (tmp_path / "d" / "bad1.md").write_bytes(b"## Papers for 2025-02-27\n\xff\xfe broken")
    (tmp_path / "d" / "bad2.md").write_bytes(b"\xc3\x28")
    code, out, err = cli(capsys, "validate", str(tmp_path / "d"))
    assert code == 4
    lines = err.splitlines()
    assert len(lines) == 2 and all(x.startswith("error: ") and "not valid UTF-8" in x for x in lines)
    assert {"bad1.md", "bad2.md"} == {x.split(":")[1].strip().rsplit("/", 1)[-1] for x in lines}
    assert "1 files, 1 rows" in out and "2 unreadable" in out and "Traceback" not in err


def test_unreadable_files_are_in_the_json_report(tmp_path, capsys):
    digest_file(tmp_path / "good.md")
    (tmp_path / "bad.md").write_bytes(b"\xff")
    code, out, _ = cli(capsys, "validate", "--json", str(tmp_path / "good.md"), str(tmp_path / "bad.md"))
    report = json.loads(out)
    assert code == 4 and report["files"] == 1 and report["rows"] == 1
    assert report["unreadable"] == [{"file": str(tmp_path / "bad.md"), "reason": "not valid UTF-8 (byte 0xff at offset 0)"}]


def test_clean_file_exits_0_and_findings_exit_1(tmp_path, capsys):
    good = digest_file(tmp_path / "good.md")
    assert cli(capsys, "validate", str(good))[0] == 0
    bad = tmp_path / "bad.md"
    bad.write_text(good.read_text().replace("| This paper distills", "| Here is the summary: this paper distills"))
    code, out, _ = cli(capsys, "validate", str(bad))
    assert code == 1 and "preamble" in out


@pytest.mark.parametrize("make", ["empty_dir", "only_readme"])
def test_a_folder_without_digests_is_an_error(tmp_path, capsys, make):
    folder = tmp_path / "digests"
    folder.mkdir()
    if make == "only_readme":
        (folder / "README.md").write_text("# nothing here\n")
    code, out, err = cli(capsys, "validate", str(folder))
    assert code == 2 and out == ""
    assert err.splitlines() == [f"error: no digest files (*.md) in {folder}"]


def test_abstracts_file_with_invalid_utf8_is_one_line(tmp_path, capsys):
    good = digest_file(tmp_path / "good.md")
    data = tmp_path / "abs.jsonl"
    data.write_bytes(b'{"arxiv_id": "2502.19613", "title": "t", "abstract": "a"}\n{"arxiv_id": "\xff"}\n')
    code, _, err = cli(capsys, "validate", str(good), "--abstracts", str(data))
    assert code == 2 and err.splitlines() == [f"error: {data}:2: not valid UTF-8 (byte 0xff at column 15)"]


def _brute_force(rows: list[RowCheck], margin: float) -> list[tuple]:
    """The pairwise definition of wrong_paper, written out: every summary against every paper."""
    import math
    from collections import Counter

    known = [r for r in rows if r.abstract]
    docs = [Counter(_tokens(f"{r.title} {r.abstract}")) for r in known]
    df = Counter(t for d in docs for t in d)
    n = len(docs)

    def vec(c):
        v = {t: x * (math.log((1 + n) / (1 + df.get(t, 0))) + 1) for t, x in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    dv = [vec(d) for d in docs]
    out = []
    for i, r in enumerate(known):
        sv = vec(Counter(_tokens(r.summary)))
        sims = [sum(w * d.get(t, 0.0) for t, w in sv.items()) for d in dv]
        best = max(range(n), key=sims.__getitem__)
        if best != i and sims[best] - sims[i] > margin:
            out.append((r.arxiv_id, known[best].arxiv_id))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_wrong_paper_index_finds_exactly_what_pairwise_comparison_finds(seed):
    rng = random.Random(seed)
    vocab = [f"term{i}" for i in range(60)] + ["model", "language", "data", "learning"]
    rows = []
    for k in range(40):
        abstract = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 40)))
        own = abstract.split()
        other = rows[rng.randrange(len(rows))].abstract.split() if rows and rng.random() < 0.3 else own
        summary = " ".join(rng.choice(other if rng.random() < 0.7 else vocab) for _ in range(rng.randint(3, 30)))
        rows.append(RowCheck(f"2501.{k:05d}", f"title {k}", ["A"], summary, row=k + 1, abstract=abstract))
    for margin in (0.0, 0.05, 0.2):
        got = [(f.arxiv_id, f.message.split()[1]) for f in
               wrong_paper_findings(rows, ValidatorConfig(wrong_paper_margin=margin))]
        assert got == _brute_force(rows, margin)
    assert _brute_force(rows, 0.0)  # the corpus does hold wrong-paper rows


# --- eval --------------------------------------------------------------------------------------------------

class Echo(Engine):
    name = "echo"

    def summarize(self, paper, feedback=None):
        return Summary(one_line=paper.abstract.split(".")[0] + ".", objective="", methodology="", results="",
                       implication="")


ROWS = [
    DatasetRow(arxiv_id="2401.00001", title="Cats\nand mats", authors=["A"], abstract="The cat sat on the mat. It was warm.",
               reference_summary="The cat sat on the mat."),
    DatasetRow(arxiv_id="2401.00002", title="Dogs", authors=["B"], abstract="  ", reference_summary="A dog ran."),
    DatasetRow(arxiv_id="2401.00003", title="Birds", authors=["C"], abstract="A bird flew.", reference_summary=None),
]


@pytest.mark.slow  # loads the MiniLM model
def test_eval_reports_rows_it_cannot_score_and_keeps_headings_on_one_line(tmp_path):
    result = asyncio.run(arun_eval(ROWS, Echo()))
    assert result["n"] == 1
    assert result["skipped"] == [{"arxiv_id": "2401.00002", "reason": "no abstract"},
                                 {"arxiv_id": "2401.00003", "reason": "no reference summary"}]
    write_report(result, tmp_path)
    report = (tmp_path / "report.md").read_text()
    assert "### 2401.00001 Cats and mats\n" in report
    assert "- 2401.00002: no abstract" in report and "- 2401.00003: no reference summary" in report


def _dataset(tmp_path, rows):
    path = tmp_path / "data.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in rows))
    return path


@pytest.mark.parametrize("args,code,line", [
    (["--limit", "0"], 1, "error: nothing to score: --limit 0"),
    (["--limit", "-2"], 2, "error: Invalid value for '--limit': -2 is not in the range x>=0."),
])
def test_eval_limit(tmp_path, capsys, args, code, line):
    data = _dataset(tmp_path, ROWS)
    got, out, err = cli(capsys, "eval", "--dataset", str(data), "--engine", "extractive", *args)
    assert (got, err.splitlines()) == (code, [line]) and out == ""


def test_eval_with_nothing_to_score_is_one_line(tmp_path, capsys):
    data = _dataset(tmp_path, ROWS[1:])
    got, out, err = cli(capsys, "eval", "--dataset", str(data), "--engine", "extractive")
    assert got == 1 and out == ""
    assert err.splitlines() == ["error: nothing to score: all 2 rows lack an abstract or a reference summary"]


def test_eval_dataset_with_invalid_utf8_is_one_line(tmp_path, capsys):
    data = tmp_path / "data.jsonl"
    data.write_bytes(ROWS[0].model_dump_json().encode() + b"\n\x80\n")
    got, _, err = cli(capsys, "eval", "--dataset", str(data), "--engine", "extractive")
    assert got == 2 and err.splitlines() == [f"error: {data}:2: not valid UTF-8 (byte 0x80 at column 1)"]


def test_validate_reference_day_still_passes_through_the_cli(tmp_path, capsys, archive):
    day = shutil.copy(archive / "2025" / "02" / "28.md", tmp_path / "28.md")
    code, out, err = cli(capsys, "validate", str(day))
    assert code in (0, 1) and "1 files" in out and err == ""


def test_unreadable_reason_names_the_os_error():
    from digestgen.validate import unreadable_reason

    assert unreadable_reason(IsADirectoryError(21, "Is a directory")) == "Is a directory"
    bad = UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "invalid start byte")
    assert unreadable_reason(bad) == "not valid UTF-8 (byte 0xff at offset 1)"
