"""quality14: the title-introduction class (engines/extractive.py `title_introduction`, `names_title`,
`progress_by`). Every sentence here is written for the tests."""
from digestgen.engines.extractive import names_title, progress_by, title_introduction

TITLE = "Quokka: Fast Sparse Retrieval for Long Documents"


def test_names_title_prefers_the_name_over_title_words():
    assert names_title("We propose Quokka, a retriever.", TITLE, "Quokka") == 1.0
    shared = names_title("Sparse retrieval over long documents is slow.", TITLE, "Quokka")
    assert 0.5 < shared < 1.0
    assert names_title("Retrieval matters.", TITLE, "Quokka") == 0.0  # one shared topic word is no naming


def test_side_step_one_line_gives_way_to_the_sentence_naming_the_system():
    sentences = ["Dense retrievers are costly on long inputs.",
                 "Second, we design a cache-aware scoring kernel.",
                 "We combine these pieces into a single retriever (Quokka).",
                 "Quokka is four times faster than BM25."]
    assert title_introduction(sentences, 1, TITLE, "Quokka") == 2


def test_one_line_that_already_names_the_system_stays():
    sentences = ["We introduce Quokka, a sparse retriever.", "We also present Quokka-Lite, a smaller variant."]
    assert title_introduction(sentences, 0, TITLE, "Quokka") is None


def test_unnamed_title_uses_its_head_words_and_the_authors_voice():
    title = "Graph Diffusion Models"
    sentences = ["Generating molecules is hard.",
                 "We make progress by proposing a diffusion model for graph generation.",
                 "We introduce a new guidance technique for conditional sampling.",
                 "Graph diffusion models are popular in chemistry."]  # names the title but is not the authors' work
    assert title_introduction(sentences, 2, title, None) == 1


def test_demonstrative_before_the_authors_speak_is_skipped_and_lists_are_steps():
    sentences = ["We build a fast sparse retrieval index for long documents.",  # names the title's words
                 "To handle these cases, we develop Quokka.",
                 "First, we index documents; second, we introduce Quokka scoring.",
                 "Quokka is fast."]
    assert title_introduction(sentences, 0, TITLE, "Quokka") is None


def test_progress_by_keeps_the_contribution_verb():
    assert progress_by("We make progress towards this goal by proposing a model for X.") == "We propose a model for X."
    assert progress_by("We make progress on X.") == "We make progress on X."


def test_summary_opens_with_the_introduced_system():
    from digestgen.engines import get_engine, prose
    from digestgen.types import Paper

    abstract = ("Sparse retrievers struggle with long documents. "
                "Second, we design a cache-aware scoring kernel for long inputs. "
                "We integrate the kernel into a simple sparse retriever for long documents (Quokka). "
                "Quokka retrieves passages 4 times faster than BM25 on three benchmarks.")
    text = prose(get_engine("extractive").summarize(Paper(arxiv_id="2501.00001", title=TITLE, abstract=abstract)))
    assert text.split(". ")[0].count("Quokka") == 1, text


def test_unnamed_claim_title_takes_the_authors_showing_over_background():
    title = "Small Encoders are Strong Rankers"
    sentences = ["Search engines rank billions of pages a day with large models.",
                 "While this success is usually credited to scale, we show that small encoders are strong rankers "
                 "when trained with hard negatives.",
                 "Our 20M-parameter encoder matches a 1B model on two benchmarks."]
    # the background pick names nothing; the authors' showing names the title's claim
    assert title_introduction(sentences, 0, title, None, current_own=False) == 1
    # a named system is introduced, not shown: "we show that" does not count for it
    assert title_introduction(sentences, 0, "Quokka: Small Encoders are Strong Rankers", "Quokka") is None


def test_tie_goes_to_the_authors_only_over_background():
    title = "Exploring Frozen Adapter Tuning"
    sentences = ["Frozen adapters are a common structure in tuning large networks.",
                 "In this paper, we report results that frozen adapters can match full tuning."]
    assert title_introduction(sentences, 0, title, None, current_own=False) == 1
    assert title_introduction(sentences, 0, title, None, current_own=True) is None


def test_pointing_opener_is_dropped_only_over_a_one_line_naming_nothing():
    sentences = ["We first collect instructions with a chat model.",
                 "By tuning on such collected data, we introduce Quokka: a sparse retriever for long documents."]
    assert title_introduction(sentences, 0, TITLE, "Quokka") == 1
    sentences[0] = "We develop a fast sparse retrieval method for long documents."  # names the title's words
    assert title_introduction(sentences, 0, TITLE, "Quokka") is None


def test_summary_drops_the_concession_before_the_authors():
    from digestgen.engines import get_engine, prose
    from digestgen.types import Paper

    abstract = ("Search engines rank billions of pages a day with large models. "
                "While this success is usually credited to scale, we show that small encoders are strong rankers "
                "when trained with hard negatives. "
                "Our 20M-parameter encoder matches a 1B model on two benchmarks with 50x less compute.")
    text = prose(get_engine("extractive").summarize(Paper(arxiv_id="2501.00002",
                                                          title="Small Encoders are Strong Rankers", abstract=abstract)))
    assert text.startswith("The authors show that small encoders are strong rankers"), text
