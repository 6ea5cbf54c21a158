"""Request limits, security headers and the write token."""
from __future__ import annotations

import hmac

from fastapi import Header, HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
# On UI pages, only our own scripts and styles: injected markup could not run even if escaping failed.
# (/docs is left without it: Swagger UI's React code sets styles the policy would have to allow.)
CSP = (b"content-security-policy",
       b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")


class BodyLimit:
    """413 for a body over `limit` bytes, by Content-Length or while it streams in."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _too_large(send)
            return
        if length is None:
            # A chunked body is read here, up to the limit, before the app sees it: an error
            # raised inside the app's own body parsing would come out as a 400, not a 413.
            buffered = await _read_limited(receive, self.limit)
            if buffered is None:
                await _too_large(send)
                return
            receive = _replay(buffered, receive)
        await self.app(scope, receive, send)


async def _read_limited(receive: Receive, limit: int) -> list[Message] | None:
    """The request's body messages, or None once they pass `limit` bytes."""
    messages, seen = [], 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages
        seen += len(message.get("body", b""))
        if seen > limit:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A receive callable that gives back the buffered messages, then the live ones."""
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds HEADERS to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        extra = HEADERS + ([CSP] if scope.get("path", "").startswith(("/ui", "/static")) else [])

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers") or []) + extra
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


def require_token(request: Request, authorization: str | None = Header(None)) -> None:
    """Dependency of every write endpoint: `Authorization: Bearer <token>` matching the server's token."""
    expected = request.app.state.options.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with --token (or KHABAR_API_TOKEN)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
