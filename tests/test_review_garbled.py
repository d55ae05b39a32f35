"""`digestgen review --date D` with a digest pair that is there but garbled: one line naming the file, not "no digest"."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from digestgen.cli import main
from digestgen.digests import pair_problem, read_pair, write_pair
from digestgen.types import Digest, DigestRow

DAY = dt.date(2025, 2, 28)


@pytest.fixture
def out(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "out"))
    path = tmp_path / "out" / "2025" / "02" / "28.md"
    path.parent.mkdir(parents=True)
    return path


def review(capsys, *args) -> tuple[int, list[str]]:
    with pytest.raises(SystemExit) as exc:
        main(["review", "--date", DAY.isoformat(), *args])
    return exc.value.code, capsys.readouterr().err.splitlines()


def good_pair(path):
    row = DigestRow(arxiv_id="2502.19613", title="A title", authors=["Ann Author"], summary="A summary of 42 words.")
    write_pair(path, Digest(date=DAY, rows=[row]))


GARBLED = {
    "not JSON": (b"{not json", "not valid JSON"),
    "not UTF-8": (b'{"date": "\xff"}', "not valid UTF-8"),
    "a JSON list": (b"[1, 2]", "not a digest (a JSON list"),
    "wrong schema": (json.dumps({"date": "2025-02-28", "rows": "none"}).encode(), "not a digest (rows"),
}


@pytest.mark.parametrize("name", list(GARBLED))
@pytest.mark.parametrize("args", [(), ("--log",)])
def test_a_garbled_sidecar_is_one_line_naming_the_file(out, capsys, name, args):
    good_pair(out)
    body, reason = GARBLED[name]
    out.with_suffix(".json").write_bytes(body)
    code, err = review(capsys, *args)
    assert code == 1 and len(err) == 1, err
    assert err[0].startswith("error: cannot read the digest of 2025-02-28: ")
    assert str(out.with_suffix(".json")) in err[0] and "unreadable" in err[0] and reason in err[0], err[0]
    assert "no digest" not in err[0]


def test_a_markdown_edited_by_hand_is_named(out, capsys):
    good_pair(out)
    out.write_text(out.read_text() + "\nedited\n")
    code, err = review(capsys, "--log")
    assert code == 1 and len(err) == 1 and str(out) in err[0] and "does not match" in err[0], err


def test_nothing_generated_still_says_no_digest(out, capsys):
    code, err = review(capsys, "--log")
    assert code == 1 and len(err) == 1 and "no digest for 2025-02-28" in err[0], err
    assert pair_problem(out) is None


def test_a_good_pair_reads_and_has_no_problem(out):
    good_pair(out)
    assert read_pair(out).rows[0].arxiv_id == "2502.19613" and pair_problem(out) is None
