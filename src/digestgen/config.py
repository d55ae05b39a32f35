"""Settings: environment variables first, then an optional TOML file, then defaults."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, SecretStr


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

    # --- publish (digestgen.publish, `daily`) ---------------------------------------
    publish_dir: Path = Path("public")        # archive/, README.md index, site/ (HTML, feeds)
    timezone: str = "UTC"                     # what today/tomorrow/yesterday mean
    site_title: str = "Daily AI Papers"
    site_url: str | None = None               # absolute base URL of site/ for feed links; relative without it
    feed_days: int = 30
    review_required: bool = True              # `daily` stops at drafts for an editor's approval
    slack_webhook_url: SecretStr | None = None
    telegram_bot_token: SecretStr | None = None
    telegram_chat_id: str | None = None
    telegram_api_url: str = "https://api.telegram.org"
    editors_slack_webhook_url: SecretStr | None = None
    editors_telegram_chat_id: str | None = None

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
        data.update(_publish_env())
        if os.environ.get("DIGESTGEN_ARCHIVE"):
            data["archive_dirs"] = os.environ["DIGESTGEN_ARCHIVE"].split(os.pathsep)
        return cls(**data)

    def default_engine(self) -> str:
        """``extractive`` unless an LLM endpoint is configured."""
        if self.engine:
            return self.engine
        return "openai" if (self.openai_base_url or self.openai_api_key) and self.model else "extractive"


_PUBLISH_ENV = {
    "publish_dir": "DIGESTGEN_PUBLISH_DIR",
    "timezone": "DIGESTGEN_TIMEZONE",
    "site_title": "DIGESTGEN_SITE_TITLE",
    "site_url": "DIGESTGEN_SITE_URL",
    "feed_days": "DIGESTGEN_FEED_DAYS",
    "review_required": "DIGESTGEN_REVIEW",
    "slack_webhook_url": "DIGESTGEN_SLACK_WEBHOOK",
    "telegram_bot_token": "DIGESTGEN_TELEGRAM_TOKEN",
    "telegram_chat_id": "DIGESTGEN_TELEGRAM_CHAT",
    "telegram_api_url": "DIGESTGEN_TELEGRAM_URL",
    "editors_slack_webhook_url": "DIGESTGEN_EDITORS_SLACK_WEBHOOK",
    "editors_telegram_chat_id": "DIGESTGEN_EDITORS_TELEGRAM_CHAT",
}


def _publish_env() -> dict:
    """The publish block's variables (secrets included: only read here, never logged)."""
    out: dict = {}
    for key, var in _PUBLISH_ENV.items():
        value = os.environ.get(var)
        if not value:
            continue
        if key == "review_required":
            out[key] = value.strip().lower() not in ("0", "false", "no", "off")
        else:
            out[key] = value
    return out
