"""A document's tokens and parses kept column by column, each record made when read.

Tokens are most of an analysis: a corpus document of 500 words has 500 tokens
and 500 parses, and making them as objects was four fifths of decoding it from
the cache (measured at 10,000 documents: 41 ms of 52 ms for the 40 documents a
new story selects). A check reads few of them: what the fact base keeps of a
corpus document (its numbers, anchors, title phrases) is stored already made,
and the sentence alignment reads the starts and lower-case words, not the
objects. So the cache's decoder keeps the columns it read, already checked
for type, and a :class:`~factcheck.model.Token` is made only for the position
asked for; all of them once, and kept, when the whole sequence is walked. The
columns that nothing walks (texts, lemmas, parts of speech, sentence starts;
every parse column) are not even read from the cache's bytes until asked for
(:meth:`TokenColumns.deferred`, :meth:`ParseColumns.deferred`).

Both are read-only sequences equal to the tuple of the same records, and they
pickle as that tuple, so a worker process or a test sees no difference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, TypeVar, overload

from factcheck.model import Sentence, Span, Token, TokenParse

__all__ = ["ParseColumns", "TokenColumns", "sentence_column"]

R = TypeVar("R")


class _Columns(Sequence[R]):
    """Records of one kind as equal-length columns, one per field."""

    __slots__ = ("_made",)

    def __init__(self) -> None:
        self._made: tuple[R, ...] | None = None

    def _make(self, index: int) -> R:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def records(self) -> tuple[R, ...]:
        """Every record, made once and kept."""
        if self._made is None:
            self._made = tuple(map(self._make, range(len(self))))
        return self._made

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[R, ...]: ...
    def __getitem__(self, index: int | slice) -> R | tuple[R, ...]:
        if self._made is not None:
            return self._made[index]
        if isinstance(index, slice):
            return tuple(map(self._make, range(*index.indices(len(self)))))
        size = len(self)
        if not -size <= index < size:
            raise IndexError("record index out of range")
        return self._make(index % size)

    def __iter__(self) -> Iterator[R]:
        return iter(self.records())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Columns):
            return self.records() == other.records()
        if isinstance(other, tuple):
            return self.records() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.records())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} records)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self.records(),))


# The token columns a check seldom reads (text, lemma, part of speech, sentence
# start), or a document's parse columns: given later, by a function that reads them.
TokenRest = tuple[Sequence[str], Sequence[str], Sequence[str], Sequence[bool]]
ParseFields = tuple[Sequence[int], Sequence[str], Sequence[str], Sequence[bool]]


class TokenColumns(_Columns[Token]):
    """Tokens as the columns of their fields: start, end, text, lower, lemma, pos,
    sentence start. ``starts``, ``ends`` and ``lowers`` are read directly by what
    walks a whole document (the sentence alignment); the others may be read from
    the cache only when first asked for (:meth:`deferred`)."""

    __slots__ = ("_load_rest", "_rest", "ends", "lowers", "starts")

    def __init__(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        texts: Sequence[str],
        lowers: Sequence[str],
        lemmas: Sequence[str],
        pos: Sequence[str],
        sentence_starts: Sequence[bool],
    ) -> None:
        super().__init__()
        self.starts = starts
        self.ends = ends
        self.lowers = lowers
        self._rest: TokenRest | None = (texts, lemmas, pos, sentence_starts)
        self._load_rest: Callable[[], TokenRest] | None = None

    @classmethod
    def deferred(
        cls,
        starts: Sequence[int],
        ends: Sequence[int],
        lowers: Sequence[str],
        load_rest: Callable[[], TokenRest],
    ) -> TokenColumns:
        """Columns whose texts, lemmas, parts of speech and sentence starts are read
        by ``load_rest`` when one of them is first asked for."""
        columns = cls(starts, ends, (), lowers, (), (), ())
        columns._rest, columns._load_rest = None, load_rest
        return columns

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> TokenColumns:
        """``tokens`` as columns: themselves when they are, else read off the objects
        (a draft's tokens, made by the pipeline), the objects kept."""
        if isinstance(tokens, TokenColumns):
            return tokens
        columns = cls(
            tuple(t.span.start for t in tokens),
            tuple(t.span.end for t in tokens),
            tuple(t.text for t in tokens),
            tuple(t.lower for t in tokens),
            tuple(t.lemma for t in tokens),
            tuple(t.pos for t in tokens),
            tuple(t.is_sent_start for t in tokens),
        )
        columns._made = tuple(tokens)
        return columns

    def _rest_columns(self) -> TokenRest:
        if self._rest is None:
            assert self._load_rest is not None
            self._rest, self._load_rest = self._load_rest(), None
        return self._rest

    @property
    def texts(self) -> Sequence[str]:
        return self._rest_columns()[0]

    @property
    def lemmas(self) -> Sequence[str]:
        return self._rest_columns()[1]

    @property
    def pos(self) -> Sequence[str]:
        return self._rest_columns()[2]

    @property
    def sentence_starts(self) -> Sequence[bool]:
        return self._rest_columns()[3]

    def __len__(self) -> int:
        return len(self.starts)

    def _make(self, index: int) -> Token:
        texts, lemmas, pos, sentence_starts = self._rest_columns()
        return Token(
            Span(self.starts[index], self.ends[index]),
            texts[index],
            self.lowers[index],
            lemmas[index],
            pos[index],
            sentence_starts[index],
        )


class ParseColumns(_Columns[TokenParse]):
    """Token parses as the columns of their fields: head, relation, entity, entity
    start; all of them read from the cache only when first asked for, maybe
    (:meth:`deferred`): a check reads the parses of no corpus document."""

    __slots__ = ("_fields", "_length", "_load")

    def __init__(
        self,
        heads: Sequence[int],
        relations: Sequence[str],
        entities: Sequence[str],
        entity_starts: Sequence[bool],
    ) -> None:
        super().__init__()
        self._fields: ParseFields | None = (heads, relations, entities, entity_starts)
        self._length = len(heads)
        self._load: Callable[[], ParseFields] | None = None

    @classmethod
    def deferred(cls, length: int, load: Callable[[], ParseFields]) -> ParseColumns:
        """``length`` parses whose columns ``load`` reads when first asked for."""
        columns = cls((), (), (), ())
        columns._fields, columns._length, columns._load = None, length, load
        return columns

    @classmethod
    def of(cls, parses: Sequence[TokenParse]) -> ParseColumns:
        """``parses`` as columns: themselves when they are, else read off the objects."""
        if isinstance(parses, ParseColumns):
            return parses
        columns = cls(
            tuple(p.head for p in parses),
            tuple(p.relation for p in parses),
            tuple(p.entity for p in parses),
            tuple(p.entity_start for p in parses),
        )
        columns._made = tuple(parses)
        return columns

    def fields(self) -> ParseFields:
        """The four columns: heads, relations, entities, entity starts."""
        if self._fields is None:
            assert self._load is not None
            self._fields, self._load = self._load(), None
        return self._fields

    @property
    def heads(self) -> Sequence[int]:
        return self.fields()[0]

    @property
    def relations(self) -> Sequence[str]:
        return self.fields()[1]

    @property
    def entities(self) -> Sequence[str]:
        return self.fields()[2]

    @property
    def entity_starts(self) -> Sequence[bool]:
        return self.fields()[3]

    def __len__(self) -> int:
        return self._length

    def _make(self, index: int) -> TokenParse:
        heads, relations, entities, entity_starts = self.fields()
        return TokenParse(heads[index], relations[index], entities[index], entity_starts[index])


TokenField = Literal["starts", "ends", "texts", "lowers", "lemmas", "pos"]


def sentence_column(
    tokens: Sequence[Token], sentence: Sentence, column: TokenField
) -> Sequence[Any]:
    """One column ("lowers", "starts", ...) of a sentence's tokens: a slice of the
    column when ``tokens`` are columns, else read off the sentence's token objects.
    Read per sentence, not through :meth:`TokenColumns.of`, which reads a whole
    document: a checker asking this of every number of one long sentence would
    read the document again each time."""
    if isinstance(tokens, TokenColumns):
        found: Sequence[Any] = getattr(tokens, column)[sentence.first_token : sentence.end_token]
        return found
    field = _TOKEN_FIELDS[column]
    return [field(token) for token in tokens[sentence.first_token : sentence.end_token]]


_TOKEN_FIELDS: dict[TokenField, Callable[[Token], Any]] = {
    "starts": lambda token: token.span.start,
    "ends": lambda token: token.span.end,
    "texts": lambda token: token.text,
    "lowers": lambda token: token.lower,
    "lemmas": lambda token: token.lemma,
    "pos": lambda token: token.pos,
}
