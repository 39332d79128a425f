"""The prose mask: Markdown and HTML with everything that is not prose blanked.

Every function here returns a string of exactly the length of its input, with
line breaks where they were, so that an offset found in the mask is the same
offset in the original text. Blanked characters become spaces.
"""

from __future__ import annotations

import html
import re

from factcheck.nlp.casing import fold_case

_LINE_BREAKS = frozenset("\r\n")


class _Mask:
    """A mutable copy of a text that can only be blanked or overwritten in place."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)

    def blank(self, start: int, end: int) -> None:
        for i in range(start, min(end, len(self.chars))):
            if self.chars[i] not in _LINE_BREAKS:
                self.chars[i] = " "

    def put(self, start: int, replacement: str, end: int) -> None:
        """Writes ``replacement`` at ``start`` and blanks the rest up to ``end``."""
        self.blank(start, end)
        self.chars[start : start + len(replacement)] = replacement

    def text(self) -> str:
        return "".join(self.chars)


# --- Markdown -----------------------------------------------------------------

_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
# Link text, destination and label stop at the next opening bracket as well as
# at the closing one: a run of unclosed "[" or "(" then costs one scan, not one
# scan per bracket to the end of the line. Text with brackets nested inside a
# link ("[a [b] c](u)") is left as it is written.
_LINK_TAIL = r"(?:\([^()\n]*\)|\[[^\[\]\n]*\])"
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]" + _LINK_TAIL)
_LINK = re.compile(r"(\[)[^\[\]\n]*(\]" + _LINK_TAIL + ")")
_INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<[a-z][a-z0-9+.-]*:[^\s<>]*>")
_BACKSLASH_ESCAPE = re.compile(r"(\\)[!-/:-@\[-`{-~]")
# Emphasis markers around words; ``_`` only at word edges, as in snake_case it is a letter.
# The span between markers is bounded: unbounded, every stray "*" scanned to
# the end of its line, which is quadratic on a long one-line paragraph.
_EMPHASIS = re.compile(
    r"(?<!\\)(\*{1,3}|~~)(?=\S)(?:.{1,300}?)(?<=[^\s\\])(\1)"
    r"|(?<![\w\\])(_{1,3})(?=\S)(?:.{1,300}?)(?<=[^\s\\])(\3)(?!\w)"
)
_BLOCK_MARKERS = re.compile(
    r"^(?P<quote>[ \t]{0,3}(?:>[ \t]?)*)"
    r"(?P<marker>#{1,6}(?=[ \t]|$)|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))?",
    re.MULTILINE,
)
# Tried only where a run of blanks starts: from inside a long run, every
# position would rescan the rest of it.
_CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*\r?$", re.MULTILINE)
_RULE_OR_UNDERLINE = re.compile(r"^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+|-+)[ \t]*\r?$", re.MULTILINE)


def mask_markdown(text: str) -> str:
    mask = _Mask(text)
    _blank_front_matter(text, mask)
    _blank_fenced_code(text, mask)
    # Each pass reads what the previous passes left, so code and comments
    # blanked first can no longer look like links or emphasis.
    for pattern in (_HTML_COMMENT, _REFERENCE_DEFINITION, _CODE_SPAN, _IMAGE, _INLINE_TAG):
        for match in pattern.finditer(mask.text()):
            mask.blank(match.start(), match.end())
    # Escapes go last: until then a backslash is what marks the "*" after it as literal.
    for pattern in (_LINK, _EMPHASIS, _EMPHASIS, _BACKSLASH_ESCAPE):
        for match in pattern.finditer(mask.text()):
            for group in range(1, (pattern.groups or 0) + 1):
                if match.group(group) is not None:
                    mask.blank(match.start(group), match.end(group))
    for match in _RULE_OR_UNDERLINE.finditer(mask.text()):
        mask.blank(match.start(), match.end())
    current = mask.text()
    for match in _BLOCK_MARKERS.finditer(current):
        mask.blank(match.start(), match.end())
        if match.group("marker") and match.group("marker").startswith("#"):
            line_end = current.find("\n", match.end())
            line_end = len(current) if line_end < 0 else line_end
            closing = _CLOSING_HASHES.search(current, match.end(), line_end)
            if closing:
                mask.blank(closing.start(), closing.end())
    return mask.text()


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line with its start offset, without its line break."""
    result, start = [], 0
    for line in text.splitlines(keepends=True):
        result.append((start, line.rstrip("\r\n")))
        start += len(line)
    return result


