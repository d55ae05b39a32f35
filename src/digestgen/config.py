"""Settings: the one place digestgen reads environment variables and its config file.

Precedence, highest first: environment variables, then the TOML file named by
``DIGESTGEN_CONFIG`` (or passed to :meth:`Settings.load`), then the defaults below.
Every mistake (a missing or malformed file, an unknown key, a bad value, a home
that is a file) raises :class:`ConfigError` with one line that says what to fix.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

from .errors import DigestgenError


class ConfigError(DigestgenError):
    """The configuration (file or environment) is unusable."""


def _default_home(env=None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "digestgen"


# The one set of summary length limits: Settings' defaults, which the prompt and the validator both use.
MIN_WORDS = 60
MAX_WORDS = 250

# field -> environment variable. A field missing here can be set only in the TOML file.
ENV: dict[str, str] = {
    "cache_dir": "DIGESTGEN_CACHE",
    "out_dir": "DIGESTGEN_OUT",
    "archive_dirs": "DIGESTGEN_ARCHIVE",
    "engine": "DIGESTGEN_ENGINE",
    "model": "DIGESTGEN_MODEL",
    "openai_base_url": "OPENAI_BASE_URL",
    "openai_api_key": "OPENAI_API_KEY",
    "home": "DIGESTGEN_HOME",
    "review_editor": "DIGESTGEN_EDITOR",
    "hf_url": "DIGESTGEN_HF_URL",
    "arxiv_url": "DIGESTGEN_ARXIV_URL",
    "prompts_dir": "DIGESTGEN_PROMPTS",
    "prices_file": "DIGESTGEN_PRICES",
    "tiktoken_dir": "TIKTOKEN_CACHE_DIR",
    "min_words": "DIGESTGEN_MIN_WORDS",
    "max_words": "DIGESTGEN_MAX_WORDS",
    "lock_timeout": "DIGESTGEN_LOCK_TIMEOUT",
    "listing_source": "DIGESTGEN_LISTING_SOURCE",
    "metadata_source": "DIGESTGEN_METADATA_SOURCE",
    "run_deadline": "DIGESTGEN_DEADLINE",
    "llm_timeout": "DIGESTGEN_LLM_TIMEOUT",
    # publish
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


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    # --- where things are -------------------------------------------------------------
    cache_dir: Path = Path("cache")
    out_dir: Path = Path("out/digests")
    archive_dirs: list[Path] = []
    home: Path | None = None            # digestgen's own state (SQLite store, tiktoken files); see state_dir()
    # --- engines and the LLM endpoint -------------------------------------------------
    engine: str | None = None
    model: str | None = None
    openai_base_url: str | None = None
    openai_api_key: str | None = None
    # --- review -----------------------------------------------------------------------
    review_editor: str | None = None    # the editor's name in the review audit log (None: the login name)
    # --- core: sources, prompts, prices, limits ---------------------------------------
    listing_source: str = "hf_daily"    # a day -> its papers (sources registry; plugins add more)
    metadata_source: str = "arxiv"      # ids -> full records
    hf_url: str = "https://huggingface.co/api"
    arxiv_url: str = "https://export.arxiv.org/api/query"
    prompts_dir: Path | None = None     # None: the templates shipped in the package (prompts/ in a checkout)
    prices_file: Path | None = None     # None: the bundled prices.toml
    tiktoken_dir: Path | None = None    # None: <home>/tiktoken
    min_words: int = MIN_WORDS          # one set of limits: the prompt asks for them, the validator checks them
    max_words: int = MAX_WORDS
    lock_timeout: float = 0.0           # seconds a second run of the same day waits for the first (0: refuse)
    # --- llm: a total deadline (seconds) for summarising one day; unfinished rows are marked failed ----------
    run_deadline: float | None = Field(None, gt=0)
    llm_timeout: float = Field(60.0, gt=0)  # seconds one LLM answer may take (a slow local model needs more)

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

    @model_validator(mode="after")
    def _check(self) -> "Settings":
        if self.min_words < 1 or self.max_words < self.min_words:
            raise ValueError(f"word limits must satisfy 1 <= min_words <= max_words (got {self.min_words}, "
                             f"{self.max_words})")
        if self.lock_timeout < 0:
            raise ValueError("lock_timeout must be >= 0 seconds")
        return self

    @classmethod
    def load(cls, path: str | Path | None = None, *, environ: dict[str, str] | None = None) -> "Settings":
        """``path`` or ``DIGESTGEN_CONFIG`` (TOML), overridden by the environment variables in :data:`ENV`."""
        env = os.environ if environ is None else environ
        data: dict = {}
        path = path or env.get("DIGESTGEN_CONFIG")
        if path:
            data.update(_read_toml(Path(path)))
            unknown = sorted(set(data) - set(cls.model_fields))
            if unknown:
                raise ConfigError(f"config file {path}: unknown key {unknown[0]!r}; "
                                  f"known keys: {', '.join(cls.model_fields)}")
        for field, var in ENV.items():
            value = env.get(var)
            if value:
                data[field] = value.split(os.pathsep) if field == "archive_dirs" else value
        data.setdefault("home", _default_home(env))
        try:
            settings = cls(**data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "settings"
            var = ENV.get(str(err["loc"][0])) if err["loc"] else None
            hint = f" (environment variable {var} or the config file)" if var else ""
            raise ConfigError(f"bad setting {where}{hint}: {err['msg']}") from None
        home = settings.state_dir()
        if home.exists() and not home.is_dir():
            raise ConfigError(f"digestgen's home {home} is a file, not a folder: set DIGESTGEN_HOME to a folder")
        return settings

    # --- derived values ---------------------------------------------------------------
    def state_dir(self) -> Path:
        """Where digestgen keeps its own state: ``home`` or ``$XDG_DATA_HOME/digestgen``."""
        return self.home if self.home is not None else _default_home()

    def store_path(self) -> Path:
        return self.state_dir() / "llm.sqlite"

    def tiktoken_cache(self) -> Path:
        return self.tiktoken_dir if self.tiktoken_dir is not None else self.state_dir() / "tiktoken"

    def validator_config(self):
        """The validator's limits, the same ones the prompt states."""
        from .validate import ValidatorConfig

        return ValidatorConfig(min_words=self.min_words, max_words=self.max_words)

    def default_engine(self) -> str:
        """``extractive`` unless an LLM endpoint is configured."""
        if self.engine:
            return self.engine
        return "openai" if (self.openai_base_url or self.openai_api_key) and self.model else "extractive"


