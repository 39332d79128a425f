"""The one error type of the API: a status code and a message for the client."""

from __future__ import annotations


class ApiError(Exception):
    """A request the server refuses; sent as ``{"error": message}`` with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
