"""The jinja2 environment over prompts/: every template renders with StrictUndefined."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent / "prompt_files"


def prompts_dir() -> Path:
    """``DIGESTGEN_PROMPTS`` if set, else the repository's prompts/ (or the installed copy)."""
    env = os.environ.get("DIGESTGEN_PROMPTS")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2] / "prompts"
    return repo if repo.is_dir() else PROMPTS_DIR


@functools.lru_cache(maxsize=8)
def environment(root: str | None = None):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(root or str(prompts_dir())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render(name: str, **variables) -> str:
    """Render ``prompts/<name>``; a missing variable raises instead of reaching the model."""
    return environment().get_template(name).render(**variables).strip()


def template_hash(name: str) -> str:
    """sha256 of a template's source: part of every response-cache key."""
    source, _, _ = environment().loader.get_source(environment(), name)
    return hashlib.sha256(source.encode()).hexdigest()[:16]