def _read_toml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found (named by DIGESTGEN_CONFIG)") from None
    except IsADirectoryError:
        raise ConfigError(f"config file {path} is a folder, not a TOML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


_CURRENT: dict[tuple, Settings] = {}


def current() -> Settings:
    """``Settings.load()``, remembered while the environment and the config file stay the same.

    For library code that has no Settings passed in (template lookup, prices, token files).
    """
    path = os.environ.get("DIGESTGEN_CONFIG")
    try:
        stamp = Path(path).stat().st_mtime_ns if path else None
    except OSError:
        stamp = None
    key = (tuple(os.environ.get(v) for v in ENV.values()), path, stamp, os.environ.get("XDG_DATA_HOME"))
    settings = _CURRENT.get(key)
    if settings is None:
        settings = Settings.load()
        _CURRENT.clear()
        _CURRENT[key] = settings
    return settings


def user_dir() -> Path:
    """Where digestgen keeps its own state (``DIGESTGEN_HOME``, else ``$XDG_DATA_HOME/digestgen``)."""
    return current().state_dir()


def prepare_offline_libraries() -> None:
    """Environment for libraries that read their own variables: the HF hub and transformers stay offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def set_library_env(name: str, value: str) -> str:
    """Give a library that reads its own environment variable a value, unless the user set one: returns it."""
    return os.environ.setdefault(name, value)
