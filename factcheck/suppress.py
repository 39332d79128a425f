"""Inline suppressions: directives in a draft that silence findings.

In Markdown and HTML the directives live in comments::

    A sentence with a known spelling. <!-- factcheck: ignore FC101 -->
    <!-- factcheck: ignore-next-line FC1 -->
    <!-- factcheck: off FC3 --> ... <!-- factcheck: on FC3 -->

Plain text has no comments, so there a directive is ``factcheck: WORD CODES`` on
a line of its own, or ``factcheck: ignore CODES`` at the end of a line; the
codes must then end the line, so that prose that happens to contain
"factcheck:" is not read as a directive. Codes are prefixes (``FC1`` covers
FC101..FC199) separated by commas or spaces; no code means every code. In a
comment, words after the codes are a free-form reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from factcheck.model import Document, Finding
from factcheck.positions import LineIndex

EVERY_CODE = ""  # the prefix every code starts with

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_COMMENT_DIRECTIVE = re.compile(r"\s*factcheck:\s*([A-Za-z-]+)(.*)", re.DOTALL | re.IGNORECASE)
_TEXT_DIRECTIVE = re.compile(r"(^|.*\s)factcheck:\s*([A-Za-z-]+)(.*)$", re.IGNORECASE)
# A whole code or a prefix with digits in any case; a bare two-letter prefix only
# in capitals, so that a reason such as "as quoted" is not read as codes.
_CODE = re.compile(r"[A-Z]{2}|[A-Za-z]{2}\d{1,3}")


@dataclass(frozen=True)
class Directive:
    word: str  # "ignore", "ignore-next-line", "off" or "on"
    prefixes: frozenset[str]
    line: int  # where the directive starts
    end_line: int  # where it ends: comments may span lines


@dataclass(frozen=True)
class Block:
    """Lines ``start`` up to (not including) ``end`` where ``prefix`` is off."""

    prefix: str
    start: int
    end: int | None  # None: to the end of the draft


@dataclass(frozen=True)
class Suppressions:
    """The directives of one draft: code prefixes silenced per line, and blocks."""

    lines: dict[int, frozenset[str]] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()

    def is_suppressed(self, code: str, line: int) -> bool:
        code = code.upper()
        if any(code.startswith(p) for p in self.lines.get(line, ())):
            return True
        return any(
            block.start <= line
            and (block.end is None or line < block.end)
            and code.startswith(block.prefix)
            for block in self.blocks
        )


def _read_codes(rest: str) -> tuple[frozenset[str], bool]:
    """The code prefixes at the start of ``rest``, and whether other words follow."""
    codes: list[str] = []
    tokens = [t for t in re.split(r"[\s,]+", rest.strip()) if t]
    for token in tokens:
        if not _CODE.fullmatch(token):
            break
        codes.append(token.upper())
    prefixes = frozenset(codes) if codes else frozenset({EVERY_CODE})
    return prefixes, len(codes) < len(tokens)


def _comment_directives(text: str) -> Iterator[Directive]:
    index = LineIndex(text)
    for comment in _COMMENT.finditer(text):
        match = _COMMENT_DIRECTIVE.fullmatch(comment.group(1))
        if match is None:
            continue
        prefixes, _reason = _read_codes(match.group(2))
        line = index.position(comment.start())[0]
        end_line = index.position(comment.end())[0]
        yield Directive(match.group(1).lower(), prefixes, line, end_line)


def _text_directives(text: str) -> Iterator[Directive]:
    # Split on "\n" only, as LineIndex does; str.splitlines() also breaks at
    # form feeds and Unicode separators and would shift the line numbers.
    for number, line in enumerate(text.split("\n"), 1):
        match = _TEXT_DIRECTIVE.match(line)
        if match is None:
            continue
        word = match.group(2).lower()
        if match.group(1).strip() and word != "ignore":
            continue  # after prose, only "ignore" (this line) makes sense
        prefixes, more_words = _read_codes(match.group(3))
        if not more_words:
            yield Directive(word, prefixes, number, number)


def parse_suppressions(document: Document) -> Suppressions:
    """Read every directive in ``document``; an unknown directive word is ignored."""
    if document.kind == "txt":
        directives = _text_directives(document.text)
    else:
        directives = _comment_directives(document.text)
    lines: dict[int, frozenset[str]] = {}
    blocks: list[Block] = []
    open_since: dict[str, int] = {}  # prefix -> line where it was turned off
    for directive in directives:
        if directive.word == "ignore":
            lines[directive.line] = lines.get(directive.line, frozenset()) | directive.prefixes
        elif directive.word == "ignore-next-line":
            target = directive.end_line + 1
            lines[target] = lines.get(target, frozenset()) | directive.prefixes
        elif directive.word == "off":
            for prefix in directive.prefixes:
                open_since.setdefault(prefix, directive.line)
        elif directive.word == "on":
            # "on FC3" ends blocks for FC3 and anything narrower (FC301), not
            # a wider "off" (every code): that block goes on.
            for prefix in list(open_since):
                if any(prefix.startswith(p) for p in directive.prefixes):
                    blocks.append(Block(prefix, open_since.pop(prefix), directive.line))
    blocks.extend(Block(prefix, start, None) for prefix, start in open_since.items())
    return Suppressions(lines, tuple(blocks))


def split_suppressed(
    findings: Sequence[Finding], suppressions: Suppressions
) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed); a finding spanning lines counts by its first line."""
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        silenced = finding.line > 0 and suppressions.is_suppressed(finding.code, finding.line)
        (suppressed if silenced else kept).append(finding)
    return kept, suppressed
