"""The takeaway writer (engines/takeaway.py), class by class, on sentences written for these tests (no dev rows)."""

import pytest

from digestgen.engines.takeaway import (base_form, candidates, clean, content_words, gerund_base, repeats,
                                        write_takeaway)


def take(*sentences, name=None, said="", used=frozenset()):
    return write_takeaway(list(sentences), name, said, set(used))


# --- benefit: a method and what it does for its user ------------------------------------------------------------------
def test_benefit_verb_phrase_without_numbers_or_comparison():
    assert take("We propose Lark, a cache for mobile apps.",
                "Lark reduces memory use by 40% compared to LRU caches.", name="Lark") == \
        "AI practitioners can use Lark to reduce memory use."


def test_benefit_keeps_a_qualifier_and_drops_an_appended_result():
    assert take("We introduce Fennel, a scheduler for GPU clusters.",
                "Fennel significantly improves job throughput on shared clusters, outperforming Slurm by 2x.",
                name="Fennel") == "AI practitioners can use Fennel to improve job throughput on shared clusters."


def test_training_free_contribution_adds_the_abstracts_own_condition():
    assert take("We present Quill, a training-free method for pruning vision transformers.",
                "Quill accelerates inference on edge GPUs.", name="Quill") == \
        "AI practitioners can use Quill to accelerate inference on edge GPUs without training."


def test_our_method_without_a_name_is_this_method():
    assert take("Large encoders are slow on phones.",
                "Our method lowers the latency of speech recognition on phones while preserving accuracy.") == \
        "AI practitioners can use this method to lower the latency of speech recognition on phones while " \
        "preserving accuracy."


def test_coordinated_verbs_follow_to():
    out = take("We propose Birch, a tuner for retrieval models.",
               "Birch enhances recall, reduces index size, and simplifies deployment.", name="Birch")
    assert out == "AI practitioners can use Birch to enhance recall, reduce index size, and simplify deployment."


def test_ability_with_can_and_a_capability_after_excels():
    assert take("We propose Heron, a planner for drones.", "Heron can replan routes in real time.", name="Heron") == \
        "AI practitioners can use Heron to replan routes in real time."
    assert take("We propose Heron, a planner for drones.", "Heron excels at generating collision-free routes in "
                "dense forests.", name="Heron") == \
        "AI practitioners can use Heron to generate collision-free routes in dense forests."


def test_serves_as_and_passive_deployment():
    assert take("We release Nimbus, a sparse attention layer.",
                "Nimbus serves as a drop-in replacement for standard attention layers, relies on sparse kernels, "
                "and runs on CPUs.", name="Nimbus") == \
        "AI practitioners can use Nimbus as a drop-in replacement for standard attention layers."
    assert take("We release Nimbus, a sparse attention layer.", "Nimbus can be deployed on commodity laptops.",
                name="Nimbus") == "AI practitioners can deploy Nimbus on commodity laptops."


def test_colon_clause_is_about_the_subject():
    assert take("We release Nimbus, a sparse attention layer.",
                "Nimbus is designed for easy adoption: it serves as a drop-in replacement for standard attention.",
                name="Nimbus") == "AI practitioners can use Nimbus as a drop-in replacement for standard attention."


# --- kept: the abstract already states a use ------------------------------------------------------------------------
def test_provides_a_solution_is_kept_as_a_use():
    assert take("We introduce Nimbus, a speech model.",
                "Our system provides a practical solution for teams that deploy speech models on wearables.",
                name="Nimbus") == \
        "AI practitioners can use Nimbus as a practical solution for teams that deploy speech models on wearables."


def test_practitioners_sentence_is_kept():
    assert take("We study caching for agents.", "Practitioners can cache tool outputs to cut agent costs by 50%.") == \
        "AI practitioners can cache tool outputs to cut agent costs."  # the number is the results part's
    assert take("We study caching for agents.", "Practitioners should cache tool outputs across agent turns.") == \
        "AI practitioners should cache tool outputs across agent turns."


# --- resource: a benchmark or dataset -------------------------------------------------------------------------------
def test_benchmark_use_comes_from_the_clause_saying_what_it_evaluates():
    out = take("Current benchmarks fail to assess grasp planning under clutter.",
               "We introduce ShelfBench, a benchmark of warehouse robot tasks.",
               "Its tasks are built for a fine-grained evaluation of how agents plan grasps under clutter.",
               name="ShelfBench")
    assert out == "AI practitioners can use ShelfBench to evaluate how agents plan grasps under clutter."


def test_a_shortfall_of_prior_benchmarks_is_not_the_resource_use():
    found = candidates(["Current benchmarks fail to assess grasp planning under clutter.",
                        "We introduce ShelfBench, a benchmark of warehouse robot tasks."], "ShelfBench")
    assert found == []


