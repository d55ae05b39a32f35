"""Commands: ``daily``, ``publish``, ``select``, ``deliveries`` (registered in digestgen.cli)."""

from __future__ import annotations

import json
import sys

import click

from ..errors import UsageError


def _progress(msg: str) -> None:
    click.echo(msg, err=True)


def _settings():
    from ..config import Settings

    return Settings.load()


def _day(settings, value: str):
    from .dates import resolve_date

    return resolve_date(value, settings.timezone)


def _profiles(paths):
    from .profiles import load_profile

    profiles = [load_profile(p) for p in paths]
    names = [p.name for p in profiles]
    if len(set(names)) != len(names):
        raise UsageError(f"two profiles share a name ({', '.join(names)}): each digest needs its own")
    return profiles or [None]


@click.command()
@click.option("--date", "date_", default="today", show_default=True,
              help="today, tomorrow, yesterday or YYYY-MM-DD, in the configured timezone (DIGESTGEN_TIMEZONE).")
@click.option("--profile", "profiles", multiple=True, type=click.Path(dir_okay=False),
              help="A selection profile (TOML); repeat for several digests. None: the whole HF list.")
@click.option("--offline", is_flag=True, help="Use only cache/ for the paper sources.")
@click.option("--force", is_flag=True, help="Redo a day that was already published (or drafted).")
@click.option("--review/--no-review", default=None,
              help="Stop at drafts for an editor (default: DIGESTGEN_REVIEW, on). --no-review publishes a day "
                   "whose rows all pass.")
@click.option("--engine", default=None, help="Summary engine (default: the configured one).")
@click.option("--explain", is_flag=True, help="Print why each paper was kept or dropped.")
@click.option("--json", "as_json", is_flag=True, help="The result as one JSON line instead of the summary line.")
def daily(date_, profiles, offline, force, review, engine, explain, as_json):
    """The unattended day: fetch, select, generate, validate; publish or stop at drafts; notify.

    Exit status: 0 published (or already), 3 waiting for review, 4 no papers today, 1 failed, 2 bad usage.
    """
    import asyncio

    from .daily import adaily

    settings = _settings()
    day = _day(settings, date_)
    worst = None
    for profile in _profiles(profiles):
        res = asyncio.run(adaily(settings, day, profile=profile, offline=offline, force=force, review=review,
                                 engine=engine, explain=(lambda line: click.echo(line)) if explain else None,
                                 progress=_progress))
        click.echo(json.dumps(res.as_json()) if as_json else res.line)
        # several digests: the status that needs the most attention wins (failure > review > none > published)
        rank = {0: 0, 4: 1, 3: 2, 1: 3}
        if worst is None or rank.get(res.exit_code, 3) > rank.get(worst, 3):
            worst = res.exit_code
    sys.exit(worst or 0)


@click.command()
@click.option("--date", "date_", default=None, help="The day to publish (today, yesterday, YYYY-MM-DD...).")
@click.option("--rebuild", is_flag=True, help="Re-render the whole site from the archive's JSON files.")
@click.option("--profile", default=None, type=click.Path(dir_okay=False), help="The profile whose digest this is.")
@click.option("--no-notify", is_flag=True, help="Publish without posting to the channels.")
def publish(date_, rebuild, profile, no_notify):
    """Publish an approved day through every target (archive, index, HTML, feeds, notifications)."""
    from . import rebuild as do_rebuild
    from .daily import notify, plan_reader_notifications, scoped

    settings = _settings()
    prof = _profiles([profile] if profile else [])[0]
    s = scoped(settings, prof)
    if rebuild == bool(date_):
        raise UsageError("publish needs --date D or --rebuild (one of them)")
    if rebuild:
        files = do_rebuild(s)
        click.echo(f"rebuilt {len(set(files))} files from {len({f for f in files if f.suffix == '.json'})} days "
                   f"in {s.publish_dir}")
        return
    from . import publish_day
    from .daily import open_log

    day = _day(s, date_)
    digest = _final_digest(s, day)
    scope = prof.name if prof else ""
    if no_notify:  # recorded as skipped, so that no later run posts the day after all
        log = open_log(s)
        try:
            plan_reader_notifications(log, s, digest, scope, skip=True)
        finally:
            log.close()
    res = publish_day(s, digest, scope=scope)
    _record_published(s, digest, res.path)
    note = "; notifications: skipped" if no_notify else f"; notifications: {notify(s, _progress)}"
    click.echo(f"published {day}: {len(digest.rows)} papers -> {res.path}{note}")


