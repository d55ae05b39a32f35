"""``--date today|tomorrow|yesterday|YYYY-MM-DD``, in the configured timezone."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from ..errors import UsageError

RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}


def zone(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown timezone {name!r}: use an IANA name such as UTC or Europe/Paris "
                         "(DIGESTGEN_TIMEZONE)") from None


def resolve_date(value: str, tz: str = "UTC", *, now: Callable[[], dt.datetime] | None = None) -> dt.date:
    """The calendar day ``value`` names, as seen from timezone ``tz`` at ``now()``."""
    text = value.strip().lower()
    if text in RELATIVE:
        current = (now or (lambda: dt.datetime.now(dt.timezone.utc)))()
        if current.tzinfo is None:
            raise ValueError("now() must be timezone-aware")
        return current.astimezone(zone(tz)).date() + dt.timedelta(days=RELATIVE[text])
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{value!r} is not a date: use today, tomorrow, yesterday or YYYY-MM-DD") from None
