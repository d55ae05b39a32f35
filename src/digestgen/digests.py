"""The stored digest: save and load, the markdown + JSON pair written as one step, and the per-file lock.

A digest is a stored, versioned object. The SQLite store (``store.py``, migration 3) is the
source of truth: ``digests`` (one per run and day), ``papers``, ``digest_rows`` (order) and
``row_versions`` (version 1 from the engine; review adds later versions, nothing is overwritten).
The files are exports of it:

* ``DD.md``: the reference markdown, with review markers added by the renderer;
* ``DD.json``: the Digest as JSON, plus ``markdown_sha256``, the hash of the ``DD.md`` it goes with.

The pair is written so that a crash never leaves one without the other: both are written to
temp files and fsynced, then the JSON is renamed into place, then the markdown. A reader
(:func:`read_pair`) accepts a markdown file only when the JSON beside it names its hash; a crash
between the two renames leaves a new JSON beside the old markdown, which reads as incomplete
(and the store still has the whole digest), so the next run, or :func:`load_digest`, recovers.

Two runs writing the same file do not interleave: :class:`OutputLock` holds an ``flock`` on a
hidden lock file beside it for the whole run; the second run refuses with one line, or waits
up to ``lock_timeout`` seconds. Taking the lock also proves the folder is writable, before any
fetching or summarising is spent.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import secrets
import tempfile
import time
from pathlib import Path

from .cache import new_file_mode
from .config import Settings
from .errors import DigestgenError
from .render import render_digest
from .store import Store
from .types import Digest, DigestRow, Finding, Summary

GENERATOR = "digestgen"


class OutputError(DigestgenError):
    """The output file cannot be written (permissions, a folder in the way)."""


class OutputLocked(DigestgenError):
    """Another run holds the output file's lock."""


def default_out(settings: Settings, day: dt.date) -> Path:
    return settings.out_dir / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.md"


def new_run_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    return f"{now:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def open_store(settings: Settings) -> Store:
    return Store(settings.store_path())


# --- the lock, and writability ------------------------------------------------------------

class OutputLock:
    """An exclusive ``flock`` on ``.<name>.lock`` beside ``path``, held while a run works on ``path``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_path = self.path.parent / f".{self.path.name}.lock"
        self._fd: int | None = None

    def _open(self) -> int:
        if self.path.is_dir():
            raise OutputError(f"cannot write {self.path}: it is a folder")
        for above in self.path.parents:
            if above.exists():
                if not above.is_dir():
                    raise OutputError(f"cannot write {self.path}: {above} is a file, not a folder "
                                      "(choose another --out / DIGESTGEN_OUT)")
                break
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except (PermissionError, FileExistsError, NotADirectoryError, OSError) as exc:
            reason = exc.strerror or type(exc).__name__
            raise OutputError(f"cannot write to {self.path.parent}: {reason.lower()} "
                              "(choose another --out / DIGESTGEN_OUT, or fix the folder's permissions)") from None
        if not os.access(self.path.parent, os.W_OK) or (self.path.exists() and not os.access(self.path, os.W_OK)):
            os.close(fd)
            raise OutputError(f"cannot write {self.path}: permission denied "
                              "(choose another --out / DIGESTGEN_OUT, or fix its permissions)")
        return fd

    def try_acquire(self) -> bool:
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def holder(self) -> str:
        try:
            pid = self.lock_path.read_text().strip()
        except OSError:
            pid = ""
        return f" (pid {pid})" if pid.isdigit() else ""

    def locked_error(self, waited: float) -> OutputLocked:
        waited_text = f" after waiting {waited:.0f} s" if waited else ""
        return OutputLocked(f"another digestgen run is writing {self.path}{self.holder()}{waited_text}: "
                            "let it finish, or set DIGESTGEN_LOCK_TIMEOUT to wait for it")

    def acquire(self, timeout: float = 0.0, poll: float = 0.1) -> None:
        """Blocking form, for synchronous callers; async code polls :meth:`try_acquire` instead."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise self.locked_error(timeout)
            time.sleep(poll)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "OutputLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


