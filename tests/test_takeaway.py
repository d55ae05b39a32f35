"""The takeaway writer (engines/takeaway.py), class by class, on sentences written for these tests (no dev rows)."""

import pytest

from digestgen.engines.takeaway import (candidates, clean, content_words, positioning, repeats, survey,
                                        title_application, write_takeaway)


def take(*sentences, name=None, said="", used=frozenset(), title=""):
    return write_takeaway(list(sentences), name, said, set(used), title)


# --- no longer written: a benefit clause is the results claim ------------------------------------------------------
# Round 4's readers rejected every "use X to <what the abstract says X does>" ("restates the results claim",
# "restates the method's mechanism", "copies the authors' claim"); such a clause is a result, whatever part holds it.
@pytest.mark.parametrize("sentence", [
    "Lark reduces memory use by 40% compared to LRU caches.",
    "Lark significantly improves job throughput on shared clusters, outperforming Slurm by 2x.",
    "Lark enhances recall, reduces index size, and simplifies deployment.",
    "Lark can replan routes in real time.",
    "Lark excels at generating collision-free routes in dense forests.",
    "Our method lowers the latency of speech recognition on phones while preserving accuracy.",
])
def test_a_benefit_clause_is_a_result_not_a_takeaway(sentence):
    assert take("Mobile apps are slow to start.", sentence, name="Lark") == ""


def test_serves_as_and_passive_deployment():
    assert take("We release Nimbus, a sparse attention layer.",
                "Nimbus serves as a drop-in replacement for standard attention layers, relies on sparse kernels, "
                "and runs on CPUs.", name="Nimbus") == \
        "AI practitioners can use Nimbus as a drop-in replacement for standard attention layers."
    assert take("We release Nimbus, a sparse attention layer.", "Nimbus can be deployed on existing inference servers.",
                name="Nimbus") == "AI practitioners can deploy Nimbus on existing inference servers."


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
    assert take("We introduce ShelfBench, a benchmark of warehouse robot tasks.",
                "We also provide a training set aimed at improving performance on general grasping tasks.",
                name="ShelfBench") == ""  # a gain in performance is a result


# --- finding: something general is usable (an outcome is the findings part's) ------------------------------------------------------------
def test_a_usable_finding_is_what_to_be_aware_of():
    assert take("We analyse small judges.", "We find that small reward models can serve as judges for chat quality "
                "on short prompts.") == \
        "AI practitioners should be aware that small reward models can serve as judges for chat quality on short prompts."
    assert take("We audit speech encoders.", "The results reveal that frozen speech encoders offer a shared space "
                "where accents cluster, suggesting a use in accent transfer.") == \
        "AI practitioners should be aware that frozen speech encoders offer a shared space where accents cluster."


@pytest.mark.parametrize("sentence", [
    "We find that larger batch sizes destabilize reward models trained on noisy preferences.",     # an outcome
    "The results reveal that chat models refuse benign medical questions more often in Spanish.",  # an outcome
    "We find that end-to-end trained routers do not always pick the best expert for a sample.",    # a prior flaw
    "We find that early segmentation models can be enhanced to surpass recent ones.",              # a result
])
def test_an_outcome_finding_restates_the_findings_part(sentence):
    assert take("We analyse chat models.", sentence) == ""


def test_finding_about_the_papers_own_method_or_data_is_a_result_not_a_takeaway():
    assert take("We propose Lark, a cache.", "We find that Lark lowers tail latency on phones.", name="Lark") != \
        "AI practitioners should be aware that Lark lowers tail latency on phones."
    assert take("We build a corpus named Reedset from forum posts.",
                "We find that Reedset improves small models on forum question answering.") == ""


def test_finding_stops_before_the_authors_next_step():
    assert take("We study instruction data.", "We find that existing corpora already provide implicit formatting "
                "constraints and propose a method to mine them.") == \
        "AI practitioners should be aware that existing corpora already provide implicit formatting constraints."


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
    sentences = ["We propose Lark, a training-free cache for mobile apps.", "Lark can be plugged into existing app runtimes."]
    assert take(*sentences, name="Lark", said="The main research objective is to cut cold-start time.") == \
        "AI practitioners can use Lark as a training-free cache for mobile apps, on top of existing app runtimes."
    # every adoption element already stands in the one-line or the results: the takeaway would say them again
    assert take(*sentences, name="Lark", said="This paper introduces Lark, a training-free cache for mobile apps. "
                "Primary results show that Lark, plugged into app runtimes, cuts cold starts by 30%.") == ""


def test_repeats_counts_the_takeaways_own_words_without_the_name():
    assert repeats("reduce memory use on phones", "The main research objective is to reduce memory use on phones.")
    assert not repeats("reduce memory use on phones", "The objective is to speed up cold starts of web apps.")
    # half of the words shared (the domain): allowed; more than half: a repeat
    assert not repeats("cut memory in web browsers", "The objective is to speed up web browsers.")  # 2 of 4
    assert repeats("cut memory in web browsers", "The objective is to cut crashes in web browsers.")  # 3 of 4
    assert repeats("Lark reduce memory", "Lark cuts memory.", name="Lark") is False
    assert repeats("Lark reduce memory", "Lark reduces memory.", name="Lark") is True


def test_a_sentence_other_parts_use_is_a_weaker_source():
    sentences = ["We propose Lark, a cache.", "Lark provides a practical solution for apps on older phones.",
                 "Lark provides a simple solution for kiosks with slow storage."]
    # both are the abstract's own statements of use; the one another part already holds gives way
    assert take(*sentences, name="Lark", used={1}) == \
        "AI practitioners can use Lark as a simple solution for kiosks with slow storage."
    assert take(*sentences, name="Lark", used={2}) == \
        "AI practitioners can use Lark as a practical solution for apps on older phones."


# --- helpers --------------------------------------------------------------------------------------------------------
def test_clean_drops_numbers_examples_and_comparisons():
    assert clean("reducing GPU memory usage by 40% and training time by 35% compared to conventional RLHF") == \
        "reducing GPU memory usage and training time"
    assert clean("samples with up to 75% less compute without compromising quality") == \
        "samples with less compute without compromising quality"
    assert clean("accuracy from 55.1% to 78.2% across benchmarks") == "accuracy across benchmarks"
    assert clean("beats strong baselines (e.g., DPO) on chat tasks; it is simple") == "beats strong baselines on chat tasks"


def test_title_application():
    assert title_application("UniX: A Unified Tokenizer for Visual Generation and Understanding", "UniX") == \
        "for visual generation and understanding"
    assert title_application("Lark: Near-Lossless LLM Context Window Scaling", "Lark") == \
        "for near-lossless LLM context window scaling"
    assert title_application("Lark: Issue Resolving with Subtask-oriented Fine-Tuning", "Lark") == "for issue resolving"
    assert title_application("Lark: Incentivizing Caches via RL", "Lark") == ""   # a verb: a claim, not a use
    assert title_application("Lark: Harnessing Access Logs for Asset Preloading on Phones", "Lark") == \
        "for asset preloading on phones"  # the verb says the means, "for Y" the use
    assert title_application("Lark: Why Do Caches Fail?", "Lark") == ""           # a question
    assert title_application("Wren: Fast Caches", "Lark") == ""                   # not the contribution's title
    assert title_application("Fast Caches for Phones", "Lark") == ""
    # the words before "for" name the contribution the one-line already calls "a multi-agent debate framework"
    assert title_application("Lark: Multi-Agent Debate for Bug Triage", "Lark", "multi-agent debate framework") == \
        "for bug triage"
    assert title_application("Lark: Multi-Agent Debate for Bug Triage", "Lark") == "for multi-agent debate for bug triage"
    # a leading modifier the kind phrase already says ("experience-enhanced approach") is not said twice
    assert title_application("Lark: Experience-Driven Bug Triage", "Lark", "experience-enhanced approach") == \
        "for bug triage"


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
                "rerankers can replace large ones on tool documentation.") == \
        "AI practitioners should be aware that small rerankers can replace large ones on tool documentation."
    assert take("We study retrieval for agents.", "Pilot experiments showing that rerankers offer a shared space, where "
                "queries and tools align, guided our design.") == ""  # the clause runs into the authors' own words


