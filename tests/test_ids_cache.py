import hashlib
import os

import pytest

from digestgen.cache import Cache, atomic_write
from digestgen.ids import canonical_id, is_arxiv_id


@pytest.mark.parametrize("value,expected", [
    ("2502.19613", "2502.19613"),
    ("2502.19613v3", "2502.19613"),
    ("arXiv:2502.19613v1", "2502.19613"),
    ("https://arxiv.org/abs/2502.19613v2", "2502.19613"),
    ("https://arxiv.org/pdf/2502.19613v2.pdf", "2502.19613"),
    ("https://huggingface.co/papers/2410.22366", "2410.22366"),
    ("0704.0001", "0704.0001"),
    ("hep-th/9901001v2", "hep-th/9901001"),
])
def test_canonical_id(value, expected):
    assert canonical_id(value) == expected


@pytest.mark.parametrize("bad", ["", "2502", "hello", "2502.19613x", "https://example.com/2502.19613"])
def test_canonical_id_rejects(bad):
    assert not is_arxiv_id(bad)
    with pytest.raises(ValueError):
        canonical_id(bad)


def test_cache_is_content_addressed(tmp_path):
    cache = Cache(tmp_path)
    e1 = cache.put("hf_daily", "daily_papers?date=2025-02-28", b"[1]")
    e2 = cache.put("arxiv", "id_list=1", b"[1]")
    assert e1.blob == e2.blob == hashlib.sha256(b"[1]").hexdigest()
    assert len(list((tmp_path / "blobs").rglob("*"))) == 2  # one folder, one blob
    assert cache.get("hf_daily", "daily_papers?date=2025-02-28") == b"[1]"
    assert cache.get("hf_daily", "daily_papers?date=2025-03-01") is None


def test_cache_ignores_a_corrupted_blob(tmp_path):
    cache = Cache(tmp_path)
    entry = cache.put("s", "r", b"good")
    blob = tmp_path / "blobs" / entry.blob[:2] / entry.blob
    blob.write_bytes(b"bad!")
    assert cache.get("s", "r") is None


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "d" / "x.md"
    atomic_write(target, b"old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["x.md"]  # no temp file left behind
