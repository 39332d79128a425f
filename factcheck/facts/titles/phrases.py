"""Descriptors of people: the titles a text gives a named person, with the body
or place each title is of.

Read off the tokens (with a tagger's part-of-speech tags when there are any),
so that both pipelines read the same shapes:

- before the name: "finance minister <name>", "Italy coach <name>", "Russia's
  finance minister <name>", "its chief executive, <name>", "Russia's finance
  minister, <name>", a title the name run kept ("Ex-Home Secretary <name>");
- after the name: "<name>, the chief executive of <body>", "<name>, a lecturer
  at <body>", "<name>, who is a lecturer at <body>";
- as a predicate: "<name> resigned as <title>", "<name> as <title> to
  <place>", "<name> became the <title> of <body>", "<name> was appointed
  <title>".

A title is a run of common nouns and adjectives (an organisation or place in
front, "Wada" or "Russia's", is the title's organisation, not part of it).
Without a tagger, a closed list of function words and speech verbs ends the
run. A run marked as past ("former", "ex-", "resigned as") is read and marked,
so that it is compared only with the corpus's past titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Analysis, Mention, Span, Token
from factcheck.nlp import lexicon

_LONGEST_TITLE = 4
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_PAST_MARKS = lexicon.PAST_MARKS
# Words that end a title run when no tagger says what a word is.
_FUNCTION_TEXT = (
    "a an the and or but of in on at to for from by with as than that this these "
    "those its his her their our my your whose which who whom is was are were be been "
    "has have had will would can could may might should must not no also then when "
    "while after before since about over under into onto against between among during "
    "mr mrs ms dr sir"
)
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_FUNCTION_WORDS = FUNCTION_WORDS
# Possessives that open "its chief executive, <name>": the title before a comma.
# Not "the": "the sprinters, <name>" is as often a list as a title.
_OPENERS = frozenset({"its", "his", "her", "their"})
# Possessives that stand for a body named earlier in the sentence ("their coach").
_BODY_POSSESSIVES = frozenset({"its", "their"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
# Prepositions that give a title's body or place: "of", "at", "to" ("high
# commissioner to <place>"), "for".
_TITLE_PREPOSITIONS = frozenset({"of", "at", "to", "for"})
# "<name> became the chief executive", "<name> was appointed chief executive".
_BECOMING = frozenset({"became", "becomes", "become"})
_COPULAS = frozenset({"is", "was"})
_APPOINTED = frozenset({"appointed", "named", "elected", "made"})
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Words from "of" to the body's name: "of the natural disasters department at <body>".
_LONGEST_BODY_PATH = 7
# Words between a name and "as" in "<name> resigned as", "<name> has stepped down as".
_LONGEST_VERB_GROUP = 3


@dataclass(frozen=True)
class TitlePhrase:
    """A title a text gives a named person."""

    holder: Mention
    words: tuple[str, ...]  # lower-cased title words ("finance", "minister")
    span: Span  # the title words as written
    past: bool  # "former", "ex-", "resigned as": a title of another time
    organisation: Mention | None = None  # the body or place it is a title of
    # The organisation stands for a possessive ("their coach"), not written here.
    organisation_by_reference: bool = False


def title_phrases(analysis: Analysis, prose: str) -> list[TitlePhrase]:
    """Every person mention's titles, before it, after it and as a predicate."""
    reader = _Reader(analysis, prose)
    found: list[TitlePhrase] = []
    for mention in analysis.mentions:
        if mention.span.start not in reader.starts or mention.span.end not in reader.ends:
            continue
        inner = reader.title_inside(mention)
        if inner is not None:
            found.append(inner)
            continue
        first = reader.starts[mention.span.start]
        last = reader.ends[mention.span.end]
        for phrase in (reader.title_before(mention, first), reader.title_after(mention, last)):
            if phrase is not None:
                found.append(phrase)
    return found


def _touching(tokens: Sequence[Token], left: int, right: int) -> bool:
    return all(tokens[i].span.end == tokens[i + 1].span.start for i in range(left, right))


def _is_title_part(word: str) -> bool:
    return (
        word in lexicon.TITLE_HEADS
        or word in lexicon.RANK_WORDS
        or word in _PAST_MARKS
        or word in lexicon.TITLE_HEADWORDS
    )


