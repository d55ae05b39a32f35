"""Local stand-ins for the notification APIs, for tests: a Slack incoming webhook and Telegram's Bot API.

Both run on ``LocalServer`` (127.0.0.1), so faults are scripted with ``server.script(...)``:
``telegram_429(n)`` is Telegram's real flood-control answer, ``slack_429(n)`` Slack's.
"""

from __future__ import annotations

from .servers import Reply, Request


class ChatLog:
    """What a fake chat service accepted, in order."""

    def __init__(self):
        self.messages: list[dict] = []

    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages]


def slack_webhook_handler(log: ChatLog, path: str = "/services/T000/B000/XXXX"):
    """Answer ``POST {path}`` with ``ok`` like Slack; a wrong path is ``404 no_service``, bad JSON ``400``."""

    def handle(req: Request) -> Reply:
        if req.method != "POST" or req.path != path:
            return Reply(404, b"no_service", {"Content-Type": "text/plain"})
        try:
            body = req.json()
        except ValueError:
            return Reply(400, b"invalid_payload", {"Content-Type": "text/plain"})
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return Reply(400, b"no_text", {"Content-Type": "text/plain"})
        log.messages.append(body)
        return Reply(200, b"ok", {"Content-Type": "text/plain"})

    return handle


def telegram_handler(log: ChatLog, token: str):
    """Answer ``POST /bot<token>/sendMessage`` like the Bot API (4,096-character limit, 401 for a bad token)."""

    def handle(req: Request) -> Reply:
        if not req.path.startswith("/bot") or not req.path.endswith("/sendMessage"):
            return Reply.json({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        if req.path[len("/bot"):-len("/sendMessage")] != token:
            return Reply.json({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        try:
            body = req.json()
        except ValueError:
            return Reply.json({"ok": False, "error_code": 400, "description": "Bad Request: can't parse JSON"}, 400)
        text = body.get("text") if isinstance(body, dict) else None
        if not body or not body.get("chat_id"):
            return Reply.json({"ok": False, "error_code": 400, "description": "Bad Request: chat_id is empty"}, 400)
        if not isinstance(text, str) or not text.strip():
            return Reply.json({"ok": False, "error_code": 400, "description": "Bad Request: message text is empty"},
                              400)
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return Reply.json({"ok": False, "error_code": 400, "description": "Bad Request: message is too long"},
                              400)
        log.messages.append(body)
        n = len(log.messages)
        return Reply.json({"ok": True, "result": {"message_id": n, "chat": {"id": body["chat_id"]}, "text": text}})

    return handle


def telegram_429(retry_after: int) -> Reply:
    return Reply.json({"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {retry_after}",
                       "parameters": {"retry_after": retry_after}}, status=429)


def slack_429(retry_after: int) -> Reply:
    return Reply(429, b"rate_limited", {"Content-Type": "text/plain", "Retry-After": str(retry_after)})


def server_error(status: int = 502) -> Reply:
    return Reply(status, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})
