"""The eval harness: generate through the pipeline, score against the handwritten reference summaries.

For each dataset row with an abstract, the engine's row (same pipeline, same
cache) and three baselines (lead-3, lead-5, the full abstract) are scored by
ROUGE-1/2/L, MiniLM cosine similarity, the validator (pass rate, faithful
numbers) and length; per part (objective, methodology, results, implication)
the generated part is scored against the reference's part. Every row's result
is recorded as JSONL; the report puts the worst rows first.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from .dataset import DatasetRow
from .engines import Engine
from .errors import DigestgenError
from .metrics import bootstrap_ci, cosine_pairs, paired, rouge
from .parts import ROLES, split_parts
from .pipeline import summarize_all
from .text import split_sentences, word_count
from .validate import RowCheck, check_row

METRICS = ("rouge1", "rouge2", "rougeL", "semantic", "valid_rate", "faithful_rate", "words_median")
BASELINES = ("lead3", "lead5", "abstract")


def baseline_text(name: str, abstract: str) -> str:
    sents = split_sentences(abstract)
    return {"lead3": " ".join(sents[:3]), "lead5": " ".join(sents[:5]), "abstract": " ".join(abstract.split())}[name]


@dataclass
class Scored:
    system: str
    texts: list[str]
    per_row: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        out = {}
        for k in ("rouge1", "rouge2", "rougeL", "semantic"):
            out[k] = statistics.fmean(r[k] for r in self.per_row)
        out["valid_rate"] = statistics.fmean(r["valid"] for r in self.per_row)
        out["faithful_rate"] = statistics.fmean(r["faithful"] for r in self.per_row)
        out["words_median"] = statistics.median(r["words"] for r in self.per_row)
        return out

    def intervals(self) -> dict:
        return {k: list(bootstrap_ci([r[k] for r in self.per_row])) for k in ("rouge1", "rouge2", "rougeL", "semantic")}


def score(system: str, texts: list[str], rows: list[DatasetRow]) -> Scored:
    refs = [r.reference_summary or "" for r in rows]
    sem = cosine_pairs(texts, refs)
    out = Scored(system, texts)
    for text, row, s in zip(texts, rows, sem):
        findings = check_row(RowCheck(row.arxiv_id, row.title, row.authors or ["?"], text, abstract=row.abstract))
        out.per_row.append({
            **rouge(text, row.reference_summary or ""),
            "semantic": s,
            "valid": float(not any(f.severity == "error" for f in findings)),
            "faithful": float(not any(f.code == "unfaithful_number" for f in findings)),
            "words": word_count(text),
            "findings": sorted({f.code for f in findings if f.severity == "error"}),
        })
    return out


def part_scores(texts: list[str], rows: list[DatasetRow]) -> dict:
    """Per part: ROUGE-L and cosine of the generated part against the reference's part, where both exist."""
    out = {}
    gen_parts = [split_parts(t) for t in texts]
    ref_parts = [split_parts(r.reference_summary or "") for r in rows]
    for role in ROLES:
        gen, ref = [], []
        missing = 0
        for gp, rp in zip(gen_parts, ref_parts):
            g, f = gp[role], rp[role]
            if not f:
                continue
            if not g:
                missing += 1
                continue
            gen.append(g)
            ref.append(f)
        sims = cosine_pairs(gen, ref)
        out[role] = {
            "n": len(gen), "missing_in_generated": missing,
            "rougeL": statistics.fmean(rouge(g, f)["rougeL"] for g, f in zip(gen, ref)) if gen else None,
            "semantic": statistics.fmean(sims) if sims else None,
        }
    return out


