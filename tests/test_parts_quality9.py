"""Objective and one-line rules of the offline engine (quality9 parts), each tested on sentences written for the test."""

from digestgen.engines.contribution import prior_focus_one_line, study_purpose
from digestgen.engines.extractive import GOAL, ExtractiveEngine
from digestgen.types import Paper


def _summary(abstract: str, title: str = "A Study"):
    return ExtractiveEngine().summarize(Paper(arxiv_id="0000.00009", title=title, abstract=abstract))


def test_prior_focus_extension_says_what_the_paper_does():
    assert prior_focus_one_line("While most prior work has focused on gender bias in English, our study extends this "
                                "analysis to code-mixed social media posts in Tagalog and Swahili.") == \
        "This study extends the analysis of gender bias to code-mixed social media posts in Tagalog and Swahili."
    assert prior_focus_one_line("Although previous studies have concentrated on image classifiers, this work extends "
                                "the investigation to object detectors.") == \
        "This work extends the investigation of image classifiers to object detectors."
    # no prior focus, or no extension: not the class
    assert prior_focus_one_line("While LLMs are strong, this study extends the investigation to agents.") is None
    assert prior_focus_one_line("While much research has focused on English, this study evaluates Hindi.") is None


def test_study_purpose_is_the_goal_of_the_papers_own_analysis():
    assert study_purpose("We conduct a systematic analysis of 40 benchmarks to identify shortcuts that models exploit "
                         "in Llama-2, Mistral and Phi-3.") == \
        "identify shortcuts that models exploit in Llama-2, Mistral and Phi-3"
    # a purpose that is not finding something out, or a result, or no own study: not the class
    assert study_purpose("We conduct an analysis of the corpus to improve accuracy of taggers.") is None
    assert study_purpose("We conduct an analysis of the corpus to measure a 12.5% gain in recall.") is None
    assert study_purpose("Prior work offers an analysis of the corpus to examine the tags of verbs.") is None


def test_study_row_gets_its_purpose_as_objective_and_opens_with_the_extension():
    s = _summary("Speech recognisers are widely deployed. However, they often mishear rare names. "
                 "While much research has focused on name errors in English, our study extends this investigation to "
                 "call-centre audio in two languages: Welsh and Basque. "
                 "We offer a detailed analysis of a corpus to examine both phonetic and lexical errors in these "
                 "languages for Whisper, Canary and MMS. "
                 "We found that Whisper mishears 31% of names in Welsh but only 9% in Basque.")
    assert s.one_line == ("This study extends the investigation of name errors to call-centre audio in two languages: "
                          "Welsh and Basque.")
    assert s.objective == (f"{GOAL}examine both phonetic and lexical errors in these languages for Whisper, Canary "
                           "and MMS.")


def test_prior_focus_extension_by_we_keeps_the_authors():
    assert prior_focus_one_line("While prior work has focused on dense retrievers, we extend this analysis to sparse "
                                "retrievers.") == "The authors extend the analysis of dense retrievers to sparse retrievers."


def test_the_claim_one_line_says_what_the_paper_does_when_the_question_is_the_objective():
    s = _summary("In this paper, we show that robust speech features can be learned from synthetic tones and read "
                 "speech, without incorporating spontaneous speech in the training. The tones come from simple "
                 "generators that model a growing set of acoustic properties (e.g. pitch, noise and timbre). The "
                 "downstream accuracy of models pre-trained on these generated sets gradually increases with the "
                 "progression. A HuBERT model pre-trained on our tones closes 91.4% of the gap on keyword spotting "
                 "between training from scratch and pre-training on spontaneous speech. Our approach provides a more "
                 "controllable alternative to speech data curation for pre-training.")
    assert s.one_line == "This paper explores learning robust speech features from synthetic tones and read speech."
    assert s.objective == (f"{GOAL}determine whether robust speech features can be learned without incorporating "
                           "spontaneous speech in the training.")


def test_a_prior_focus_that_is_only_a_name_is_left_alone():
    assert prior_focus_one_line("While most work has focused on English, our study extends this analysis to drone "
                                "logs in three languages.") is None


def test_explored_one_line_only_for_a_can_claim_with_its_means():
    from digestgen.engines.extractive import explored_one_line
    assert explored_one_line("The authors show that sparse probes can be trained with 200 labels, without any "
                             "teacher.") == "The authors explore training sparse probes with 200 labels."
    assert explored_one_line("This paper shows that parsers can be built from raw text.") == \
        "This paper explores building parsers from raw text."
    assert explored_one_line("This paper shows that probes are accurate.") is None  # no possibility claim
    assert explored_one_line("This paper shows that probes can be trained.") is None  # no means to explore


def test_costless_names_the_cost_of_the_practice():
    from digestgen.engines.contribution import costless
    assert costless("However, this two-pass decoding pipeline incurs substantial latency at inference.") == \
        "without the latency of the two-pass decoding pipeline at inference"
    assert costless("However, this approach incurs substantial latency.") is None  # a bare "this approach"
    assert costless("Retrieval remains a hard problem.") is None


