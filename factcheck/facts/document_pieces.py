"""What the fact base reads from one corpus document by itself.

A check against a large archive builds :class:`~factcheck.facts.corpus.CorpusFacts`
from the documents the fact index selects, and a new selection mostly repeats
documents an earlier one had. What depends on one document only (its sentence
text and line numbers, its sentences' anchors, slot values and numbers, its
times by sentence, the sentences its date is judged by, the acronyms it
defines, the parent links and titles it writes) is read here, once per
document, on first use, so that a caller can keep these objects (by path and
content hash) and build the next selection's facts from them. What depends on
the whole selection (the name book, entity keys, dates by copies of a story)
stays with the fact base.

A :class:`DocumentFacts` is read-only from the outside and holds no
reference to any fact base: one can serve many.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from factcheck.facts.alignment import AlignedSentence, aligned_sentences
from factcheck.facts.anchor_alignment import AnchoredSentence, anchored_sentences
from factcheck.facts.document_dates import DatingSentences, long_sentences
from factcheck.facts.events import predicate_words
from factcheck.facts.names.leading_titles import lower_case_words
from factcheck.facts.names.namebook import normalise_name
from factcheck.facts.number_values import NumberValue, sentence_values
from factcheck.facts.records import SentenceText
from factcheck.facts.sentences import by_sentence
from factcheck.facts.titles.hierarchy import ParentPattern, parent_patterns
from factcheck.facts.titles.organisations import defined_acronyms, named_initialisms
from factcheck.facts.titles.phrases import TitlePhrase, title_phrases
from factcheck.model import Analysis, Document, Mention, TimeExpression

__all__ = ["DocumentFacts"]


class DocumentFacts:
    """One corpus document's own facts, each read on first use and kept."""

    _document: Document
    _analysis: Analysis

    def __init__(self, document: Document, analysis: Analysis) -> None:
        # The one place attributes are set: from outside, an object is read-only.
        object.__setattr__(self, "_document", document)
        object.__setattr__(self, "_analysis", analysis)

    @classmethod
    def restored(
        cls, document: Document, analysis: Analysis, pieces: Mapping[str, object]
    ) -> DocumentFacts:
        """The document's facts with ``pieces`` (by name) already read: what
        :mod:`factcheck.facts.stored_pieces` reads back from storage. The others
        are computed on first use, as for any document."""
        unknown = sorted(set(pieces) - set(_PIECES))
        if unknown:
            raise ValueError(f"not pieces of a document's facts: {', '.join(unknown)}")
        facts = cls(document, analysis)
        facts.__dict__.update(pieces)  # past __setattr__, as cached_property stores them
        return facts

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"DocumentFacts is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"DocumentFacts is read-only: cannot delete {name!r}")

    def __repr__(self) -> str:
        return f"DocumentFacts({self.path!r})"

    @property
    def document(self) -> Document:
        return self._document

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    @property
    def path(self) -> str:
        return self.analysis.path

    # ``cached_property`` stores into the instance's ``__dict__`` directly, past
    # ``__setattr__``: each piece is computed once, and only when asked for.

    @cached_property
    def text(self) -> SentenceText:
        """Sentence text and line numbers, for evidence."""
        return SentenceText(self.document, self.analysis)

    @cached_property
    def numbers(self) -> tuple[tuple[NumberValue, ...], ...]:
        """Each sentence's number groups, read once for all that need them."""
        return tuple(tuple(found) for found in sentence_values(self.analysis))

    @cached_property
    def anchored(self) -> tuple[AnchoredSentence, ...]:
        """Each sentence's anchors and slot values."""
        return tuple(anchored_sentences(self.analysis, self.numbers))

    @cached_property
    def stated_numbers(self) -> tuple[NumberValue, ...]:
        """Every number the document states, in order."""
        return tuple(value for found in self.numbers for value in found)

    @cached_property
    def times_by_sentence(self) -> Mapping[int, tuple[TimeExpression, ...]]:
        """The time expressions of each sentence that has any, in order."""
        return by_sentence(self.analysis.times)

    @cached_property
    def dating(self) -> DatingSentences:
        """The long sentences a copy of this story is told by, for document dates."""
        return long_sentences(self.document, self.analysis)

    @cached_property
    def event_predicates(self) -> tuple[tuple[str, bool], ...]:
        """Each event's predicate as written, and whether it is a noun."""
        return predicate_words(self.analysis)

    @cached_property
    def defined_acronyms(self) -> tuple[tuple[str, str], ...]:
        """(acronym, expansion) as the document defines them in brackets."""
        return tuple(defined_acronyms(self.document.prose))

    @cached_property
    def initialisms(self) -> tuple[tuple[str, str], ...]:
        """(initials, name) of the organisations of two words or more it names."""
        return tuple(named_initialisms(self.analysis))

    @cached_property
    def parent_patterns(self) -> tuple[ParentPattern, ...]:
        """The clear "X, the upper house of Y" patterns it writes."""
        return tuple(parent_patterns(self.document.prose, self.analysis))

    @cached_property
    def title_phrases(self) -> tuple[TitlePhrase, ...]:
        """The titles it gives named people."""
        return tuple(title_phrases(self.analysis, self.document.prose))

    @cached_property
    def common_words(self) -> frozenset[str]:
        """The words it writes in lower case: common words, not names, wherever
        a name run picks one up in front of a name ("Coach Andy Robinson")."""
        return lower_case_words((self.analysis,))

    @cached_property
    def mentions_by_sentence(self) -> Mapping[int, tuple[Mention, ...]]:
        """The mentions of each sentence that has any, in order."""
        return by_sentence(self.analysis.mentions)

    @cached_property
    def written_names(self) -> tuple[tuple[str, Mention], ...]:
        """Each mention with its normalised, lower-case spelling."""
        return tuple(
            (normalise_name(mention.text).lower(), mention) for mention in self.analysis.mentions
        )

    def aligned(self, keys: Sequence[str | None]) -> tuple[AlignedSentence, ...]:
        """The sentences aligned word by word, ``keys`` being the entity key of each
        of the document's mentions (in order; None for no slot). The keys come from
        the fact base's name book; the alignment of the last keys given is kept,
        since the next selection mostly keys the document's names as this one did."""
        wanted = tuple(keys)
        kept = self.__dict__.get("_aligned_by_keys")
        if kept is not None and kept[0] == wanted:
            return kept[1]  # type: ignore[no-any-return]
        # By the mention object, not its value: the alignment asks of the analysis's
        # own mentions, and hashing a mention's fields, twice for each, was a
        # tenth of the alignment.
        key_of = {
            id(mention): key for mention, key in zip(self.analysis.mentions, wanted, strict=True)
        }
        aligned = tuple(
            aligned_sentences(self.analysis, lambda mention: key_of[id(mention)], self.numbers)
        )
        self.__dict__["_aligned_by_keys"] = (wanted, aligned)  # past __setattr__, as above
        return aligned

    def compute_all(self) -> None:
        """Read every piece now (a cache warmed ahead of a check, a benchmark)."""
        for name in _PIECES:
            getattr(self, name)


_PIECES = tuple(
    name for name, value in vars(DocumentFacts).items() if isinstance(value, cached_property)
)
