"""Read digest markdown back in: tolerant of the archive's real defects, and saying what each one is.

A row split over several lines (a title with a hard line break) is joined and
reported as ``broken_row``; a row with the wrong number of cells is recovered
as well as it can be and reported too. Nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .ids import canonical_id, is_arxiv_id
from .render import unescape_cell

_HEADING = re.compile(r"^##\s+Papers for\s+(\d{4}-\d{2}-\d{2})\s*$")
_HEADER = re.compile(r"^\|\s*Title\s*\|\s*Authors\s*\|\s*Summary\s*\|(?P<link>\s*Link\s*\|)?\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_TITLE = re.compile(
    r"^(?P<title>.*?)\s*\(Read more on \[arXiv\]\((?P<arxiv>[^)\s]*)\)"
    r"(?: or \[HuggingFace\]\((?P<hf>[^)\s]*)\))?\)\s*$",
    re.DOTALL,
)
# The archive's first weeks: "TITLE - read more on [arXiv](...) or [HuggingFace](...)".
_TITLE_OLD = re.compile(
    r"^(?P<title>.*?)\s*-\s*read more on \[arXiv\]\((?P<arxiv>[^)\s]*)\)"
    r"(?: or \[HuggingFace\]\((?P<hf>[^)\s]*)\))?\s*$",
    re.DOTALL | re.IGNORECASE,
)


@dataclass
class Defect:
    code: str
    message: str
    severity: str = "error"


@dataclass
class ParsedRow:
    index: int               # 1-based position in the table
    line: int                # 1-based line of the file where the row starts
    raw: str
    title: str
    arxiv_id: str | None
    arxiv_url: str | None
    hf_url: str | None
    authors: list[str]
    summary: str
    defects: list[Defect] = field(default_factory=list)


@dataclass
class ParsedDigest:
    path: str | None
    date: dt.date | None
    rows: list[ParsedRow]
    has_table: bool
    defects: list[Defect] = field(default_factory=list)


def split_authors(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(",") if a.strip()]


def _cells(inner: str) -> list[str]:
    """``_CELL_SPLIT.split(inner)``: every "|" is a border unless escaped, so without a "\\|" the plain split is the
    same (and faster)."""
    return _CELL_SPLIT.split(inner) if "\\|" in inner else inner.split("|")


def _parse_row(index: int, line: int, raw: str, continued: int, ncells: int = 3) -> ParsedRow:
    defects: list[Defect] = []
    if continued:
        defects.append(Defect("broken_row", f"row is split over {continued + 1} lines"))
    text = raw.strip()
    inner = text[1:] if text.startswith("|") else text
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    cells = _cells(inner)
    link_cell = ""
    if ncells == 4 and len(cells) >= 4:  # old layout: a last "Link" column
        link_cell = cells[-1]
        cells = cells[:-1]
    if len(cells) != 3:
        defects.append(Defect("broken_row", f"row has {len(cells) + (ncells == 4)} cells, expected {ncells}"))
        if len(cells) < 3:
            cells = cells + [""] * (3 - len(cells))
        else:  # an unescaped | inside the summary: keep it all
            cells = cells[:2] + ["|".join(cells[2:])]
    title_raw, authors_raw, summary_raw = cells
    title_raw = " ".join(title_raw.split())
    m = _TITLE.match(title_raw) or _TITLE_OLD.match(title_raw)
    arxiv_id = arxiv_url = hf_url = None
    title = title_raw
    if m and m.re is _TITLE_OLD:
        defects.append(Defect("old_format", "title cell uses the old '- read more on' links", "warning"))
    if m:
        title = m.group("title")
        arxiv_url, hf_url = m.group("arxiv"), m.group("hf")
        if is_arxiv_id(arxiv_url):
            arxiv_id = canonical_id(arxiv_url)
    if arxiv_id is None:
        found = re.search(r"arxiv\.org/abs/([^)\s]+)", title_raw + " " + link_cell)
        if found and is_arxiv_id(found.group(1)):
            arxiv_id = canonical_id(found.group(1))
            arxiv_url = found.group(0)
        if ncells == 4 and arxiv_id:
            defects.append(Defect("old_format", "old four-column layout with a Link column", "warning"))
        else:
            defects.append(Defect("bad_title_cell", "title cell lacks the '(Read more on [arXiv](...) or "
                                  "[HuggingFace](...))' links"))
    return ParsedRow(
        index=index, line=line, raw=raw, title=unescape_cell(title), arxiv_id=arxiv_id,
        arxiv_url=arxiv_url, hf_url=hf_url, authors=[unescape_cell(a) for a in split_authors(authors_raw)],
        summary=unescape_cell(summary_raw), defects=defects,
    )


def parse_digest(text: str, path: str | Path | None = None) -> ParsedDigest:
    """Parse one digest file's text."""
    lines = text.split("\n")
    day: dt.date | None = None
    defects: list[Defect] = []
    rows: list[ParsedRow] = []
    has_table = False
    ncells = 3
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _HEADING.match(line.strip())
        if m and day is None:
            try:
                day = dt.date.fromisoformat(m.group(1))
            except ValueError:
                defects.append(Defect("bad_heading", f"heading has an invalid date {m.group(1)!r}"))
        header = _HEADER.match(line.strip())
        if header:
            has_table = True
            ncells = 4 if header.group("link") else 3
            i += 1
            if i < len(lines) and _SEPARATOR.match(lines[i].strip()):
                i += 1
            break
        i += 1
    if not has_table:
        defects.append(Defect("no_table", "no '| Title | Authors | Summary |' table header"))
        return ParsedDigest(str(path) if path else None, day, rows, False, defects)

    current: list[str] = []
    start_line = 0

    def flush() -> None:
        if current:
            rows.append(_parse_row(len(rows) + 1, start_line, "\n".join(current), len(current) - 1, ncells))

    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            flush()
            current = [line]
            start_line = i + 1
        elif line.strip() == "":
            flush()
            current = []
        elif current:
            current.append(line)
        else:
            defects.append(Defect("stray_text", f"line {i + 1}: text outside the table", "warning"))
        i += 1
    flush()
    if day is None:
        defects.append(Defect("bad_heading", "no '## Papers for YYYY-MM-DD' heading"))
    return ParsedDigest(str(path) if path else None, day, rows, True, defects)


def parse_file(path: str | Path) -> ParsedDigest:
    path = Path(path)
    return parse_digest(path.read_text(encoding="utf-8"), path)