def test_this_approach_before_the_contribution_is_prior_work():
    # "This approach" in the background, before "We propose ...", is the prior work's approach
    assert take("Caching agents store every tool output.", "This approach serves as a drop-in replacement for LRU caches.",
                "We propose Lark, a cache that forgets stale outputs.", name="Lark") == ""
    # after the contribution, "This approach" is the paper's own
    assert take("We propose Lark, a cache that forgets stale outputs.",
                "This approach serves as a drop-in replacement for LRU caches.", name="Lark") == \
        "AI practitioners can use Lark as a drop-in replacement for LRU caches."


def test_positioning_kind_properties_use_and_what_it_replaces_or_needs():
    assert take("We propose Lark, a lightweight, training-free cache for mobile apps.",
                "Lark can be plugged into existing app runtimes.", name="Lark") == \
        "AI practitioners can use Lark as a lightweight, training-free cache for mobile apps, on top of existing app runtimes."
    assert take("We present Wren, a novel retrieval model for legal search.",
                "Unlike prior rerankers, Wren replaces hand-tuned BM25 pipelines with a single model.", name="Wren") == \
        "AI practitioners can use Wren as a retrieval model for legal search, in place of hand-tuned BM25 pipelines."
    assert take("We introduce Finch, a compact speech model for offline dictation.",
                "Finch runs on a single consumer GPU.", name="Finch") == \
        "AI practitioners can use Finch as a compact speech model for offline dictation, on a single consumer GPU."
    assert take("We present Wren, a ranking model for legal search.",
                "Wren provides a cheaper alternative to proprietary search APIs, and it indexes statutes.", name="Wren") == \
        "AI practitioners can use Wren as a cheaper alternative to proprietary search APIs."  # the abstract's own use
    # composed: the alternative is the contribution, so it comes after the kind phrase and the use
    assert positioning(["We present Wren, a ranking model for legal search.",
                        "Trained on public data, Wren is a cheaper alternative to proprietary search APIs."], "Wren").text == \
        "AI practitioners can use Wren, a ranking model for legal search, as a cheaper alternative to proprietary search APIs."


def test_positioning_that_copies_the_one_line_is_not_written():
    sentences = ["We propose Lark, a lightweight, training-free cache for mobile apps.", "Lark cuts cold starts by 30%."]
    one_line = "This paper introduces Lark, a lightweight, training-free cache for mobile apps."
    assert positioning(sentences, "Lark", "Lark cuts cold starts.", "", framing=one_line) is None
    # what it replaces is more than the one-line; the one-line's kind and use are not said again (round 6:
    # "use X as <the one-line's kind and use>, in place of Y" was read as the one-line restated)
    sentences[1] = "Lark replaces hand-written preload lists with a learned policy."
    assert positioning(sentences, "Lark", "", "", framing=one_line).text == \
        "AI practitioners can use Lark in place of hand-written preload lists."
    # with a one-line that names another kind, the kind and use are fresh and stay
    assert positioning(sentences, "Lark", "", "", framing="This paper studies app start-up latency.").text == \
        "AI practitioners can use Lark as a lightweight, training-free cache for mobile apps, in place of " \
        "hand-written preload lists."


def test_kind_and_use_is_a_weaker_positioning_never_the_framing_again():
    sentences = ["We propose Lark, a novel cache.", "Lark cuts cold starts by 30%."]
    out = positioning(sentences, "Lark", "Lark cuts cold starts.", "Lark: Asset Preloading for Mobile Apps",
                      framing="This paper introduces Lark, a novel cache.")
    assert (out.kind, out.text) == ("use", "AI practitioners can use Lark as a cache for asset preloading for mobile apps.")
    # the use is the one-line's or the objective's again: not written
    assert positioning(sentences, "Lark", "", "Lark: Asset Preloading for Mobile Apps",
                       framing="This paper introduces Lark, a cache for asset preloading in mobile apps.") is None
    # the kind and use are one abstract sentence again (the authors' claim reworded): not written
    assert positioning(["We propose Lark, a novel cache for asset preloading in mobile apps.", "Lark cuts cold starts."],
                       "Lark", "", "Lark: Asset Preloading for Mobile Apps", framing="This paper introduces Lark.") is None
    # the use is the results again: not written
    assert positioning(sentences, "Lark", "Lark speeds asset preloading for mobile apps by 2x.",
                       "Lark: Asset Preloading for Mobile Apps", framing="This paper introduces Lark.") is None


def test_the_kind_noun_is_the_head_of_its_phrase():
    assert take("We propose Lark, a model-agnostic framework for caching tool outputs.", name="Lark") == \
        "AI practitioners can use Lark as a model-agnostic framework for caching tool outputs."
    assert take("We release Reed, an open-source benchmark dataset for legal retrieval.", name="Reed") == \
        "AI practitioners can use Reed as an open-source benchmark dataset for legal retrieval."


def test_requirements_it_removes_and_where_it_runs():
    assert take("We introduce Fenn, a plug-and-play KV cache compression method for long-context inference that "
                "requires no fine-tuning.", name="Fenn") == \
        "AI practitioners can use Fenn as a plug-and-play KV cache compression method for long-context inference, " \
        "without fine-tuning."
    assert take("We propose Hydra, a model-agnostic method for uncertainty estimation, which does not require "
                "additional training data.", name="Hydra") == \
        "AI practitioners can use Hydra as a model-agnostic method for uncertainty estimation, without additional " \
        "training data."
    # a condition of use positions a kind with a domain even with no stated use; a bare kind noun it does not
    assert take("We propose Tiny, a compact vision-language-action model.", "Tiny runs on a single consumer GPU.",
                name="Tiny") == "AI practitioners can use Tiny as a compact vision-language-action model on a single consumer GPU."
    assert take("We propose Hydra, a method.", "Hydra works without training.", name="Hydra") == ""
    # "training-free" and "without retraining" are said once; "called X, to Y" is the use
    assert take("In this paper, we propose a simple yet effective training-free method, called SkipX, to accelerate "
                "diffusion sampling.", "SkipX works without any retraining.", name="SkipX") == \
        "AI practitioners can use SkipX as a training-free method to accelerate diffusion sampling."


def test_a_step_of_the_method_is_not_the_contribution():
    sentences = ["We propose Lark, a two-stage framework for asset preloading.",
                 "1) Planning: we fine-tune a small model to rank assets.",
                 "2) Loading: we develop a lightweight approach to prefetch ranked assets in a training-free manner."]
    # "lightweight" and "training-free" belong to stage 2, not to Lark
    assert positioning(sentences, "Lark") is None
    assert take(*sentences, name="Lark") == ""


