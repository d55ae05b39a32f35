"""Part rules of the offline engine (quality8 parts), each tested on sentences written for the test."""

from digestgen.engines.extractive import ExtractiveEngine, means_split
from digestgen.types import Paper


def _summary(abstract: str, title: str):
    return ExtractiveEngine().summarize(Paper(arxiv_id="0000.00008", title=title, abstract=abstract))


def test_one_line_means_becomes_the_methodology_when_no_sentence_says_how():
    # means-in-the-one-line class: the closing "by <gerund> ..." is how the contribution works
    one, method = means_split("This paper proposes a compact ranking model that keeps the accuracy of large "
                              "rankers by distilling their relevance scores into a small student.")
    assert one == "This paper proposes a compact ranking model that keeps the accuracy of large rankers."
    # the possessive pointed into the one-line; the methodology names its owner instead
    assert method == ("The key methodology involves distilling the relevance scores of large rankers into a small "
                      "student.")
    # "proposes to <means> and presents X": the means is the methodology, the one-line presents X
    one, method = means_split("This paper proposes to represent each road tile with a signed distance field and "
                              "presents a compact map encoder, called TileSDF.")
    assert one == "This paper presents a compact map encoder, called TileSDF."
    assert method == "The key methodology involves representing each road tile with a signed distance field."


def test_means_split_leaves_one_lines_it_cannot_split_cleanly():
    # a number is a result, not a means; a pronoun with nothing to point at would dangle; no means at all
    for one_line in ("This paper introduces Lark, a cache that cuts phone latency by 35% on four phones.",
                     "This paper introduces Lark, a cache that speeds up decoding by moving it to the flash chip.",
                     "This paper introduces Lark, a cache for language models on phones.",
                     "This paper proposes to study phone caches and presents a survey of eviction rules."):
        assert means_split(one_line) is None, one_line


def test_short_abstract_gets_a_methodology_from_its_contribution_sentence():
    abstract = ("Cloud rankers are too slow for phones. We propose a compact ranking model that keeps the accuracy "
                "of large rankers by distilling their relevance scores into a small student. On three search "
                "benchmarks, the compact model keeps 97% of the teacher's NDCG at 12x lower latency.")
    s = _summary(abstract, "Pocket Rankers for Phone Search")
    assert s.methodology == ("The key methodology involves distilling the relevance scores of large rankers into a "
                             "small student.")
    assert "by distilling" not in s.one_line and "97%" in s.results
