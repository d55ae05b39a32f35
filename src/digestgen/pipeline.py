"""``digestgen run``: fetch a day, summarise each paper, validate every row, store and write the digest.

Async throughout: :func:`arun_day` is the entry point (the CLI is the only place that calls
``asyncio.run``), so a web app or a scheduler can run days inside its own event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import prompts
from .cache import Cache
from .config import Settings
from .digests import OutputLock, default_out, earlier_ids, new_run_id, open_store, save_digest
from .engines import Engine, NoAbstract, prose
from .engines.base import GenerationFailed
from .llm.errors import CallFailed
from .errors import EmptyDay
from .fetch import DayPapers, afetch_day
from .fetch import earlier_ids as archive_ids
from .store import Store
from .types import Digest, DigestRow, Finding, Paper
from .validate import RowCheck, ValidatorConfig, check_row, wrong_paper_findings

Progress = Callable[[str], None]

__all__ = ["RunResult", "arun_day", "abuild_digest", "default_out", "make_engine", "metadata_failed_row",
           "summarize_all", "summarize_paper"]


@dataclass
class RunResult:
    digest: Digest
    path: Path | None
    skipped: dict[str, str] = field(default_factory=dict)
    engine: Engine | None = None

    @property
    def run_id(self) -> str | None:
        return self.digest.run_id

    @property
    def marked(self) -> list[DigestRow]:
        """Rows the markdown marks ``NEEDS REVIEW``."""
        return [r for r in self.digest.rows if r.status == "needs_review"]

    @property
    def needs_attention(self) -> list[DigestRow]:
        return [r for r in self.digest.rows if r.status == "needs_attention"]


def _row_findings(paper: Paper, text: str, config: ValidatorConfig | None) -> list[Finding]:
    return check_row(RowCheck(paper.arxiv_id, paper.title, paper.authors, text, abstract=paper.abstract), config)


async def summarize_paper(engine: Engine, paper: Paper, config: ValidatorConfig | None = None) -> DigestRow:
    """One row: the engine's summary in house prose, with the validator's findings attached.

    Engines that can re-ask get the validator as ``check``: its error findings (and
    nothing else) go back to the model. A final failure keeps the last answer, marked.
    """
    base = dict(arxiv_id=paper.arxiv_id, title=paper.title, authors=paper.authors, engine=engine.name)
    seen: dict[str, list[Finding]] = {}  # text -> findings: the accepted answer is not validated twice

    def findings_for(text: str) -> list[Finding]:
        if text not in seen:
            seen[text] = _row_findings(paper, text, config)
        return seen[text]

    def check(parts) -> list[str]:
        return [f"{f.code}: {f.message}" for f in findings_for(prose(parts)) if f.severity == "error"]

    try:
        parts = await engine.asummarize(paper, check=check)
    except CallFailed as exc:
        return failed_row(engine, paper, exc.reason)
    except NoAbstract:
        finding = Finding(code="no_abstract", severity="warning", arxiv_id=paper.arxiv_id,
                          message="no abstract from arXiv: no summary generated, an editor must write it")
        return DigestRow(**base, summary="", findings=[finding], status="needs_attention")
    except GenerationFailed as exc:
        text = prose(exc.summary) if exc.summary else " ".join(exc.last_text.split())
        findings = list(findings_for(text)) if exc.summary else []
        findings.append(Finding(code="generation_failed", severity="error", arxiv_id=paper.arxiv_id,
                                message=f"still failing after {exc.attempts} attempts: {'; '.join(exc.problems)}"[:500]))
        return DigestRow(**base, summary=text or "(empty answer)", parts=exc.summary, findings=findings)
    text = prose(parts)
    return DigestRow(**base, summary=text, parts=parts, findings=list(findings_for(text)))


def failed_row(engine: Engine, paper: Paper, reason: str) -> DigestRow:
    """The row of a paper whose LLM call failed: kept in the day, ``llm_failed`` with the reason, for an editor."""
    reason = " ".join(reason.split())[:300]
    finding = Finding(code="llm_failed", severity="error", arxiv_id=paper.arxiv_id,
                      message=f"the LLM call failed: {reason}")
    return DigestRow(arxiv_id=paper.arxiv_id, title=paper.title, authors=paper.authors, engine=engine.name,
                     summary="", findings=[finding], status="needs_attention")


async def summarize_all(papers: list[Paper], engine: Engine, *, progress: Progress | None = None,
                        config: ValidatorConfig | None = None, deadline: float | None = None) -> list[DigestRow]:
    """Every paper at once; the engine's own limiter bounds concurrency and rate. Order is kept.

    ``deadline`` (seconds) bounds the whole day: papers still unanswered then get an
    ``llm_failed`` row ("timed out") and the rest of the day is kept. An error that
    concerns the whole run (endpoint, budget) cancels the other papers and is raised.
    """
    done = 0

    def report(paper: Paper, row: DigestRow) -> None:
        nonlocal done
        done += 1
        if progress:
            state = "needs attention" if row.needs_attention else (
                f"{len(row.errors)} error finding(s)" if row.errors else "ok")
            progress(f"[{done}/{len(papers)}] {paper.arxiv_id} {state}")

    async def one(paper: Paper) -> DigestRow:
        row = await summarize_paper(engine, paper, config)
        report(paper, row)
        return row

    tasks = [asyncio.ensure_future(one(p)) for p in papers]
    try:
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=deadline, return_when=asyncio.FIRST_EXCEPTION)
            for t in tasks:
                if t.done() and not t.cancelled() and t.exception() is not None:
                    raise t.exception()
            for t in pending:
                t.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        rows = []
        for paper, t in zip(papers, tasks):
            if t.cancelled():
                row = failed_row(engine, paper, f"timed out: the run's deadline of {deadline:g}s passed first")
                report(paper, row)
            else:
                row = t.result()
            rows.append(row)
        return rows
    except BaseException:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    finally:
        await engine.aclose()


def metadata_failed_row(engine: Engine, paper: Paper, reason: str) -> DigestRow:
    """The row of a paper whose arXiv metadata could not be fetched: not summarised (title, authors and
    abstract are unconfirmed), ``metadata_failed`` with the reason, for an editor or a re-run."""
    reason = " ".join(reason.split())[:300]
    finding = Finding(code="metadata_failed", severity="error", arxiv_id=paper.arxiv_id,
                      message=f"the arXiv metadata could not be fetched ({reason})")
    return DigestRow(arxiv_id=paper.arxiv_id, title=paper.title, authors=paper.authors, engine=engine.name,
                     summary="", findings=[finding], status="needs_attention")


async def abuild_digest(day: DayPapers, engine: Engine, *, progress: Progress | None = None,
                        config: ValidatorConfig | None = None, deadline: float | None = None) -> Digest:
    """Every row summarised and checked (each alone, then against the day's other papers), status settled.

    Papers whose metadata could not be fetched (``day.failed``) are not summarised: each keeps its place
    as a ``metadata_failed`` row.
    """
    failed = {p.arxiv_id: day.failed[p.arxiv_id] for p in day.papers if p.arxiv_id in day.failed}
    if progress:
        for pid, why in failed.items():
            progress(f"needs attention: {pid}: the arXiv metadata could not be fetched ({why})")
    todo = [p for p in day.papers if p.arxiv_id not in failed]
    summarised = iter(await summarize_all(todo, engine, progress=progress, config=config, deadline=deadline))
    rows = [metadata_failed_row(engine, p, failed[p.arxiv_id]) if p.arxiv_id in failed else next(summarised)
            for p in day.papers]
    checks = [RowCheck(r.arxiv_id, r.title, r.authors, r.summary, row=i, abstract=p.abstract)
              for i, (r, p) in enumerate(zip(rows, day.papers), 1) if not r.needs_attention]
    for f in wrong_paper_findings(checks, config):
        rows[f.row - 1].findings.append(f.model_copy(update={"row": None}))
    rows = [r.model_copy(update={"abstract": p.abstract}).settled() for r, p in zip(rows, day.papers)]
    return Digest(date=day.date, rows=rows, skipped=sorted(day.skipped), skip_reasons=dict(day.skipped))


def make_engine(settings: Settings, name: str | None = None, *, warn: Callable[[str], None] | None = None,
                **options) -> Engine:
    """The engine named (or the default one), given the settings and options its Options declare.

    Endpoint settings (model, base URL, key) and the one set of word limits go to any engine
    whose Options declare them; options it does not declare are dropped with one warning.
    """
    from .engines import build_engine

    return build_engine(settings, name, warn=warn, **options)


@dataclass
class Estimate:
    arxiv_id: str
    tokens_in: int
    tokens_out: int
    cost: float


def estimate(papers: list[Paper], engine: Engine) -> list[Estimate]:
    """--dry-run: the first-attempt calls a run would make, without making them."""
    found = [(p, engine.estimate(p)) for p in papers if p.abstract]
    return [Estimate(p.arxiv_id, *e) for p, e in found if e is not None]


def seen_before(settings: Settings, day: dt.date, store: Store) -> dict[str, dt.date]:
    """Papers already in an earlier day's digest: the store's, plus any external archive folders configured."""
    seen = earlier_ids(store, day)
    if settings.archive_dirs:
        for pid, first in archive_ids(list(settings.archive_dirs), day).items():
            seen[pid] = min(first, seen.get(pid, first))
    return seen


async def arun_day(day: dt.date, *, settings: Settings | None = None, offline: bool = False,
                   engine: str | Engine | None = None, out: Path | None = None, ids: list[str] | None = None,
                   query: str | None = None, skip_seen: bool = True, progress: Progress | None = None,
                   engine_options: dict | None = None, batch: bool = False, poll_interval: float = 10.0,
                   store: Store | None = None, deadline: float | None = None) -> RunResult:
    """Fetch, summarise, validate, store and write one day's digest (the markdown + JSON pair).

    The output's lock is taken first: a second run of the same file waits up to
    ``settings.lock_timeout`` seconds or refuses with one line, and taking it proves the folder
    is writable before anything is fetched or spent. Nothing is written for an empty day.
    """
    settings = settings or Settings.load()
    out = Path(out) if out else default_out(settings, day)
    lock = OutputLock(out)
    waited = 0.0
    while not lock.try_acquire():
        if waited >= settings.lock_timeout:
            raise lock.locked_error(waited)
        if progress and not waited:
            progress(f"waiting for another run writing {out}")
        await asyncio.sleep(0.2)
        waited += 0.2
    own_store = store is None
    try:
        eng = engine if isinstance(engine, Engine) else make_engine(settings, engine, **(engine_options or {}))
        store = store or open_store(settings)
        return await _run_locked(day, settings=settings, offline=offline, eng=eng, out=out, ids=ids, query=query,
                                 skip_seen=skip_seen, progress=progress, batch=batch, poll_interval=poll_interval,
                                 store=store, deadline=deadline if deadline is not None else settings.run_deadline)
    finally:
        if own_store and store is not None:
            store.close()
        lock.release()


async def _run_locked(day: dt.date, *, settings: Settings, offline: bool, eng: Engine, out: Path,
                      ids: list[str] | None, query: str | None, skip_seen: bool, progress: Progress | None,
                      batch: bool, poll_interval: float, store: Store, deadline: float | None = None) -> RunResult:
    cache = Cache(settings.cache_dir)
    if progress:
        progress(f"fetching {day} ({'offline, from ' + str(cache.root) if offline else 'live'})")
    seen = seen_before(settings, day, store) if skip_seen else {}
    papers = await afetch_day(day, cache=cache, offline=offline, ids=ids, query=query, seen=seen,
                              skip_seen=skip_seen, settings=settings)
    for pid, why in papers.skipped.items():
        if progress:
            progress(f"skipped {pid}: {why}")
    if not papers.papers:
        raise EmptyDay(f"no papers for {day}: nothing written")
    if batch:
        from .batch import prefill

        try:
            await prefill(eng, papers.papers, poll_interval=poll_interval, progress=progress)
        finally:
            await eng.aclose()
    if progress:
        todo = len(papers.papers) - len(papers.failed)
        progress(f"summarising {todo} papers with the {eng.name} engine"
                 + (f" ({len(papers.failed)} without arXiv metadata: marked for attention)" if papers.failed else ""))
    digest = await abuild_digest(papers, eng, progress=progress, config=settings.validator_config(),
                                 deadline=deadline)
    model = eng.model_name
    digest = digest.model_copy(update={
        "run_id": new_run_id(), "engine": eng.name, "model": model, "prompt_hash": prompts.bundle_hash(),
        "generated_at": dt.datetime.now(dt.timezone.utc),
        "rows": [r.model_copy(update={"model": model}) for r in digest.rows]})
    save_digest(settings, digest, out, store=store)
    return RunResult(digest, out, papers.skipped, eng)
