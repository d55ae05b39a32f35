"""What can go wrong with an LLM call, sorted by how far it reaches.

* :class:`CallFailed`: this one call (this paper) failed: a 400, a refusal, transport
  retries used up, a timeout. The pipeline marks the row and carries on.
* :class:`EndpointError`: the endpoint cannot be used at all (401/403/404, unreachable,
  quota): the run stops with one line saying what to fix.
* :class:`BudgetExceeded`: the next call would pass ``--max-cost``: the run stops.
* :class:`PriceUnknown`: ``--max-cost`` was asked for a model without a price (bad usage).
"""

from __future__ import annotations

from ..errors import DigestgenError, UsageError


class LLMError(DigestgenError):
    """Base class of every LLM client error; the message is one line, already redacted."""


class CallFailed(LLMError):
    """One call failed for a reason that concerns this request only."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


class EndpointError(LLMError):
    """The endpoint cannot be used (no key, unreachable, refuses, no such model, no quota)."""


class BudgetExceeded(LLMError):
    """The next call would take the run past --max-cost."""


class PriceUnknown(UsageError):
    """--max-cost cannot be enforced for a model that has no price."""
