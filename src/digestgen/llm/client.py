"""The one LLM client: every call to an OpenAI-compatible endpoint goes through :class:`LLMClient`.

It owns, for every caller (the summary engine, the Batch API prefill, the eval
judge, QA):

* the **response cache** (SQLite, keyed by model + caller tag + messages + parameters),
  so a re-run or a run resumed after a crash repeats no call;
* the **call log** (tokens, latency, cache hit, cost, outcome, purpose; errors redacted);
* the **limiter** (concurrency, requests and tokens per minute) and the **budget**
  (``max_cost``, refused up front for a model without a price);
* **transport retries** (tenacity): 429 honouring Retry-After, 5xx, timeouts,
  connection errors and unparseable bodies; never 400/401/403/404 or an exhausted quota;
* **structured-output negotiation**: ``json_schema``, else llama.cpp's ``json_object`` +
  schema, else plain JSON; probed once per endpoint and model, under a lock, and
  remembered for the process and in the store (table ``negotiated``), so a later process
  skips the probe; an endpoint that later refuses the remembered mode is probed again.

Failures are sorted by reach (see :mod:`digestgen.llm.errors`): :class:`CallFailed` concerns
one request, :class:`EndpointError` the whole endpoint.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, Field

from ..costs import cost as price
from ..costs import known as price_known
from ..limits import Limiter
from ..retry import BackoffWait, parse_retry_after
from .errors import BudgetExceeded, CallFailed, EndpointError, PriceUnknown
from .redact import Redactor, redact_url, url_secrets

log = logging.getLogger("digestgen.llm")

DEFAULT_BASE_URL = "https://api.openai.com/v1"
MODES = ("json_schema", "json_object", "none")
Mode = Literal["auto", "json_schema", "json_object", "none"]


class LLMOptions(BaseModel):
    """What the client needs to know; engines that call an LLM inherit these fields in their Options."""

    model_config = ConfigDict(extra="forbid")

    model: str = "gpt-4o-mini"
    base_url: str | None = None
    api_key: str | None = None
    temperature: float = 0.2
    max_tokens: int = Field(400, ge=1)
    timeout: float = Field(60.0, gt=0, description="seconds to wait for an answer (read timeout) per attempt")
    connect_timeout: float = Field(5.0, gt=0, description="seconds to wait for a connection per attempt")
    max_attempts: int = Field(6, ge=1, description="transport attempts per call (429, 5xx, bad bodies)")
    timeout_attempts: int = Field(2, ge=1, description="attempts per call when the endpoint does not answer in time "
                                                       "(a hanging server rarely recovers within seconds)")
    structured: Mode = "auto"
    concurrency: int = Field(8, ge=1)
    rpm: float | None = Field(None, gt=0)
    tpm: float | None = Field(None, gt=0)
    max_cost: float | None = Field(None, ge=0)
    store: Path | None = None
    run_id: str | None = None
    backoff_initial: float = Field(1.0, ge=0)
    backoff_max: float = Field(30.0, ge=0)


LLM_FIELDS = tuple(LLMOptions.model_fields)


@dataclass
class Completion:
    """One answer: the text, the JSON object when a schema was asked for (None if it did not parse), usage."""

    text: str
    parsed: dict | None
    tokens_in: int
    tokens_out: int
    cost: float
    cached: bool
    key: str


@dataclass
class Prepared:
    """A request ready to send (live or through the Batch API): its cache key and its body."""

    key: str
    messages: list[dict]
    params: dict
    purpose: str

    @property
    def body(self) -> dict:
        return {"messages": self.messages, **self.params}


class _Negotiation:
    """The structured-output mode of one endpoint + model; probed by one call at a time until confirmed."""

    def __init__(self, mode: str):
        self.mode = mode
        self.confirmed = False
        self.recalled = False  # the store was asked for a mode an earlier process negotiated
        self._locks: dict[int, asyncio.Lock] = {}

    def lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()  # asyncio locks belong to one loop
        return self._locks.setdefault(id(loop), asyncio.Lock())

    def reconsider(self, tried: str) -> None:
        if self.mode == tried:
            self.confirmed = False
            self.step_down(tried)

    def step_down(self, tried: str) -> None:
        if self.mode == tried and tried != "none":
            self.mode = MODES[MODES.index(tried) + 1]
            log.warning("endpoint rejected response_format %s; falling back to %s", tried, self.mode)


_NEGOTIATED: dict[tuple[str, str], _Negotiation] = {}


class LLMClient:
    def __init__(self, options: LLMOptions | None = None, **fields):
        if options is None or fields:  # fields are validated like any options
            options = LLMOptions(**{**(options.model_dump() if options else {}), **fields})
        o = self.options = options.model_copy()
        o.base_url = (o.base_url or DEFAULT_BASE_URL).rstrip("/")
        self.safe_url = redact_url(o.base_url)
        if not o.api_key:
            if "api.openai.com" in o.base_url:
                raise EndpointError("OPENAI_API_KEY is not set: export it, or set openai_api_key in the config "
                                    "file, or point OPENAI_BASE_URL at a local OpenAI-compatible server")
            o.api_key = "no-key-required"  # local servers (llama.cpp, vLLM, Ollama) ignore it
        if o.max_cost is not None and not price_known(o.model):
            raise PriceUnknown(f"--max-cost cannot be enforced: no price for model {o.model!r}; add "
                               f"[models.\"{o.model}\"] with input and output (USD per 1M tokens) to a prices TOML "
                               "named by DIGESTGEN_PRICES, or drop --max-cost")
        self.redactor = Redactor([o.api_key if o.api_key != "no-key-required" else "", *url_secrets(o.base_url)])
        self.run_id = o.run_id or uuid.uuid4().hex[:12]
        self.limiter = Limiter(o.concurrency, o.rpm, o.tpm)
        self._client = None
        self._store = None
        self._spent = 0.0
        self._reserved = 0.0

    @classmethod
    def from_settings(cls, settings, **overrides) -> "LLMClient":
        """A client for the endpoint in ``settings`` (env or config file); ``overrides`` win when not None."""
        base = {"model": settings.model, "base_url": settings.openai_base_url, "api_key": settings.openai_api_key,
                "store": settings.store_path(), "timeout": settings.llm_timeout}
        base.update({k: v for k, v in overrides.items() if v is not None})
        return cls(LLMOptions(**{k: v for k, v in base.items() if v is not None}))

    # --- plumbing ---------------------------------------------------------------------
    @property
    def model(self) -> str:
        return self.options.model

    @property
    def store(self):
        if self._store is None:
            from ..config import user_dir
            from ..store import Store

            self._store = Store(self.options.store or user_dir() / "llm.sqlite")
        return self._store

    def openai(self):
        """The ``openai.AsyncOpenAI`` client of the running loop (its connection pool belongs to the loop)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._client[0] is not loop:
            import httpx
            import openai

            o = self.options
            base, _, query = o.base_url.partition("?")  # a gateway's ?key=... goes on every request
            self._client = (loop, openai.AsyncOpenAI(
                base_url=base, api_key=o.api_key, max_retries=0, default_query=dict(parse_qsl(query)) or None,
                timeout=httpx.Timeout(o.timeout, connect=o.connect_timeout)))
        return self._client[1]

    async def aclose(self) -> None:
        if self._client is not None:
            client, self._client = self._client[1], None
            try:
                await client.close()
            except RuntimeError:  # the loop that owned it is gone
                pass

    def clean(self, text) -> str:
        """``text`` with the key, URL credentials and anything credential-shaped masked."""
        return self.redactor.clean(text)

    def negotiation(self) -> _Negotiation:
        o = self.options
        if o.structured != "auto":
            n = _Negotiation(o.structured)
            n.confirmed = True
            return n
        n = _NEGOTIATED.setdefault((o.base_url, o.model), _Negotiation("json_schema"))
        if not n.confirmed and not n.recalled:  # an earlier process may have negotiated it: no probe then
            n.recalled = True
            remembered = self.store.negotiated_mode(self.safe_url, o.model)
            if remembered in MODES:
                n.mode, n.confirmed = remembered, True
        return n

    def prompt_tokens(self, messages: list[dict]) -> int:
        from .. import tokens

        return sum(tokens.count(m["content"], self.options.model) + 4 for m in messages) + 3

    def params(self, schema: dict | None = None, *, schema_name: str = "answer", mode: str | None = None) -> dict:
        o = self.options
        params: dict = {"model": o.model, "temperature": o.temperature, "max_tokens": o.max_tokens}
        if schema is None:
            return params
        mode = mode or self.negotiation().mode
        if mode == "json_schema":
            params["response_format"] = {"type": "json_schema", "json_schema": {
                "name": schema_name, "strict": True, "schema": schema}}
        elif mode == "json_object":  # llama.cpp's server takes the schema here
            params["response_format"] = {"type": "json_object", "schema": schema}
        return params

    def prepare(self, messages: list[dict], *, schema: dict | None = None, schema_name: str = "answer",
                purpose: str = "summary", cache_tag: str = "", mode: str | None = None) -> Prepared:
        params = self.params(schema, schema_name=schema_name, mode=mode)
        blob = json.dumps({"model": self.options.model, "tag": cache_tag, "messages": messages, "params": params},
                          sort_keys=True)
        return Prepared(hashlib.sha256(blob.encode()).hexdigest(), messages, params, purpose)

    def cached(self, req: Prepared) -> dict | None:
        return self.store.get_response(req.key)

    def record(self, req: Prepared, text: str, tokens_in: int, tokens_out: int, *, arxiv_id: str | None = None,
               latency_ms: float = 0.0, batch: bool = False, attempt: int = 1) -> float:
        """Store an answer obtained elsewhere (the Batch API) in the cache and the call log; returns its cost."""
        usd = price(self.options.model, tokens_in, tokens_out, batch=batch)
        self.store.put_response(req.key, self.options.model, {"messages": req.messages, "params": req.params},
                                {"text": text}, tokens_in, tokens_out)
        self.log_call(req.purpose, arxiv_id=arxiv_id, key=req.key, attempt=attempt, tokens_in=tokens_in,
                      tokens_out=tokens_out, latency_ms=latency_ms, cost=usd, outcome="ok")
        return usd

    def log_call(self, purpose: str, *, arxiv_id: str | None, key: str | None, attempt: int, outcome: str,
                 cache_hit: bool = False, tokens_in: int = 0, tokens_out: int = 0, latency_ms: float = 0.0,
                 cost: float = 0.0, error: str | None = None) -> None:
        """One row of the call log; ``error`` is redacted and cut to 300 characters."""
        self.store.log_call(run=self.run_id, model=self.options.model, arxiv_id=arxiv_id, key=key, attempt=attempt,
                            cache_hit=cache_hit, tokens_in=tokens_in, tokens_out=tokens_out, latency_ms=latency_ms,
                            cost=cost, outcome=outcome, error=self.clean(error)[:300] if error else None,
                            purpose=purpose)

    def estimate(self, messages: list[dict], expected_out: int | None = None) -> tuple[int, int, float]:
        """(prompt tokens, expected completion tokens, USD) for one call, without making it."""
        t_in = self.prompt_tokens(messages)
        t_out = expected_out if expected_out is not None else self.options.max_tokens
        return t_in, t_out, price(self.options.model, t_in, t_out)

    def totals(self) -> dict:
        return self.store.run_totals(self.run_id)

    # --- one chat completion ----------------------------------------------------------------
    async def complete(self, messages: list[dict], *, schema: dict | None = None, schema_name: str = "answer",
                       purpose: str = "summary", arxiv_id: str | None = None, attempt: int = 1,
                       cache_tag: str = "") -> Completion:
        """The assistant's answer to ``messages``: from the response cache, else from the endpoint.

        With ``schema`` the answer is asked for as a JSON object (negotiated structured output) and
        ``.parsed`` holds it (None when the text is not a JSON object). Raises :class:`CallFailed`,
        :class:`EndpointError` or :class:`BudgetExceeded`.
        """
        if schema is None:
            return await self._complete(self.prepare(messages, purpose=purpose, cache_tag=cache_tag, mode="none"),
                                        None, arxiv_id, attempt)
        neg = self.negotiation()
        auto = self.options.structured == "auto"
        while True:
            if neg.confirmed:
                mode = neg.mode
                try:
                    return await self._complete(self.prepare(messages, schema=schema, schema_name=schema_name,
                                                             purpose=purpose, cache_tag=cache_tag, mode=mode),
                                                mode, arxiv_id, attempt, probing=auto)
                except _ModeRejected:  # the endpoint changed its mind (or was swapped): negotiate again
                    neg.reconsider(mode)
                    continue
            async with neg.lock():  # one probe at a time until the endpoint has accepted a mode
                if neg.confirmed:
                    continue
                mode = neg.mode
                try:
                    result = await self._complete(self.prepare(messages, schema=schema, schema_name=schema_name,
                                                               purpose=purpose, cache_tag=cache_tag, mode=mode),
                                                  mode, arxiv_id, attempt, probing=True)
                except _ModeRejected:
                    neg.step_down(mode)
                    continue
                neg.confirmed = True
                if not result.cached:  # the endpoint itself accepted it: remembered for later processes
                    self.store.remember_mode(self.safe_url, self.options.model, mode)
                return result

    async def _complete(self, req: Prepared, mode: str | None, arxiv_id: str | None, attempt: int,
                        probing: bool = False) -> Completion:
        import openai
        import tenacity

        from .. import tokens

        o = self.options
        hit = self.store.get_response(req.key)
        if hit is not None:
            self.log_call(req.purpose, arxiv_id=arxiv_id, key=req.key, attempt=attempt, cache_hit=True,
                          tokens_in=hit["tokens_in"] or 0, tokens_out=hit["tokens_out"] or 0, outcome="ok")
            text = hit["response"]["text"]
            return Completion(text, _parse(text) if mode else None, hit["tokens_in"] or 0, hit["tokens_out"] or 0,
                              0.0, True, req.key)

        t_in_est = self.prompt_tokens(req.messages)
        est = price(o.model, t_in_est, o.max_tokens)
        if o.max_cost is not None and self._spent + self._reserved + est > o.max_cost:
            raise BudgetExceeded(f"stopped: the next call would exceed --max-cost ${o.max_cost:.4f} "
                                 f"(spent ${self._spent:.4f}); cached answers are reused when you re-run")
        self._reserved += est
        retryable = (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError,
                     openai.APIConnectionError, _BadBody)

        def should_retry(state) -> bool:
            exc = state.outcome.exception()
            if isinstance(exc, openai.APITimeoutError):
                return state.attempt_number < o.timeout_attempts
            return isinstance(exc, retryable) and not _quota(exc)

        def before_sleep(state) -> None:
            exc = state.outcome.exception()
            ra = getattr(exc, "retry_after", None)
            if ra:
                self.limiter.penalize(ra)
            wait = state.next_action.sleep if state.next_action else 0
            log.warning("retrying in %.1fs after attempt %d: %s", wait, state.attempt_number,
                        self.clean(_describe(exc)))

        api = self.openai()  # built before a slot is taken, so the limiter spaces requests, not client set-up

        @tenacity.retry(retry=should_retry, wait=BackoffWait(o.backoff_initial, o.backoff_max),
                        stop=tenacity.stop_after_attempt(o.max_attempts), before_sleep=before_sleep, reraise=True)
        async def call():
            async with self.limiter.slot(t_in_est + o.max_tokens):
                started = time.monotonic()

                def failed(outcome: str, exc: Exception) -> None:
                    self.log_call(req.purpose, arxiv_id=arxiv_id, key=req.key, attempt=attempt, outcome=outcome,
                                  latency_ms=(time.monotonic() - started) * 1000, error=_describe(exc))

                try:
                    raw = await api.chat.completions.with_raw_response.create(
                        messages=req.messages, **req.params)
                    completion = raw.parse()
                    choice = completion.choices[0]
                    text = choice.message.content or ""
                except openai.APIStatusError as exc:
                    _attach_retry_after(exc)
                    failed(f"http_{exc.status_code}", exc)
                    if probing and mode not in (None, "none") and _about_format(exc):
                        raise _ModeRejected(mode) from None
                    raise
                except openai.APIConnectionError as exc:  # timeouts included
                    failed(type(exc).__name__, exc)
                    raise
                except openai.OpenAIError:
                    raise
                except Exception as exc:  # a 200 whose body is not a chat completion
                    failed("bad_body", exc)
                    raise _BadBody(f"unparseable response body: {exc}") from None
                return completion, choice, text, (time.monotonic() - started) * 1000

        try:
            completion, choice, text, latency = await call()
        except _ModeRejected:
            raise
        except openai.APIStatusError as exc:
            raise self._status_error(exc) from None
        except openai.APITimeoutError:
            raise CallFailed(f"timed out: no answer from {self.safe_url} within {o.timeout:g}s, "
                             f"{min(o.max_attempts, o.timeout_attempts)} attempt(s)") from None
        except openai.APIConnectionError as exc:
            raise EndpointError(f"cannot reach the LLM endpoint at {self.safe_url} after {o.max_attempts} "
                                f"attempts ({self.clean(_describe(exc))}): is the server running? "
                                "check OPENAI_BASE_URL") from None
        except _BadBody as exc:
            raise CallFailed(f"{exc} (after {o.max_attempts} attempts)"[:300]) from None
        finally:
            self._reserved -= est

        usage = getattr(completion, "usage", None)
        t_in = getattr(usage, "prompt_tokens", None) or t_in_est
        t_out = getattr(usage, "completion_tokens", None) or tokens.count(text, o.model)
        usd = price(o.model, t_in, t_out)
        self._spent += usd
        refusal = getattr(choice.message, "refusal", None)
        if refusal or (choice.finish_reason == "content_filter" and not text):
            self.log_call(req.purpose, arxiv_id=arxiv_id, key=req.key, attempt=attempt, tokens_in=t_in,
                          tokens_out=t_out, latency_ms=latency, cost=usd, outcome="refused",
                          error=refusal or "content_filter")
            raise CallFailed(f"the model refused: {self.clean(refusal or 'content filter')}"[:300])
        self.store.put_response(req.key, o.model, {"messages": req.messages, "params": req.params},
                                {"text": text}, t_in, t_out)
        self.log_call(req.purpose, arxiv_id=arxiv_id, key=req.key, attempt=attempt, tokens_in=t_in, tokens_out=t_out,
                      latency_ms=latency, cost=usd, outcome="ok")
        return Completion(text, _parse(text) if mode else None, t_in, t_out, usd, False, req.key)

    def _status_error(self, exc) -> Exception:
        """An HTTP error after retries, sorted by reach: the endpoint (stop the run) or this call (mark the row)."""
        o, code = self.options, exc.status_code
        if code in (401, 403):
            return EndpointError(f"the endpoint {self.safe_url} refused the key ({code}): check OPENAI_API_KEY")
        if code == 404:
            return EndpointError(f"the endpoint {self.safe_url} has no model {o.model!r} or no chat completions "
                                 "route (404): check --model and OPENAI_BASE_URL")
        if _quota(exc):
            return EndpointError(f"the endpoint {self.safe_url} says the account has no quota left ({code}): "
                                 "check the plan and billing of OPENAI_API_KEY; answers so far are cached")
        if code == 429 or code >= 500:
            return CallFailed(f"HTTP {code} from the endpoint after {o.max_attempts} attempts: "
                              f"{self.clean(_message(exc))}"[:300])
        return CallFailed(f"the endpoint rejected the request ({code}): {self.clean(_message(exc))}"[:300])


