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


def test_methodology_continues_with_the_next_step_of_the_method():
    from digestgen.engines.extractive import continued_methodology

    sentences = ["Phone keyboards forget what users typed before.",
                 "We present Quill, a keyboard model that remembers past phrases.",
                 "Our method introduces a phrase memory that stores accepted completions.",
                 "Specifically, it ranks stored phrases by recency and context overlap—from single words to full "
                 "sentences.",
                 "Quill cuts typing effort by 21% in a user study."]
    first = "The method introduces a phrase memory that stores accepted completions."
    # the method-continuation class: "it" is the method (the step before has the method as its subject), the
    # trailing remark goes
    assert continued_methodology(first, sentences, 2, {1, 4}, "Quill") == (
        "The method introduces a phrase memory that stores accepted completions; Quill ranks stored phrases by "
        "recency and context overlap.")
    # a step of the authors after a remark: "the authors" continue as "they"
    steps = ["We propose Wren, a planner for warehouse robots.",
             "We first build a map of shelf traffic from logged routes.",
             "The map is small.",
             "Moreover, we schedule pickups with a learned cost over that map of traffic."]
    assert continued_methodology("The authors first build a map of shelf traffic from logged routes.", steps, 1, {0},
                                 "Wren") == ("The authors first build a map of shelf traffic from logged routes; they "
                                             "schedule pickups with a learned cost over that map of traffic.")


def test_methodology_is_not_continued_by_results_claims_or_pointers():
    from digestgen.engines.extractive import continued_methodology

    first = "The authors first build a map of shelf traffic from logged routes."
    for nxt in ("Moreover, we show that the map halves idle time.",           # a result claim
                "Specifically, it cuts idle time by 35%.",                     # a number and an outcome
                "Furthermore, we release the code and the logs.",              # a release notice
                "Then, we schedule pickups over these routes.",                # points at something left out
                "Specifically, it stores the map on each robot.",              # "it" after "we build": the map
                "With drones in mind, we propose a second planner for air."):  # a second contribution
        sentences = ["We propose Wren, a planner for warehouse robots.",
                     "We first build a map of shelf traffic from logged routes.", nxt]
        assert continued_methodology(first, sentences, 1, {0}, "Wren") == first, nxt
    # the next sentence is another part's: it stays there
    sentences = ["We propose Wren.", "We first build a map of shelf traffic from logged routes.",
                 "Moreover, we schedule pickups with a learned cost."]
    assert continued_methodology(first, sentences, 1, {0, 2}, "Wren") == first


def test_enabled_conversion_is_how_the_method_works():
    from digestgen.engines.extractive import enabled_conversion

    # the enabled-conversion class: what the method lets be done to a thing is how it works
    assert enabled_conversion("Our lightweight recipe framework enables dense vision encoders to be distilled into "
                              "sparse ones -- dubbed SparseViT -- allowing them to run on microcontrollers.") == (
        "The key methodology involves distilling dense vision encoders into sparse ones (SparseViT), allowing them to "
        "run on microcontrollers.")
    assert enabled_conversion("The proposed method allows any image encoder to be applied to audio spectrograms.") == \
        "The key methodology involves applying any image encoder to audio spectrograms."
    # a benefit without a conversion, a number, or another subject: not this class
    for sentence in ("Our framework enables robots to plan faster in cluttered homes.",
                     "Our framework enables encoders to be distilled into sparse ones with 40% fewer FLOPs.",
                     "Large datasets enable models to be trained into strong generalists."):
        assert enabled_conversion(sentence) is None, sentence


def test_short_abstract_without_a_method_sentence_takes_the_enabled_conversion():
    abstract = ("Vision encoders are too large for microcontrollers. In this work, we revisit dense encoders and "
                "propose a sparse recipe instead. Our lightweight framework enables dense vision encoders to be "
                "distilled into sparse ones, allowing them to run on microcontrollers. The sparse encoders keep 96% "
                "of the dense accuracy on ImageNet.")
    s = _summary(abstract, "Tiny Eyes: Sparse Encoders for Microcontrollers")
    assert s.methodology.startswith("The key methodology involves distilling dense vision encoders into sparse ones")


