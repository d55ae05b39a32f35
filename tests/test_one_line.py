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
    sentences = ["Sparse retrieval is old.",
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
