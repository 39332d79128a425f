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

A directive that is wrong silences nothing and is a :class:`Problem` (FC904):
a code no plugin declares, a word with a digit where a code goes ("FC10l"), an
unknown directive word in a comment. It must never fall back to "every code",
which would hide the very finding the editor meant to keep an eye on. A
directive that silences no finding is :meth:`Applied.unused` (FC905).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

from factcheck.model import Document, Finding, Span
from factcheck.positions import LineIndex

EVERY_CODE = ""  # the prefix every code starts with
SILENCING_WORDS = ("ignore", "ignore-next-line", "off")
DIRECTIVE_WORDS = (*SILENCING_WORDS, "on")

_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_COMMENT_DIRECTIVE = re.compile(r"\s*factcheck:\s*([A-Za-z-]+)(.*)", re.DOTALL | re.IGNORECASE)
_TEXT_DIRECTIVE = re.compile(r"(^|.*\s)factcheck:\s*([A-Za-z-]+)(.*)$", re.IGNORECASE)
# A whole code or a prefix with digits in any case; a bare two-letter prefix only
# in capitals, so that a reason such as "as quoted" is not read as codes.
_CODE = re.compile(r"[A-Z]{2}|[A-Za-z]{2}\d{1,3}")
_BARE_PREFIX = re.compile(r"[A-Z]{2}")
_DIGIT = re.compile(r"\d")
_SEPARATORS = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    word: str  # "ignore", "ignore-next-line", "off" or "on"
    prefixes: frozenset[str]  # empty when every code written was invalid
    line: int  # where the directive starts
    end_line: int  # where it ends: comments may span lines
    span: Span  # the comment, or the plain-text directive
    text: str  # as written, for messages


@dataclass(frozen=True)
class Problem:
    """A directive, or some codes of one, that silence nothing because they are wrong."""

    span: Span
    text: str
    message: str


@dataclass(frozen=True)
class Unused:
    """Codes of a directive that silenced no finding."""

    directive: Directive
    prefixes: frozenset[str]

    @property
    def message(self) -> str:
        names = ", ".join(sorted(p or "(every code)" for p in self.prefixes))
        return f"unused suppression: {self.directive.word} {names} silences nothing"


@dataclass(frozen=True)
class Block:
    """Lines ``start`` up to (not including) ``end`` where ``prefix`` is off."""

    prefix: str
    start: int
    end: int | None  # None: to the end of the draft
    directive: int = -1  # the "off" that opened it, an index into Suppressions.directives

    def covers(self, line: int) -> bool:
        return self.start <= line and (self.end is None or line < self.end)


