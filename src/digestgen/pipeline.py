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
from .engines import Engine, NoAbstract, get_engine, prose
from .engines.base import GenerationFailed
from .errors import EmptyDay
from .fetch import DayPapers, fetch_day
from .render import render_digest
from .types import Digest, DigestRow, Finding, Paper
from .validate import RowCheck, ValidatorConfig, check_row, wrong_paper_findings

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
        if getattr(engine, "supports_reask", False):
            parts = await engine.asummarize(paper, check=check)
        else:
            parts = await engine.asummarize(paper)
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


def mark(row: DigestRow) -> DigestRow:
    """Rows with error findings say so in the digest itself: nothing is silently published."""
    codes = sorted({f.code for f in row.errors})
    if not codes or row.needs_attention:
        return row
    return row.model_copy(update={"summary": f"NEEDS REVIEW ({', '.join(codes)}): {row.summary}",
                                  "needs_attention": True})


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


def build_digest(day: DayPapers, engine: Engine, *, progress: Progress | None = None,
                 config: ValidatorConfig | None = None) -> Digest:
    rows = asyncio.run(summarize_all(day.papers, engine, progress=progress, config=config))
    checks = [RowCheck(r.arxiv_id, r.title, r.authors, r.summary, row=i, abstract=p.abstract)
              for i, (r, p) in enumerate(zip(rows, day.papers), 1) if not r.needs_attention]
    for f in wrong_paper_findings(checks, config):
        rows[f.row - 1].findings.append(f.model_copy(update={"row": None}))
    return Digest(date=day.date, rows=[mark(r) for r in rows], skipped=sorted(day.skipped))


def make_engine(settings: Settings, name: str | None = None, **options) -> Engine:
    """The engine named (or the default one), with the endpoint settings for LLM engines."""
    name = name or settings.default_engine()
    if name == "openai":
        options.setdefault("model", settings.model or "gpt-4o-mini")
        if settings.openai_base_url:
            options.setdefault("base_url", settings.openai_base_url)
        if settings.openai_api_key:
            options.setdefault("api_key", settings.openai_api_key)
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


def run_day(day: dt.date, *, settings: Settings | None = None, offline: bool = False, engine: str | Engine | None = None,
            out: Path | None = None, ids: list[str] | None = None, query: str | None = None,
            skip_seen: bool = True, progress: Progress | None = None, engine_options: dict | None = None,
            batch: bool = False, poll_interval: float = 10.0) -> RunResult:
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
    digest = build_digest(papers, eng, progress=progress)
    atomic_write(out, render_digest(digest).encode("utf-8"))
    sidecar = out.with_suffix(".json")
    atomic_write(sidecar, json.dumps(digest.model_dump(mode="json"), indent=1, ensure_ascii=False).encode() + b"\n")
    return RunResult(digest, out, papers.skipped, eng)
