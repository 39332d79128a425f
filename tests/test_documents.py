from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import documents
from factcheck.documents import document_from_text, kind_for_path, load_document, mask_prose
from factcheck.errors import InputError


def _assert_same_shape(text: str, prose: str) -> None:
    assert len(prose) == len(text)
    for offset, char in enumerate(text):
        if char in "\r\n":
            assert prose[offset] == char, offset


# --- loading -----------------------------------------------------------------


def test_load_document_reads_text_kind_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_bytes(b"# Talks\n\nZhao met Volodin.\n")
    document = load_document(path)
    assert document.path == str(path)
    assert document.kind == "md"
    assert document.text == "# Talks\n\nZhao met Volodin.\n"
    assert document.prose == "  Talks\n\nZhao met Volodin.\n"
    assert (
        document.sha256 == hashlib.sha256(f"{document.kind}\0{document.text}".encode()).hexdigest()
    )


def test_load_document_uses_the_display_path(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Hi</p>", encoding="utf-8")
    document = load_document(path, display_path="drafts/page.html")
    assert document.path == "drafts/page.html"
    assert document.kind == "html"


def test_load_document_drops_bom_and_keeps_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfNovember 23, 2023\r\nBody.\r\n")
    document = load_document(path)
    assert document.text == "November 23, 2023\r\nBody.\r\n"
    assert document.published == dt.date(2023, 11, 23)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_document(tmp_path / "nope.txt", display_path="nope.txt")
    assert caught.value.path == "nope.txt"
    assert caught.value.problem == "no such file"
    assert str(caught.value) == "nope.txt: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_document(tmp_path)
    assert caught.value.problem == "is a directory"


def test_os_error_reports_its_strerror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: str) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", path)

    # Replacing the module's open: chmod cannot stop root, who may run the tests.
    monkeypatch.setattr(documents, "_open_for_reading", refuse)
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.problem == "Permission denied"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x00\x01")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.problem == "binary file, not text"


def test_nul_byte_beyond_the_sniffed_start_is_a_decoding_matter(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"a" * 9000 + b"\x00")
    assert load_document(path).text.endswith("\x00")


def test_invalid_utf8_names_the_byte_and_its_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"\xef\xbb\xbfcaf\xe9 au lait")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.problem == "not UTF-8 text (invalid byte 0xe9 at offset 6)"


def test_utf16_is_reported_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("hello".encode("utf-16"))
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.problem.startswith("not UTF-8 text")


# --- document_from_text ---------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("a.md", "md"),
        ("a.MARKDOWN", "md"),
        ("a.html", "html"),
        ("dir.x/a.htm", "html"),
        ("a.txt", "txt"),
        ("a.rst", "txt"),
        ("-", "txt"),
        ("README", "txt"),
    ],
)
def test_kind_from_extension(path: str, kind: str) -> None:
    assert kind_for_path(path) == kind
    assert document_from_text(path, "x").kind == kind


def test_document_from_text_explicit_kind_and_date() -> None:
    document = document_from_text(
        "-", "<p>March 5, 2024</p>", kind="html", published=dt.date(2020, 1, 1)
    )
    assert document.kind == "html"
    assert document.prose == "\n  March 5, 2024\n   "
    assert document.published == dt.date(2020, 1, 1)


def test_document_from_text_finds_the_date_in_prose_not_markup() -> None:
    document = document_from_text("a.html", "<p>March 5, 2024</p><p>Body.</p>")
    assert document.published == dt.date(2024, 3, 5)


# --- the prose mask: text and Markdown ------------------------------------------


def test_txt_prose_is_the_text() -> None:
    text = "# not a heading in txt *x*\r\n"
    assert mask_prose(text, "txt") == text


def test_markdown_front_matter_is_blanked() -> None:
    text = "---\ntitle: A: b\ndate: 2025-08-26\n---\nBody.\n"
    prose = mask_prose(text, "md")
    _assert_same_shape(text, prose)
    assert prose.split("\n")[:4] == ["   ", "           ", "                ", "   "]
    assert prose.endswith("\nBody.\n")


def test_markdown_toml_front_matter_is_blanked() -> None:
    text = '+++\ntitle = "x"\n+++\nBody.'
    assert mask_prose(text, "md").strip() == "Body."


def test_unclosed_front_matter_is_left_alone() -> None:
    text = "---\nBody words\n"
    assert "Body words" in mask_prose(text, "md")


@pytest.mark.parametrize(
    "code",
    [
        "```python\nx = 'Zhao'\n```\n",
        "~~~\nx = 'Zhao'\n~~~\n",
        "````\n```\nx = 'Zhao'\n````\n",  # a shorter fence does not close a longer one
        "~~~~\nx = 'Zhao'\n~~~~~~\n",
    ],
)
def test_fenced_code_is_blanked_with_its_fences(code: str) -> None:
    text = f"Before.\n{code}After.\n"
    prose = mask_prose(text, "md")
    _assert_same_shape(text, prose)
    assert prose.split() == ["Before.", "After."]


