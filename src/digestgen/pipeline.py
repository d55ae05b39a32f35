"""``digestgen run``: fetch a day, summarise each paper, validate every row, render, write atomically."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .cache import Cache, atomic_write
from .config import Settings
from .engines import Engine, NoAbstract, prose
from .engines.base import GenerationFailed
from .llm.errors import CallFailed
from .errors import EmptyDay
from .fetch import DayPapers, fetch_day
from .render import render_digest
from .types import Digest, DigestRow, Finding, Paper
from .validate import RowCheck, ValidatorConfig, check_row, wrong_paper_findings

LLM_FAILED_TEXT = ("NEEDS ATTENTION: the LLM call for this paper failed ({reason}), so no summary was generated; "
                   "re-run to retry (answers already received are cached), or an editor must write this row.")
NO_ABSTRACT_TEXT = ("NEEDS ATTENTION: arXiv returned no abstract for this paper, so no summary was generated; "
                    "an editor must write this row.")

Progress = Callable[[str], None]


@dataclass
class RunResult:
    digest: Digest
    path: Path | None
    skipped: dict[str, str] = field(default_factory=dict)
    engine: Engine | None = None

    @property
    def marked(self) -> list[DigestRow]:
        return [r for r in self.digest.rows if r.errors]

    @property
    def needs_attention(self) -> list[DigestRow]:
        return [r for r in self.digest.rows if r.needs_attention]


def default_out(settings: Settings, day: dt.date) -> Path:
    return settings.out_dir / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.md"


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
        return DigestRow(**base, summary=NO_ABSTRACT_TEXT, findings=[finding], needs_attention=True)
    except GenerationFailed as exc:
        text = prose(exc.summary) if exc.summary else " ".join(exc.last_text.split())
        findings = list(findings_for(text)) if exc.summary else []
        findings.append(Finding(code="generation_failed", severity="error", arxiv_id=paper.arxiv_id,
                                message=f"still failing after {exc.attempts} attempts: {'; '.join(exc.problems)}"[:500]))
        return DigestRow(**base, summary=text or "(empty answer)", parts=exc.summary, findings=findings)
    text = prose(parts)
    return DigestRow(**base, summary=text, parts=parts, findings=list(findings_for(text)))


def failed_row(engine: Engine, paper: Paper, reason: str) -> DigestRow:
    """The row of a paper whose LLM call failed: kept in the day, marked with ``llm_failed`` and the reason."""
    reason = " ".join(reason.split())[:300]
    finding = Finding(code="llm_failed", severity="error", arxiv_id=paper.arxiv_id,
                      message=f"the LLM call failed: {reason}")
    return DigestRow(arxiv_id=paper.arxiv_id, title=paper.title, authors=paper.authors, engine=engine.name,
                     summary=LLM_FAILED_TEXT.format(reason=reason), findings=[finding], needs_attention=True)


def mark(row: DigestRow) -> DigestRow:
    """Rows with error findings say so in the digest itself: nothing is silently published."""
    codes = sorted({f.code for f in row.errors})
    if not codes or row.needs_attention:
        return row
    return row.model_copy(update={"summary": f"NEEDS REVIEW ({', '.join(codes)}): {row.summary}",
                                  "needs_attention": True})


async def summarize_all(papers: list[Paper], engine: Engine, *, progress: Progress | None = None,
                        config: ValidatorConfig | None = None, deadline: float | None = None) -> list[DigestRow]:
    """Every paper at once; the engine's own limiter bounds concurrency and rate. Order is kept.

    ``deadline`` (seconds) bounds the whole day: papers still unanswered then get an
    ``llm_failed`` row ("timed out") and the rest of the day is kept.
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
            for t in tasks:  # a run-stopping error (endpoint, budget) ends the day
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


def build_digest(day: DayPapers, engine: Engine, *, progress: Progress | None = None,
                 config: ValidatorConfig | None = None, deadline: float | None = None) -> Digest:
    rows = asyncio.run(summarize_all(day.papers, engine, progress=progress, config=config, deadline=deadline))
    checks = [RowCheck(r.arxiv_id, r.title, r.authors, r.summary, row=i, abstract=p.abstract)
              for i, (r, p) in enumerate(zip(rows, day.papers), 1) if not r.needs_attention]
    for f in wrong_paper_findings(checks, config):
        rows[f.row - 1].findings.append(f.model_copy(update={"row": None}))
    return Digest(date=day.date, rows=[mark(r) for r in rows], skipped=sorted(day.skipped))


def make_engine(settings: Settings, name: str | None = None, *, warn: Callable[[str], None] | None = None,
                **options) -> Engine:
    """The engine named (or the default one), given the endpoint settings and options its Options declare."""
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


def run_day(day: dt.date, *, settings: Settings | None = None, offline: bool = False, engine: str | Engine | None = None,
            out: Path | None = None, ids: list[str] | None = None, query: str | None = None,
            skip_seen: bool = True, progress: Progress | None = None, engine_options: dict | None = None,
            batch: bool = False, poll_interval: float = 10.0, deadline: float | None = None) -> RunResult:
    settings = settings or Settings.load()
    cache = Cache(settings.cache_dir)
    eng = engine if isinstance(engine, Engine) else make_engine(settings, engine, **(engine_options or {}))
    out = Path(out) if out else default_out(settings, day)
    archive = list(settings.archive_dirs) or [settings.out_dir]
    if progress:
        progress(f"fetching {day} ({'offline, from ' + str(cache.root) if offline else 'live'})")
    papers = fetch_day(day, cache=cache, offline=offline, ids=ids, query=query,
                       archive_dirs=archive, skip_seen=skip_seen)
    for pid, why in papers.skipped.items():
        if progress:
            progress(f"skipped {pid}: {why}")
    if not papers.papers:
        raise EmptyDay(f"no papers for {day}: nothing written")
    if batch:
        from .batch import prefill

        async def _prefill():
            try:
                return await prefill(eng, papers.papers, poll_interval=poll_interval, progress=progress)
            finally:
                await eng.aclose()

        asyncio.run(_prefill())
    if progress:
        progress(f"summarising {len(papers.papers)} papers with the {eng.name} engine")
    digest = build_digest(papers, eng, progress=progress,
                          deadline=deadline if deadline is not None else settings.run_deadline)
    atomic_write(out, render_digest(digest).encode("utf-8"))
    sidecar = out.with_suffix(".json")
    atomic_write(sidecar, json.dumps(digest.model_dump(mode="json"), indent=1, ensure_ascii=False).encode() + b"\n")
    return RunResult(digest, out, papers.skipped, eng)
