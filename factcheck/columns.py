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
from typing import Any, ClassVar, Generic, Literal, TypeVar, overload

from factcheck.model import Sentence, Span, Token, TokenParse

__all__ = ["ParseColumns", "TokenColumns", "sentence_column"]

R = TypeVar("R")
T = TypeVar("T")
ColumnsT = TypeVar("ColumnsT", bound="_Columns[Any]")
# Columns given later, by a function that reads them from the cache's bytes.
Load = Callable[[], tuple[Sequence[Any], ...]]


class _Columns(Sequence[R]):
    """Records of one kind as equal-length columns, one per field: some given at
    once, a group of others maybe read only when one of them is first asked for."""

    __slots__ = ("_deferred", "_load", "_made")
    # How each argument of the constructor, in order, is read off a record.
    _READERS: ClassVar[tuple[Callable[[Any], Any], ...]] = ()

    def __init__(self, deferred: tuple[Sequence[Any], ...]) -> None:
        self._made: tuple[R, ...] | None = None
        self._deferred: tuple[Sequence[Any], ...] | None = deferred
        self._load: Load | None = None

    @classmethod
    def of(cls: type[ColumnsT], records: Sequence[Any]) -> ColumnsT:
        """``records`` as columns: themselves when they are, else read off the
        objects (a draft's, made by the pipeline), the objects kept."""
        if isinstance(records, cls):
            return records
        columns = cls(*(tuple(map(read, records)) for read in cls._READERS))
        columns._made = tuple(records)
        return columns

    def _later(self: ColumnsT, load: Load) -> ColumnsT:
        """These columns, the deferred group to be read by ``load`` when first asked for."""
        self._deferred, self._load = None, load
        return self

    def deferred_columns(self) -> tuple[Sequence[Any], ...]:
        """The group of columns given later, read now if they were not yet."""
        if self._deferred is None:
            assert self._load is not None
            self._deferred, self._load = self._load(), None
        return self._deferred

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


class _Deferred(Generic[T]):
    """A column of the deferred group, by its place in the group."""

    def __init__(self, place: int) -> None:
        self.place = place

    def __get__(self, columns: _Columns[Any], owner: type | None = None) -> Sequence[T]:
        found: Sequence[T] = columns.deferred_columns()[self.place]
        return found


# A token's fields as columns, in the order TokenColumns takes them.
_TOKEN_READERS: dict[str, Callable[[Token], Any]] = {
    "starts": lambda token: token.span.start,
    "ends": lambda token: token.span.end,
    "texts": lambda token: token.text,
    "lowers": lambda token: token.lower,
    "lemmas": lambda token: token.lemma,
    "pos": lambda token: token.pos,
    "sentence_starts": lambda token: token.is_sent_start,
}


class TokenColumns(_Columns[Token]):
    """Tokens as the columns of their fields: start, end, text, lower, lemma, pos,
    sentence start. ``starts``, ``ends`` and ``lowers`` are read directly by what
    walks a whole document (the sentence alignment); the others may be read from
    the cache only when first asked for (:meth:`deferred`)."""

    __slots__ = ("ends", "lowers", "starts")
    _READERS = tuple(_TOKEN_READERS.values())
    texts: _Deferred[str] = _Deferred(0)
    lemmas: _Deferred[str] = _Deferred(1)
    pos: _Deferred[str] = _Deferred(2)
    sentence_starts: _Deferred[bool] = _Deferred(3)

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
        super().__init__((texts, lemmas, pos, sentence_starts))
        self.starts = starts
        self.ends = ends
        self.lowers = lowers

    @classmethod
    def deferred(
        cls, starts: Sequence[int], ends: Sequence[int], lowers: Sequence[str], load: Load
    ) -> TokenColumns:
        """Columns whose texts, lemmas, parts of speech and sentence starts are read
        by ``load`` when one of them is first asked for."""
        return cls(starts, ends, (), lowers, (), (), ())._later(load)

    def __len__(self) -> int:
        return len(self.starts)

    def _make(self, index: int) -> Token:
        texts, lemmas, pos, sentence_starts = self.deferred_columns()
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

    __slots__ = ("_length",)
    _READERS = (
        lambda parse: parse.head,
        lambda parse: parse.relation,
        lambda parse: parse.entity,
        lambda parse: parse.entity_start,
    )
    heads: _Deferred[int] = _Deferred(0)
    relations: _Deferred[str] = _Deferred(1)
    entities: _Deferred[str] = _Deferred(2)
    entity_starts: _Deferred[bool] = _Deferred(3)

    def __init__(
        self,
        heads: Sequence[int],
        relations: Sequence[str],
        entities: Sequence[str],
        entity_starts: Sequence[bool],
    ) -> None:
        super().__init__((heads, relations, entities, entity_starts))
        self._length = len(heads)

    @classmethod
    def deferred(cls, length: int, load: Load) -> ParseColumns:
        """``length`` parses whose columns ``load`` reads when first asked for."""
        columns = cls((), (), (), ())._later(load)
        columns._length = length
        return columns

    def __len__(self) -> int:
        return self._length

    def _make(self, index: int) -> TokenParse:
        heads, relations, entities, entity_starts = self.deferred_columns()
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
    read = _TOKEN_READERS[column]
    return [read(token) for token in tokens[sentence.first_token : sentence.end_token]]
