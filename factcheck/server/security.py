"""What keeps a local server local: Host, Origin and token checks, and response headers.

- Host: a page on another site can make its own name resolve to 127.0.0.1 (DNS
  rebinding) and then read this server as if it were its own; its requests
  still carry its own name in the Host header, so only known names are served.
- Origin: a page on another site can send a POST to this server (CSRF); the
  browser says where it came from, and only this server's own pages may.
- Token: off loopback, every API request needs ``Authorization: Bearer <token>``
  (compared in constant time). The page and its static files need none: they
  hold no data.
- Headers: a strict Content-Security-Policy (scripts and styles only from this
  server, no inline script, nothing fetched elsewhere, no framing),
  ``X-Content-Type-Options: nosniff``, no referrer, and no caching of API answers.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})
PUBLIC_PATHS = frozenset({"/api/health"})  # what monitoring may read without the token
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The Host names to serve, or None for any (a wildcard bind, behind a token)."""
    if bind in WILDCARD_ADDRESSES:
        return None
    names = set(LOOPBACK_NAMES) | {bind.lower().strip("[]")}
    names.update(name.lower().strip("[]") for name in extra)
    return frozenset(names)


def host_name(header: str) -> str:
    """The name in a Host header, without the port and the IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def token_matches(header: str | None, token: str) -> bool:
    if header is None:
        return False
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    )


class Guard:
    """ASGI middleware: refuses foreign hosts, cross-site writes and missing tokens."""

    def __init__(
        self, app: ASGIApp, *, hosts: frozenset[str] | None, token: str | None = None
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        send = _with_headers(send, api=str(scope["path"]).startswith("/api/"))
        if refusal is not None:
            status, message, extra = refusal
            await _send_error(send, status, message, extra)
            return
        await self.app(scope, receive, send)

    def _refusal(
        self, scope: Scope, headers: Headers
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        host = headers.get("host", "")
        if self.hosts is not None and host_name(host) not in self.hosts:
            return 400, f"host {host!r} is not served here", []
        if scope["method"] not in _SAFE_METHODS:
            origin = headers.get("origin")
            scheme = str(scope.get("scheme", "http"))
            if origin is not None and origin.lower() != f"{scheme}://{host}".lower():
                return 403, f"cross-origin request from {origin!r} refused", []
            if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
                return 403, "cross-site request refused", []
        path = str(scope["path"])
        if (
            self.token is not None
            and path.startswith("/api/")
            and path not in PUBLIC_PATHS
            and not token_matches(headers.get("authorization"), self.token)
        ):
            return (
                401,
                "this server needs a token: Authorization: Bearer <token>",
                [(b"www-authenticate", b'Bearer realm="factcheck"')],
            )
        return None


def _with_headers(send: Send, *, api: bool) -> Send:
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {name.lower() for name, _ in headers}
            headers.extend(item for item in SECURITY_HEADERS if item[0] not in present)
            if api and b"cache-control" not in present:
                headers.append((b"cache-control", b"no-store"))
            message = {**message, "headers": headers}
        await send(message)

    return sender


async def _send_error(
    send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]]
) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
