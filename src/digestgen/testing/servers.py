"""A scriptable HTTP server on 127.0.0.1 for protocol tests.

A ``Route`` answers requests; ``server.script(...)`` queues faults (429 with or
without Retry-After, 5xx, malformed bodies, slow or stalled responses) that the
next requests receive before the route answers normally again.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0              # seconds before the status line
    chunk_delay: float = 0.0        # seconds between body chunks (slow stream)
    chunks: int = 1
    declared_length: int | None = None  # a Content-Length longer than the body: the body is cut off, then closed

    @classmethod
    def json(cls, obj, status: int = 200, headers: dict[str, str] | None = None, **kw) -> "Reply":
        return cls(status, json.dumps(obj).encode(), {"Content-Type": "application/json", **(headers or {})}, **kw)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    at: float

    def json(self):
        return json.loads(self.body or b"null")


Handler = Callable[[Request], Reply]

POLL_INTERVAL = 0.02  # seconds: how soon stop() returns (and how often an idle server wakes up)


class LocalServer:
    """``with LocalServer(handler) as srv: srv.url``: a threaded server on a free port of 127.0.0.1."""

    def __init__(self, handler: Handler):
        self.handler = handler
        self.requests: list[Request] = []
        self._faults: deque[Reply] = deque()
        self._lock = threading.Lock()
        outer = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                req = Request(self.command, parts.path, parse_qs(parts.query, keep_blank_values=True),
                              {k.lower(): v for k, v in self.headers.items()}, body, time.monotonic())
                with outer._lock:
                    outer.requests.append(req)
                    fault = outer._faults.popleft() if outer._faults else None
                reply = fault or outer.handler(req)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if reply.declared_length is not None:
                        self.close_connection = True
                    self.send_header("Content-Length", str(reply.declared_length or len(reply.body)))
                    self.end_headers()
                    n = max(1, reply.chunks)
                    size = max(1, -(-len(reply.body) // n))
                    for i in range(0, max(len(reply.body), 1), size):
                        self.wfile.write(reply.body[i:i + size])
                        self.wfile.flush()
                        if reply.chunk_delay:
                            time.sleep(reply.chunk_delay)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_DELETE = _serve

        class _Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                import sys

                if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    return  # a client hanging up mid-request is a scripted fault, not a server error
                super().handle_error(request, client_address)

        self._server = _Server(("127.0.0.1", 0), _H)
        # shutdown() waits for the serve loop to notice; the default 0.5 s poll made every test pay it
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": POLL_INTERVAL},
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, *replies: Reply) -> None:
        """Queue replies that the next requests get instead of the route's answer."""
        with self._lock:
            self._faults.extend(replies)

    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def arxiv_handler(papers: dict[str, "object"]) -> Handler:
    """Answer ``/api/query?id_list=...`` (and plain queries, with every paper) like arXiv's API."""
    from .formats import atom_feed

    def handle(req: Request) -> Reply:
        ids = [i for i in (req.query.get("id_list", [""])[0]).split(",") if i]
        start = int(req.query.get("start", ["0"])[0])
        size = int(req.query.get("max_results", ["100"])[0])
        chosen = [papers[i] for i in ids if i in papers] if ids else list(papers.values())
        page = chosen[start:start + size]
        query = urlsplit(req.path).query
        return Reply(200, atom_feed(page, query=query, total=len(chosen), start=start),
                     {"Content-Type": "application/atom+xml; charset=utf-8"})

    return handle


def hf_daily_handler(days: dict[str, list]) -> Handler:
    """Answer ``/api/daily_papers?date=YYYY-MM-DD`` like the Hugging Face Hub (``[]`` for unknown days)."""
    import datetime as dt

    from .formats import daily_papers_json

    def handle(req: Request) -> Reply:
        if not req.path.rstrip("/").endswith("/daily_papers"):
            return Reply.json({"error": "Not Found"}, status=404)
        day = req.query.get("date", [""])[0]
        try:
            parsed = dt.date.fromisoformat(day)
        except ValueError:
            return Reply.json({"error": "Invalid date"}, status=400)
        return Reply(200, daily_papers_json(days.get(day, []), parsed), {"Content-Type": "application/json"})

    return handle


@contextmanager
def day_world(day: str, papers: list, tmp_path, engine: str) -> Iterator[dict[str, str]]:
    """The day's HF listing and arXiv metadata served locally, with the environment a run or daily needs (sources,
    cache, drafts and publish folders under ``tmp_path``, the engine): set it with monkeypatch.setenv."""
    with LocalServer(hf_daily_handler({day: papers})) as hf, \
            LocalServer(arxiv_handler({p.arxiv_id: p for p in papers})) as ax:
        yield {"DIGESTGEN_HF_URL": hf.url + "/api", "DIGESTGEN_ARXIV_URL": ax.url + "/api/query",
               "DIGESTGEN_CACHE": str(tmp_path / "cache"), "DIGESTGEN_OUT": str(tmp_path / "drafts"),
               "DIGESTGEN_PUBLISH_DIR": str(tmp_path / "public"), "DIGESTGEN_ENGINE": engine}
