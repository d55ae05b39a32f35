"""The review web app (Starlette): one day's rows, their versions and states, and the Publish button.

Security: the page shows text we did not write (titles, authors, abstracts, summaries, editor input),
so jinja2 autoescapes everything and a Content-Security-Policy allows only our own script and style.
The Host header is checked (DNS rebinding), state changes are POST-only with a CSRF token, and an
access token is required whenever the server is bound to anything but loopback.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import DigestgenError
from .gate import PublishRefused, fallback_path, final_digest, publish_status, record_published
from .highlight import highlight_source, highlight_summary, word_diff
from .state import Conflict, ReviewDB, ReviewRow, UnknownRow, open_day

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
FILTERS = {
    "all": ("All", lambda r: True),
    "findings": ("With findings", lambda r: bool(r.findings)),
    "errors": ("With errors", lambda r: bool(r.errors)),
    "draft": ("Drafts", lambda r: r.state == "draft"),
    "approved": ("Approved", lambda r: r.state == "approved"),
    "rejected": ("Rejected", lambda r: r.state == "rejected"),
}
SHORTCUTS = [("j / k", "next / previous row"), ("a", "approve"), ("x", "reject"), ("d", "back to draft"),
             ("e", "edit (Ctrl+Enter saves, Esc cancels)"), ("g", "regenerate"), ("f", "rows with findings / all"),
             ("v", "one row / list"), ("p", "publish")]
COOKIE = "digestgen_review_token"


def is_loopback(host: str) -> bool:
    """A loopback address or ``localhost``; a name like ``127.0.0.1.example.com`` is not."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_only(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


@dataclass
class ReviewConfig:
    day: dt.date
    editor: str
    bind_host: str = "127.0.0.1"
    token: str | None = None
    allowed_hosts: list[str] = field(default_factory=list)

    def hosts(self) -> set[str] | None:
        """Host header values accepted; None means any (bound to a wildcard address with a token)."""
        allowed = set(LOOPBACK) | {h.lower() for h in self.allowed_hosts}
        if self.bind_host in ("0.0.0.0", "::", ""):
            return allowed if self.allowed_hosts else None
        allowed.add(self.bind_host.lower())
        return allowed


class _Guard:
    """ASGI middleware: Host header check, then the access token (when one is set), then security headers."""

    def __init__(self, app, config: ReviewConfig):
        self.app = app
        self.config = config
        self.hosts = config.hosts()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = _host_only(headers.get("host", ""))
        if self.hosts is not None and host not in self.hosts:
            return await PlainTextResponse("invalid Host header", status_code=400)(scope, receive, send)
        if self.config.token:
            request = Request(scope)
            given = request.query_params.get("token")
            if given is not None and hmac.compare_digest(given, self.config.token):
                resp = RedirectResponse(request.url.remove_query_params("token"), status_code=303)
                resp.set_cookie(COOKIE, self.config.token, httponly=True, samesite="strict")
                return await resp(scope, receive, send)
            if not hmac.compare_digest(request.cookies.get(COOKIE, ""), self.config.token):
                return await PlainTextResponse("access token required: open the URL that `digestgen review` printed",
                                               status_code=401)(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; "
                          b"img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
                         (b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"cache-control", b"no-store")]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _templates() -> Environment:
    env = Environment(loader=PackageLoader("digestgen.review", "templates"),
                      autoescape=select_autoescape(["html"], default=True), undefined=StrictUndefined)
    env.filters["hl_summary"] = lambda row: highlight_summary(row.text, f"{row.title}\n{row.abstract}"
                                                              if row.abstract else None)
    env.filters["when"] = lambda ts: (ts or "").replace("T", " ")[:16] + " UTC" if ts else ""
    env.filters["hl_abstract"] = lambda row: highlight_source(row.abstract or "", row.text)
    return env


def _publish(settings, digest):
    """``digestgen.publish.publish_day`` when the publish package is there, else the archive markdown alone."""
    try:
        from ..publish import publish_day
    except ImportError:
        from ..cache import atomic_write
        from ..render import render_digest

        path = fallback_path(settings, digest.date)
        atomic_write(path, render_digest(digest).encode("utf-8"))
        return path
    return publish_day(settings, digest).path


