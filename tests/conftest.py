from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from digestgen.dataset import load_dataset

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "evalset" / "dev.jsonl"
ARCHIVE = SHARED / "references" / "digests"
SAMPLE_DAY = dt.date(2025, 2, 28)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """No test reads the developer's config, keys or endpoints, or writes outside tmp_path."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "DIGESTGEN_CONFIG", "DIGESTGEN_ENGINE", "DIGESTGEN_MODEL",
                "DIGESTGEN_ARCHIVE", "DIGESTGEN_HF_URL", "DIGESTGEN_ARXIV_URL", "DIGESTGEN_CACHE", "DIGESTGEN_OUT"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DIGESTGEN_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="session")
def dev_rows():
    if not DEV.exists():
        pytest.skip(f"{DEV} not found")
    return load_dataset(DEV)


@pytest.fixture(scope="session")
def sample_papers(dev_rows):
    return [r.paper() for r in dev_rows if r.date == SAMPLE_DAY.isoformat()]


@pytest.fixture
def archive():
    if not ARCHIVE.exists():
        pytest.skip(f"{ARCHIVE} not found")
    return ARCHIVE


def read_json(path: Path):
    return json.loads(Path(path).read_text())
