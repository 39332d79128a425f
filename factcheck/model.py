"""The data model: plain frozen records that every other module shares.

This module imports nothing of ours, so that the NLP layer, the engine, the
checkers and the front ends can all depend on it without cycles. Spans are
character offsets into a document's original text; line and column numbers
are computed in one place only (:mod:`factcheck.positions`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

# The records checkers and tools read and write: the public API (docs/plugins.md).
__all__ = [
    "Analysis",
    "Category",
    "CodeInfo",
    "CountExpression",
    "Document",
    "EventClaim",
    "Evidence",
    "FileReport",
    "Finding",
    "Mention",
    "Quotation",
    "Report",
    "RoleClaim",
    "Sentence",
    "Severity",
    "Span",
    "TimeExpression",
    "Token",
    "TokenParse",
    "ValueClaim",
]


class Severity(str, enum.Enum):
    """How much a finding matters; ``error`` and ``warning`` fail a check run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Category(str, enum.Enum):
    """The kind of fact a finding is about; each owns a hundred of codes."""

    NAME = "name"  # FC1xx
    TITLE = "title"  # FC2xx
    DATE = "date"  # FC3xx
    COUNT = "count"  # FC4xx
    QUOTE = "quote"  # FC5xx
    ENGINE = "engine"  # FC9xx


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Document:
    """A text as read from disk (or given in memory).

    ``prose`` has exactly the length of ``text``: everything that is not prose
    (front matter, fenced code, HTML markup) is blanked to spaces, line breaks
    kept, so that offsets found in ``prose`` are offsets in ``text``.
    """

    path: str
    text: str
    prose: str
    kind: str  # "txt", "md" or "html"
    published: dt.date | None = None
    sha256: str = ""
    # The encoding the file was read in, so that a fix is written back in it.
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Evidence:
    """A corpus passage that backs an expected value."""

    source: str  # the corpus document's path
    line: int  # 1-based line in that document
    quote: str  # the sentence (or the part of it) that states the fact
    support: int  # how many corpus documents state the same fact


@dataclass(frozen=True)
class CodeInfo:
    """What a plugin declares about one finding code it may emit."""

    code: str  # "FC101": two letters, then three digits
    name: str  # short kebab-case name, e.g. "misspelt-person-name"
    category: Category
    severity: Severity  # the default; configuration may override it
    summary: str  # one sentence: what the code flags
    safe_fix: bool = False  # True when ``--fix`` may apply its fixes unattended


@dataclass(frozen=True)
class Finding:
    """One problem in a draft, with everything needed to explain it.

    Checkers fill in the span; the engine fills in ``path`` and the 1-based
    line and column fields from the span.
    """

    code: str
    category: Category
    severity: Severity
    message: str
    span: Span
    found: str
    expected: str | None = None
    fix: str | None = None
    evidence: tuple[Evidence, ...] = ()
    safe_fix: bool = False
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    suppressed: bool = False  # silenced by a directive in the draft, shown by --no-ignore


# --- what extraction produces -------------------------------------------------
#
# One ``Analysis`` per document, built by the NLP layer. It holds no spaCy
# objects, so it can be cached and compared; checkers read it as plain data.


@dataclass(frozen=True)
class Token:
    span: Span
    text: str
    lower: str
    lemma: str
    pos: str  # universal POS tag, "" when the pipeline has no tagger
    is_sent_start: bool = False


@dataclass(frozen=True)
class Sentence:
    span: Span
    first_token: int  # index into ``Analysis.tokens``
    end_token: int  # one past the last token


@dataclass(frozen=True)
class Mention:
    """A proper name as written: a person, an organisation, a place..."""

    span: Span
    text: str  # the name with titles in front stripped
    label: str  # "PERSON", "ORG", "GPE", "NORP", "FAC", "MISC"
    sentence: int
    ner_label: str = ""  # what the statistical model said, for corpus votes


@dataclass(frozen=True)
class RoleClaim:
    """ "<holder>, <role> of <organisation>" and its variants."""

    holder: str  # the holder's name as written
    holder_span: Span
    role: str  # the role word as written ("chairman", "speaker")
    organisation: str  # as written, without articles ("Russian State Duma")
    span: Span  # the role phrase: from the role word to the organisation's end
    org_span: Span
    sentence: int


@dataclass(frozen=True)
class TimeExpression:
    """A date or weekday as written, with what could be read from it."""

    span: Span
    text: str
    weekday: int | None  # 0 = Monday, as in :mod:`datetime`
    year: int | None
    month: int | None
    day: int | None
    sentence: int
    relative: bool = False  # "on Monday", "yesterday": read against the document date