def role_scores(generated: list, references: list[str]) -> dict:
    """Per part: how often the generated part's text (frame words removed) gets that part's role from the
    sentence-role classifier; and, for comparison, how often the reference summary states the part.

    ``generated``: the engine's DigestRows (their ``parts``); a part that is empty counts as missing.
    """
    from .parts import missing_parts
    from .roles import PARTS, SCORER, best, predict

    out: dict = {"scorer": SCORER}
    for role in PARTS:
        right = missing = total = 0
        for g in generated:
            if g.parts is None:
                continue
            total += 1
            text = getattr(g.parts, role)
            if not text.strip():
                missing += 1
                continue
            right += best(predict(text))[0] == role
        ref_present = (sum(role not in missing_parts(r) for r in references) / len(references)
                       if role != "one_line" and references else None)
        out[role] = {"n": total, "missing": missing, "right_role": right / total if total else None,
                     "reference_states_part": ref_present}
    return out


def per_day_folds(rows: list[DatasetRow], systems: dict) -> list[dict]:
    """Leave-one-day-out: each day's rows scored on their own (nothing in the engine is fitted to a dev day;
    the role classifier's background examples are the exception, see evals/reports/roles-cv.md)."""
    out = []
    for day in sorted({r.date or "?" for r in rows}):
        idx = [i for i, r in enumerate(rows) if (r.date or "?") == day]
        fold = {"day": day, "n": len(idx)}
        for name in ("engine", "abstract"):
            for k in ("rougeL", "semantic"):
                fold[f"{name}_{k}"] = statistics.fmean(systems[name].per_row[i][k] for i in idx)
        fold["valid_rate"] = statistics.fmean(systems["engine"].per_row[i]["valid"] for i in idx)
        out.append(fold)
    return out


def role_labels(text: str) -> list[str]:
    """Each sentence of a summary as 'frame->role: sentence' (frame '-' when it has none)."""
    from .parts import classify_sentences

    return [f"{sr.frame or '-'}->{sr.role} ({sr.probs[sr.role]:.2f}): {sr.sentence}" for sr in classify_sentences(text)]


class NothingToScore(DigestgenError):
    """No dataset row has both an abstract and a reference summary (or --limit 0)."""


def usable(row: DatasetRow) -> bool:
    """A row the harness can score: an abstract to summarise and a reference to score against."""
    return bool((row.abstract or "").strip() and (row.reference_summary or "").strip())


def one_line(text: str) -> str:
    """Text for a markdown heading or quote line: every line break and run of whitespace is one space."""
    return " ".join(str(text).split())


async def arun_eval(rows: list[DatasetRow], engine: Engine, *, judge=None) -> dict:
    """The harness's result: ``n``, ``engine``, ``metrics``, ``baselines`` (+ intervals, paired, parts, rows).

    Async: the engine's rows (and the judge's scores, ``await judge(rows, texts)``) are awaited in the
    caller's event loop; only the CLI starts one."""
    skipped = [{"arxiv_id": r.arxiv_id, "reason": "no abstract" if not (r.abstract or "").strip() else
                 "no reference summary"} for r in rows if not usable(r)]
    rows = [r for r in rows if usable(r)]
    if not rows:
        why = f"all {len(skipped)} rows lack an abstract or a reference summary" if skipped else "the dataset is empty"
        raise NothingToScore(f"nothing to score: {why}")
    generated = await summarize_all([r.paper() for r in rows], engine)
    texts = [g.summary for g in generated]
    systems = {"engine": score(engine.name, texts, rows)}
    for b in BASELINES:
        systems[b] = score(b, [baseline_text(b, r.abstract) for r in rows], rows)
    eng = systems["engine"]
    result = {
        "n": len(rows),
        "engine": engine.name,
        "metrics": eng.summary(),
        "baselines": {b: systems[b].summary() for b in BASELINES},
        "intervals": {name: s.intervals() for name, s in systems.items()},
        "paired": {b: {k: paired([r[k] for r in eng.per_row], [r[k] for r in systems[b].per_row])
                       for k in ("rougeL", "semantic")} for b in BASELINES},
        "parts": part_scores(texts, rows),
        "roles": role_scores(generated, [r.reference_summary or "" for r in rows]),
        "folds": per_day_folds(rows, systems),
        "skipped": skipped,
    }
    judged = await judge(rows, texts) if judge else None
    if judged:
        result["judge"] = {k: statistics.fmean(j[k] for j in judged) for k in ("faithfulness", "coverage", "fluency")}
    result["rows"] = [
        {"arxiv_id": r.arxiv_id, "date": r.date, "title": r.title, "generated": t, "reference": r.reference_summary,
         "roles": role_labels(t),
         **{k: v for k, v in eng.per_row[i].items()},
         "baselines": {b: {k: systems[b].per_row[i][k] for k in ("rougeL", "semantic")} for b in BASELINES},
         **({"judge": judged[i]} if judged else {})}
        for i, (r, t) in enumerate(zip(rows, texts))]
    return result


