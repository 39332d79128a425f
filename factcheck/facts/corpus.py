"""The corpus fact base: what the trusted articles say, with provenance.

Built once per run from the corpus analyses. Each fact keeps the places that
state it (document, line, sentence), so a finding can show its evidence and
how many documents agree. :class:`CorpusFacts` is the one entry point; the
records, series, events, document dates, organisation keys and parallel
sentences have their own modules, and their names are importable from here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.facts.alignment import Swap, TimePair
from factcheck.facts.document_dates import dates_of
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.facts.events import (
    OCCASION_WINDOW,
    DatedClaim,
    dated_claims,
    near,
    sentence_events,
)
from factcheck.facts.founding import year_shift
from factcheck.facts.name_keys import NameKeys
from factcheck.facts.names.namebook import NameBook, NameEntity, normalise_name
from factcheck.facts.parallel_sentences import ContradictedValue, ParallelSentences, SwappedName
from factcheck.facts.records import (
    CountFact,
    EventFact,
    Fact,
    QuoteFact,
    RoleFact,
    SentenceText,
)
from factcheck.facts.sentences import by_sentence
from factcheck.facts.series import content_words
from factcheck.facts.titles import organisations
from factcheck.facts.titles.hierarchy import Hierarchy, configured_links, stated_links
from factcheck.facts.titles.learnt import LearntTitle, LearntTitles, learn
from factcheck.facts.titles.phrases import TitlePhrase
from factcheck.model import Analysis, Document, Mention, Span
from factcheck.nlp import lexicon
from factcheck.nlp.quotations import speaker_name

# Runs of a written name's words up to this long are indexed for ``name_fact``; a
# longer part name is looked up by its first run of this many words, then confirmed.
_LONGEST_INDEXED_RUN = 6

# Only what this module defines: the package's ``__init__`` is the public surface.
__all__ = ["CorpusFacts", "PersonTitles", "mentions_in", "speaker_surname"]


def _run_keys(written: str) -> frozenset[str]:
    """A written name's keys in :meth:`CorpusFacts._written_runs`."""
    words = written.split(" ")
    keys = {f"={written}"}
    for start in range(len(words)):
        for end in range(start + 2, min(len(words), start + _LONGEST_INDEXED_RUN) + 1):
            keys.add(" ".join(words[start:end]))
    return frozenset(keys)


@dataclass(frozen=True)
class PersonTitles:
    """A person's titles in the corpus: the role claims read off the parse
    ("<name>, chairman of <body>") and the titles it writes before the name."""

    roles: tuple[RoleFact, ...]
    learnt: tuple[LearntTitle, ...]


