"""Slot values aligned by shared anchors: a draft value the corpus never states,
where the corpus sentence that says the same thing has another value in its role.

Summaries and rewrites paraphrase: the corpus sentence that states a draft
sentence's fact shares its anchors (content lemmas and names) but not its word
order, so word-by-word alignment (:mod:`factcheck.facts.alignment`) misses it. Here a
*slot value* is a name, place, number or date as the statistical model marks
it, and its *role* is read from the dependency parse: the noun it modifies
("the U.S.'s invasion" -> ``mod:invasion``), or the preposition whose object
it is, with the word the preposition hangs on ("invasion of Poland" ->
``of:invasion``). A draft value contradicts the corpus when

- no corpus document states it (its words, or its number normalised);
- a corpus sentence fills the same role of the same word with another value
  of the same family (place for place, number for number), a value the draft
  sentence does not state anywhere;
- that corpus sentence shares enough of the draft's anchors near the value,
  weighted by rarity in the corpus (shared rare words make two sentences
  parallel; "said" and "year" do not).

A value the corpus is silent about is a new fact, not a contradiction, and is
not reported. The rule-based pipeline has no parse: nothing is found there.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from factcheck.facts.alignment import ALNUM, FUNCTION_WORDS
from factcheck.facts.number_values import NumberValue, sentence_values
from factcheck.model import Analysis, Sentence, Span, Token
from factcheck.nlp.casing import fold_case
from factcheck.nlp.lexicon import PLACEHOLDERS, ROLE_GROUPS, TITLE_WORDS
from factcheck.nlp.numbers import cardinal_value, ordinal_value

# The model's entity labels, grouped into what may stand in for what.
FAMILIES = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "place",
    "PRODUCT": "thing",
    "EVENT": "thing",
    "WORK_OF_ART": "thing",
    "LAW": "thing",
    "DATE": "time",
    "CARDINAL": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "QUANTITY": "number",
    "ORDINAL": "number",
}
# Relations of a word that modifies a noun: "Russia's", "Russian", "vaccine".
_MODIFIERS = frozenset(["compound", "amod", "nmod", "poss", "nummod", "quantmod"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_OBJECTS = frozenset(["dobj", "attr", "oprd"])
# Relations of a word that qualifies the noun a value hangs on ("new vessels").
_QUALIFYING = frozenset(["amod", "compound"])
# Words in an entity's run that are not part of the value.
_EDGE_WORDS = frozenset(["the", "a", "an", "'s", "’s", "'", "’"])
# Anchors are content words: these parts of speech, not function words.
_CONTENT_POS = frozenset(["NOUN", "PROPN", "VERB", "ADJ", "NUM"])
_LIGHT_LEMMAS = frozenset(["be", "have", "do", "say", "make", "take", "get", "go", "come"])
# How far from a value (in tokens) a draft word still counts as its anchor: a
# summary joins clauses from several corpus sentences, so only the value's
# neighbourhood is aligned, not the whole draft sentence.
ANCHOR_WINDOW = 8
# Anchors the corpus sentence must share with the value's neighbourhood, besides
# the word the value's role hangs on, and how much of the neighbourhood's weight.
MIN_SHARED_ANCHORS = 2
MIN_SHARED_WEIGHT = 0.4
# Families of names: two that share a word are one name written two ways.
_NAMED = frozenset(["person", "org", "place", "thing"])
# Without a shared role, a closer match: more shared anchors, more of their weight.
SOLE_SHARED_ANCHORS = 3
SOLE_SHARED_WEIGHT = 0.5
# A word in more corpus sentences than this finds no candidates by itself.
MAX_SENTENCES_PER_LEMMA = 200
# Families compared without a shared role: numbers and dates.
_COUNTED = frozenset(["number", "time"])
# Distinct value keys whose name words are kept: the corpus's are read at every
# build, and its names repeat.
_KEYS_KEPT = 1 << 13
# Distinct (lemma, part of speech) pairs whose anchor is kept.
_LEMMAS_KEPT = 1 << 16
# A conjunct takes the role of the first ("yellow and white paint"): at most this
# many steps up a list.
_MAX_CONJUNCTS = 4


@dataclass(frozen=True)
class SlotValue:
    """A name, place, number or date in one sentence, with its role."""

    family: str  # "person", "org", "place", "thing", "time", "number"
    key: str  # the folded words, articles and possessive dropped
    span: Span
    sentence: int
    role: str  # "<relation>:<lemma of the word it hangs on>"
    first_token: int  # indices into ``Analysis.tokens``
    end_token: int
    number: NumberValue | None = None
    # The other words that modify the noun the value hangs on: "150 new vessels"
    # counts other vessels than "120 registered vessels".
    qualifiers: frozenset[str] = frozenset()

    def same_value(self, other: SlotValue) -> bool:
        if self.number is not None and other.number is not None:
            return self.number.same(other.number)
        return self.key == other.key


@dataclass(frozen=True)
class AnchoredSentence:
    """A sentence's anchors (content lemmas) by token position, and its slot values."""

    source: str
    sentence: int
    anchors: tuple[tuple[int, str], ...]  # (token index, lemma)
    values: tuple[SlotValue, ...]
    text: str  # the folded sentence, to tell whether it states a value anywhere

    # Kept: a corpus sentence's anchors are weighed against each draft value of its
    # role, and the sentence lives with its document's facts from check to check.
    @cached_property
    def lemmas(self) -> frozenset[str]:
        return frozenset(lemma for _, lemma in self.anchors)


