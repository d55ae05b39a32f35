"""Settings: environment variables first, then an optional TOML file, then defaults."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict


def user_dir() -> Path:
    """Where digestgen keeps its own state (logs, response cache); ``DIGESTGEN_HOME`` overrides."""
    env = os.environ.get("DIGESTGEN_HOME")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "digestgen"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cache_dir: Path = Path("cache")
    out_dir: Path = Path("out/digests")
    archive_dirs: list[Path] = []
    engine: str | None = None
    model: str | None = None
    openai_base_url: str | None = None
    openai_api_key: str | None = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Settings":
        """``path`` or ``DIGESTGEN_CONFIG`` (TOML), overridden by ``DIGESTGEN_*`` / ``OPENAI_*`` variables."""
        data: dict = {}
        path = path or os.environ.get("DIGESTGEN_CONFIG")
        if path:
            data.update(tomllib.loads(Path(path).read_text()))
        env = {
            "cache_dir": os.environ.get("DIGESTGEN_CACHE"),
            "out_dir": os.environ.get("DIGESTGEN_OUT"),
            "engine": os.environ.get("DIGESTGEN_ENGINE"),
            "model": os.environ.get("DIGESTGEN_MODEL"),
            "openai_base_url": os.environ.get("OPENAI_BASE_URL"),
            "openai_api_key": os.environ.get("OPENAI_API_KEY"),
        }
        data.update({k: v for k, v in env.items() if v})
        if os.environ.get("DIGESTGEN_ARCHIVE"):
            data["archive_dirs"] = os.environ["DIGESTGEN_ARCHIVE"].split(os.pathsep)
        return cls(**data)

    def default_engine(self) -> str:
        """``extractive`` unless an LLM endpoint is configured."""
        if self.engine:
            return self.engine
        return "openai" if (self.openai_base_url or self.openai_api_key) and self.model else "extractive"