# --- the file pair -------------------------------------------------------------------------

def export_json(digest: Digest, markdown_sha256: str | None = None) -> bytes:
    data = digest.model_dump(mode="json")
    if markdown_sha256:
        data["markdown_sha256"] = markdown_sha256
    return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"


def _temp_beside(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, new_file_mode(path))  # an existing file keeps its mode, a new one follows the umask
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_pair(path: Path, digest: Digest) -> Path:
    """Write ``path`` (markdown) and its ``.json`` sidecar as one step (see the module docstring)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    md = render_digest(digest).encode("utf-8")
    js = export_json(digest, hashlib.sha256(md).hexdigest())
    sidecar = path.with_suffix(".json")
    tmp_md = _temp_beside(path, md)
    try:
        tmp_js = _temp_beside(sidecar, js)
    except BaseException:
        _unlink(tmp_md)
        raise
    try:
        os.replace(tmp_js, sidecar)
        os.replace(tmp_md, path)
    except BaseException:
        _unlink(tmp_js)
        _unlink(tmp_md)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return path


def read_pair(path: Path) -> Digest | None:
    """The Digest exported beside markdown ``path``, or None when the pair is missing or incomplete.

    Incomplete: the JSON does not name the markdown's hash (a crash between the two renames, or a
    file edited by hand). A version-1 sidecar (no hash; written before the pair protocol) is accepted.
    :func:`pair_problem` says why a pair that is there could not be read.
    """
    return _read_pair(Path(path))[0]


def pair_problem(path: Path) -> str | None:
    """Why the pair at markdown ``path`` cannot be read, as one line naming the file; None when it reads
    fine or when neither file is there (nothing was generated)."""
    path = Path(path)
    if not path.with_suffix(".json").exists() and not path.exists():
        return None
    return _read_pair(path)[1]


def _read_pair(path: Path) -> tuple[Digest | None, str | None]:
    sidecar = path.with_suffix(".json")
    try:
        raw = sidecar.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None, f"{path} has no JSON sidecar beside it ({sidecar.name} is missing)"
    except OSError as exc:
        return None, f"cannot read {sidecar}: {exc.strerror or exc}"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return None, f"{sidecar} is unreadable: not valid UTF-8 (byte {exc.start})"
    except json.JSONDecodeError as exc:
        return None, f"{sidecar} is unreadable: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    try:
        md = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None, f"{sidecar} has no markdown beside it ({path.name} is missing)"
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror or exc}"
    if not isinstance(data, dict):
        return None, f"{sidecar} is unreadable: not a digest (a JSON {type(data).__name__}, not an object)"
    expected = data.pop("markdown_sha256", None)
    if expected is not None and expected != hashlib.sha256(md).hexdigest():
        return None, (f"{path} does not match the hash its JSON names (edited by hand, or a run stopped "
                      f"between writing the two): re-run `digestgen run` for the day")
    if expected is None and data.get("schema_version", 1) >= 2:
        return None, f"{sidecar} is unreadable: it names no markdown_sha256 (not written by digestgen run)"
    try:
        return Digest.model_validate(data), None
    except ValueError as exc:
        first = exc.errors()[0] if hasattr(exc, "errors") and exc.errors() else None
        where = ".".join(str(x) for x in first["loc"]) if first else ""
        why = f"{where}: {first['msg']}" if first else str(exc).splitlines()[0]
        return None, f"{sidecar} is unreadable: not a digest ({why})"


# --- the store -----------------------------------------------------------------------------

def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _dump_findings(findings: list[Finding]) -> str:
    return json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False)


def record_digest(store: Store, digest: Digest, path: Path | None = None) -> int:
    """Store ``digest`` (papers, the digest, its rows as version 1): returns the digest's id."""
    if not digest.run_id:
        raise ValueError("a stored digest needs a run id")
    generated = (digest.generated_at or dt.datetime.now(dt.timezone.utc)).isoformat()
    with store.transaction() as db:
        cur = db.execute(
            "INSERT INTO digests (day, run_id, schema_version, engine, model, prompt_hash, generated_at, path, skipped)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (digest.date.isoformat(), digest.run_id, digest.schema_version, digest.engine, digest.model,
             digest.prompt_hash, generated, str(path) if path else None,
             json.dumps({i: digest.skip_reasons.get(i, "") for i in digest.skipped}, ensure_ascii=False)))
        digest_id = cur.lastrowid
        now = _now()
        for pos, row in enumerate(digest.rows, 1):
            db.execute(
                "INSERT INTO papers (arxiv_id, title, authors, abstract, updated) VALUES (?,?,?,?,?)"
                " ON CONFLICT(arxiv_id) DO UPDATE SET title=excluded.title, authors=excluded.authors,"
                " abstract=COALESCE(excluded.abstract, papers.abstract), updated=excluded.updated",
                (row.arxiv_id, row.title, json.dumps(row.authors, ensure_ascii=False), row.abstract, now))
            db.execute("INSERT INTO digest_rows (digest_id, position, arxiv_id) VALUES (?,?,?)",
                       (digest_id, pos, row.arxiv_id))
            db.execute(
                "INSERT INTO row_versions (digest_id, arxiv_id, version, text, parts, findings, status, engine, model,"
                " created, author, source) VALUES (?,?,1,?,?,?,?,?,?,?,?,?)",
                (digest_id, row.arxiv_id, row.summary, row.parts.model_dump_json() if row.parts else None,
                 _dump_findings(row.findings), row.status, row.engine, row.model, now, GENERATOR,
                 f"engine:{row.engine or digest.engine or '?'}"))
    return digest_id