@dataclass(frozen=True)
class SlotContradiction:
    """The draft's ``draft`` value where a parallel corpus sentence has ``corpus``."""

    draft: SlotValue
    corpus: SlotValue
    corpus_sentence: AnchoredSentence
    shared: int  # anchors the two sentences share near the value


def _anchor(token: Token) -> str | None:
    return _anchor_lemma(token.lemma or token.lower, token.pos)


@lru_cache(maxsize=_LEMMAS_KEPT)
def _anchor_lemma(lemma: str, pos: str) -> str | None:
    """``lemma`` if a word of it and ``pos`` is an anchor: asked for every token of
    every selected document, and a corpus's (lemma, part of speech) pairs repeat."""
    if pos not in _CONTENT_POS or lemma in FUNCTION_WORDS or lemma in _LIGHT_LEMMAS:
        return None
    return lemma if ALNUM.search(lemma) else None


def anchored_sentences(
    analysis: Analysis, numbers: Sequence[Sequence[NumberValue]] | None = None
) -> list[AnchoredSentence]:
    """Every sentence of ``analysis`` with its anchors and slot values; sentences
    without a parse have no values. ``numbers`` are the sentences' number groups
    (:func:`sentence_values`), when the caller has read them already."""
    if numbers is None:
        numbers = sentence_values(analysis) if analysis.parses else []
    found = []
    for index, sentence in enumerate(analysis.sentences):
        first, end = sentence.first_token, sentence.end_token
        anchors = tuple(
            (position, lemma)
            for position, token in enumerate(analysis.tokens[first:end], first)
            if (lemma := _anchor(token)) is not None
        )
        values = tuple(_slot_values(analysis, index, numbers[index])) if analysis.parses else ()
        text = _joined(analysis.tokens[first:end])
        found.append(AnchoredSentence(analysis.path, index, anchors, values, text))
    return found


def _joined(tokens: Sequence[Token]) -> str:
    """Tokens folded and joined by spaces: values and sentences are matched as
    token sequences, so "U.S.'s" in one text and "U.S." in another agree."""
    # Joined, then folded once: folding maps each character alone (a space, neither a
    # letter nor ignored by case, ends a final sigma's context as a token's end does).
    return fold_case(" ".join([token.text for token in tokens]))


