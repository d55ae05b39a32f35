"""A fake OpenAI-compatible server: real HTTP on 127.0.0.1, for the real ``openai`` client.

It answers each chat completion with fixed text that the test controls, after
``latency`` seconds: ``answers`` maps a paper title to its answer (see
``testing.answers.answers_for``), ``server.answer(...)`` queues answers (for one
title, or for whatever request comes next), and anything else gets
``DEFAULT_ANSWER``, a fixed five-part JSON object. It can enforce a requests-per-minute limit with 429s,
inject random 429/500 faults at a seeded rate, refuse ``json_schema`` like
llama.cpp's server, and play queued replies (``server.script(...)``) for
malformed bodies, timeouts and invalid summaries. ``/v1/files`` and
``/v1/batches`` implement enough of the Batch API for backfills.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections import deque

from .servers import LocalServer, Reply, Request


def chat_completion(content: str, *, model: str = "fake-model", prompt_tokens: int = 0,
                    completion_tokens: int | None = None) -> dict:
    return {
        "id": f"chatcmpl-{random.randrange(16 ** 12):012x}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens or len(content.split()),
                  "total_tokens": prompt_tokens + (completion_tokens or len(content.split()))},
    }


DEFAULT_ANSWER = json.dumps({
    "one_line": "The paper presents a method.",
    "objective": "The main research objective is to improve a task.",
    "methodology": "The key methodology is a new model.",
    "results": "Primary results show an improvement.",
    "implication": "For AI practitioners, the method may be useful."})


def prompt_title(body: dict) -> str | None:
    """The paper title in the request's first user message ("Title: ..."), if any."""
    user = next((m.get("content") or "" for m in body.get("messages", []) if m.get("role") == "user"), "")
    m = re.search(r"^Title:[ \t]*(.*)$", user, re.MULTILINE)
    return m.group(1).strip() if m else None