def _parse(text: str) -> dict | None:
    from .jsonish import loads_object

    return loads_object(text)


class _ModeRejected(Exception):
    def __init__(self, mode: str):
        self.mode = mode


class _BadBody(Exception):
    """A 200 whose body is not a chat completion (malformed JSON): worth another try."""


def _about_format(exc) -> bool:
    if exc.status_code not in (400, 422, 500):
        return False
    text = str(exc).lower()
    return any(w in text for w in ("response_format", "json_schema", "schema", "grammar"))


def _quota(exc) -> bool:
    code = getattr(exc, "code", None)
    if code in ("insufficient_quota", "billing_hard_limit_reached"):
        return True
    return getattr(exc, "status_code", None) in (402, 429) and "quota" in str(exc).lower()


def _message(exc) -> str:
    body = getattr(exc, "body", None)  # the openai client keeps the body's "error" object here
    if isinstance(body, dict) and body.get("message"):
        return " ".join(str(body["message"]).split())
    return " ".join(str(exc).split())


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return ""
    status = getattr(exc, "status_code", None)
    text = _message(exc) if status else " ".join(str(exc).split())
    return f"HTTP {status}: {text}" if status else f"{type(exc).__name__}: {text}"


def _attach_retry_after(exc) -> None:
    try:
        exc.retry_after = parse_retry_after(exc.response.headers.get("retry-after"))
    except AttributeError:
        exc.retry_after = None
