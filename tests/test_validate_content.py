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


# --- content_checks: parts judged against each other, the title and the abstract (quality4) ----------------------------
# Every row below is written for this test from the SparseCache row above; none is a dev or archive row.

OBJ = ("The main research objective is to reduce the memory that long-context language models spend on the attention "
       "cache.")
IMP = "For AI practitioners, SparseCache offers a way to serve 128K-token contexts on a single GPU."
RES = ("Primary results show that SparseCache cuts cache memory by 70% on four long-context benchmarks while losing "
       "less than 1 point of accuracy.")


def content(summary, abstract=ABSTRACT, title=TITLE):
    from digestgen.content_checks import content_hits

    return {h.code: h for h in content_hits(title, summary, abstract)}


def test_the_good_row_has_no_content_finding():
    assert content(GOOD) == {}
    assert content(GOOD, abstract=None) == {}


@pytest.mark.parametrize("code,old,new", [
    # an objective that is the one-line again
    ("restated_part:objective", OBJ, "The main research objective is to build a memory-efficient attention cache for "
                                     "long-context language models."),
    # a takeaway that wraps the purpose clause ("offers a way to <objective>")
    ("restated_part:implication", IMP, "For AI practitioners, SparseCache offers a way to reduce the memory that "
                                       "long-context language models spend on the attention cache."),
    # the authors' hope or claim
    ("implication:claim", IMP, "The principal implication for AI practitioners is that SparseCache paves the way "
                               "towards a new paradigm of memory-aware serving."),
    ("implication:claim", IMP, "For AI practitioners, the findings highlight the potential of cache eviction to "
                               "transform serving systems."),
    # a release notice
    ("implication:release", IMP, "For AI practitioners, the code and the trained eviction policies are publicly "
                                 "available."),
    ("implication:release", IMP, "The principal implication for AI practitioners is that this paper provides a new "
                                 "long-context benchmark suite."),
    # what the authors did
    ("implication:authors", IMP, "The principal implication for AI practitioners is that the authors focus on the "
                                 "eviction of rarely used keys."),
    # a result restated with the method as subject
    ("implication:result", IMP, "The principal implication for AI practitioners is that the approach significantly "
                                "improves memory use on long contexts."),
    # the authors' hope stated as the method
    ("claim_in_part", "The key methodology involves an eviction policy that keeps only the most-used attention keys "
                      "in the cache.", "By evicting rarely used keys, SparseCache marks a pivotal step toward "
                                       "memory-aware serving."),
    # results that claim an outcome without a number (the abstract has one)
    ("results_without_number", RES, "Primary results show that SparseCache outperforms full caching on memory while "
                                     "losing little accuracy."),
    # the opener is the title
    ("one_line_is_title", "SparseCache is a memory-efficient attention cache for long-context language models.",
     "SparseCache: Memory-Efficient Attention for Long-Context Language Models."),
    # a part missing: three sentences; or padded: six
    ("sentence_count", OBJ + " The key methodology involves an eviction policy that keeps only the most-used attention "
                           "keys in the cache. ", ""),
    ("sentence_count", IMP, IMP + " The cache is also easy to implement. It works with any attention kernel."),
    # glue seams
    ("glue:frame_fit", "Primary results show that SparseCache", "Primary results show that unlike full caching, "
                                                                "SparseCache"),
    ("glue:sequence", "The key methodology involves an eviction policy", "Finally, the key methodology involves an "
                                                                         "eviction policy"),
    ("glue:dangling_definite", "that keeps only the most-used attention keys", "that validates the hypothesis by "
                                                                               "keeping only the most-used keys"),
    ("fluency:spacing", "memory-efficient attention cache", "memory-efficient, key - based attention cache"),
    ("fluency:spacing", "on a single GPU.", "on a single GPU -- without retraining."),
])
def test_each_content_code_fires_on_its_class_and_not_on_the_good_row(code, old, new):
    assert old in GOOD
    assert code not in content(GOOD)
    hit = content(GOOD.replace(old, new)).get(code)
    assert hit is not None, (code, content(GOOD.replace(old, new)))
    assert hit.severity == "error"