async def regenerate_text(settings, row: ReviewRow) -> tuple[str, str]:
    """A new draft from the configured engine (the offline extractive one when none is configured)."""
    from ..pipeline import make_engine, summarize_paper
    from ..types import Paper

    if not row.abstract:
        raise DigestgenError(f"{row.arxiv_id} has no abstract: nothing to regenerate from; edit the row by hand")
    engine = make_engine(settings)
    try:
        new = await summarize_paper(engine, Paper(arxiv_id=row.arxiv_id, title=row.title, authors=row.authors,
                                                  abstract=row.abstract))
    finally:
        await engine.aclose()
    if new.needs_attention:
        raise DigestgenError(f"the {engine.name} engine produced no summary for {row.arxiv_id}")
    return new.summary, engine.name


def create_app(settings, config: ReviewConfig, *, db: ReviewDB | None = None, regenerate=None, publish=None):
    """The app for one day. ``open_day`` has to succeed first (the CLI reports a never-generated day)."""
    db = open_day(settings, config.day, db)
    env = _templates()
    csrf = secrets.token_urlsafe(32)
    notes: dict[str, str] = {}
    regenerate = regenerate or regenerate_text
    publish = publish or _publish
    day = config.day

    def params(request_or_form) -> dict:
        get = request_or_form.get
        flt = get("filter") if get("filter") in FILTERS else "all"
        view = "one" if get("view") == "one" else "list"
        return {"filter": flt, "view": view, "row": get("row")}

    def url(p: dict, **over) -> str:
        q = {**p, **over}
        q = {k: v for k, v in q.items() if v not in (None, "", "all", "list")}
        return "/" + ("?" + urlencode(q) if q else "")

    def render(request: Request, *, error: str | None = None, status: int = 200, p: dict | None = None,
               draft: dict | None = None) -> HTMLResponse:
        p = p or params(request.query_params)
        rows = db.rows(day)
        shown = [r for r in rows if FILTERS[p["filter"]][1](r)]
        current = None
        if p["view"] == "one" and shown:
            want = int(p["row"]) if (p["row"] or "").isdigit() else shown[0].pos
            current = next((r for r in shown if r.pos >= want), shown[-1])
            idx = shown.index(current)
            prev_row = shown[idx - 1] if idx > 0 else None
            next_row = shown[idx + 1] if idx + 1 < len(shown) else None
            shown = [current]
        else:
            prev_row = next_row = None
        note = notes.pop(request.query_params.get("note", ""), None)
        counts = {s: sum(1 for r in rows if r.state == s) for s in ("draft", "approved", "rejected")}
        html = env.get_template("page.html").render(
            day=day, editor=config.editor, rows=shown, all_rows=rows, counts=counts, p=p, url=url,
            filters={k: v[0] for k, v in FILTERS.items()}, shortcuts=SHORTCUTS, csrf=csrf, error=error, note=note,
            findings_count=sum(1 for r in rows if r.findings), pub=publish_status(settings, day, db=db),
            prev_row=prev_row, next_row=next_row, draft=draft or {})
        return HTMLResponse(html, status_code=status)

    async def page(request: Request):
        return render(request)

    async def diff(request: Request):
        try:
            row = db.row(day, request.query_params.get("id", ""))
            a = int(request.query_params.get("a", "1"))
            b = int(request.query_params.get("b", str(row.version)))
        except (UnknownRow, ValueError):
            return PlainTextResponse("no such row or version", status_code=404)
        va = next((v for v in row.versions if v.version == a), None)
        vb = next((v for v in row.versions if v.version == b), None)
        if va is None or vb is None:
            return PlainTextResponse("no such version", status_code=404)
        html = env.get_template("diff.html").render(day=day, row=row, a=va, b=vb, diff=word_diff(va.text, vb.text),
                                                    back=url(params(request.query_params)))
        return HTMLResponse(html)

    def _after(p: dict, pos: int | None, message: str, advance: bool) -> RedirectResponse:
        rows = [r for r in db.rows(day) if FILTERS[p["filter"]][1](r)]
        target = pos
        if advance and pos is not None:
            later = [r.pos for r in rows if r.pos > pos]
            target = later[0] if later else pos
        key = secrets.token_urlsafe(8)
        if len(notes) > 100:
            notes.clear()
        notes[key] = message
        frag = f"#r{target}" if target is not None else ""
        return RedirectResponse(url(p, row=str(target) if p["view"] == "one" and target else None, note=key) + frag,
                                status_code=303)

    async def _form(request: Request):
        form = await request.form()
        origin = request.headers.get("origin")
        # Browsers send Origin on POST (same-origin referrer policy); it must be this very server.
        if origin is not None and origin.split("://", 1)[-1].lower() != request.headers.get("host", "").lower():
            return None, PlainTextResponse("cross-origin request refused", status_code=403)
        if not hmac.compare_digest(str(form.get("csrf", "")), csrf):
            return None, PlainTextResponse("missing or wrong CSRF token: reload the page and try again",
                                           status_code=403)
        return form, None

    async def row_action(request: Request):
        form, bad = await _form(request)
        if bad:
            return bad
        action = request.path_params["action"]
        p = params(form)
        arxiv_id = str(form.get("arxiv_id", ""))
        rev = form.get("rev")
        base_rev = int(rev) if rev and str(rev).isdigit() else None
        if base_rev is None:
            return render(request, error="the form lacks the row's version: reload the page", status=400, p=p)
        try:
            row = db.row(day, arxiv_id)
            if action == "edit":
                new = db.edit(day, arxiv_id, str(form.get("text", "")), editor=config.editor, base_rev=base_rev)
                errs = len(new.errors)
                msg = f"Saved {arxiv_id} as version {new.version}: " + (
                    f"{errs} error finding(s)" if errs else "no error findings")
                return _after(p, row.pos, msg, advance=False)
            if action in ("approve", "reject", "reopen"):
                state = {"approve": "approved", "reject": "rejected", "reopen": "draft"}[action]
                new = db.set_state(day, arxiv_id, state, editor=config.editor, base_rev=base_rev)
                msg = f"{arxiv_id} {state}" + (" (it still has error findings: publishing will refuse it)"
                                               if state == "approved" and new.errors else "")
                return _after(p, row.pos, msg, advance=action != "reopen")
            if action == "regenerate":
                db.check_rev(day, arxiv_id, base_rev)
                text, engine = await regenerate(settings, row)
                new = db.regenerated(day, arxiv_id, text, editor=config.editor, base_rev=base_rev, engine=engine)
                return _after(p, row.pos, f"Regenerated {arxiv_id} with the {engine} engine: version {new.version}",
                              advance=False)
            if action == "revert":
                to = str(form.get("version", ""))
                if not to.isdigit():
                    raise UnknownRow("no version given")
                new = db.revert(day, arxiv_id, int(to), editor=config.editor, base_rev=base_rev)
                return _after(p, row.pos, f"Reverted {arxiv_id} to version {to} (now version {new.version})",
                              advance=False)
        except Conflict as exc:
            return render(request, error=str(exc), status=409, p=p,
                          draft={arxiv_id: str(form.get("text", ""))} if action == "edit" else None)
        except UnknownRow as exc:
            return render(request, error=str(exc), status=404, p=p)
        except DigestgenError as exc:
            return render(request, error=str(exc), status=400, p=p)
        return PlainTextResponse("unknown action", status_code=404)

    async def publish_action(request: Request):
        form, bad = await _form(request)
        if bad:
            return bad
        p = params(form)
        try:
            digest = final_digest(settings, day, db=db)
            path = publish(settings, digest)
        except PublishRefused as exc:
            return render(request, error=f"Publish refused: {exc.reason}", status=409, p=p)
        except (DigestgenError, OSError) as exc:
            return render(request, error=f"Publish failed: {exc}", status=500, p=p)
        record_published(settings, digest, path, editor=config.editor, db=db)
        return _after(p, None, f"Published {len(digest.rows)} approved rows to {path}", advance=False)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/diff", diff, methods=["GET"]),
        Route("/row/{action}", row_action, methods=["POST"]),
        Route("/publish", publish_action, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("digestgen.review", "static")]), name="static"),
    ]
    app = Starlette(routes=routes)
    guard = _Guard(app, config)
    guard.db, guard.csrf = db, csrf
    return guard
