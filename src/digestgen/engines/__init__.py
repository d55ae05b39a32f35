"""Engine registry: built-ins are registered exactly as a plugin would be.

Plugins add engines through the ``digestgen.engines`` entry-point group, each
entry pointing at an :class:`Engine` subclass.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

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


def get_engine(name: str, **options) -> Engine:
    target = _REGISTRY.get(name)
    if target is None:
        for ep in entry_points(group="digestgen.engines"):
            if ep.name == name:
                return ep.load()(**options)
        raise UsageError(f"unknown engine {name!r}; available: {', '.join(available())}")
    module, _, cls = target.partition(":")
    return getattr(import_module(module), cls)(**options)


__all__ = ["Engine", "NoAbstract", "available", "get_engine", "prose", "register"]