def test_a_task_challenge_goal_gains_the_cost_the_paper_removes():
    s = _summary("Evaluating the ranking abilities of large language models (LLMs) remains a challenging task. Current "
                 "mainstream approaches rely on prompting a large model once per document pair. However, such methods "
                 "often suffer from position biases. Although effective, this pairwise prompting scheme incurs "
                 "substantial latency during inference. In this paper, we propose an efficient listwise ranker that "
                 "scores all documents in one pass by distilling the pairwise preferences of a large teacher into a "
                 "small student. Experiments on four benchmarks show that the ranker matches the teacher with 12x "
                 "lower latency.")
    assert s.objective == (f"{GOAL}evaluate the ranking abilities of large language models (LLMs) without the latency "
                           "of the pairwise prompting scheme during inference.")
    # no costly practice between the task and the contribution: the task goal stays as it is
    s = _summary("Evaluating the ranking abilities of large language models (LLMs) remains a challenging task. Current "
                 "mainstream approaches rely on prompting a large model once per document pair. However, such methods "
                 "often suffer from position biases. In this paper, we propose an efficient listwise ranker that "
                 "scores all documents in one pass by distilling the pairwise preferences of a large teacher into a "
                 "small student. Experiments on four benchmarks show that the ranker matches the teacher with 12x "
                 "lower latency.")
    assert "without" not in s.objective


def test_the_case_where_the_gap_bites_joins_the_goal():
    s = _summary("Speech synthesis systems increasingly share one encoder across languages. Although there have been "
                 "efforts to control prosody with extra inputs, like pitch curves, a comprehensive framework for "
                 "arbitrary cross-lingual voice control is still lacking. This gap is especially evident when "
                 "attempting to transfer accents or speaking styles from multiple speakers in one utterance. We "
                 "propose Lark, an efficient framework designed for arbitrary cross-lingual voice control in speech "
                 "synthesis models. Lark replaces the text encoder with a multilingual speech-text encoder. "
                 "Experiments show that Lark reaches a 4.1 MOS on the VCTK benchmark.")
    assert s.objective.endswith(", in particular to transfer accents or speaking styles from multiple speakers in one "
                                "utterance.")
    assert s.objective.startswith(GOAL)


def test_gap_emphasis_needs_a_gap_and_an_attempted_task():
    from digestgen.engines.extractive import _GAP_EMPHASIS
    assert _GAP_EMPHASIS.match("This problem is particularly acute when trying to edit long videos.")
    assert not _GAP_EMPHASIS.match("This gap is large for long videos.")


def test_stated_tasks_become_the_goal():
    from digestgen.engines.contribution import stated_tasks
    assert stated_tasks("This paper tackles two problems: aligning speech and text, and reducing decoding latency.") \
        == "align speech and text and reduce decoding latency"
    assert stated_tasks("Our work addresses three key challenges: planning routes, avoiding obstacles, and charging "
                        "batteries.") == "plan routes, avoid obstacles, and charge batteries"
    assert stated_tasks("This paper tackles two problems: latency and memory.") is None  # no tasks to do
    assert stated_tasks("Prior work addresses two tasks: parsing and tagging.") is None  # not the paper's own


def test_stated_tasks_outrank_a_background_gap():
    s = _summary("Drone delivery needs reliable route planning. Existing planners primarily handle static maps, lacking "
                 "support for moving obstacles. Additionally, there is a notable absence of public flight logs. This "
                 "study addresses three critical tasks: planning routes around moving obstacles, predicting battery "
                 "use, and building a public flight-log dataset. We introduce Wren, a planner for drones. Wren reaches "
                 "a 97.1% delivery rate on the new logs.")
    assert s.objective == (f"{GOAL}plan routes around moving obstacles, predict battery use, and build a public "
                           "flight-log dataset.")


def test_caused_cost_names_what_costs():
    from digestgen.engines.contribution import caused_cost_goal
    assert caused_cost_goal("This design increases memory and latency due to per-token cache copies.") == \
        "reduce the memory and latency caused by per-token cache copies"
    assert caused_cost_goal("This design increases accuracy due to better data.") is None  # no cost
    assert caused_cost_goal("This design increases latency.") is None  # no cause: names nothing


def test_a_side_problem_gives_way_to_the_cost_of_the_practice():
    s = _summary("Speculative decoding is essential for serving large language models (LLMs) quickly. It requires "
                 "running a draft model and a target model in lockstep. This design increases memory and latency due "
                 "to per-token cache copies. Additionally, draft models lack access to the target's hidden states, "
                 "limiting their accuracy. To address these issues, we propose Tandem, a decoder that shares one "
                 "cache between both models. Tandem reduces memory by 31% and latency by 22%.")
    assert s.objective == f"{GOAL}reduce the memory and latency caused by per-token cache copies."


def test_prior_focus_drops_only_the_last_in_phrase():
    assert prior_focus_one_line("While much research has focused on bias in language models in English, this study "
                                "extends the analysis to Yoruba.") == \
        "This study extends the analysis of bias in language models to Yoruba."