@pytest.mark.parametrize("old,new", [
    # an objective that shares some words with the opener but asks its own question
    (OBJ, "The main research objective is to find out which attention keys long-context language models actually "
          "read during decoding."),
    # a takeaway that names the reader and a concrete use, sharing the topic but not the words of the objective
    (IMP, "AI practitioners can serve 128K-token contexts on one GPU by evicting rarely used keys."),
    # results with a number, and a comparison word
    (RES, "Primary results show that SparseCache uses 70% less cache memory than full caching."),
    # a step word after an earlier step
    ("The key methodology involves an eviction policy that keeps only the most-used attention keys in the cache.",
     "The key methodology first ranks keys by attention mass and finally evicts the lowest-ranked ones."),
    # an ordinary hyphenated compound and a dash used as punctuation
    ("on a single GPU.", "on a single off-the-shelf GPU."),
    # "the hypothesis that ..." states the hypothesis
    ("that keeps only the most-used attention keys", "built on the hypothesis that few keys matter, keeping only the "
                                                     "most-used keys"),
])
def test_near_misses_do_not_fire(old, new):
    assert old in GOOD
    assert content(GOOD.replace(old, new)) == {}, content(GOOD.replace(old, new))


def test_results_without_number_is_a_warning_when_the_abstract_reports_none():
    """quality5: the rubric asks for a number whatever the abstract holds. A faithful row cannot give one the abstract
    lacks, so the row gets a warning that says so (take it from the full paper, or review); an error where the
    abstract has the number."""
    abstract = ABSTRACT.replace(" cuts cache memory by 70% while losing less than 1 point of accuracy", " cuts cache "
                                "memory while keeping accuracy")
    row = GOOD.replace(RES, "Primary results show that SparseCache outperforms full caching on memory.")
    hit = content(row, abstract).get("results_without_number")
    assert hit is not None and "abstract gives no number" in hit.message and "full paper" in hit.message
    assert hit.severity == "warning"  # no faithful row could give it: for the reviewer, not a publish block
    assert "abstract gives no number" not in content(row, ABSTRACT)["results_without_number"].message
    assert content(row, ABSTRACT)["results_without_number"].severity == "error"
    assert "results_without_number" in content(row, None)  # abstract unknown: the row is asked for its number
    assert "results_without_number" not in content(GOOD, abstract)  # the row has its number


# --- quality5 classes: each on rows written for this test ------------------------------------------------------------

@pytest.mark.parametrize("code,old,new", [
    # an objective that restates a prior-work limitation or a problem, not the goal
    ("objective:problem", OBJ, "The main research objective is to address the lack of memory-aware caches in "
                               "current serving systems."),
    ("objective:problem", OBJ, "The main research objective is to overcome the inability of attention caches to fit "
                               "long contexts in memory."),
    ("objective:problem", OBJ, "The main research objective is to address the reliance of serving stacks on full "
                               "attention caches."),
    ("objective:problem", OBJ, "The main research objective is to address the challenge of long-context serving."),
    # an objective whose words are the methodology's (the mechanism, not the goal)
    ("objective:mechanism", OBJ, "The main research objective is to keep only the most-used attention keys in the "
                                 "cache."),
    # an opener that is the name and a bare kind noun
    ("one_line:vague", "SparseCache is a memory-efficient attention cache for long-context language models.",
     "This paper proposes SparseCache, a novel caching method."),
    ("one_line:vague", "SparseCache is a memory-efficient attention cache for long-context language models.",
     "The authors introduce SparseCache, an attention cache."),
    # a finding restated as something to be aware of
    ("implication:finding", IMP, "AI practitioners should be aware that most attention keys are never read during "
                                 "decoding."),
    ("implication:finding", IMP, "AI practitioners should note that full caches waste memory on long contexts."),
])
def test_quality5_codes_fire_on_their_class(code, old, new):
    assert old in GOOD
    row = GOOD.replace(old, new)
    assert code not in content(GOOD)
    hit = content(row).get(code)
    assert hit is not None, (code, content(row))
    assert hit.severity == "error" and "\n" not in hit.message


