"""Content-addressed store for raw source responses, with atomic writes.

Layout under the cache root::

    blobs/ab/abcdef....            raw bytes, named by their sha256
    requests/<source>/<key>.json   what was asked, when, and which blob answered

A request key is the sha256 of the canonical request (source name + request
string), so the same question always maps to the same entry, live or offline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import stat
import tempfile
import threading
from pathlib import Path

from pydantic import BaseModel, ValidationError

log = logging.getLogger("digestgen.cache")


class CacheEntry(BaseModel):
    source: str
    request: str
    blob: str
    fetched_at: str
    content_type: str | None = None
    status: int = 200


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process umask (read without changing it where /proc allows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def new_file_mode(path: Path) -> int:
    """The mode a plain write would give ``path``: an existing file keeps its mode, a new one gets 0666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half of one.

    The file gets the mode a plain write would give it (mkstemp alone would make every file 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = new_file_mode(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def request_key(source: str, request: str) -> str:
    return hashlib.sha256(f"{source}\n{request}".encode()).hexdigest()


class Cache:
    """Raw responses keyed by (source, request), stored content-addressed."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    def _blob_path(self, digest: str) -> Path:
        return self.root / "blobs" / digest[:2] / digest

    def _entry_path(self, source: str, request: str) -> Path:
        return self.root / "requests" / source / f"{request_key(source, request)}.json"

    def put(self, source: str, request: str, content: bytes, *, content_type: str | None = None) -> CacheEntry:
        digest = hashlib.sha256(content).hexdigest()
        blob = self._blob_path(digest)
        if not self._blob_ok(blob, digest):  # missing, or corrupt: a fresh fetch repairs it
            atomic_write(blob, content)
        entry = CacheEntry(
            source=source,
            request=request,
            blob=digest,
            fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            content_type=content_type,
        )
        atomic_write(self._entry_path(source, request), entry.model_dump_json(indent=1).encode() + b"\n")
        return entry

    @staticmethod
    def _blob_ok(blob: Path, digest: str) -> bool:
        try:
            return hashlib.sha256(blob.read_bytes()).hexdigest() == digest
        except (FileNotFoundError, IsADirectoryError):
            return False

    def entry(self, source: str, request: str, *, warn: bool = True) -> CacheEntry | None:
        """The request's entry, or None; a garbled entry (bad JSON, wrong fields) is a miss with one warning."""
        path = self._entry_path(source, request)
        try:
            return CacheEntry.model_validate(json.loads(path.read_bytes()))
        except FileNotFoundError:
            return None
        except (ValueError, ValidationError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            if warn:
                log.warning("warning: cache entry %s is garbled (%s); treating it as a miss",
                            path, str(exc).splitlines()[0][:80])
            return None

    def get(self, source: str, request: str) -> bytes | None:
        """The cached response body, or None. A blob whose hash does not match is treated as missing."""
        entry = self.entry(source, request)
        if entry is None:
            return None
        try:
            content = self._blob_path(entry.blob).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            return None
        if hashlib.sha256(content).hexdigest() != entry.blob:
            return None
        return content

    def state(self, source: str, request: str) -> str:
        """``ok``, ``missing`` (never fetched), ``garbled`` (unreadable entry) or ``corrupt`` (blob gone or altered)."""
        path = self._entry_path(source, request)
        if not path.exists():
            return "missing"
        entry = self.entry(source, request, warn=False)
        if entry is None:
            return "garbled"
        return "ok" if self._blob_ok(self._blob_path(entry.blob), entry.blob) else "corrupt"

    def offline_miss(self, source: str, request: str, what: str) -> str:
        """The one line for an offline miss: what is wrong with the cached answer, and what actually helps."""
        state = self.state(source, request)
        if state == "corrupt":
            why = f"the cached {what} is corrupt (its bytes no longer match their hash)"
        elif state == "garbled":
            why = f"the cache entry for {what} is garbled"
        else:
            why = f"the cache has no {what}"
        return (f"offline: {why}; run the same command without --offline to fetch it"
                f"{' again (the bad copy is replaced)' if state in ('corrupt', 'garbled') else ''}, "
                f"or point --cache-dir at a cache that has it")
