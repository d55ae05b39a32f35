"""The two notification APIs: a Slack-compatible incoming webhook and Telegram's Bot API ``sendMessage``.

Each ``send`` either returns (the server accepted the message) or raises ``SendError``
that says whether the message certainly did not go out (``uncertain=False``: safe to
retry) and how long the server asked us to wait. Error texts never contain the webhook
URL or the bot token: they are built here from status codes and API descriptions, and
``redact`` removes the secrets from anything else.
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from dataclasses import dataclass

from ..retry import parse_retry_after


class SendError(Exception):
    def __init__(self, message: str, *, retry_after: float | None = None, retryable: bool = True,
                 uncertain: bool = False):
        super().__init__(message)
        self.retry_after = retry_after
        self.retryable = retryable
        self.uncertain = uncertain


def redact(text: str, secrets: list[str]) -> str:
    for s in secrets:
        if s:
            text = text.replace(s, "[secret]")
    return text


class _RedactFilter(logging.Filter):
    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = redact(msg, self.secrets)
        if clean != msg:
            record.msg, record.args = clean, None
        return True


@contextmanager
def redacted_http_logs(secrets: list[str]):
    """httpx logs every request URL at INFO; the Telegram URL carries the token, so scrub it."""
    loggers = [logging.getLogger(n) for n in ("httpx", "httpcore")]
    filt = _RedactFilter(secrets)
    for lg in loggers:
        lg.addFilter(filt)
    try:
        yield
    finally:
        for lg in loggers:
            lg.removeFilter(filt)


def _transport_error(name: str, exc: Exception) -> SendError:
    import httpx

    # A failure before the request left (no connection) certainly sent nothing; after it left
    # (read timeout, dropped connection) the server may have posted the message.
    sent_nothing = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
    return SendError(f"{name}: {'cannot connect' if sent_nothing else 'no answer after sending'} "
                     f"({type(exc).__name__})", uncertain=not sent_nothing)


@dataclass
class SlackWebhook:
    """POST ``{"text": ...}`` to an incoming-webhook URL (Slack, Mattermost and others accept it)."""

    url: str
    name: str = "slack"

    @property
    def secrets(self) -> list[str]:
        return [self.url]

    def send(self, client, text: str) -> None:
        import httpx

        try:
            resp = client.post(self.url, json={"text": text, "unfurl_links": False, "unfurl_media": False})
        except httpx.HTTPError as exc:
            raise _transport_error(self.name, exc) from None
        if resp.status_code == 200:
            return
        body = resp.text[:200].strip()
        retryable = resp.status_code == 429 or resp.status_code >= 500
        raise SendError(f"{self.name}: HTTP {resp.status_code}" + (f" ({body})" if body else ""),
                        retry_after=parse_retry_after(resp.headers.get("retry-after")), retryable=retryable)


@dataclass
class Telegram:
    """``POST {api}/bot<token>/sendMessage`` with ``chat_id`` and plain ``text`` (at most 4,096 characters)."""

    token: str
    chat_id: str
    api_url: str = "https://api.telegram.org"
    name: str = "telegram"

    @property
    def secrets(self) -> list[str]:
        return [self.token]

    def send(self, client, text: str) -> None:
        import httpx

        url = f"{self.api_url.rstrip('/')}/bot{self.token}/sendMessage"
        payload = {"chat_id": self.chat_id, "text": text, "link_preview_options": {"is_disabled": True}}
        try:
            resp = client.post(url, json=payload)
        except httpx.HTTPError as exc:
            raise _transport_error(self.name, exc) from None
        try:
            data = resp.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = {}
        if resp.status_code == 200 and data.get("ok") is True:
            return
        if resp.status_code == 200:  # 200 without ok=true: the body is not Telegram's; it may have been posted
            raise SendError(f"{self.name}: unexpected answer", uncertain=True)
        code = data.get("error_code", resp.status_code) if isinstance(data, dict) else resp.status_code
        params = data.get("parameters") if isinstance(data, dict) and isinstance(data.get("parameters"), dict) else {}
        retry_after = params.get("retry_after")
        desc = str(data.get("description", "")).strip()[:200] if isinstance(data, dict) else ""
        raise SendError(redact(f"{self.name}: error {code}" + (f" ({desc})" if desc else ""), [self.token]),
                        retry_after=float(retry_after) if isinstance(retry_after, (int, float)) else None,
                        retryable=code == 429 or resp.status_code >= 500)


def reader_channels(settings) -> list:
    out: list = []
    if settings.slack_webhook_url:
        out.append(SlackWebhook(settings.slack_webhook_url.get_secret_value()))
    if settings.telegram_bot_token and settings.telegram_chat_id:
        out.append(Telegram(settings.telegram_bot_token.get_secret_value(), settings.telegram_chat_id,
                            settings.telegram_api_url))
    return out


def editor_channels(settings) -> list:
    out: list = []
    if settings.editors_slack_webhook_url:
        out.append(SlackWebhook(settings.editors_slack_webhook_url.get_secret_value(), name="editors-slack"))
    if settings.telegram_bot_token and settings.editors_telegram_chat_id:
        out.append(Telegram(settings.telegram_bot_token.get_secret_value(), settings.editors_telegram_chat_id,
                            settings.telegram_api_url, name="editors-telegram"))
    return out