def _entity_runs(analysis: Analysis, first: int, end: int) -> Iterable[tuple[int, int, str]]:
    """(start, end, label) of each entity the model marks in tokens [first, end)."""
    start = None
    for position in range(first, end + 1):
        parse = analysis.parses[position] if position < end else None
        continues = (
            parse is not None
            and start is not None
            and parse.entity == analysis.parses[start].entity
            and not parse.entity_start
        )
        if start is not None and not continues:
            yield start, position, analysis.parses[start].entity
            start = None
        if parse is not None and parse.entity and start is None:
            start = position


def _slot_values(
    analysis: Analysis, sentence: int, numbers: Sequence[NumberValue]
) -> Iterable[SlotValue]:
    bounds = analysis.sentences[sentence]
    tokens = analysis.tokens
    modifiers: dict[int, list[tuple[int, str]]] | None = None  # read at the first value
    for start, end, label in _entity_runs(analysis, bounds.first_token, bounds.end_token):
        family = FAMILIES.get(label)
        if family is None:
            continue
        while start < end and tokens[start].lower in _EDGE_WORDS:
            start += 1
        while end > start and (
            tokens[end - 1].lower in _EDGE_WORDS or tokens[end - 1].pos == "PUNCT"
        ):
            end -= 1
        if start >= end or any(tokens[p].lower in PLACEHOLDERS for p in range(start, end)):
            continue  # "UNK", "TK": a word not yet known is no value
        head = _run_head(analysis, start, end)
        found = _role(analysis, head, bounds.first_token, bounds.end_token)
        if found is None:
            continue
        role, governor = found
        span = Span(tokens[start].span.start, tokens[end - 1].span.end)
        number = None
        if family in {"number", "time"}:
            number = next(
                (
                    n
                    for n in numbers
                    if n.first_token + bounds.first_token <= head < n.end_token + bounds.first_token
                ),
                None,
            )
        if number is not None:
            # The number as read: "$5bn" with its currency, where the model's span may not.
            start = min(start, number.first_token + bounds.first_token)
            end = max(end, number.end_token + bounds.first_token)
            span = Span(tokens[start].span.start, tokens[end - 1].span.end)
        key = _joined(tokens[start:end])
        if modifiers is None:
            modifiers = _modifiers(analysis, bounds)
        qualifiers = frozenset(
            lemma for position, lemma in modifiers.get(governor, ()) if not start <= position < end
        )
        yield SlotValue(family, key, span, sentence, role, start, end, number, qualifiers)


def _modifiers(analysis: Analysis, bounds: Sentence) -> dict[int, list[tuple[int, str]]]:
    """(position, anchor) of the adjectives and nouns that modify each word of the
    sentence, by the word's position: a value's qualifiers are those of the word it
    hangs on, outside its own run. Read once a sentence, not once a value."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for position in range(bounds.first_token, bounds.end_token):
        parse = analysis.parses[position]
        if parse.relation not in _QUALIFYING or parse.entity:
            continue  # an entity is another value, compared in its own slot
        lemma = _anchor(analysis.tokens[position])
        if lemma is not None:
            found[parse.head].append((position, lemma))
    return found


def _run_head(analysis: Analysis, start: int, end: int) -> int:
    """The token of the run whose head is outside it: the run's own head."""
    for position in range(start, end):
        if not start <= analysis.parses[position].head < end:
            return position
    return end - 1


