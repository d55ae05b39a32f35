import pytest

from digestgen.content_checks import CODES as CONTENT_CODES
from digestgen.engines import NoAbstract, get_engine, prose
from digestgen.engines.extractive import house_voice
from digestgen.numbers import unsupported_numbers
from digestgen.validate import RowCheck, check_row
from digestgen.types import Paper


def test_house_voice_rewrites_first_person():
    assert house_voice("In this paper, we propose X, which our team built.") == "This paper proposes X, which its team built."
    assert house_voice("We study Y.") == "The authors study Y."
    assert house_voice("To bridge the gap, we introduce Z.") == "This paper introduces Z."
    assert house_voice("In contrast to prior work, we propose Z and introduce W.") == "This paper proposes Z and introduces W."
    assert house_voice(r"We reach 2.15 FID at $256\times256$ with \textbf{Z}~(ours).") == \
        "The authors reach 2.15 FID at 256×256 with Z."


def test_objective_phrasing():
    from digestgen.engines.rewrite import objective_text as _objective

    assert _objective("We study whether gradients reflect correctness.") == (
        "The main research objective is to study whether gradients reflect correctness.")
    assert _objective("This work aims to reduce latency in serving.") == (
        "The main research objective is to reduce latency in serving.")


def test_no_abstract_is_never_summarised():
    with pytest.raises(NoAbstract):
        get_engine("extractive").summarize(Paper(arxiv_id="2502.16645", title="CODESYNC", abstract=None))


def test_deterministic_faithful_and_complete_on_the_dev_set(dev_rows, dev_prose):
    engine = get_engine("extractive")
    n = 0
    for r in dev_rows:
        if not r.abstract:
            continue
        a = dev_prose[r.arxiv_id]  # written earlier in the session by another engine instance
        b = prose(engine.summarize(r.paper()))
        assert a == b
        assert unsupported_numbers(a, f"{r.title}\n{r.abstract}") == [], r.arxiv_id
        assert " we " not in f" {a.lower()} ", (r.arxiv_id, a)
        # the content_checks glue codes (quality4) still fire on a few rows: a strict xfail in
        # test_validate_content.py tracks them until the engine stops making those seams
        glue = {f.code for f in check_row(RowCheck(r.arxiv_id, r.title, ["x"], a, abstract=r.abstract))
                if (f.code.startswith("glue:") and f.code not in CONTENT_CODES) or f.code == "unrelated_part"}
        assert glue == set(), (r.arxiv_id, glue, a)
        n += 1
    assert n == 34


def test_results_carry_a_number_when_the_abstract_has_one():
    p = Paper(arxiv_id="2401.00001", title="T", abstract=(
        "Large models are slow. We propose FastThing, a caching method. "
        "Experiments show FastThing is 3.2x faster on 4 benchmarks. This enables cheaper serving."))
    s = get_engine("extractive").summarize(p)
    assert "3.2x" in s.results
