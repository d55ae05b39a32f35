"""Render then parse then render is a fixed point: on every archive row and on hostile cells."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from digestgen.parse import parse_digest, parse_file
from digestgen.render import escape_cell, render_digest
from digestgen.types import Digest, DigestRow
from digestgen.validate import digest_files


def roundtrip(row: DigestRow) -> str:
    once = render_digest(Digest(date=dt.date(2025, 1, 1), rows=[row]))
    parsed = parse_digest(once)
    assert len(parsed.rows) == 1, once
    back = parsed.rows[0]
    assert not [d for d in back.defects if d.severity == "error"], (once, back.defects)
    twice = render_digest(Digest(date=dt.date(2025, 1, 1), rows=[
        DigestRow(arxiv_id=back.arxiv_id, title=back.title, authors=back.authors, summary=back.summary)]))
    assert twice == once
    return once


def test_reference_format_exactly():
    row = DigestRow(arxiv_id="2502.19613", title="Self-rewarding correction", authors=["Nan Jiang", "Wei Xiong"],
                    summary="It works.")
    out = render_digest(Digest(date=dt.date(2025, 2, 28), rows=[row]))
    assert out == (
        "\n\n## Papers for 2025-02-28\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n"
        "| Self-rewarding correction (Read more on [arXiv](https://arxiv.org/abs/2502.19613) or "
        "[HuggingFace](https://huggingface.co/papers/2502.19613))| Nan Jiang, Wei Xiong | It works. |\n")


def test_cells_never_break_the_table():
    row = DigestRow(arxiv_id="2502.00001", title="A | B\nwith a line break", authors=["X|Y"],
                    summary="cost | accuracy\nnext line \\| done")
    out = roundtrip(row)
    assert out.count("\n| ") == 2  # header and one row
    back = parse_digest(out).rows[0]
    assert back.title == "A | B with a line break"
    assert back.summary == "cost | accuracy next line \\| done"


cell_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(["|", "\\", "\n", "\r\n", "\\|", "$\\frac{a}{b}$", "<br>", "<b>x</b>", "😀", "🚀", "**", "`",
                         " (Read more on [arXiv](https://arxiv.org/abs/1) or [HuggingFace](x))"]),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(title=cell_text.filter(lambda s: s.strip()), authors=st.lists(cell_text, max_size=4), summary=cell_text)
def test_roundtrip_fixed_point_on_hostile_cells(title, authors, summary):
    row = DigestRow(arxiv_id="2401.12345", title=title, authors=[a for a in authors if a.strip() and "," not in a],
                    summary=summary)
    roundtrip(row)


def test_every_archive_row_roundtrips(archive):
    n = 0
    for path in digest_files([archive]):
        for r in parse_file(path).rows:
            assert r.arxiv_id, (path, r.line)
            roundtrip(DigestRow(arxiv_id=r.arxiv_id, title=r.title, authors=r.authors, summary=r.summary))
            n += 1
    assert n > 4800


def test_parser_reports_split_rows_instead_of_dropping_them():
    text = ("## Papers for 2025-06-02\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n"
            "| ProRL: Prolonged Reinforcement Learning Expands Reasoning Boundaries in\n"
            "  Large Language Models (Read more on [arXiv](https://arxiv.org/abs/2505.24864) or "
            "[HuggingFace](https://huggingface.co/papers/2505.24864))| Xin Dong | ProRL works. |\n"
            "| Next (Read more on [arXiv](https://arxiv.org/abs/2505.24863) or "
            "[HuggingFace](https://huggingface.co/papers/2505.24863))| A | B |\n")
    d = parse_digest(text)
    assert [r.arxiv_id for r in d.rows] == ["2505.24864", "2505.24863"]
    assert d.rows[0].title == "ProRL: Prolonged Reinforcement Learning Expands Reasoning Boundaries in Large Language Models"
    assert [x.code for x in d.rows[0].defects] == ["broken_row"]
    assert d.rows[1].defects == []
    assert d.date == dt.date(2025, 6, 2)


def test_header_only_day_parses_to_no_rows():
    d = parse_digest("\n\n## Papers for 2025-10-16\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n")
    assert d.has_table and d.rows == []


def test_escape_cell_removes_every_line_break():
    assert escape_cell("a\u2028b\x85c\rd") == "a b c d"
