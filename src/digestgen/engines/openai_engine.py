"""The LLM engine: any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp server, Ollama).

Two retry layers, kept apart:
1. transport (tenacity): 429 honouring Retry-After, 5xx, timeouts, connection
   errors and unparseable bodies, with exponential backoff and jitter; never
   400/401/403/404;
2. validation re-ask: the validator's findings (never API errors) go back to
   the model, a bounded number of times. The last answer is kept with its
   findings when every re-ask fails: the row is marked, never dropped.

Every response is cached in SQLite by model + template hash + rendered messages
+ parameters, and every call is logged with tokens, latency, cache hit and cost.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
import uuid
from pathlib import Path
from typing import Callable, Literal

from pydantic import Field

from ..config import user_dir
from ..costs import cost as price
from ..errors import DigestgenError
from ..limits import Limiter
from ..llm_json import SCHEMA, ParseError, parse_summary
from ..prompts import render, template_hash
from ..retry import BackoffWait, log_before_sleep, parse_retry_after
from ..types import Paper, Summary
from .base import Engine, EngineOptions, GenerationFailed, NoAbstract

log = logging.getLogger("digestgen.engines.openai")

Check = Callable[[Summary], list[str]]
DEFAULT_BASE_URL = "https://api.openai.com/v1"
TEMPLATES = ("system.md.j2", "user.md.j2", "reask.md.j2")


class EndpointError(DigestgenError):
    """The endpoint cannot be used (no key, unreachable, refuses): one line says how to fix it."""


class BudgetExceeded(DigestgenError):
    """The next call would take the run past --max-cost."""


class OpenAIOptions(EngineOptions):
    model: str = "gpt-4o-mini"
    base_url: str | None = None
    api_key: str | None = None
    temperature: float = 0.2
    max_tokens: int = 400
    timeout: float = 60.0
    max_attempts: int = Field(6, description="transport attempts per call")
    max_reasks: int = Field(2, description="validation re-asks per paper")
    structured: Literal["auto", "json_schema", "json_object", "none"] = "auto"
    input_budget: int = Field(700, description="max prompt tokens; the abstract is cut to fit")
    concurrency: int = 8
    rpm: float | None = None
    tpm: float | None = None
    max_cost: float | None = None
    store: Path | None = None
    run_id: str | None = None
    backoff_initial: float = 1.0
    backoff_max: float = 30.0
    min_words: int = 60
    max_words: int = 250


class OpenAIEngine(Engine):
    name = "openai"
    Options = OpenAIOptions
    supports_reask = True

    def __init__(self, **options):
        super().__init__(**options)
        o = self.options  # base_url and api_key come from Settings (env or config file): one lookup
        o.base_url = o.base_url or DEFAULT_BASE_URL
        if not o.api_key:
            if "api.openai.com" in o.base_url:
                raise EndpointError("OPENAI_API_KEY is not set: export it, or set openai_api_key in the config "
                                    "file, or point OPENAI_BASE_URL at a local OpenAI-compatible server")
            o.api_key = "no-key-required"  # local servers (llama.cpp, vLLM, Ollama) ignore it
        self.run_id = o.run_id or uuid.uuid4().hex[:12]
        self.limiter = Limiter(o.concurrency, o.rpm, o.tpm)
        self.mode = o.structured if o.structured != "auto" else "json_schema"
        self._mode_confirmed = o.structured != "auto"
        self._client = None
        self._store = None
        self._spent = 0.0
        self._reserved = 0.0
        self.template_hash = hashlib.sha256("".join(template_hash(t) for t in TEMPLATES).encode()).hexdigest()[:16]

    # --- plumbing ---------------------------------------------------------------------
    @property
    def store(self):
        if self._store is None:
            from ..store import Store

            self._store = Store(self.options.store or user_dir() / "llm.sqlite")
        return self._store

    def client(self):
        """One AsyncOpenAI client per event loop (its connection pool belongs to the loop)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._client[0] is not loop:
            import openai

            self._client = (loop, openai.AsyncOpenAI(base_url=self.options.base_url, api_key=self.options.api_key,
                                                     max_retries=0, timeout=self.options.timeout))
        return self._client[1]

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client[1].close()
            self._client = None

    def messages(self, paper: Paper) -> list[dict]:
        """System and user messages, the abstract cut to the input budget."""
        from .. import tokens

        o = self.options
        system = render("system.md.j2", min_words=o.min_words, max_words=o.max_words)
        empty = render("user.md.j2", title=paper.title, abstract="")
        room = o.input_budget - tokens.count(system + empty, o.model) - 12  # per-message overhead
        abstract, _ = tokens.truncate(paper.abstract or "", max(50, room), o.model)
        return [{"role": "system", "content": system},
                {"role": "user", "content": render("user.md.j2", title=paper.title, abstract=abstract)}]

    def prompt_tokens(self, messages: list[dict]) -> int:
        from .. import tokens

        return sum(tokens.count(m["content"], self.options.model) + 4 for m in messages) + 3

    def estimate(self, paper: Paper) -> tuple[int, int, float]:
        """(prompt tokens, expected completion tokens, USD) for one first attempt."""
        t_in = self.prompt_tokens(self.messages(paper))
        t_out = min(self.options.max_tokens, 250)
        return t_in, t_out, price(self.options.model, t_in, t_out)

    def _params(self, mode: str | None = None) -> dict:
        o = self.options
        mode = mode or self.mode
        params: dict = {"model": o.model, "temperature": o.temperature, "max_tokens": o.max_tokens}
        if mode == "json_schema":
            params["response_format"] = {"type": "json_schema", "json_schema": {
                "name": "digest_summary", "strict": True, "schema": SCHEMA}}
        elif mode == "json_object":  # llama.cpp's server takes the schema here
            params["response_format"] = {"type": "json_object", "schema": SCHEMA}
        return params

    def cache_key(self, messages: list[dict], params: dict) -> str:
        blob = json.dumps({"model": self.options.model, "templates": self.template_hash, "messages": messages,
                           "params": params}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    # --- one chat completion, with the transport retry layer --------------------------------
    async def complete(self, messages: list[dict], *, arxiv_id: str | None = None, attempt: int = 1) -> str:
        """The assistant's text for ``messages``: from the cache, else from the endpoint."""
        while True:
            mode = self.mode
            try:
                return await self._complete(messages, mode, arxiv_id, attempt)
            except _ModeRejected:
                # auto mode: the endpoint refused this structured-output form; step down once per mode
                if self.mode == mode:
                    self.mode = {"json_schema": "json_object", "json_object": "none"}[mode]
                    log.warning("endpoint rejected response_format %s; falling back to %s", mode, self.mode)

    def _log(self, **kw) -> None:
        self.store.log_call(run=self.run_id, model=self.options.model, **kw)

    def _log_failure(self, arxiv_id, key, attempt, started: float, outcome: str, exc: Exception) -> None:
        self._log(arxiv_id=arxiv_id, key=key, attempt=attempt, cache_hit=False, tokens_in=0, tokens_out=0,
                  latency_ms=(time.monotonic() - started) * 1000, cost=0.0, outcome=outcome, error=str(exc)[:300])

    async def _complete(self, messages: list[dict], mode: str, arxiv_id: str | None, attempt: int) -> str:
        import openai
        import tenacity

        from .. import tokens

        params = self._params(mode)
        key = self.cache_key(messages, params)
        hit = self.store.get_response(key)
        if hit is not None:
            self._log(arxiv_id=arxiv_id, key=key, attempt=attempt, cache_hit=True, tokens_in=hit["tokens_in"] or 0,
                      tokens_out=hit["tokens_out"] or 0, latency_ms=0.0, cost=0.0, outcome="ok")
            return hit["response"]["text"]

        t_in_est = self.prompt_tokens(messages)
        est = price(self.options.model, t_in_est, self.options.max_tokens)
        if self.options.max_cost is not None and self._spent + self._reserved + est > self.options.max_cost:
            raise BudgetExceeded(f"stopped: the next call would exceed --max-cost ${self.options.max_cost:.4f} "
                                 f"(spent ${self._spent:.4f}); cached answers are reused when you re-run")
        self._reserved += est
        retryable = (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError,
                     openai.APIConnectionError, _BadBody)

        def before_sleep(state):
            ra = getattr(state.outcome.exception(), "retry_after", None)
            if ra:
                self.limiter.penalize(ra)
            log_before_sleep(state)

        @tenacity.retry(retry=tenacity.retry_if_exception_type(retryable),
                        wait=BackoffWait(self.options.backoff_initial, self.options.backoff_max),
                        stop=tenacity.stop_after_attempt(self.options.max_attempts), before_sleep=before_sleep,
                        reraise=True)
        async def call():
            async with self.limiter.slot(t_in_est + self.options.max_tokens):
                started = time.monotonic()
                try:
                    raw = await self.client().chat.completions.with_raw_response.create(messages=messages, **params)
                    completion = raw.parse()
                    text = completion.choices[0].message.content or ""
                except openai.APIStatusError as exc:
                    _attach_retry_after(exc)
                    self._log_failure(arxiv_id, key, attempt, started, f"http_{exc.status_code}", exc)
                    if not self._mode_confirmed and mode != "none" and _about_format(exc):
                        raise _ModeRejected(mode) from None
                    raise
                except (openai.APITimeoutError, openai.APIConnectionError) as exc:
                    self._log_failure(arxiv_id, key, attempt, started, type(exc).__name__, exc)
                    raise
                except openai.OpenAIError:
                    raise
                except Exception as exc:  # a 200 whose body is not a chat completion
                    self._log_failure(arxiv_id, key, attempt, started, "bad_body", exc)
                    raise _BadBody(f"unparseable response body: {exc}") from None
                return completion, text, (time.monotonic() - started) * 1000

        try:
            completion, text, latency = await call()
            self._mode_confirmed = True
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise EndpointError(f"the endpoint {self.options.base_url} refused the key ({exc.status_code}): "
                                "check OPENAI_API_KEY") from None
        except openai.NotFoundError:
            raise EndpointError(f"the endpoint {self.options.base_url} has no model {self.options.model!r} "
                                "or no chat completions route (404): check --model and OPENAI_BASE_URL") from None
        except openai.APIConnectionError:
            raise EndpointError(f"cannot reach the LLM endpoint at {self.options.base_url} after "
                                f"{self.options.max_attempts} attempts: is the server running? "
                                "check OPENAI_BASE_URL") from None
        finally:
            self._reserved -= est

        usage = getattr(completion, "usage", None)
        t_in = getattr(usage, "prompt_tokens", None) or t_in_est
        t_out = getattr(usage, "completion_tokens", None) or tokens.count(text, self.options.model)
        usd = price(self.options.model, t_in, t_out)
        self._spent += usd
        self.store.put_response(key, self.options.model, {"messages": messages, "params": params},
                                {"text": text}, t_in, t_out)
        self._log(arxiv_id=arxiv_id, key=key, attempt=attempt, cache_hit=False, tokens_in=t_in, tokens_out=t_out,
                  latency_ms=latency, cost=usd, outcome="ok")
        return text

    # --- the engine interface, with the validation re-ask layer ------------------------------
    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        async def one() -> Summary:
            try:
                return await self.asummarize(paper)
            finally:
                await self.aclose()

        return asyncio.run(one())

    async def asummarize(self, paper: Paper, feedback: list[str] | None = None, check: Check | None = None) -> Summary:
        if not paper.abstract or not paper.abstract.strip():
            raise NoAbstract(paper.arxiv_id)
        messages = self.messages(paper)
        last_text, problems, summary = "", [], None
        for attempt in range(1, self.options.max_reasks + 2):
            last_text = await self.complete(messages, arxiv_id=paper.arxiv_id, attempt=attempt)
            try:
                summary = parse_summary(last_text)
                problems = check(summary) if check else []
            except ParseError as exc:
                summary, problems = None, [str(exc)]
            if not problems:
                return summary
            self._log(arxiv_id=paper.arxiv_id, key=None, attempt=attempt, cache_hit=False, tokens_in=0, tokens_out=0,
                      latency_ms=0.0, cost=0.0, outcome="invalid", error="; ".join(problems)[:500])
            messages = messages + [{"role": "assistant", "content": last_text},
                                   {"role": "user", "content": render("reask.md.j2", problems=problems)}]
        raise GenerationFailed(last_text, problems, self.options.max_reasks + 1, summary)

    def totals(self) -> dict:
        return self.store.run_totals(self.run_id)


class _ModeRejected(Exception):
    def __init__(self, mode: str):
        self.mode = mode


def _about_format(exc) -> bool:
    if exc.status_code not in (400, 422, 500):
        return False
    text = str(exc).lower()
    return any(w in text for w in ("response_format", "json_schema", "schema", "grammar"))


class _BadBody(Exception):
    """A 200 whose body is not a chat completion (malformed JSON): worth another try."""


def _attach_retry_after(exc) -> None:
    try:
        exc.retry_after = parse_retry_after(exc.response.headers.get("retry-after"))
    except AttributeError:
        exc.retry_after = None
