"""``digestgen review``: serve the review page for a day, or print its audit trail."""

from __future__ import annotations

import datetime as dt
import json
import secrets

import click

from ..errors import UsageError
from ..cli_params import iso_date as _date




def print_log(db, day: dt.date, as_json: bool) -> None:
    entries = db.audit(day)
    if as_json:
        click.echo(json.dumps([e.to_json() for e in entries], indent=1, ensure_ascii=False))
        return
    if not entries:
        click.echo(f"no review activity for {day}", err=True)
    for e in entries:
        what = e.arxiv_id or "(day)"
        state = f" {e.old_state}->{e.new_state}" if e.old_state != e.new_state else ""
        click.echo(f"{e.ts}  {e.editor:<14} {e.action:<10} {what:<11}{state}  {e.detail or ''}".rstrip())
        if e.old_text is not None and e.old_text != e.new_text:
            click.echo(f"    old: {e.old_text}")
            click.echo(f"    new: {e.new_text}")


@click.command()
@click.option("--date", "day", required=True, callback=_date, help="Digest day, YYYY-MM-DD.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--editor", default=None, help="Your name in the audit log (default: DIGESTGEN_EDITOR or USER).")
@click.option("--token", default=None, help="Access token; required with a non-loopback --host.")
@click.option("--allow-host", "allow_hosts", multiple=True,
              help="Extra Host header value to accept (the name you reach a non-loopback server by).")
@click.option("--log", "show_log", is_flag=True, help="Print the day's audit trail and exit.")
@click.option("--json", "as_json", is_flag=True, help="With --log: the audit trail as JSON.")
def review(day, host, port, editor, token, allow_hosts, show_log, as_json):
    """Review a day's drafts in the browser: edit, approve, reject, regenerate, revert, publish."""
    from ..config import Settings
    from .app import ReviewConfig, create_app, is_loopback
    from .state import ReviewDB, open_day

    if as_json and not show_log:
        raise UsageError("--json goes with --log (the audit trail as JSON)")
    settings = Settings.load()
    db = ReviewDB.for_settings(settings)
    if show_log:
        if not db.has_day(day):
            open_day(settings, day, db)  # a day never generated: one clear line
        print_log(db, day, as_json)
        return
    if not is_loopback(host) and not token:
        raise UsageError(f"--host {host} is reachable from other machines: pass --token SECRET "
                         f"(e.g. --token {secrets.token_urlsafe(16)})")
    name = editor or settings.review_editor or _login_name()
    config = ReviewConfig(day=day, editor=name, bind_host=host, token=token, allowed_hosts=list(allow_hosts))
    app = create_app(settings, config, db=db)
    import socket

    import uvicorn

    try:  # a clear line instead of uvicorn's log when the port is taken
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None

    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/" + (f"?token={token}" if token else "")
    rows = db.rows(day)
    click.echo(f"reviewing {day}: {len(rows)} rows, editor {name}; open {url} (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "editor"
