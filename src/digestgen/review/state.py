"""Review state in SQLite: each row's versions, its state (draft, approved, rejected) and an audit log.

Every change bumps the row's ``rev``; a change based on an older ``rev`` is refused with
:class:`Conflict`, which names who changed the row and how (no lost update).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DigestgenError
from ..types import Digest, DigestRow, Finding
from ..validate import RowCheck, ValidatorConfig, check_row

STATES = ("draft", "approved", "rejected")

MIGRATIONS = [
    """
    CREATE TABLE review_rows (
        day TEXT NOT NULL,
        pos INTEGER NOT NULL,
        arxiv_id TEXT NOT NULL,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,
        abstract TEXT,
        state TEXT NOT NULL DEFAULT 'draft',
        version INTEGER NOT NULL,
        rev INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (day, arxiv_id)
    );
    CREATE TABLE review_versions (
        day TEXT NOT NULL,
        arxiv_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        text TEXT NOT NULL,
        findings TEXT NOT NULL,
        source TEXT NOT NULL,
        editor TEXT NOT NULL,
        ts TEXT NOT NULL,
        PRIMARY KEY (day, arxiv_id, version)
    );
    CREATE TABLE review_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        day TEXT NOT NULL,
        arxiv_id TEXT,
        action TEXT NOT NULL,
        editor TEXT NOT NULL,
        old_text TEXT, new_text TEXT,
        old_state TEXT, new_state TEXT,
        detail TEXT
    );
    CREATE INDEX review_audit_day ON review_audit(day, id);
    CREATE TABLE review_publishes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        ts TEXT NOT NULL,
        editor TEXT NOT NULL,
        path TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        rows INTEGER NOT NULL
    );
    """,
    """
    ALTER TABLE review_rows ADD COLUMN run_id TEXT;
    """,
]

# The markdown renderer's marker, which older sidecars carried inside the summary text.
_MARKER = re.compile(r"^NEEDS REVIEW \([^)]*\):\s*")


class NotGenerated(DigestgenError):
    """The day has no sidecar from ``digestgen run``."""


class Conflict(DigestgenError):
    """A change based on an older version of the row."""


class UnknownRow(DigestgenError):
    pass


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Version:
    version: int
    text: str
    findings: list[Finding]
    source: str
    editor: str
    ts: str

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


@dataclass
class ReviewRow:
    day: str
    pos: int
    arxiv_id: str
    title: str
    authors: list[str]
    abstract: str | None
    state: str
    version: int
    rev: int
    current: Version
    versions: list[Version] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.current.text

    @property
    def findings(self) -> list[Finding]:
        return self.current.findings

    @property
    def errors(self) -> list[Finding]:
        return self.current.errors

    @property
    def arxiv_url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}"

    @property
    def hf_url(self) -> str:
        return f"https://huggingface.co/papers/{self.arxiv_id}"


@dataclass
class AuditEntry:
    id: int
    ts: str
    day: str
    arxiv_id: str | None
    action: str
    editor: str
    old_text: str | None
    new_text: str | None
    old_state: str | None
    new_state: str | None
    detail: str | None

    def to_json(self) -> dict:
        return self.__dict__.copy()


@dataclass
class PublishRecord:
    ts: str
    editor: str
    path: str
    fingerprint: str
    rows: int


def load_run_digest(settings, day: dt.date) -> Digest:
    """The day's digest as ``run`` left it (the store, else the markdown + JSON pair); one clear error if none."""
    from ..digests import default_out, load_digest, pair_problem

    digest = load_digest(settings, day)
    if digest is None:
        problem = pair_problem(default_out(settings, day))
        if problem is not None:  # a pair is there, but garbled: say so, not "no digest"
            raise NotGenerated(f"cannot read the digest of {day}: {problem}")
        raise NotGenerated(f"no digest for {day} (nothing in the store, no {default_out(settings, day)} with its "
                           f"JSON): run `digestgen run --date {day}` first")
    return digest


def fingerprint(digest: Digest) -> str:
    """What a published file depends on: the rows, their order and their text."""
    payload = [[r.arxiv_id, r.title, r.authors, r.summary] for r in digest.rows]
    return hashlib.sha256(json.dumps([digest.date.isoformat(), payload]).encode()).hexdigest()