@pytest.mark.parametrize("old,new", [
    # a goal phrased against a limitation the archive accepts: "the limitations of", "the challenge of <doing>"
    (OBJ, "The main research objective is to overcome the memory limitations of attention caches for long contexts."),
    (OBJ, "The main research objective is to address the challenge of serving long contexts on a single GPU."),
    # a goal that shares the topic but not the mechanism's words
    (OBJ, "The main research objective is to cut the memory that long-context models need without losing accuracy."),
    # an opener with its name, kind and what it is for
    ("SparseCache is a memory-efficient attention cache for long-context language models.",
     "This paper proposes SparseCache, a caching method for long-context language models."),
    ("SparseCache is a memory-efficient attention cache for long-context language models.",
     "This paper proposes SparseCache, an attention cache that evicts rarely used keys."),
    # an implication that says what to do
    (IMP, "AI practitioners can serve 128K-token contexts on one GPU by evicting rarely used keys."),
])
def test_quality5_near_misses_do_not_fire(old, new):
    assert old in GOOD
    found = content(GOOD.replace(old, new))
    # quality11: "to address the challenge of serving long contexts on a single GPU" makes the objective the
    # implication's point ("serve 128K-token contexts on a single GPU"): implication:paraphrase is right to fire there,
    # and is not what these objective/one-line near misses test
    found = {c: h for c, h in found.items() if c != "implication:paraphrase"}
    assert not {c for c in found if c.startswith(("objective:", "one_line:", "implication:"))}, found


def test_an_implication_that_rewords_one_abstract_sentence_is_a_restated_claim():
    abstract = ABSTRACT.replace("SparseCache lets practitioners serve 128K-token contexts on a single GPU.",
                                "SparseCache also reduces decoding latency and improves throughput on long inputs.")
    reworded = GOOD.replace(IMP, "AI practitioners can use SparseCache to reduce decoding latency and improve "
                                 "throughput on long inputs.")
    hit = content(reworded, abstract).get("implication:restated_claim")
    assert hit is not None and "abstract" in hit.message
    # a consequence the abstract does not state is a takeaway
    own = GOOD.replace(IMP, "AI practitioners can run long-document assistants on a single consumer GPU instead of a "
                            "cluster.")
    assert "implication:restated_claim" not in content(own, abstract)
    # an abstract sentence that already speaks to practitioners is the takeaway: saying it again is fine
    assert "implication:restated_claim" not in content(GOOD, ABSTRACT)
    # no abstract: nothing to compare
    assert "implication:restated_claim" not in content(reworded, None)
    # a recommendation to adopt the work in place of something is a takeaway, even when the abstract says it
    adopt_abstract = abstract + " SparseCache is a drop-in replacement for the full attention cache of any model."
    adopt = GOOD.replace(IMP, "AI practitioners can use SparseCache as a drop-in replacement for the full attention "
                              "cache of any model.")
    assert "implication:restated_claim" not in content(adopt, adopt_abstract)
    # so is the abstract's statement of the applications the work is for
    use_abstract = abstract + " SparseCache provides a practical solution for applications requiring long-context recall."
    use = GOOD.replace(IMP, "AI practitioners can use SparseCache as a practical solution for applications requiring "
                            "long-context recall.")
    assert "implication:restated_claim" not in content(use, use_abstract)
    # while the same words without the statement of use stay a restated claim
    claim_abstract = abstract + " SparseCache delivers strong long-context recall on every benchmark."
    claim = GOOD.replace(IMP, "AI practitioners can use SparseCache to deliver strong long-context recall on every "
                              "benchmark.")
    assert "implication:restated_claim" in content(claim, claim_abstract)


