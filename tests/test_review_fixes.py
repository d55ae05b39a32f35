"""Defects found in the final read of the quality11-15 change, each on sentences written for this file."""
from digestgen.content_checks import content_hits
from digestgen.engines.contribution import _unGerund, costly_goal
from digestgen.engines.extractive import goal_source, own_voice_start
from digestgen.engines.rewrite import third_base
from digestgen.glue import introduce_names
from digestgen.text import split_sentences


def test_third_person_base_forms():
    assert [third_base(w) for w in ("focuses", "biases", "does", "uses", "applies", "pushes", "replaces", "passes")] \
        == ["focus", "bias", "do", "use", "apply", "push", "replace", "pass"]


def test_gerund_bases_keep_a_double_consonant_of_the_base():
    assert [_unGerund(w) for w in ("adding", "passing", "labelling", "modelling", "spelling", "planning")] == \
        ["add", "pass", "label", "model", "spell", "plan"]


def test_the_papers_own_method_is_no_costly_practice():
    assert costly_goal("The proposed method introduces additional overhead.") is None
    assert costly_goal("However, this two-stage pipeline incurs significant additional latency.") == \
        "reduce the latency of the two-stage pipeline"


def test_goal_source_matches_whole_words():
    sentences = ["Models generate x y z fairly.", "We aim to rate x y z fairly."]
    assert goal_source("to rate x y z fairly", sentences) == 1  # not sentence 0's "generate x y z"


def test_the_us_is_not_the_authors():
    assert own_voice_start(["Most US hospitals store scans.", "We train Foo on them."]) == 1


def test_a_name_only_inside_a_longer_token_is_left_alone():
    abstract = "We study Dynamic Gaussian Splatting (DGS) for scenes."
    assert introduce_names(["We train 4DGS on scenes."], "T", abstract) == ["We train 4DGS on scenes."]


def test_hyphenated_initials_do_not_end_a_sentence():
    assert split_sentences("The method of J.-P. Sartre works. It is old.") == \
        ["The method of J.-P. Sartre works.", "It is old."]
    assert len(split_sentences("We test on MME-P. AI agents fail there.")) == 2


def test_compare_with_is_only_a_warning():
    summary = ("This paper studies Foo. The main research objective is to rank two variants. The key methodology "
               "involves ablations. Primary results show that the two variants compare with each other closely, "
               "within 2%. AI practitioners can pick either variant.")
    hits = [h for h in content_hits("Foo", summary, None) if h.code == "fluency:compare_to"]
    assert hits and all(h.severity == "warning" for h in hits)
