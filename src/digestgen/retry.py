"""The network retry layer: which failures are worth another try, and how long to wait.

Shared by every network client (sources now, the LLM engine later). Validation
re-asks are a separate layer and live with the engines.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time

log = logging.getLogger("digestgen.retry")

RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


class RetryableHTTP(Exception):
    """A response worth retrying (429, 5xx...), with the server's Retry-After if it sent one."""

    def __init__(self, url: str, status: int, retry_after: float | None = None, detail: str = ""):
        self.url = url
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"HTTP {status} from {url}{': ' + detail if detail else ''}")


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class BackoffWait:
    """A tenacity ``wait`` callable: Retry-After when the server sent one, else exponential with jitter."""

    def __init__(self, initial: float = 1.0, maximum: float = 60.0, jitter: float = 0.5, cap_retry_after: float = 120.0):
        self.initial = initial
        self.maximum = maximum
        self.jitter = jitter
        self.cap_retry_after = cap_retry_after

    def __call__(self, retry_state) -> float:  # tenacity.RetryCallState
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            return min(float(retry_after), self.cap_retry_after)
        base = min(self.maximum, self.initial * (2 ** (retry_state.attempt_number - 1)))
        return base * (1 + random.uniform(0, self.jitter))


def log_before_sleep(retry_state) -> None:
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    wait = retry_state.next_action.sleep if retry_state.next_action else 0
    log.warning("retrying in %.1fs after attempt %d: %s", wait, retry_state.attempt_number, exc)