def make_judge(model: str, *, settings=None, **client_options):
    """An LLM judge through the one LLM client (same cache and call log, purpose "judge"): scores 1-5 per row.

    Returns ``async judge(rows, texts) -> list[dict]``, awaited by :func:`arun_eval`."""
    from .config import Settings
    from .llm import LLMClient
    from .prompts import render

    llm = LLMClient.from_settings(settings or Settings.load(), model=model, **client_options)

    async def one(r, t):
        msgs = [{"role": "user", "content": render("judge.md.j2", abstract=r.abstract, summary=t)}]
        answer = await llm.complete(msgs, purpose="judge", arxiv_id=r.arxiv_id)
        return parse_judge(answer.text)

    async def judge(rows: list[DatasetRow], texts: list[str]) -> list[dict]:
        try:
            return list(await asyncio.gather(*(one(r, t) for r, t in zip(rows, texts))))
        finally:
            await llm.aclose()  # the HTTP pool belongs to the caller's loop

    return judge


def parse_judge(text: str) -> dict:
    scores = {}
    for k in ("faithfulness", "coverage", "fluency"):
        m = re.search(rf'"?{k}"?\s*[:=]\s*([1-5](?:\.\d+)?)', text, re.IGNORECASE)
        scores[k] = float(m.group(1)) if m else float("nan")
    return scores


