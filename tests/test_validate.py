import json

import pytest

from digestgen.cli import main
from digestgen.numbers import unsupported_numbers
from digestgen.validate import RowCheck, check_row, validate_paths, wrong_paper_findings

GOOD = ("Widget introduces a caching layer for transformer inference. The main research objective is to reduce "
        "serving latency without retraining. The key methodology involves reusing attention states across requests "
        "with a learned eviction policy. Primary results show a 2.5x speed-up and 31% lower memory on four "
        "benchmarks. For AI practitioners, this offers a drop-in way to cut inference cost in production systems "
        "that serve many similar prompts every day.")
ABSTRACT = ("We present Widget, a caching layer. It gives a 2.5x speed-up and uses 31% less memory on four "
            "benchmarks while reusing attention states.")


def codes(summary, **kw):
    rc = RowCheck(kw.pop("arxiv_id", "2501.00001"), kw.pop("title", "Widget"), kw.pop("authors", ["A. Author"]),
                  summary, **kw)
    return sorted(f.code for f in check_row(rc))


def test_a_good_row_has_no_findings():
    assert codes(GOOD, abstract=ABSTRACT) == []


@pytest.mark.parametrize("summary,code", [
    ("Here is a concise summary: " + GOOD, "preamble"),
    ("Okay, " + GOOD, "preamble"),
    ("Sure! " + GOOD, "preamble"),
    (GOOD.replace("caching layer", "**caching layer**"), "markdown"),
    (GOOD + " ## Results", "markdown"),
    (GOOD.replace("The main", "<br>- The main"), "markdown"),
    (GOOD + " 🚀", "markdown"),
    (GOOD.replace("2.5x", "large").replace("31%", "much").replace("four", "several"), "no_number"),
    ("Widget is fast with 2x gains.", "length"),
    (" ".join([GOOD] * 4), "length"),
    (GOOD + "  Follow-up questions:  1. Does it scale?", "postscript"),
])
def test_each_code_fires(summary, code):
    assert code in codes(summary)


def test_missing_authors():
    assert "missing_authors" in codes(GOOD, authors=[])


@pytest.mark.parametrize("part,cut", [
    ("objective", "The main research objective is to reduce serving latency without retraining. "),
    ("implication", " For AI practitioners, this offers a drop-in way to cut inference cost in production systems "
                    "that serve many similar prompts every day."),
])
def test_missing_parts(part, cut):
    assert f"missing_part:{part}" in codes(GOOD.replace(cut, " ") + " More text follows here to keep length.")


@pytest.mark.parametrize("summary_number,abstract,ok", [
    ("1,000", "We use 1000 samples.", True),
    ("1k", "We use 1,000 samples.", True),
    ("45%", "accuracy of 0.45", True),
    ("0.45", "accuracy rises by 45%", True),
    ("55.1%", "from 55.11% to 78.22%", True),
    ("3", "three benchmarks", True),
    ("1.5M", "1,500,000 images", True),
    ("23.11", "from 55.11% to 78.22%", False),
    ("80%", "We use 1000 samples.", False),
])
def test_number_equivalence(summary_number, abstract, ok):
    assert (unsupported_numbers(f"It reaches {summary_number} on the test.", abstract) == []) is ok


def test_unfaithful_number_is_an_error():
    bad = GOOD.replace("31%", "47%")
    assert "unfaithful_number" in codes(bad, abstract=ABSTRACT)


def test_no_number_is_only_a_warning_when_the_abstract_has_none():
    plain = GOOD.replace("2.5x", "large").replace("31%", "much").replace("four", "several")
    rc = RowCheck("2501.00001", "Widget", ["A"], plain, abstract="We present Widget, a caching layer.")
    [f] = [f for f in check_row(rc) if f.code == "no_number"]
    assert f.severity == "warning"


def test_wrong_paper(dev_rows):
    day = [r for r in dev_rows if r.date == "2025-02-28" and r.abstract]
    rows = [RowCheck(r.arxiv_id, r.title, r.authors, r.reference_summary, abstract=r.abstract, row=i)
            for i, r in enumerate(day, 1)]
    assert wrong_paper_findings(rows) == []  # the real summaries match their own papers
    rows[0].summary, rows[1].summary = rows[1].summary, rows[0].summary
    flagged = {f.arxiv_id for f in wrong_paper_findings(rows)}
    assert flagged == {day[0].arxiv_id, day[1].arxiv_id}


# Targets from the issue (an independent count of the whole archive): each within 15%.
ARCHIVE_COUNTS = {"broken_row": 1850, "empty_digest": 7, "preamble": 230, "markdown": 150, "no_number": 110,
                  "missing_authors": 290, "duplicate": 10}


@pytest.mark.slow  # ~9 s of CPU: every archive row through every check, the content checks included (make test runs it)
def test_archive_counts_match_an_independent_count(archive):
    """Targets from the issue (an independent count): each within 15%."""
    counts = validate_paths([archive]).counts
    for code, n in ARCHIVE_COUNTS.items():
        assert abs(counts.get(code, 0) - n) <= 0.15 * n, (code, counts.get(code))


def test_archive_counts_without_the_content_checks_match_an_independent_count(archive, monkeypatch):
    """The same counts in the fast suite: none of these codes comes from content_findings (the role classifier
    and the content checks, 90% of the time), so the whole archive goes through every other check without it."""
    import digestgen.validate as validate

    emitted = []
    monkeypatch.setattr(validate, "content_findings", lambda rc: emitted.append(rc) or [])
    counts = validate_paths([archive]).counts
    assert len(emitted) > 4000  # every row still reached the content step
    for code, n in ARCHIVE_COUNTS.items():
        assert abs(counts.get(code, 0) - n) <= 0.15 * n, (code, counts.get(code))


def test_cli_json_and_exit_codes(archive, tmp_path, capsys):
    day = archive / "2025" / "10" / "16.md"  # header-only day
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(day), "--json"])
    assert exc.value.code == 1
    out = json.loads(capsys.readouterr().out)
    assert out["files"] == 1 and out["rows"] == 0 and out["counts"] == {"empty_digest": 1}
    assert set(out["findings"][0]) == {"file", "row", "arxiv_id", "code", "severity", "message"}

    with pytest.raises(SystemExit) as exc:
        main(["validate", str(tmp_path / "nope.md")])
    assert exc.value.code == 2
    assert "no such file" in capsys.readouterr().err