def test_a_coined_name_used_before_it_is_introduced():
    abstract = ABSTRACT.replace("We propose SparseCache, which", "We propose KeyDrop, a novel eviction policy that")
    title = "Memory-Efficient Attention for Long-Context Language Models"
    row = ("This paper reduces the attention-cache memory of long-context language models. " + OBJ + " "
           "The key methodology evicts the keys that attention uses least. " + RES.replace("SparseCache", "KeyDrop")
           + " For AI practitioners, the policy offers a way to serve 128K-token contexts on a single GPU.")
    assert "undefined_name" in content(row, abstract, title)
    introduced = row.replace("The key methodology evicts", "The key methodology is KeyDrop, a policy that evicts")
    assert "undefined_name" not in content(introduced, abstract, title)
    # a name the abstract does not coin (an existing benchmark or model) is not checked
    known = row.replace("on four long-context benchmarks", "on RULER and LongBench")
    assert "RULER" not in content(known, abstract, title).get("undefined_name", type("h", (), {"message": ""})).message


def test_a_component_named_with_the_before_it_is_introduced():
    abstract = ABSTRACT + " A Planner chooses which keys to keep and an Evictor removes the rest."
    row = GOOD.replace("that keeps only the most-used attention keys in the cache", "in which the Planner keeps only "
                       "the most-used attention keys")
    assert "undefined_name" in content(row, abstract)
    assert "undefined_name" not in content(row.replace("the Planner keeps", "a Planner keeps"), abstract)


def test_a_copied_abstract_sentence_as_implication_is_the_authors_claim():
    abstract = ABSTRACT + (" Our approach establishes memory-aware eviction as a practical default for serving "
                           "long-context models at scale.")
    row = GOOD.replace(IMP, "The principal implication for AI practitioners is that the approach establishes "
                            "memory-aware eviction as a practical default for serving long-context models at scale.")
    assert "implication:claim" in content(row, abstract)
    assert "implication:claim" not in content(row, ABSTRACT)  # not copied from this abstract: not this check


def test_an_unframed_row_has_its_implication_found_by_position():
    row = ("SparseCache is a memory-efficient attention cache for long-context language models. "
           "The research aims to cut the memory spent on the attention cache without losing accuracy. "
           "It keeps only the attention keys that are used most and evicts the rest. "
           "On four long-context benchmarks, SparseCache cuts cache memory by 70% with under 1 point of accuracy lost. "
           "The code is publicly available on GitHub.")
    assert "implication:release" in content(row)


def test_every_content_code_is_documented_and_its_message_is_one_line_feedback():
    from digestgen.content_checks import CODES as CONTENT
    from digestgen.validate import CODES

    assert set(CONTENT) <= set(CODES)
    rows = [GOOD.replace(IMP, "For AI practitioners, the code and weights are publicly available."),
            GOOD.replace(OBJ, "The main research objective is to build a memory-efficient attention cache for "
                              "long-context language models.")]
    for row in rows:
        for f in check_row(RowCheck("2401.00001", TITLE, ["A"], row, abstract=ABSTRACT)):
            if f.code in CONTENT:
                assert "\n" not in f.message and ":" in f.message and len(f.message) < 300


def test_the_llm_reask_gets_the_new_findings_as_feedback():
    """pipeline.summarize_paper hands the validator's error findings to the engine as "code: message" lines."""
    import asyncio

    from digestgen.engines.base import Engine
    from digestgen.pipeline import summarize_paper
    from digestgen.types import Paper, Summary

    bad = Summary(one_line="SparseCache is a memory-efficient attention cache for long-context language models.",
                  objective=OBJ, methodology="The key methodology involves an eviction policy that keeps only the "
                  "most-used attention keys in the cache.", results=RES,
                  implication="For AI practitioners, the code and weights are publicly available.")
    seen: list[list[str]] = []

    class OnceEngine(Engine):
        name = "once"

        def summarize(self, paper, feedback=None):
            return bad

        async def asummarize(self, paper, check=None):
            seen.append(check(bad))
            return bad

    paper = Paper(arxiv_id="2401.00001", title=TITLE, abstract=ABSTRACT, authors=["A"])
    row = asyncio.run(summarize_paper(OnceEngine(), paper))
    assert any(line.startswith("implication:release: ") for line in seen[0]), seen
    assert "implication:release" in {f.code for f in row.findings}


