"""Commands: ask, chat, eval-qa (registered in digestgen.cli; heavy imports happen inside the commands)."""

from __future__ import annotations

import json
import sys

import click

from ..errors import UsageError
from ..cli_params import iso_date as _date




def _err(msg: str) -> None:
    click.echo(msg, err=True)


def load_scope(settings, *, day=None, until=None, papers=None, archive=False, archive_dirs=(), use_embeddings=True):
    """The indexed papers a question is asked about, from exactly one of: a day, a dataset file, the archive."""
    from pathlib import Path

    from .corpus import archive_docs, dataset_docs, day_docs, default_archive_dirs
    from .retrieve import build_scope

    if archive_dirs and not archive:
        raise UsageError(f"unexpected argument {archive_dirs[0]!r} (folders go after --archive)")
    chosen = sum(bool(x) for x in (papers, archive)) + (1 if day and not papers else 0)
    if chosen == 0:
        raise UsageError("say what to ask about: --date D, --papers PATH.jsonl or --archive [DIR...]")
    if chosen > 1:
        raise UsageError("use one of --date, --papers and --archive (--date with --papers picks that day's rows)")
    if papers:
        docs = dataset_docs(papers, day)
    elif archive:
        dirs = [Path(d) for d in archive_dirs] or default_archive_dirs(settings)
        docs = archive_docs(dirs)
    else:
        docs = day_docs(settings, day, until)
    if len(docs) > 200:
        _err(f"indexing {len(docs)} papers (embeddings are cached; later runs are quick)")
    return build_scope(docs, use_embeddings=use_embeddings)


async def _closing(llm, coro):
    """Await ``coro``, then close the LLM client's HTTP pool (it belongs to this loop, which ends here)."""
    try:
        return await coro
    finally:
        if llm is not None:
            await llm.aclose()


def make_llm(settings, model: str | None):
    """The one LLM client (digestgen.llm) for QA answers; one clear line when no endpoint is configured."""
    from .llm_answer import client_from_settings

    return client_from_settings(settings, model)


def print_answer(answer, *, as_json: bool, show_sources: bool = False) -> None:
    if as_json:
        click.echo(json.dumps(answer.public(), ensure_ascii=False, indent=1))
        return
    click.echo(answer.answer)
    if answer.flagged:
        _err("note: citations of papers outside the retrieved ones were removed from this answer")
    if show_sources:
        print_sources(answer)


def print_sources(answer) -> None:
    if not answer.passages:
        click.echo("(no passages)")
    for p in answer.passages:
        day = f" {p.date}" if p.date else ""
        click.echo(f"[arXiv:{p.arxiv_id}]{day} ({p.score:.3f}) {p.text}")


_ENGINES = click.Choice(["extractive", "openai"])