def test_continued_step_keeps_such_as_and_drops_a_purpose_the_objective_states():
    from digestgen.engines.extractive import continued_methodology

    sentences = ["We propose Wren, a planner that speeds up the pickups of warehouse robots.",
                 "Specifically, we first build a map of shelf traffic from logged routes.",
                 "Moreover, we use a solver such as CP-SAT to speed up pickups and add a rule that keeps aisles "
                 "free for people."]
    first = "The key methodology involves building a map of shelf traffic from logged routes."
    # "such as" names examples, it points at nothing left out; "to speed up pickups" is the objective's goal
    assert continued_methodology(first, sentences, 1, {0}, "Wren", goal="speed up the pickups of warehouse robots.") \
        == ("The key methodology involves building a map of shelf traffic from logged routes; the authors use a solver "
            "such as CP-SAT and add a rule that keeps aisles free for people.")
    # a purpose the objective does not state stays
    assert "to speed up pickups" in continued_methodology(first, sentences, 1, {0}, "Wren",
                                                              goal="reduce collisions between robots.")


def test_costly_practice_becomes_the_goal_of_reducing_its_cost():
    from digestgen.engines.contribution import costly_goal, problem_goal

    # the costly-practice class: a practice named by a phrase with content, and the cost or defect it brings
    assert problem_goal("However, this cascaded retrieval pipeline incurs substantial latency at inference.") == \
        "reduce the latency of the cascaded retrieval pipeline at inference"
    assert costly_goal("Although effective, this ensemble-of-critics approach incurs significant memory overhead "
                       "during training.") == "reduce the memory overhead of the ensemble-of-critics approach during training"
    assert costly_goal("Unfortunately, the two-pass decoding design inevitably introduces accumulated errors and "
                       "timing artifacts.") == "reduce the accumulated errors and timing artifacts of the two-pass decoding design"
    # a bare "this approach" names nothing; a benefit is no cost; a cost without a practice is another class
    for sentence in ("However, this approach incurs significant overhead.",
                     "This pipeline brings large gains in recall.",
                     "Training large models incurs high costs."):
        assert costly_goal(sentence) is None, sentence


def test_short_abstract_takes_its_objective_from_a_costly_practice():
    abstract = ("Speech translation usually chains a recognizer and a translator. However, this cascaded two-model "
                "pipeline inevitably introduces accumulated errors and timing artifacts. We propose EchoT, a single "
                "model that translates speech directly. EchoT reaches 31.2 BLEU on the CoVoST test set.")
    s = _summary(abstract, "EchoT: Direct Speech Translation")
    assert s.objective == ("The main research objective is to reduce the accumulated errors and timing artifacts of "
                           "the cascaded two-model pipeline.")


def test_we_further_is_a_continuing_step_but_we_also_show_is_not():
    from digestgen.engines.extractive import continued_methodology

    first = "The key methodology involves reviewing caching methods for phones and tablets."
    base = ["This paper surveys on-device caching.", "Next, we review caching methods for phones and tablets."]
    assert continued_methodology(first, base + ["We further discuss eviction rules for shared memory."], 1, {0},
                                 None) == ("The key methodology involves reviewing caching methods for phones and "
                                           "tablets; the authors discuss eviction rules for shared memory.")
    for nxt in ("We also show that small caches suffice.", "We further evaluate the rules on four phones."):
        assert continued_methodology(first, base + [nxt], 1, {0}, None) == first, nxt


def test_labelled_stages_keep_what_happens_in_each_stage():
    from digestgen.engines.extractive import staged_methodology

    sentences = ["We present Loom, a weaving planner.",
                 "Loom splits planning into two stages: 1) Pattern Drafting: We adapt a language model to draft "
                 "thread patterns from sketches.",
                 "This keeps drafts short.",
                 "2) Loom Scheduling: We schedule the drafted patterns on looms with an integer program, ensuring "
                 "no loom idles."]
    assert staged_methodology(sentences, 1) == (
        "Loom splits planning into two stages: in pattern drafting, the authors adapt a language model to draft "
        "thread patterns from sketches; in loom scheduling, they schedule the drafted patterns on looms with an "
        "integer program.")
    # a stage whose clause is not the authors' action keeps the labels alone
    sentences[3] = "2) Loom Scheduling: An integer program assigns the drafted patterns to looms."
    assert staged_methodology(sentences, 1) == ("Loom splits planning into two stages: pattern drafting and loom "
                                                "scheduling.")


def test_a_step_right_after_the_contribution_is_the_methodology_when_none_was_found():
    # the skipped-step class: "it" right after the contribution sentence that names the method is that method
    abstract = ("Dense retrieval is slow on large corpora. We propose Kite, an index that speeds up retrieval by "
                "clustering documents into shards with a learned router. Specifically, it routes each query to two "
                "shards. Moreover, we cache hot shards in memory to keep latency low. Kite cuts latency by 45% on "
                "MS MARCO with no loss in recall.")
    s = _summary(abstract, "Kite: Fast Retrieval")
    assert s.methodology == ("Kite routes each query to two shards; the authors cache hot shards in memory to keep "
                             "latency low.")
    assert "45%" in s.results
