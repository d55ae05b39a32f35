"""Paper sources behind two interfaces (listing, metadata), found through a registry like the engines'.

Built-ins are registered exactly as a plugin would be; plugins add sources through the
``digestgen.listings`` and ``digestgen.metadata`` entry-point groups ("module:Class").
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from ..errors import UsageError
from .base import ListingRequest, ListingSource, MetadataAnswer, MetadataRequest, MetadataSource, Source

_GROUPS = {"listing": "digestgen.listings", "metadata": "digestgen.metadata"}
_REGISTRY: dict[str, dict[str, str]] = {"listing": {}, "metadata": {}}
_BASES = {"listing": ListingSource, "metadata": MetadataSource}


def register(kind: str, name: str, target: str) -> None:
    """Register ``target`` ("module:Class") as the ``kind`` ("listing" or "metadata") source ``name``."""
    _REGISTRY[kind][name] = target


register("listing", "hf_daily", "digestgen.sources.hf_daily:HFDailySource")
register("listing", "arxiv_query", "digestgen.sources.arxiv_api:ArxivQueryListing")
register("metadata", "arxiv", "digestgen.sources.arxiv_api:ArxivSource")


def available(kind: str) -> list[str]:
    names = set(_REGISTRY[kind])
    names.update(ep.name for ep in entry_points(group=_GROUPS[kind]))
    return sorted(names)


def source_class(kind: str, name: str) -> type[Source]:
    target = _REGISTRY[kind].get(name)
    if target is not None:
        module, _, cls_name = target.partition(":")
        cls = getattr(import_module(module), cls_name)
    else:
        found = [ep for ep in entry_points(group=_GROUPS[kind]) if ep.name == name]
        if not found:
            raise UsageError(f"unknown {kind} source {name!r}; available: {', '.join(available(kind))}")
        cls = found[0].load()
    if not (isinstance(cls, type) and issubclass(cls, _BASES[kind])):
        raise UsageError(f"{kind} source {name!r} is not a {_BASES[kind].__name__}")
    return cls


def get_listing(name: str, settings, cache, *, offline: bool = False) -> ListingSource:
    return source_class("listing", name).from_settings(settings, cache, offline=offline)


def get_metadata(name: str, settings, cache, *, offline: bool = False) -> MetadataSource:
    return source_class("metadata", name).from_settings(settings, cache, offline=offline)


__all__ = ["ListingRequest", "ListingSource", "MetadataAnswer", "MetadataRequest", "MetadataSource", "Source", "available",
           "get_listing", "get_metadata", "register", "source_class"]
