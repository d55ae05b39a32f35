"""SQLite: the LLM call log and the response cache, with numbered migrations.

Every call is logged (tokens in and out, latency, cache hit, cost, outcome); every
response is stored under a key of model + template hash + rendered messages +
parameters, so a re-run, or a run resumed after a crash, repeats no call.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import time
from pathlib import Path

MIGRATIONS = [
    """
    CREATE TABLE responses (
        key TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        request TEXT NOT NULL,
        response TEXT NOT NULL,
        tokens_in INTEGER, tokens_out INTEGER,
        created TEXT NOT NULL
    );
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        run TEXT,
        arxiv_id TEXT,
        model TEXT NOT NULL,
        key TEXT,
        attempt INTEGER,
        cache_hit INTEGER NOT NULL,
        tokens_in INTEGER, tokens_out INTEGER,
        latency_ms REAL,
        cost REAL,
        outcome TEXT NOT NULL,
        error TEXT
    );
    CREATE INDEX calls_run ON calls(run);
    """,
    """
    CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        run TEXT,
        input_file TEXT,
        status TEXT,
        keys TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    """,
    # 3: digests as stored, versioned objects (digests.py). A digest is one run's day; each row's text lives in
    # row_versions (version 1 from the engine; later versions from review), so nothing is overwritten.
    """
    CREATE TABLE papers (
        arxiv_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,
        abstract TEXT,
        categories TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        updated TEXT NOT NULL
    );
    CREATE TABLE digests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        run_id TEXT NOT NULL UNIQUE,
        schema_version INTEGER NOT NULL,
        engine TEXT,
        model TEXT,
        prompt_hash TEXT,
        generated_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'generated',
        published_at TEXT,
        path TEXT,
        skipped TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX digests_day ON digests(day, id);
    CREATE TABLE digest_rows (
        digest_id INTEGER NOT NULL REFERENCES digests(id),
        position INTEGER NOT NULL,
        arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id),
        PRIMARY KEY (digest_id, position),
        UNIQUE (digest_id, arxiv_id)
    );
    CREATE INDEX digest_rows_paper ON digest_rows(arxiv_id);
    CREATE TABLE row_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        digest_id INTEGER NOT NULL REFERENCES digests(id),
        arxiv_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        text TEXT NOT NULL,
        parts TEXT,
        findings TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL,
        engine TEXT,
        model TEXT,
        created TEXT NOT NULL,
        author TEXT NOT NULL,
        source TEXT NOT NULL,
        UNIQUE (digest_id, arxiv_id, version)
    );
    """,
    # publish: the notification outbox / delivery log (digestgen.publish.deliveries)
    """
    CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        plan TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX deliveries_plan ON deliveries(plan);
    CREATE INDEX deliveries_status ON deliveries(status);
    """,
    # 5 (llm): what each call was for (summary, qa, judge...)
    """
    ALTER TABLE calls ADD COLUMN purpose TEXT;
    """,
    # 6 (llm): the structured-output mode each endpoint + model accepted, so a later process skips the probe
    """
    CREATE TABLE negotiated (
        endpoint TEXT NOT NULL,
        model TEXT NOT NULL,
        mode TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (endpoint, model)
    );
    """,
]


def _statements(script: str) -> list[str]:
    """A migration script as single statements (sqlite3's executescript would commit our transaction)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().rstrip(";").strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA busy_timeout=30000")  # before anything that may wait on another process
        self._wal()
        self._migrate()

    def _wal(self) -> None:
        """Switch to WAL once per database file. SQLite does not call the busy handler for this switch when
        another process holds the file (several processes opening a fresh database at once), so retry it."""
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        """Apply the missing migrations, each in its own write transaction.

        Several processes may open a fresh database at once: ``BEGIN IMMEDIATE`` takes the write lock
        first and the version is read again inside the transaction, so each migration runs exactly once.
        """
        with self._lock:
            if self.db.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS):
                return
            while True:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    version = self.db.execute("PRAGMA user_version").fetchone()[0]
                    if version >= len(MIGRATIONS):
                        self.db.execute("COMMIT")
                        return
                    for stmt in _statements(MIGRATIONS[version]):
                        self.db.execute(stmt)
                    self.db.execute(f"PRAGMA user_version={version + 1}")
                    self.db.execute("COMMIT")
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise

    @property
    def version(self) -> int:
        with self._lock:
            return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    # --- response cache -------------------------------------------------------------
    def get_response(self, key: str) -> dict | None:
        with self._lock:
            row = self.db.execute("SELECT response, tokens_in, tokens_out FROM responses WHERE key=?", (key,)).fetchone()
        if row is None:
            return None
        return {"response": json.loads(row[0]), "tokens_in": row[1], "tokens_out": row[2]}

    def put_response(self, key: str, model: str, request: dict, response: dict, tokens_in: int, tokens_out: int) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO responses VALUES (?,?,?,?,?,?,?)",
                            (key, model, json.dumps(request), json.dumps(response), tokens_in, tokens_out, _now()))

    # --- call log -------------------------------------------------------------------
    def log_call(self, *, run: str | None, arxiv_id: str | None, model: str, key: str | None, attempt: int,
                 cache_hit: bool, tokens_in: int, tokens_out: int, latency_ms: float, cost: float, outcome: str,
                 error: str | None = None, purpose: str | None = None) -> None:
        with self._lock:
            self.db.execute(
                "INSERT INTO calls (ts, run, arxiv_id, model, key, attempt, cache_hit, tokens_in, tokens_out,"
                " latency_ms, cost, outcome, error, purpose) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (_now(), run, arxiv_id, model, key, attempt, int(cache_hit), tokens_in, tokens_out, latency_ms,
                 cost, outcome, error, purpose))

    def run_totals(self, run: str) -> dict:
        with self._lock:
            row = self.db.execute(
                "SELECT COUNT(*), SUM(cache_hit), SUM(1 - cache_hit),"
                " COALESCE(SUM(tokens_in),0), COALESCE(SUM(tokens_out),0), COALESCE(SUM(cost),0)"
                " FROM calls WHERE run=? AND outcome='ok'", (run,)).fetchone()
            reasks = self.db.execute("SELECT COUNT(*) FROM calls WHERE run=? AND outcome='invalid'", (run,)).fetchone()
            failed = self.db.execute("SELECT COUNT(*) FROM calls WHERE run=? AND outcome NOT IN ('ok','invalid')",
                                     (run,)).fetchone()
        return {"calls": row[0] or 0, "cache_hits": row[1] or 0, "api_calls": row[2] or 0,
                "tokens_in": row[3], "tokens_out": row[4], "cost": row[5], "invalid_answers": reasks[0],
                "failed_attempts": failed[0]}

    # --- structured-output negotiation ---------------------------------------------------
    def negotiated_mode(self, endpoint: str, model: str) -> str | None:
        """The structured-output mode ``endpoint`` last accepted for ``model`` (None: never negotiated)."""
        with self._lock:
            row = self.db.execute("SELECT mode FROM negotiated WHERE endpoint=? AND model=?",
                                  (endpoint, model)).fetchone()
        return row[0] if row else None

    def remember_mode(self, endpoint: str, model: str, mode: str) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO negotiated VALUES (?,?,?,?)", (endpoint, model, mode, _now()))

    # --- batches --------------------------------------------------------------------
    def save_batch(self, batch_id: str, run: str, input_file: str, status: str, keys: list[str]) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO batches VALUES (?,?,?,?,?,?,?)",
                            (batch_id, run, input_file, status, json.dumps(keys), _now(), _now()))

    def open_batches(self) -> list[dict]:
        with self._lock:
            rows = self.db.execute("SELECT id, run, input_file, status, keys FROM batches "
                                   "WHERE status NOT IN ('completed','failed','expired','cancelled','collected')").fetchall()
        return [{"id": r[0], "run": r[1], "input_file": r[2], "status": r[3], "keys": json.loads(r[4])} for r in rows]

    def set_batch_status(self, batch_id: str, status: str) -> None:
        with self._lock:
            self.db.execute("UPDATE batches SET status=?, updated=? WHERE id=?", (status, _now(), batch_id))

    # --- transactions -----------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self):
        """``with store.transaction() as db:`` one write transaction (the write lock is taken up front)."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self.db.execute(sql, params).fetchall()