def test_offline_engine_rows_have_no_new_glue_seam(dev_prose):
    from digestgen.content_checks import glue_hits

    seams = {}
    for arxiv_id, text in dev_prose.items():  # the engine's rows of the dev papers with an abstract
        hits = [h.code for h in glue_hits(text) if h.code.startswith("glue:")]
        if hits:
            seams[arxiv_id] = hits
    assert len(dev_prose) == 34 and seams == {}


def test_glue_hits_report_glue_classes_once_each():
    """glue.glue_findings' classes reach the validator, one code per class ("glue:stacked_frame" is the older
    registered "glue:stacked_frames")."""
    from digestgen.content_checks import glue_hits

    text = GOOD.replace("Primary results show that SparseCache", "Primary results show that unlike full caching, "
                                                                  "SparseCache")
    assert [h.code for h in glue_hits(text)] == ["glue:frame_fit"]
    assert "\n" not in glue_hits(text)[0].message
    stacked = GOOD.replace("Primary results show that SparseCache", "Primary results show that experiments show "
                                                                     "that SparseCache")
    codes = [h.code for h in glue_hits(stacked)]
    assert "glue:stacked_frames" in codes and "glue:stacked_frame" not in codes
    assert glue_hits(GOOD) == []


# --- quality8: restatement on the whole row, and cautions drawn from prior work -----------------------------------
# Rows written for this test from the SparseCache row above.

def test_an_implication_that_only_recombines_the_rows_parts_is_restated():
    """A benefit from the objective joined to the mechanism from the methodology: no single part holds 60% of its
    words, the row holds them all, so it says nothing the row has not said."""
    from digestgen.content_checks import RESTATE_IMPLICATION, _locate, _share, _TAKEAWAY_WRAPPER, paper_names
    from digestgen.parts import summary_sentences

    new = "AI practitioners can keep accuracy on long-context benchmarks with an eviction policy over the most-used keys."
    row = GOOD.replace(IMP, new)
    parts = _locate(summary_sentences(row))
    singles = [_share(parts["implication"].body, parts[k].body, paper_names(TITLE), _TAKEAWAY_WRAPPER)[0]
               for k in ("one_line", "objective", "methodology", "results")]
    assert max(singles) < RESTATE_IMPLICATION  # the row-level rule is what fires
    hit = content(row).get("restated_part:implication")
    assert hit is not None and "recombines" in hit.message and "\n" not in hit.message


def test_an_implication_rewording_one_part_below_the_old_threshold_is_restated():
    """Two thirds of its words are the one-line's (the old 0.8 share let it pass)."""
    row = GOOD.replace(IMP, "AI practitioners can use SparseCache as an attention cache that saves memory for "
                            "language models serving long prompts.")
    hit = content(row).get("restated_part:implication")
    assert hit is not None and "one-line" in hit.message


@pytest.mark.parametrize("new", [
    # the caution names prior work and its deficiency itself
    "AI practitioners should be aware that existing attention caches fail to fit long contexts in GPU memory.",
    "AI practitioners should not rely on current serving stacks, which cannot keep 128K-token caches on one GPU.",
])
def test_a_caution_about_prior_work_is_not_a_takeaway(new):
    hit = content(GOOD.replace(IMP, new)).get("implication:prior_work")
    assert hit is not None and hit.severity == "error" and "\n" not in hit.message


PRIOR_ABSTRACT = ("Long-context language models spend most of their memory on the attention cache. However, current "
                  "serving systems often struggle with inputs beyond 32K tokens because full caches exhaust GPU "
                  "memory. We propose SparseCache, which keeps only the keys that attention uses most and evicts the "
                  "rest. On four long-context benchmarks SparseCache cuts cache memory by 70% while losing less than 1 "
                  "point of accuracy. We also find that eviction costs accuracy on retrieval-heavy tasks such as "
                  "needle search.")


def test_a_caution_drawn_from_the_abstracts_motivation_is_prior_work():
    """No prior-work words in the implication: its words are the abstract's motivation sentence (before "We
    propose"), the limitation of the systems the paper improves on."""
    row = GOOD.replace(IMP, "AI practitioners should test serving systems on inputs beyond 32K tokens before relying "
                            "on them.")
    assert "implication:prior_work" in content(row, PRIOR_ABSTRACT)
    assert "implication:prior_work" not in content(row, None)  # without the abstract, nothing says where it came from


