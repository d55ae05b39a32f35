"""Click parameter helpers shared by the command modules (cli.py and each subpackage's cli.py)."""

from __future__ import annotations

import datetime as dt

import click


def iso_date(ctx, param, value: str | None) -> dt.date | None:
    """A ``--date``-style option as a date; a malformed value is a usage error naming the expected form."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
