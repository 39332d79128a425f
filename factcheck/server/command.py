"""``factcheck serve``: check the arguments, load the engine once, listen, serve.

Starlette and uvicorn are imported only once the arguments are checked, so that
without the ``serve`` extra the command says what to install.

The socket is bound here, before uvicorn starts, so that a port in use is a
usage error with a clear message (exit 2) and ``--port 0`` picks a free port
whose number is then printed.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import DISTRIBUTION
from factcheck.config import Config
from factcheck.errors import ExitCode, FactcheckError

if TYPE_CHECKING:
    from factcheck.server.app import ServeSettings

TOKEN_VARIABLE = "FACTCHECK_TOKEN"


class ServeError(FactcheckError):
    """``factcheck serve`` cannot start as asked."""


def settings_from_arguments(args: argparse.Namespace) -> tuple[ServeSettings, str, int]:
    """The settings, host and port; a non-loopback host without a token is refused."""
    _require_extra()
    from factcheck.server.app import ServeSettings
    from factcheck.server.security import allowed_hosts, is_loopback

    host: str = args.host
    port: int = args.port
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port}: not a port number (0 to 65535; 0 picks a free one)")
    if args.max_body < 1:
        raise ServeError(f"--max-body {args.max_body}: must be at least 1 byte")
    token = args.token or os.environ.get(TOKEN_VARIABLE) or None
    if not is_loopback(host) and token is None:
        raise ServeError(
            f"--host {host} lets other machines connect: give a token with --token or "
            f"{TOKEN_VARIABLE}, which every API request must then send"
        )
    root = Path(args.root if args.root is not None else Path.cwd()).absolute()
    if not root.is_dir():
        raise ServeError(f"--root {root}: not a folder")
    settings = ServeSettings(
        root=root,
        max_body=args.max_body,
        token=token,
        hosts=allowed_hosts(host, args.allow_host or ()),
    )
    return settings, host, port


def _require_extra() -> None:
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ModuleNotFoundError as error:
        raise ServeError(
            f"factcheck serve needs {error.name}: pip install '{DISTRIBUTION}[serve]'"
        ) from None


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, protocol, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        listener = socket.socket(family, kind, protocol)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    listener.listen(128)
    return listener


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(config: Config, args: argparse.Namespace) -> int:
    settings, host, port = settings_from_arguments(args)
    import uvicorn

    from factcheck.server.app import create_app
    from factcheck.server.service import CheckService

    listener = _listen(host, port)
    service = CheckService(config)  # the pipeline and the corpus, loaded once
    app = create_app(service, settings)
    port = listener.getsockname()[1]
    note = " (send the token: Authorization: Bearer <token>)" if settings.token else ""
    print(f"factcheck: serving {_url(host, port)}{note}; Ctrl-C stops", file=sys.stderr, flush=True)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="info", server_header=False, proxy_headers=False)
    )
    server.run(sockets=[listener])
    return ExitCode.OK
