"""Who is who in the corpus: names, their spellings, aliases and kinds.

Spellings are grouped into entities by corpus-wide votes, so that a single
misspelt caption ("Yacheslav Volodin") is a variant of the name that most
documents use rather than a person of its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from factcheck.facts.names.initials import Initialled, initials_fit, split_initials
from factcheck.facts.names.leading_titles import behind_leading_words, title_led
from factcheck.facts.names.spelling import WORD, CloseWordIndex, one_edit_forms, words_close
from factcheck.model import Mention

_POSSESSIVE_SUFFIXES = ("'s", "’s", "'", "’")
NAME_KINDS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


_STRAY_PUNCTUATION = '"“”«»‘,;:!? \t\n'
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\([A-Z]{2,8}\)")


# Distinct written names whose normal form is kept: every mention of every build
# and every look-up normalises, and a corpus's names repeat.
_NAMES_KEPT = 1 << 14


@lru_cache(maxsize=_NAMES_KEPT)
def normalise_name(text: str) -> str:
    """The comparison form of a name: one space, no possessive, no leading article,
    no acronym in brackets ("National People's Congress (NPC) Standing Committee")."""
    # Quotation marks and clause punctuation around a name are not part of it ("Trek\"").
    text = text.strip(_STRAY_PUNCTUATION)
    words = _ACRONYM_IN_BRACKETS.sub("", text).replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    name = " ".join(words)
    for suffix in _POSSESSIVE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    return name


def name_tokens(name: str) -> list[str]:
    """The words of a name, without hyphens or stray punctuation ("Trek\"" is "Trek")."""
    return list(_words_of(name))


@lru_cache(maxsize=_NAMES_KEPT)
def _words_of(name: str) -> tuple[str, ...]:
    """:func:`name_tokens`, kept, as a tuple no caller can change: a build asks it
    of every name several times (its size, its words to index, to compare, to alias)."""
    return tuple(WORD.findall(name))


def _word_spans(name: str) -> list[tuple[int, int]]:
    return [match.span() for match in WORD.finditer(name)]


@dataclass
class NameEntity:
    """One person or organisation, with every spelling the corpus uses for it."""

    canonical: str
    kind: str
    spellings: dict[str, set[str]] = field(default_factory=dict)  # spelling -> documents

    @property
    def support(self) -> int:
        return len(set().union(*self.spellings.values())) if self.spellings else 0

    def documents_for(self, spelling: str) -> set[str]:
        return self.spellings.get(spelling, set())

    @property
    def variants(self) -> list[str]:
        return [s for s in self.spellings if s != self.canonical]


def _most_voted(votes: Counter[str]) -> str:
    """The kind most votes give, the first voted among equals (as ``most_common``
    orders them), or "MISC" with no vote: without sorting, for each name of a build."""
    return max(votes, key=votes.__getitem__) if votes else "MISC"


class NameBook:
    """Known names, built from every corpus mention; answers "is this a known name?"."""

    def __init__(self, threshold: float = 85.0, common_words: Collection[str] = ()) -> None:
        self.threshold = threshold
        # Words the corpus writes in lower case: in front of a name, not of it.
        self._common_words = frozenset(common_words)
        self.entities: list[NameEntity] = []
        self._by_spelling: dict[str, NameEntity] = {}  # lower-cased canonical spellings
        self._aliases: dict[str, NameEntity] = {}  # lower-cased single words and sub-names
        self._known_words: dict[str, str] = {}  # lower -> as written, from canonical names
        self._neighbours: dict[str, set[str]] = defaultdict(set)
        self._by_word: dict[str, list[NameEntity]] = defaultdict(list)  # full names by word
        self._mention_counts: Counter[str] = Counter()  # spelling -> corpus mentions
        self._owner: dict[str, NameEntity] = {}  # every grouped spelling -> its entity
        # Blocking indexes, so that neither grouping nor a look-up compares a name
        # with every known name: words by spelling, full names by two neighbouring
        # words in place, people by surname and first initial.
        self._close_words = CloseWordIndex(threshold)
        self._spellings_of: dict[str, set[str]] = defaultdict(set)  # lower -> as written
        self._by_word_pair: dict[tuple[int, int, str, str], list[NameEntity]] = defaultdict(list)
        self._by_surname_initial: dict[tuple[str, str], list[NameEntity]] = defaultdict(list)
        self._creation: dict[int, int] = {}  # id(entity) -> its place in ``entities``

    # --- building --------------------------------------------------------------

    @classmethod
    def build(
        cls,
        mentions: Iterable[tuple[str, Mention]],
        threshold: float = 85.0,
        *,
        people: Iterable[str] = (),
        common_words: Collection[str] = (),
    ) -> NameBook:
        """``mentions`` pairs each mention with the document it comes from;
        ``people`` are names known to be people from elsewhere (role holders);
        ``common_words`` the words the corpus writes in lower case (see
        :mod:`factcheck.facts.names.leading_titles`)."""
        book = cls(threshold, common_words)
        documents: dict[str, set[str]] = defaultdict(set)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        # A single word's votes as a person, by its lower case: all a full name
        # inherits from it (below).
        word_person_votes: dict[str, int] = {}
        mention_counts = book._mention_counts
        for source, mention in mentions:
            name = normalise_name(mention.text)
            if not name:
                continue
            documents[name].add(source)
            mention_counts[name] += 1
            for label in (mention.label, mention.ner_label):
                if label in NAME_KINDS:
                    votes[name][label] += 1
            if len(_words_of(name)) == 1:
                lower = name.lower()
                as_person = (mention.label == "PERSON") + (mention.ner_label == "PERSON")
                word_person_votes[lower] = word_person_votes.get(lower, 0) + as_person
        for person in people:
            votes[normalise_name(person)]["PERSON"] += 1
        # A full name inherits the votes of its words used alone ("Volodin said").
        # Added even when they are none: "PERSON" with no vote still outvotes no kind.
        for name in documents:
            words = _words_of(name)
            if len(words) > 1 and "ORG" not in (counter := votes[name]):
                counter["PERSON"] += sum(word_person_votes.get(w.lower(), 0) for w in words)
        # "Coach Andy Robinson" is Andy Robinson, and votes as his mentions do.
        titled = title_led(documents, book._common_words)
        for name, rest in titled.items():
            votes[rest].update(votes[name])
        book._group(documents, votes, titled)
        return book

    def _group(
        self,
        documents: dict[str, set[str]],
        votes: dict[str, Counter[str]],
        titled: dict[str, str] | None = None,
    ) -> None:
        titled = titled or {}
        # Most-supported spellings first, so that each group's canonical form is
        # the one most documents use; full names before single words, so that
        # "Volodin" joins "Vyacheslav Volodin" instead of standing alone.
        ordered = sorted(documents, key=lambda n: (-len(documents[n]), -sum(votes[n].values()), n))
        # Initialled names last: "V. Volodin" joins "Vyacheslav Volodin" once it exists.
        full = sorted(
            (n for n in ordered if len(_words_of(n)) > 1 and n not in titled),
            key=lambda n: split_initials(n) is not None,
        )
        single = [n for n in ordered if len(_words_of(n)) == 1]
        for name in full:
            kind = _most_voted(votes[name])
            entity = self._variant_of(name, kind)
            if entity is None:
                entity = NameEntity(canonical=name, kind=kind)
                self._add_entity(entity)
            entity.spellings[name] = documents[name]
            self._owner[name.lower()] = entity
        for entity in self.entities:
            self._index(entity)
        # A spelling with words in front joins the name behind them; it is no
        # entity of its own, so its words claim no alias ("Robinson" stays his).
        for name, rest in titled.items():
            owner = self._owner.get(rest.lower())
            if owner is not None:
                owner.spellings[name] = documents[name]
                self._owner[name.lower()] = owner
                self._by_spelling.setdefault(name.lower(), owner)
        for name in single:
            owner = self._aliases.get(name.lower())
            own_kind = _most_voted(votes[name])
            # A place word is not an alias of a body named after it ("China" in
            # "China-Russia Committee ..."), whatever the corpus size.
            is_place = own_kind in {"GPE", "NORP"} and owner is not None and owner.kind == "ORG"
            if owner is not None and owner is not _AMBIGUOUS and not is_place:
                owner.spellings[name] = owner.spellings.get(name, set()) | documents[name]
                continue
            entity = NameEntity(canonical=name, kind=own_kind, spellings={name: documents[name]})
            self._add_entity(entity)
            self._index(entity)

    def _variant_of(self, name: str, kind: str) -> NameEntity | None:
        words = _words_of(name)
        if len(words) < 2:
            return None
        initialled = split_initials(name)
        if initialled is not None:
            return self._fitting(initialled)
        # A variant has as many words, each close to the word in its place, and
        # shares at least one word exactly. The candidates come from the pair of
        # neighbouring places with the fewest known names; the first in the order
        # of the shared word in ``name``, then of age, is the variant.
        close = [self._close_in_context(word) for word in words]
        size = len(words)
        best: list[tuple[int, int, str, str]] | None = None
        best_count = 0
        for place in range(size - 1):
            keys = [(size, place, a, b) for a in close[place] for b in close[place + 1]]
            count = sum(len(self._by_word_pair.get(key, ())) for key in keys)
            if best is None or count < best_count:
                best, best_count = keys, count
        found: tuple[int, int, NameEntity] | None = None
        for key in best or ():
            for entity in self._by_word_pair.get(key, ()):
                rank = self._variant_rank(entity, name, words)
                if rank is not None and (found is None or rank < found[:2]):
                    found = (*rank, entity)
        return found[2] if found is not None else None

    def _close_in_context(self, word: str) -> set[str]:
        """Known words (lower case) that ``word`` may be spelt for, with context."""
        return {
            known
            for known in self._close_words.candidates(word)
            if any(
                words_close(word, written, self.threshold, context=True)
                for written in self._spellings_of[known]
            )
        }

    def _variant_rank(
        self, entity: NameEntity, name: str, words: Sequence[str]
    ) -> tuple[int, int] | None:
        """Where ``entity`` stands among the names ``name`` may be a variant of (the
        first of its words that ``entity`` shares, then age), or None if it is not one."""
        other = _words_of(entity.canonical)
        if len(other) != len(words) or entity.canonical.lower() == name.lower():
            return None
        if not all(
            words_close(a, b, self.threshold, context=True)
            for a, b in zip(words, other, strict=True)
        ):
            return None
        shared = {w.lower() for w in other}
        first = next((i for i, word in enumerate(words) if word.lower() in shared), None)
        return None if first is None else (first, self._creation[id(entity)])

    def _add_entity(self, entity: NameEntity) -> None:
        self._creation[id(entity)] = len(self.entities)
        self.entities.append(entity)
        words = _words_of(entity.canonical)
        for word in {w.lower() for w in words}:
            self._by_word[word].append(entity)
        for word in words:
            self._close_words.add(word)
            self._spellings_of[word.lower()].add(word)
        lower = [w.lower() for w in words]
        for place in range(len(words) - 1):
            self._by_word_pair[(len(words), place, lower[place], lower[place + 1])].append(entity)
        if len(words) > 1:
            self._by_surname_initial[(lower[-1], words[0][0].upper())].append(entity)

    def _index(self, entity: NameEntity) -> None:
        canonical = entity.canonical
        self._by_spelling.setdefault(canonical.lower(), entity)
        words = _words_of(canonical)
        for index, word in enumerate(words):
            if word.lower() not in self._known_words:
                self._known_words[word.lower()] = word
            if index:
                self._neighbours[word.lower()].add(words[index - 1].lower())
            if index + 1 < len(words):
                self._neighbours[word.lower()].add(words[index + 1].lower())
        if len(words) > 1:
            # Any run of the canonical name's words names the same entity
            # ("Volodin", "State Duma"), unless another entity claims it too.
            for size in range(1, len(words)):
                for start in range(len(words) - size + 1):
                    alias = " ".join(words[start : start + size]).lower()
                    if alias in self._aliases and self._aliases[alias] is not entity:
                        self._aliases[alias] = _AMBIGUOUS
                    else:
                        self._aliases.setdefault(alias, entity)

    # --- looking up --------------------------------------------------------------

    def entity(self, name: str) -> NameEntity | None:
        """The entity a name refers to: a canonical spelling, or an unambiguous part of one."""
        key = self._key(name)
        found = self._by_spelling.get(key) or self._aliases.get(key)
        if found is None and (initialled := split_initials(normalise_name(name))) is not None:
            found = self._fitting(initialled)
        if found is None:
            found = self._behind_leading_words(name)
        return None if found is None or found is _AMBIGUOUS else found

    def is_known(self, name: str) -> bool:
        key = self._key(name)
        return (
            key in self._by_spelling
            or key in self._aliases
            or self._initialled_known(name)
            or self._behind_leading_words(name) is not None
        )

    def _behind_leading_words(self, name: str) -> NameEntity | None:
        """The known name behind a name's leading common words: a draft's "Manager
        Helen Okafor" is Helen Okafor (see :mod:`.leading_titles`)."""
        for rest in behind_leading_words(normalise_name(name), self._common_words):
            if (found := self._by_spelling.get(rest.lower())) is not None:
                return found
        return None

    # --- initials ----------------------------------------------------------------

    def _with_surname(self, initialled: Initialled) -> list[NameEntity]:
        last = initialled.surname[-1].lower()
        return [
            e
            for e in self._by_word.get(last, ())
            if e.kind == "PERSON" and len(name_tokens(e.canonical)) > len(initialled.surname)
        ]

    def _fitting_people(self, initialled: Initialled) -> list[NameEntity]:
        """Known people the initials and surname fit: only those whose first given
        name starts with the first initial are looked at, by key."""
        size = len(initialled.surname)
        key = (initialled.surname[-1].lower(), initialled.initials[0])
        return [
            e
            for e in self._by_surname_initial.get(key, ())
            if e.kind == "PERSON"
            and len(name_tokens(e.canonical)) > size
            and initials_fit(initialled, e.canonical)
        ]

    def _fitting(self, initialled: Initialled) -> NameEntity | None:
        """The one known person whose given names the initials fit; two are ambiguous."""
        fitting = self._fitting_people(initialled)
        return fitting[0] if len(fitting) == 1 else None

    def _initialled_known(self, name: str) -> bool:
        initialled = split_initials(normalise_name(name))
        return initialled is not None and bool(self._fitting_people(initialled))

    def initials_contradict(self, name: str) -> list[NameEntity]:
        """Known people with an initialled name's surname, when its initials fit none of
        them ("A. Volodin" where the corpus knows only Vyacheslav Volodin)."""
        initialled = split_initials(normalise_name(name))
        if initialled is None:
            return []
        return [] if self._fitting_people(initialled) else self._with_surname(initialled)

    @staticmethod
    def _key(name: str) -> str:
        return normalise_name(name).lower()

    def as_attested_as_canonical(self, name: str) -> bool:
        """Is ``name`` a spelling the corpus uses for an entity as much as the
        canonical one (as many documents, as many mentions)? Then the corpus
        does not side with either: "Zara Phillips" once and "Zara Philipps"
        once in a one-article corpus."""
        written = normalise_name(name)
        entity = self._owner.get(written.lower())
        if entity is None:
            return False
        variant = next((s for s in entity.spellings if s.lower() == written.lower()), None)
        if variant is None:
            return False
        canonical = (
            len(entity.documents_for(entity.canonical)),
            self._mention_counts[entity.canonical],
        )
        attested = (len(entity.documents_for(variant)), self._mention_counts[variant])
        return attested >= canonical

    def spells(self, name: str, entity: NameEntity) -> bool:
        """Does the corpus itself write ``entity`` as ``name`` (a variant it grouped in)?"""
        return self._owner.get(normalise_name(name).lower()) is entity

    @staticmethod
    def writes_alone(word: str, entity: NameEntity) -> bool:
        """Does the corpus name ``entity`` by this one word alone ("Volodin said"),
        not only inside its full name ("the Great Hall of the People")?"""
        lower = normalise_name(word).lower()
        return any(spelling.lower() == lower for spelling in entity.spellings)

    def knows_word(self, word: str) -> bool:
        return word.lower() in self._known_words

    def correct(self, name: str) -> tuple[str, NameEntity] | None:
        """A known spelling close to ``name`` (a word or two off), or None.

        A word is replaced only by a known word that is close in spelling and
        that stands, in a known name, next to a word of ``name`` that is spelt
        right: the score alone would confuse different people. Hyphens and
        apostrophes between the words are kept ("Anti-Facsist" -> "Anti-Fascist").
        """
        written = normalise_name(name)
        spans = _word_spans(written)
        words = [written[a:b] for a, b in spans]
        if not words:
            return None
        behind = behind_leading_words(written, self._common_words)
        if behind and not self.knows_word(words[0]):
            # "Coach Andy Robinsen": the name behind the leading word is mended.
            mended = self.correct(behind[0])
            lead = written[: len(written) - len(behind[0])]
            return (lead + mended[0], mended[1]) if mended is not None else None
        corrected = written
        changed = False
        for index in range(len(words) - 1, -1, -1):  # right to left: offsets stay valid
            word = words[index]
            if self.knows_word(word):
                continue
            others = {w.lower() for i, w in enumerate(words) if i != index and self.knows_word(w)}
            candidate = self._closest_word(word, others, single=len(words) == 1)
            if candidate is None:
                return None
            start, end = spans[index]
            corrected = corrected[:start] + candidate + corrected[end:]
            changed = True
        if not changed:
            return self._recombined(written, spans, words)
        entity = self.entity(corrected)
        return (corrected, entity) if entity is not None else None

    def _recombined(
        self, written: str, spans: list[tuple[int, int]], words: list[str]
    ) -> tuple[str, NameEntity] | None:
        """A name of known words that no known name combines ("Matthew Tait", when
        the corpus has "Mathew Tait" and, for someone else, "Matthew Taylor"): the
        one known name that a single word, replaced by a close word beside the
        others, makes. A word known from another person's name is still a
        misspelling of this one; two ways to mend it are a guess, so none. People
        only: a body's name is made of ordinary words that other bodies combine
        otherwise ("Labour Party" beside "Labor Party")."""
        if len(words) < 2 or self.entity(written) is not None:
            return None
        mended: set[str] = set()
        for index, word in enumerate(words):
            others = {w.lower() for i, w in enumerate(words) if i != index}
            if others & self._neighbours.get(word.lower(), set()):
                continue  # it stands beside the others in a known name: not the odd one
            candidate = self._closest_word(word, others, single=False)
            if candidate is None or candidate.lower() == word.lower():
                continue
            start, end = spans[index]
            name = written[:start] + candidate + written[end:]
            entity = self.entity(name)
            if entity is not None and entity.kind == "PERSON":
                mended.add(name)
        if len(mended) != 1:
            return None
        (name,) = mended
        entity = self.entity(name)
        return (name, entity) if entity is not None else None

    def _closest_word(self, word: str, context: set[str], *, single: bool) -> str | None:
        if not context and not single:
            return None
        best: tuple[float, str] | None = None
        for written in self._candidate_words(word, context):
            lower = written.lower()
            if not words_close(word, written, self.threshold, context=bool(context)):
                continue
            if context and not context & self._neighbours.get(lower, set()):
                continue
            score = fuzz.ratio(word.lower(), lower)
            if best is None or score > best[0] or (score == best[0] and written < best[1]):
                best = (score, written)
        return best[1] if best else None

    def _candidate_words(self, word: str, context: set[str]) -> list[str]:
        """The known words ``word`` may be a misspelling of, as written: with
        ``context``, those close in spelling (by key); alone, those one edit away.
        :meth:`_closest_word` keeps the close ones that stand beside the context."""
        if context:
            return [
                self._known_words[w]
                for w in self._close_words.candidates(word)
                if w in self._known_words
            ]
        # Alone, the words one edit away among the close ones: :class:`CloseWordIndex`
        # finds every word that ``words_close`` accepts with context, its widest
        # reading, so none that it accepts alone is missed, and no second index of
        # the known words is built for the first word corrected alone.
        forms = one_edit_forms(word)
        return sorted(
            self._known_words[w]
            for w in self._close_words.candidates(word)
            if w in self._known_words and not forms.isdisjoint(one_edit_forms(w))
        )

    def people_named(self, surname: str) -> list[NameEntity]:
        """Known people whose name ends with ``surname``, by the word index."""
        lower = surname.lower()
        return [
            e
            for e in self._by_word.get(lower, ())
            if e.kind == "PERSON" and name_tokens(e.canonical)[-1].lower() == lower
        ]

    def people(self) -> list[NameEntity]:
        return [e for e in self.entities if e.kind == "PERSON"]


_AMBIGUOUS = NameEntity(canonical="", kind="AMBIGUOUS")