def _title_word(token: Token) -> bool:
    if not token.text.isalpha() or token.lower in _FUNCTION_WORDS:
        return False
    if token.lower in lexicon.SPEECH_VERBS:
        return False
    if token.lower in lexicon.RANK_WORDS:
        return True  # a tagger reads "deputy" as a verb now and then
    return token.pos in _TITLE_POS if token.pos else True


class _Reader:
    """One analysis's tokens, with where mentions start and end."""

    def __init__(self, analysis: Analysis, prose: str) -> None:
        self.analysis = analysis
        self.prose = prose
        self.tokens = analysis.tokens
        self.starts = {t.span.start: i for i, t in enumerate(self.tokens)}
        self.ends = {t.span.end: i for i, t in enumerate(self.tokens)}
        # Tokens of organisations and places: a modifier, not a title word. A MISC
        # name is no stop: without a model a capitalised title ("Economy") is one.
        self.named: dict[int, Mention] = {}
        self.mention_at: dict[int, Mention] = {}
        for mention in analysis.mentions:
            index = self.starts.get(mention.span.start)
            if index is None:
                continue
            self.mention_at[index] = mention
            if mention.label in {"PERSON", "MISC"}:
                continue
            while index < len(self.tokens) and self.tokens[index].span.end <= mention.span.end:
                self.named[index] = mention
                index += 1
        self.sentence_of = [0] * len(self.tokens)
        for number, sentence in enumerate(analysis.sentences):
            for index in range(sentence.first_token, min(sentence.end_token, len(self.tokens))):
                self.sentence_of[index] = number

    # --- before the name ----------------------------------------------------------

    def title_before(
        self, holder: Mention, first: int, inside: Mention | None = None
    ) -> TitlePhrase | None:
        """The title run ending right before token ``first`` (over the tokens of
        ``inside``, the name run that kept the title, even when it is a body's)."""
        tokens = self.tokens
        last = first - 1
        after_comma = last >= 1 and tokens[last].text == ","
        if after_comma:
            last -= 1  # "its chief executive, <name>"
        index = last
        words: list[str] = []
        past = False
        past_prefix = 0  # "ex" and "-" in front of the title words
        while index >= 0 and len(words) < _LONGEST_TITLE:
            token = tokens[index]
            if (
                token.text == "-"
                and words
                and index >= 1
                and _touching(tokens, index - 1, index + 1)
            ):
                left = tokens[index - 1].lower
                if left in _PAST_MARKS:
                    past = True  # "ex-minister"
                    past_prefix = 2
                    index -= 2
                    break
                words[0] = left + "-" + words[0]  # "fly-half"
                index -= 2
                continue
            named = index in self.named and self.named[index] is not inside
            if named or not _title_word(token):
                break
            words.insert(0, token.lower)
            index -= 1
        title_first = index + 1 + past_prefix
        if words and words[0] in _PAST_MARKS:
            past, words = True, words[1:]
            title_first += 1
        before = tokens[index].lower if index >= 0 else ""
        if before in _PAST_MARKS:
            past = True
            index -= 1
        if not words:
            return None
        if after_comma and not self._opens_title_before_comma(index, last, holder):
            return None
        start = tokens[title_first].span.start
        end = tokens[last].span.end
        if "\n" in self.prose[start:end]:
            return None
        organisation, by_reference = self._modifier_before(index, holder)
        if organisation is None:
            organisation, words = self._capitalised_modifier(title_first, words)
        elif not by_reference:
            # "former England captain"; a name run that took "Former" in is trimmed.
            organisation, marked = self._past_trimmed(organisation)
            past = past or marked
        return TitlePhrase(holder, tuple(words), Span(start, end), past, organisation, by_reference)

    def _opens_title_before_comma(self, index: int, last: int, holder: Mention) -> bool:
        """ "its chief executive, <name>" and "Northfield's captain, <name>": a title
        before a comma is one when a possessive opens it, a pronoun or a named
        body's, and its words are written in lower case. Not "the": "the sprinters,
        <name>" is as often a list as a title; nor, after a body's possessive, a
        plural ("the club's players, <name> and ..."), by its lemma."""
        tokens = self.tokens
        if any(t.text != t.lower for t in tokens[index + 1 : last + 1]):
            return False
        before = tokens[index].lower if index >= 0 else ""
        if before in _OPENERS:
            return True
        if before not in _POSSESSIVE_MARKS:
            return False
        # The body the title will be read with, read the same way here.
        body, _ = self._modifier_before(index, holder)
        head = tokens[last]
        plural = bool(head.lemma) and head.lemma != head.lower and head.lower.endswith("s")
        return body is not None and body.label in _BODY_LABELS and not plural

    def _past_trimmed(self, organisation: Mention) -> tuple[Mention, bool]:
        """The title's body without a past mark the name run took in ("Former
        England"), and whether "former" or "ex-" stands before or in it."""
        first = self.starts.get(organisation.span.start, 0)
        last = self.ends.get(organisation.span.end, first)
        index = first
        while index < last and self.tokens[index].lower in _PAST_MARKS | {"-"}:
            index += 1
        if index > first:
            start = self.tokens[index].span.start
            trimmed = Mention(
                Span(start, organisation.span.end),
                self.prose[start : organisation.span.end],
                organisation.label,
                organisation.sentence,
                organisation.ner_label,
            )
            return trimmed, True
        before = first - 1
        if before >= 1 and self.tokens[before].text == "-":
            before -= 1
        return organisation, before >= 0 and self.tokens[before].lower in _PAST_MARKS

    def _capitalised_modifier(
        self, first: int, words: list[str]
    ) -> tuple[Mention | None, list[str]]:
        """ "Tory leader <name>": capitalised words in front of a lower-case title,
        not at a sentence's start and not title words, name the title's body."""
        tokens = self.tokens
        count = 0
        while count < len(words) - 1 and "-" not in words[count]:
            token = tokens[first + count]
            if not token.text.istitle() or token.is_sent_start or _is_title_part(token.lower):
                break
            count += 1
        following = tokens[first + count] if count < len(words) else None
        if count == 0 or following is None or following.text != following.lower:
            return None, words
        span = Span(tokens[first].span.start, tokens[first + count - 1].span.end)
        sentence = self.sentence_of[first]
        body = Mention(span, self.prose[span.start : span.end], "NORP", sentence)
        return body, words[count:]

    def _modifier_before(self, index: int, holder: Mention) -> tuple[Mention | None, bool]:
        """The body or place written before a title ending before token ``index + 1``:
        "Italy coach", "Russia's finance minister", "their coach"."""
        if index < 0:
            return None, False
        token = self.tokens[index]
        if token.text in _POSSESSIVE_MARKS and index >= 1:
            index -= 1
        if index in self.named:
            return self.named[index], False
        if token.lower in _BODY_POSSESSIVES:
            return self._antecedent(index, holder), True
        return None, False

    def _antecedent(self, index: int, holder: Mention) -> Mention | None:
        """The body a possessive ("their") before token ``index`` stands for: the
        nearest name before it in the sentence, when that is a body or place."""
        sentence = self.sentence_of[index]
        for position in range(index - 1, -1, -1):
            if self.sentence_of[position] != sentence:
                return None
            mention = self.mention_at.get(position)
            if mention is None or mention is holder:
                continue
            return mention if mention.label in _BODY_LABELS else None
        return None

    # --- a title the name run kept ------------------------------------------------

    def title_inside(self, mention: Mention) -> TitlePhrase | None:
        """ "Ex-Home Secretary <name>" read as one name: the title is the run up to
        its last title noun, the person the capitalised words after it."""
        first = self.starts[mention.span.start]
        last = self.ends[mention.span.end]
        tokens = self.tokens
        for split in range(last - 1, first - 1, -1):
            if tokens[split].lower in lexicon.TITLE_HEADS:
                break
        else:
            return None
        name = tokens[split + 1 : last + 1]
        if len(name) < 2 or not all(t.text[:1].isupper() and t.text.isalpha() for t in name):
            return None
        holder = Mention(
            span=Span(name[0].span.start, name[-1].span.end),
            text=self.prose[name[0].span.start : name[-1].span.end],
            label="PERSON" if mention.label == "PERSON" else "MISC",
            sentence=mention.sentence,
        )
        return self.title_before(holder, split + 1, inside=mention)

    # --- after the name -----------------------------------------------------------

    def title_after(self, holder: Mention, last: int) -> TitlePhrase | None:
        """ "<name>, the <title> of <body>", "<name>, who is a <title>", "<name>
        resigned as <title>", "<name> became the <title> of <body>"."""
        tokens = self.tokens
        index = last + 1
        if index >= len(tokens):
            return None
        past = False
        if tokens[index].text == ",":
            index += 1
            if index + 1 < len(tokens) and tokens[index].lower == "who":
                if tokens[index + 1].lower not in _COPULAS:
                    return None
                index += 2
            if index < len(tokens) and tokens[index].lower in _DETERMINERS:
                index += 1
            else:
                # Without an article, only a title of a body: "<name>, head of <body>".
                phrase = self._title_from(holder, index, past)
                return phrase if phrase is not None and phrase.organisation else None
        else:
            found = self._predicate(index)
            if found is None:
                return None
            index, past = found
        return self._title_from(holder, index, past)

    def _predicate(self, index: int) -> tuple[int, bool] | None:
        """Where the title starts after a name's verb group, and whether the verb
        leaves the post: "resigned as", "as", "became the", "was appointed"."""
        tokens = self.tokens
        leaving = False
        for step in range(_LONGEST_VERB_GROUP + 1):
            position = index + step
            if position >= len(tokens):
                return None
            token = tokens[position]
            if token.lower == "as":
                return position + 1 + self._determiner(position + 1), leaving
            if token.lower in _BECOMING or token.lower in _APPOINTED:
                after = position + 1
                return after + self._determiner(after), leaving
            if token.lower in _COPULAS:
                after = position + 1
                if after < len(tokens) and tokens[after].lower in _APPOINTED:
                    continue
                if self._determiner(after):
                    return after + 1, leaving
                return None
            if not token.text.isalpha() or token.text != token.lower:
                return None
            if token.lower in lexicon.SPEECH_VERBS or token.lower in _FUNCTION_WORDS - {"has"}:
                return None
            leaving = leaving or token.lower in lexicon.LEAVING_VERBS
        return None

    def _determiner(self, index: int) -> int:
        return int(index < len(self.tokens) and self.tokens[index].lower in _DETERMINERS)

    def _title_from(self, holder: Mention, index: int, past: bool) -> TitlePhrase | None:
        """The title run from token ``index`` ("former", an organisation in front,
        words, a body after "of"/"at"/"to"), when it ends in a title noun."""
        tokens = self.tokens
        organisation: Mention | None = None
        if index < len(tokens) and tokens[index].lower in _PAST_MARKS:
            past = True
            index += 1
        if index in self.named:
            organisation = self.named[index]
            while index in self.named and self.named[index] is organisation:
                index += 1
            if index < len(tokens) and tokens[index].text in _POSSESSIVE_MARKS:
                index += 1
        first = index
        words: list[str] = []
        while index < len(tokens) and len(words) <= _LONGEST_TITLE:
            token = tokens[index]
            hyphen = token.text == "-" and words and index + 1 < len(tokens)
            if (
                hyphen
                and _touching(tokens, index - 1, index + 1)
                and tokens[index + 1].text.isalpha()
            ):
                words[-1] += "-" + tokens[index + 1].lower
                index += 2
                continue
            written_as_word = token.text == token.lower or token.text.istitle()
            if index in self.named or not _title_word(token) or not written_as_word:
                break
            words.append(token.lower)
            index += 1
        if not words or len(words) > _LONGEST_TITLE or words[-1] not in lexicon.TITLE_HEADS:
            return None
        end = tokens[index - 1].span.end
        start = tokens[first].span.start
        if "\n" in self.prose[start:end]:
            return None
        if organisation is None:
            organisation = self._body_after(index)
        return TitlePhrase(holder, tuple(words), Span(start, end), past, organisation)

    def _body_after(self, index: int) -> Mention | None:
        """The body or place after "of", "at", "to": "lecturer at the University of
        York", "head of Acme's research department", "head of the research unit
        at Acme" (over a few lower-case words to the first name)."""
        tokens = self.tokens
        if index >= len(tokens) or tokens[index].lower not in _TITLE_PREPOSITIONS:
            return None
        for position in range(index + 1, min(index + 1 + _LONGEST_BODY_PATH, len(tokens))):
            if position in self.named:
                return self.named[position]
            token = tokens[position]
            ordinary = token.text.isalpha() and token.text == token.lower
            if not ordinary or token.lower in lexicon.SPEECH_VERBS:
                return None
            if token.pos and token.pos not in {"NOUN", "ADJ", "DET", "ADP"}:
                return None
        return None
