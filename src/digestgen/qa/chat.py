"""``digestgen chat``: a line-oriented question loop for a plain terminal (no curses).

Commands: ``/sources`` the passages behind the last answer, ``/day YYYY-MM-DD`` switch day, ``/history`` the
questions so far, ``/help``, ``/quit`` (or end of input).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Callable, Coroutine, TextIO

from ..errors import DigestgenError

HELP = "commands: /sources  /day YYYY-MM-DD  /history  /help  /quit"


class Chat:
    def __init__(self, settings, *, day=None, until=None, papers=None, engine="extractive", k=5, llm=None,
                 use_embeddings=True, run: Callable[[Coroutine], object] | None = None):
        """``run`` awaits one question's coroutine (the CLI's event loop runner); needed for the LLM engine."""
        self.settings = settings
        self.run_coro = run
        self.day, self.until, self.papers = day, until, papers
        self.engine, self.k, self.llm, self.use_embeddings = engine, k, llm, use_embeddings
        self.history: list[tuple[str, object]] = []
        self.scope = None

    def _load(self) -> None:
        from .cli import load_scope

        self.scope = load_scope(self.settings, day=self.day, until=self.until, papers=self.papers,
                                use_embeddings=self.use_embeddings)

    def _label(self) -> str:
        return f"{self.day}" + (f"..{self.until}" if self.until else "") if self.day else str(self.papers)

    def run(self, stdin: TextIO, echo: Callable[..., None]) -> None:
        self._load()
        echo(f"{len(self.scope.docs)} papers for {self._label()}. Ask a question; {HELP}")
        interactive = stdin is sys.stdin and hasattr(stdin, "isatty") and stdin.isatty()
        if interactive:
            try:
                import readline  # noqa: F401  (line editing and up-arrow recall of earlier questions)
            except ImportError:  # pragma: no cover - e.g. Windows
                pass
        while True:
            if interactive:
                try:
                    line = input("> ")
                except EOFError:
                    break
            else:
                line = stdin.readline()
                if not line:
                    break
            line = line.strip()
            if not line:
                continue
            if line.startswith("/"):
                if not self.command(line, echo):
                    break
                continue
            self.question(line, echo)

    def question(self, text: str, echo) -> None:
        from .answer import aask, ask

        try:
            if self.run_coro is not None:
                answer = self.run_coro(aask(self.scope, text, engine=self.engine, k=self.k, llm=self.llm))
            else:
                answer = ask(self.scope, text, engine=self.engine, k=self.k, llm=self.llm)
        except DigestgenError as exc:  # e.g. the LLM endpoint failed: say so, keep the session
            echo(f"error: {exc}")
            return
        self.history.append((text, answer))
        echo(answer.answer)
        if answer.flagged:
            echo("(citations of papers outside the retrieved ones were removed)")

    def command(self, line: str, echo) -> bool:
        """Run a /command; False means quit."""
        from .cli import print_sources

        name, _, arg = line.partition(" ")
        arg = arg.strip()
        if name in ("/quit", "/exit", "/q"):
            return False
        if name == "/help":
            echo(HELP)
        elif name == "/sources":
            if not self.history:
                echo("no answer yet")
            else:
                print_sources(self.history[-1][1])
        elif name == "/history":
            if not self.history:
                echo("no questions yet")
            for i, (q, a) in enumerate(self.history, 1):
                echo(f"{i}. {q} -> {'abstained' if a.abstained else ', '.join(a.citations)}")
        elif name == "/day":
            try:
                new = dt.date.fromisoformat(arg)
            except ValueError:
                echo(f"error: {arg!r} is not a date; use /day YYYY-MM-DD")
                return True
            old = (self.day, self.until, self.scope)
            self.day, self.until = new, None
            try:
                self._load()
            except DigestgenError as exc:
                self.day, self.until, self.scope = old
                echo(f"error: {exc}")
                return True
            self.papers = self.papers  # a dataset file stays the source; --date picks its rows
            echo(f"{len(self.scope.docs)} papers for {new}")
        else:
            echo(f"unknown command {name}; {HELP}")
        return True
