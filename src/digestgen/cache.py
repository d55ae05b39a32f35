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
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel


class CacheEntry(BaseModel):
    source: str
    request: str
    blob: str
    fetched_at: str
    content_type: str | None = None
    status: int = 200


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
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
        if not blob.exists():
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

    def entry(self, source: str, request: str) -> CacheEntry | None:
        path = self._entry_path(source, request)
        try:
            return CacheEntry.model_validate(json.loads(path.read_text()))
        except FileNotFoundError:
            return None

    def get(self, source: str, request: str) -> bytes | None:
        """The cached response body, or None. A blob whose hash does not match is treated as missing."""
        entry = self.entry(source, request)
        if entry is None:
            return None
        try:
            content = self._blob_path(entry.blob).read_bytes()
        except FileNotFoundError:
            return None
        if hashlib.sha256(content).hexdigest() != entry.blob:
            return None
        return content