def _role(analysis: Analysis, head: int, first: int, end: int) -> tuple[str, int] | None:
    """What the value is to its sentence: the relation and the word it hangs on."""
    parse = analysis.parses[head]
    for _ in range(_MAX_CONJUNCTS):
        if parse.relation != "conj" or parse.head == head:
            break
        head = parse.head
        parse = analysis.parses[head]
    governor = parse.head
    if governor == head or not first <= governor < end:
        return None
    relation = parse.relation
    if relation in _MODIFIERS:
        kind = "mod"
    elif relation in _SUBJECTS:
        kind = "subj"
    elif relation in _OBJECTS:
        kind = "obj"
    elif relation == "appos":
        kind = "appos"
    elif relation == "pobj":
        # The object of "of", "in", "from": the preposition and what it hangs on.
        kind = analysis.tokens[governor].lower
        governor = analysis.parses[governor].head
        if not first <= governor < end:
            return None
    else:
        return None
    word = analysis.tokens[governor]
    lemma = word.lemma or word.lower
    if lemma in TITLE_WORDS or lemma in ROLE_GROUPS or _describes_person(analysis, governor):
        return None  # "Liberal Democrat leader": a title, for the title checks
    return f"{kind}:{lemma}", governor


def _describes_person(analysis: Analysis, noun: int) -> bool:
    """Is ``noun`` a person's title by the parse: "as high commissioner", "X, the
    envoy", "envoy X"? A place in a title is the title checks' business."""
    parse = analysis.parses[noun]
    governor = parse.head
    if parse.relation == "pobj" and analysis.tokens[governor].lower == "as":
        return True
    if parse.relation == "appos" or analysis.parses[governor].entity == "PERSON":
        return parse.relation in {"appos", "compound"}
    return False


