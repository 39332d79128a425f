"""``factcheck serve``: a local web page and a JSON HTTP API on the CLI's engine.

Nothing here is imported by the rest of factcheck: the CLI imports
:mod:`factcheck.server.command` only when ``serve`` runs, so the other commands
need neither Starlette nor uvicorn. The modules, one concern each:

- ``service``: the one engine, its lock, and corpus reloading
- ``corpus_watch``: whether the corpus files changed on disk
- ``bodies``: reading and validating request bodies (size cap, UTF-8, JSON)
- ``drafts``: opening a draft by path under the served folder
- ``security``: Host, Origin and token checks; security headers
- ``code_pages``: the finding codes and their documentation pages
- ``openapi``: the API description
- ``app``: the routes
- ``command``: ``factcheck serve`` itself (binding, uvicorn)
"""