def test_a_training_set_is_a_use():
    assert take("We introduce ShelfBench, a benchmark of warehouse robot tasks.",
                "We also provide a training set aimed at improving grasp success in narrow shelves.",
                name="ShelfBench") == \
        "AI practitioners can use ShelfBench's training set to improve grasp success in narrow shelves."


# --- finding: an analysis result about models in general ------------------------------------------------------------
def test_general_finding_is_what_to_be_aware_of():
    assert take("We analyse reward models trained on noisy preferences.",
                "We find that larger batch sizes destabilize reward models trained on noisy preferences.") == \
        "AI practitioners should be aware that larger batch sizes destabilize reward models trained on noisy " \
        "preferences."
    assert take("We audit chat models.", "The results reveal that chat models refuse benign medical questions "
                "more often in Spanish, suggesting a gap in safety tuning.") == \
        "AI practitioners should be aware that chat models refuse benign medical questions more often in Spanish."


def test_finding_about_the_papers_own_method_or_data_is_a_result_not_a_takeaway():
    assert take("We propose Lark, a cache.", "We find that Lark lowers tail latency on phones.", name="Lark") != \
        "AI practitioners should be aware that Lark lowers tail latency on phones."
    assert take("We build a corpus named Reedset from forum posts.",
                "We find that Reedset improves small models on forum question answering.") == ""


def test_finding_stops_before_the_authors_next_step():
    assert take("We study instruction data.", "We find that existing corpora already contain implicit formatting "
                "constraints and propose a method to mine them.") == \
        "AI practitioners should be aware that existing corpora already contain implicit formatting constraints."


# --- never a takeaway -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Lark paves the way for future research on mobile caches.",                 # a claim / hope
    "We hope Lark will inspire further research on caching.",                   # the authors' hope
    "Lark establishes a new paradigm for on-device caching.",                   # a claim
    "Code is available at https://example.org/lark.",                          # a release notice
    "Lark achieves 92.1% hit rate on CacheBench.",                              # a result with its number
    "Lark outperforms all baselines on three benchmarks.",                      # a result (comparison verb)
    "Caches are crucial for responsive mobile apps.",                           # background
    "Existing caches struggle with bursty traffic.",                            # a limitation of prior work
    "Lark consists of a predictor and an eviction policy.",                     # a method feature
    "It also reduces energy use.",                                              # "It" with no antecedent
    "This gap motivates Lark, which reduces these costs.",                     # points back
])
def test_sentences_that_are_not_takeaways(sentence):
    assert take("Mobile apps rely on caches.", sentence, name="Lark") == ""


def test_a_benefit_needs_a_contribution_subject():
    # "Quantization reduces memory" is background about a known technique, not this paper's contribution
    assert take("We propose Lark, a cache.", "Quantization reduces memory use on phones.", name="Lark") == ""


# --- repetition -----------------------------------------------------------------------------------------------------
def test_a_takeaway_that_repeats_another_part_is_not_written():
    sentences = ["We propose Lark, a cache for mobile apps.", "Lark reduces memory use on Android phones."]
    assert take(*sentences, name="Lark", said="The main research objective is to cut cold-start time.") == \
        "AI practitioners can use Lark to reduce memory use on Android phones."
    assert take(*sentences, name="Lark", said="Primary results show that Lark reduces memory use on Android phones "
                "by 40%.") == ""


def test_repeats_counts_the_takeaways_own_words_without_the_name():
    assert repeats("reduce memory use on phones", "The main research objective is to reduce memory use on phones.")
    assert not repeats("reduce memory use on phones", "The objective is to speed up cold starts of web apps.")
    # half of the words shared (the domain): allowed; more than half: a repeat
    assert not repeats("cut memory in web browsers", "The objective is to speed up web browsers.")  # 2 of 4
    assert repeats("cut memory in web browsers", "The objective is to cut crashes in web browsers.")  # 3 of 4
    assert repeats("Lark reduce memory", "Lark cuts memory.", name="Lark") is False
    assert repeats("Lark reduce memory", "Lark reduces memory.", name="Lark") is True


def test_a_sentence_other_parts_use_is_a_weaker_source():
    sentences = ["We propose Lark, a cache.", "Lark reduces cold-start time of mobile apps.",
                 "Lark lowers battery drain on older phones."]
    # both are strong benefits; the one another part already holds gives way
    assert take(*sentences, name="Lark", used={1}) == "AI practitioners can use Lark to lower battery drain on older phones."
    assert take(*sentences, name="Lark", used={2}) == "AI practitioners can use Lark to reduce cold-start time of mobile apps."


