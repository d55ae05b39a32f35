"""Written files get the mode a plain write would give them; the cache repairs itself and says what helps."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from contextlib import contextmanager

import pytest

from digestgen.cache import Cache, atomic_write
from digestgen.digests import write_pair
from digestgen.errors import OfflineMiss
from digestgen.retry import BackoffWait
from digestgen.sources.hf_daily import HFDailySource
from digestgen.testing.servers import LocalServer, hf_daily_handler
from digestgen.types import Digest, DigestRow

DAY = "2025-02-28"
FAST = BackoffWait(initial=0.01, maximum=0.05, jitter=0)


@contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --- modes -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mask,expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path, mask, expected):
    with umask(mask):
        atomic_write(tmp_path / "a" / "f.md", b"x")
    assert mode(tmp_path / "a" / "f.md") == expected


@pytest.mark.parametrize("existing", [0o644, 0o600, 0o640])
def test_an_overwritten_file_keeps_its_mode(tmp_path, existing):
    path = tmp_path / "f.md"
    path.write_bytes(b"old")
    path.chmod(existing)
    with umask(0o077 if existing == 0o644 else 0o022):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"new" and mode(path) == existing


def test_digest_pair_is_world_readable_under_umask_022_and_keeps_an_existing_mode(tmp_path):
    digest = Digest(date=dt.date(2025, 2, 28), rows=[
        DigestRow(arxiv_id="2502.19613", title="T", authors=["A"], summary="S 1.")])
    out = tmp_path / "2025" / "02" / "28.md"
    with umask(0o022):
        write_pair(out, digest)
    assert mode(out) == 0o644 and mode(out.with_suffix(".json")) == 0o644
    out.chmod(0o640)
    with umask(0o022):
        write_pair(out, digest)
    assert mode(out) == 0o640


# --- cache repair ----------------------------------------------------------------------------------------

def _corrupt_blob(cache: Cache, source: str, request: str) -> None:
    blob = cache._blob_path(cache.entry(source, request).blob)
    blob.write_bytes(blob.read_bytes()[:-5] + b"XXXXX")


def test_put_repairs_a_corrupt_blob(tmp_path):
    cache = Cache(tmp_path)
    cache.put("src", "req", b"payload")
    _corrupt_blob(cache, "src", "req")
    assert cache.get("src", "req") is None and cache.state("src", "req") == "corrupt"
    cache.put("src", "req", b"payload")
    assert cache.get("src", "req") == b"payload" and cache.state("src", "req") == "ok"


@pytest.fixture
def hf_server(sample_papers):
    with LocalServer(hf_daily_handler({DAY: sample_papers})) as srv:
        yield srv


def test_live_fetch_repairs_a_corrupt_blob_and_offline_then_works(tmp_path, hf_server, sample_papers):
    cache = Cache(tmp_path / "cache")
    src = HFDailySource(cache, base_url=hf_server.url + "/api", backoff=FAST)
    src.fetch(DAY)
    req = HFDailySource.request_for(dt.date(2025, 2, 28))
    _corrupt_blob(cache, "hf_daily", req)
    offline = HFDailySource(cache, offline=True)
    with pytest.raises(OfflineMiss) as exc:
        offline.fetch(DAY)
    msg = str(exc.value)
    assert "corrupt" in msg and "without --offline" in msg and "digestgen fetch" not in msg
    assert len(src.fetch(DAY)) == len(sample_papers)  # live: fetched again
    assert len(hf_server.requests) == 2
    assert [p.arxiv_id for p in offline.fetch(DAY)] == [p.arxiv_id for p in sample_papers]  # and repaired


@pytest.mark.parametrize("garbage", [b"{not json", b"\xff\xfe", b'{"source": 3}', b"[]", b""])
def test_a_garbled_entry_is_a_miss_with_one_warning(tmp_path, hf_server, sample_papers, caplog, garbage):
    cache = Cache(tmp_path / "cache")
    req = HFDailySource.request_for(dt.date(2025, 2, 28))
    entry = cache._entry_path("hf_daily", req)
    entry.parent.mkdir(parents=True)
    entry.write_bytes(garbage)
    with caplog.at_level(logging.WARNING, logger="digestgen.cache"):
        with pytest.raises(OfflineMiss, match="garbled.*without --offline to fetch it again"):
            HFDailySource(cache, offline=True).fetch(DAY)
    assert len([r for r in caplog.records if r.name == "digestgen.cache"]) == 1
    assert "garbled" in caplog.records[0].getMessage()
    # live: treated as a miss, fetched, and the entry rewritten
    got = HFDailySource(cache, base_url=hf_server.url + "/api", backoff=FAST).fetch(DAY)
    assert len(got) == len(sample_papers) and cache.state("hf_daily", req) == "ok"


def test_offline_run_with_a_garbled_entry_is_one_error_line(tmp_path, capsys, monkeypatch):
    from digestgen.cli import main

    cache = Cache(tmp_path / "cache")
    entry = cache._entry_path("hf_daily", HFDailySource.request_for(dt.date(2025, 3, 1)))
    entry.parent.mkdir(parents=True)
    entry.write_text("{garbled")
    monkeypatch.setenv("DIGESTGEN_OUT", str(tmp_path / "out"))
    with pytest.raises(SystemExit) as exc:
        main(["run", "--date", "2025-03-01", "--offline", "--cache-dir", str(cache.root)])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and "Traceback" not in err
    errors = [x for x in err.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and "garbled" in errors[0]