def write_report(result: dict, out: Path) -> list[Path]:
    """report.md, rows.jsonl (worst first) and one PNG per metric: engine against the baselines."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    rows = sorted(result["rows"], key=lambda r: (r["valid"], r["rougeL"]))
    (out / "rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    written.append(out / "rows.jsonl")
    (out / "result.json").write_text(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=1))
    written.append(out / "result.json")
    written += _plots(result, out)
    m, b = result["metrics"], result["baselines"]
    lines = [f"# Eval: {result['engine']} on {result['n']} papers", "",
             "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | semantic | valid | faithful | words (median) |",
             "|---|---|---|---|---|---|---|---|"]
    for name, vals in [(result["engine"], m)] + [(k, v) for k, v in b.items()]:
        key = "engine" if name == result["engine"] else name
        ci = result["intervals"][key]
        lines.append(f"| {name} | {vals['rouge1']:.3f} | {vals['rouge2']:.3f} | {vals['rougeL']:.3f} "
                     f"[{ci['rougeL'][0]:.3f}, {ci['rougeL'][1]:.3f}] | {vals['semantic']:.3f} "
                     f"[{ci['semantic'][0]:.3f}, {ci['semantic'][1]:.3f}] | {vals['valid_rate']:.0%} | "
                     f"{vals['faithful_rate']:.0%} | {vals['words_median']:.0f} |")
    lines += ["", "Brackets: 95% bootstrap intervals of the mean.", "", "## Paired: engine minus baseline", "",
              "| baseline | metric | mean diff [95% CI] | wins / losses |", "|---|---|---|---|"]
    for base, per in result["paired"].items():
        for k, p in per.items():
            lines.append(f"| {base} | {k} | {p['mean_diff']:+.3f} [{p['ci'][0]:+.3f}, {p['ci'][1]:+.3f}] | "
                         f"{p['wins']} / {p['losses']} |")
    lines += ["", "## Per part (generated part against the reference's part)", "",
              "| part | n | missing in generated | ROUGE-L | semantic |", "|---|---|---|---|---|"]
    for role, p in result["parts"].items():
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        lines.append(f"| {role} | {p['n']} | {p['missing_in_generated']} | {fmt(p['rougeL'])} | {fmt(p['semantic'])} |")
    if "roles" in result:
        ro = result["roles"]
        lines += ["", f"## Per-part role score (scorer: `{ro['scorer']}`, on the part's text without frame words)", "",
                  "Right role: the classifier gives the generated part its own role. Reference states part: share of "
                  "reference summaries in which the validator finds the part.", "",
                  "| part | rows | empty | right role | reference states part |", "|---|---|---|---|---|"]
        fmt = lambda v: "-" if v is None else f"{v:.0%}"  # noqa: E731
        for role in ("one_line", "objective", "methodology", "results", "implication"):
            p = ro[role]
            lines.append(f"| {role} | {p['n']} | {p['missing']} | {fmt(p['right_role'])} | "
                         f"{fmt(p['reference_states_part'])} |")
    if result.get("folds"):
        lines += ["", "## Leave-one-day-out folds (each day scored on its own)", "",
                  "| day | n | engine ROUGE-L | abstract ROUGE-L | engine MiniLM | abstract MiniLM | valid |",
                  "|---|---|---|---|---|---|---|"]
        for f in result["folds"]:
            lines.append(f"| {f['day']} | {f['n']} | {f['engine_rougeL']:.3f} | {f['abstract_rougeL']:.3f} | "
                         f"{f['engine_semantic']:.3f} | {f['abstract_semantic']:.3f} | {f['valid_rate']:.0%} |")
    if "judge" in result:
        lines += ["", "## LLM judge (1-5)", "", " ".join(f"{k}: {v:.2f}" for k, v in result["judge"].items())]
    lines += ["", "## Worst rows first (by validity, then ROUGE-L)", ""]
    for r in rows[:5]:
        lines += [f"### {r['arxiv_id']} {one_line(r['title'])}", "",
                  f"ROUGE-L {r['rougeL']:.3f}, semantic {r['semantic']:.3f}, {r['words']} words, "
                  f"findings: {', '.join(r['findings']) or 'none'}", "", f"> {one_line(r['generated'])}", "",
                  *(["Sentence roles (frame->classifier):", "",
                     *[f"- {one_line(x)}" for x in r.get("roles", [])], ""] if r.get("roles") else []),
                  f"Reference: {one_line(r['reference'])}", ""]
    if result.get("skipped"):
        lines += ["## Not scored", "", *[f"- {s['arxiv_id']}: {s['reason']}" for s in result["skipped"]], ""]
    lines += ["Plots: " + ", ".join(p.name for p in written if p.suffix == ".png"), ""]
    (out / "report.md").write_text("\n".join(lines))
    written.append(out / "report.md")
    return written


def _plots(result: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths = []
    for metric in ("rougeL", "semantic", "rouge1", "words"):
        data = [[r[metric] for r in result["rows"]]] + [
            [r["baselines"][b][metric] for r in result["rows"]] if metric in ("rougeL", "semantic") else
            [] for b in BASELINES]
        if metric in ("rouge1", "words"):
            data = [data[0]]
        fig, ax = plt.subplots(figsize=(6, 3.5))
        labels = [result["engine"]] + (list(BASELINES) if len(data) > 1 else [])
        ax.boxplot(data, showmeans=True)
        ax.set_xticks(range(1, len(labels) + 1), labels)
        ax.set_title(f"{metric} per row (n={result['n']})")
        ax.grid(axis="y", alpha=0.3)
        fig.tight_layout()
        path = out / f"{metric}.png"
        fig.savefig(path, dpi=100)
        plt.close(fig)
        paths.append(path)
    return paths
