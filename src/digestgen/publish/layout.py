"""Where a published site keeps its files, and reading the day JSON files back (the single source)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..cache import atomic_write
from ..types import Digest


@dataclass(frozen=True)
class Layout:
    """``root/archive/YYYY/MM/DD.{md,json}``, ``root/README.md`` (index), ``root/site/`` (HTML and feeds)."""

    root: Path

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    def archive_md(self, day: dt.date) -> Path:
        return self.archive / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.md"

    def archive_json(self, day: dt.date) -> Path:
        return self.archive_md(day).with_suffix(".json")

    @property
    def index_md(self) -> Path:
        return self.root / "README.md"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, day: dt.date) -> Path:
        return self.site / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.html"

    @staticmethod
    def page_href(day: dt.date) -> str:
        """The day page relative to ``site/``."""
        return f"{day:%Y}/{day:%m}/{day:%d}.html"

    def days(self) -> list[dt.date]:
        """Every published day (a JSON file in the archive), oldest first."""
        out = []
        for path in self.archive.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9].json"):
            try:
                out.append(dt.date(int(path.parts[-3]), int(path.parts[-2]), int(path.stem)))
            except ValueError:
                continue
        return sorted(out)

    def is_published(self, day: dt.date) -> bool:
        return self.archive_json(day).exists()

    def load(self, day: dt.date) -> Digest:
        return Digest.model_validate_json(self.archive_json(day).read_bytes())

    def load_all(self) -> list[Digest]:
        return [self.load(d) for d in self.days()]


def digest_json(digest: Digest) -> bytes:
    """The day's JSON, byte-stable for the same digest."""
    return json.dumps(digest.model_dump(mode="json"), indent=1, ensure_ascii=False).encode("utf-8") + b"\n"


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomic write that leaves an identical file alone (so a rebuild touches nothing that did not change)."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True
