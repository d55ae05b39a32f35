from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from digestgen.dataset import load_dataset

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "evalset" / "dev.jsonl"
ARCHIVE = SHARED / "references" / "digests"
SAMPLE_DAY = dt.date(2025, 2, 28)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (the default in pyproject.toml): two worker processes when the run is the whole suite (no
    arguments, or folders), one process (no workers) when it names files or tests: starting workers costs more
    than it saves on a few files. At most the CPUs this process may use."""
    whole = all(Path(a).is_dir() for a in config.args)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(2, cpus)
    return workers if whole and workers > 1 else 0


# Under two workers, files that load the same heavy thing run on one worker, so that it is loaded once: MiniLM
# (torch, ~4 s of CPU to import and load) and the offline engine's dev-set rows (session fixture dev_prose).
SHARED_WORKER = {"test_eval.py": "minilm", "test_qa.py": "minilm", "test_qa_embed_speed.py": "minilm",
                 "test_qa_slow.py": "minilm", "test_publish_select.py": "minilm",
                 "test_extractive.py": "dev_prose", "test_validate_content.py": "dev_prose"}


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` (pyproject.toml), with the files of SHARED_WORKER kept together as one unit."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SharedLoadFile(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return SHARED_WORKER.get(path.rsplit("/", 1)[-1], path)

    return SharedLoadFile(config, log)


def isolate(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """No digestgen setting from the developer's environment; state under ``home``."""
    from digestgen.config import ENV

    # TIKTOKEN_CACHE_DIR stays: the BPE files are installed once per session, not once per test
    for var in {"DIGESTGEN_CONFIG", *ENV.values()} - {"TIKTOKEN_CACHE_DIR"}:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DIGESTGEN_HOME", str(home))


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """No test reads the developer's config, keys or endpoints, or writes outside tmp_path."""
    isolate(monkeypatch, tmp_path / "home")


@pytest.fixture(scope="module")
def isolated_module_env(tmp_path_factory):
    """For module-scoped fixtures (set up before the per-test isolation): the same isolation, around the fixture's
    own work, with state under a tmp folder of its own. Yields that folder."""
    root = tmp_path_factory.mktemp("module")
    with pytest.MonkeyPatch.context() as mp:
        isolate(mp, root / "home")
        yield root


def _need(path: Path) -> None:
    """The real data is required in CI; elsewhere its absence skips the test, loudly."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} not found (CI must have shared/ beside the clone, or set DIGESTGEN_SHARED)")
        pytest.skip(f"{path} not found; set DIGESTGEN_SHARED")


@pytest.fixture(scope="session")
def dev_rows():
    _need(DEV)
    return load_dataset(DEV)


@pytest.fixture(scope="session")
def sample_papers(dev_rows):
    return [r.paper() for r in dev_rows if r.date == SAMPLE_DAY.isoformat()]


@pytest.fixture(scope="session")
def dev_prose(dev_rows):
    """The offline engine's prose for every dev paper with an abstract, once per session (by arxiv id):
    the tests that read the engine's dev-set rows share it instead of summarising the 34 papers each."""
    from digestgen.engines import get_engine, prose

    engine = get_engine("extractive")
    return {r.arxiv_id: prose(engine.summarize(r.paper())) for r in dev_rows if r.abstract}


@pytest.fixture
def archive():
    _need(ARCHIVE)
    return ARCHIVE


def read_json(path: Path):
    return json.loads(Path(path).read_text())