def test_a_caution_drawn_from_the_papers_own_finding_is_not_prior_work():
    row = GOOD.replace(IMP, "AI practitioners should test SparseCache on retrieval-heavy tasks such as needle search "
                            "before deploying it.")
    found = content(row, PRIOR_ABSTRACT)
    assert "implication:prior_work" not in found, found


UNFRAMED = ("SparseCache is a memory-efficient attention cache for long-context language models. "
            "It ranks keys by attention mass and keeps only the most-used ones. "
            "On four long-context benchmarks it cuts cache memory by 70% while losing less than 1 point of accuracy. "
            "AI practitioners can serve 128K-token contexts on one GPU by evicting rarely used keys.")


@pytest.mark.parametrize("opener", [
    "SparseCache is a memory-efficient attention cache for long-context language models, aiming to cut the memory "
    "that long contexts need.",
    "SparseCache is a memory-efficient attention cache for long-context language models, with the goal of serving "
    "long contexts on one GPU.",
])
def test_an_objective_folded_into_the_opener_is_flagged(opener):
    row = UNFRAMED.replace("SparseCache is a memory-efficient attention cache for long-context language models.", opener)
    hit = content(row).get("objective:folded")
    assert hit is not None and hit.severity == "error" and "\n" not in hit.message


def test_a_goal_clause_in_the_opener_is_fine_when_the_row_states_the_objective():
    opener = ("SparseCache is a memory-efficient attention cache for long-context language models, aiming to cut the "
              "memory that long contexts need.")
    framed = GOOD.replace("SparseCache is a memory-efficient attention cache for long-context language models.", opener)
    assert "objective:folded" not in content(framed)
    # a compound noun with "goal" in it is not a stated goal ("image-goal navigation")
    row = UNFRAMED.replace("SparseCache is a memory-efficient attention cache for long-context language models.",
                           "SparseCache is an attention cache for image-goal agents, aiming to cut their memory.")
    assert "objective:folded" in content(row)


@pytest.mark.parametrize("new,fires", [
    ("This work establishes a general and practical approach for serving long contexts.", True),
    ("This paper represents a significant advance in memory-aware serving.", True),
    # the work as the subject of what a reader can do is not the work's verdict on itself
    ("This work lets AI practitioners serve 128K-token contexts on a single GPU.", False),
])
def test_the_works_verdict_on_itself_is_a_claim_not_a_takeaway(new, fires):
    found = content(GOOD.replace(IMP, new))
    assert ("implication:claim" in found) is fires, found


@pytest.mark.parametrize("results,fires", [
    # two full clauses joined by a comma alone
    ("Primary results show that SparseCache reduced cache memory by 70% on four benchmarks, on the longest inputs, the "
     "accuracy dropped by less than 1 point.", True),
    ("SparseCache reduced cache memory by 70%, it also improved decoding speed by 12%.", True),
    # the same clauses joined correctly, or a comma after an introductory or subordinate clause
    ("Primary results show that SparseCache cut cache memory by 70% on four benchmarks; on the longest inputs, the "
     "accuracy dropped by less than 1 point.", False),
    ("SparseCache reduced cache memory by 70%, and on the longest inputs, it improved decoding speed by 12%.", False),
    ("Primary results show that while full caching achieved the best accuracy, it used 70% more memory.", False),
    ("On four long-context benchmarks, the cache achieved 70% lower memory with less than 1 point of accuracy lost.",
     False),
    ("Primary results show that SparseCache cuts cache memory by 70%, losing less than 1 point of accuracy.", False),
])
def test_comma_splices_in_a_part(results, fires):
    found = content(GOOD.replace(RES, results))
    assert ("fluency:comma_splice" in found) is fires, found
    if fires:
        assert "\n" not in found["fluency:comma_splice"].message


# quality9: an implication whose need or purpose clause is the objective (or the one-line) again

