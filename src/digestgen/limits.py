"""Client-side limits for LLM calls: max concurrent requests, requests per minute, tokens per minute.

Requests are spaced evenly (a leaky bucket per limit), so a day's calls flow at
the allowed rate instead of bursting into 429s. A 429 from the server pushes
every waiting request back by its Retry-After.
"""

from __future__ import annotations

import asyncio
import contextlib
import time


class Limiter:
    def __init__(self, concurrency: int = 8, rpm: float | None = None, tpm: float | None = None):
        """``None`` means no limit; zero or negative limits are refused (they used to mean "no limit" silently)."""
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, not {concurrency}")
        for name, value in (("rpm", rpm), ("tpm", tpm)):
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be positive (or None for no limit), not {value}")
        self.concurrency = concurrency
        self.rpm = rpm
        self.tpm = tpm
        self._next_request = 0.0
        self._next_tokens = 0.0
        self._sem: asyncio.Semaphore | None = None
        self._lock: asyncio.Lock | None = None
        self._loop = None

    def _ensure(self) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # asyncio primitives belong to one loop
            self._loop = loop
            self._sem = asyncio.Semaphore(self.concurrency)
            self._lock = asyncio.Lock()

    async def _wait_turn(self, tokens: int) -> None:
        assert self._lock is not None
        async with self._lock:
            now = time.monotonic()
            start = max(now, self._next_request, self._next_tokens)
            if self.rpm:
                self._next_request = start + 60.0 / self.rpm
            if self.tpm:
                self._next_tokens = start + 60.0 * tokens / self.tpm
        if start > now:
            await asyncio.sleep(start - now)

    @contextlib.asynccontextmanager
    async def slot(self, tokens: int = 0):
        """Hold one of the concurrent slots, starting no sooner than the rate limits allow."""
        self._ensure()
        assert self._sem is not None
        async with self._sem:
            await self._wait_turn(tokens)
            yield

    def penalize(self, seconds: float) -> None:
        """The server asked everyone to wait (429 Retry-After)."""
        until = time.monotonic() + seconds
        self._next_request = max(self._next_request, until)