@dataclass(frozen=True)
class CountExpression:
    """An ordinal or count with the thing it numbers ("10th meeting")."""

    span: Span  # the number itself ("10th", "tenth")
    text: str
    value: int
    head: str  # lemma of the counted noun: "meeting", "anniversary", "session"
    series: str  # what the head belongs to ("china-russia committee for ..."), may be ""
    sentence: int


@dataclass(frozen=True)
class ValueClaim:
    """A number with what it counts and whose it is ("a seven-member panel",
    "banned for two years", "Ms Okafor, 47"), read off the parse."""

    span: Span  # the number as written ("seven", "47", "80")
    text: str
    value: float
    noun: str  # lemma of what it counts ("member", "year", "%"); "age" for an age
    # Lemmas that place the noun: its modifiers, the noun it is part of, its "of" noun.
    modifiers: tuple[str, ...]
    governor: str  # lemma of the nearest verb above the noun, "" when none
    whole: str  # the noun it is a part of ("panel" of "a seven-member panel"), or ""
    owners: tuple[str, ...]  # the names whose value it is, as written
    sentence: int
    is_age: bool = False


@dataclass(frozen=True)
class Quotation:
    span: Span  # the quoted words, without the marks
    text: str
    speaker: str | None
    sentence: int
    # The speaker is named only in a sentence beside the quotation's: likely,
    # not certain, so not enough to call the quotation misattributed.
    speaker_beside: bool = False


@dataclass(frozen=True)
class TokenParse:
    """One token's place in the statistical parse: its head, its relation, and
    the entity the model puts it in. The rule-based pipeline has no parse."""

    head: int  # index into ``Analysis.tokens``; the token itself for a root
    relation: str  # the dependency label ("nsubj", "pobj", "compound")
    entity: str = ""  # the model's entity label ("GPE", "MONEY"), "" outside one
    entity_start: bool = False  # the first token of an entity


@dataclass(frozen=True)
class EventClaim:
    """A predicate dated through the parse: what happened, who took part, when.

    Read from the dependency tree only, so the rule-based pipeline has none.
    """

    predicate: str  # lemma of the verb or event noun the time expression attaches to
    predicate_span: Span
    time: int  # index into ``Analysis.times``
    preposition: str  # "on", "since", "by"...; "" for "last Tuesday" or "the 13 May vote"
    participants: tuple[Span, ...]  # the named things of its clause or noun phrase
    sentence: int
    future: bool = False  # "will visit": a plan, not a reported fact
    # Lemmas of the common nouns in the predicate's phrase: "argued at the hearing
    # on Monday" dates the hearing as well as the arguing.
    nouns: tuple[str, ...] = ()
    # The lemma of what the predicate acts on, "" when none: the direct object, or the
    # passive subject ("the ruling will be issued"). "visited constituencies" and
    # "visited Hull North" are two visits whoever makes them.
    object: str = ""
    # What was said, for a verb of saying (one with a clause as its object): the
    # lemmas of that clause's nouns and names. "X said on Tuesday that ..." is one
    # statement among many unless what was said is the same.
    content: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything extraction found in one document."""

    path: str
    sha256: str
    pipeline: str
    published: dt.date | None
    # Sequences, not tuples: an analysis read from the cache keeps its tokens and
    # parses as columns and makes each record when it is read (factcheck.columns).
    tokens: Sequence[Token] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[RoleClaim, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    counts: tuple[CountExpression, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    # One per token when the pipeline parses, else empty: what a value's slot is.
    parses: Sequence[TokenParse] = ()
    events: tuple[EventClaim, ...] = ()
    values: tuple[ValueClaim, ...] = ()


# --- what a check run produces ------------------------------------------------


@dataclass(frozen=True)
class FileReport:
    """The findings for one checked file (or ``-`` for standard input)."""

    path: str
    findings: tuple[Finding, ...]
    document: Document | None = None  # None when the file could not be read


@dataclass(frozen=True)
class Report:
    """The result of checking one or more drafts."""

    files: tuple[FileReport, ...]
    codes: tuple[CodeInfo, ...] = ()  # every code known in this run, for SARIF rules

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for file in self.files for f in file.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def failed(self) -> bool:
        """True when an error or a warning was found: exit status 1."""
        return any(f.severity in (Severity.ERROR, Severity.WARNING) for f in self.findings)
