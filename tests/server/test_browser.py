"""The page in a real browser: uvicorn in a subprocess, headless Chromium through Selenium.

The browser tests are skipped, with the reason, when Chromium, its driver or
Selenium is missing (`.ci/run` installs them); the plain HTTP tests still run. Selenium Manager is never asked to download a
driver: the system chromedriver is named explicitly and SE_OFFLINE is set.
Set FACTCHECK_SERVE_SCREENSHOT to a path to keep the screenshot the README shows.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
        if p and os.path.exists(p)
    ),
    None,
)
CHROMEDRIVER = next(
    (p for p in ("/usr/bin/chromedriver", shutil.which("chromedriver")) if p and os.path.exists(p)),
    None,
)
EXAMPLE = (REPO / "docs" / "examples" / "draft.md").read_text(encoding="utf-8")
STARTUP_SECONDS = 180  # loading spaCy and the corpus on a busy machine
WAIT_SECONDS = 60


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """`factcheck serve` on a free port of 127.0.0.1; its address, read from what it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", "0", "--no-cache"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    stderr = process.stderr
    threading.Thread(target=lambda: [lines.put(line) for line in stderr], daemon=True).start()
    seen: list[str] = []
    try:
        while True:
            try:
                line = lines.get(timeout=STARTUP_SECONDS)
            except queue.Empty:
                pytest.fail(f"factcheck serve did not start: {''.join(seen)}")
            seen.append(line)
            match = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
            if match:
                break
            if process.poll() is not None:
                pytest.fail(f"factcheck serve exited: {''.join(seen)}")
        yield match.group(1)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_server_answers_over_http(server_url: str) -> None:
    with urllib.request.urlopen(server_url + "api/health", timeout=WAIT_SECONDS) as response:
        assert response.status == 200
        assert b'"status":"ok"' in response.read()