class CorpusFacts:
    """Everything the corpus states, built from its analyses."""

    def __init__(
        self,
        pairs: Sequence[tuple[Document, Analysis]] | Sequence[DocumentFacts],
        *,
        name_threshold: float = 85.0,
        corpus_documents: int | None = None,
    ) -> None:
        """The facts of the corpus documents ``pairs``: each a document with its
        analysis, or its :class:`DocumentFacts` (kept from an earlier build, say).
        ``corpus_documents``: how many documents the whole corpus has, when these
        are the few the fact index selected from it for a draft."""
        pieces = [p if isinstance(p, DocumentFacts) else DocumentFacts(*p) for p in pairs]
        # A message's "5 of 40 documents" must not read as if the archive held 40.
        self.corpus_documents = corpus_documents
        self.documents = {piece.document.path: piece.document for piece in pieces}
        self.analyses = {piece.analysis.path: piece.analysis for piece in pieces}
        self._pieces = {piece.analysis.path: piece for piece in pieces}
        self.texts = {piece.document.path: piece.text for piece in pieces}
        # The words the corpus writes in lower case: ordinary words, not names.
        self.common_words: frozenset[str] = frozenset().union(
            *(piece.common_words for piece in pieces)
        )
        self.names = NameBook.build(
            ((p.path, m) for p in pieces for m in p.analysis.mentions),
            threshold=name_threshold,
            people=(claim.holder for p in pieces for claim in p.analysis.roles),
            common_words=self.common_words,
        )
        self.dates = dates_of([piece.dating for piece in pieces])
        self.acronyms = organisations.acronyms_of(
            (piece.defined_acronyms for piece in pieces), (piece.initialisms for piece in pieces)
        )
        self.place_words = organisations.place_words(self.names)
        # What outlives a query (the parallel sentences, the hierarchies) keeps these
        # keys, not this object's methods: no cycle keeps a dropped fact base alive.
        self.keys = NameKeys(self.names, self.acronyms, self.place_words)
        self.roles: list[RoleFact] = []
        self._roles_by_key: dict[tuple[str, str, str], RoleFact] = {}
        self._roles_by_person: dict[str, list[RoleFact]] = defaultdict(list)
        self._names_written: list[tuple[str, str, Mention]] | None = None
        self._runs_written: dict[str, list[int]] | None = None
        self.events: list[EventFact] = []
        self._events_by_date: dict[dt.date, list[int]] = defaultdict(list)  # into self.events
        self._undated_events: list[int] = []
        self.claims: list[DatedClaim] = []  # the dated events read off the parse
        self.counts: list[CountFact] = []
        self.quotes: list[QuoteFact] = []
        self._quotes_by_surname: dict[str, list[int]] = defaultdict(list)  # into self.quotes
        self._unattributed_quotes: list[int] = []
        for piece in pieces:
            self._add_document(piece.document, piece.analysis)
        self.parallel = ParallelSentences(
            pieces, self.keys.entity_key, self.texts, same_body=self.keys.same_body
        )
        self.organisation_links = stated_links(
            self.texts,
            self.is_organisation,
            self.keys.org_key,
            {piece.document.path: piece.parent_patterns for piece in pieces},
        )
        self._hierarchies: dict[tuple[tuple[str, str], ...], Hierarchy] = {}
        self._learnt_titles: LearntTitles | None = None
        # The last draft's mentions by sentence (see _sentence_mentions).
        self._draft_mentions: tuple[Analysis, Mapping[int, tuple[Mention, ...]]] | None = None

    # --- sentence alignment --------------------------------------------------------------

    def entity_key(self, mention: Mention) -> str | None:
        """How a name is compared across sentences: a person, an organisation, or not a slot."""
        return self.keys.entity_key(mention)

    def entity_swaps(self, analysis: Analysis) -> list[Swap]:
        """Names in ``analysis`` that parallel corpus sentences put another name in place of."""
        return self.parallel.entity_swaps(analysis)

    def parallel_times(self, analysis: Analysis) -> list[TimePair]:
        """The dates in ``analysis`` with the dates parallel corpus sentences give instead."""
        return self.parallel.parallel_times(analysis)

    def contradicted_values(
        self, analysis: Analysis, date: dt.date | None
    ) -> list[ContradictedValue]:
        """Numbers in ``analysis`` (a draft of ``date``) that parallel corpus
        sentences give otherwise."""
        return self.parallel.contradicted_values(analysis, date, self.dates)

    def swapped_names(self, analysis: Analysis, kind: str) -> list[SwappedName]:
        """Entity swaps of one kind ("person" or "org"), one per draft name, with the
        corpus name most parallel sentences use in its place."""
        return self.parallel.swapped_names(analysis, kind)

    # --- names and organisations -----------------------------------------------------

    def person(self, name: str) -> NameEntity | None:
        """The entity ``name`` refers to, unless it is an organisation."""
        return self.keys.person(name)

    def resolve_person(self, name: str) -> NameEntity | None:
        """The person a name refers to, misspelt or not ("Yacheslav Volodin")."""
        return self.keys.resolve_person(name)

    def resolve_organisation(self, name: str) -> str:
        """An organisation's name with a misspelling corrected ("State Dumma" is the
        "State Duma"): what it is written as matters to FC102, not to its roles."""
        if self.names.is_known(name):
            return name
        correction = self.names.correct(name)
        if correction is not None and correction[1].kind == "ORG":
            return correction[0]
        return name

    def name_fact(self, spelling: str) -> Fact:
        """Every corpus sentence that writes ``spelling`` (or its words, for a part name)."""
        wanted = spelling.lower()
        fact = Fact()
        # A part name counts inside a longer one, word for word only: "Yacheslav
        # Volodin" is not inside "Vyacheslav Volodin". The mentions come from an
        # index of their runs of words, in corpus order, not from a scan.
        runs = self._written_runs()
        words = wanted.split(" ")
        key = wanted if " " in wanted else f"={wanted}"
        if " " in wanted and len(words) > _LONGEST_INDEXED_RUN:
            key = " ".join(words[:_LONGEST_INDEXED_RUN])
        written_names = self._written_names()
        for index in runs.get(key, ()):
            written, path, mention = written_names[index]
            if written == wanted or (" " in wanted and f" {wanted} " in f" {written} "):
                fact.occurrences.append(self.texts[path].occurrence(mention.sentence, mention.span))
        return fact

    def _written_names(self) -> list[tuple[str, str, Mention]]:
        """Each corpus mention with its normalised spelling, computed once."""
        if self._names_written is None:
            self._names_written = [
                (written, path, mention)
                for path, piece in self._pieces.items()
                for written, mention in piece.written_names
            ]
        return self._names_written

    def _written_runs(self) -> dict[str, list[int]]:
        """Where each written name and each run of its words (``" "``-separated, up to
        ``_LONGEST_INDEXED_RUN`` words) stands in ``_written_names``; a whole one-word
        name under ``"="`` and itself, as only equality finds it."""
        if self._runs_written is None:
            runs: dict[str, list[int]] = defaultdict(list)
            # A name's keys, made once per distinct name: the selection repeats them.
            keys_of: dict[str, frozenset[str]] = {}
            for index, (written, _, _) in enumerate(self._written_names()):
                keys = keys_of.get(written)
                if keys is None:
                    keys = keys_of[written] = _run_keys(written)
                for key in keys:
                    runs[key].append(index)
            self._runs_written = dict(runs)
        return self._runs_written

    @staticmethod
    def same_organisation(key_a: str, key_b: str) -> bool:
        """One body, named more or less fully ("state duma", "russian state duma")."""
        return organisations.same_organisation(key_a, key_b)

    def org_key(self, organisation: str) -> str:
        """A comparison key for an organisation: acronyms expanded, country words dropped."""
        return self.keys.org_key(organisation)

    def is_organisation(self, mention: Mention) -> bool:
        """A name that refers to a body: labelled one here, or by the corpus's votes."""
        if mention.label in {"GPE", "NORP", "PERSON"}:
            return False
        entity = self.names.entity(mention.text)
        return mention.label == "ORG" or (entity is not None and entity.kind == "ORG")

    def hierarchy(self, configured: tuple[tuple[str, str], ...] = ()) -> Hierarchy:
        """The corpus's parent links with the configured ones; built once per table,
        since every draft of a run shares its configuration."""
        if configured not in self._hierarchies:
            links = [*self.organisation_links, *configured_links(configured, self.keys.org_key)]
            self._hierarchies[configured] = Hierarchy(links, self.keys.org_key)
        return self._hierarchies[configured]

    def learnt_titles(self) -> LearntTitles:
        """The titles the corpus writes before each person's name; read on first use."""
        if self._learnt_titles is None:
            pairs = [(t.analysis, t) for t in self.texts.values()]
            self._learnt_titles = learn(pairs, self._title_phrases, self.keys.person)
        return self._learnt_titles

    def _title_phrases(self, analysis: Analysis, prose: str) -> list[TitlePhrase]:
        """A corpus document's title phrases, as read once with its own facts."""
        return list(self._pieces[analysis.path].title_phrases)

    # --- queries for checkers: key lookups into indexes built once -------------------

    def people_named(self, surname: str) -> list[NameEntity]:
        """The known people whose name ends with ``surname`` ("Volodin")."""
        return self.names.people_named(surname)

    def titles_of(self, person: str) -> PersonTitles:
        """The role facts and the learnt titles of ``person`` (a canonical name)."""
        return PersonTitles(
            roles=tuple(self.roles_of(person)),
            learnt=tuple(self.learnt_titles().titles_of(person)),
        )

    def events_on(self, day: dt.date) -> list[EventFact]:
        """The corpus events dated ``day``, in corpus order."""
        return [self.events[i] for i in self._events_by_date.get(day, ())]

    def events_of_occasion(self, day: dt.date) -> list[EventFact]:
        """The dated corpus events that can be one occasion with ``day`` (within
        ``OCCASION_WINDOW``; see ``same_occasion``), in corpus order."""
        window = OCCASION_WINDOW.days
        found = [
            i
            for shift in range(-window, window + 1)
            for i in self._events_by_date.get(day + dt.timedelta(days=shift), ())
        ]
        return [self.events[i] for i in sorted(found)]

    def undated_events(self) -> list[EventFact]:
        """The corpus events with a weekday but no date, in corpus order."""
        return [self.events[i] for i in self._undated_events]

    def quotes_of(self, speaker: str, *, unattributed: bool = False) -> list[QuoteFact]:
        """The quotations the corpus gives to a name with ``speaker``'s surname (and,
        with ``unattributed``, those it gives to no one), in corpus order. A checker
        decides which of those names are the speaker's."""
        surname = speaker_surname(speaker)
        found = list(self._quotes_by_surname.get(surname, ())) if surname is not None else []
        if unattributed:
            found = sorted([*found, *self._unattributed_quotes])
        return [self.quotes[i] for i in found]

    # --- facts from one document ------------------------------------------------------

    def roles_of(self, person: str) -> list[RoleFact]:
        """The role facts of ``person`` (a canonical name): by key, not by a scan
        of every role, since checkers ask it for each name and title of a draft."""
        return self._roles_by_person.get(person, [])

    def _add_document(self, document: Document, analysis: Analysis) -> None:
        text = self.texts[document.path]
        self._add_roles(analysis, text)
        self._add_events(analysis, text)
        self._add_counts(analysis, text)
        self._add_quotes(analysis, text)

    def _add_roles(self, analysis: Analysis, text: SentenceText) -> None:
        for claim in analysis.roles:
            person = self.person(claim.holder)
            if person is None:
                continue
            group = lexicon.ROLE_GROUPS.get(claim.role.lower(), claim.role.lower())
            key = self.org_key(claim.organisation)
            fact = self._roles_by_key.get((person.canonical, group, key))
            if fact is None:
                fact = RoleFact(
                    person=person.canonical,
                    role_group=group,
                    role=claim.role.lower(),
                    org_key=key,
                    organisation=normalise_name(claim.organisation),
                )
                self.roles.append(fact)
                self._roles_by_key[(person.canonical, group, key)] = fact
                self._roles_by_person[person.canonical].append(fact)
            fact.occurrences.append(text.occurrence(claim.sentence, claim.span))
            if (date := self.dates[analysis.path]) is not None:
                fact.dates.add(date)

    def people_in(self, analysis: Analysis, sentence: int) -> frozenset[str]:
        return frozenset(
            entity.canonical
            for m in self._sentence_mentions(analysis).get(sentence, ())
            if (entity := self.person(m.text)) is not None and entity.kind == "PERSON"
        )

    def people_near(self, analysis: Analysis, sentence: int, time: Span) -> frozenset[str]:
        """The sentence's people, if one of them is named near the time expression."""
        mentions = [
            m
            for m in self._sentence_mentions(analysis).get(sentence, ())
            if (e := self.person(m.text)) is not None and e.kind == "PERSON"
        ]
        if not any(near(m.span, time) for m in mentions):
            return frozenset()
        return frozenset(e.canonical for m in mentions if (e := self.person(m.text)) is not None)

    def _sentence_mentions(self, analysis: Analysis) -> Mapping[int, tuple[Mention, ...]]:
        """The mentions of each sentence of ``analysis``: kept with a corpus
        document's own facts, and for the last draft asked about, since checkers
        and the build ask for one sentence at a time (each time, each count) and a
        scan of every mention for each would grow with the square of a document."""
        piece = self._pieces.get(analysis.path)
        if piece is not None and piece.analysis is analysis:
            return piece.mentions_by_sentence
        last = self._draft_mentions
        if last is None or last[0] is not analysis:
            # One assignment: a concurrent check at worst groups its draft again.
            last = (analysis, by_sentence(analysis.mentions))
            self._draft_mentions = last
        return last[1]

    def _add_events(self, analysis: Analysis, text: SentenceText) -> None:
        for event in sentence_events(self, analysis, self.dates[analysis.path]):
            fact = EventFact(
                people=event.people,
                kind=event.kind,
                date=event.date,
                weekday=event.weekday,
            )
            fact.occurrences.append(text.occurrence(event.sentence, event.span))
            if fact.date is None:
                self._undated_events.append(len(self.events))
            else:
                self._events_by_date[fact.date].append(len(self.events))
            self.events.append(fact)
        predicates = self._pieces[analysis.path].event_predicates
        self.claims.extend(dated_claims(self, analysis, self.dates[analysis.path], predicates))

    def _add_counts(self, analysis: Analysis, text: SentenceText) -> None:
        for count in analysis.counts:
            fact = CountFact(
                head=count.head,
                series=content_words(count.series),
                value=count.value,
                year=date.year if (date := self.dates[analysis.path]) else None,
                year_shift=year_shift(
                    text.document.prose, analysis.sentences[count.sentence].span, count
                ),
                context=self.context_in(analysis, count.sentence),
            )
            fact.occurrences.append(text.occurrence(count.sentence, count.span))
            self.counts.append(fact)

    def context_in(self, analysis: Analysis, sentence: int) -> frozenset[str]:
        found: set[str] = set()
        for mention in self._sentence_mentions(analysis).get(sentence, ()):
            entity = self.names.entity(mention.text)
            found.add(entity.canonical if entity else normalise_name(mention.text))
        return frozenset(found)

    def _add_quotes(self, analysis: Analysis, text: SentenceText) -> None:
        for quotation in analysis.quotations:
            # A speaker named only beside the quotation is a guess: no attribution.
            named = quotation.speaker if not quotation.speaker_beside else None
            speaker = self.person(named) if named else None
            fact = QuoteFact(speaker=speaker.canonical if speaker else None, text=quotation.text)
            fact.occurrences.append(text.occurrence(quotation.sentence, quotation.span))
            if fact.speaker is None:
                self._unattributed_quotes.append(len(self.quotes))
            elif (surname := speaker_surname(fact.speaker)) is not None:
                self._quotes_by_surname[surname].append(len(self.quotes))
            self.quotes.append(fact)


def mentions_in(analysis: Analysis, sentence: int) -> list[Mention]:
    return [m for m in analysis.mentions if m.sentence == sentence]


def speaker_surname(name: str) -> str | None:
    """A speaker's surname, lower case, its title and full stops dropped
    ("Mr. Blair" -> "blair"): the key quotations are found by."""
    words = [w for w in (w.strip(".").lower() for w in speaker_name(name).split()) if w]
    return words[-1] if words else None