class AnchorIndex:
    """The corpus's slot values by family and role, its anchors' rarity, and every
    value it states: what a draft value is compared with."""

    def __init__(self, sentences: Iterable[AnchoredSentence]) -> None:
        self._by_role: dict[tuple[str, str], list[tuple[SlotValue, AnchoredSentence]]] = (
            defaultdict(list)
        )
        self._frequency: dict[str, int] = defaultdict(int)
        self._sentences = 0
        self._stated_numbers: set[tuple[str, tuple[float, ...]]] = set()
        self._stated_keys: dict[str, bool] = {}
        self._texts: list[str] = []
        self._name_words: set[str] = set()
        self._by_lemma: dict[str, list[AnchoredSentence]] = defaultdict(list)
        for sentence in sentences:
            self._sentences += 1
            self._texts.append(sentence.text)
            for lemma in sentence.lemmas:
                self._frequency[lemma] += 1
                if sentence.values:
                    self._by_lemma[lemma].append(sentence)
            for value in sentence.values:
                self._by_role[(value.family, value.role)].append((value, sentence))
                if value.family in _NAMED:
                    self._name_words |= _name_words(value.key)
                if value.number is not None:
                    self._stated_numbers.add(value.number.key)
        self._corpus_text = "\n".join(self._texts)

    def add_numbers(self, numbers: Iterable[NumberValue]) -> None:
        """Numbers the corpus states outside any marked entity still count as stated."""
        self._stated_numbers.update(n.key for n in numbers)

    def weight(self, lemma: str) -> float:
        """Rarer anchors weigh more."""
        return math.log(1 + (self._sentences + 1) / (self._frequency.get(lemma, 0) + 1))

    def states(self, value: SlotValue) -> bool:
        """Does some corpus document state ``value``, by its number or its words?"""
        if value.number is not None and value.number.key in self._stated_numbers:
            return True
        # A scan of the whole corpus text: once per key, however many drafts ask.
        stated = self._stated_keys.get(value.key)
        if stated is None:
            stated = self._stated_keys[value.key] = _contains_words(self._corpus_text, value.key)
        return stated

    def contradictions(self, draft: AnchoredSentence) -> list[SlotContradiction]:
        """Draft values the corpus never states, where a parallel corpus sentence
        has another value of the same family in the same role."""
        found = []
        for value in draft.values:
            if self.states(value):
                continue
            if value.family in _NAMED and _name_words(value.key) & self._name_words:
                continue  # a known name misspelt or written otherwise: the name checks' case
            best: SlotContradiction | None = None
            # The value's anchors and their weight, once for every corpus value of its role.
            near = self._near(draft, value) - {value.role.split(":", 1)[1]}
            total = sum(self.weight(lemma) for lemma in near)
            for corpus, sentence in self._by_role.get((value.family, value.role), ()):
                if sentence.source == draft.source or _contains_words(draft.text, corpus.key):
                    continue  # the draft states the corpus's value too: moved, not replaced
                if _shares_word(value, corpus):
                    continue  # "Stan X" for "Stan Y": a variant of one name, for the name checks
                if value.family == "number" and not value.qualifiers <= corpus.qualifiers:
                    continue  # a count of other things ("new vessels", "registered vessels")
                if _other_kind(value, corpus):
                    continue  # "$5bn" is no slot for "5 per cent"
                shared = self._shared(near, total, sentence)
                if shared is not None and (best is None or shared > best.shared):
                    best = SlotContradiction(value, corpus, sentence, shared)
            if best is None:
                best = self._sole_value(draft, value)
            if best is not None:
                found.append(best)
        return found

    def _sole_value(self, draft: AnchoredSentence, value: SlotValue) -> SlotContradiction | None:
        """A number or date whose role the paraphrase changed ("sales of $4bn" for
        "deliveries of $5bn"): the corpus sentence that shares most of the value's
        anchors, closely, when it has exactly one value of the draft's kind."""
        if value.family not in _COUNTED:
            return None
        near = self._near(draft, value)
        scores: dict[tuple[str, int], float] = defaultdict(float)
        by_key: dict[tuple[str, int], AnchoredSentence] = {}
        for lemma in near:
            found = self._by_lemma.get(lemma, [])
            if len(found) > MAX_SENTENCES_PER_LEMMA:
                continue
            for sentence in found:
                if sentence.source != draft.source:
                    scores[(sentence.source, sentence.sentence)] += self.weight(lemma)
                    by_key[(sentence.source, sentence.sentence)] = sentence
        if not scores:
            return None
        key, score = max(scores.items(), key=lambda item: item[1])
        sentence = by_key[key]
        shared = near & sentence.lemmas
        total = sum(self.weight(lemma) for lemma in near)
        if len(shared) < SOLE_SHARED_ANCHORS or score < SOLE_SHARED_WEIGHT * total:
            return None
        if sum(1 for v in scores.values() if v == score) > 1:
            return None  # two sentences fit as well: no telling which says the same
        others = [
            corpus
            for corpus in sentence.values
            if corpus.family == value.family
            # The same role was compared above, and found to be no slot for the value.
            and corpus.role != value.role
            and _comparable(value, corpus)
            and not _contains_words(draft.text, corpus.key)
        ]
        if len(others) != 1:
            return None
        return SlotContradiction(value, others[0], sentence, len(shared))

    def _near(self, draft: AnchoredSentence, value: SlotValue) -> set[str]:
        """The draft's anchors near ``value`` that the corpus uses at all: a word
        the corpus never uses (a paraphrase, or a new fact) cannot tell one corpus
        sentence from another."""
        start, end = value.first_token, value.end_token
        return {
            lemma
            for position, lemma in draft.anchors
            if start - ANCHOR_WINDOW <= position < end + ANCHOR_WINDOW
            and not start <= position < end
            and lemma in self._frequency
        }

    def _shared(self, near: set[str], total: float, corpus: AnchoredSentence) -> int | None:
        """Of a draft value's anchors ``near`` (but its head), of weight ``total``, those
        that ``corpus`` shares, when they are enough."""
        if not near:
            return None
        shared = near & corpus.lemmas
        weight = sum(self.weight(lemma) for lemma in shared)
        if len(shared) < MIN_SHARED_ANCHORS or weight < MIN_SHARED_WEIGHT * total:
            return None
        return len(shared)