def add_row_version(store: Store, run_id: str, arxiv_id: str, text: str, *, author: str, source: str,
                    status: str = "ok", parts: Summary | None = None, findings: list[Finding] | None = None) -> int:
    """A new version of one row of a stored digest (an editor's fix, a re-generation): returns its number."""
    with store.transaction() as db:
        found = db.execute("SELECT d.id FROM digests d JOIN digest_rows r ON r.digest_id = d.id"
                           " WHERE d.run_id=? AND r.arxiv_id=?", (run_id, arxiv_id)).fetchone()
        if found is None:
            raise KeyError(f"no row {arxiv_id} in the digest of run {run_id}")
        latest = db.execute("SELECT MAX(version), engine, model FROM row_versions WHERE digest_id=? AND arxiv_id=?",
                            (found[0], arxiv_id)).fetchone()
        version = (latest[0] or 0) + 1
        db.execute(
            "INSERT INTO row_versions (digest_id, arxiv_id, version, text, parts, findings, status, engine, model,"
            " created, author, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (found[0], arxiv_id, version, text, parts.model_dump_json() if parts else None,
             _dump_findings(findings or []), status, latest[1], latest[2], _now(), author, source))
    return version


def row_history(store: Store, run_id: str, arxiv_id: str) -> list[dict]:
    rows = store.query(
        "SELECT v.version, v.text, v.status, v.findings, v.created, v.author, v.source FROM row_versions v"
        " JOIN digests d ON d.id = v.digest_id WHERE d.run_id=? AND v.arxiv_id=? ORDER BY v.version",
        (run_id, arxiv_id))
    return [{"version": r[0], "text": r[1], "status": r[2], "findings": json.loads(r[3]), "created": r[4],
             "author": r[5], "source": r[6]} for r in rows]


def mark_published(store: Store, run_id: str, when: dt.datetime | None = None) -> None:
    when = when or dt.datetime.now(dt.timezone.utc)
    with store.transaction() as db:
        db.execute("UPDATE digests SET state='published', published_at=? WHERE run_id=?", (when.isoformat(), run_id))


