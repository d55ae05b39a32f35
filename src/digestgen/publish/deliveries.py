"""The delivery log: an outbox in SQLite, so each notification is posted once and a failed one is
retried on the next run.

How the crash window is handled (between the server accepting a message and us
recording it): neither Slack webhooks nor Telegram's sendMessage take an idempotency
key, so no protocol can make that window safe, and we choose AT-MOST-ONCE. Every message
is planned first (its exact text stored with a key ``channel/kind/scope/day#part``, so a
re-run plans nothing new and re-renders nothing); just before sending, the row is marked
``sending`` and that mark is committed. Afterwards it becomes ``sent``, or ``failed`` when
the message certainly did not go out (no connection, 429, 5xx, a 4xx answer), which the
next run retries. A row still ``sending`` when a run starts means the last run died
mid-send: it becomes ``uncertain`` and is never re-sent automatically (a duplicate post to
a public channel cannot be taken back; a missing one is reported on every run until an
operator checks the channel and runs ``digestgen deliveries --resend KEY``). A read
timeout after the request left is treated the same way.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..config import user_dir
from ..store import Store
from .channels import SendError, redact, redacted_http_logs

DUE = ("pending", "failed")


def log_path_for(settings=None) -> Path:
    """The delivery log lives in digestgen's one SQLite store."""
    if settings is not None and hasattr(settings, "store_path"):
        return Path(settings.store_path())
    return user_dir() / "llm.sqlite"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class Delivery:
    key: str
    plan: str
    channel: str
    kind: str
    day: str
    part: int
    parts: int
    payload: str
    status: str
    attempts: int
    error: str | None

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "payload"}


_COLS = "key, plan, channel, kind, day, part, parts, payload, status, attempts, error"


class DeliveryLog:
    def __init__(self, path: str | Path | None = None):
        self.store = Store(path or log_path_for())
        self.db = self.store.db

    def close(self) -> None:
        self.store.close()

    def _rows(self, where: str = "1", args: tuple = ()) -> list[Delivery]:
        with self.store._lock:
            rows = self.db.execute(f"SELECT {_COLS} FROM deliveries WHERE {where} ORDER BY created, plan, part",
                                   args).fetchall()
        return [Delivery(*r) for r in rows]

    def plan(self, *, channel: str, kind: str, day: str, messages: list[str], scope: str = "", tag: str = "",
             status: str = "pending") -> bool:
        """Record the messages to send (once per channel/kind/scope/day[/tag]); False if already planned.

        ``status="skipped"`` records a deliberate decision not to send (``publish --no-notify``), so a
        later run does not send them either."""
        plan = "/".join([channel, kind, scope or "-", day] + ([tag] if tag else []))
        now = _now()
        with self.store._lock:
            if self.db.execute("SELECT 1 FROM deliveries WHERE plan=? LIMIT 1", (plan,)).fetchone():
                return False
            self.db.execute("BEGIN")
            try:
                for i, text in enumerate(messages, 1):
                    self.db.execute(
                        "INSERT INTO deliveries (key, plan, channel, kind, day, part, parts, payload, status,"
                        " attempts, error, created, updated) VALUES (?,?,?,?,?,?,?,?,?,0,NULL,?,?)",
                        (f"{plan}#{i}", plan, channel, kind, day, i, len(messages), text, status, now, now))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        return True

    def set(self, key: str, status: str, error: str | None = None, *, attempt: bool = False) -> None:
        with self.store._lock:
            self.db.execute(f"UPDATE deliveries SET status=?, error=?, updated=?"
                            f"{', attempts=attempts+1' if attempt else ''} WHERE key=?",
                            (status, error, _now(), key))

    def recover(self) -> list[Delivery]:
        """Rows a crashed run left ``sending``: now ``uncertain`` (at-most-once: not re-sent)."""
        stuck = self._rows("status='sending'")
        for d in stuck:
            self.set(d.key, "uncertain", "the run stopped while sending: check the channel, then "
                                         f"`digestgen deliveries --resend {d.key}` if it is missing")
        return stuck

    def due(self) -> list[Delivery]:
        return self._rows("status IN ('pending','failed')")

    def all(self, day: str | None = None) -> list[Delivery]:
        return self._rows("day=?", (day,)) if day else self._rows()

    def resend(self, key: str) -> bool:
        with self.store._lock:
            cur = self.db.execute("UPDATE deliveries SET status='pending', updated=? WHERE key=? "
                                  "AND status IN ('uncertain','failed')", (_now(), key))
        return cur.rowcount > 0


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)       # will be retried on the next run
    uncertain: list[str] = field(default_factory=list)    # needs an operator
    waiting: list[str] = field(default_factory=list)      # channel not configured now

    def summary(self) -> str:
        parts = [f"{len(self.sent)} sent"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed (retried next run)")
        if self.uncertain:
            parts.append(f"{len(self.uncertain)} uncertain")
        if self.waiting:
            parts.append(f"{len(self.waiting)} waiting for a channel")
        return ", ".join(parts)


def deliver(log: DeliveryLog, channels: list, *, attempts: int = 3, max_wait: float = 60.0,
            sleep: Callable[[float], None] = time.sleep, progress: Callable[[str], None] | None = None,
            timeout: float = 20.0) -> DeliveryReport:
    """Send every due message (this run's and earlier failures), in order within each plan."""
    import httpx

    report = DeliveryReport()
    by_name = {c.name: c for c in channels}
    secrets = [s for c in channels for s in c.secrets]
    say = progress or (lambda m: None)
    for d in log.recover():
        report.uncertain.append(d.key)
        say(f"delivery {d.key}: uncertain (a run stopped while sending it); not re-sent")
    blocked: set[str] = set()
    with redacted_http_logs(secrets), httpx.Client(timeout=timeout) as client:
        for d in log.due():
            chan = by_name.get(d.channel)
            if chan is None:
                report.waiting.append(d.key)
                continue
            if d.plan in blocked:  # an earlier part failed: keep the order, try again next run
                report.failed.append(d.key)
                continue
            log.set(d.key, "sending", attempt=True)  # committed before the request leaves
            outcome, error = "failed", None
            for n in range(1, attempts + 1):
                try:
                    chan.send(client, d.payload)
                    outcome, error = "sent", None
                    break
                except SendError as exc:
                    error = redact(str(exc), secrets)
                    if exc.uncertain:
                        outcome = "uncertain"
                        break
                    wait = exc.retry_after if exc.retry_after is not None else 0.5 * 2 ** (n - 1)
                    if not exc.retryable or n == attempts or wait > max_wait:
                        break
                    say(f"delivery {d.key}: {error}; retrying in {wait:g}s")
                    sleep(wait)
                except Exception as exc:  # a surprise mid-send: it may have gone out (at-most-once)
                    outcome, error = "uncertain", redact(f"{d.channel}: {type(exc).__name__}", secrets)
                    break
            log.set(d.key, outcome, error)
            getattr(report, outcome).append(d.key)
            if outcome != "sent":
                blocked.add(d.plan)
                say(f"delivery {d.key}: {outcome}: {error}")
    return report