def test_unclosed_fence_runs_to_the_end() -> None:
    assert mask_prose("Words\n```\ncode\nmore", "md").split() == ["Words"]


def test_markdown_crlf_line_endings_are_kept() -> None:
    text = "## Title ##\r\n\r\n```\r\ncode\r\n```\r\nText *here*.\r\n***\r\n"
    prose = mask_prose(text, "md")
    _assert_same_shape(text, prose)
    assert prose.split() == ["Title", "Text", "here", "."]


def test_markdown_inline_markup() -> None:
    text = (
        "## Heading ##\n"
        "> Quote with *emph*, **bold**, _under_ and snake_case_name.\n"
        '- item with `code` and <span class="x">tag</span> <!-- note -->\n'
        '12. numbered [link words](https://x.org "t") ![alt text](i.png) [ref link][r]\n'
        "[r]: https://example.org\n"
        "Escaped \\*star\\* and https://bare.example.org stay.\n"
        "***\n"
    )
    prose = mask_prose(text, "md")
    _assert_same_shape(text, prose)
    lines = prose.split("\n")
    assert lines[0].split() == ["Heading"]
    assert lines[1].split() == [
        "Quote",
        "with",
        "emph",
        ",",
        "bold",
        ",",
        "under",
        "and",
        "snake_case_name.",
    ]
    assert lines[2].split() == ["item", "with", "and", "tag"]
    assert lines[3].split() == ["numbered", "link", "words", "ref", "link"]
    assert lines[4].strip() == ""
    assert lines[5].split() == ["Escaped", "*star", "*", "and", "https://bare.example.org", "stay."]
    assert lines[6].strip() == ""


def test_markdown_link_text_keeps_its_offsets() -> None:
    text = "See [the report](http://x) now."
    prose = mask_prose(text, "md")
    start = prose.index("the report")
    assert text[start : start + len("the report")] == "the report"


def test_multiline_html_comment_in_markdown() -> None:
    text = "A\n<!-- hidden\nstill hidden -->\nB"
    assert mask_prose(text, "md").split() == ["A", "B"]


def test_indented_code_and_setext_headings() -> None:
    text = "Title\n=====\n\n    indented code\n"
    prose = mask_prose(text, "md")
    assert prose.split("\n")[1].strip() == ""
    assert "indented code" in prose


# --- the prose mask: HTML -----------------------------------------------------


def test_html_tags_blanked_and_blocks_separated() -> None:
    text = '<div class="a"><p>First.</p><p>Second <b>bold</b>.</p></div>'
    prose = mask_prose(text, "html")
    _assert_same_shape(text, prose)
    assert prose.split("\n")[2].strip() == "First."
    assert "First.\n" not in text
    assert [line.strip() for line in prose.split("\n") if line.strip()] == [
        "First.",
        "Second    bold    .",
    ]


def test_html_head_script_style_comment_doctype_are_blanked_but_title_is_prose() -> None:
    text = (
        "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>Talks in Beijing</title>"
        "<style>p { color: red }</style></head>\n"
        '<body><script>if (a < b) { s = "</p>"; }</script><!-- draft -->'
        "<p>Body text.</p></body></html>"
    )
    prose = mask_prose(text, "html")
    _assert_same_shape(text, prose)
    assert [line.strip() for line in prose.split("\n") if line.strip()] == [
        "Talks in Beijing",
        "Body text.",
    ]


