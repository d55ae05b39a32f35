"""Prices per model (``prices.toml``, editable; ``DIGESTGEN_PRICES`` points at another file)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path


@functools.lru_cache(maxsize=4)
def _table(path: str) -> dict[str, dict[str, float]]:
    return tomllib.loads(Path(path).read_text()).get("models", {})


def prices() -> dict[str, dict[str, float]]:
    from .config import current

    return _table(str(current().prices_file or Path(__file__).with_name("prices.toml")))


def known(model: str) -> bool:
    return model in prices()


def cost(model: str, tokens_in: int, tokens_out: int, *, batch: bool = False) -> float:
    """USD for one call; 0.0 for a model without a price."""
    p = prices().get(model)
    if not p:
        return 0.0
    usd = (tokens_in * p.get("input", 0.0) + tokens_out * p.get("output", 0.0)) / 1e6
    return usd / 2 if batch else usd