def test_concurrent_checks_over_http_get_one_report_from_one_engine(server_url: str) -> None:
    body = json.dumps({"text": EXAMPLE, "path": "draft.md"}).encode("utf-8")

    def post(_index: int) -> bytes:
        request = urllib.request.Request(
            server_url + "api/check", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return bytes(response.read())

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = set(pool.map(post, range(8)))
    assert len(answers) == 1
    assert len(json.loads(answers.pop())["findings"]) == 7
    with urllib.request.urlopen(server_url + "api/health", timeout=WAIT_SECONDS) as response:
        assert json.loads(response.read())["corpus"]["reloads"] == 0


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("no Chromium or chromedriver: apt-get install chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "1"  # never let Selenium Manager fetch a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1600,1000",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_a_draft_is_checked_marked_explained_and_fixed(
    server_url: str, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    assert isinstance(driver, WebDriver)
    wait = WebDriverWait(driver, WAIT_SECONDS)
    driver.get(server_url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")

    def checks() -> int:
        return int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-checks") or 0)

    def marked_findings() -> set[str]:
        marks = driver.find_elements(By.CSS_SELECTOR, "#marked mark")
        return {
            index for mark in marks for index in (mark.get_attribute("data-findings") or "").split()
        }

    def finding(code: str) -> object:
        return driver.find_element(By.CSS_SELECTOR, f'#findings li[data-code="{code}"]')

    # Paste the example draft and set its date.
    driver.execute_script(
        "const d = document.getElementById('draft'); d.value = arguments[0];"
        "d.dispatchEvent(new Event('input'));",
        EXAMPLE,
    )
    driver.execute_script(
        "const d = document.getElementById('date'); d.value = '2025-08-26';"
        "d.dispatchEvent(new Event('change'));"
    )
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings > li")) == 7)
    assert len(marked_findings()) == 7
    fc101 = finding("FC101")
    mark = driver.find_element(By.CSS_SELECTOR, "#marked mark.sev-error[title^='FC101']")
    assert mark.text == "Yacheslav Volodin"
    assert driver.find_elements(By.CSS_SELECTOR, "#marked mark.sev-warning")  # FC501
    assert "Vyacheslav Volodin" in fc101.text  # expected value, in the side panel
    assert "<!-- factcheck: ignore FC101 -->" in fc101.text

    fc101.find_element(By.CSS_SELECTOR, ".head").click()
    screenshot = tmp_path / "serve.png"
    driver.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("FACTCHECK_SERVE_SCREENSHOT"):
        shutil.copyfile(screenshot, os.environ["FACTCHECK_SERVE_SCREENSHOT"])

    # Open one piece of evidence: the corpus document, at its line.
    evidence = fc101.find_element(By.CSS_SELECTOR, ".evidence button.source")
    source, line = evidence.text.rsplit(":", 1)
    evidence.click()
    target = wait.until(lambda d: d.find_element(By.ID, "corpus-target"))
    assert driver.find_element(By.ID, "corpus-dialog").get_attribute("open") is not None
    assert driver.find_element(By.ID, "corpus-title").text == f"{source}, line {line}"
    corpus_line = (REPO / source).read_text(encoding="utf-8").split("\n")[int(line) - 1]
    assert target.text == corpus_line
    assert target.find_element(By.TAG_NAME, "mark").text == "Vyacheslav Volodin"
    driver.find_element(By.ID, "corpus-close").click()

    # Apply the safe fix: the draft changes and is checked again.
    before = checks()
    fc101.find_element(By.CSS_SELECTOR, "button.apply").click()
    wait.until(lambda d: checks() > before)
    draft = driver.find_element(By.ID, "draft")
    assert "His guest was Vyacheslav Volodin, chairman" in draft.get_property("value")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings > li")) == 6)
    assert not driver.find_elements(By.CSS_SELECTOR, '#findings li[data-code="FC101"]')
    driver.save_screenshot(str(tmp_path / "fixed.png"))

    # Typing re-checks by itself, once the typing pauses.
    before = checks()
    draft.send_keys(Keys.CONTROL, Keys.END)
    draft.send_keys("\nHe thanked Yacheslav Volodin.")
    wait.until(
        lambda d: checks() > before and len(d.find_elements(By.CSS_SELECTOR, "#findings > li")) == 7
    )
    assert finding("FC101")


def test_draft_text_is_shown_as_text_never_run(server_url: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    assert isinstance(driver, WebDriver)
    wait = WebDriverWait(driver, WAIT_SECONDS)
    driver.get(server_url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    hostile = 'His guest was Yacheslav Volodin <img src=x onerror="document.body.dataset.pwned=1"> and <b>bold</b>.\n'
    driver.execute_script(
        "document.getElementById('kind').value = 'txt';"
        "document.getElementById('kind').dispatchEvent(new Event('change'));"
        "const d = document.getElementById('draft'); d.value = arguments[0];"
        "d.dispatchEvent(new Event('input'));",
        hostile,
    )
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#findings li[data-code="FC101"]'))
    marked = driver.find_element(By.ID, "marked")
    assert marked.text.strip() == hostile.strip()
    assert not marked.find_elements(By.TAG_NAME, "img") and not marked.find_elements(
        By.TAG_NAME, "b"
    )
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-pwned") is None
    assert (
        "factcheck: ignore FC101" in driver.find_element(By.CSS_SELECTOR, "code.suppression").text
    )


def test_a_draft_is_opened_by_path_or_uploaded(
    server_url: str, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    assert isinstance(driver, WebDriver)
    wait = WebDriverWait(driver, WAIT_SECONDS)
    driver.get(server_url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")

    driver.find_element(By.ID, "open-path").send_keys("docs/examples/draft.md")
    driver.find_element(By.CSS_SELECTOR, "#open-form button").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings > li")) == 7)
    assert driver.find_element(By.ID, "draft-name").text == "docs/examples/draft.md"
    assert driver.find_element(By.ID, "draft").get_property("value") == EXAMPLE

    driver.find_element(By.ID, "open-path").clear()
    driver.find_element(By.ID, "open-path").send_keys("../outside.md")
    driver.find_element(By.CSS_SELECTOR, "#open-form button").click()
    wait.until(lambda d: "outside the served folder" in d.find_element(By.ID, "status").text)

    upload = tmp_path / "notes.txt"
    upload.write_text("His guest was Yacheslav Volodin.\n", encoding="utf-8")
    driver.find_element(By.ID, "upload").send_keys(str(upload))
    wait.until(lambda d: d.find_element(By.ID, "draft-name").text == "notes.txt")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings > li")) == 1)
    assert driver.find_element(By.ID, "kind").get_property("value") == "txt"
    assert (
        "factcheck: ignore FC101" in driver.find_element(By.CSS_SELECTOR, "code.suppression").text
    )