@dataclass(frozen=True)
class Suppressions:
    """The directives of one draft: who silences which prefix on which line.

    ``lines`` maps a line to prefix -> the directives silencing it there;
    ``blocks`` maps a prefix to its off..on blocks, in order and never
    overlapping (a second "off" of an open prefix extends nothing), so one
    bisection finds the block around a line.
    """

    lines: dict[int, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    blocks: dict[str, tuple[Block, ...]] = field(default_factory=dict)
    directives: tuple[Directive, ...] = ()
    problems: tuple[Problem, ...] = ()
    _starts: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for prefix, blocks in self.blocks.items():
            self._starts[prefix] = [block.start for block in blocks]

    def block_at(self, prefix: str, line: int) -> Block | None:
        blocks = self.blocks.get(prefix)
        if not blocks:
            return None
        index = bisect.bisect_right(self._starts[prefix], line) - 1
        return blocks[index] if index >= 0 and blocks[index].covers(line) else None

    def is_suppressed(self, code: str, line: int) -> bool:
        rules = self.lines.get(line, {})
        return any(
            prefix in rules or self.block_at(prefix, line) is not None
            for prefix in _prefixes_of(code.upper())
        )


@dataclass(frozen=True)
class Applied:
    """Findings split by the suppressions, and which directive codes did silence one."""

    kept: list[Finding]
    suppressed: list[Finding]
    used: frozenset[tuple[int, str]]  # (directive index, prefix)
    suppressions: Suppressions

    def unused(self, checkable: Callable[[str], bool]) -> list[Unused]:
        """Directive codes that silenced nothing, among those ``checkable`` says the run
        could have reported (a code left out by --select was never looked for)."""
        found: list[Unused] = []
        for index, directive in enumerate(self.suppressions.directives):
            if directive.word not in SILENCING_WORDS:
                continue
            idle = frozenset(
                prefix
                for prefix in directive.prefixes
                if (index, prefix) not in self.used and checkable(prefix)
            )
            if idle:
                found.append(Unused(directive, idle))
        return found


def _prefixes_of(code: str) -> list[str]:
    """Every prefix a directive could name to cover ``code``, the empty one included."""
    return [code[:end] for end in range(len(code) + 1)]


def _known_prefixes(known_codes: Collection[str]) -> frozenset[str]:
    return frozenset(code[:end].upper() for code in known_codes for end in range(2, len(code) + 1))


@dataclass(frozen=True)
class _Codes:
    prefixes: frozenset[str]
    invalid: tuple[str, ...]
    more_words: bool  # words follow the codes: a reason, or prose


def _read_codes(rest: str, known: frozenset[str] | None) -> _Codes:
    """The code prefixes at the start of ``rest``, the invalid ones, and what follows.

    A word with a digit where a code goes is meant as a code, so it is invalid
    when it is not one. A bare two-capital word that no plugin uses is invalid in
    first place (read as a reason, it would leave "every code"), and starts the
    reason after valid codes ("FC101 AP style").
    """
    codes: list[str] = []
    invalid: list[str] = []
    tokens = [t for t in _SEPARATORS.split(rest.strip()) if t]
    read = 0
    for token in tokens:
        if _CODE.fullmatch(token) and (known is None or token.upper() in known):
            codes.append(token.upper())
        elif _DIGIT.search(token) or (_BARE_PREFIX.fullmatch(token) and not codes):
            invalid.append(token)
        else:
            break
        read += 1
    # Only a directive with no code at all covers every code; one whose codes
    # were all invalid covers none.
    prefixes = frozenset(codes) if codes or invalid else frozenset({EVERY_CODE})
    return _Codes(prefixes, tuple(invalid), read < len(tokens))


def _invalid_message(codes: _Codes) -> str:
    names = ", ".join(codes.invalid)
    verb = "is not a known code" if len(codes.invalid) == 1 else "are not known codes"
    if codes.prefixes:
        kept = ", ".join(sorted(codes.prefixes))
        return f"invalid suppression: {names} {verb}; only {kept} is silenced"
    return f"invalid suppression: {names} {verb}; this directive silences nothing"


def _comments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each ``<!-- ... -->``, in one pass: an unclosed comment
    runs to the end of the text, so nothing after it can be a comment."""
    start = text.find(_COMMENT_OPEN)
    while start >= 0:
        close = text.find(_COMMENT_CLOSE, start + len(_COMMENT_OPEN))
        if close < 0:
            return
        end = close + len(_COMMENT_CLOSE)
        yield start, end
        start = text.find(_COMMENT_OPEN, end)


def _comment_directives(
    text: str, known: frozenset[str] | None, problems: list[Problem]
) -> Iterator[Directive]:
    index = LineIndex(text)
    for start, end in _comments(text):
        body = text[start + len(_COMMENT_OPEN) : end - len(_COMMENT_CLOSE)]
        match = _COMMENT_DIRECTIVE.fullmatch(body)
        if match is None:
            continue
        span, written = Span(start, end), text[start:end]
        word = match.group(1).lower()
        if word not in DIRECTIVE_WORDS:
            message = (
                f"invalid suppression: unknown directive {match.group(1)!r} "
                f"(use {', '.join(DIRECTIVE_WORDS)}); it silences nothing"
            )
            problems.append(Problem(span, written, message))
            continue
        codes = _read_codes(match.group(2), known)
        if codes.invalid:
            problems.append(Problem(span, written, _invalid_message(codes)))
        line, end_line = index.position(start)[0], index.position(end)[0]
        yield Directive(word, codes.prefixes, line, end_line, span, written)


def _text_directives(
    text: str, known: frozenset[str] | None, problems: list[Problem]
) -> Iterator[Directive]:
    # Lines as LineIndex counts them (positions.py is the one place that does).
    index = LineIndex(text)
    for number in range(1, index.line_count + 1):
        line_start, line_end = index.line_span(number)
        line = text[line_start:line_end]
        match = _TEXT_DIRECTIVE.match(line)
        if match is None:
            continue
        word = match.group(2).lower()
        if word not in DIRECTIVE_WORDS or (match.group(1).strip() and word != "ignore"):
            continue  # prose; after prose, only "ignore" (this line) makes sense
        codes = _read_codes(match.group(3), known)
        if codes.more_words:
            continue
        written = line[match.end(1) :].rstrip("\r")
        span = Span(line_start + match.end(1), line_start + match.end(1) + len(written))
        if codes.invalid:
            problems.append(Problem(span, written, _invalid_message(codes)))
        yield Directive(word, codes.prefixes, number, number, span, written)


def parse_suppressions(
    document: Document, known_codes: Collection[str] | None = None
) -> Suppressions:
    """Read every directive in ``document``.

    ``known_codes`` are the codes of this run; a directive naming a code none of
    them starts with is a problem. None accepts every well-formed code.
    """
    known = None if known_codes is None else _known_prefixes(known_codes)
    problems: list[Problem] = []
    if document.kind == "txt":
        directives = list(_text_directives(document.text, known, problems))
    else:
        directives = list(_comment_directives(document.text, known, problems))
    lines: dict[int, dict[str, tuple[int, ...]]] = {}
    blocks: dict[str, list[Block]] = {}
    open_since: dict[str, tuple[int, int]] = {}  # prefix -> (line, directive) of its "off"

    def silence_line(target: int, index: int, prefixes: frozenset[str]) -> None:
        rules = lines.setdefault(target, {})
        for prefix in prefixes:
            rules[prefix] = (*rules.get(prefix, ()), index)

    for index, directive in enumerate(directives):
        if directive.word == "ignore":
            silence_line(directive.line, index, directive.prefixes)
        elif directive.word == "ignore-next-line":
            silence_line(directive.end_line + 1, index, directive.prefixes)
        elif directive.word == "off":
            for prefix in directive.prefixes:
                open_since.setdefault(prefix, (directive.line, index))
        elif directive.word == "on":
            # "on FC3" ends blocks for FC3 and anything narrower (FC301), not
            # a wider "off" (every code): that block goes on.
            for prefix in [p for p in open_since if p.startswith(tuple(directive.prefixes))]:
                start, opener = open_since.pop(prefix)
                blocks.setdefault(prefix, []).append(Block(prefix, start, directive.line, opener))
    for prefix, (start, opener) in open_since.items():
        blocks.setdefault(prefix, []).append(Block(prefix, start, None, opener))
    return Suppressions(
        lines,
        {prefix: tuple(found) for prefix, found in blocks.items()},
        tuple(directives),
        tuple(problems),
    )


def apply_suppressions(findings: Sequence[Finding], suppressions: Suppressions) -> Applied:
    """Split ``findings``; a finding spanning lines counts by its first line.

    Each (line, prefix) rule and each block is credited once, so a draft with
    many directives and many findings costs no more than their sum.
    """
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[tuple[int, str]] = set()
    credited_lines: set[tuple[int, str]] = set()
    for finding in findings:
        silenced = False
        if finding.line > 0:
            rules = suppressions.lines.get(finding.line, {})
            for prefix in _prefixes_of(finding.code.upper()):
                if prefix in rules:
                    silenced = True
                    if (finding.line, prefix) not in credited_lines:
                        credited_lines.add((finding.line, prefix))
                        used.update((index, prefix) for index in rules[prefix])
                block = suppressions.block_at(prefix, finding.line)
                if block is not None:
                    silenced = True
                    used.add((block.directive, prefix))
        (suppressed if silenced else kept).append(finding)
    return Applied(kept, suppressed, frozenset(used), suppressions)


def split_suppressed(
    findings: Sequence[Finding], suppressions: Suppressions
) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed); a finding spanning lines counts by its first line."""
    applied = apply_suppressions(findings, suppressions)
    return applied.kept, applied.suppressed
