"""The API description served at ``/api/openapi.json`` (OpenAPI 3.1, written by hand).

Written out rather than generated from docstrings so that it can describe the
request bodies and errors too; ``tests/server/test_api.py`` checks that every
route is described and every description is a route.
"""

from __future__ import annotations

from typing import Any

from factcheck import __version__

_ERROR = {
    "description": "a refused request",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def openapi_document(*, token: bool) -> dict[str, Any]:
    """The description; ``token`` adds the bearer scheme the server then requires."""
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "factcheck serve",
            "version": __version__,
            "description": (
                "Check drafts against the corpus the server loaded. Errors are "
                '{"error": message} with a 4xx status.'
            ),
        },
        "paths": {
            "/api/check": {
                "post": {
                    "summary": "Check a draft: the JSON of `factcheck check --format json`",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/CheckRequest"}
                            }
                        },
                    },
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/Report"}, "the report"),
                        "400": _ERROR,
                        "401": _ERROR,
                        "403": _ERROR,
                        "413": _ERROR,
                        "415": _ERROR,
                    },
                }
            },
            "/api/file": {
                "get": {
                    "summary": "A draft under the served folder, by relative path",
                    "parameters": [
                        {
                            "name": "path",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "path": {"type": "string"},
                                    "text": {"type": "string"},
                                },
                            },
                            "the draft",
                        ),
                        "400": _ERROR,
                        "403": _ERROR,
                        "404": _ERROR,
                        "413": _ERROR,
                    },
                }
            },
            "/api/codes": {
                "get": {
                    "summary": "Every finding code, with its documentation page when installed",
                    "responses": {"200": _json({"type": "object"}, "the codes")},
                }
            },
            "/api/corpus/{name}": {
                "get": {
                    "summary": "A corpus document, by the name evidence gives it",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "text": {"type": "string"},
                                },
                            },
                            "the document",
                        ),
                        "404": _ERROR,
                    },
                }
            },
            "/api/health": {
                "get": {
                    "summary": "Version, pipeline and corpus size (no token needed)",
                    "security": [],
                    "responses": {"200": _json({"type": "object"}, "the server's state")},
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
                }
            },
        },
        "components": {
            "schemas": {
                "CheckRequest": {
                    "type": "object",
                    "required": ["text"],
                    "additionalProperties": False,
                    "properties": {
                        "text": {"type": "string", "description": "the draft"},
                        "path": {
                            "type": "string",
                            "description": "names the draft in findings; its extension picks "
                            "the kind (.md, .html, else text). Default <draft>.",
                        },
                        "date": {
                            "type": ["string", "null"],
                            "description": "the draft's date (YYYY-MM-DD); default: its front "
                            "matter's",
                        },
                    },
                },
                "Report": {
                    "type": "object",
                    "description": "as `factcheck check --format json` prints it",
                    "properties": {
                        "version": {"type": "integer"},
                        "findings": {"type": "array", "items": {"type": "object"}},
                        "summary": {"type": "object"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                },
            }
        },
    }
    if token:
        document["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        document["security"] = [{"bearer": []}]
    return document