def _with_implication(implication: str, objective: str | None = None) -> str:
    obj = objective or ("The main research objective is to reduce the memory that long-context language models "
                        "spend on the attention cache.")
    return GOOD.replace("The main research objective is to reduce the memory that long-context language models "
                        "spend on the attention cache.", obj).replace(
        "For AI practitioners, SparseCache offers a way to serve 128K-token contexts on a single GPU.", implication)


@pytest.mark.parametrize("implication, fires", [
    # the purpose is the objective again, with a need clause that dilutes the whole sentence's share
    ("AI practitioners who need to serve long prompts on shared clusters with strict latency budgets can use "
     "SparseCache to reduce the memory long-context language models spend on the attention cache.", True),
    # the need clause is the objective again
    ("AI practitioners who need to reduce the attention cache memory of long-context language models can use "
     "SparseCache when serving chat assistants.", True),
    # the purpose is a consequence the objective does not state
    ("AI practitioners can use SparseCache to serve 128K-token contexts on a single GPU instead of a node of "
     "eight.", False),
    # no 'can use X to/for' shape: a plain takeaway
    ("AI practitioners can serve 128K-token contexts on one GPU by evicting rarely used keys.", False),
])
def test_an_implication_that_restates_the_objective(implication, fires):
    assert ("implication:restated_objective" in codes(_with_implication(implication))) is fires


def test_an_implication_whose_purpose_is_the_one_line_again():
    row = _with_implication("AI practitioners who need cheaper serving can use SparseCache for memory-efficient "
                            "attention caching in long-context language models.")
    assert "implication:restated_objective" in codes(row)


def test_the_objective_check_needs_enough_words_in_the_clause():
    # a two-word purpose ('to reduce memory') shares by chance: not judged
    row = _with_implication("AI practitioners can use SparseCache to reduce memory.")
    assert "implication:restated_objective" not in codes(row)


# quality9: a dangling "their" (a work of the authors with no owner named before it)

@pytest.mark.parametrize("results, fires", [
    ("Primary results show that their method cuts cache memory by 70% on four benchmarks.", True),
    ("Primary results show that their proposed cache cuts memory by 70% on four benchmarks.", True),
    # the authors are named first: "their" has an owner
    ("The authors report that their method cuts cache memory by 70% on four benchmarks.", False),
    # other works own it
    ("Primary results show that prior eviction methods lose 5 points, and their approach needs 2x more memory; "
     "SparseCache cuts it by 70%.", False),
    # a model's own property is not a work of the authors
    ("Primary results show that language models keep their accuracy within 1 point while memory falls by 70%.",
     False),
    # reflexive "their own", and a hyphenated modifier
    ("Primary results show that models reuse their own cache and their method-level settings, cutting memory "
     "by 70%.", False),
])
def test_a_dangling_their(results, fires):
    row = GOOD.replace("Primary results show that SparseCache cuts cache memory by 70% on four long-context benchmarks "
                       "while losing less than 1 point of accuracy.", results)
    assert ("glue:dangling_their" in codes(row)) is fires


def test_named_people_own_their_method():
    row = ("Smith and Lee introduce SparseCache, a memory-efficient attention cache. " + GOOD.split(". ", 1)[1]).replace(
        "Primary results show that SparseCache cuts", "Primary results show that their method cuts")
    assert "glue:dangling_their" not in codes(row)


# quality9: four sentences, the last three methodology, results and implication: no sentence for the objective

NO_OBJECTIVE = ("While most caches keep every key, this study looks at which keys long-context models really use. "
                "The key methodology involves an eviction policy that keeps only the most-used attention keys. "
                "Primary results show that the policy cuts cache memory by 70% on four long-context benchmarks. "
                "AI practitioners can serve 128K-token contexts on a single GPU with it.")


def test_a_four_sentence_row_without_an_objective_sentence():
    assert "objective:absent" in codes(NO_OBJECTIVE)


def test_four_sentences_with_an_objective_but_no_implication_is_not_objective_absent():
    row = NO_OBJECTIVE.replace("AI practitioners can serve 128K-token contexts on a single GPU with it.",
                               "The main research objective is to cut attention-cache memory.")
    assert "objective:absent" not in codes(row)
    assert "objective:absent" not in codes(GOOD)  # five sentences, the objective framed