def stored_digest(store: Store, day: dt.date, run_id: str | None = None) -> Digest | None:
    """The latest stored digest of ``day`` (or the one of ``run_id``), each row at its latest version."""
    if run_id:
        head = store.query("SELECT id, run_id, schema_version, engine, model, prompt_hash, generated_at, skipped"
                           " FROM digests WHERE run_id=?", (run_id,))
    else:
        head = store.query("SELECT id, run_id, schema_version, engine, model, prompt_hash, generated_at, skipped"
                           " FROM digests WHERE day=? ORDER BY id DESC LIMIT 1", (day.isoformat(),))
    if not head:
        return None
    digest_id, run, schema, engine, model, prompt_hash, generated, skipped = head[0]
    rows = store.query(
        "SELECT r.arxiv_id, p.title, p.authors, p.abstract, v.text, v.parts, v.findings, v.status, v.engine, v.model"
        " FROM digest_rows r JOIN papers p ON p.arxiv_id = r.arxiv_id"
        " JOIN row_versions v ON v.digest_id = r.digest_id AND v.arxiv_id = r.arxiv_id"
        " WHERE r.digest_id=? AND v.version = (SELECT MAX(version) FROM row_versions w"
        "   WHERE w.digest_id = r.digest_id AND w.arxiv_id = r.arxiv_id)"
        " ORDER BY r.position", (digest_id,))
    skip = json.loads(skipped)
    return Digest(
        schema_version=schema, date=day, run_id=run, engine=engine, model=model, prompt_hash=prompt_hash,
        generated_at=dt.datetime.fromisoformat(generated), skipped=sorted(skip), skip_reasons=skip,
        rows=[DigestRow(arxiv_id=a, title=t, authors=json.loads(au), abstract=ab, summary=text,
                        parts=Summary.model_validate_json(parts) if parts else None,
                        findings=[Finding.model_validate(f) for f in json.loads(fi)], status=st, engine=en,
                        model=mo)
              for a, t, au, ab, text, parts, fi, st, en, mo in rows])


def earlier_ids(store: Store, before: dt.date) -> dict[str, dt.date]:
    """Ids in the latest stored digest of each day before ``before``: id -> the first such day."""
    rows = store.query(
        "SELECT r.arxiv_id, MIN(d.day) FROM digest_rows r JOIN digests d ON d.id = r.digest_id"
        " WHERE d.day < ? AND d.id = (SELECT MAX(id) FROM digests e WHERE e.day = d.day)"
        " GROUP BY r.arxiv_id", (before.isoformat(),))
    return {a: dt.date.fromisoformat(d) for a, d in rows}


# --- the library functions others use ------------------------------------------------------

def save_digest(settings: Settings, digest: Digest, path: Path | None = None, *, store: Store | None = None) -> Path:
    """Store ``digest`` and write its markdown + JSON pair (default ``out/digests/YYYY/MM/DD.md``): returns the path.

    Give it a run id first (one is made if missing). The caller holds :class:`OutputLock` when
    other runs may write the same file; ``digestgen run`` does.
    """
    path = Path(path) if path else default_out(settings, digest.date)
    if not digest.run_id:
        digest = digest.model_copy(update={"run_id": new_run_id()})
    if digest.generated_at is None:
        digest = digest.model_copy(update={"generated_at": dt.datetime.now(dt.timezone.utc)})
    own = store is None
    store = store or open_store(settings)
    try:
        record_digest(store, digest, path)
    finally:
        if own:
            store.close()
    return write_pair(path, digest)


def load_digest(settings: Settings, day: dt.date, *, store: Store | None = None,
                path: Path | None = None) -> Digest | None:
    """The day's digest: from the store (latest run, latest row versions), else from a complete file pair."""
    own = store is None
    store = store or open_store(settings)
    try:
        found = stored_digest(store, day)
    finally:
        if own:
            store.close()
    if found is not None:
        return found
    return read_pair(Path(path) if path else default_out(settings, day))
