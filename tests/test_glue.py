"""Glue classes (quality4): frames that fit their clause, and glue_defects on rows written for the test (not dev rows)."""

import pytest

from digestgen.glue import about_own_work, frame_fits, glue_defects

CLEAN = ("This paper introduces Lark, a small learned cache for phones. The main research objective is to reduce the "
         "latency of language models on phones. The key methodology involves storing attention keys in flash memory "
         "with a learned eviction rule. Primary results show that Lark cuts latency by 35% on four phones. The "
         "principal implication for AI practitioners is that the cache lets small teams serve models without a server.")


def test_a_clean_row_has_no_glue_defect():
    assert glue_defects(CLEAN) == []


@pytest.mark.parametrize("role,clause,fits", [
    # objective: "is to" + a verb phrase
    ("objective", "reduce the latency of language models.", True),
    ("objective", "enhance the reasoning of small models.", True),  # "-ance" does not make "enhance" a noun
    ("objective", "segment objects from spoken descriptions.", True),
    ("objective", "the latency of language models on phones.", False),  # a noun phrase
    ("objective", "efficient caching for phones.", False),
    ("objective", "improved caches.", False),
    # methodology: "involves" + a gerund or noun phrase, not an outcome
    ("methodology", "storing keys in flash memory.", True),
    ("methodology", "a two-stage cache with a learned eviction rule.", True),
    ("methodology", "achieving 35% lower latency on phones.", False),
    ("methodology", "showing that caches help.", False),
    # results: "show that" + a clause with its own subject that reports an outcome
    ("results", "Lark cuts latency by 35% on four phones.", True),
    ("results", "while small caches help, large ones hurt.", True),  # a subordinate clause reads well after "that"
    ("results", "unlike earlier caches, which evict at random, Lark keeps hot keys.", False),  # fronted contrast
    ("results", "thanks to its flash store, the authors reach 2x speed.", False),
    ("results", "the authors train Lark on four phones.", False),  # an action, not an outcome
    ("results", "Lark is designed for plug-and-play use on phones.", False),  # a design statement
    ("results", "Lark consists of two stores and a router.", False),
    ("results", "Lark achieves 2x speed and uses half the memory.", True),  # an outcome comes first
    # implication: "is that" + a clause, not an action of the authors nor a fronted participle phrase
    ("implication", "the cache lets small teams serve models on phones.", True),
    ("implication", "they can serve models on phones without a server.", True),  # "they": the practitioners
    ("implication", "using flash memory cuts serving cost.", True),  # a gerund subject
    ("implication", "using flash memory, the authors cut serving cost.", False),  # a participle phrase + actor
    ("implication", "the authors focus on phones.", False),
    ("implication", "this paper conducted a pilot study on phones.", False),
    ("implication", "this paper releases its code and weights.", False),  # a release notice
    ("implication", "this work provides a cache that small teams can deploy.", True),
])
def test_frame_fits(role, clause, fits):
    assert frame_fits(role, clause) is fits


def test_a_secondary_finding_opens_no_row():    # "also" in the opening sentence points at a finding the row never states; later in the row it may point back
    assert "glue:sequence" in glue_defects(CLEAN.replace("This paper introduces Lark, a small learned cache",
                                                           "The authors find that Lark also serves as a cache"))
    assert glue_defects(CLEAN.replace("Lark cuts latency", "Lark also cuts latency")) == []
    assert glue_defects(CLEAN.replace("a small learned cache", "not only a small but also a learned cache")) == []


def test_background_is_not_about_the_papers_own_work():
    assert about_own_work("the proposed cache lets small teams serve models.")
    assert about_own_work("the framework lets small teams serve models.")
    assert about_own_work("Lark lets small teams serve models.", name="Lark")
    assert not about_own_work("humans can name the sources of sounds they hear.")
    assert not about_own_work("listeners can place sounds and their sources in space.")
    assert about_own_work("the latent cycle in their method can be of any length.")
    assert not about_own_work("existing caches have not kept pace with model size.")


