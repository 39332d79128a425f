"""The routes: the page and its files, and the JSON API, on one :class:`CheckService`.

Every route that touches the engine runs it in a worker thread, so that a long
check does not stop the server from accepting other requests; the service's
lock makes them take turns on the engine. Checks also queue here, one at a
time, so that a check whose client has gone (the page sends a newer draft
while the user types) is dropped before it takes its turn instead of after.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from factcheck.server.bodies import DEFAULT_MAX_BODY, check_request, read_json_object
from factcheck.server.code_pages import codes_document
from factcheck.server.drafts import open_draft
from factcheck.server.errors import ApiError
from factcheck.server.openapi import openapi_document
from factcheck.server.security import LOOPBACK_NAMES, Guard
from factcheck.server.service import CheckService

logger = logging.getLogger("factcheck.server")

STATIC_FILES = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}


@dataclass(frozen=True)
class ServeSettings:
    root: Path  # drafts may be opened from this folder only
    max_body: int = DEFAULT_MAX_BODY
    token: str | None = None
    hosts: frozenset[str] | None = LOOPBACK_NAMES  # None: any Host (a wildcard bind)


def _static_files() -> dict[str, bytes]:
    folder = resources.files("factcheck.server").joinpath("static")
    return {name: folder.joinpath(name).read_bytes() for name in STATIC_FILES}


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    # A refused request is the client's mistake, not a crash: no traceback.
    logger.info("%s %s refused (%d): %s", request.method, request.url.path, exc.status, exc)
    return JSONResponse({"error": exc.message}, status_code=exc.status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"no such page or API route: {request.url.path}"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)


async def _internal_error(request: Request, exc: Exception) -> Response:
    # A bug: the traceback is logged by the server; the client gets a clear line.
    return JSONResponse(
        {"error": "internal error in factcheck; the server log has the traceback"},
        status_code=500,
    )


def create_app(service: CheckService, settings: ServeSettings) -> ASGIApp:
    """The ASGI application: Starlette's routes inside the security guard."""
    static = _static_files()
    codes = codes_document(service.codes())
    openapi = openapi_document(token=settings.token is not None)
    checks_in_turn = anyio.Lock()  # an event-loop lock: the app runs on one loop

    async def page(request: Request) -> Response:
        return Response(static["index.html"], media_type=STATIC_FILES["index.html"])

    async def static_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_FILES or name == "index.html":
            raise HTTPException(404)
        return Response(static[name], media_type=STATIC_FILES[name])

    async def check(request: Request) -> Response:
        wanted = check_request(await read_json_object(request, settings.max_body))
        async with checks_in_turn:
            if await request.is_disconnected():
                logger.debug("check dropped: the client has gone")
                return Response(status_code=204)  # nobody reads it
            body = await run_in_threadpool(
                service.check, wanted.text, path=wanted.path, date=wanted.date
            )
        return Response(body, media_type="application/json")

    async def draft_file(request: Request) -> Response:
        requested = request.query_params.get("path", "")
        draft = await run_in_threadpool(
            open_draft, settings.root, requested, limit=settings.max_body
        )
        return JSONResponse({"path": draft.path, "text": draft.text})

    async def corpus_document(request: Request) -> Response:
        name = request.path_params["name"]
        text = await run_in_threadpool(service.corpus_document, name)
        if text is None:
            raise ApiError(404, f"no corpus document named {name!r}")
        return JSONResponse({"name": name, "text": text})

    async def code_list(request: Request) -> Response:
        return JSONResponse(codes)

    async def health(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(service.status))

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(openapi)

    routes = [
        Route("/", page),
        Route("/static/{name}", static_file),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/file", draft_file),
        Route("/api/codes", code_list),
        Route("/api/corpus/{name:path}", corpus_document),
        Route("/api/health", health),
        Route("/api/openapi.json", openapi_json),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            Exception: _internal_error,
        },
    )
    # Outermost, so that even a 500 answer carries the security headers.
    return Guard(app, hosts=settings.hosts, token=settings.token)
