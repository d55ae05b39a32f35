"""The validator judges what a row says: roles from the classifier on text without frame words, and glue artefacts.

Every example is written for this test; none is a dev row.
"""

import pytest

from digestgen.validate import RowCheck, check_row

TITLE = "SparseCache: Memory-Efficient Attention for Long-Context Language Models"
ABSTRACT = ("Long-context language models spend most of their memory on the attention cache. We propose SparseCache, "
            "which keeps only the keys that attention uses most and evicts the rest. On four long-context benchmarks "
            "SparseCache cuts cache memory by 70% while losing less than 1 point of accuracy. SparseCache lets "
            "practitioners serve 128K-token contexts on a single GPU.")
GOOD = ("SparseCache is a memory-efficient attention cache for long-context language models. "
        "The main research objective is to reduce the memory that long-context language models spend on the attention cache. "
        "The key methodology involves an eviction policy that keeps only the most-used attention keys in the cache. "
        "Primary results show that SparseCache cuts cache memory by 70% on four long-context benchmarks while losing "
        "less than 1 point of accuracy. "
        "For AI practitioners, SparseCache offers a way to serve 128K-token contexts on a single GPU.")
CATS = ("This paper introduces a friendly cat that rides commuter trains every morning. "
        "The main research objective is to find out why cats like to sleep on warm trains. "
        "The key methodology involves feeding the cats twice a day and watching the trains leave the station. "
        "Primary results show that 7 of the 9 cats preferred the 8:15 train to Glasgow. "
        "The principal implication for AI practitioners is that trains are a popular place for cats to sleep.")


def codes(summary, abstract=None, title=TITLE):
    return {f.code for f in check_row(RowCheck("2401.00001", title, ["A. Author"], summary, abstract=abstract))
            if f.severity == "error"}


def test_a_good_row_passes():
    assert codes(GOOD) == set()
    assert codes(GOOD, ABSTRACT) == set()


@pytest.mark.parametrize("abstract", [None, ABSTRACT])
def test_cats_and_trains_fails_despite_the_right_frame_words(abstract):
    found = codes(CATS, abstract)
    assert "unrelated_part" in found, found


def test_misplaced_implication_that_restates_a_result():
    row = GOOD.replace("For AI practitioners, SparseCache offers a way to serve 128K-token contexts on a single GPU.",
                       "The principal implication for AI practitioners is that SparseCache reaches 70% lower cache "
                       "memory and 1 point lower accuracy on four benchmarks.")
    assert "misplaced_part:implication" in codes(row)


def test_misplaced_objective_that_is_a_result():
    row = GOOD.replace("The main research objective is to reduce the memory that long-context language models spend "
                       "on the attention cache.",
                       "The main research objective is that SparseCache achieves 70% lower memory and outperforms "
                       "all baselines by 2 points.")
    assert "misplaced_part:objective" in codes(row)


def test_missing_part_is_judged_on_content_not_frame_words():
    row = GOOD.replace("The key methodology involves an eviction policy that keeps only the most-used attention keys "
                       "in the cache. ", "")
    assert "missing_part:methodology" in codes(row)


@pytest.mark.parametrize("code,old,new", [
    ("glue:stacked_frames", "Primary results show that SparseCache cuts",
     "Primary results show that the experiments show that SparseCache cuts"),
    ("glue:stacked_frames", "Primary results show that SparseCache cuts",
     "Primary results show that extensive experiments on four long-context benchmarks, including a new one for "
     "code, demonstrate that SparseCache cuts"),
    ("glue:broken_frame", "The key methodology involves an eviction", "In terms of methodology, of an eviction"),
    ("glue:dangling_reference", "The main research objective is to reduce",
     "This gap matters. The main research objective is to reduce"),
    ("glue:latex", "by 70%", r"by 70\%"),
    ("glue:latex", "on a single GPU", r"on a single GPU at $4\times$ the speed"),
])
def test_glue_artefacts(code, old, new):
    assert code not in codes(GOOD)
    assert code in codes(GOOD.replace(old, new))


def test_references_with_an_antecedent_are_not_dangling():
    row = GOOD.replace("The key methodology involves an eviction policy", "This attention cache uses an eviction policy")
    assert "glue:dangling_reference" not in codes(row)


def test_an_objective_stated_as_the_problem_it_addresses():
    row = GOOD.replace("The main research objective is to reduce the memory that long-context language models spend "
                       "on the attention cache.",
                       "The paper addresses the limitation that current language models struggle to fit the "
                       "attention cache of long contexts in memory.")
    assert "missing_part:objective" not in codes(row)
    # the same frame on a sentence that states no problem does not make an objective
    row = GOOD.replace("The main research objective is to reduce the memory that long-context language models spend "
                       "on the attention cache.",
                       "The paper addresses the limitation that SparseCache reaches 70% lower memory on 4 benchmarks.")
    assert "missing_part:objective" in codes(row) or "misplaced_part:objective" in codes(row)
