"""The validator's misspelling check (spelling.py, ``fluency:typo``). Every sentence is written for this test."""

import sys

import pytest

from digestgen import spelling
from digestgen.validate import CODES, RowCheck, check_row

TITLE = "GridTune: Tuning Retrieval Models on Synthetic Queries"
ROW = ("GridTune is a tuning recipe for retrieval models trained on synthetic queries. "
       "The main research objective is to make retrieval models robust to queries they never saw in training. "
       "The key methodology involves generating synthetic queries and tuning the retriever with a contrastive loss. "
       "Primary results show that GridTune improves recall at 10 by 6.5 points on five benchmarks. "
       "AI practitioners can use GridTune to adapt a retriever to a new domain without labelled queries.")


def typo_codes(summary, abstract=None, title=TITLE):
    return [f for f in check_row(RowCheck("2401.00002", title, ["A. Author"], summary, abstract=abstract))
            if f.code == "fluency:typo"]


def test_the_clean_row_has_no_typo():
    assert typo_codes(ROW) == []
    assert spelling.misspellings(ROW, TITLE) == []


@pytest.mark.parametrize("typo, fix", [
    ("retreival", "retrieval"),      # two letters swapped
    ("robst", None),                 # too short to judge: below MIN_LEN
    ("practioners", "practitioners"),  # two letters dropped (and used 17 times in the archive: a recurring slip)
    ("benchmaks", "benchmarks"),     # one letter dropped
    ("generatign", "generating"),    # swapped at the end
    ("contrastivve", "contrastive"),  # one letter doubled
])
def test_dropped_added_or_swapped_letters_are_typos(typo, fix):
    word = {"retreival": "retrieval", "robst": "robust", "practioners": "practitioners", "benchmaks": "benchmarks",
            "generatign": "generating", "contrastivve": "contrastive"}[typo]
    row = ROW.replace(word, typo, 1)
    assert typo in row
    got = spelling.misspellings(row, TITLE)
    if fix is None:
        assert got == []
        assert typo_codes(row) == []
    else:
        assert got == [(typo, fix)]
        (finding,) = typo_codes(row)
        assert finding.severity == "error" and typo in finding.message and fix in finding.message


@pytest.mark.parametrize("word", [
    "reranked",        # a known verb with a prefix and an inflection
    "subqueries",      # prefix + plural of a known word
    "tokenwise",       # a known word + "-wise"
    "behaviour",       # British spelling
    "optimisation",    # British spelling
    "generalisable",   # British spelling with a suffix
    "perceptron",      # one letter REPLACED from "perception": a real variant, not a slip
    "gridworlds",      # two known words run together
    "tokenizer",       # a technical term the archive uses often
])
def test_derived_british_replaced_and_technical_words_are_not_typos(word):
    row = ROW.replace("the retriever", f"the {word}", 1)
    assert word in row
    assert spelling.misspellings(row, TITLE) == []


def test_a_word_in_the_title_or_abstract_is_the_papers_own_spelling():
    row = ROW.replace("synthetic queries and", "syntehtic queries and", 1)
    assert spelling.misspellings(row, TITLE) == [("syntehtic", "synthetic")]
    assert spelling.misspellings(row, TITLE, "We tune on syntehtic queries (sic).") == []
    assert spelling.misspellings(row, "Syntehtic Queries for Retrieval") == []


def test_capitalised_hyphenated_and_path_words_are_left_alone():
    row = ROW.replace("a new domain", "a Retreival-specific domain from data/retreival", 1)
    assert spelling.misspellings(row, TITLE) == []


def test_each_word_is_reported_once_in_order():
    row = ROW.replace("retrieval", "retreival").replace("benchmarks", "benchmaks")
    assert spelling.misspellings(row, TITLE) == [("retreival", "retrieval"), ("benchmaks", "benchmarks")]


def test_without_pyspellchecker_the_check_is_skipped(monkeypatch):
    row = ROW.replace("retrieval", "retreival")
    monkeypatch.setitem(sys.modules, "spellchecker", None)  # import spellchecker -> ImportError
    spelling._checker.cache_clear()
    try:
        assert spelling.misspellings(row, TITLE) == []
        assert typo_codes(row) == []
        other = {f.code for f in check_row(RowCheck("2401.00002", TITLE, [], row))}
        assert other == {"missing_authors"}  # the other checks still run
    finally:
        monkeypatch.undo()
        spelling._checker.cache_clear()
    assert spelling.misspellings(row, TITLE) == [("retreival", "retrieval")]  # back with the library


def test_the_code_is_registered():
    assert "fluency:typo" in CODES


def test_a_long_run_of_letters_is_not_a_word_and_is_quick():
    row = ROW.replace("a new domain", "a " + "retreival" * 5000 + " domain", 1)
    assert spelling.misspellings(row, TITLE) == []


def test_bucket_masks_with_numpy_equal_the_per_word_masks():
    """The distance-2 search's letter-mask filter: numpy's masks and filter pick the same words as _mask per word."""
    keys = sorted(spelling._frequent())[::7]
    assert len(keys) > 20
    for first, n in keys:
        words, masks = spelling._bucket(first, n)
        assert not isinstance(masks, tuple)  # numpy is installed: the array path is the one tested
        assert masks.tolist() == [spelling._mask(w) for w in words]
        for probe in words[:3] + ("retreival", "benchmaks", first * n):
            m = spelling._mask(probe)
            assert spelling._near_masks(m, masks) == spelling._near_masks(m, tuple(masks.tolist()))
    assert spelling._near_masks(0b011, (0b011, 0b101, 0b111, 0b001)) == [0, 2, 3]  # superset, superset, subset
