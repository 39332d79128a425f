"""Host, Origin and token checks, response headers, and a page that never runs draft text."""

from __future__ import annotations

import re

import pytest

from factcheck.server.app import STATIC_FILES
from factcheck.server.security import (
    LOOPBACK_NAMES,
    allowed_hosts,
    host_name,
    is_loopback,
    token_matches,
)
from tests.conftest import REPO
from tests.server.conftest import MakeClient

STATIC = REPO / "factcheck" / "server" / "static"
DRAFT = {"text": "Yacheslav Volodin arrived."}


def test_without_a_token_every_api_route_needs_one(make_client: MakeClient) -> None:
    client = make_client(token="s3cret")
    for method, path in [
        ("POST", "/api/check"),
        ("GET", "/api/codes"),
        ("GET", "/api/corpus/seeds/000_ec8c1db1c9df8c32.txt"),
        ("GET", "/api/file?path=docs/examples/draft.md"),
        ("GET", "/api/openapi.json"),
    ]:
        response = client.request(method, path, json=DRAFT if method == "POST" else None)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert "needs a token" in response.json()["error"]


@pytest.mark.parametrize(
    "header", ["Bearer wrong", "Basic s3cret", "s3cret", "Bearer s3cret2", "Bearer "]
)
def test_a_wrong_token_is_refused(make_client: MakeClient, header: str) -> None:
    response = make_client(token="s3cret").post(
        "/api/check", json=DRAFT, headers={"Authorization": header}
    )
    assert response.status_code == 401


def test_the_right_token_is_served_and_health_and_page_need_none(make_client: MakeClient) -> None:
    client = make_client(token="s3cret")
    response = client.post("/api/check", json=DRAFT, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200
    assert response.json()["findings"][0]["code"] == "FC101"
    assert client.get("/api/health").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/static/app.js").status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "10.0.0.5"]
)
def test_a_foreign_host_header_is_refused_against_dns_rebinding(
    make_client: MakeClient, host: str
) -> None:
    client = make_client()
    for method, path in [
        ("GET", "/"),
        ("GET", "/api/corpus/seeds/000_ec8c1db1c9df8c32.txt"),
        ("POST", "/api/check"),
    ]:
        response = client.request(
            method, path, json=DRAFT if method == "POST" else None, headers={"host": host}
        )
        assert response.status_code == 400, (host, path)
        assert "is not served here" in response.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LOCALHOST"])
def test_loopback_host_headers_are_served(make_client: MakeClient, host: str) -> None:
    assert make_client().get("/api/health", headers={"host": host}).status_code == 200


def test_an_allowed_extra_host_is_served(make_client: MakeClient) -> None:
    client = make_client(hosts=allowed_hosts("192.168.1.20", ["newsroom.local"]), token="t")
    for host in ["192.168.1.20:8765", "newsroom.local", "localhost"]:
        assert client.get("/api/health", headers={"host": host}).status_code == 200
    assert client.get("/api/health", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://localhost:3000"},
        {"origin": "https://127.0.0.1:8765"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_a_post_from_another_site_is_refused(
    make_client: MakeClient, headers: dict[str, str]
) -> None:
    response = make_client().post("/api/check", json=DRAFT, headers=headers)
    assert response.status_code == 403
    assert "refused" in response.json()["error"]


def test_a_post_from_the_page_itself_is_served(make_client: MakeClient) -> None:
    response = make_client().post(
        "/api/check",
        json=DRAFT,
        headers={"origin": "http://127.0.0.1:8765", "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 200


def test_every_answer_carries_the_security_headers(make_client: MakeClient) -> None:
    client = make_client(token="t")
    for response in [
        client.get("/"),
        client.get("/static/app.js"),
        client.get("/api/health"),
        client.get("/api/codes"),  # 401
        client.get("/nothing"),  # 404
        client.get("/", headers={"host": "evil.example"}),  # 400
    ]:
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/health").headers["cache-control"] == "no-store"


def test_the_page_has_no_inline_script_and_loads_nothing_from_elsewhere() -> None:
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.DOTALL | re.IGNORECASE)
    assert scripts and all(
        'src="/static/' in attributes and not body.strip() for attributes, body in scripts
    )
    assert not re.search(r"\son[a-z]+\s*=", page, re.IGNORECASE)  # no inline handlers
    assert "style=" not in page
    for name in STATIC_FILES:
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE), name


def test_the_script_never_writes_html() -> None:
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ]:
        assert sink not in script, sink


def test_host_names_are_read_without_port_or_brackets() -> None:
    assert host_name("LocalHost:8765") == "localhost"
    assert host_name("[::1]:8765") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("example") == "example"


def test_loopback_and_wildcard_addresses() -> None:
    assert {"localhost", "127.0.0.1", "::1"} == LOOPBACK_NAMES
    assert all(is_loopback(name) for name in ("localhost", "LOCALHOST", "127.0.0.1", "::1"))
    assert is_loopback("127.0.0.2") and is_loopback("[::1]")
    assert (
        not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("example")
    )
    assert allowed_hosts("0.0.0.0") is None
    assert allowed_hosts("::") is None
    hosts = allowed_hosts("192.168.1.2")
    assert hosts is not None and "192.168.1.2" in hosts and "localhost" in hosts


def test_token_comparison() -> None:
    assert token_matches("Bearer abc", "abc")
    assert token_matches("bearer abc", "abc")
    assert not token_matches(None, "abc")
    assert not token_matches("Bearer ab", "abc")
    assert not token_matches("Bearer é", "abc")
