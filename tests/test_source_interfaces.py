"""Sources behind two interfaces with typed requests and a registry; plugins through entry points."""

import datetime as dt
import textwrap
from importlib.metadata import version

import pytest
from pydantic import ValidationError

from digestgen.cache import Cache
from digestgen.config import Settings
from digestgen.errors import SourceError, UsageError
from digestgen.fetch import fetch_day
from digestgen.sources import ListingRequest, MetadataRequest, available, get_listing, get_metadata
from digestgen.sources.arxiv_api import SUPPORTED_ARXIV_MAJOR, ArxivQueryListing, ArxivSource, check_arxiv_internals
from digestgen.sources.hf_daily import HFDailySource

PLUGIN = '''
from digestgen.sources import ListingSource, MetadataSource
from digestgen.types import Paper

DAYS = {"2025-02-28": ["2502.00002", "2502.00001", "2502.00002"]}


class StaticListing(ListingSource):
    name = "static"

    def list(self, request):
        return [Paper(arxiv_id=i, title="", hf_authors=["hf name"]) for i in DAYS.get(request.day.isoformat(), [])]


class StaticMetadata(MetadataSource):
    name = "static_meta"
    asked = []

    def describe(self, request):
        StaticMetadata.asked.append(request.ids)
        return [Paper(arxiv_id=i, title=f"Title {i}", authors=["Full Name"], abstract="An abstract.")
                for i in request.ids if i != "2502.00001"]
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """A real distribution on sys.path that declares sources in the entry-point groups."""
    (tmp_path / "static_sources.py").write_text(PLUGIN)
    info = tmp_path / "static_sources-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: static-sources\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(textwrap.dedent("""\
        [digestgen.listings]
        static = static_sources:StaticListing

        [digestgen.metadata]
        static_meta = static_sources:StaticMetadata
        """))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    import sys

    sys.modules.pop("static_sources", None)


def test_builtins_are_registered():
    assert {"hf_daily", "arxiv_query"} <= set(available("listing"))
    assert "arxiv" in available("metadata")


def test_sources_are_built_from_settings(tmp_path):
    s = Settings(hf_url="http://127.0.0.1:9/api", arxiv_url="http://127.0.0.1:9/api/query", home=tmp_path)
    cache = Cache(tmp_path / "c")
    hf = get_listing("hf_daily", s, cache, offline=True)
    assert isinstance(hf, HFDailySource) and hf.base_url == "http://127.0.0.1:9/api" and hf.offline
    ax = get_metadata("arxiv", s, cache)
    assert isinstance(ax, ArxivSource) and ax.query_url == "http://127.0.0.1:9/api/query" and not ax.offline
    q = get_listing("arxiv_query", s, cache)
    assert isinstance(q, ArxivQueryListing) and q.arxiv.query_url == "http://127.0.0.1:9/api/query"


def test_unknown_source_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown listing source 'nope'; available: .*hf_daily"):
        get_listing("nope", Settings(home=tmp_path), Cache(tmp_path))


def test_requests_are_typed():
    assert MetadataRequest(ids=["arXiv:2502.19613v2", "2502.00001"]).ids == ("2502.19613", "2502.00001")
    with pytest.raises(ValidationError):
        ListingRequest()                                           # neither a day nor a query
    with pytest.raises(ValidationError):
        ListingRequest(day=dt.date(2025, 2, 28), query="cat:cs.CL")  # both
    with pytest.raises(ValidationError):
        ListingRequest(day="2025-02-30")
    with pytest.raises(ValidationError):
        MetadataRequest(ids=["not an id"])


def test_a_listing_answers_only_what_it_can(tmp_path):
    with pytest.raises(SourceError, match="answers days, not queries"):
        HFDailySource(Cache(tmp_path), offline=True).list(ListingRequest(query="cat:cs.CL"))
    with pytest.raises(SourceError, match="answers queries, not days"):
        ArxivQueryListing(Cache(tmp_path), offline=True).list(ListingRequest(day=dt.date(2025, 2, 28)))


def test_fetch_day_uses_only_the_interfaces_and_plugins_plug_in(tmp_path, plugin):
    assert "static" in available("listing") and "static_meta" in available("metadata")
    s = Settings(listing_source="static", metadata_source="static_meta", home=tmp_path)
    day = fetch_day(dt.date(2025, 2, 28), cache=Cache(tmp_path / "c"), settings=s,
                    seen={"2502.09999": dt.date(2025, 2, 1)})
    import static_sources

    # listed order kept, the repeat skipped; one metadata request for the unique ids
    assert static_sources.StaticMetadata.asked == [("2502.00002", "2502.00001")]
    assert [p.arxiv_id for p in day.papers] == ["2502.00002", "2502.00001"]
    assert day.skipped == {"2502.00002": "listed twice today"}
    # metadata fills in what it knows; a paper it does not know keeps the listing's names
    assert (day.papers[0].title, day.papers[0].authors) == ("Title 2502.00002", ["Full Name"])
    assert (day.papers[1].title, day.papers[1].authors, day.papers[1].abstract) == ("", ["hf name"], None)


def test_a_plugin_class_of_the_wrong_kind_is_refused(tmp_path, plugin):
    from digestgen.sources import register

    register("metadata", "wrong", "static_sources:StaticListing")
    with pytest.raises(UsageError, match="is not a MetadataSource"):
        get_metadata("wrong", Settings(home=tmp_path), Cache(tmp_path))


def test_arxiv_internals_we_rely_on_are_still_there():
    """Fails loudly when a new `arxiv` release moves Client._session or query_url_format."""
    import arxiv
    import requests

    assert int(version("arxiv").split(".")[0]) == SUPPORTED_ARXIV_MAJOR
    assert isinstance(check_arxiv_internals(arxiv.Client()), requests.Session)


def test_changed_arxiv_internals_give_one_clear_error():
    class Moved:
        query_url_format = "x?{}"

    with pytest.raises(SourceError, match=r"changed the internals digestgen uses .*install arxiv 4\.x"):
        check_arxiv_internals(Moved())
