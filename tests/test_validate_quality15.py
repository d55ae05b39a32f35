"""quality15 checks (echo_checks.py) on sentences written for these tests (not dev or archive rows)."""
from digestgen.content_checks import content_hits

TITLE = "Lumos: Sparse Lighting Estimation for Indoor Photographs"


def codes(summary: str, title: str = TITLE) -> set[str]:
    return {h.code for h in content_hits(title, summary) if h.severity == "error"}


ECHO_ROW = ("Lumos estimates sparse indoor lighting from single photographs with a light transformer. "
            "The main research objective is to estimate sparse indoor lighting from single photographs with a light "
            "transformer while keeping shadows consistent across views. "
            "The key methodology trains a transformer on 40K rendered rooms with a shadow-consistency loss. "
            "Primary results show a 23% lower angular error than the best baseline on the HDR-Rooms benchmark. "
            "For AI practitioners, relighting pipelines can drop the per-scene HDR capture step.")

DISTINCT_ROW = ("Lumos estimates sparse indoor lighting from single photographs with a light transformer. "
                "The main research question is whether a handful of point lights can explain the shading of a "
                "cluttered room well enough for virtual object insertion. "
                "The key methodology trains a transformer on 40K rendered rooms with a shadow-consistency loss. "
                "Primary results show a 23% lower angular error than the best baseline on the HDR-Rooms benchmark. "
                "For AI practitioners, relighting pipelines can drop the per-scene HDR capture step.")


def test_objective_containing_the_one_line_again_is_flagged():
    assert "objective:echoes_one_line" in codes(ECHO_ROW)


def test_objective_with_its_own_question_is_not_flagged():
    assert "objective:echoes_one_line" not in codes(DISTINCT_ROW)


LABELLED = ("i) This paper introduces Lumos, a light transformer for sparse indoor lighting estimation. "
            "ii) The main objective is to recover a few point lights from one photograph. "
            "iii) The methodology trains on 40K rendered rooms. "
            "iv) Primary results show a 23% lower angular error than the best baseline. "
            "v) For AI practitioners, relighting pipelines can drop the per-scene HDR capture step.")


def test_roman_section_labels_are_flagged():
    assert "structure:list_labels" in codes(LABELLED)


def test_letter_section_labels_are_flagged():
    row = LABELLED
    for old, new in (("iii)", "c)"), ("ii)", "b)"), ("iv)", "d)"), ("v)", "e)"), ("i)", "a)")):
        row = row.replace(old + " ", new + " ", 1)
    assert row.startswith("a) ") and "structure:list_labels" in codes(row)


def test_inline_enumeration_inside_a_sentence_is_prose():
    row = ("Lumos estimates sparse indoor lighting from single photographs with a light transformer. "
           "The main research question is whether a few point lights explain a room's shading. "
           "The method works in two stages: (1) it detects light sources, and (2) it refines their intensities "
           "with a shadow loss; ii) is not a label here. "
           "Primary results show a 23% lower angular error than the best baseline on HDR-Rooms. "
           "For AI practitioners, relighting pipelines can drop the per-scene HDR capture step.")
    assert "structure:list_labels" not in codes(row)


def test_a_single_leading_marker_is_not_a_template():
    row = "a) " + DISTINCT_ROW
    assert "structure:list_labels" not in codes(row)


def warnings(summary: str) -> set[str]:
    return {h.code for h in content_hits(TITLE, summary) if h.severity == "warning"}


def test_implication_repeating_the_comparison_is_a_warning():
    row = DISTINCT_ROW.replace("For AI practitioners, relighting pipelines can drop the per-scene HDR capture step.",
                               "For AI practitioners, Lumos offers a more accurate way to estimate indoor lighting "
                               "compared to existing regression methods.")
    assert "implication:comparative_verdict" in warnings(row)
    assert "implication:comparative_verdict" not in codes(row)


def test_implication_with_its_own_point_has_no_comparative_warning():
    assert "implication:comparative_verdict" not in warnings(DISTINCT_ROW)