@click.command()
@click.argument("question")
@click.argument("archive_dirs", nargs=-1, type=click.Path())
@click.option("--date", "day", callback=_date, default=None, help="The day's cached papers, YYYY-MM-DD.")
@click.option("--until", callback=_date, default=None, help="Last day of a range.")
@click.option("--papers", type=click.Path(dir_okay=False), default=None, help="A dataset JSONL (dev.jsonl format).")
@click.option("--archive", is_flag=True, help="Every row of the published digests (folders may follow).")
@click.option("--engine", type=_ENGINES, default="extractive", show_default=True)
@click.option("--model", default=None, help="Model for the openai engine (or DIGESTGEN_MODEL).")
@click.option("--k", type=click.IntRange(1, 50), default=5, show_default=True, help="Papers retrieved.")
@click.option("--json", "as_json", is_flag=True, help="Print {answer, citations, abstained, passages}.")
@click.option("--no-embeddings", is_flag=True, help="BM25 alone (no MiniLM).")
def ask(question, archive_dirs, day, until, papers, archive, engine, model, k, as_json, no_embeddings):
    """Answer QUESTION from the papers in scope only, citing them by arXiv id (or say none fits)."""
    import asyncio

    from ..config import Settings
    from .answer import MAX_QUESTION_CHARS, aask

    settings = Settings.load()
    if until and not day:
        raise UsageError("--until needs --date")
    if not question.strip():
        raise UsageError("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        _err(f"note: the question is {len(question)} characters; only the first {MAX_QUESTION_CHARS} are used")
    llm = make_llm(settings, model) if engine == "openai" else None
    scope = load_scope(settings, day=day, until=until, papers=papers, archive=archive, archive_dirs=archive_dirs,
                       use_embeddings=not no_embeddings)
    answer = asyncio.run(_closing(llm, aask(scope, question, engine=engine, k=k, llm=llm)))
    print_answer(answer, as_json=as_json)


@click.command()
@click.option("--date", "day", callback=_date, default=None, help="The day to ask about, YYYY-MM-DD.")
@click.option("--until", callback=_date, default=None, help="Last day of a range.")
@click.option("--papers", type=click.Path(dir_okay=False), default=None, help="A dataset JSONL instead.")
@click.option("--engine", type=_ENGINES, default="extractive", show_default=True)
@click.option("--model", default=None)
@click.option("--k", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--no-embeddings", is_flag=True, help="BM25 alone (no MiniLM).")
def chat(day, until, papers, engine, model, k, no_embeddings):
    """Ask question after question about a day's papers (/sources, /day D, /history, /help, /quit)."""
    import asyncio

    from ..config import Settings
    from .chat import Chat

    settings = Settings.load()
    if not (day or papers):
        raise UsageError("chat needs --date D (or --papers PATH.jsonl)")
    llm = make_llm(settings, model) if engine == "openai" else None
    # one event loop for the whole session: each question is awaited in it, and the LLM client's HTTP pool
    # (which belongs to the loop) is reused from question to question, then closed
    with asyncio.Runner() as runner:
        try:
            Chat(settings, day=day, until=until, papers=papers, engine=engine, k=k, llm=llm,
                 use_embeddings=not no_embeddings, run=runner.run).run(sys.stdin, click.echo)
        finally:
            if llm is not None:
                runner.run(llm.aclose())


@click.command("eval-qa")
@click.option("--questions", required=True, multiple=True, type=click.Path(dir_okay=False),
              help="Questions JSONL (date, question, answer_ids); repeat to score several sets together.")
@click.option("--papers", required=True, type=click.Path(dir_okay=False), help="Dataset JSONL with the papers.")
@click.option("--engine", type=_ENGINES, default="extractive", show_default=True)
@click.option("--model", default=None)
@click.option("--k", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Folder for report.md and results.jsonl.")
@click.option("--no-embeddings", is_flag=True, help="BM25 alone (no MiniLM).")
def eval_qa(questions, papers, engine, model, k, as_json, out, no_embeddings):
    """Recall@1/3, MRR, abstain accuracy, citation precision and latency on a questions file."""
    from pathlib import Path

    from ..config import Settings
    from .corpus import dataset_docs
    import asyncio

    from .evalqa import arun_eval_qa, load_questions, write_report

    from .evalqa import metrics

    settings = Settings.load()
    rows, origin = [], []
    for path in questions:
        these = load_questions(path)
        if not these:
            raise UsageError(f"{path} has no questions")
        rows += these
        origin += [Path(path).name] * len(these)
    docs = dataset_docs(papers)
    llm = make_llm(settings, model) if engine == "openai" else None
    result = asyncio.run(_closing(llm, arun_eval_qa(rows, docs, engine=engine, k=k, llm=llm,
                                                    use_embeddings=not no_embeddings, progress=_err)))
    by_file = {}
    if len(questions) > 1:
        for name in dict.fromkeys(origin):
            by_file[name] = metrics([r for r, o in zip(result["results"], origin) if o == name])
    if out:
        title = "eval-qa: " + " + ".join(Path(p).name for p in questions)
        for p in write_report(result, Path(out), title=title):
            _err(f"wrote {p}")
    m = result["metrics"]
    if as_json:
        extra = {"by_kind": result["by_kind"], **({"by_file": by_file} if by_file else {})}
        click.echo(json.dumps({**m, **extra}, indent=1))
    else:
        click.echo(", ".join(f"{k} {v}" for k, v in m.items()))
        for label, km in [*result["by_kind"].items(), *by_file.items()]:
            click.echo(f"  {label}: " + ", ".join(f"{k} {v}" for k, v in km.items() if k != "n") + f" (n={km['n']})")


COMMANDS = [ask, chat, eval_qa]
