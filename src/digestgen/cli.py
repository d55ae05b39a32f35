"""The command line: thin over the library, errors as one line, heavy imports deferred."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .errors import DigestgenError, UsageError
from .cli_params import iso_date as _date




def _ids(value: str | None) -> list[str] | None:
    if not value:
        return None
    from .ids import canonical_id

    try:
        return [canonical_id(v) for v in value.replace(" ", ",").split(",") if v]
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _progress(msg: str) -> None:
    click.echo(msg, err=True)


_DEBUG = False


def _warn(msg: str) -> None:
    click.echo(f"warning: {msg}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="digestgen")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error, and debug logging.")
def cli(debug):
    """digestgen: fetch a day's AI papers, summarise, validate and render the digest."""
    global _DEBUG
    _DEBUG = debug
    if debug:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")




def _engine_options(model, concurrency, rpm, tpm, max_cost, max_reasks, timeout=None) -> dict:
    return {"model": model, "concurrency": concurrency, "rpm": rpm, "tpm": tpm, "max_cost": max_cost,
            "max_reasks": max_reasks, "timeout": timeout}


@cli.command()
@click.option("--date", "day", required=True, callback=_date, help="Digest day, YYYY-MM-DD.")
@click.option("--until", callback=_date, default=None, help="Last day of a range (backfill), YYYY-MM-DD.")
@click.option("--offline", is_flag=True, help="Use only cache/ for the paper sources (the LLM endpoint is separate).")
@click.option("--engine", default=None, help="Summary engine: extractive (default without an LLM) or openai.")
@click.option("--model", default=None, help="Model name for the openai engine (or DIGESTGEN_MODEL).")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Output file (default out/digests/YYYY/MM/DD.md).")
@click.option("--ids", default=None, help="Comma-separated arXiv ids instead of the HF daily list.")
@click.option("--query", default=None, help="An arXiv query instead of the HF daily list.")
@click.option("--include-seen", is_flag=True, help="Keep papers already in an earlier day's digest.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Cache folder (default cache/).")
@click.option("--concurrency", type=click.IntRange(min=1), default=None,
              help="Max concurrent LLM requests (default 8).")
@click.option("--rpm", type=click.FloatRange(min=0, min_open=True), default=None, help="LLM requests per minute.")
@click.option("--tpm", type=click.FloatRange(min=0, min_open=True), default=None, help="LLM tokens per minute.")
@click.option("--max-cost", type=click.FloatRange(min=0), default=None,
              help="Stop before the run's LLM cost would exceed this (USD).")
