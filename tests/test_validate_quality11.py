"""quality11's validator checks (paraphrase.py, slips.py) on sentences written for these tests."""
from __future__ import annotations

from digestgen.content_checks import CODES, content_hits
from digestgen.paraphrase import content_stems, stem
from digestgen.text import split_sentences

TITLE = "Foldr: Folding Key-Value Caches for Long Streams"
ONE = "Foldr folds the key-value cache of a transformer to cut memory use during long-stream decoding."
OBJ = "The main research objective is to keep decoding quality while the cache grows with the stream."
METH = "The key methodology merges adjacent cache entries whose keys are similar and keeps a residual for each merge."
RES = "Primary results show that Foldr cuts cache memory by 61% with a 0.4-point drop in perplexity on PG-19."


def codes(summary: str, title: str = TITLE) -> set[str]:
    return {h.code for h in content_hits(title, summary) if h.severity == "error"}


def row(implication: str, results: str = RES, methodology: str = METH) -> str:
    return " ".join([ONE, OBJ, methodology, results, implication])


# --- the stemmer ------------------------------------------------------------------------------------------------------

def test_stem_folds_inflections_and_derivations():
    assert stem("stability") == stem("stable")
    assert stem("integrated") == stem("integration") == stem("integrating")
    assert stem("dynamically") == stem("dynamic")
    assert stem("decoupling") == stem("decouples")
    assert stem("memory") != stem("merge")


def test_content_stems_leave_out_the_practitioner_wrapper():
    assert content_stems("AI practitioners can leverage this framework to build more effective systems") == {
        stem("build")}


# --- implication:paraphrase ---------------------------------------------------------------------------------------

def test_paraphrase_of_the_one_line_in_other_word_forms_is_flagged():
    # the opener's point (folding the cache cuts memory in long-stream decoding), inflected and wrapped
    imp = ("AI practitioners can use Foldr to achieve lower memory usage by folding transformer key-value caches "
           "when decoding long streams.")
    assert "implication:paraphrase" in codes(row(imp))


def test_takeaway_that_adds_a_practical_angle_passes():
    imp = ("AI practitioners serving chat assistants on a single 24 GB GPU can fit about twice as many concurrent "
           "sessions, at the price of a small perplexity loss they should check on their own traffic.")
    assert "implication:paraphrase" not in codes(row(imp))


def test_short_implication_is_not_judged():
    assert "implication:paraphrase" not in codes(row("AI practitioners can fold caches."))


# --- slips --------------------------------------------------------------------------------------------------------

def test_frame_without_article():
    bad = row("Principal implication is that AI practitioners serving chat assistants can fit twice the sessions.")
    assert "fluency:frame_article" in codes(bad)
    colon = row("Principal implication for AI practitioners: serving chat assistants can fit twice the sessions.")
    assert "fluency:frame_article" in codes(colon)
    method = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
                 methodology="Key methodology involves merging adjacent cache entries whose keys are similar.")
    assert "fluency:frame_article" in codes(method)


def test_frame_with_article_or_plural_passes():
    good = row("The principal implication is that AI practitioners serving chat assistants can fit twice the "
               "sessions on one GPU.", results=RES.replace("Primary results show", "Key results show"))
    assert "fluency:frame_article" not in codes(good)


def test_compare_to_for_compared_to():
    bad = row("AI practitioners serving chat assistants can fit twice the sessions, reducing memory costs compare to "
              "full caches.")
    assert "fluency:compare_to" in warnings(bad)  # a warning: "the two variants compare with each other" is English


def test_compare_to_as_a_verb_passes():
    question = row("AI practitioners should ask how folded caches compare to paged caches on their own traffic.")
    assert "fluency:compare_to" not in codes(question)
    verb = row("AI practitioners serving chat assistants can fit twice the sessions; they can compare with paged "
               "caches on their own traffic.")
    assert "fluency:compare_to" not in codes(verb)


def test_chi_square_with_latin_x():
    bad = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
              results="Primary results show that users preferred Foldr's answers, x²(2) = 7.3, in 61% of sessions.")
    assert "fluency:garbled_statistic" in codes(bad)
    good = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
               results="Primary results show that users preferred Foldr's answers, χ²(2) = 7.3, in 61% of sessions.")
    assert "fluency:garbled_statistic" not in codes(good)


def test_sentence_opening_with_a_number():
    bad = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
              results="12 of 15 annotators preferred Foldr's answers, and memory fell by 61%.")
    assert "fluency:numeral_opener" in codes(bad)
    name = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
               results="3DFold cuts memory by 61% on PG-19 with a 0.4-point perplexity drop.")
    assert "fluency:numeral_opener" not in codes(name)


def test_codes_are_registered():
    for code in ("implication:paraphrase", "fluency:frame_article", "fluency:compare_to", "fluency:garbled_statistic",
                 "fluency:numeral_opener"):
        assert code in CODES


# --- the sentence splitter: a hyphenated name ending in a capital ends its sentence ---------------------------------

def test_name_ending_in_a_capital_ends_the_sentence():
    assert split_sentences("Scores rose on MME-P. AI practitioners can use it.") == [
        "Scores rose on MME-P.", "AI practitioners can use it."]
    assert split_sentences("The study by J. Smith found it.") == ["The study by J. Smith found it."]


# --- implication:solution_claim (a warning) --------------------------------------------------------------------------

def warnings(summary: str) -> set[str]:
    return {h.code for h in content_hits(TITLE, summary) if h.severity == "warning"}


def test_the_work_called_a_robust_solution_is_a_warning():
    imp = "AI practitioners can use Foldr as a robust and scalable solution for long-stream serving."
    assert "implication:solution_claim" in warnings(row(imp))
    assert "implication:solution_claim" not in codes(row(imp))  # not an error: readers pass some of these


def test_a_solution_without_evaluative_words_passes():
    imp = "AI practitioners serving chat assistants can fit twice the sessions, a solution when GPUs are scarce."
    assert "implication:solution_claim" not in warnings(row(imp))


# --- editorial_aside --------------------------------------------------------------------------------------------------

def test_reviewer_note_on_the_paper_is_flagged():
    aside = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
                methodology=METH[:-1] + ", though the paper does not specify how similar two keys must be.")
    assert "editorial_aside" in codes(aside)
    unclear = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU. It is unclear "
                  "whether the residuals are stored in half precision.")
    assert "editorial_aside" in codes(unclear)


def test_a_paper_that_reports_what_others_do_not_passes():
    ok = row("AI practitioners serving chat assistants can fit twice the sessions on one GPU.",
             results=RES[:-1] + ", where prior caches do not report memory at all.")
    assert "editorial_aside" not in codes(ok)
