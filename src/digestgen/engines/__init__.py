"""Engine registry: built-ins are registered exactly as a plugin would be.

Plugins add engines through the ``digestgen.engines`` entry-point group, each
entry pointing at an :class:`Engine` subclass.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points
from typing import Callable

from ..errors import UsageError
from .base import Engine, NoAbstract, prose

_REGISTRY: dict[str, str] = {}


def register(name: str, target: str) -> None:
    """Register ``target`` ("module:Class") under ``name``; imported only when used."""
    _REGISTRY[name] = target


register("extractive", "digestgen.engines.extractive:ExtractiveEngine")
register("openai", "digestgen.engines.openai_engine:OpenAIEngine")


def available() -> list[str]:
    names = set(_REGISTRY)
    names.update(ep.name for ep in entry_points(group="digestgen.engines"))
    return sorted(names)


def engine_class(name: str) -> type[Engine]:
    """The class registered under ``name`` (built-in or entry point), imported now."""
    target = _REGISTRY.get(name)
    if target is None:
        for ep in entry_points(group="digestgen.engines"):
            if ep.name == name:
                return ep.load()
        raise UsageError(f"unknown engine {name!r}; available: {', '.join(available())}")
    module, _, cls = target.partition(":")
    return getattr(import_module(module), cls)


def get_engine(name: str, **options) -> Engine:
    return engine_class(name)(**options)


def settings_options(cls: type[Engine], settings) -> dict:
    """The settings (model, base URL, key, state database, word limits) for the fields ``cls.Options`` declares."""
    offered = {"model": settings.model, "base_url": settings.openai_base_url, "api_key": settings.openai_api_key,
               "store": settings.store_path(), "timeout": settings.llm_timeout,
               # one set of limits: the prompt asks for the word range the validator checks
               "min_words": settings.min_words, "max_words": settings.max_words}
    fields = cls.Options.model_fields
    return {k: v for k, v in offered.items() if k in fields and v is not None}


def build_engine(settings, name: str | None = None, *, warn: Callable[[str], None] | None = None,
                 **options) -> Engine:
    """The engine named (or the configured default) with the settings and options its ``Options`` declare.

    Options the engine does not declare are left out, with one warning naming them
    (``--concurrency 4`` means nothing to the extractive engine); ``None`` means "not given".
    """
    name = name or settings.default_engine()
    cls = engine_class(name)
    given = {k: v for k, v in options.items() if v is not None}
    fields = cls.Options.model_fields
    ignored = sorted(k for k in given if k not in fields)
    if ignored and warn:
        warn(f"the {name} engine ignores " + ", ".join("--" + k.replace("_", "-") for k in ignored))
    return cls(**{**settings_options(cls, settings), **{k: v for k, v in given.items() if k in fields}})


__all__ = ["Engine", "NoAbstract", "available", "build_engine", "engine_class", "get_engine", "prose", "register",
           "settings_options"]