def test_positioning_needs_a_use_and_an_adoption_element():
    assert take("We propose Lark, a novel cache for mobile apps.", name="Lark") == ""       # the one-line again
    assert take("We propose Lark, a training-free method.", name="Lark") == ""             # for what?
    assert take("We propose Lark, a training-free method.", name="Lark", title="Lark: Fast Cold Starts for Mobile Apps") \
        == "AI practitioners can use Lark as a training-free method for fast cold starts for mobile apps."
    # "that" begins what the model does (a mechanism or a claim), not what it is for
    out = positioning(["We propose Lark, a lightweight model that predicts which assets to preload."], "Lark")
    assert out is None
    # a "without" that is a result ("without any drop in quality") is no requirement the method removes
    assert take("We propose Lark, a cache for mobile apps.", "Lark starts apps faster without any drop in quality.",
                name="Lark") == ""


def test_survey_is_a_guide_to_its_field():
    assert take("We present a comprehensive survey of retrieval-augmented generation.",
                title="Retrieval-Augmented Generation: A Survey") == \
        "AI practitioners can use this survey as a guide to retrieval-augmented generation."
    assert take("This survey of speech tokenizers covers codecs and semantic units.") == \
        "AI practitioners can use this survey as a guide to speech tokenizers."
    assert survey(["We propose Lark, a cache."], "Lark: Fast Caches") is None