# --- helpers --------------------------------------------------------------------------------------------------------
def test_clean_drops_numbers_examples_and_comparisons():
    assert clean("reducing GPU memory usage by 40% and training time by 35% compared to conventional RLHF") == \
        "reducing GPU memory usage and training time"
    assert clean("samples with up to 75% less compute without compromising quality") == \
        "samples with less compute without compromising quality"
    assert clean("accuracy from 55.1% to 78.2% across benchmarks") == "accuracy across benchmarks"
    assert clean("beats strong baselines (e.g., DPO) on chat tasks; it is simple") == "beats strong baselines on chat tasks"


def test_verb_forms():
    assert [base_form(v) for v in ("improves", "unifies", "reduces", "matches", "speeds", "pass")] == \
        ["improve", "unify", "reduce", "match", "speed", "pass"]
    assert [gerund_base(v) for v in ("generating", "tracking", "running", "modeling", "go")] == \
        ["generate", "track", "run", "model", None]


def test_content_words_stem_and_skip_function_words():
    assert content_words("The model reduces latency") == content_words("reducing the latency")


def test_suited_for_is_kept_as_a_use():
    assert take("We propose Heron, a planner for drones.", "Heron is well suited for inspection flights in tunnels.",
                name="Heron") == "AI practitioners can use Heron for inspection flights in tunnels."
    assert take("We propose Heron, a planner for drones.", "Heron is directly applicable to delivery robots.",
                name="Heron") == "AI practitioners can apply Heron to delivery robots."


def test_enabling_the_reader_is_the_use_itself():
    assert take("We propose Lark, a profiler.", "Lark allows developers to profile mobile apps without root access.",
                name="Lark") == "AI practitioners can use Lark to profile mobile apps without root access."


def test_hyphenated_words_meet_their_spaced_form():
    assert content_words("issue-resolving skill") == content_words("issue resolving skills")


def test_a_finding_inside_a_sentence_about_experiments():
    assert take("We study retrieval for agents.", "To close this gap, we ran pilot experiments showing that small "
                "rerankers match large ones on tool documentation.") == \
        "AI practitioners should be aware that small rerankers match large ones on tool documentation."
    assert take("We study retrieval for agents.", "Pilot experiments showing that rerankers learn a shared space, where "
                "queries and tools align, guided our design.") == ""  # the clause runs into the authors' own words


def test_this_approach_before_the_contribution_is_prior_work():
    # "This approach" in the background, before "We propose ...", is the prior work's approach
    assert take("Caching agents store every tool output.", "This approach reduces repeated tool calls.",
                "We propose Lark, a cache that forgets stale outputs.", name="Lark") == ""
    # after the contribution, "This approach" is the paper's own
    assert take("We propose Lark, a cache that forgets stale outputs.", "This approach reduces repeated tool calls.",
                name="Lark") == "AI practitioners can use Lark to reduce repeated tool calls."


def test_reducing_a_quality_is_a_cost_not_a_benefit():
    assert take("We propose Lark, a pruning method.", "Lark reduces accuracy on long prompts.", name="Lark") == ""
    assert take("We propose Lark, a pruning method.", "Lark reduces performance degradation on long prompts.",
                name="Lark") == "AI practitioners can use Lark to reduce performance degradation on long prompts."


def test_without_training_only_from_a_sentence_about_the_contribution():
    # how the authors evaluated is not a property of the method
    assert take("We propose Lark, a cache.", "We evaluate baselines without training on the target apps.",
                "Lark reduces cold-start time.", name="Lark") == "AI practitioners can use Lark to reduce cold-start time."
    assert take("We propose Lark, a cache that works without any retraining of the app model.",
                "Lark reduces cold-start time.", name="Lark") == \
        "AI practitioners can use Lark to reduce cold-start time without any retraining."


def test_side_by_side_script_prints_each_rows_takeaway(tmp_path, capsys):
    import importlib.util
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "evals" / "quality" / "takeaway_side_by_side.py"
    spec = importlib.util.spec_from_file_location("takeaway_side_by_side", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    data = tmp_path / "rows.jsonl"
    data.write_text(json.dumps({"arxiv_id": "1", "title": "Lark: Fast Caches", "abstract":
                                "Mobile apps start slowly. This work aims to make app start-up faster. We propose Lark, "
                                "a cache that preloads app assets chosen by a small model. Lark cuts cold starts by 30% "
                                "on Android. Lark lowers battery drain on older phones."}) + "\n"
                    + json.dumps({"arxiv_id": "2", "title": "No abstract"}) + "\n")
    assert script.main([str(data), "--json"]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["arxiv_id"] for r in rows] == ["1"]
    assert rows[0]["implication"].startswith("AI practitioners can use Lark to ")
    assert not repeats(rows[0]["implication"].removeprefix("AI practitioners can use Lark to "), rows[0]["objective"])
    assert "1 without an abstract" in err
    assert script.main([str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