@pytest.mark.parametrize("code,old,new", [
    ("glue:frame_fit", "Primary results show that Lark cuts",
     "Primary results show that unlike earlier caches, Lark cuts"),
    ("glue:frame_fit", "Primary results show that Lark cuts latency by 35% on four phones.",
     "Primary results show that Lark is designed for phones with little memory."),
    ("glue:frame_fit", "The main research objective is to reduce the latency",
     "The main research objective is to the latency"),
    ("glue:stacked_frame", "Primary results show that Lark cuts",
     "Primary results show that thanks to flash memory, Lark cuts"),
    ("glue:stacked_frame", "Primary results show that Lark cuts",
     "Primary results show that the experiments show that Lark cuts"),
    ("glue:sequence", "Primary results show that", "Finally, primary results show that"),
    ("glue:sequence", "Primary results show that Lark cuts latency by 35% on four phones.",
     "Moreover, Lark cuts latency by 35% on four phones."),
    ("glue:sequence", "The key methodology involves storing attention keys in flash memory with a learned eviction "
     "rule.", "The authors finally store attention keys in flash memory."),  # the last step of steps never stated
    ("glue:dangling_definite", "The key methodology involves storing attention keys in flash memory with a learned "
     "eviction rule.", "The Router sends each key to a store."),
    ("glue:dangling_definite", "on four phones", "on four phones, which confirms the hypothesis"),
    ("glue:dangling_reference", "The main research objective", "These limitations matter. The main research objective"),
    ("glue:first_person", "storing attention keys", "storing our attention keys"),
    ("glue:first_person", "This paper introduces", "We introduce"),
    ("glue:latex", "by 35%", r"by 35\%"),
    ("glue:latex", "on four phones", r"on $4\times$ phones"),
    ("glue:markdown", "Lark, a small", "**Lark**, a small"),
    ("glue:markdown", "flash memory", "`flash` memory"),
    ("glue:spacing", "small learned cache", "small learning - based cache"),
    ("glue:spacing", "on phones. The key", "on phones-without a server. The key"),
    ("glue:spacing", "by 35%", "by 35% -- a large gain --"),
    ("glue:spacing", "on four phones.", "on four phones ."),
    ("glue:spacing", "on four phones.", "on four phones.,"),
    ("glue:spacing", "on four phones.", "on four phones (see Table 2."),
    ("glue:spacing", "a small learned cache", 'a small "learned cache'),
    ("glue:agreement", "a small learned cache for phones", "a small diffusion models"),
    ("glue:agreement", "a learned eviction rule", "an learned eviction rule"),
    ("glue:agreement", "reduce the latency of language models", "reduce the latency and models performance"),
])
def test_glue_defects_find_each_class(code, old, new):
    assert old in CLEAN
    row = CLEAN.replace(old, new, 1)
    assert code in glue_defects(row), (code, row)


@pytest.mark.parametrize("row", [
    # an abbreviation before a comma, a subordinate clause after "that", an ordered sequence, "a set of" + plural,
    # a defined hypothesis, a word-internal hyphen, a gerund subject
    CLEAN.replace("on four phones.", "on four phones (e.g., Pixel 8)."),
    CLEAN.replace("Primary results show that Lark", "Primary results show that while caches help, Lark"),
    CLEAN.replace("The key methodology involves storing", "The authors first store keys, then the key methodology "
                  "involves storing"),
    CLEAN.replace("on four phones.", "on a set of phones and a range of models."),
    CLEAN.replace("on four phones.", "on four phones, supporting the hypothesis that flash is fast enough."),
    CLEAN.replace("small learned cache", "small state-of-the-art cache"),
    CLEAN.replace("the cache lets", "using the cache lets"),
    CLEAN.replace("This paper introduces", 'This paper asks "can we cache keys?" and introduces'),

])
def test_glue_defects_leave_good_prose_alone(row):
    assert glue_defects(row) == []


@pytest.mark.parametrize("text,sentences", [
    # the closing bracket or quote after the full stop stays with its sentence (it used to be dropped)
    ("Lark wins (see Table 2.) The cache is small.", ["Lark wins (see Table 2.)", "The cache is small."]),
    ('The authors call it "cache-first." Then they test it.', ['The authors call it "cache-first."',
                                                               "Then they test it."]),
    # typographic quotes close a sentence too
    ("They call it “slow thinking.” The model plans.", ["They call it “slow thinking.”", "The model plans."]),
    ("It is ‘fast.’ Next it fails.", ["It is ‘fast.’", "Next it fails."]),
    # abbreviations and decimals still do not end a sentence
    ("Lark beats caches, e.g. Ark, by 3.5 points. Done.", ["Lark beats caches, e.g. Ark, by 3.5 points.", "Done."]),
])
def test_sentence_split_keeps_closing_marks(text, sentences):
    from digestgen.text import split_sentences

    assert split_sentences(text) == sentences


def test_fix_agreement():
    from digestgen.glue import fix_agreement

    assert fix_agreement("It trades memory for models performance.") == "It trades memory for models' performance."
    assert fix_agreement("It helps a few-step diffusion models.") == "It helps few-step diffusion models."
    # a possessive already there, a verb after the plural, a singular owner: unchanged
    for ok in ("It trades memory for models' performance.", "The models perform well.", "Model performance rises."):
        assert fix_agreement(ok) == ok
