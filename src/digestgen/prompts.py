"""The jinja2 environment over the prompt templates: every template renders sandboxed, with StrictUndefined.

The templates ship inside the package (``digestgen/prompt_files``, read with
``importlib.resources``, so a wheel works anywhere). In a checkout that folder is
a link to the repository's top-level ``prompts/``, the folder users read and edit.
``prompts_dir`` in Settings (``DIGESTGEN_PROMPTS``) points at another folder; a
template missing there falls back to the packaged one.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path

PACKAGE_FOLDER = "prompt_files"


def packaged():
    """The templates inside the installed package (a Traversable)."""
    return resources.files("digestgen") / PACKAGE_FOLDER


def prompts_dir() -> Path | None:
    """The override folder from Settings (``DIGESTGEN_PROMPTS``), or None for the packaged templates."""
    from .config import current

    return current().prompts_dir


def _loader(override: str | None):
    import jinja2

    class PackageLoader(jinja2.BaseLoader):
        """Templates read through importlib.resources: works from a checkout, a wheel or a zip."""

        def get_source(self, environment, template):
            node = packaged()
            for part in template.split("/"):
                if part in ("", ".", ".."):
                    raise jinja2.TemplateNotFound(template)
                node = node / part
            if not node.is_file():
                raise jinja2.TemplateNotFound(template)
            return node.read_text(encoding="utf-8"), None, lambda: True

        def list_templates(self):
            found, todo = [], [("", packaged())]
            while todo:
                prefix, node = todo.pop()
                for child in node.iterdir():
                    if child.is_dir():
                        todo.append((f"{prefix}{child.name}/", child))
                    elif child.name.endswith(".j2"):
                        found.append(prefix + child.name)
            return sorted(found)

    loaders = [PackageLoader()]
    if override:
        loaders.insert(0, jinja2.FileSystemLoader(override))
    return jinja2.ChoiceLoader(loaders)


@functools.lru_cache(maxsize=8)
def environment(root: str | None = None):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=_loader(root),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def _env():
    root = prompts_dir()
    return environment(str(root) if root else None)


def render(name: str, **variables) -> str:
    """Render template ``name``; a missing variable raises instead of reaching the model."""
    return _env().get_template(name).render(**variables).strip()


def source(name: str) -> str:
    env = _env()
    text, _, _ = env.loader.get_source(env, name)
    return text


def template_hash(name: str) -> str:
    """sha256 of a template's source: part of every response-cache key."""
    return hashlib.sha256(source(name).encode()).hexdigest()[:16]


def bundle_hash() -> str:
    """sha256 prefix over every template in effect (packaged, or overridden): which prompts made a digest."""
    env = _env()
    names = set(env.loader.list_templates())
    h = hashlib.sha256()
    for name in sorted(names):
        h.update(name.encode() + b"\0" + source(name).encode() + b"\0")
    return h.hexdigest()[:16]