class FakeOpenAI:
    def __init__(self, *, latency: float = 0.0, rpm: float | None = None, fault_rate: float = 0.0,
                 seed: int = 0, reject_json_schema: bool = False, responder=None,
                 answers: dict[str, str | dict] | None = None):
        self.latency = latency
        self.rpm = rpm
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.reject_json_schema = reject_json_schema
        self.responder = responder
        self.answers = {k: _text(v) for k, v in (answers or {}).items()}
        self._queued: dict[str | None, deque[str]] = {}
        self.completions = 0          # chat completions answered 200
        self.faults = 0
        self._recent: deque[float] = deque()
        self._lock = threading.Lock()
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict] = {}
        self.server = LocalServer(self.handle)

    @property
    def url(self) -> str:
        return self.server.url + "/v1"

    def script(self, *replies: Reply) -> None:
        """Queue raw HTTP replies (faults, malformed bodies) for the next requests, whatever they ask."""
        self.server.script(*replies)

    def answer(self, *contents: str | dict, title: str | None = None) -> None:
        """Queue assistant answers: for the next requests about ``title``, or for any next request."""
        with self._lock:
            self._queued.setdefault(title, deque()).extend(_text(c) for c in contents)

    def content_for(self, body: dict) -> str:
        """The assistant text for one request: queued for its title, queued for anyone, fixed, or the default."""
        title = prompt_title(body)
        with self._lock:
            for key in ((title, None) if title is not None else (None,)):
                q = self._queued.get(key)
                if q:
                    return q.popleft()
        if self.responder is not None:
            return self.responder(body)
        if title is not None and title in self.answers:
            return self.answers[title]
        return DEFAULT_ANSWER

    def requests_for(self, title: str) -> list:
        """The chat requests about the paper ``title``, in arrival order."""
        return [r for r in self.chat_requests() if prompt_title(r.json()) == title]

    def __enter__(self) -> "FakeOpenAI":
        self.server.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.stop()

    @property
    def requests(self):
        return self.server.requests

    def chat_requests(self):
        return [r for r in self.server.requests if r.path.endswith("/chat/completions")]

    # --- routes ---------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        path = req.path
        if path.endswith("/chat/completions") and req.method == "POST":
            return self._chat(req.json())
        if path.endswith("/files") and req.method == "POST":
            return self._upload(req)
        m = re.search(r"/files/([^/]+)/content$", path)
        if m:
            return Reply(200, self.files.get(m.group(1), b""), {"Content-Type": "application/jsonl"})
        if path.endswith("/batches") and req.method == "POST":
            return self._create_batch(req.json())
        m = re.search(r"/batches/([^/]+)$", path)
        if m and m.group(1) in self.batches:
            return Reply.json(self._advance(m.group(1)))
        if path.endswith("/models"):
            return Reply.json({"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        return Reply.json({"error": {"message": f"no route {path}", "type": "invalid_request_error"}}, status=404)

    def _chat(self, body: dict) -> Reply:
        fmt = (body.get("response_format") or {}).get("type")
        if self.reject_json_schema and fmt == "json_schema":
            return Reply.json({"error": {"code": 500, "message": "Unrecognized response_format type json_schema",
                                         "type": "server_error"}}, status=500)
        with self._lock:
            now = time.monotonic()
            if self.rpm:
                while self._recent and now - self._recent[0] > 60:
                    self._recent.popleft()
                if len(self._recent) >= self.rpm:
                    self.faults += 1
                    wait = max(0.05, 60 - (now - self._recent[0]))
                    return Reply.json({"error": {"message": "Rate limit reached", "type": "requests"}}, status=429,
                                      headers={"Retry-After": f"{wait:.2f}"})
                self._recent.append(now)
            if self.fault_rate and self.rng.random() < self.fault_rate:
                self.faults += 1
                if self.rng.random() < 0.5:
                    return Reply.json({"error": {"message": "Rate limit reached"}}, status=429,
                                      headers={"Retry-After": "0.2"})
                return Reply.json({"error": {"message": "The server had an error"}}, status=500)
        content = self.content_for(body)
        prompt_tokens = sum(len(m["content"].split()) for m in body["messages"]) * 4 // 3
        with self._lock:
            self.completions += 1
        return Reply.json(chat_completion(content, model=body.get("model", "fake-model"),
                                          prompt_tokens=prompt_tokens), delay=self.latency)

    # --- Batch API ------------------------------------------------------------------
    def _upload(self, req: Request) -> Reply:
        # the multipart part named "file": its headers, a blank line, the content, the next boundary
        m = re.search(rb'name="file"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--', req.body, re.DOTALL)
        content = m.group(1) if m else req.body
        fid = f"file-{len(self.files) + 1:04d}"
        self.files[fid] = content
        return Reply.json({"id": fid, "object": "file", "bytes": len(content), "created_at": int(time.time()),
                           "filename": "input.jsonl", "purpose": "batch", "status": "processed"})

    def _create_batch(self, body: dict) -> Reply:
        bid = f"batch_{len(self.batches) + 1:04d}"
        self.batches[bid] = {"id": bid, "object": "batch", "endpoint": body["endpoint"], "errors": None,
                             "input_file_id": body["input_file_id"], "completion_window": "24h",
                             "status": "validating", "output_file_id": None, "error_file_id": None,
                             "created_at": int(time.time()), "polls": 0,
                             "request_counts": {"total": 0, "completed": 0, "failed": 0}}
        return Reply.json(self._public(bid))

    def _public(self, bid: str) -> dict:
        return {k: v for k, v in self.batches[bid].items() if k != "polls"}

    def _advance(self, bid: str) -> dict:
        b = self.batches[bid]
        b["polls"] += 1
        if b["status"] == "validating":
            b["status"] = "in_progress"
        elif b["status"] == "in_progress" and b["polls"] >= 2:
            lines = []
            reqs = [json.loads(line) for line in self.files[b["input_file_id"]].splitlines() if line.strip()]
            for r in reqs:
                content = self.content_for(r["body"])
                lines.append(json.dumps({"id": f"req_{r['custom_id']}", "custom_id": r["custom_id"], "response": {
                    "status_code": 200, "request_id": "x", "body": chat_completion(content, model=r["body"]["model"])},
                    "error": None}))
            fid = f"file-{len(self.files) + 1:04d}"
            self.files[fid] = ("\n".join(lines) + "\n").encode()
            b.update(status="completed", output_file_id=fid,
                     request_counts={"total": len(reqs), "completed": len(reqs), "failed": 0})
        return self._public(bid)


def _text(content: str | dict) -> str:
    return content if isinstance(content, str) else json.dumps(content)