def test_html_character_references_are_decoded_in_place() -> None:
    text = "<p>Xi&rsquo;s&nbsp;talks &amp; Putin&#8217;s &#x2019; &bogus; AT&T</p>"
    prose = mask_prose(text, "html")
    _assert_same_shape(text, prose)
    for reference, character in [
        ("&rsquo;", "\u2019"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
        ("&#8217;", "\u2019"),
        ("&#x2019;", "\u2019"),
    ]:
        start = text.index(reference)
        expected = character + " " * (len(reference) - 1)
        assert prose[start : start + len(reference)] == expected
    assert prose.split() == [
        "Xi\u2019",
        "s",
        "talks",
        "&",
        "Putin\u2019",
        "s",
        "\u2019",
        "&bogus;",
        "AT&T",
    ]


def test_html_attribute_with_angle_bracket_in_quotes() -> None:
    text = "<a title=\"a > b\" href='x'>link</a> text"
    assert mask_prose(text, "html").split() == ["link", "text"]


@pytest.mark.parametrize(
    "text",
    [
        "<",
        "<p",
        "<!--",
        "<script>x",
        "&",
        "&#99999999;",
        "<a href='x>y",
        "</",
        "<<>>",
        "a < b",
        "<title>x",
        "<head>&amp;",
        "&#0;",
        "<p\r\nclass=x>\r\nA\r\n</p>",
        "<!DOCTYPE",
    ],
)
def test_malformed_html_keeps_the_shape(text: str) -> None:
    _assert_same_shape(text, mask_prose(text, "html"))


def test_bare_less_than_sign_is_text() -> None:
    assert mask_prose("a < b", "html") == "a < b"


def test_the_hash_tells_the_same_words_read_as_another_kind_apart() -> None:
    text = "Zhao Leji met Vyacheslav Volodin.\n"
    assert document_from_text("a.md", text).sha256 != document_from_text("a.txt", text).sha256
    assert document_from_text("a.md", text).sha256 == document_from_text("b.md", text).sha256


# --- only regular files, and not too much of one ------------------------------


def _within(seconds: float, call: Callable[[], object]) -> object:
    """``call()``'s result or exception, failing (not hanging) if it blocks."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # handed to the test to look at
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.md"
    os.mkfifo(fifo)
    error = _within(5, lambda: load_document(fifo, display_path="draft.md"))
    assert isinstance(error, InputError)
    assert str(error) == "draft.md: not a regular file: a named pipe (FIFO)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_instead_of_read_without_end() -> None:
    error = _within(5, lambda: load_document("/dev/zero"))
    assert isinstance(error, InputError)
    assert error.problem == "not a regular file: a character device"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(InputError, match="not a regular file: a socket"):
            load_document(path)


def test_a_file_over_the_cap_is_an_input_error_naming_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as file:
        file.write(b"word " * (documents.MAX_DOCUMENT_BYTES // 5) + b"!")
    with pytest.raises(InputError) as caught:
        load_document(path, display_path="dump.txt")
    assert (
        str(caught.value)
        == "dump.txt: too large: more than the 5,000,000 bytes a document may have"
    )


def test_a_file_at_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"word " * (documents.MAX_DOCUMENT_BYTES // 5))
    assert len(documents.read_regular_file(str(path), "long.txt")) == documents.MAX_DOCUMENT_BYTES


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_the_cap_holds_when_the_size_on_disk_says_nothing() -> None:
    # /proc files are regular files of size 0 that still have content: the read
    # itself must stop at the cap, not trust the stat.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(InputError, match="too large: more than the 10 bytes"):
        documents.read_regular_file("/proc/self/status", "status", limit=10)


# --- encodings -------------------------------------------------------------------


def test_utf8_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Xi\u2019s caf\u00e9".encode())
    document = load_document(path)
    assert (document.text, document.encoding) == ("Xi\u2019s caf\u00e9", "utf-8")


def test_a_latin1_file_is_read_and_its_encoding_kept(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    text = "Le pr\u00e9sident de l'Assembl\u00e9e a d\u00e9clar\u00e9 \u00e0 Moscou.\n"
    path.write_bytes(text.encode("latin-1"))
    document = load_document(path)
    assert document.text == text
    assert document.encoding == "cp1252"  # the superset: the same text from these bytes


def test_cp1252_punctuation_is_read(tmp_path: Path) -> None:
    text = (
        "Zhao Leji, chairman of China\u2019s NPC, said \u201cwe will\u201d \u2014 Volodin agreed.\n"
    )
    path = tmp_path / "wire.txt"
    path.write_bytes(text.encode("cp1252"))
    assert load_document(path).text == text


def test_other_single_byte_encodings_are_detected_too(tmp_path: Path) -> None:
    text = "\u041f\u0440\u0435\u0434\u0441\u0435\u0434\u0430\u0442\u0435\u043b\u044c "
    text = (
        text
        + "\u0413\u043e\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u0435\u043d\u043d\u043e\u0439 \u0434\u0443\u043c\u044b \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u043a\u043e\u043b\u043b\u0435\u0433\u0430\u043c\u0438. "
    ) * 3
    path = tmp_path / "duma.txt"
    path.write_bytes(text.encode("cp1251"))
    document = load_document(path)
    assert (document.text, document.encoding) == (text, "cp1251")


def test_a_forced_encoding_is_used_as_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("na\u00efve".encode("latin-1"))
    document = load_document(path, encoding="iso8859-15")
    assert (document.text, document.encoding) == ("na\u00efve", "iso8859-15")


def test_forced_utf8_reports_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(InputError) as caught:
        load_document(path, encoding="utf-8")
    assert caught.value.problem == "not UTF-8 text (invalid byte 0xe9 at offset 3)"


def test_a_forced_encoding_that_does_not_fit_names_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"ok \x81")
    with pytest.raises(InputError) as caught:
        load_document(path, encoding="cp1252")
    assert caught.value.problem == "not cp1252 text (invalid byte 0x81 at offset 3)"
