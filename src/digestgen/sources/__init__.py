"""Paper sources: each one answers from the network or from cache/, through the same parsing code."""

from .base import Source

__all__ = ["Source"]