def _record_published(settings, digest, path) -> None:
    """Tell the review app what went out, so its page can say when a later edit makes it out of date."""
    try:
        from ..review.gate import record_published
    except ImportError:
        return
    record_published(settings, digest, path)


class _Refused(UsageError):
    exit_code = 1


def _final_digest(settings, day):
    """The review gate decides; without the review package, the draft goes out only if every row passes."""
    try:
        from ..review.gate import PublishRefused, final_digest
    except ImportError:
        from .daily import _load_draft, all_rows_pass, draft_path

        draft = _load_draft(draft_path(settings, day))
        if draft is None:
            raise _Refused(f"refused: no draft for {day} in {settings.out_dir} (run `digestgen daily` first)")
        if not all_rows_pass(draft):
            raise _Refused(f"refused: {day} has rows that did not pass validation and no review app to approve them")
        return draft
    try:
        return final_digest(settings, day)
    except PublishRefused as exc:
        raise _Refused(f"refused: {exc}") from None


@click.command("select")
@click.option("--date", "date_", default="today", show_default=True)
@click.option("--profile", required=True, type=click.Path(dir_okay=False))
@click.option("--offline", is_flag=True)
@click.option("--json", "as_json", is_flag=True)
def select_cmd(date_, profile, offline, as_json):
    """Show which of a day's papers a profile keeps, and why (nothing is generated)."""
    from .daily import decisions_json, list_day
    from .profiles import select

    settings = _settings()
    day = _day(settings, date_)
    prof = _profiles([profile])[0]
    papers = list_day(settings, day, offline)
    decisions = select(papers.papers, prof)
    if as_json:
        click.echo(json.dumps(decisions_json(decisions), indent=1))
    else:
        for pid, why in papers.skipped.items():
            click.echo(f"{'drop':<8} {pid:<11} {why}")
        for d in decisions:
            click.echo(d.line())
        click.echo(f"{sum(d.kept for d in decisions)} of {len(decisions)} kept by {prof.name}", err=True)


@click.command()
@click.option("--date", "date_", default=None, help="Only this day's deliveries.")
@click.option("--resend", "resend", multiple=True, help="Send an uncertain or failed delivery again (its key).")
@click.option("--send", is_flag=True, help="Send everything due now (failed ones are retried).")
@click.option("--json", "as_json", is_flag=True)
def deliveries(date_, resend, send, as_json):
    """The delivery log: what was sent where, what failed, what is uncertain."""
    from .daily import notify, open_log

    settings = _settings()
    log = open_log(settings)
    try:
        for key in resend:
            if not log.resend(key):
                raise UsageError(f"no uncertain or failed delivery {key!r}")
        rows = log.all(_day(settings, date_).isoformat() if date_ else None)
    finally:
        log.close()
    if send or resend:
        click.echo(f"notifications: {notify(settings, _progress)}", err=True)
        log = open_log(settings)
        try:
            rows = log.all(_day(settings, date_).isoformat() if date_ else None)
        finally:
            log.close()
    if as_json:
        click.echo(json.dumps([d.as_json() for d in rows], indent=1))
        return
    for d in rows:
        click.echo(f"{d.key:<48} {d.status:<10} tries {d.attempts}" + (f"  {d.error}" if d.error else ""))
    if not rows:
        click.echo("no deliveries", err=True)