@click.option("--max-reasks", type=click.IntRange(min=0), default=None, help="Validation re-asks per paper (default 2).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one LLM answer may take (default 60, or DIGESTGEN_LLM_TIMEOUT).")
@click.option("--deadline", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds allowed for summarising each day; unfinished rows are marked failed (or DIGESTGEN_DEADLINE).")
@click.option("--dry-run", is_flag=True, help="Print the LLM calls, tokens and estimated cost; call nothing.")
@click.option("--batch", is_flag=True, help="Send first attempts through the OpenAI Batch API (backfills).")
@click.option("--json", "as_json", is_flag=True, help="Print the run's result as JSON (rows, statuses, calls, cost, path).")
def run(day, until, offline, engine, model, out, ids, query, include_seen, cache_dir, concurrency, rpm, tpm,
        max_cost, max_reasks, timeout, deadline, dry_run, batch, as_json):
    """Fetch, summarise, validate and write one day's digest (or each day of a range); prints the path."""
    from pathlib import Path

    import asyncio

    from .config import Settings
    from .pipeline import arun_day, make_engine

    settings = Settings.load()
    if cache_dir:
        settings.cache_dir = Path(cache_dir)
    days = [day] if until is None else [day + dt.timedelta(n) for n in range((until - day).days + 1)]
    if not days:
        raise UsageError("--until is before --date")
    if out and len(days) > 1:
        raise UsageError("--out names one file: use it with a single --date")
    from .llm import LLMError

    eng = make_engine(settings, engine, warn=_warn,
                      **_engine_options(model, concurrency, rpm, tpm, max_cost, max_reasks, timeout))
    if batch and eng.model_name is None:
        raise UsageError(f"--batch sends LLM requests through the Batch API; the {eng.name} engine makes none")
    if dry_run:
        _dry_run(settings, eng, days, offline, ids, query, not include_seen)
        return
    status = 0
    report: list[dict] = []
    for d in days:
        try:
            result = asyncio.run(arun_day(d, settings=settings, offline=offline, engine=eng,
                                          out=Path(out) if out else None, ids=_ids(ids), query=query,
                                          skip_seen=not include_seen, progress=_progress, batch=batch,
                                          deadline=deadline))
        except DigestgenError as exc:
            if len(days) == 1 or isinstance(exc, LLMError):  # an endpoint or budget stop ends every day
                raise
            click.echo(f"error: {d}: {exc}", err=True)
            status = max(status, exc.exit_code)
            report.append({"date": d.isoformat(), "error": str(exc), "exit_status": exc.exit_code})
            continue
        rows = result.digest.rows
        for r in result.needs_attention + result.marked:
            codes = ", ".join(sorted({f.code for f in r.errors} or {f.code for f in r.findings}))
            click.echo(f"{r.status.replace('_', ' ')}: {r.arxiv_id} {r.title[:60]} ({codes})", err=True)
        click.echo(f"{len(rows)} rows, {len(result.marked)} marked for review, "
                   f"{len(result.needs_attention)} need attention", err=True)
        if not as_json:
            click.echo(str(result.path))
        # 0 only when every row passes; 3: written, but some row needs review or attention (the same rule as
        # `daily`'s publish gate, publish.view.row_ok: a row goes out unmarked only when its status is "ok")
        day_status = 3 if any(r.status != "ok" for r in rows) else 0
        status = max(status, day_status)
        report.append(_day_json(result, day_status))
    totals = eng.totals()
    if totals is not None:
        click.echo(f"LLM: {totals['api_calls']} calls, {totals['cache_hits']} cache hits, {totals['tokens_in']} "
                   f"tokens in, {totals['tokens_out']} tokens out, ${totals['cost']:.4f}", err=True)
    if as_json:
        click.echo(json.dumps({"engine": eng.name, "days": report, "llm": totals, "exit_status": status},
                              indent=1, ensure_ascii=False))
    sys.exit(status)


def _day_json(result, status: int) -> dict:
    d = result.digest
    return {"date": d.date.isoformat(), "path": str(result.path), "exit_status": status,
            "rows": [{"arxiv_id": r.arxiv_id, "title": r.title, "status": r.status,
                      "codes": sorted({f.code for f in r.findings}),
                      "reasons": [f.message for f in r.errors]} for r in d.rows],
            "skipped": result.skipped}


def _dry_run(settings, eng, days, offline, ids, query, skip_seen) -> None:
    from .cache import Cache
    from .digests import open_store
    from .fetch import fetch_day
    from .pipeline import estimate, seen_before

    total_in = total_out = 0
    total_cost = 0.0
    calls = 0
    store = open_store(settings)
    for d in days:
        seen = seen_before(settings, d, store) if skip_seen else {}
        papers = fetch_day(d, cache=Cache(settings.cache_dir), offline=offline, ids=_ids(ids), query=query,
                           seen=seen, skip_seen=skip_seen, settings=settings)
        for e in estimate(papers.papers, eng):
            click.echo(f"{d} {e.arxiv_id:<11} {e.tokens_in:>5} tokens in, ~{e.tokens_out} out, ${e.cost:.5f}")
            total_in += e.tokens_in
            total_out += e.tokens_out
            total_cost += e.cost
            calls += 1
    store.close()
    from .costs import known

    model = eng.model_name
    note = "" if model is None or known(model) else f" (no price for {model!r} in prices.toml)"
    click.echo(f"dry run: {calls} calls, {total_in} tokens in, ~{total_out} out, estimated ${total_cost:.4f}{note}; "
               "re-asks would add to this")


@cli.command()
@click.option("--date", "day", callback=_date, default=None, help="Day of the HF daily list, YYYY-MM-DD.")
@click.option("--ids", default=None, help="Comma-separated arXiv ids.")
@click.option("--query", default=None, help="An arXiv query, e.g. 'cat:cs.CL AND submittedDate:[...]'.")
@click.option("--offline", is_flag=True, help="Read only from cache/.")
@click.option("--json", "as_json", is_flag=True, help="Print the papers as JSON lines.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None)
def fetch(day, ids, query, offline, as_json, cache_dir):
    """Fetch papers into cache/ without summarising them."""
    from pathlib import Path

    from .cache import Cache
    from .config import Settings
    from .fetch import fetch_day

    if not (day or ids or query):
        raise UsageError("fetch needs --date, --ids or --query")
    settings = Settings.load()
    cache = Cache(Path(cache_dir) if cache_dir else settings.cache_dir)
    result = fetch_day(day or dt.date.today(), cache=cache, offline=offline, ids=_ids(ids), query=query,
                       skip_seen=False, settings=settings)
    for p in result.papers:
        if as_json:
            click.echo(p.model_dump_json())
        else:
            flag = "  [no arXiv metadata]" if p.arxiv_id in result.failed else "" if p.abstract else "  [no abstract]"
            click.echo(f"{p.arxiv_id}  {p.title}{flag}")
    click.echo(f"{len(result.papers)} papers in {cache.root}", err=True)
    if result.failed:  # a partial fetch: those papers' records are not in the cache (exit 3, as run's partial day)
        click.echo(f"error: {len(result.failed)} paper(s) without arXiv metadata ({next(iter(result.failed.values()))}); "
                   "fetch again to retry", err=True)
        sys.exit(3)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@click.option("--abstracts", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A dataset JSONL with arxiv_id, title, abstract: enables faithfulness checks.")
@click.option("--min-words", type=click.IntRange(min=0), default=None,
              help="Fewest words in a summary (default: Settings' min_words, 60).")
@click.option("--max-words", type=click.IntRange(min=0), default=None,
              help="Most words in a summary (default: Settings' max_words, 250).")
def validate(paths, as_json, abstracts, min_words, max_words):
    """Check digest files (or folders of them).

    Exit 0: no error findings; 1: error findings; 2: bad usage (a missing path, no digest files found);
    4: some files could not be read (one line each on stderr; the rest were checked).
    """
    from .config import Settings
    from .dataset import load_abstracts
    from .validate import ValidatorConfig, digest_files, validate_paths

    if min_words is None or max_words is None:  # one set of limits: the same ones `run` asks the model for
        settings = Settings.load()
        min_words = settings.min_words if min_words is None else min_words
        max_words = settings.max_words if max_words is None else max_words
    if min_words > max_words:
        raise UsageError(f"--min-words {min_words} is more than --max-words {max_words}")
    try:
        if not digest_files(list(paths)):
            raise UsageError(f"no digest files (*.md) in {', '.join(paths)}")
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or folder: {exc}") from None
    report = validate_paths(list(paths), abstracts=load_abstracts(abstracts) if abstracts else None,
                            config=ValidatorConfig(min_words=min_words, max_words=max_words))
    for u in report.unreadable:
        click.echo(f"error: {u.file}: {u.reason}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=1, ensure_ascii=False))
    else:
        last = None
        for f in report.findings:
            if f.file != last:
                click.echo(click.style(f.file or "?", bold=True))
                last = f.file
            where = f"row {f.row:>3}" if f.row else "file   "
            click.echo(f"  {where} {f.arxiv_id or '':<11} {f.severity:<7} {f.code}: {f.message}")
        counts = ", ".join(f"{k}={v}" for k, v in report.counts.items()) or "no findings"
        click.echo(f"{report.files} files, {report.rows} rows: {counts}"
                   + (f"; {len(report.unreadable)} unreadable" if report.unreadable else ""))
    sys.exit(4 if report.unreadable else 1 if report.has_errors else 0)


@cli.command("eval")
@click.option("--dataset", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Dataset JSONL with abstracts and reference summaries.")
@click.option("--engine", default=None, help="Engine to evaluate (default: the configured one).")
@click.option("--model", default=None, help="Model for the openai engine.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Folder for report.md, plots and rows.jsonl.")
@click.option("--judge", default=None, help="Also score with an LLM judge (model name on the configured endpoint).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Only the first N rows.")
def eval_cmd(dataset, engine, model, as_json, out, judge, limit):
    """Score generated rows against the reference summaries, with baselines."""
    import asyncio
    from pathlib import Path

    from .config import Settings
    from .dataset import load_dataset
    from .evaluate import arun_eval, make_judge, write_report
    from .pipeline import make_engine

    settings = Settings.load()
    rows = load_dataset(dataset)[:limit]
    if not rows:
        raise DigestgenError("nothing to score: " + ("--limit 0" if limit == 0 else f"{dataset} has no rows"))
    eng = make_engine(settings, engine, warn=_warn, model=model)
    result = asyncio.run(arun_eval(rows, eng, judge=make_judge(judge, settings=settings) if judge else None))
    if result.get("skipped"):
        shown = ", ".join(f"{s['arxiv_id']} ({s['reason']})" for s in result["skipped"][:10])
        more = f" and {len(result['skipped']) - 10} more" if len(result["skipped"]) > 10 else ""
        click.echo(f"not scored: {len(result['skipped'])} rows: {shown}{more}", err=True)
    if out:
        for p in write_report(result, Path(out)):
            click.echo(f"wrote {p}", err=True)
    if as_json:
        keys = ("n", "engine", "metrics", "baselines", "judge")
        click.echo(json.dumps({k: result[k] for k in keys if k in result}, indent=1))
    else:
        m = result["metrics"]
        click.echo(f"{result['engine']} on {result['n']} rows: " + ", ".join(
            f"{k} {v:.3f}" for k, v in m.items()))
        for b, v in result["baselines"].items():
            click.echo(f"  {b:<8} " + ", ".join(f"{k} {x:.3f}" for k, x in v.items()))


# The capabilities' commands live in their subpackages; each module imports only click at load time.
from .review.cli import review as _review  # noqa: E402

cli.add_command(_review)
from .qa.cli import ask as _qa_ask, chat as _qa_chat, eval_qa as _qa_eval  # noqa: E402  (light: click only)

cli.add_command(_qa_ask)
cli.add_command(_qa_chat)
cli.add_command(_qa_eval)
from .publish import cli as _publish_cli  # noqa: E402  (click and nothing heavy)

cli.add_command(_publish_cli.daily)
cli.add_command(_publish_cli.publish)
cli.add_command(_publish_cli.select_cmd)
cli.add_command(_publish_cli.deliveries)


def redact(text: str) -> str:
    """Error lines never show a key or URL credentials (imported only when there is an error to print)."""
    from .llm.redact import redact as _redact

    return _redact(text)


def main(argv=None) -> None:
    try:
        cli.main(args=argv, standalone_mode=False)
        sys.exit(0)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        click.echo(f"error: {redact(exc.format_message())}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except DigestgenError as exc:
        if _DEBUG:
            import traceback

            traceback.print_exc()
        click.echo(f"error: {redact(' '.join(str(exc).split()))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the catch-all: one line, never a traceback (unless --debug)
        if _DEBUG:
            import traceback

            traceback.print_exc()
        detail = redact(" ".join(str(exc).split()))[:300]
        click.echo(f"error: unexpected {type(exc).__name__}{': ' + detail if detail else ''} "
                   "(run with --debug for the traceback)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
