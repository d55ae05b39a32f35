"""digestgen.publish: archive markdown + JSON, index, HTML site and feeds, all from the day JSON, same bytes twice."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from digestgen.config import Settings
from digestgen.parse import parse_file
from digestgen.publish import publish_day, rebuild
from digestgen.types import Digest, DigestRow, Finding

ATOM = "{http://www.w3.org/2005/Atom}"


def make_digest(day: dt.date, n: int = 3, *, hostile: bool = False) -> Digest:
    rows = []
    for i in range(n):
        title = f"Paper {i} on {day}"
        if hostile and i == 0:
            title = "Attention <script>alert(1)</script> | is \"all\" & more"
        rows.append(DigestRow(arxiv_id=f"2502.{19000 + i:05d}", title=title, authors=["Ada Lovelace", "Alan Turing"],
                              summary=f"This paper studies problem {i} and improves accuracy by {i + 1}.5% on a benchmark."))
    return Digest(date=day, rows=rows)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(publish_dir=tmp_path / "public", site_url=None)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_publish_day_writes_archive_markdown_atomically_and_deterministically(settings):
    d = make_digest(dt.date(2025, 2, 28))
    res = publish_day(settings, d)
    assert res.path == settings.publish_dir / "archive" / "2025" / "02" / "28.md"
    first = res.path.read_bytes()
    parsed = parse_file(res.path)
    assert parsed.date == d.date and [r.arxiv_id for r in parsed.rows] == [r.arxiv_id for r in d.rows]
    assert Digest.model_validate_json(res.json_path.read_bytes()) == d
    before = tree(settings.publish_dir)
    res2 = publish_day(settings, d)
    assert res2.path.read_bytes() == first
    assert tree(settings.publish_dir) == before
    assert not [p for p in settings.publish_dir.rglob("*.tmp")]


def test_every_target_and_index_newest_first(settings):
    days = [dt.date(2025, 2, 27), dt.date(2025, 3, 3), dt.date(2025, 2, 28)]
    for day in days:
        publish_day(settings, make_digest(day, n=2))
    root = settings.publish_dir
    index = (root / "README.md").read_text()
    links = [line.split("](")[0].lstrip("- [") for line in index.splitlines() if line.startswith("- [")]
    assert links == ["2025-03-03", "2025-02-28", "2025-02-27"]
    assert "(archive/2025/02/28.md): 2 papers" in index
    assert (root / "site" / "2025" / "02" / "28.html").exists()
    html_index = (root / "site" / "index.html").read_text()
    assert html_index.index("2025-03-03") < html_index.index("2025-02-28") < html_index.index("2025-02-27")
    assert 'href="2025/02/28.html"' in html_index
    atom = ET.fromstring((root / "site" / "atom.xml").read_bytes())
    entries = atom.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Papers for 2025-03-03", "Papers for 2025-02-28", "Papers for 2025-02-27"]
    assert atom.find(f"{ATOM}updated").text.startswith("2025-03-03T00:00:00")
    feed = json.loads((root / "site" / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in feed["items"]] == [e.find(f"{ATOM}title").text for e in entries]
    assert feed["items"][1]["_digestgen"]["papers"] == ["2502.19000", "2502.19001"]


def test_html_is_escaped_and_self_contained(settings):
    publish_day(settings, make_digest(dt.date(2025, 2, 28), hostile=True))
    page = (settings.publish_dir / "site" / "2025" / "02" / "28.html").read_text()
    assert "<script>" not in page
    assert "Attention &lt;script&gt;alert(1)&lt;/script&gt; | is &#34;all&#34; &amp; more" in page
    assert "https://arxiv.org/abs/2502.19000" in page and "https://huggingface.co/papers/2502.19000" in page
    # no CDN: nothing is loaded from elsewhere (links to papers are fine, scripts/styles/fonts are not)
    assert "<script" not in page and "stylesheet" not in page and "@import" not in page
    atom = (settings.publish_dir / "site" / "atom.xml").read_text()
    assert "<script>" not in atom
    md = (settings.publish_dir / "archive" / "2025" / "02" / "28.md").read_text()
    assert "\\| is" in md  # the reference markdown escapes pipes inside cells


def test_flagged_rows_are_visibly_marked_in_html(settings):
    d = make_digest(dt.date(2025, 2, 28))
    d.rows[1] = d.rows[1].model_copy(update={
        "findings": [Finding(code="no_number", severity="error", message="no number")], "status": "needs_review"})
    publish_day(settings, d)
    page = (settings.publish_dir / "site" / "2025" / "02" / "28.html").read_text()
    assert page.count("needs review</span>") == 1 and "1 not yet reviewed" in page


def test_rebuild_gives_the_same_bytes(settings):
    for day in (dt.date(2025, 2, 27), dt.date(2025, 2, 28)):
        publish_day(settings, make_digest(day, hostile=True))
    before = tree(settings.publish_dir)
    # lose everything but the JSON files: the rebuild restores every byte
    for p in settings.publish_dir.rglob("*"):
        if p.is_file() and p.suffix != ".json" or p.name == "feed.json":
            p.unlink()
    rebuild(settings)
    assert tree(settings.publish_dir) == before


def test_absolute_links_with_site_url(settings):
    settings.site_url = "https://papers.example.org/"
    publish_day(settings, make_digest(dt.date(2025, 2, 28)))
    atom = ET.fromstring((settings.publish_dir / "site" / "atom.xml").read_bytes())
    entry = atom.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "https://papers.example.org/2025/02/28.html"
    assert entry.find(f"{ATOM}id").text == "https://papers.example.org/2025/02/28.html"


def test_feed_keeps_only_recent_days(settings):
    settings.feed_days = 2
    for day in (dt.date(2025, 2, 26), dt.date(2025, 2, 27), dt.date(2025, 2, 28)):
        publish_day(settings, make_digest(day))
    feed = json.loads((settings.publish_dir / "site" / "feed.json").read_text())
    assert [i["_digestgen"]["date"] for i in feed["items"]] == ["2025-02-28", "2025-02-27"]
    assert "2025-02-26" in (settings.publish_dir / "README.md").read_text()  # the index keeps every day
