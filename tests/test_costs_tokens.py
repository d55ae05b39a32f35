"""Prices and token counts against hand-computed values (not the code's own formula)."""

import pytest

from digestgen.costs import cost, known


def test_cost_by_hand():
    # gpt-4o-mini: $0.15 per 1M tokens in, $0.60 per 1M out (prices.toml).
    # 1,000 in + 500 out = 0.000150 + 0.000300 = $0.000450; the Batch API halves it: $0.000225.
    assert cost("gpt-4o-mini", 1000, 500) == pytest.approx(0.00045)
    assert cost("gpt-4o-mini", 1000, 500, batch=True) == pytest.approx(0.000225)
    # gpt-4o: $2.50 / $10.00: 2M in + 1M out = $5 + $10 = $15
    assert cost("gpt-4o", 2_000_000, 1_000_000) == pytest.approx(15.0)


def test_prices_file_comes_from_settings(tmp_path, monkeypatch):
    table = tmp_path / "p.toml"
    table.write_text('[models."my-model"]\ninput = 1.0\noutput = 3.0\n')
    assert not known("my-model")
    monkeypatch.setenv("DIGESTGEN_PRICES", str(table))
    assert known("my-model") and not known("gpt-4o-mini")
    assert cost("my-model", 500_000, 100_000) == pytest.approx(0.5 + 0.3)


def test_token_counts_by_hand():
    from digestgen.tokens import count, encoding

    # the published encodings of "hello world": cl100k_base [15339, 1917], o200k_base [24912, 2375]
    assert encoding("cl100k_base").encode("hello world") == [15339, 1917]
    assert encoding("o200k_base").encode("hello world") == [24912, 2375]
    assert count("hello world", "gpt-4o-mini") == 2
    assert count("", "gpt-4o-mini") == 0
