"""One validator for digest rows: structure and faithfulness, each finding with a stable code.

Used by ``digestgen run`` on every generated row, by the LLM engine's re-ask,
by review and publishing, and by ``digestgen validate`` on any digest file.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .config import MAX_WORDS, MIN_WORDS
from .numbers import has_number, unsupported_numbers
from .parse import ParsedDigest, parse_file
from .parts import misplaced_parts, missing_parts, unrelated_sentences
from .regex_gate import gated
from .text import word_count
from .types import Finding

CODES = {
    "broken_row": "a row split over several lines, or with the wrong number of cells",
    "bad_title_cell": "the title cell lacks the arXiv/HuggingFace links",
    "old_format": "the archive's early layout (Link column or '- read more on')",
    "no_table": "no digest table in the file",
    "bad_heading": "no or invalid '## Papers for YYYY-MM-DD' heading",
    "empty_digest": "a table header without rows",
    "missing_authors": "a row without authors",
    "duplicate": "the same paper twice in a day, or already in an earlier day",
    "preamble": "the summary opens with chatter ('Here is', 'Okay', 'Sure'...)",
    "markdown": "bold, headings, bullets, HTML or emoji inside a cell",
    "postscript": "text after the summary: 'Follow-up questions', notes to the requester",
    "no_number": "no quantitative finding (no digit) in the summary",
    "length": "summary length outside the configured range of words",
    "missing_part:objective": "no sentence states the objective",
    "missing_part:methodology": "no sentence states the methodology",
    "missing_part:results": "no sentence states the results",
    "missing_part:implication": "no sentence states the implication for practitioners",
    "misplaced_part:objective": "the sentence framed as the objective states something else",
    "misplaced_part:methodology": "the sentence framed as the methodology states something else",
    "misplaced_part:results": "the sentence framed as the results states something else",
    "misplaced_part:implication": "the sentence framed as the implication states something else (a result, a mechanism...)",
    "unrelated_part": "a sentence that shares no content with the paper's title, abstract or the rest of the row",
    "glue:stacked_frames": "two reporting frames in one sentence ('results show that experiments show that')",
    "glue:broken_frame": "a frame followed by words no clause starts with ('In terms of methodology, of ...')",
    "glue:dangling_reference": "a part opens on 'This gap', 'These methods'... with nothing before it to refer to",
    "glue:latex": "LaTeX or markup left in the text ('40\\%', '$\\times$', backticks, links)",
    "unfaithful_number": "a number that is not in the paper's title or abstract",
    "wrong_paper": "the summary matches another paper of the day better than its own",
}


class ValidatorConfig(BaseModel):
    min_words: int = MIN_WORDS  # config.py: the same defaults as Settings (and so the prompt)
    max_words: int = MAX_WORDS
    wrong_paper_margin: float = 0.05


_PREAMBLE = re.compile(
    r"^\s*(here\s+is|here's|here\s+are|okay\b|ok\b|sure\b|certainly\b|of course\b|below is|as requested|"
    r"i'd be happy|i will\b|i'll\b|let me\b|absolutely\b|great\b[,!]|summary of the)", re.IGNORECASE)


class _Gated:
    """A regex searched only when the text holds one of the strings every match needs (an exact, cheap gate)."""

    def __init__(self, needs: tuple[str, ...], pattern: str, flags: int = 0):
        self.needs = needs
        self.rx = re.compile(pattern, flags)

    def search(self, text: str):
        return self.rx.search(text) if any(map(text.__contains__, self.needs)) else None


class _Bullet(_Gated):
    """The bullet pattern, gated tighter: in printable ASCII text (whose only whitespace is " ", and no "•") a marker
    opens the text, follows two spaces ("  -", "  *") or follows a "<br"; other text is searched anyway."""

    def search(self, text: str):
        if text.isascii() and text.isprintable() and not (
                text[:1] in ("-", "*") or "  -" in text or "  *" in text or "<br" in text):
            return None
        return super().search(text)


_MARKDOWN = [
    ("bold", _Gated(("**", "__"), r"\*\*[^*]+\*\*|__[^_]+__")),
    ("heading", _Gated(("#",), r"(^|\s)#{1,6}\s+[A-Z]")),
    ("bullet", _Bullet(("-", "*", "•"), r"(^|\s{2,}|<br\s*/?>)[-*•]\s+\S")),
    ("HTML", _Gated(("<",), r"<(br|p|div|span|b|i|strong|em|ul|li)\b[^>]*>", re.IGNORECASE)),
    ("emoji", re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B06\u2705\u274C]")),
]
_POSTSCRIPT = re.compile(r"\bfollow[- ]up questions?\s*:?|\bquestions? for (further|follow-up)\b", re.IGNORECASE)
_STOP = frozenset(
    "a an the of and or in on for to with by from as at is are was were be been this that these those it its we our "
    "their they which such can using use used paper model models method methods approach results show based new "
    "than more also into via while both across over under not has have had".split())


@dataclass
class RowCheck:
    """What the validator needs to know about one row."""

    arxiv_id: str | None
    title: str
    authors: list[str]
    summary: str
    row: int | None = None
    file: str | None = None
    abstract: str | None = None
    defects: list = field(default_factory=list)  # parser defects


def _finding(rc: RowCheck, code: str, severity: str, message: str) -> Finding:
    return Finding(code=code, severity=severity, message=message, file=rc.file, row=rc.row, arxiv_id=rc.arxiv_id)


def check_row(rc: RowCheck, config: ValidatorConfig | None = None) -> list[Finding]:
    """Structure findings, plus faithfulness when the abstract is known."""
    cfg = config or ValidatorConfig()
    out = [_finding(rc, d.code, d.severity, d.message) for d in rc.defects]
    s = rc.summary.strip()
    if not rc.authors:
        out.append(_finding(rc, "missing_authors", "error", "no authors"))
    if _PREAMBLE.match(s):
        out.append(_finding(rc, "preamble", "error", f"opens with chatter: {s[:40]!r}"))
    kinds = [name for name, rx in _MARKDOWN if rx.search(s) or (name != "bullet" and rx.search(rc.title))]
    if kinds:
        out.append(_finding(rc, "markdown", "error", f"markdown in a cell: {', '.join(kinds)}"))
    out += html_findings(rc) + injection_findings(rc)
    # every match holds "question" (non-ASCII text is searched anyway: case folding beyond ASCII)
    post = _POSTSCRIPT.search(s) if not s.isascii() or "question" in s.lower() else None
    if post:
        out.append(_finding(rc, "postscript", "error", f"text after the summary: {post.group(0)!r}"))
    if not has_number(s):
        if rc.abstract is not None and not has_number(rc.abstract):
            out.append(_finding(rc, "no_number", "warning", "no number in the summary (the abstract has none either)"))
        else:
            out.append(_finding(rc, "no_number", "error", "no quantitative finding: the summary has no number"))
    n = word_count(s)
    if not cfg.min_words <= n <= cfg.max_words:
        out.append(_finding(rc, "length", "error", f"{n} words, expected {cfg.min_words}-{cfg.max_words}"))
    out.extend(content_findings(rc))
    if rc.abstract:
        bad = unsupported_numbers(s, f"{rc.title}\n{rc.abstract}")
        if bad:
            shown = ", ".join(dict.fromkeys(bad))
            out.append(_finding(rc, "unfaithful_number", "error", f"not in the title or abstract: {shown}"))
    return out


def content_findings(rc: RowCheck) -> list[Finding]:
    """What the row says, judged on content: parts present and in place (the role classifier, frame words
    removed), every sentence about this paper, and no glue artefacts (glue.glue_findings, through content_checks)."""
    s = rc.summary.strip()
    out = [_finding(rc, f"missing_part:{part}", "error", f"no sentence states the {part}") for part in missing_parts(s)]
    for part, role, p in misplaced_parts(s):
        out.append(_finding(rc, f"misplaced_part:{part}", "error", f"the {part} sentence reads as {role} ({p:.2f})"))
    unrelated = unrelated_sentences(s, rc.title, rc.abstract)
    if unrelated:
        out.append(_finding(rc, "unrelated_part", "error",
                            f"{len(unrelated)} sentence(s) unrelated to the paper: {unrelated[0][:60]!r}"))
    # content_checks: parts judged against each other, the title and the abstract (not by the writer's own roles)
    from .content_checks import content_hits

    have = {f.code for f in out}
    out += [_finding(rc, h.code, h.severity, h.message) for h in content_hits(rc.title, s, rc.abstract)
            if h.code not in have]
    # misspelled words (spelling.py; skipped when pyspellchecker is not installed)
    from .spelling import CODE as TYPO, misspellings

    typos = misspellings(s, rc.title, rc.abstract)
    if typos:
        shown = ", ".join(f"{w!r} ({fix}?)" for w, fix in typos[:3])
        out.append(_finding(rc, TYPO, "error", f"misspelled: {shown}"))
    return out


def _tokens(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9][a-z0-9\-]+", text.lower()) if w not in _STOP]


def wrong_paper_findings(rows: list[RowCheck], config: ValidatorConfig | None = None) -> list[Finding]:
    """Rows whose summary is closer (TF-IDF cosine) to another paper's title+abstract than to its own."""
    cfg = config or ValidatorConfig()
    known = [r for r in rows if r.abstract]
    if len(known) < 2:
        return []
    docs = [Counter(_tokens(f"{r.title} {r.abstract}")) for r in known]
    df = Counter(t for d in docs for t in d)
    n = len(docs)

    def vec(counts: Counter) -> dict[str, float]:
        v = {t: c * (math.log((1 + n) / (1 + df.get(t, 0))) + 1) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    dvecs = [vec(d) for d in docs]
    out = []
    index = _TermIndex(dvecs) if cfg.wrong_paper_margin >= 0 and n > 8 else None
    for i, r in enumerate(known):
        sv = vec(Counter(_tokens(r.summary)))

        def sim(j: int) -> float:
            return sum(w * dvecs[j].get(t, 0.0) for t, w in sv.items())

        own = sim(i)
        if index is None:
            sims = [sim(j) for j in range(n)]
            best = max(range(n), key=sims.__getitem__)
            found = best != i and sims[best] - own > cfg.wrong_paper_margin
            other = sims[best]
        else:  # only papers that could beat their own paper's score by the margin are scored
            cands = [(sim(j), -j) for j in index.candidates(sv, own + cfg.wrong_paper_margin)]
            other, best = max(cands, default=(0.0, -i))
            best = -best
            found = best != i and other - own > cfg.wrong_paper_margin
        if found:
            out.append(_finding(r, "wrong_paper", "error",
                                f"matches {known[best].arxiv_id} ({other:.2f}) better than its own paper ({own:.2f})"))
    return out


class _TermIndex:
    """Postings of the papers' TF-IDF vectors, for wrong_paper on big files in near-linear time.

    Papers are unit vectors, so over any set of terms N a paper scores at most the norm of the
    summary's weights on N (Cauchy-Schwarz), and at most the sum of summary weight x the term's
    largest paper weight. The commonest terms go into N while that bound stays at or below the
    threshold; a paper sharing only terms of N cannot beat it and is never scored. The papers that
    can are scored exactly as before, so the result equals comparing every pair.
    """

    def __init__(self, dvecs: list[dict[str, float]]):
        self.postings: dict[str, list[int]] = {}
        self.top: dict[str, float] = {}
        for j, dv in enumerate(dvecs):
            for t, x in dv.items():
                self.postings.setdefault(t, []).append(j)
                if x > self.top.get(t, 0.0):
                    self.top[t] = x

    def candidates(self, sv: dict[str, float], threshold: float) -> list[int]:
        limit = threshold * (1 - 1e-9)
        terms = sorted(sv, key=lambda t: -len(self.postings.get(t, ())))
        sq = ub = 0.0
        k = 0
        while k < len(terms):
            w = sv[terms[k]]
            if min(math.sqrt(sq + w * w), ub + w * self.top.get(terms[k], 0.0)) > limit:
                break
            sq += w * w
            ub += w * self.top.get(terms[k], 0.0)
            k += 1
        found: set[int] = set()
        for t in terms[k:]:
            found.update(self.postings.get(t, ()))
        return sorted(found)


def check_digest(parsed: ParsedDigest, *, abstracts: dict[str, dict] | None = None,
                 earlier: dict[str, str] | None = None, config: ValidatorConfig | None = None) -> list[Finding]:
    """Every finding for one parsed digest. ``abstracts``: id -> {"title", "abstract"}; ``earlier``: id -> file."""
    file = parsed.path
    out = [Finding(code=d.code, severity=d.severity, message=d.message, file=file) for d in parsed.defects]
    if parsed.has_table and not parsed.rows:
        out.append(Finding(code="empty_digest", severity="error", message="table header without rows", file=file))
    checks = []
    seen: dict[str, int] = {}
    for row in parsed.rows:
        info = (abstracts or {}).get(row.arxiv_id or "")
        # the renderer's "NEEDS REVIEW (codes): " marker is display, not summary text (its words would count for length)
        summary = re.sub(r"^NEEDS REVIEW \([^)]*\): ", "", row.summary)
        rc = RowCheck(row.arxiv_id, row.title, row.authors, summary, row.index, file,
                      info.get("abstract") if info else None, row.defects)
        checks.append(rc)
        out.extend(check_row(rc, config))
        if row.arxiv_id:
            if row.arxiv_id in seen:
                out.append(_finding(rc, "duplicate", "error", f"same paper as row {seen[row.arxiv_id]}"))
            else:
                seen[row.arxiv_id] = row.index
                if earlier and row.arxiv_id in earlier:
                    out.append(_finding(rc, "duplicate", "error", f"already in {earlier[row.arxiv_id]}"))
    out.extend(wrong_paper_findings(checks, config))
    return out


class Unreadable(BaseModel):
    """A file that could not be read as UTF-8 text: reported, and the other files are still checked."""

    file: str
    reason: str


class Report(BaseModel):
    files: int
    rows: int
    findings: list[Finding]
    unreadable: list[Unreadable] = []

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def to_json(self) -> dict:
        return {
            "files": self.files,
            "rows": self.rows,
            "findings": [{k: f.model_dump()[k] for k in ("file", "row", "arxiv_id", "code", "severity", "message")}
                         for f in self.findings],
            "counts": self.counts,
            "unreadable": [u.model_dump() for u in self.unreadable],
        }


def digest_files(paths: list[str | Path]) -> list[Path]:
    """Files named, and every ``*.md`` below folders named, in date order where paths say YYYY/MM/DD."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*.md") if x.name.lower() not in ("readme.md", "license.md")))
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(str(p))
    return files


def validate_paths(paths: list[str | Path], *, abstracts: dict[str, dict] | None = None,
                   config: ValidatorConfig | None = None) -> Report:
    """Validate digest files in order; a paper seen in an earlier day is a ``duplicate``."""
    parsed, unreadable = [], []
    for f in digest_files(paths):
        try:
            parsed.append(parse_file(f))
        except (UnicodeDecodeError, OSError) as exc:
            unreadable.append(Unreadable(file=str(f), reason=unreadable_reason(exc)))
    parsed.sort(key=lambda d: (d.date or dt.date.min, d.path or ""))
    earlier: dict[str, str] = {}
    findings: list[Finding] = []
    rows = 0
    for d in parsed:
        findings.extend(check_digest(d, abstracts=abstracts, earlier=earlier, config=config))
        rows += len(d.rows)
        day_ids = {r.arxiv_id: d.path for r in d.rows if r.arxiv_id}
        for k, v in day_ids.items():
            earlier.setdefault(k, f"{v}")
    return Report(files=len(parsed), rows=rows, findings=findings, unreadable=unreadable)


def clear_caches() -> None:
    """Forget every memo the checks keep, so the next pass runs as in a fresh process (for benchmarks)."""
    import sys

    for name, mod in list(sys.modules.items()):
        if name == "digestgen" or name.startswith("digestgen."):
            for obj in list(vars(mod).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()
    from . import parts
    from .roles import fast

    fast.clear()
    parts._STEMS.clear()


def unreadable_reason(exc: Exception) -> str:
    """One line for a file that cannot be read: not UTF-8 (where), or the OS's reason."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc)


# --- Hostile text: HTML and instruction-like text in a row ----------------------------------------
# A tag starts like a browser reads one ("<" then a letter or "/"). The renderer escapes & < > so nothing here can run in a published digest; these findings make an
# editor look at rows that carry markup or text addressed to a model (prompt injection) all the same.

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?\s*>|<!--")
_ACTIVE = gated(
    r"</?(?:script|iframe|frame|frameset|object|embed|applet|style|svg|math|img|image|link|meta|base|form|"
    r"input|button|textarea|select|audio|video|source|template|details|marquee)\b"
    r"|<[A-Za-z][^<>]*\son[a-z]+\s*=|(?:javascript|vbscript)\s*:(?!\s)|data:text/html", re.IGNORECASE)
_INJECTION = gated(r"""
 \b(?:ignore|disregard|forget|override|bypass)\s+
     (?:(?:all|any|the|your|my|these|those|previous|prior|above|earlier|preceding|system|original|other)\s+){0,4}
     (?:instructions?|prompts?|rules|directions|guidelines|context)\b
|\byou\s+are\s+now\b
|\bfrom\s+now\s+on,?\s+(?:you|respond|answer|reply)\b
|\b(?:new|updated|real|actual)\s+instructions?\s*:
|\b(?:reveal|print|repeat|output|show)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+)?(?:prompt|instructions)\b
|(?:^|[\n.!?"'\]]\s*)(?:system|assistant|developer)\s*:
|<\|?\s*/?\s*(?:im_start|im_end|system|assistant|user|endoftext|eot_id|start_header_id|end_header_id)\s*\|?>
|\[/?INST\]|<</?SYS>>
|</?\s*(?:system|instructions?|abstract|prompt|paper|user|assistant)\s*>
|\#{2,}\s*(?:instruction|system|response)\s*:?
""", re.IGNORECASE | re.VERBOSE)

_INJECTION_KEYS = ("ignor", "disregard", "forget", "overrid", "bypass", "now", "instruction", "prompt", "system",
                   "assistant", "developer", "<", "inst]", "#")
from .content_checks import CODES as _CONTENT_CODES  # noqa: E402  (plain re: no heavy import)

CODES.update(_CONTENT_CODES)
CODES["fluency:typo"] = ("a misspelled word: one or two dropped, added or swapped letters from a common word "
                         "('embeddins', 'practioners'); needs pyspellchecker, skipped without it")
CODES["html"] = "HTML tags in a cell (error when active: script, event handlers, javascript: URLs...)"
CODES["injection"] = "instruction-like text addressed to a model ('ignore previous instructions', 'system:', role tags)"


def _cells(rc: RowCheck) -> list[tuple[str, str]]:
    return [("title", rc.title), ("authors", ", ".join(rc.authors)), ("summary", rc.summary)]


def html_findings(rc: RowCheck) -> list[Finding]:
    """One ``html`` finding per row with tags in a cell: ``error`` for active content, else ``warning``."""
    found, active = [], False
    for name, text in _cells(rc):
        tags = [m.group(0) for m in _TAG.finditer(text)] if "<" in text else []
        # every active match holds "<", or "script"/"data:" (checked case-folded; other text is searched anyway)
        maybe = "<" in text or not text.isascii() or "script" in (low := text.lower()) or "data:" in low
        danger = [m.group(0) for m in _ACTIVE.finditer(text)] if maybe else []
        if tags or danger:
            active = active or bool(danger)
            shown = ", ".join(repr(t[:40]) for t in dict.fromkeys(danger + tags))
            found.append(f"{name}: {shown}")
    if not found:
        return []
    kind = "active HTML (would run where HTML is rendered)" if active else "HTML tags"
    return [_finding(rc, "html", "error" if active else "warning", f"{kind} in a cell: {'; '.join(found)}"[:300])]


def instruction_like(text: str) -> bool:
    """Whether ``text`` holds instruction-like text addressed to a model (the ``injection`` check)."""
    return _may_address_model(text) and _INJECTION.search(text) is not None


# What each alternative of _INJECTION needs, in the lower-cased text: an ignore-verb; "you are now" / "from now";
# a role word then ":" (system:, new instructions:); a show-verb, your/the, then prompt/instructions; "<" (tags);
# "#"; "[inst]". Under IGNORECASE only these non-ASCII characters match an ASCII letter (a test checks every code
# point); text holding one is always searched.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)
_IGNORE_KEYS = ("ignor", "disregard", "forget", "overrid", "bypass")
_NOW = re.compile(r"you\s+are\s+now|from\s+now")
_ROLE_COLON = re.compile(r"(?:system|assistant|developer|instructions?)\s*:")
_ROLE_WORDS = ("system", "assistant", "developer", "instruction")  # _ROLE_COLON needs one of them
_SHOW = re.compile(r"(?:reveal|print|repeat|output|show)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+)?(?:prompt|instructions)")


def _may_address_model(text: str) -> bool:
    """An exact gate for _INJECTION: False only where no alternative can match.
    tests/test_validator_fast_paths.py holds it to the pattern."""
    if "<" in text or "#" in text or (not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII)):
        return True
    low = text.lower()
    if any(map(low.__contains__, _IGNORE_KEYS)) or "inst]" in low:
        return True
    # each alternative's own words first (plain substring tests), then the pattern
    if "now" in low and ("from" in low or "you" in low and "are" in low) and _NOW.search(low):
        return True
    if ":" in text and any(map(low.__contains__, _ROLE_WORDS)) and _ROLE_COLON.search(low):
        return True
    return ("prompt" in low or "instruction" in low) and _SHOW.search(low) is not None


def injection_findings(rc: RowCheck) -> list[Finding]:
    """``injection``: text that addresses a model ("ignore previous instructions", "SYSTEM:", chat role tags)."""
    hits = []
    cells = _cells(rc)
    if not _may_address_model(" ".join(t for _, t in cells)):
        return []
    for name, text in cells:
        if not _may_address_model(text):
            continue
        m = _INJECTION.search(text)
        if m:
            hits.append(f"{name}: {m.group(0).strip()[:60]!r}")
    if not hits:
        return []
    return [_finding(rc, "injection", "error", f"instruction-like text: {'; '.join(hits)}")]