def _blank_front_matter(text: str, mask: _Mask) -> None:
    lines = _lines(text)
    if not lines or lines[0][1].rstrip() not in ("---", "+++"):
        return
    fence = lines[0][1].rstrip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    for start, line in lines[1:]:
        if line.rstrip() in closers:
            mask.blank(0, start + len(line))
            return


def _blank_fenced_code(text: str, mask: _Mask) -> None:
    fence: str | None = None
    for start, line in _lines(text):
        if fence is None:
            opening = _FENCE_OPEN.match(line)
            # A backtick fence's info string may not contain backticks.
            if opening and not (opening.group(1)[0] == "`" and "`" in line[opening.end() :]):
                fence = opening.group(1)
                mask.blank(start, start + len(line))
            continue
        mask.blank(start, start + len(line))
        stripped = line.strip()
        if stripped.startswith(fence) and set(stripped) == {fence[0]} and line[:4].strip():
            fence = None


# --- HTML ---------------------------------------------------------------------

# Tags that start a new block: a line break there keeps their sentences apart.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "blockquote", "section", "article", "header", "footer", "ul", "ol", "table",
        "title", "hr", "main", "nav", "aside", "figure", "figcaption", "pre", "dl", "dt", "dd",
    }
)  # fmt: skip
_RAW_TEXT_TAGS = ("script", "style")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def mask_html(text: str) -> str:
    mask = _Mask(text)
    # Folded, not lower(): "İ".lower() is two characters, and offsets into
    # ``lowered`` are used as offsets into ``text``.
    lowered = fold_case(text)
    in_head = in_title = False
    i = 0
    while i < len(text):
        char = text[i]
        hidden = in_head and not in_title
        if char != "<":
            if hidden:
                mask.blank(i, i + 1)
                i += 1
            else:
                i = _decode_reference(text, i, mask) if char == "&" else i + 1
            continue
        if text.startswith("<!--", i):
            end = _end_after(lowered, "-->", i + 4)
        elif text.startswith(("<!", "<?"), i):
            end = _end_after(lowered, ">", i + 2)
        else:
            name = _TAG_NAME.match(text, i)
            if name is None:  # a bare "<" in text, as in "a < b"
                if hidden:
                    mask.blank(i, i + 1)
                i += 1
                continue
            end = _tag_end(text, name.end())
            tag = name.group(1).lower()
            closing = text[i + 1] == "/"
            if tag == "head" or (tag == "body" and not closing):
                in_head = tag == "head" and not closing
            elif tag == "title":
                in_title = not closing
            elif tag in _RAW_TEXT_TAGS and not closing:
                end = _end_after(lowered, ">", _find(lowered, f"</{tag}", end))
            if tag in BLOCK_TAGS:
                mask.put(i, "\n", end)
                i = end
                continue
        mask.blank(i, end)
        i = end
    return mask.text()


def _find(text: str, needle: str, start: int) -> int:
    found = text.find(needle, start)
    return len(text) if found < 0 else found


def _end_after(text: str, needle: str, start: int) -> int:
    """The offset just past ``needle`` from ``start``, or the end of an unclosed construct."""
    found = text.find(needle, start)
    return len(text) if found < 0 else found + len(needle)


def _tag_end(text: str, start: int) -> int:
    """The offset just past the ``>`` that closes a tag, skipping quoted attribute values."""
    i = start
    while i < len(text):
        char = text[i]
        if char == ">":
            return i + 1
        if char in "\"'":
            close = text.find(char, i + 1)
            if close < 0:  # an unbalanced quote: fall back to the first ">"
                return _end_after(text, ">", start)
            i = close
        i += 1
    return len(text)


def _decode_reference(text: str, start: int, mask: _Mask) -> int:
    match = _CHARACTER_REFERENCE.match(text, start)
    if match is None:
        return start + 1
    decoded = html.unescape(match.group()).replace("\xa0", " ")
    if decoded != match.group() and len(decoded) <= len(match.group()):
        mask.put(start, decoded, match.end())
    return match.end()