def test_without_training_only_from_a_sentence_about_the_contribution():
    # how the authors evaluated is not a property of the method
    assert take("We propose Lark, a cache for mobile apps.", "We evaluate baselines without training on the target apps.",
                name="Lark") == ""
    assert take("We propose Lark, a cache for mobile apps.", "Lark works without any retraining of the app model.",
                name="Lark") == "AI practitioners can use Lark as a cache for mobile apps, without any retraining."


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
                                "a lightweight cache for Android apps. Lark cuts cold starts by 30% "
                                "on Android. Lark can be plugged into existing app runtimes."}) + "\n"
                    + json.dumps({"arxiv_id": "2", "title": "No abstract"}) + "\n")
    assert script.main([str(data), "--json"]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["arxiv_id"] for r in rows] == ["1"]
    # "Lark, a lightweight cache for Android apps" is the one-line: the positioning would copy it; where Lark plugs
    # in is the use, and the result (30% fewer cold starts) stays in the results part
    assert rows[0]["implication"] == "AI practitioners can plug Lark into existing app runtimes."
    assert "1 without an abstract" in err
    assert script.main([str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


# --- practical benefit (quality6): composed from the benefit, the setting and a condition --------------------------
from digestgen.engines.takeaway import practical_benefit  # noqa: E402

_FRUGAL = ["Reward models make alignment of language models costly.",
           "We propose FrugalPO, a lean framework that replaces reward modeling with a frozen value model.",
           "FrugalPO cuts GPU memory usage by 40% and training time by 35% compared to standard RLHF."]


def test_practical_benefit_is_composed_without_numbers_or_comparisons():
    c = practical_benefit(_FRUGAL, "FrugalPO", "FrugalPO: Cheap Policy Optimization for LLM Alignment",
                          "This paper proposes FrugalPO, a lean framework.")
    assert c is not None and c.kind == "practical"
    assert c.text == ("AI practitioners can use FrugalPO to cut GPU memory usage and training time in LLM alignment, "
                      "in place of reward modeling.")
    assert "40" not in c.text and "compared" not in c.text and "RLHF" not in c.text


def test_practical_benefit_takes_the_setting_from_the_contribution_and_a_condition_it_states():
    sents = ["We present Quill, a caching layer for retrieval-augmented chatbots.",
             "Quill is training-free and attaches to any retriever.",
             "Across five workloads, Quill lowers serving latency by up to 3x while preserving answer quality."]
    c = practical_benefit(sents, "Quill", "", "This paper presents Quill, a caching layer.")
    assert c is not None
    assert c.text == ("AI practitioners can use Quill to lower serving latency while preserving answer quality in "
                      "retrieval-augmented chatbots, without training.")


def test_practical_benefit_is_not_the_results_sentence_again():
    # nothing but the results clause to compose from: with numbers dropped it would be that sentence again
    assert practical_benefit(["We propose Lark.", "Lark reduces memory use by 40% compared to LRU caches."],
                             "Lark") is None


def test_practical_benefit_is_not_the_objective_again():
    sents = ["We propose Span, a training-free method for long-context language models.",
             "Span extends the context window of pretrained language models to a million tokens."]
    framing = ("This paper proposes Span. The main research objective is to extend the context window of "
               "pretrained language models without training.")
    assert practical_benefit(sents, "Span", "", framing) is None


@pytest.mark.parametrize("sentence", [
    "Lark extends Llama3-8B to a 128K context.",                       # a model of the experiments, not a benefit
    "Lark improves accuracy on six benchmarks.",                       # a bare measure: the results part's claim
    "Lark, which replaces the router, improves latency of serving.",   # a relative clause: not Lark's own verb
    "Lark was preferred by users, with users praising its ability to reduce cognitive load.",  # the users' words
])
def test_practical_benefit_needs_the_contribution_as_the_subject_of_a_user_benefit(sentence):
    sents = ["We propose Lark, a training-free scheduler for shared GPU clusters.", sentence]
    c = practical_benefit(sents, "Lark", "", "This paper proposes Lark.")
    assert c is None or "latency" in c.text and "relative" not in c.text and "which" not in c.text


def test_write_takeaway_writes_a_practical_benefit_the_other_parts_state_with_numbers():
    sents = ["Aligning language models with reward models is costly.",
             "We propose FrugalPO, a policy optimization method for LLM alignment using only self-generated data.",
             "FrugalPO cuts GPU memory usage by 40% and training time by 35% compared to standard RLHF."]
    said = "FrugalPO cuts GPU memory usage by 40% and training time by 35% compared to standard RLHF."
    out = write_takeaway(sents, "FrugalPO", said, {2}, "", framing="This paper proposes FrugalPO.")
    assert out == ("AI practitioners can use FrugalPO to cut GPU memory usage and training time in LLM alignment, "
                   "with only self-generated data.")
    # a positioning (an adoption element: what it replaces) still ranks above it
    assert write_takeaway(_FRUGAL, "FrugalPO", said, {2}, "", framing="This paper proposes FrugalPO.") \
        .startswith("AI practitioners can use FrugalPO as a lean framework")


# --- finding -> action (quality6): what to do given an analysis finding, not the finding restated ------------------
from digestgen.engines.takeaway import finding_action  # noqa: E402


@pytest.mark.parametrize("sentence, expected", [
    ("We find that open-source VLMs make far more counting errors on cluttered scenes.",
     "AI practitioners deploying open-source VLMs on cluttered scenes should check their outputs for errors."),
    ("Our analysis reveals that reasoning models struggle with long multi-step tool calls, unlike humans.",
     "AI practitioners should test reasoning models on long multi-step tool calls before relying on them."),
    ("We observe that LLM judges fail to detect subtle factual slips in long answers.",
     "AI practitioners should not rely on LLM judges to detect subtle factual slips in long answers without "
     "testing them first."),
    ("The results indicate that current chatbots are highly vulnerable to role-play jailbreaks.",
     "AI practitioners using current chatbots should test them against role-play jailbreaks."),
])
def test_finding_action_says_what_to_do(sentence, expected):
    c = finding_action(["We study how models behave on hard inputs.", sentence])
    assert c is not None and c.kind == "action" and c.text == expected


@pytest.mark.parametrize("sentence", [
    "We find that Lark struggles with very long inputs.",             # the paper's own method: its limitation
    "We find that models trained on our data make fewer errors.",      # no shortfall to act on
    "We find that LLMs fail on 37% of the prompts.",                   # a number: the results part's
    "Prior models struggle with long inputs.",                         # background, not a reported finding
])
def test_finding_action_needs_a_reported_shortfall_of_models_in_general(sentence):
    assert finding_action(["We propose Lark, a scheduler.", sentence], "Lark") is None


def test_practical_benefit_from_our_approach_with_two_benefits_said_together():
    sents = ["Grading essays with several LLM graders is slow.",
             "We propose to distill the graders into one scoring model.",
             "Our approach preserves the calibration of multiple graders while sharply cutting the grading cost.",
             "Experiments on four essay sets show gains over single graders."]
    c = practical_benefit(sents, None, "", "This paper proposes to distill graders into one scoring model.",
                          "Experiments on four essay sets show gains over single graders.")
    assert c is not None
    assert c.text == ("AI practitioners can use this approach to preserve the calibration of multiple graders while "
                      "cutting the grading cost.")
    # a measure with no use and no condition is the results' claim: not written
    assert practical_benefit(["We propose Lark.", "Our approach improves reconstruction quality and efficiency."],
                             None) is None


def test_practical_benefit_gerund_after_while_is_the_contributions_outcome():
    sents = ["We propose Tern, a training-free decoding strategy for diffusion language models.",
             "Tern matches tuned baselines while also improving decoding throughput by 2x."]
    c = practical_benefit(sents, "Tern", "", "This paper proposes Tern, a decoding strategy.",
                          "Tern matches tuned baselines while also improving decoding throughput by 2x.")
    assert c is not None and c.text == ("AI practitioners can use Tern to improve decoding throughput in diffusion "
                                        "language models, without training.")


# --- rival (quality6): a contribution that matches a kind of thing in use can stand in its place -------------------
def test_rival_positions_the_contribution_in_place_of_what_it_matches():
    sents = ["We introduce Wren, a compact speech encoder for on-device transcription.",
             "Our method matches or even surpasses cloud-hosted recognizers on noisy audio.",
             "Wren reaches 5.1 WER on LibriSpeech."]
    c = positioning(sents, "Wren", "Wren reaches 5.1 WER on LibriSpeech.", "",
                    "This paper introduces Wren, a speech encoder.")
    assert c is not None
    assert c.text == ("AI practitioners can use Wren as a compact speech encoder for on-device transcription, "
                      "in place of cloud-hosted recognizers.")


@pytest.mark.parametrize("rival", [
    "Our method matches the performance of cloud-hosted recognizers.",   # a score, not a kind in use
    "Our method matches strong baselines on noisy audio.",               # a baseline
    "Our method matches GPT-4 on two of five tasks.",                    # a name with a number, no kind
])
def test_rival_needs_a_kind_in_use(rival):
    sents = ["We introduce Wren, a speech encoder for on-device transcription.", rival]
    c = positioning(sents, "Wren", "", "", "This paper introduces Wren, a speech encoder.")
    assert c is None or "in place of" not in c.text


def test_finding_action_not_from_background_before_the_papers_own_work():
    sents = ["Recent studies have found that LLMs struggle with long multi-step tool calls.",
             "We propose Lark, a planner for tool calls."]
    assert finding_action(sents, "Lark") is None


def test_finding_action_in_the_papers_own_voice_without_a_contribution_sentence():
    sents = ["Chatbots are used in many languages.", "Earlier reports found that LLMs struggle with Welsh.",
             "We found that LLMs generate far more hallucinations in Welsh dialogue."]
    c = finding_action(sents)
    assert c is not None and c.index == 2
    assert c.text == "AI practitioners deploying LLMs in Welsh dialogue should check their outputs for hallucinations."


def test_practical_benefit_does_not_name_the_task_twice():
    sents = ["Long-context inference is memory bound.", "We propose FastKV, a KV cache compression method.",
             "FastKV reduces the memory footprint of long-context inference by 4x with negligible accuracy loss.",
             "Experiments on LongBench show FastKV outperforms H2O and SnapKV."]
    c = practical_benefit(sents, "FastKV", "FastKV: Efficient KV Cache Compression for Long-Context LLMs",
                          sents[1], sents[3])
    assert c is not None
    assert c.text == "AI practitioners can use FastKV to reduce the memory footprint of long-context inference."


def test_practical_benefit_with_a_one_word_object_that_is_not_a_measure():
    sents = ["We propose Halo, a decoding method that grounds generation in retrieved passages.",
             "Halo reduces hallucination in open-domain question answering without any retraining.",
             "On TruthfulQA, Halo improves accuracy by 7 points."]
    c = practical_benefit(sents, "Halo", "", sents[0], sents[2])
    assert c is not None
    assert c.text == ("AI practitioners can use Halo to reduce hallucination in open-domain question answering, "
                      "without any retraining.")


# --- practice -> action (quality7): an action about a common practice or component, not a restated finding -------
from digestgen.engines.takeaway import practice_action  # noqa: E402


@pytest.mark.parametrize("sentence, expected", [
    ("We observe that attention over the full prompt is the main bottleneck of long-document summarization.",
     "AI practitioners optimizing long-document summarization should target attention over the full prompt first."),
    ("However, the static router does not always produce the optimal expert weights for unseen inputs.",
     "AI practitioners relying on the static router should check whether it produces the optimal expert weights "
     "for unseen inputs."),
    ("Existing speech separation models often fail when speakers overlap heavily.",
     "AI practitioners using speech separation models should test them when speakers overlap heavily before "
     "relying on them."),
    ("Kestrel learns the alignment without requiring paired captions.",
     "AI practitioners without paired captions can still apply Kestrel."),
])
def test_practice_action_says_what_to_do_about_a_practice(sentence, expected):
    sents = ["We propose Kestrel, a lightweight aligner for audio and text.", sentence]
    c = practice_action(sents, "Kestrel")
    assert c is not None and c.kind == "practice" and c.text == expected


@pytest.mark.parametrize("sentence", [
    "Kestrel is the main bottleneck of our pipeline.",                    # the paper's own component
    "Existing methods often fail when speakers overlap.",                 # "methods": no practice to recognise
    "The router does not always produce 3 experts.",                      # a number: the results part's
    "Speech separation models fail on noisy audio.",                      # no qualifier: not a finding about practice
    "These approaches often fail when speakers overlap heavily.",         # a back-reference
])
def test_practice_action_needs_a_common_practice_in_the_abstracts_words(sentence):
    assert practice_action(["We propose Kestrel, an aligner.", sentence], "Kestrel") is None


def test_practice_action_is_not_written_when_another_part_says_it():
    sents = ["We propose Kestrel, an aligner.", "Existing speech separation models often fail when speakers overlap."]
    assert practice_action(sents, "Kestrel") is not None
    said = "Existing speech separation models fail when speakers overlap; Kestrel handles overlap."
    assert practice_action(sents, "Kestrel", said) is None


@pytest.mark.parametrize("sentence, expected", [
    ("However, current 3D detectors often struggle with thin structures due to sparse points.",
     "AI practitioners should test 3D detectors on thin structures before relying on them."),
    ("Yet LLM-based judges often fail to give feedback that matches the student's level.",
     "AI practitioners should not rely on LLM-based judges to give feedback that matches the student's level without "
     "testing them first."),
    ("Kestrel aligns the two streams without any parallel transcripts or human labels.",
     "AI practitioners without parallel transcripts or human labels can still apply Kestrel."),
    ("In this paper, we introduce Kestrel, which uses only the model's own outputs without the need for auxiliary "
     "data or proprietary models.",
     "AI practitioners without auxiliary data or proprietary models can still apply Kestrel."),
])
def test_practice_action_struggles_and_resources_removed(sentence, expected):
    c = practice_action(["We propose Kestrel, a lightweight aligner for audio and text.", sentence], "Kestrel")
    assert c is not None and c.text == expected


@pytest.mark.parametrize("sentence", [
    "However, current methods often struggle with thin structures.",       # "methods": no practice named
    "Kestrel aligns the two streams without any training.",                # training: the positioning's condition
    "Kestrel aligns the two streams without compromising quality.",        # not a resource
    "Prior detectors often struggle with thin structures in 37% of scans.",  # a number
])
def test_practice_action_struggles_and_resources_need_their_class(sentence):
    assert practice_action(["We propose Kestrel, an aligner.", sentence], "Kestrel") is None


def test_practice_action_overlap_is_judged_part_by_part():
    sents = ["We propose Kestrel, an aligner.", "Existing speech separation models often fail when speakers overlap."]
    # half the words in one part and half in another: no single part says it again
    assert practice_action(sents, "Kestrel", "Kestrel separates speech. Speakers overlap in meetings.") is not None
    assert practice_action(sents, "Kestrel", "Kestrel beats speech separation models when speakers overlap.") is None


# --- quality8: composition classes for rows no other class serves (sentences written for these tests) -------------
from digestgen.engines.takeaway import compose, usable  # noqa: E402

_TERN = ["Dialect speech is rarely transcribed.",
         "We introduce Tern, a recipe for speech recognition in regional dialects.",
         "Tern learns from raw broadcast audio without any parallel text or pronunciation lexicons.",
         "Tern lowers word error rates by 12% on five dialects."]
_TERN_PARTS = {"one_line": "This paper introduces Tern, a recipe for speech recognition in regional dialects.",
               "objective": "The main research objective is to transcribe regional dialects.",
               "methodology": "Tern learns from raw broadcast audio.",
               "results": "Primary results show that Tern lowers word error rates by 12% on five dialects."}


def test_requirement_removed_joins_the_goal_to_what_the_method_spares():
    c = compose(_TERN, "Tern", _TERN_PARTS)
    assert c.text == ("AI practitioners can use Tern to transcribe regional dialects without any parallel text or "
                      "pronunciation lexicons.")


def test_requirement_removed_reads_training_free_and_does_not_require():
    sents = ["We present Wren, a training-free method for removing watermarks from scanned forms.",
             "Wren does not require paired clean scans and runs on a laptop."]
    parts = {"one_line": "This paper presents Wren.", "objective": "The main research objective is to restore "
             "scanned tax forms.", "methodology": "Wren runs on a laptop.", "results": ""}
    assert compose(sents, "Wren", parts).text == \
        "AI practitioners can use Wren to restore scanned tax forms without paired clean scans."


@pytest.mark.parametrize("clause", ["without any drop in quality", "without compromising accuracy",
                                    "without revealing the routing decisions"])
def test_an_outcome_after_without_is_not_a_requirement(clause):
    sents = ["We introduce Tern, a recipe for speech recognition in regional dialects.",
             f"Tern shrinks the acoustic model by half {clause}."]
    parts = dict(_TERN_PARTS, methodology="", results="")
    assert compose(sents, "Tern", parts) is None


def test_benefit_by_mechanism_joins_the_goal_to_the_core_mechanism_as_a_gerund():
    sents = ["Contract review tools miss clauses in long documents.",
             "We propose Kestrel, a method that decouples clause retrieval from answer generation.",
             "Kestrel answers 30% more questions correctly."]
    parts = {"one_line": "This paper proposes Kestrel.",
             "objective": "The main research objective is to answer questions over long legal contracts.",
             "methodology": "", "results": "Primary results show that Kestrel answers 30% more questions correctly."}
    assert compose(sents, "Kestrel", parts).text == \
        "AI practitioners can answer questions over long legal contracts by decoupling clause retrieval from answer generation."


def test_leverage_reads_as_using_and_a_relative_clause_cut_short_is_dropped():
    sents = ["We introduce Plover, a planner that leverages cached subgoal graphs as a shared memory across tasks.",
             "Our method incorporates a verifier that checks each plan to reject unsafe steps."]
    parts = {"one_line": "This paper introduces Plover.", "objective": "The main research objective is to plan "
             "warehouse robot routes.", "methodology": "", "results": ""}
    assert compose(sents, "Plover", parts).text == ("AI practitioners can plan warehouse robot routes by using cached "
                                                    "subgoal graphs as a shared memory across tasks.")


def test_a_prior_work_shortfall_is_not_turned_into_a_need():
    sents = ["Existing schedulers fail to co-locate training and inference jobs on the same accelerators.",
             "We propose Loom, a system for multi-tenant GPU clusters.",
             "Loom raises utilization by 20%."]
    parts = {"one_line": "This paper proposes Loom, a system for multi-tenant GPU clusters.",
             "objective": "", "methodology": "", "results": "Primary results show that Loom raises utilization by 20%."}
    # the condition -> use class ("AI practitioners who need to co-locate ... can use Loom for ...") was dropped after
    # round 8's blind readers rejected every row it wrote as a restatement; no other composition fits here
    assert compose(sents, "Loom", parts) is None


def test_a_composition_one_part_mostly_holds_is_not_written():
    # the objective already says the goal and the requirement: "use Tern to ... without ..." would be it again
    sents = ["We introduce Tern, a recipe for speech recognition in regional dialects.",
             "Tern needs no parallel text or pronunciation lexicons."]
    parts = dict(_TERN_PARTS, objective="The main research objective is to transcribe regional dialects without "
                                        "parallel text or pronunciation lexicons.")
    assert compose(sents, "Tern", parts) is None
    parts["objective"] = "The main research objective is to transcribe regional dialects."
    assert compose(sents, "Tern", parts).text.endswith("without parallel text or pronunciation lexicons.")


def test_a_goal_and_a_mechanism_both_in_the_row_add_nothing():
    sents = ["We propose Kestrel, a method for contract review.",
             "Kestrel decouples clause retrieval from answer generation."]
    parts = {"one_line": "This paper proposes Kestrel.",
             "objective": "The main research objective is to answer questions over long legal contracts.",
             "methodology": "Kestrel decouples clause retrieval from answer generation.", "results": ""}
    assert compose(sents, "Kestrel", parts) is None  # every word of the composition is in the objective or methodology


def test_a_composition_one_abstract_sentence_holds_is_that_sentence_reworded():
    sents = ["We introduce Tern, which transcribes regional dialects without any pronunciation lexicons."]
    parts = {"one_line": "This paper introduces Tern.", "objective": "The main research objective is to transcribe "
             "regional dialects.", "methodology": "", "results": ""}
    assert compose(sents, "Tern", parts) is None


def test_no_goal_from_a_study_or_a_bare_quality():
    sents = ["We introduce Tern, a recipe for speech models.",
             "Tern learns from raw broadcast audio without any parallel text or pronunciation lexicons."]
    for objective in ("The main research objective is to study how dialect speech is transcribed.",
                      "The main research objective is to enhance robustness and efficiency."):
        assert compose(sents, "Tern", {"one_line": "", "objective": objective, "methodology": "", "results": ""}) \
            is None


def test_write_takeaway_composes_only_when_no_other_class_fits_and_the_parts_are_given():
    sents = _TERN[:3]
    assert write_takeaway(sents, "Tern", "", set(), "") == ""  # no parts: nothing to measure repetition against
    assert write_takeaway(sents, "Tern", "", set(), "", parts=_TERN_PARTS).startswith("AI practitioners can use Tern to ")


def test_transformers_is_a_model_not_a_claim():
    assert usable("reduce memory use in vision Transformers")
    assert not usable("transform the field of speech recognition")


def test_enables_y_to_be_converted_reads_as_converting_y():
    sents = ["Speech decoders spend the same compute on every frame.",
             "Our lightweight framework enables pre-trained speech decoders to be converted into early-exit ones—dubbed "
             "Quill—allowing them to stop at any layer."]
    parts = {"one_line": "This paper proposes Quill.", "objective": "The main research objective is to cut decoding "
             "latency on mobile phones.", "methodology": "", "results": ""}
    assert compose(sents, "Quill", parts).text == ("AI practitioners can cut decoding latency on mobile phones by "
                                                   "converting pre-trained speech decoders into early-exit ones.")


def test_no_mechanism_from_a_participle_or_from_prior_work():
    parts = {"one_line": "This paper proposes Quill.", "objective": "The main research objective is to cut decoding "
             "latency on mobile phones.", "methodology": "", "results": ""}
    for second in ("The model trained on our audio corpus reaches parity with cloud decoders.",
                   "The conventional method decouples acoustic scoring from beam search."):
        assert compose(["We propose Quill, an early-exit speech decoder.", second], "Quill", parts) is None


def test_with_no_goal_the_task_the_contribution_is_for_takes_the_requirement():
    sents = ["Speculative decoding needs a separate draft model.",
             "We present Sparrow, a speculative decoding method for code generation.",
             "Sparrow reuses the target model's own early layers as the draft.",
             "Sparrow needs no additional training or separate draft weights."]
    parts = {"one_line": "The authors present Sparrow, a speculative decoding method for code generation.",
             "objective": "", "methodology": sents[2], "results": ""}
    assert compose(sents, "Sparrow", parts).text == \
        "AI practitioners can use Sparrow for code generation without additional training or separate draft weights."
    # the requirement already in a part: the task and the requirement are both in the row, nothing is added
    assert compose(sents, "Sparrow", dict(parts, methodology=sents[2] + " " + sents[3])) is None


def test_an_intransitive_goal_or_need_is_the_model_s_not_the_reader_s():
    sents = ["Current segmenters cannot transfer to unseen anatomical structures without new annotations.",
             "We introduce Nacre, a foundation model for 3D medical image segmentation.",
             "Nacre leverages a promptable mask decoder to segment arbitrary structures."]
    parts = {"one_line": "The authors introduce Nacre.", "objective": "The main research objective is to transfer to "
             "unseen anatomical structures.", "methodology": "", "results": ""}
    c = compose(sents, "Nacre", parts)
    assert c is None or "can transfer to" not in c.text and "need to transfer to" not in c.text


def test_a_second_predicate_is_not_the_benefit_object():
    out = take("We propose Wisp, a retrieval framework for question answering over large knowledge graphs.",
               "Wisp compresses subgraphs into short summaries and caches them across queries.", name="Wisp")
    assert "caches" not in out


def test_a_participle_after_another_verb_is_not_the_benefit():
    out = take("We introduce Wisp, a memory module for long-video question answering.",
               "Wisp stores compressed clip summaries in a retrieval index.", name="Wisp")
    assert out == ""  # "compressed" is the summaries' state, not a benefit: nothing else is offered


def test_a_need_that_points_back_is_not_written():
    sents = ["Video models answer questions about short clips.",
             "However, existing models fail to capture their dependencies across hours of footage.",
             "We introduce Wisp, a memory module for long-video question answering."]
    parts = {"one_line": "The authors introduce Wisp.", "objective": "", "methodology": "", "results": ""}
    c = compose(sents, "Wisp", parts)
    assert c is None  # the need's "their" points into the gap sentence: no takeaway is composed from it


# --- quality11: claims, stated replacements, answered gaps and reported capabilities are not takeaways -------------
@pytest.mark.parametrize("adjective", ["robust", "powerful", "promising", "versatile"])
def test_a_self_assessed_solution_is_the_authors_claim(adjective):
    sents = ["We introduce Nimbus, a speech model.",
             f"Our system provides a {adjective} solution for applications requiring on-device transcription."]
    assert take(*sents, name="Nimbus") == ""
    # the adoption role alone ("a drop-in replacement") is still a use the abstract offers
    assert take("We introduce Nimbus, a speech model.", "Our system provides a drop-in replacement for cloud ASR "
                "services.", name="Nimbus") == "AI practitioners can use Nimbus as a drop-in replacement for cloud " \
                                               "ASR services."


def test_a_reported_capability_is_a_result_not_a_use():
    assert take("We present Heron, a sparse decoder for speech.",
                "We show how our approach can be readily extended to sign language videos.", name="Heron") == ""
    # the same capability as the abstract's own offer (no reporting frame) stays a use
    assert take("We present Heron, a sparse decoder for speech.",
                "Heron can be deployed on hearing aids.", name="Heron") == "AI practitioners can deploy Heron on " \
                                                                            "hearing aids."


def test_a_replacement_the_one_line_states_is_not_fresh():
    sents = ["We propose Quill, a compact framework that replaces hand-written grading rubrics with a learned scorer "
             "for essay grading."]
    one_line = "This paper proposes Quill, a compact framework that replaces hand-written grading rubrics with a " \
               "learned scorer."
    assert positioning(sents, "Quill", "", "", one_line) is None
    other = "This paper proposes Quill, a learned scorer for essay grading."
    c = positioning(sents, "Quill", "", "", other)
    assert c is not None and "hand-written grading rubrics" in c.text


@pytest.mark.parametrize("kind, replaced, written", [
    ("training approach", "commercial models", False),     # a way to train is not used in place of a model
    ("data generation technique", "proprietary LLMs", False),
    ("retrieval model", "commercial models", True),        # a model in place of models: fine
    ("training approach", "manual curriculum design", True),  # a practice in place of a practice: fine
])
def test_a_training_method_is_not_an_alternative_to_a_model(kind, replaced, written):
    sents = [f"We propose Tern, a novel {kind} for issue resolution.",
             f"Tern provides a cost-efficient alternative to {replaced}."]
    c = positioning(sents, "Tern", "", "", "This paper proposes Tern for code repair.")
    assert (c is not None and replaced in c.text) == written


def test_a_gap_the_paper_answers_is_motivation_not_an_action():
    from digestgen.engines.takeaway import practice_action
    gap = ["However, current 3D detectors often struggle with thin structures.",
           "To address these challenges, we propose Kestrel, an aligner for lidar and images."]
    assert practice_action(gap, "Kestrel") is None
    gap = ["We find that the static router does not always produce the optimal expert weights for unseen inputs.",
           "To bridge the gap, we propose Kestrel, a test-time re-router."]
    assert practice_action(gap, "Kestrel") is None
    # the same finding at the end of the abstract (the paper's own finding, not its motivation) is still acted on
    late = ["We propose Kestrel, a test-time re-router.",
            "However, the static router does not always produce the optimal expert weights for unseen inputs."]
    assert practice_action(late, "Kestrel") is not None


def test_write_takeaway_skips_a_candidate_that_restates_a_part():
    sents = ["We introduce Nimbus, a speech model.", "Nimbus serves as a drop-in replacement for cloud ASR services."]
    parts = {"one_line": "This paper introduces Nimbus, a speech model that serves as a drop-in replacement for cloud "
                         "ASR services.", "objective": "", "methodology": "", "results": ""}
    assert write_takeaway(sents, "Nimbus") != ""
    assert write_takeaway(sents, "Nimbus", parts=parts) == ""


# --- quality11: practical angles the row does not hold ----------------------------------------------------------------
from digestgen.engines.takeaway import practical_angle  # noqa: E402

_PARTS = {"one_line": "This paper introduces Osprey, a planner for warehouse robots.",
          "objective": "The main research objective is to plan collision-free routes for many robots.",
          "methodology": "The key methodology involves a graph search over a time-expanded grid.",
          "results": "Primary results show that Osprey reduces route conflicts by 30%."}


@pytest.mark.parametrize("sentence, expected", [
    ("We also study the impact of grid resolution on planning speed and identify adaptive cells as the optimal choice.",
     "AI practitioners choosing a grid resolution for planning should consider adaptive cells, the optimal "
     "choice in the paper's analysis."),  # the measure ("speed") goes: the choice is for the task
    ("Our ablations show that a learned heuristic is the best search heuristic for dense aisles.",
     "AI practitioners choosing a search heuristic for dense aisles should consider a learned heuristic, the optimal "
     "choice in the paper's analysis."),
    ("Unlike prior planners, Osprey does not require a map of the shelves, which limits where robots can be used.",
     "AI practitioners can use Osprey without requiring a map of the shelves, which would limit where robots can "
     "be used."),
    ("Osprey is fast. It can also handle moving obstacles and be deployed on low-cost mobile robot using a single "
     "camera.",
     "AI practitioners can deploy Osprey on a low-cost mobile robot using a single camera."),
    ("Our method is general and agnostic to the robot's drive system and sensor suite.",
     "AI practitioners can apply Osprey regardless of the robot's drive system and sensor suite."),
    ("Osprey is model-agnostic.", "AI practitioners can apply Osprey regardless of the underlying model."),
])
def test_practical_angle_classes(sentence, expected):
    sents = ["Warehouse robots collide in narrow aisles.", "We present Osprey, a planner for warehouse robots."]
    sents += [t.strip() + ("" if t.strip().endswith(".") else ".") for t in sentence.split(". ")]
    c = practical_angle(sents, "Osprey", _PARTS)
    assert c is not None and c.text == expected


@pytest.mark.parametrize("sentence", [
    "Osprey does not require a map of the shelves.",                      # no stated cost: the composition's class
    "Unlike prior planners, Osprey does not require 3 cameras, which limits deployment.",  # a number
    "Prior planners can be deployed on warehouse robots.",                 # not the paper's own work
    "Osprey is agnostic.",                                                  # agnostic to nothing named
    "We study the impact of grid resolution on planning speed.",           # no choice identified
    # the design choice one sentence states whole is that sentence reworded
    "We identify adaptive cells as the optimal choice.",
])
def test_practical_angle_needs_its_class(sentence):
    sents = ["Warehouse robots collide in narrow aisles.", "We present Osprey, a planner for warehouse robots.",
             sentence]
    assert practical_angle(sents, "Osprey", _PARTS) is None


def test_practical_angle_is_not_a_part_again():
    sents = ["We present Osprey, a planner for warehouse robots.",
             "Our method is general and agnostic to the robot's drive system and sensor suite."]
    parts = dict(_PARTS, methodology="The key methodology involves making planning agnostic to the robot's drive system and "
                                     "sensor suite.")
    assert practical_angle(sents, "Osprey", _PARTS) is not None
    assert write_takeaway(sents, "Osprey", title="Osprey: Planning for Warehouse Robots", parts=_PARTS) != ""
    assert write_takeaway(sents, "Osprey", title="Osprey: Planning for Warehouse Robots", parts=parts) == ""


@pytest.mark.parametrize("sentences, expected", [
    (["Voice assistants often fail to follow up on requests, particularly when users speak in short fragments.",
      "To address this, we present Wren, a dialogue manager for voice assistants."],
     "AI practitioners can use Wren particularly when users speak in short fragments."),
    (["Static pruning methods require a fixed sparsity level, complicating deployment on shared edge devices.",
      "In this paper, we introduce Wren, a pruning approach for speech models.",
      "Wren can gradually change the sparsity level with no recompilation."],
     "For deployment on shared edge devices, AI practitioners can use Wren to gradually change the sparsity level."),
    (["Static pruning methods require a fixed sparsity level, complicating deployment on shared edge devices.",
      "In this paper, we introduce Wren, a pruning approach for speech models.",
      "Wren can outperform magnitude pruning."],  # a result verb is not a capability
     "For deployment on shared edge devices, AI practitioners can use Wren."),
    (["We propose Wren, a curriculum of contrastive pairs for speech models.",
      "We further find that the contrastive pairs also serve as a useful regularizer during fine-tuning."],
     None),  # "the contrastive pairs" is not named in the title or the contribution sentence as the technique
    (["We propose phoneme dropout, a data augmentation for speech models.",
      "We further find that phoneme dropout also serves as a useful regularizer during fine-tuning."],
     "AI practitioners can also use phoneme dropout as a regularizer during fine-tuning."),
])
def test_practical_angle_hard_case_and_secondary_use(sentences, expected):
    parts = {"one_line": "This paper introduces a method for speech models.", "objective": "", "methodology": "",
             "results": ""}
    name = "Wren" if any("Wren" in s for s in sentences) else None
    c = practical_angle(sentences, name, parts, "Speech Models Made Lighter")
    assert (c.text if c else None) == expected


@pytest.mark.parametrize("sentence", [
    "Voice assistants often answer well, particularly when users speak in short fragments.",  # no shortfall
    "We find that Wren struggles, particularly when users speak in short fragments.",  # the paper's own voice
])
def test_hard_case_needs_prior_works_shortfall(sentence):
    sents = [sentence, "To address this, we present Wren, a dialogue manager for voice assistants."]
    assert practical_angle(sents, "Wren", {"one_line": "x"}, "") is None


def test_a_survey_names_the_builders_of_the_applications_its_field_serves():
    sents = ["Table question answering answers questions over spreadsheets and databases.",
             "It matters in practical applications requiring reliable numeric answers from business records.",
             "This paper provides a comprehensive survey of table question answering."]
    assert survey(sents, "Table Question Answering: A Survey").text == \
        "AI practitioners building applications that require reliable numeric answers from business records can use " \
        "this survey as a guide to table question answering."
    assert survey(sents[:1] + sents[2:], "Table Question Answering: A Survey").text == \
        "AI practitioners can use this survey as a guide to table question answering."


@pytest.mark.parametrize("alternative, expected", [
    ("Finch offers a low-cost alternative to hosted transcription services.",
     "AI practitioners can use Finch to reduce reliance on hosted transcription services, which leads to recurring "
     "fees and data exposure."),
    ("Finch matches hosted transcription services on accented speech.",
     "AI practitioners can use Finch to reduce reliance on hosted transcription services, which leads to recurring "
     "fees and data exposure."),
    ("Finch improves accuracy on accented speech.", None),  # nothing stands in for the reliance
])
def test_replaced_reliance_names_what_is_replaced_and_why(alternative, expected):
    sents = ["Clinics predominantly rely on hosted transcription services, leading to recurring fees and data exposure.",
             "We propose Finch, a training recipe for on-premise speech models.", alternative]
    c = practical_angle(sents, "Finch", {"one_line": "x"}, "Finch: On-Premise Speech")
    assert (c.text if c else None) == expected


@pytest.mark.parametrize("rival, expected", [
    ("Experiments show that our approach achieves performance comparable to pipelines that call a separate verifier.",
     "AI practitioners can use this approach in place of pipelines that call a separate verifier, for its memory "
     "savings in on-device inference."),
    ("Experiments show that our approach achieves performance comparable to existing baselines.", None),  # no kind in use
    ("Experiments show that our approach is fast.", None),                                              # no rival
])
def test_rival_with_advantage_names_what_it_replaces_and_why(rival, expected):
    sents = ["We study single-pass answer checking for small language models.",
             "This unified approach lets one model draft and check its answer, offering memory savings in on-device "
             "inference.", "We propose a two-stage recipe to train such models.", rival]
    c = practical_angle(sents, None, {"one_line": "x"}, "")
    assert (c.text if c else None) == expected


def test_hard_case_and_rival_advantage_guards():
    # a condition that points back ("when they ...") has no antecedent in the takeaway
    sents = ["Voice assistants often fail to follow up, particularly when they run on low-power devices.",
             "To address this, we present Wren, a dialogue manager for voice assistants."]
    assert practical_angle(sents, "Wren", {"one_line": "x"}, "") is None
    # an advantage stated before the paper's own work is prior work's
    sents = ["This unified approach offers memory savings in on-device inference.",
             "We propose Wren, a recipe to train small verifiers.",
             "Experiments show that Wren achieves performance comparable to pipelines that call a separate verifier."]
    assert practical_angle(sents, "Wren", {"one_line": "x"}, "") is None


@pytest.mark.parametrize("sentence, expected", [
    ("Moreover, distilled speech models are less affected by background noise than full-size speech models.",
     "AI practitioners concerned about background noise should prefer distilled speech models over full-size speech "
     "models."),
    ("We find that quantized LLMs are more robust to prompt paraphrasing than pruned LLMs.",
     "AI practitioners concerned about prompt paraphrasing should prefer quantized LLMs over pruned LLMs."),
    ("Moreover, Osprey models are less affected by background noise than full-size speech models.", None),  # own name
    ("Distilled speech models are less affected by noise than 3 baselines.", None),                          # a number
])
def test_comparative_finding_says_what_to_prefer(sentence, expected):
    sents = ["We study noise in speech recognition.", "We propose Osprey, a speech recognizer.", sentence]
    c = practical_angle(sents, "Osprey", {"one_line": "x"}, "")
    assert (c.text if c else None) == expected


def test_comparative_finding_not_from_background():
    sents = ["Distilled speech models are less affected by background noise than full-size speech models.",
             "We propose Osprey, a speech recognizer."]
    assert practical_angle(sents, "Osprey", {"one_line": "x"}, "") is None


def test_data_role_names_what_the_papers_dataset_is_for():
    sents = ["We propose Heron, a planner for kitchen robots.",
             "Specifically, we first build a synthetic dataset of recipe traces, named KitchenTrace.",
             "It serves as warm-up supervision data for Heron.", "Heron then learns from rewards."]
    c = practical_angle(sents, "Heron", {"one_line": "x"}, "")
    assert c is not None and c.text == "AI practitioners can use KitchenTrace as warm-up supervision data."
    # without a name for the dataset, or a role that is not data, nothing is written
    unnamed = [sents[0], "Specifically, we first build a synthetic dataset of recipe traces.", sents[2], sents[3]]
    assert practical_angle(unnamed, "Heron", {"one_line": "x"}, "") is None
    other = [sents[0], sents[1], "It serves as a stepping stone for future work.", sents[3]]
    assert practical_angle(other, "Heron", {"one_line": "x"}, "") is None


# --- quality12: guards on compose and the practical benefit (sentences written for these tests) ---------------------
from digestgen.engines.takeaway import _goals, _mechanisms, practical_benefit  # noqa: E402
import digestgen.engines.takeaway as takeaway_module  # noqa: E402


@pytest.mark.parametrize("objective", [
    "The main research objective is to benchmark them reliably.",            # refers back: to what?
    "The main research objective is to sharpen the edges of frames rendered.",  # "... by X" cut away
])
def test_a_cut_goal_that_does_not_stand_alone_is_not_a_goal(objective):
    assert _goals(["We present Heron, a renderer for sketches."], "Heron", objective) == []


def test_a_goal_that_stands_alone_is_kept():
    assert _goals([], "Heron", "The main research objective is to sharpen the edges of rendered frames.") == \
        ["sharpen the edges of rendered frames"]


def test_a_name_inside_a_prepositional_phrase_is_not_the_subject_of_a_mechanism():
    sents = ["We present Heron, a benchmark of sketch-to-code tasks.", "Progress on Heron represents steps toward agents."]
    assert _mechanisms(sents, "Heron") == []
    assert _mechanisms(["We present Heron, a renderer.", "Heron represents strokes as splines."], "Heron") == \
        [("representing strokes as splines", 1)]


def test_the_authors_potential_of_claim_is_not_part_of_the_mechanism():
    sents = ["We present Heron, a renderer.", "Heron harnesses the untapped potential of vector strokes."]
    assert _mechanisms(sents, "Heron") == [("using vector strokes", 1)]


def test_a_benefit_negated_by_without_is_a_cost_avoided_not_a_use():

    sents = ["Beam search is slow for chat models.", "In this work, we propose Heron, a simpler decoding approach.",
             "Our results demonstrate that Heron consistently and significantly outperforms existing approaches "
             "without substantially increasing response length."]
    c = practical_benefit(sents, "Heron", "Heron: Lean Decoding", "This paper proposes Heron, a simpler approach for "
                          "chat decoding. The main research objective is to enhance simplicity.")
    assert c is None  # "without substantially increasing" is a negated benefit: nothing to write


def test_the_trace_records_the_class_that_wrote_the_takeaway():
    takeaway_module.TRACE = []
    try:
        write_takeaway(["Mobile apps are slow to start.", "We release Nimbus, a sparse attention layer.",
                        "Nimbus serves as a drop-in replacement for standard attention layers."], "Nimbus", "", set(),
                       "Nimbus: Sparse Attention")
        assert takeaway_module.TRACE and takeaway_module.TRACE[-1]["wrote"] in takeaway_module.TRACE[-1]["fired"]
    finally:
        takeaway_module.TRACE = None

