"""The JSON API: the CLI's report for a draft, the codes, the corpus, and bad input."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from factcheck.cli import main
from factcheck.server.app import STATIC_FILES
from factcheck.server.bodies import DEFAULT_MAX_BODY
from tests.conftest import REPO
from tests.server.conftest import MakeClient

EXAMPLE = "docs/examples/draft.md"
JSON = {"content-type": "application/json"}


@pytest.fixture()
def no_crash_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def assert_nothing_crashed(caplog: pytest.LogCaptureFixture) -> None:
    crashes = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert crashes == [], [r.getMessage() for r in crashes]


def test_check_returns_exactly_the_cli_json_for_the_example_draft(
    client: TestClient, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["check", EXAMPLE, "--format", "json", "--no-cache"]) == 1
    cli_output = capsys.readouterr().out
    text = (REPO / EXAMPLE).read_text(encoding="utf-8")
    response = client.post("/api/check", json={"text": text, "path": EXAMPLE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == cli_output
    assert len(json.loads(response.text)["findings"]) == 7


def test_the_date_given_overrides_the_front_matter_as_check_date_does(
    client: TestClient, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    main(["check", EXAMPLE, "--format", "json", "--no-cache", "--date", "2024-01-10"])
    cli_output = capsys.readouterr().out
    text = (REPO / EXAMPLE).read_text(encoding="utf-8")
    response = client.post("/api/check", json={"text": text, "path": EXAMPLE, "date": "2024-01-10"})
    assert response.text == cli_output
    undated = client.post("/api/check", json={"text": text, "path": EXAMPLE, "date": None})
    assert undated.text != cli_output  # the front matter's date gives 7 findings, this one 6


def test_a_draft_without_path_is_named_as_the_python_api_names_it(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "Yacheslav Volodin arrived."})
    (finding,) = response.json()["findings"]
    assert (finding["path"], finding["code"]) == ("<draft>", "FC101")


@pytest.mark.parametrize(
    ("body", "headers", "status", "message"),
    [
        (b"text=hello", {"content-type": "application/x-www-form-urlencoded"}, 415, "Content-Type: application/json"),
        (b"{not json", JSON, 400, "not JSON: Expecting property name"),
        (b"\xff\xfe\x00t\x00e", JSON, 400, "not UTF-8 text (invalid byte 0xff at offset 0)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", JSON, 400, "not UTF-8 text (invalid byte 0x89 at offset 0)"),
        (b'"a string"', JSON, 400, "must be a JSON object, not a string"),
        (b"{}", JSON, 400, "missing field 'text'"),
        (b'{"path": "a.md"}', JSON, 400, "missing field 'text'"),
        (b'{"text": null}', JSON, 400, "field 'text' must be a string, not null"),
        (b'{"text": "x", "date": "2025-13-40"}', JSON, 400, "not a date: '2025-13-40' (use YYYY-MM-DD)"),
        (b'{"text": "x", "date": "tomorrow"}', JSON, 400, "not a date: 'tomorrow'"),
        (b'{"text": "x", "date": 20250826}', JSON, 400, "field 'date' must be a string, not a number"),
        (b'{"text": "x", "draft": "y"}', JSON, 400, "unknown field(s) draft; expected text, path, date"),
        (b'{"text": "x", "path": ""}', JSON, 400, "field 'path' must be a printable name"),
        (b'{"text": "a\\u0000b"}', JSON, 400, "NUL character: binary data, not text"),
        (b'{"text": "a\\ud800b"}', JSON, 400, "not valid Unicode (a lone surrogate at 1)"),
        (b"[" * 100_000 + b"]" * 100_000, JSON, 400, "nested too deep"),
        (b"", JSON, 400, "not JSON"),
    ],
    ids=[
        "form", "not-json", "utf16", "binary", "not-object", "empty-object", "missing-text",
        "null-text", "bad-date", "word-date", "number-date", "unknown-field", "empty-path",
        "nul", "surrogate", "deep", "empty-body",
    ],
)  # fmt: skip
def test_bad_input_gets_a_clear_4xx_json_error_and_no_crash(
    client: TestClient,
    no_crash_logged: pytest.LogCaptureFixture,
    body: bytes,
    headers: dict[str, str],
    status: int,
    message: str,
) -> None:
    response = client.post("/api/check", content=body, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert message in response.json()["error"]
    assert_nothing_crashed(no_crash_logged)


def test_a_body_over_the_cap_is_refused_with_413(
    client: TestClient, no_crash_logged: pytest.LogCaptureFixture
) -> None:
    text = "Volodin arrived. " * (DEFAULT_MAX_BODY // 17 + 1)
    response = client.post("/api/check", json={"text": text})
    assert response.status_code == 413
    assert f"the limit is {DEFAULT_MAX_BODY}" in response.json()["error"]
    assert_nothing_crashed(no_crash_logged)


def test_the_cap_is_configurable_and_counts_a_body_without_length(
    make_client: MakeClient,
) -> None:
    client = make_client(max_body=64)
    small = client.post("/api/check", json={"text": "Volodin arrived."})
    assert small.status_code == 200

    def chunks() -> object:
        yield b'{"text": "'
        yield b"x" * 100
        yield b'"}'

    # A generator body is sent chunked, with no Content-Length to trust.
    streamed = client.post("/api/check", content=chunks(), headers=JSON)  # type: ignore[arg-type]
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413
    assert "over the limit of 64 bytes" in streamed.json()["error"]


def test_unknown_routes_and_methods_answer_json(client: TestClient) -> None:
    missing = client.get("/api/nothing")
    assert missing.status_code == 404
    assert "no such page or API route: /api/nothing" in missing.json()["error"]
    wrong = client.get("/api/check")
    assert wrong.status_code == 405
    assert "GET is not allowed on /api/check" in wrong.json()["error"]


# --- codes, corpus, health, OpenAPI -------------------------------------------------


def test_codes_come_with_their_shipped_pages(client: TestClient) -> None:
    answer = client.get("/api/codes").json()
    codes = {entry["code"]: entry for entry in answer["codes"]}
    pages = sorted(path.stem for path in (REPO / "docs" / "codes").glob("FC*.md"))
    assert sorted(codes) == pages
    fc101 = codes["FC101"]
    assert fc101["page"] == (REPO / "docs/codes/FC101.md").read_text(encoding="utf-8")
    assert (fc101["title"], fc101["severity"], fc101["safe_fix"]) == (
        "misspelt-person-name",
        "error",
        True,
    )
    assert answer["pages"] is True and answer["note"] is None


def test_codes_without_pages_say_so_and_keep_the_registry(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factcheck.server.code_pages.code_page", lambda code: None)
    answer = make_client().get("/api/codes").json()
    assert answer["pages"] is False
    assert "no code has a page" in answer["note"]
    fc101 = next(entry for entry in answer["codes"] if entry["code"] == "FC101")
    assert fc101["page"] is None
    assert fc101["title"] == "misspelt-person-name"
    assert fc101["summary"]


def test_corpus_documents_are_served_by_their_evidence_name(client: TestClient) -> None:
    report = client.post(
        "/api/check", json={"text": (REPO / EXAMPLE).read_text(encoding="utf-8"), "path": EXAMPLE}
    ).json()
    evidence = report["findings"][0]["evidence"][0]
    answer = client.get(f"/api/corpus/{evidence['source']}").json()
    assert answer["text"] == (REPO / evidence["source"]).read_text(encoding="utf-8")
    line = answer["text"].split("\n")[evidence["line"] - 1]
    assert evidence["quote"][:40] in line


@pytest.mark.parametrize(
    "name", ["pyproject.toml", "docs/examples/draft.md", "seeds/../pyproject.toml", "seeds"]
)
def test_only_corpus_documents_are_served(client: TestClient, name: str) -> None:
    response = client.get(f"/api/corpus/{name}")
    assert response.status_code == 404
    assert "no corpus document named" in response.json()["error"]


def test_health_says_what_is_loaded(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["corpus"]["documents"] == len(list((REPO / "seeds").glob("*.txt")))
    assert set(health["pipeline"]) == {"name", "version", "statistical"}


def test_openapi_describes_every_api_route_and_no_other(client: TestClient) -> None:
    from factcheck.server.app import create_app  # noqa: F401  (routes are built there)

    described = set(client.get("/api/openapi.json").json()["paths"])
    app = client.app
    routes = {
        route.path.replace("{name:path}", "{name}")
        for route in app.app.routes  # type: ignore[attr-defined]
        if route.path.startswith("/api/")
    }
    assert described == routes


def test_the_page_and_its_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for name in STATIC_FILES:
        if name != "index.html":
            response = client.get(f"/static/{name}")
            assert response.status_code == 200, name
    assert client.get("/static/app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


# --- opening drafts by path ---------------------------------------------------------


def test_a_draft_is_opened_by_path_under_the_root(client: TestClient) -> None:
    answer = client.get("/api/file", params={"path": EXAMPLE}).json()
    assert answer == {"path": EXAMPLE, "text": (REPO / EXAMPLE).read_text(encoding="utf-8")}
    dotted = client.get("/api/file", params={"path": "docs/../docs/examples/draft.md"}).json()
    assert dotted["path"] == EXAMPLE


@pytest.mark.parametrize(
    "path", ["../outside.md", "/etc/hostname.md", "docs/../../outside.md", "link-out/secret.md"]
)
def test_paths_outside_the_root_are_refused_symlinks_included(
    make_client: MakeClient, tmp_path: Path, no_crash_logged: pytest.LogCaptureFixture, path: str
) -> None:
    root = tmp_path / "root"
    (root / "docs").mkdir(parents=True)
    (tmp_path / "outside.md").write_text("classified-words\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.md").write_text("classified-words\n")
    os.symlink(tmp_path / "elsewhere", root / "link-out")
    response = make_client(root=root).get("/api/file", params={"path": path})
    assert response.status_code == 403
    assert "outside the served folder" in response.json()["error"]
    assert "classified-words" not in response.text
    assert_nothing_crashed(no_crash_logged)


def test_a_symlink_to_a_file_outside_is_refused(make_client: MakeClient, tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "secret.md").write_text("classified-words\n")
    os.symlink(tmp_path / "secret.md", root / "draft.md")
    response = make_client(root=root).get("/api/file", params={"path": "draft.md"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("name", "content", "status", "message"),
    [
        ("missing.md", None, 404, "missing.md: no such file"),
        ("notes.py", b"print()", 400, "not a draft"),
        ("binary.txt", b"abc\x00def", 400, "binary file, not text"),
        ("big.md", b"x" * 100, 413, "the limit is 64"),
        ("", None, 400, "relative to the served folder"),
    ],
)
def test_unreadable_drafts_get_a_clear_error(
    make_client: MakeClient,
    tmp_path: Path,
    no_crash_logged: pytest.LogCaptureFixture,
    name: str,
    content: bytes | None,
    status: int,
    message: str,
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    response = make_client(root=tmp_path, max_body=64).get("/api/file", params={"path": name})
    assert response.status_code == status
    assert message in response.json()["error"]
    assert_nothing_crashed(no_crash_logged)


def test_a_folder_is_not_a_draft(make_client: MakeClient, tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    response = make_client(root=tmp_path).get("/api/file", params={"path": "folder.md"})
    assert response.status_code == 400
    assert "is a directory" in response.json()["error"]


def test_a_check_whose_client_has_gone_is_dropped_before_its_turn(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import anyio

    from factcheck.server.service import CheckService

    app = make_client().app
    calls: list[str] = []
    monkeypatch.setattr(CheckService, "check", lambda self, text, **kw: calls.append(text) or "{}")
    body = json.dumps({"text": "Volodin arrived."}).encode()
    sent: list[dict[str, object]] = []

    async def run(messages: list[dict[str, object]]) -> None:
        async def receive() -> dict[str, object]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
            "scheme": "http", "path": "/api/check", "raw_path": b"/api/check", "query_string": b"",
            "root_path": "", "server": ("127.0.0.1", 8765), "client": ("127.0.0.1", 5000),
            "headers": [(b"host", b"127.0.0.1:8765"), (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode())],
        }  # fmt: skip
        await app(scope, receive, send)  # type: ignore[arg-type]

    # The client sent its draft and went away: no check is run.
    anyio.run(run, [{"type": "http.request", "body": body, "more_body": False}])
    assert calls == []
    assert sent[0]["status"] == 204


def test_a_fifo_under_the_root_is_refused_without_hanging(
    make_client: MakeClient, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    response = make_client(root=tmp_path).get("/api/file", params={"path": "pipe.md"})
    assert response.status_code == 400
    assert "not a regular file" in response.json()["error"]


def test_a_cp1252_draft_is_opened_as_text(make_client: MakeClient, tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("the caf\u00e9 owner said".encode("cp1252"))
    response = make_client(root=tmp_path).get("/api/file", params={"path": "latin.txt"})
    assert response.status_code == 200
    assert "caf\u00e9" in response.json()["text"]