class ReviewDB:
    """The review database (``review.sqlite`` in digestgen's home folder)."""

    def __init__(self, path: str | Path, config: ValidatorConfig | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.config = config
        self.mirror: StoreMirror | None = None  # set by open_day: review versions also go to the digest store
        self._lock = threading.RLock()
        self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA busy_timeout=5000")
        with self._lock:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for n, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                self.db.executescript(f"BEGIN; {sql}; PRAGMA user_version={n}; COMMIT;")

    @classmethod
    def for_settings(cls, settings) -> "ReviewDB":
        """``review.sqlite`` in digestgen's home folder, validating with the settings' word limits."""
        if hasattr(settings, "state_dir"):
            home = settings.state_dir()
        else:
            from ..config import user_dir

            home = user_dir()
        config = settings.validator_config() if hasattr(settings, "validator_config") else None
        db = cls(Path(home) / "review.sqlite", config)
        db.mirror = StoreMirror(settings)
        return db

    def close(self) -> None:
        self.db.close()

    # --- helpers ----------------------------------------------------------------------
    def validate(self, arxiv_id: str, title: str, authors: list[str], text: str, abstract: str | None) -> list[Finding]:
        return check_row(RowCheck(arxiv_id, title, authors, text, abstract=abstract), self.config)

    def _tx(self):
        db = self.db

        class _Tx:
            def __enter__(self_inner):
                db.execute("BEGIN IMMEDIATE")
                return db

            def __exit__(self_inner, exc_type, exc, tb):
                db.execute("COMMIT" if exc_type is None else "ROLLBACK")
                return False

        return _Tx()

    def _audit(self, day: str, arxiv_id: str | None, action: str, editor: str, *, old_text=None, new_text=None,
               old_state=None, new_state=None, detail=None) -> None:
        self.db.execute("INSERT INTO review_audit (ts, day, arxiv_id, action, editor, old_text, new_text, old_state,"
                        " new_state, detail) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (_now(), day, arxiv_id, action, editor, old_text, new_text, old_state, new_state, detail))

    # --- import -----------------------------------------------------------------------
    def has_day(self, day: dt.date) -> bool:
        with self._lock:
            return self.db.execute("SELECT 1 FROM review_rows WHERE day=? LIMIT 1", (day.isoformat(),)).fetchone() \
                is not None

    def import_digest(self, digest: Digest, *, editor: str = "digestgen run",
                      abstracts: dict[str, str] | None = None) -> int:
        """Bring the run's sidecar under review; returns how many rows were added or got a new run text.

        New rows come in as drafts (version 1). A row whose text a later run changed gets the new
        text as a new version: the current one if no editor has touched the row yet, else kept in
        its history (the editor's work is never overwritten; they can revert to it).
        """
        day = digest.date.isoformat()
        added = rerun = 0
        with self._lock, self._tx() as db:
            known = {r[0]: r[1:] for r in db.execute(
                "SELECT arxiv_id, state, version FROM review_rows WHERE day=?", (day,))}
            pos = db.execute("SELECT COALESCE(MAX(pos), 0) FROM review_rows WHERE day=?", (day,)).fetchone()[0]
            for row in digest.rows:
                abstract = getattr(row, "abstract", None) or (abstracts or {}).get(row.arxiv_id)
                text = _MARKER.sub("", row.summary).strip()
                if row.arxiv_id in known:
                    rerun += self._rerun(db, day, row.arxiv_id, text, row.engine or "run", editor, *known[row.arxiv_id])
                    if getattr(digest, "run_id", None):
                        db.execute("UPDATE review_rows SET run_id=? WHERE day=? AND arxiv_id=?",
                                   (digest.run_id, day, row.arxiv_id))
                    continue
                pos += 1
                known[row.arxiv_id] = ("draft", 1)
                findings = self.validate(row.arxiv_id, row.title, row.authors, text, abstract)
                findings += [f for f in row.findings if f.code in ("no_abstract", "metadata_failed", "wrong_paper", "generation_failed")
                             and f.code not in {g.code for g in findings}]
                db.execute("INSERT INTO review_rows (day, pos, arxiv_id, title, authors, abstract, state, version, rev,"
                           " run_id) VALUES (?,?,?,?,?,?,'draft',1,1,?)",
                           (day, pos, row.arxiv_id, row.title, json.dumps(row.authors), abstract,
                            getattr(digest, "run_id", None)))
                db.execute("INSERT INTO review_versions VALUES (?,?,?,?,?,?,?,?)",
                           (day, row.arxiv_id, 1, text, _dump(findings), row.engine or "run", editor, _now()))
                added += 1
            if added:
                self._audit(day, None, "import", editor, detail=f"{added} rows from the run's sidecar")
        return added + rerun

    def _rerun(self, db, day: str, arxiv_id: str, text: str, source: str, editor: str, state: str,
               version: int) -> int:
        texts = {t for (t,) in db.execute("SELECT text FROM review_versions WHERE day=? AND arxiv_id=?",
                                          (day, arxiv_id))}
        if text in texts:
            return 0
        title, authors, abstract = db.execute("SELECT title, authors, abstract FROM review_rows WHERE day=? AND "
                                              "arxiv_id=?", (day, arxiv_id)).fetchone()
        touched = db.execute("SELECT 1 FROM review_audit WHERE day=? AND arxiv_id=? AND action != 'rerun' LIMIT 1",
                             (day, arxiv_id)).fetchone() is not None
        old = db.execute("SELECT text FROM review_versions WHERE day=? AND arxiv_id=? AND version=?",
                         (day, arxiv_id, version)).fetchone()[0]
        new_version = db.execute("SELECT MAX(version) FROM review_versions WHERE day=? AND arxiv_id=?",
                                 (day, arxiv_id)).fetchone()[0] + 1
        findings = self.validate(arxiv_id, title, json.loads(authors), text, abstract)
        db.execute("INSERT INTO review_versions VALUES (?,?,?,?,?,?,?,?)",
                   (day, arxiv_id, new_version, text, _dump(findings), source, editor, _now()))
        if touched:
            self._audit(day, arxiv_id, "rerun", editor, old_text=old, new_text=text, old_state=state, new_state=state,
                        detail=f"a new run's text kept as version {new_version}; the editor's version {version} "
                               "stays current")
        else:
            db.execute("UPDATE review_rows SET version=?, rev=rev+1 WHERE day=? AND arxiv_id=?",
                       (new_version, day, arxiv_id))
            self._audit(day, arxiv_id, "rerun", editor, old_text=old, new_text=text, old_state=state, new_state=state,
                        detail=f"version {new_version} from a new run")
        return 1

    # --- reading ----------------------------------------------------------------------
    def _versions(self, day: str, arxiv_id: str) -> list[Version]:
        rows = self.db.execute("SELECT version, text, findings, source, editor, ts FROM review_versions"
                               " WHERE day=? AND arxiv_id=? ORDER BY version", (day, arxiv_id)).fetchall()
        return [Version(v, t, _load(f), s, e, ts) for v, t, f, s, e, ts in rows]

    def rows(self, day: dt.date) -> list[ReviewRow]:
        with self._lock:
            got = self.db.execute("SELECT day, pos, arxiv_id, title, authors, abstract, state, version, rev"
                                  " FROM review_rows WHERE day=? ORDER BY pos", (day.isoformat(),)).fetchall()
            out = []
            for d, pos, aid, title, authors, abstract, state, version, rev in got:
                versions = self._versions(d, aid)
                current = next(v for v in versions if v.version == version)
                out.append(ReviewRow(d, pos, aid, title, json.loads(authors), abstract, state, version, rev,
                                     current, versions))
            return out

    def row(self, day: dt.date, arxiv_id: str) -> ReviewRow:
        for r in self.rows(day):
            if r.arxiv_id == arxiv_id:
                return r
        raise UnknownRow(f"no row {arxiv_id} in the digest of {day}")

    def audit(self, day: dt.date) -> list[AuditEntry]:
        with self._lock:
            got = self.db.execute("SELECT id, ts, day, arxiv_id, action, editor, old_text, new_text, old_state,"
                                  " new_state, detail FROM review_audit WHERE day=? ORDER BY id",
                                  (day.isoformat(),)).fetchall()
        return [AuditEntry(*r) for r in got]

    # --- changes ----------------------------------------------------------------------
    def _check_rev(self, db, day: str, arxiv_id: str, base_rev: int | None) -> tuple:
        cur = db.execute("SELECT state, version, rev, title, authors, abstract FROM review_rows"
                         " WHERE day=? AND arxiv_id=?", (day, arxiv_id)).fetchone()
        if cur is None:
            raise UnknownRow(f"no row {arxiv_id} in the digest of {day}")
        if base_rev is not None and int(base_rev) != cur[2]:
            last = db.execute("SELECT editor, action, ts FROM review_audit WHERE day=? AND arxiv_id=?"
                              " ORDER BY id DESC LIMIT 1", (day, arxiv_id)).fetchone()
            who = f"{last[0]} ({last[1]} at {last[2]})" if last else "someone"
            raise Conflict(f"row {arxiv_id} was changed by {who} after you opened it; "
                           "reload to see the current version, then redo your change")
        return cur

    def check_rev(self, day: dt.date, arxiv_id: str, base_rev: int | None) -> None:
        """Raise :class:`Conflict` now if the row changed since ``base_rev`` (before slow work like regenerating)."""
        with self._lock:
            self._check_rev(self.db, day.isoformat(), arxiv_id, base_rev)

    def _new_version(self, day: dt.date, arxiv_id: str, text: str, *, editor: str, base_rev: int | None,
                     source: str, action: str, detail: str | None = None) -> ReviewRow:
        d = day.isoformat()
        text = text.strip()
        with self._lock, self._tx() as db:
            state, version, rev, title, authors, abstract = self._check_rev(db, d, arxiv_id, base_rev)
            old = db.execute("SELECT text FROM review_versions WHERE day=? AND arxiv_id=? AND version=?",
                             (d, arxiv_id, version)).fetchone()[0]
            new_version = db.execute("SELECT MAX(version) FROM review_versions WHERE day=? AND arxiv_id=?",
                                     (d, arxiv_id)).fetchone()[0] + 1
            findings = self.validate(arxiv_id, title, json.loads(authors), text, abstract)
            db.execute("INSERT INTO review_versions VALUES (?,?,?,?,?,?,?,?)",
                       (d, arxiv_id, new_version, text, _dump(findings), source, editor, _now()))
            # A changed text goes back to draft: an approval was of the old text.
            new_state = "draft" if state == "approved" else state
            db.execute("UPDATE review_rows SET version=?, rev=rev+1, state=? WHERE day=? AND arxiv_id=?",
                       (new_version, new_state, d, arxiv_id))
            self._audit(d, arxiv_id, action, editor, old_text=old, new_text=text, old_state=state,
                        new_state=new_state, detail=detail or f"version {new_version}")
            run_id = db.execute("SELECT run_id FROM review_rows WHERE day=? AND arxiv_id=?",
                                (d, arxiv_id)).fetchone()[0]
        if self.mirror is not None:
            self.mirror.version(run_id, arxiv_id, text, editor=editor, source=f"review:{action}", findings=findings)
        return self.row(day, arxiv_id)

    def edit(self, day: dt.date, arxiv_id: str, text: str, *, editor: str, base_rev: int | None) -> ReviewRow:
        if not text.strip():
            raise DigestgenError("the summary is empty: nothing saved")
        return self._new_version(day, arxiv_id, text, editor=editor, base_rev=base_rev, source="edit",
                                 action="edit")

    def regenerated(self, day: dt.date, arxiv_id: str, text: str, *, editor: str, base_rev: int | None,
                    engine: str) -> ReviewRow:
        return self._new_version(day, arxiv_id, text, editor=editor, base_rev=base_rev, source=engine,
                                 action="regenerate", detail=f"engine {engine}")

    def revert(self, day: dt.date, arxiv_id: str, to_version: int, *, editor: str, base_rev: int | None) -> ReviewRow:
        row = self.row(day, arxiv_id)
        target = next((v for v in row.versions if v.version == int(to_version)), None)
        if target is None:
            raise UnknownRow(f"row {arxiv_id} has no version {to_version}")
        return self._new_version(day, arxiv_id, target.text, editor=editor, base_rev=base_rev,
                                 source=f"revert to {to_version}", action="revert",
                                 detail=f"reverted to version {to_version}")

    def set_state(self, day: dt.date, arxiv_id: str, state: str, *, editor: str, base_rev: int | None) -> ReviewRow:
        if state not in STATES:
            raise DigestgenError(f"unknown state {state!r}; use one of {', '.join(STATES)}")
        d = day.isoformat()
        with self._lock, self._tx() as db:
            old, version, rev, *_ = self._check_rev(db, d, arxiv_id, base_rev)
            db.execute("UPDATE review_rows SET state=?, rev=rev+1 WHERE day=? AND arxiv_id=?", (state, d, arxiv_id))
            action = {"approved": "approve", "rejected": "reject", "draft": "reopen"}[state]
            self._audit(d, arxiv_id, action, editor, old_state=old, new_state=state, detail=f"version {version}")
        return self.row(day, arxiv_id)

    # --- publishing -------------------------------------------------------------------
    def record_publish(self, day: dt.date, *, path: str, fp: str, rows: int, editor: str) -> None:
        d = day.isoformat()
        with self._lock, self._tx() as db:
            db.execute("INSERT INTO review_publishes (day, ts, editor, path, fingerprint, rows) VALUES (?,?,?,?,?,?)",
                       (d, _now(), editor, str(path), fp, rows))
            self._audit(d, None, "publish", editor, detail=f"{rows} rows to {path}")

    def run_ids(self, day: dt.date, arxiv_ids: list[str]) -> set[str]:
        with self._lock:
            got = self.db.execute("SELECT arxiv_id, run_id FROM review_rows WHERE day=?", (day.isoformat(),)).fetchall()
        wanted = set(arxiv_ids)
        return {run for aid, run in got if aid in wanted and run}

    def last_publish(self, day: dt.date) -> PublishRecord | None:
        with self._lock:
            r = self.db.execute("SELECT ts, editor, path, fingerprint, rows FROM review_publishes WHERE day=?"
                                " ORDER BY id DESC LIMIT 1", (day.isoformat(),)).fetchone()
        return PublishRecord(*r) if r else None


def _dump(findings: list[Finding]) -> str:
    return json.dumps([f.model_dump(mode="json") for f in findings])


def _load(text: str) -> list[Finding]:
    return [Finding.model_validate(f) for f in json.loads(text)]


class StoreMirror:
    """Review versions also become row versions in digestgen's digest store (``load_digest`` then returns
    the edited text), and a publish marks the stored digest published. Best effort: the review database
    is the record of the review; a store without the run (a digest from a file pair only) is skipped."""

    def __init__(self, settings):
        self.settings = settings

    def version(self, run_id: str | None, arxiv_id: str, text: str, *, editor: str, source: str,
                findings: list[Finding]) -> None:
        if not run_id:
            return
        from ..digests import add_row_version, open_store

        store = open_store(self.settings)
        try:
            status = "needs_review" if any(f.severity == "error" for f in findings) else "ok"
            add_row_version(store, run_id, arxiv_id, text, author=editor, source=source, status=status,
                            findings=findings)
        except KeyError:
            pass
        finally:
            store.close()

    def published(self, run_ids: set[str]) -> None:
        from ..digests import mark_published, open_store

        store = open_store(self.settings)
        try:
            for run in run_ids:
                mark_published(store, run)
        finally:
            store.close()


def open_day(settings, day: dt.date, db: ReviewDB | None = None) -> ReviewDB:
    """The review database with ``day`` imported from its sidecar (new rows of a later run are added)."""
    db = db or ReviewDB.for_settings(settings)
    if db.mirror is None and hasattr(settings, "state_dir"):
        db.mirror = StoreMirror(settings)
    try:
        digest = load_run_digest(settings, day)
    except NotGenerated:
        if db.has_day(day):
            return db
        raise
    known = {r.arxiv_id for r in db.rows(day)}
    fresh = digest.model_copy(update={"rows": [r for r in digest.rows if r.arxiv_id not in known]})
    db.import_digest(digest, abstracts=cached_abstracts(settings, fresh))
    return db


def cached_abstracts(settings, digest: Digest) -> dict[str, str]:
    """Abstracts for sidecars that lack them, from the offline source cache (never the network)."""
    missing = [r.arxiv_id for r in digest.rows if not getattr(r, "abstract", None)]
    if not missing:
        return {}
    from ..cache import Cache
    from ..fetch import fetch_day

    try:
        papers = fetch_day(digest.date, cache=Cache(settings.cache_dir), offline=True, ids=missing, skip_seen=False,
                           settings=settings)
    except (DigestgenError, OSError, ValueError):
        return {}
    return {p.arxiv_id: p.abstract for p in papers.papers if p.abstract}


def to_digest_row(r: ReviewRow) -> DigestRow:
    return DigestRow(arxiv_id=r.arxiv_id, title=r.title, authors=r.authors, summary=r.text, findings=r.findings)
