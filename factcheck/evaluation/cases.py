"""Building injection cases from a corpus: errors to find and controls to leave alone.

Sites come from the extraction of each corpus document (mentions, role
phrases, time expressions, counts, quotations), not from the fact base, so
that a fact the fact base fails to record shows up as a miss. Each case is one
sentence, changed in one place; whether the other documents state the
original fact is recorded for the held-out run.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.facts.corpus import CorpusFacts
from factcheck.facts.names.namebook import NameEntity, name_tokens, normalise_name
from factcheck.model import Analysis, Span
from factcheck.nlp.lexicon import ROLE_GROUPS
from factcheck.nlp.numbers import format_ordinal_like, ordinal_words
from factcheck.nlp.timex import resolve_weekday

from . import mutations
from .support import Support


@dataclass(frozen=True)
class Case:
    """One sentence of a corpus document, changed (or not) in one place."""

    document: str
    sentence: int  # index into the document's analysis
    kind: str  # "misspelling:dropped", "org-swap", ... or a control: "original", "surname-only"
    category: str | None  # the category that must flag it; None for a control
    original: str  # the sentence as published
    text: str  # the sentence as checked
    before: str  # the replaced words ("" for the original)
    after: str
    stated_elsewhere: bool  # the other documents state the changed fact too

    @property
    def is_control(self) -> bool:
        return self.category is None


class CaseBuilder:
    """Cases for one document, given the corpus facts built with it included."""

    def __init__(
        self, facts: CorpusFacts, document: str, support: Support, rng: random.Random
    ) -> None:
        self.facts = facts
        self.document = document
        self.analysis: Analysis = facts.analyses[document]
        self.text = facts.documents[document].text
        self.published = facts.documents[document].published
        self.support = support
        self.rng = rng

    def build(self, skip_sentences: set[int]) -> list[Case]:
        cases: list[Case] = []
        for generate in (
            self._originals, self._names, self._roles, self._dates, self._counts,
            self._quotes, self._rewordings,
        ):  # fmt: skip
            cases.extend(c for c in generate() if c.sentence not in skip_sentences)
        return cases

    # --- helpers -------------------------------------------------------------------

    def _sentence_span(self, sentence: int) -> Span:
        return self.analysis.sentences[sentence].span

    def _case(
        self,
        sentence: int,
        at: Span,
        after: str,
        kind: str,
        category: str | None,
        stated_elsewhere: bool = True,
    ) -> Case | None:
        bounds = self._sentence_span(sentence)
        if not bounds.contains(at):
            return None
        original = self.text[bounds.start : bounds.end]
        before = self.text[at.start : at.end]
        if before == after:
            return None
        start, end = at.start - bounds.start, at.end - bounds.start
        return Case(
            document=self.document,
            sentence=sentence,
            kind=kind,
            category=category,
            original=original,
            text=original[:start] + after + original[end:],
            before=before,
            after=after,
            stated_elsewhere=stated_elsewhere,
        )

    def _entity(self, written: str) -> NameEntity | None:
        return self.facts.names.entity(normalise_name(written))

    def _other_people(self, person: str) -> list[NameEntity]:
        return [
            e for e in self.facts.names.people()
            if e.canonical != person and len(name_tokens(e.canonical)) > 1 and e.support > 1
        ]  # fmt: skip

    # --- controls: the original sentences ------------------------------------------

    def _originals(self) -> Iterator[Case]:
        for index, bounds in enumerate(self.analysis.sentences):
            sentence = self.text[bounds.span.start : bounds.span.end]
            if sentence.strip():
                yield Case(self.document, index, "original", None, sentence, sentence, "", "", True)

    # --- names: misspellings, transliterations; surname-only controls --------------

    def _names(self) -> Iterator[Case]:
        seen: set[tuple[int, str]] = set()
        for mention in self.analysis.mentions:
            written = normalise_name(mention.text)
            entity = self._entity(written)
            if entity is None or entity.kind not in {"PERSON", "ORG"}:
                continue
            if not _plain_name(written) or self._quoted(mention.span):
                continue  # "U.S.-led"; a name inside quotation marks is the quote's words
            if written != entity.canonical or len(name_tokens(written)) < 2:
                continue  # only names written in full and as the corpus spells them
            if (mention.sentence, written) in seen:
                continue
            seen.add((mention.sentence, written))
            start = self.text.find(written, mention.span.start, mention.span.end + 1)
            if start < 0:
                continue
            at = Span(start, start + len(written))
            elsewhere = self.support.name(entity.canonical)
            operations = list(mutations.MISSPELLINGS)
            self.rng.shuffle(operations)
            for operation in operations[: 2 if entity.kind == "PERSON" else 1]:
                wrong = self._misspelt(written, operation)
                if wrong is not None:
                    case = self._case(mention.sentence, at, wrong, f"misspelling:{operation}",
                                      "name", elsewhere)  # fmt: skip
                    if case is not None:
                        yield case
            variant = mutations.transliterate(written) if entity.kind == "PERSON" else None
            if variant is not None and not self.facts.names.is_known(variant):
                case = self._case(
                    mention.sentence, at, variant, "transliteration", "name", elsewhere
                )
                if case is not None:
                    yield case
            surname = self._surname(entity)
            if surname is not None:
                case = self._case(mention.sentence, at, surname, "surname-only", None)
                if case is not None:
                    yield case

    def _quoted(self, span: Span) -> bool:
        return any(q.span.overlaps(span) for q in self.analysis.quotations)

    def _misspelt(self, name: str, operation: str) -> str | None:
        words = name_tokens(name)
        # The longest word: a typo there is what a reader notices least.
        target = max(range(len(words)), key=lambda i: (len(words[i]), -i))
        for _ in range(5):
            wrong = mutations.misspell(words[target], operation, self.rng)
            if wrong is not None and not self.facts.names.knows_word(wrong):
                return name.replace(words[target], wrong, 1)
        return None

    @staticmethod
    def _surname(entity: NameEntity) -> str | None:
        if entity.kind != "PERSON":
            return None
        singles = [s for s in entity.spellings if len(name_tokens(s)) == 1]
        return max(singles, key=lambda s: len(entity.spellings[s])) if singles else None

    # --- titles: person, organisation and role swaps; synonym controls -------------

    def _roles(self) -> Iterator[Case]:
        for claim in self.analysis.roles:
            person = self.facts.person(claim.holder)
            if person is None:
                continue
            group = ROLE_GROUPS.get(claim.role.lower(), claim.role.lower())
            key = self.facts.org_key(claim.organisation)
            elsewhere = self.support.role(person.canonical, group, key)
            # Another organisation the corpus gives someone a role in.
            organisations = sorted({r.organisation for r in self.facts.roles if r.org_key != key})
            if organisations:
                other = self.rng.choice(organisations)
                case = self._case(
                    claim.sentence, claim.org_span, other, "org-swap", "title", elsewhere
                )
                if case is not None:
                    yield case
            # Another known person who holds a different role.
            holders = sorted(
                {
                    r.person
                    for r in self.facts.roles
                    if r.person != person.canonical and r.org_key != key
                }
            )
            if holders:
                other = self.rng.choice(holders)
                case = self._case(claim.sentence, claim.holder_span, other, "person-swap:title",
                                  "title", self.support.has_role(other))  # fmt: skip
                if case is not None:
                    yield case
            role_at = Span(claim.span.start, claim.span.start + len(claim.role))
            if group == "presiding officer":
                wrong = mutations.same_case("vice-chairman", claim.role)
                case = self._case(claim.sentence, role_at, wrong, "role-swap", "title", elsewhere)
                if case is not None:
                    yield case
                synonym = "speaker" if claim.role.lower() != "speaker" else "chairman"
                case = self._case(claim.sentence, role_at, mutations.same_case(synonym, claim.role),
                                  "role-synonym", None)  # fmt: skip
                if case is not None:
                    yield case

    # --- dates: shifted days and weekdays; the same date written another way -------

    def _dates(self) -> Iterator[Case]:
        for time in self.analysis.times:
            if not self._names_someone(time.sentence, people_only=True):
                continue  # a date of no one's doing is not a fact the corpus ties to anyone
            elsewhere = self.support.date(self.analysis, time, self.published)
            if time.day is not None:
                for shift in self.rng.sample((-3, -2, -1, 1, 2, 3), 2):
                    new_day = time.day + shift if 1 <= time.day + shift <= 28 else time.day - shift
                    wrong = mutations.shift_day(time.text, time.day, new_day)
                    if wrong is None:
                        continue
                    case = self._case(
                        time.sentence, time.span, wrong, "date-shift", "date", elsewhere
                    )
                    if case is not None:
                        yield case
                if time.month is not None:
                    date = _date(time.year or (self.published.year if self.published else None),
                                 time.month, time.day)  # fmt: skip
                    if date is not None:
                        other = mutations.rewrite_date(
                            date, time.text, with_year=time.year is not None
                        )
                        case = self._case(time.sentence, time.span, other, "date-rewritten", None)
                        if case is not None:
                            yield case
            elif time.weekday is not None:
                for shift in self.rng.sample((-2, -1, 1, 2), 2):
                    new_weekday = (time.weekday + shift) % 7
                    wrong = mutations.replace_weekday(time.text, time.weekday, new_weekday)
                    if wrong is None:
                        continue
                    case = self._case(
                        time.sentence, time.span, wrong, "weekday-shift", "date", elsewhere
                    )
                    if case is not None:
                        yield case
                if time.relative and self.published is not None:
                    date = resolve_weekday(time.weekday, self.published)
                    other = mutations.rewrite_date(date, "", with_year=False)
                    case = self._case(time.sentence, time.span, other, "date-rewritten", None)
                    if case is not None:
                        yield case

    def _names_someone(self, sentence: int, *, people_only: bool = False) -> bool:
        for mention in self.analysis.mentions:
            entity = self._entity(mention.text) if mention.sentence == sentence else None
            if entity is not None and (not people_only or entity.kind == "PERSON"):
                return True
        return False

    # --- counts: changed ordinals; digits written as words -------------------------

    def _counts(self) -> Iterator[Case]:
        for count in self.analysis.counts:
            elsewhere = self.support.count(count.head, count.value, count.series)
            step = self.rng.choice((1, 2, 5)) * self.rng.choice((-1, 1))
            new_value = count.value + step if count.value + step > 0 else count.value - step
            wrong = format_ordinal_like(new_value, count.text)
            case = self._case(
                count.sentence, count.span, wrong, "ordinal-change", "count", elsewhere
            )
            if case is not None:
                yield case
            words = ordinal_words(count.value)
            other = mutations.ordinal_digits(count.value) if not count.text[:1].isdigit() else words
            case = self._case(count.sentence, count.span, other, "count-rewritten", None)
            if case is not None:
                yield case

    # --- quotations: altered words, another speaker -------------------------------

    def _quotes(self) -> Iterator[Case]:
        for quotation in self.analysis.quotations:
            words = [w for w in quotation.text.split() if w.isalpha() and len(w) >= 5]
            if len(quotation.text.split()) < 5 or not words:
                continue
            elsewhere = self.support.quote(quotation.text)
            target = self.rng.choice(words)
            replacement = self._other_word(target)
            alterations = [mutations.negate(quotation.text)]
            if replacement is not None:
                alterations.append(quotation.text.replace(target, replacement, 1))
            for altered in alterations:
                if altered is None:
                    continue
                case = self._case(quotation.sentence, quotation.span, altered, "quote-altered",
                                  "quote", elsewhere)  # fmt: skip
                if case is not None:
                    yield case
            speaker = self.facts.person(quotation.speaker) if quotation.speaker else None
            if speaker is None:
                continue
            for mention in self.analysis.mentions:
                if (
                    mention.sentence != quotation.sentence
                    or self._entity(mention.text) is not speaker
                ):
                    continue
                if not self._speech_verb_next_to(mention.span):
                    continue  # "what he called ...": the named person may not be the speaker
                others = self._other_people(speaker.canonical)
                if others:
                    other = self.rng.choice(others).canonical
                    case = self._case(quotation.sentence, mention.span, other, "person-swap:quote",
                                      "quote", elsewhere)  # fmt: skip
                    if case is not None:
                        yield case
                break

    def _speech_verb_next_to(self, span: Span) -> bool:
        tokens = self.analysis.tokens
        for index, token in enumerate(tokens):
            if token.span.start >= span.end:
                after = token
                before = tokens[index - 1] if index else None
                while before is not None and before.span.end > span.start and index > 1:
                    index -= 1
                    before = tokens[index - 1]
                return after.lemma in _SPEECH_VERBS or (
                    before is not None and before.lemma in _SPEECH_VERBS
                )
        return False

    def _other_word(self, word: str) -> str | None:
        """A word of similar length from elsewhere in the document."""
        pool = sorted(
            {w for w in self.text.split() if w.isalpha() and w.islower() and len(w) >= 5}
            - {word.lower()}
        )
        return mutations.same_case(self.rng.choice(pool), word) if pool else None

    # --- controls: correct facts reworded ----------------------------------------

    def _rewordings(self) -> Iterator[Case]:
        quoted = [q.span for q in self.analysis.quotations]
        for index, bounds in enumerate(self.analysis.sentences):
            if not self._names_someone(index):
                continue
            for token in self.analysis.tokens[bounds.first_token : bounds.end_token]:
                synonym = mutations.REWORDINGS.get(token.lower)
                if synonym is None or any(q.overlaps(token.span) for q in quoted):
                    continue
                case = self._case(index, token.span, mutations.same_case(synonym, token.text),
                                  "reworded", None)  # fmt: skip
                if case is not None:
                    yield case
                break


_SPEECH_VERBS = frozenset({"say", "add", "tell", "stress", "note"})


def _plain_name(name: str) -> bool:
    """Letters, spaces, hyphens and apostrophes only: a name a typo can be put in."""
    return all(c.isalpha() or c in " -'’" for c in name)


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
