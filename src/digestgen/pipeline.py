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
from .engines import Engine, NoAbstract, get_engine, prose
from .engines.base import GenerationFailed
from .errors import EmptyDay
from .fetch import DayPapers, fetch_day
from .fetch import earlier_ids as archive_ids
from .store import Store
from .types import Digest, DigestRow, Finding, Paper
from .validate import RowCheck, ValidatorConfig, check_row, wrong_paper_findings

Progress = Callable[[str], None]

__all__ = ["RunResult", "arun_day", "abuild_digest", "default_out", "make_engine", "summarize_all",
           "summarize_paper"]


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
        if getattr(engine, "supports_reask", False):
            parts = await engine.asummarize(paper, check=check)
        else:
            parts = await engine.asummarize(paper)
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


async def summarize_all(papers: list[Paper], engine: Engine, *, progress: Progress | None = None,
                        config: ValidatorConfig | None = None) -> list[DigestRow]:
    """Every paper at once; the engine's own limiter bounds concurrency and rate. Order is kept."""
    done = 0

    async def one(paper: Paper) -> DigestRow:
        nonlocal done
        row = await summarize_paper(engine, paper, config)
        done += 1
        if progress:
            state = "needs attention" if row.needs_attention else (
                f"{len(row.errors)} error finding(s)" if row.errors else "ok")
            progress(f"[{done}/{len(papers)}] {paper.arxiv_id} {state}")
        return row

    tasks = [asyncio.ensure_future(one(p)) for p in papers]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    finally:
        await engine.aclose()


async def abuild_digest(day: DayPapers, engine: Engine, *, progress: Progress | None = None,
                        config: ValidatorConfig | None = None) -> Digest:
    """Every row summarised and checked (each alone, then against the day's other papers), status settled."""
    rows = await summarize_all(day.papers, engine, progress=progress, config=config)
    checks = [RowCheck(r.arxiv_id, r.title, r.authors, r.summary, row=i, abstract=p.abstract)
              for i, (r, p) in enumerate(zip(rows, day.papers), 1) if not r.needs_attention]
    for f in wrong_paper_findings(checks, config):
        rows[f.row - 1].findings.append(f.model_copy(update={"row": None}))
    rows = [r.model_copy(update={"abstract": p.abstract}).settled() for r, p in zip(rows, day.papers)]
    return Digest(date=day.date, rows=rows, skipped=sorted(day.skipped), skip_reasons=dict(day.skipped))


def make_engine(settings: Settings, name: str | None = None, **options) -> Engine:
    """The engine named (or the default one), with the endpoint settings for LLM engines."""
    name = name or settings.default_engine()
    if name == "openai":
        options.setdefault("model", settings.model or "gpt-4o-mini")
        if settings.openai_base_url:
            options.setdefault("base_url", settings.openai_base_url)
        if settings.openai_api_key:
            options.setdefault("api_key", settings.openai_api_key)
        # one set of limits: the prompt asks for the word range the validator checks (Settings)
        options.setdefault("min_words", settings.min_words)
        options.setdefault("max_words", settings.max_words)
    return get_engine(name, **{k: v for k, v in options.items() if v is not None})


@dataclass
class Estimate:
    arxiv_id: str
    tokens_in: int
    tokens_out: int
    cost: float


def estimate(papers: list[Paper], engine: Engine) -> list[Estimate]:
    """--dry-run: the first-attempt calls a run would make, without making them."""
    if not hasattr(engine, "estimate"):
        return []
    return [Estimate(p.arxiv_id, *engine.estimate(p)) for p in papers if p.abstract]


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
                   store: Store | None = None) -> RunResult:
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
                                 store=store)
    finally:
        if own_store and store is not None:
            store.close()
        lock.release()


async def _run_locked(day: dt.date, *, settings: Settings, offline: bool, eng: Engine, out: Path,
                      ids: list[str] | None, query: str | None, skip_seen: bool, progress: Progress | None,
                      batch: bool, poll_interval: float, store: Store) -> RunResult:
    cache = Cache(settings.cache_dir)
    if progress:
        progress(f"fetching {day} ({'offline, from ' + str(cache.root) if offline else 'live'})")
    seen = seen_before(settings, day, store) if skip_seen else {}
    papers = await asyncio.to_thread(fetch_day, day, cache=cache, offline=offline, ids=ids, query=query,
                                     seen=seen, skip_seen=skip_seen, settings=settings)
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
        progress(f"summarising {len(papers.papers)} papers with the {eng.name} engine")
    digest = await abuild_digest(papers, eng, progress=progress, config=settings.validator_config())
    model = getattr(eng.options, "model", None)
    digest = digest.model_copy(update={
        "run_id": new_run_id(), "engine": eng.name, "model": model, "prompt_hash": prompts.bundle_hash(),
        "generated_at": dt.datetime.now(dt.timezone.utc),
        "rows": [r.model_copy(update={"model": model}) for r in digest.rows]})
    save_digest(settings, digest, out, store=store)
    return RunResult(digest, out, papers.skipped, eng)