def _shares_word(a: SlotValue, b: SlotValue) -> bool:
    words_a, words_b = _words(a.key), _words(b.key)
    if _abbreviates(a.key, b.key) or _abbreviates(b.key, a.key):
        return True  # "WWII" and "World War II": one name, shortened
    if words_a <= words_b or words_b <= words_a:
        return True  # "Friday" and "Friday night": one said more precisely
    # "one-month" and "one-year" share a word and differ; two names do not.
    return a.family in _NAMED and bool(words_a & words_b)


_NUMERAL = re.compile(r"[ivxlc]+|\d+")


def _abbreviates(short: str, long: str) -> bool:
    """Is ``short`` the initials of ``long``'s words (numerals kept whole)?"""
    # Each key read once, not each pair: a draft value meets every corpus value of its role.
    letters = _letters(short)
    return bool(letters) and letters in _initials(long)


@lru_cache(maxsize=_KEYS_KEPT)
def _letters(key: str) -> str:
    """The key's word characters, as initials would be written ("W.W.I.I." is "WWII")."""
    return re.sub(r"[^\w]", "", key)


@lru_cache(maxsize=_KEYS_KEPT)
def _initials(key: str) -> tuple[str, ...]:
    """The initials a key of two words or more may be shortened to: its words' first
    letters with numerals kept whole, and its words' first letters; none for one word."""
    words = re.findall(r"\w+", key)
    if len(words) < 2:
        return ()
    return (
        "".join(w if _NUMERAL.fullmatch(w) else w[0] for w in words),
        "".join(w[0] for w in words),
    )


@lru_cache(maxsize=_KEYS_KEPT)
def _name_words(text: str) -> frozenset[str]:
    """The words of a name long enough to tell it ("duma", not "of" or "s")."""
    return frozenset(w for w in _words(text) if len(w) > 2 and w not in FUNCTION_WORDS)


@lru_cache(maxsize=_KEYS_KEPT)
def _words(text: str) -> frozenset[str]:
    # Asked of a draft value's key for every corpus value of its role.
    return frozenset(re.findall(r"\w+", text))


def _comparable(a: SlotValue, b: SlotValue) -> bool:
    """Two values of one kind said the same way: "$4bn" and "$5bn", "2024" and
    "2023", "third quarter" and "fourth quarter" (the same words, other numbers)."""
    if a.family == "number":
        return a.number is not None and b.number is not None and a.number.kind == b.number.kind
    frame_a, numbers_a = _frame(a.key)
    frame_b, numbers_b = _frame(b.key)
    return frame_a == frame_b and bool(numbers_a) and bool(numbers_b) and numbers_a != numbers_b


def _frame(key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A time value's words and its numbers ("third quarter": quarter; third)."""
    words = re.findall(r"\w+", key)
    numeric = tuple(w for w in words if _is_number_word(w))
    return tuple(w for w in words if not _is_number_word(w) and w not in FUNCTION_WORDS), numeric


def _is_number_word(word: str) -> bool:
    return word.isdigit() or cardinal_value(word) is not None or ordinal_value(word) is not None


def _other_kind(a: SlotValue, b: SlotValue) -> bool:
    return a.number is not None and b.number is not None and a.number.kind != b.number.kind


def _contains_words(text: str, words: str) -> bool:
    """``words`` in ``text`` as whole words (both folded)."""
    # Asked of the whole corpus text for each draft value, and of a draft sentence for
    # each candidate: most words are not in the text at all, which ``str.find`` tells
    # fastest; where they are, the pattern searches on from the first place.
    at = text.find(words)
    return at >= 0 and _whole_words(words).search(text, at) is not None


@lru_cache(maxsize=_KEYS_KEPT)
def _whole_words(words: str) -> re.Pattern[str]:
    """``words`` where no word character stands before or after them."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")


__all__ = [
    "FAMILIES",
    "AnchorIndex",
    "AnchoredSentence",
    "SlotContradiction",
    "SlotValue",
    "anchored_sentences",
]
