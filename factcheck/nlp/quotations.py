"""Quotations and who said them.

The speaker is the subject of the verb of speech nearest the quotation in its
own sentence: "X said", "said X", "X, the Y of Z, said", "said the Z chairman
X", "X said:", "X: ...", "according to X". Only when that sentence has no
verb of speech is a speaker in the sentence before or after taken, and only
if there is one. "He said" is the one person of the nearest preceding
sentence of the paragraph that names people; two people there, and there is
no speaker. A name that is an organisation or a place never speaks.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

from factcheck.model import Mention, Quotation, Span
from factcheck.nlp import lexicon
from factcheck.nlp.quotemarks import continues, quoted_spans
from factcheck.nlp.rolewords import role_word_at
from factcheck.nlp.tokentable import TokenTable

# "told X", "urged X", "called X": X is who was spoken to, not the speaker.
_OBJECT_VERBS = frozenset(["told", "urged", "called"])
_PRONOUNS = frozenset(["he", "she"])
# Verbs that introduce a quotation, beyond those that mark a name as a person.
_MORE_SPEECH = frozenset(["observed", "commented", "remarked", "announced", "continued", "asked"])
# Pronouns that are a speaker, but not one name: never resolved.
_OTHER_PRONOUNS = frozenset(["i", "we", "they", "it", "you"])
_AUXILIARIES = frozenset(["has", "had", "have", "was", "is", "also"])
_NOT_SPEAKERS = frozenset(["ORG", "GPE", "NORP", "FAC"])
# How far an appositive ("X, a lawyer for the company, said") or the words
# between "said" and its name ("said the bank's chief economist X") may run.
_APPOSITIVE_TOKENS = 25
_INVERTED_TOKENS = 8
# How far into its sentence the subject's name may start.
_OPENING_TOKENS = 5


def quotations(table: TokenTable, mentions: Sequence[Mention]) -> list[Quotation]:
    quoted = quoted_spans(table.prose)
    speakers = _Speakers(table, mentions, [q.span for q in quoted])
    found: list[Quotation] = []
    for index, here in enumerate(quoted):
        span = here.span
        sentence = table.sentence_of(span.start)
        has_clause, speaker = speakers.own(span, sentence)
        beside = False
        if not has_clause:
            if index and found and continues(table.prose, quoted[index - 1], here):
                # The same speaker's words running on.
                speaker, beside = found[-1].speaker, found[-1].speaker_beside
            else:
                speaker = speakers.beside(span, sentence)
                beside = speaker is not None
        found.append(
            Quotation(
                span=span,
                text=table.prose[span.start : span.end],
                speaker=speaker,
                sentence=sentence,
                speaker_beside=beside,
            )
        )
    return found


def speaker_name(text: str, title_words: frozenset[str] = lexicon.TITLE_WORDS) -> str:
    """A speaker's name without the courtesy title in it: "Mr. Blair" is "Blair",
    and a run that swallowed the words before a title keeps what follows it."""
    words = text.split()
    for index in range(len(words) - 2, -1, -1):
        if words[index].rstrip(".").lower() in title_words:
            return " ".join(words[index + 1 :])
    return text


class _Speakers:
    """The tables one document's quotations share, built once: each quotation
    then reads only the tokens of its own clauses."""

    def __init__(self, table: TokenTable, mentions: Sequence[Mention], spans: list[Span]) -> None:
        self.table = table
        self.quoted = _quoted_tokens(table, spans)
        self.starts = [token.span.start for token in table.tokens]
        speaking = [m for m in mentions if _speaks_as(m) and not self.quoted[self._first(m)]]
        self.by_end = {table.index_by_end[m.span.end]: m for m in speaking}
        self.by_start = {self._first(m): m for m in speaking}
        self.verbs: dict[int, list[int]] = defaultdict(list)
        for index in range(len(table.tokens)):
            if not self.quoted[index] and _speech_verb_at(table, index):
                self.verbs[table.sentence_of(table.tokens[index].span.start)].append(index)
        # Who each sentence is about: its opening name and the names that speak
        # in it; "he" is one of these, in its sentence or the nearest before.
        self.people: dict[int, list[Mention]] = defaultdict(list)
        # Everyone "he" could be: a person, or a full name of no known kind.
        for mention in speaking:
            if _may_be_a_person(mention):
                self.people[mention.sentence].append(mention)
        self.subjects: list[list[Mention]] = []
        self.previous: list[int | None] = []
        last: int | None = None
        for index, sentence in enumerate(table.sentences):
            if table.space_before[sentence.first_token]:
                last = None  # "he" does not reach back into another paragraph
            self.previous.append(last)
            subjects = self._sentence_subjects(index)
            self.subjects.append(subjects)
            if subjects:
                last = index

    def _name(self, text: str) -> str:
        return speaker_name(text, self.table.vocabulary.title_words)

    def _first(self, mention: Mention) -> int:
        return self.table.index_by_start[mention.span.start]

    def _sentence_subjects(self, sentence: int) -> list[Mention]:
        bounds = self.table.sentences[sentence]
        found = [
            m
            for verb in self.verbs.get(sentence, ())
            if (m := self._subject(verb, sentence, resolve=False)) is not None
        ]
        opener = self._opener(bounds.first_token, bounds.end_token)
        if opener is not None:
            found.append(opener)
        return found

    def _opener(self, first: int, end: int) -> Mention | None:
        """The name the sentence opens with, its subject: the last name of the
        opening words, before a word in lower case that follows a name ("France
        coach X accepted", "Welsh legend X called it")."""
        tokens = self.table.tokens
        opener: Mention | None = None
        index = first
        while index < min(end, first + _OPENING_TOKENS) and not self.quoted[index]:
            mention = self.by_start.get(index)
            if mention is not None:
                opener = mention
                index = self.table.index_by_end[mention.span.end] + 1
                continue
            if not tokens[index].text[:1].isalnum():
                break
            if opener is not None and tokens[index].text[:1].islower():
                role = role_word_at(self.table, index)
                if role is not None:
                    index += role[1]
                elif index + 1 in self.by_start:
                    index += 1  # a noun before a name: "Leeds coach X"
                else:
                    break  # the verb after the subject
                continue
            index += 1  # a place, a body or a role before the name
        return opener if opener is not None and _may_be_a_person(opener) else None

    def own(self, span: Span, sentence: int) -> tuple[bool, str | None]:
        """Does the quotation's own sentence say who speaks, and who."""
        table = self.table
        last = table.sentence_of(max(span.start, span.end - 1))
        opening = bisect.bisect_left(self.starts, span.start - 1)
        closing = bisect.bisect_left(self.starts, span.end)
        # A quotation of several sentences: its clause is before or after it.
        verbs = sorted(
            set(self.verbs.get(sentence, ())) | set(self.verbs.get(last, ())),
            key=lambda i: min(abs(i - opening), abs(i - closing)),
        )
        if opening > 0 and table.tokens[opening - 1].text == ":":
            # "X said:" may end a sentence of its own, before the quotation's.
            intro = table.sentence_of(table.tokens[opening - 1].span.start)
            verbs = sorted(
                set(verbs) | set(self.verbs.get(intro, ())),
                key=lambda i: min(abs(i - opening), abs(i - closing)),
            )
        if not verbs:
            # "X: ..." with no verb of speech; with one, "told X:" is the listener.
            colon = self._before_colon(opening, table.sentences[sentence].first_token)
            return (True, self._name(colon.text)) if colon is not None else (False, None)
        own = table.sentence_of(table.tokens[verbs[0]].span.start)
        mention = self._subject(verbs[0], own, resolve=True)
        return True, self._name(mention.text) if mention is not None else None

    def beside(self, span: Span, sentence: int) -> str | None:
        """A speaker in the sentence before or after, if there is only one."""
        table = self.table
        last = table.sentence_of(max(span.start, span.end - 1))
        near = {
            self._name(m.text)
            for s in (sentence - 1, last + 1)
            if 0 <= s < len(table.sentences)
            for verb in self.verbs.get(s, ())
            if (m := self._subject(verb, s, resolve=True)) is not None
        }
        return near.pop() if len(near) == 1 else None

    def _before_colon(self, mark: int, first: int) -> Mention | None:
        """ "X: ..." with no verb: the name right before the colon."""
        colon = mark - 1
        if colon - 1 < first or self.table.tokens[colon].text != ":":
            return None
        return self.by_end.get(colon - 1)

    def _subject(self, verb: int, sentence: int, *, resolve: bool) -> Mention | None:
        tokens = self.table.tokens
        first = self.table.sentences[sentence].first_token
        end = self.table.sentences[sentence].end_token
        if tokens[verb].lower == "according":
            return self._after(verb + 1, end, resolve=resolve)
        before = verb - 1
        while before > first and (
            tokens[before].lower in _AUXILIARIES
            or _is_adverb(tokens[before].text, tokens[before].pos)
        ):
            before -= 1
        if before >= first:
            word = tokens[before].lower
            if word in _PRONOUNS:
                return self._antecedent(before, sentence) if resolve else None
            if word in _OTHER_PRONOUNS:
                return None
            if before in self.by_end:
                return self.by_end[before]
            if tokens[before].text == ",":
                appositive = self._appositive(before, first)
                if appositive is not None:
                    return appositive
        if tokens[verb].lower in _OBJECT_VERBS:
            return None
        return self._after(verb, end, resolve=resolve)

    def _appositive(self, comma: int, first: int) -> Mention | None:
        """ "X, who ..., said": the name before the comma that opens the appositive."""
        tokens = self.table.tokens
        named = self.by_end.get(comma - 1)
        if (
            named is not None
            and self._first(named) > first
            and tokens[self._first(named) - 1].text == ","
        ):
            return named  # "the coach, X, said": the name is the appositive
        for index in range(comma - 1, max(first, comma - _APPOSITIVE_TOKENS) - 1, -1):
            if self.quoted[index]:
                return None
            if tokens[index].text == ",":
                return self.by_end.get(index - 1)
        return None

    def _after(self, verb: int, end: int, *, resolve: bool) -> Mention | None:
        """ "said X", "said economy minister X", "said the Z chairman X", "according
        to X": the last name of the phrase after the verb."""
        tokens = self.table.tokens
        start = verb + 1
        if start < end and tokens[start].lower in _PRONOUNS:
            sentence = self.table.sentence_of(tokens[start].span.start)
            return self._antecedent(start, sentence) if resolve else None
        speaker: Mention | None = None
        index = start
        while index < min(end, start + _INVERTED_TOKENS) and not self.quoted[index]:
            token = tokens[index]
            mention = self.by_start.get(index)
            if mention is not None:
                speaker = mention
                index = self.table.index_by_end[mention.span.end] + 1
                continue
            if not any(c.isalnum() for c in token.text):
                break  # punctuation ends the phrase
            role = role_word_at(self.table, index)
            if role is not None:
                index += role[1]  # "said the Velmar chairman X"
                continue
            if speaker is not None and token.text[:1].islower():
                break  # "said Smith after the match"
            index += 1
        return speaker

    def _antecedent(self, pronoun: int, sentence: int) -> Mention | None:
        """The one person "he" can be: a subject earlier in its sentence, else in
        the nearest earlier sentence of the paragraph that has one; and no other
        person named there ("X met Y. He said" is no one)."""
        start = self.table.tokens[pronoun].span.start
        candidates = [m for m in self.subjects[sentence] if m.span.end <= start]
        if candidates:
            # Everyone named before "he" in its sentence could be meant.
            candidates += [m for m in self.people.get(sentence, ()) if m.span.end <= start]
        else:
            earlier = self.previous[sentence]
            if earlier is not None:
                candidates = self.subjects[earlier] + self.people.get(earlier, [])
        surnames = {self._name(m.text).split()[-1].lower() for m in candidates}
        if len(surnames) != 1:
            return None
        return max(candidates, key=lambda m: len(m.text))


def _may_be_a_person(mention: Mention) -> bool:
    """Without the model, a full name of no known kind may be a person; a single
    capitalised word ("Speaking", "Leeds") is not taken for one."""
    return mention.label == "PERSON" or (mention.label == "MISC" and " " in mention.text)


def _speaks_as(mention: Mention) -> bool:
    return mention.label not in _NOT_SPEAKERS


def _speech_verb_at(table: TokenTable, index: int) -> bool:
    """A verb of speech, or "according" of "according to"."""
    tokens = table.tokens
    if tokens[index].lower == "according":
        return index + 1 < len(tokens) and tokens[index + 1].lower == "to"
    word = tokens[index].lower
    return word in table.vocabulary.speech_verbs or word in _MORE_SPEECH


def _is_adverb(text: str, pos: str) -> bool:
    return pos == "ADV" or (text.isalpha() and text.islower() and text.endswith("ly"))


def _quoted_tokens(table: TokenTable, spans: list[Span]) -> list[bool]:
    """Which tokens are inside a quotation or are its marks: one sweep."""
    quoted = [False] * len(table.tokens)
    index = 0
    for span in spans:
        while index < len(table.tokens) and table.tokens[index].span.end <= span.start - 1:
            index += 1
        cursor = index
        while cursor < len(table.tokens) and table.tokens[cursor].span.start <= span.end:
            quoted[cursor] = True
            cursor += 1
    return quoted
