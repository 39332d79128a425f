"""From a spaCy ``Doc`` to an :class:`~factcheck.model.Analysis` of plain records.

The statistical model is noisy on news names ("Volodin" as a place, "Duma
Vyacheslav Volodin" as one person), so names are not taken from its entity
spans. They are read off the tokens (runs of capitalised words, with titles
stripped and organisation heads splitting a run), and the model's labels are
kept only as votes that the corpus fact base adds up.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.model import (
    Analysis,
    CountExpression,
    Document,
    Mention,
    Quotation,
    RoleClaim,
    Sentence,
    Span,
    TimeExpression,
    Token,
)
from factcheck.nlp import lexicon
from factcheck.nlp.numbers import ordinal_value
from factcheck.nlp.timex import find_time_expressions

_NER_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "FAC": "FAC"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_QUOTE_PAIRS = re.compile(r"“([^”]{3,}?)”|\"([^\"\n]{3,}?)\"")
_SENTENCE_END = {".", "!", "?", "”", '"', "’", ")", "…", ":", ";"}
_SERIES_STOP = {",", ".", ";", ":", "with", "in", "on", "at", "as", "which", "that", "and", "to"}


def analyse(nlp: Language, document: Document, pipeline_key: str) -> Analysis:
    """Analyse one document with ``nlp``."""
    return analyse_many(nlp, [document], pipeline_key)[0]


def analyse_many(nlp: Language, documents: Sequence[Document], pipeline_key: str) -> list[Analysis]:
    """Analyse several documents in one ``nlp.pipe`` call (much faster than one by one)."""

    def with_context() -> Iterable[tuple[str, Document]]:
        for document in documents:
            yield document.prose, document

    results = []
    for doc, document in nlp.pipe(with_context(), as_tuples=True):
        results.append(_DocReader(doc, document, pipeline_key).analysis())
    return results


def _lemma(token_lemma: str, lower: str) -> str:
    if token_lemma:
        return token_lemma.lower()
    # The rule-based pipeline has no lemmatiser: a plural "s" is the one
    # inflection that matters for event and counted nouns.
    if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    return lower


def _is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(char.isalpha() for char in text)


class _DocReader:
    """Reads one spaCy doc; a class only to share the token tables between rules."""

    def __init__(self, doc: Doc, document: Document, pipeline_key: str) -> None:
        self.document = document
        self.pipeline_key = pipeline_key
        self.tokens: list[Token] = []
        self.ner: list[str] = []
        self.space_before: list[bool] = []  # a line break or blank before this token
        gap_has_newline = False
        # In plain text a line break ends a paragraph; Markdown and HTML wrap
        # lines inside a paragraph, so there only a blank line does.
        breaks_at = 1 if document.kind == "txt" else 2
        for spacy_token in doc:
            if spacy_token.is_space:
                newlines = spacy_token.text.count("\n")
                gap_has_newline = gap_has_newline or newlines >= breaks_at
                continue
            start = spacy_token.idx
            end = start + len(spacy_token.text)
            lower = spacy_token.text.lower()
            self.tokens.append(
                Token(
                    span=Span(start, end),
                    text=spacy_token.text,
                    lower=lower,
                    lemma=_lemma(spacy_token.lemma_, lower),
                    pos=spacy_token.pos_,
                    is_sent_start=bool(spacy_token.is_sent_start),
                )
            )
            self.ner.append(_NER_LABELS.get(spacy_token.ent_type_, ""))
            self.space_before.append(gap_has_newline)
            gap_has_newline = False
        self.index_by_start = {t.span.start: i for i, t in enumerate(self.tokens)}
        self.index_by_end = {t.span.end: i for i, t in enumerate(self.tokens)}
        self.sentences = self._sentences()
        self.sentence_starts = [self.tokens[s.first_token].span.start for s in self.sentences]

    # --- sentences -------------------------------------------------------

    def _sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        first = 0
        for index, token in enumerate(self.tokens):
            # The parser sometimes starts a sentence inside a name ("Yacheslav |
            # Volodin"); a start counts only after closing punctuation or a line break.
            after_stop = index > 0 and self.tokens[index - 1].text in _SENTENCE_END
            boundary = self.space_before[index] or (token.is_sent_start and after_stop)
            if index > first and boundary:
                sentences.append(self._sentence(first, index))
                first = index
        if first < len(self.tokens):
            sentences.append(self._sentence(first, len(self.tokens)))
        return sentences

    def _sentence(self, first: int, end: int) -> Sentence:
        span = Span(self.tokens[first].span.start, self.tokens[end - 1].span.end)
        return Sentence(span=span, first_token=first, end_token=end)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    # --- names -------------------------------------------------------------

    def _name_like(self, index: int, sentence: Sentence) -> bool:
        token = self.tokens[index]
        if not _is_capitalised(token.text) or token.lower in lexicon.NOT_NAMES:
            return False
        if token.lower in lexicon.PLACEHOLDERS:
            return False
        opens = index == sentence.first_token or self.tokens[index - 1].text in {"“", '"', ":"}
        if not opens:
            return True
        if token.lower in lexicon.SENTENCE_OPENERS:
            return False
        # A tagger, where there is one, knows a sentence-initial common word
        # ("Efforts should be made") from a name; it is less sure of rare
        # names ("Vyacheslav" as a verb), so a capitalised next word wins.
        if token.pos in {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "ADV"}:
            return False
        if token.pos in {"NOUN", "VERB", "ADJ"}:
            following = index + 1
            if following >= sentence.end_token:
                return False
            return _is_capitalised(self.tokens[following].text) or self._introduces_name(index)
        return True

    def _introduces_name(self, index: int) -> bool:
        """Is the word at ``index`` followed by what only follows a name: a speech
        verb ("Zhao said") or an appositive role ("Zhao, vice-chairman of")?"""
        following = index + 1
        if self.tokens[following].lower in lexicon.SPEECH_VERBS:
            return True
        if self.tokens[following].text != ",":
            return False
        role_at = following + 1
        if role_at < len(self.tokens) and self.tokens[role_at].lower == "the":
            role_at += 1
        role = self._role_word_at(role_at)
        after = role_at + role[1] if role is not None else len(self.tokens)
        return after < len(self.tokens) and self.tokens[after].lower == "of"

    def _runs(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Runs of name-like tokens, joined over hyphens, possessives and of/for."""
        runs: list[tuple[int, int]] = []
        index = sentence.first_token
        end = sentence.end_token
        while index < end:
            if not self._name_like(index, sentence):
                index += 1
                continue
            first = index
            index += 1
            while index < end:
                if self._name_like(index, sentence) and not self.space_before[index]:
                    index += 1
                    continue
                joined = self._joiner_length(first, index, end, sentence)
                if not joined:
                    break
                index += joined
            runs.extend(self._split_at_org_heads(first, index))
        return runs

    def _joiner_length(self, first: int, index: int, end: int, sentence: Sentence) -> int:
        """How many tokens at ``index`` glue the run to a name that follows, or 0."""
        token = self.tokens[index]
        previous = self.tokens[index - 1]
        after = index + 1
        if token.text == "-" and token.span.start == previous.span.end:
            return 1 if after < end and self._name_like(after, sentence) else 0
        if token.text in _POSSESSIVE and index - first >= 2:
            return 1 if after < end and self._name_like(after, sentence) else 0
        if token.lower in {"of", "for"} and previous.lower in lexicon.ORG_HEADS:
            if after < end and self.tokens[after].lower == "the":
                after += 1
            return after - index + 1 if after < end and self._name_like(after, sentence) else 0
        if token.text == "(" and index + 2 < end and self.tokens[index + 2].text == ")":
            acronym = self.tokens[index + 1].text
            following = index + 3
            if acronym.isupper() and following < end and self._name_like(following, sentence):
                return 3
        return 0

    def _split_at_org_heads(self, first: int, end: int) -> list[tuple[int, int]]:
        """Split "State Duma Vyacheslav Volodin" after the organisation head."""
        for index in range(first, end - 1):
            if self.tokens[index].lower not in lexicon.ORG_HEADS:
                continue
            rest = self.tokens[index + 1 : end]
            # A hyphen may join a title after the head ("Duma Vice-Chairman Volodin").
            if any(
                t.lower in lexicon.ORG_HEADS or not (t.text[:1].isalpha() or t.text == "-")
                for t in rest
            ):
                continue
            if any(t.lower in {"of", "for", "the"} for t in rest):
                continue
            return [(first, index + 1), *self._split_at_org_heads(index + 1, end)]
        return [(first, end)]

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        for sentence_index, sentence in enumerate(self.sentences):
            for first, end in self._runs(sentence):
                mention = self._mention(first, end, sentence_index)
                if mention is not None:
                    found.append(mention)
        return found

    def _strip_titles(self, first: int, end: int) -> int:
        """Skip "President", "Russian President", "Presidents" in front of a name."""
        for index in range(min(first + 3, end - 1) - 1, first - 1, -1):
            if _title_word(self.tokens[index].lower):
                return index + 1
        return first

    def _mention(self, first: int, end: int, sentence: int) -> Mention | None:
        name_first = self._strip_titles(first, end)
        tokens = self.tokens[name_first:end]
        if all(_title_word(t.lower) for t in tokens):
            return None
        span = Span(tokens[0].span.start, tokens[-1].span.end)
        text = self.document.prose[span.start : span.end]
        votes = Counter(label for label in self.ner[name_first:end] if label)
        ner_label = votes.most_common(1)[0][0] if votes else ""
        return Mention(
            span=span,
            text=text,
            label=self._label(name_first > first, name_first, end, ner_label),
            sentence=sentence,
            ner_label=ner_label,
        )

    def _label(self, titled: bool, first: int, end: int, ner_label: str) -> str:
        words = [t.lower for t in self.tokens[first:end]]
        if any(word in lexicon.ORG_HEADS for word in words):
            return "ORG"
        if titled:
            return "PERSON"
        if end < len(self.tokens) and self.tokens[end].lower in lexicon.SPEECH_VERBS:
            return "PERSON"
        if end - first == 1 and self.tokens[first].text.isupper() and len(words[0]) <= 6:
            return "ORG"  # an acronym: NPC, BRICS
        return ner_label or "MISC"

    # --- roles -------------------------------------------------------------

    def roles(self, mentions: Sequence[Mention]) -> list[RoleClaim]:
        by_start = {m.span.start: m for m in mentions}
        claims: list[RoleClaim] = []
        for position, mention in enumerate(mentions):
            first = self.index_by_start[mention.span.start]
            last = self.index_by_end[mention.span.end]
            claim = self._appositive_role(mention, last, by_start) or self._role_before(
                mention, first, by_start, mentions[position - 1] if position else None
            )
            if claim is not None:
                claims.append(claim)
        return claims

    def _role_word_at(self, index: int) -> tuple[str, int] | None:
        """The role noun starting at ``index`` ("vice-chairman"), and its token count."""
        for size in (3, 2, 1):
            candidate = self._role_words(index, size)
            if candidate is not None:
                return candidate, size
        return None

    def _role_word_ending_at(self, last: int) -> tuple[str, int] | None:
        """The role noun whose last token is ``last``, and its first token's index:
        "vice-chairman" is three tokens ending in "chairman"."""
        for size in (3, 2, 1):
            candidate = self._role_words(last - size + 1, size)
            if candidate is not None:
                return candidate, last - size + 1
        return None

    def _role_words(self, index: int, size: int) -> str | None:
        """The ``size`` tokens from ``index`` as a role in the lexicon, or None. A
        hyphen joins only what it touches ("vice-chairman", not "vice - chairman")."""
        if index < 0 or index + size > len(self.tokens):
            return None
        tokens = self.tokens[index : index + size]
        parts = [tokens[0].lower]
        for previous, token in itertools.pairwise(tokens):
            touching = previous.span.end == token.span.start
            hyphen = "-" in (previous.text, token.text)
            if hyphen and not touching:
                return None
            parts.append(token.lower if touching else " " + token.lower)
        candidate = "".join(parts)
        return candidate if candidate in lexicon.ROLE_GROUPS else None

    def _organisation_after(self, index: int, by_start: dict[int, Mention]) -> Mention | None:
        """The organisation named from ``index`` on, past "the" and "China's"."""
        steps = 0
        while index < len(self.tokens) and steps < 4:
            token = self.tokens[index]
            mention = by_start.get(token.span.start)
            if mention is not None:
                nxt = self.index_by_end[mention.span.end] + 1
                if nxt < len(self.tokens) and self.tokens[nxt].text in _POSSESSIVE:
                    index = nxt + 1  # "Russia's State Duma": the country is not the body
                    steps += 1
                    continue
                return mention if mention.label == "ORG" else None
            if token.lower not in {"the", "russian", "chinese"} and token.pos != "ADJ":
                return None
            index += 1
            steps += 1
        return None

    def _appositive_role(
        self, holder: Mention, last: int, by_start: dict[int, Mention]
    ) -> RoleClaim | None:
        """ "Vyacheslav Volodin, speaker of Russia's State Duma"."""
        index = last + 1
        if index >= len(self.tokens) or self.tokens[index].text != ",":
            return None
        index += 1
        if index < len(self.tokens) and self.tokens[index].lower == "the":
            index += 1
        role = self._role_word_at(index)
        if role is None or holder.label not in {"PERSON", "MISC"}:
            return None
        word, size = role
        of_index = index + size
        if of_index >= len(self.tokens) or self.tokens[of_index].lower != "of":
            return None
        organisation = self._organisation_after(of_index + 1, by_start)
        if organisation is None:
            return None
        return self._claim(holder, word, (index, index + size - 1), organisation)

    def _role_before(
        self,
        holder: Mention,
        first: int,
        by_start: dict[int, Mention],
        previous: Mention | None,
    ) -> RoleClaim | None:
        """ "Chairman of the Russian State Duma Vyacheslav Volodin" and
        "Russian State Duma Chairman Vyacheslav Volodin"."""
        if previous is None or previous.label != "ORG" or holder.label == "ORG":
            return None
        # The title stripped from the holder's run stands right before the name.
        title = self._role_word_ending_at(first - 1) if first >= 1 else None
        if title is not None and self.tokens[title[1]].span.start >= previous.span.end:
            between = self.document.prose[previous.span.end : self.tokens[title[1]].span.start]
            if between.strip() == "":
                return self._claim(holder, title[0], (title[1], first - 1), previous)
        # "Chairman of the <org> <name>": the org run ends right before the name.
        if self.document.prose[previous.span.end : holder.span.start].strip():
            return None
        org_first = self.index_by_start[previous.span.start]
        index = org_first - 1
        while index >= 0 and self.tokens[index].lower in {"the", "russian", "chinese"}:
            index -= 1
        if index < 1 or self.tokens[index].lower != "of":
            return None
        ending = self._role_word_ending_at(index - 1)
        if ending is None:
            return None
        return self._claim(holder, ending[0], (ending[1], index - 1), previous)

    def _claim(
        self, holder: Mention, role: str, role_tokens: tuple[int, int], organisation: Mention
    ) -> RoleClaim:
        """``role_tokens``: the role's first and last token ("vice", "-", "chairman")."""
        start = min(self.tokens[role_tokens[0]].span.start, organisation.span.start)
        end = max(organisation.span.end, self.tokens[role_tokens[1]].span.end)
        return RoleClaim(
            holder=holder.text,
            holder_span=holder.span,
            role=role,
            organisation=organisation.text,
            span=Span(start, end),
            org_span=organisation.span,
            sentence=holder.sentence,
        )

    # --- times, counts, quotations ------------------------------------------

    def times(self) -> list[TimeExpression]:
        return [
            TimeExpression(
                span=Span(raw.start, raw.end),
                text=raw.text,
                weekday=raw.weekday,
                year=raw.year,
                month=raw.month,
                day=raw.day,
                sentence=self.sentence_of(raw.start),
                relative=raw.relative,
            )
            for raw in find_time_expressions(self.document.prose)
        ]

    def _hyphenated_end(self, index: int) -> int:
        """One past the last token of the hyphenated word starting at ``index``: the
        tokenizer splits "seventy-fifth" into "seventy", "-", "fifth"."""
        end = index + 1
        while (
            end + 1 < len(self.tokens)
            and self.tokens[end].text == "-"
            and self.tokens[end - 1].span.end == self.tokens[end].span.start
            and self.tokens[end].span.end == self.tokens[end + 1].span.start
        ):
            end += 2
        return end

    def _ordinal_at(self, index: int) -> tuple[int, int] | None:
        """The ordinal starting at token ``index`` and its value, as (value, end token).

        The whole hyphenated word is read ("seventy-fifth" is 75, not "fifth"),
        else its longest leading part that is one ("20th-anniversary")."""
        for end in range(self._hyphenated_end(index), index, -2):
            start, stop = self.tokens[index].span.start, self.tokens[end - 1].span.end
            value = ordinal_value(self.document.prose[start:stop])
            if value is not None:
                return value, end
        return None

    def counts(self) -> list[CountExpression]:
        found: list[CountExpression] = []
        index = 0
        while index < len(self.tokens) - 1:
            first = index
            ordinal = self._ordinal_at(first)
            # Never start inside a hyphenated word: "fifth" of "seventy-fifth".
            index = self._hyphenated_end(first)
            if ordinal is None or ordinal[1] >= len(self.tokens):
                continue
            value, head_index = ordinal
            span = Span(self.tokens[first].span.start, self.tokens[head_index - 1].span.end)
            # "the 10th China-Russia meeting": skip capitalised modifiers.
            while head_index < len(self.tokens) - 1 and not self.tokens[head_index].text.islower():
                if self.tokens[head_index].text in {".", ",", ";"}:
                    break
                head_index += 1
            head = self.tokens[head_index]
            if head.lemma not in lexicon.COUNTED_NOUNS:
                continue
            found.append(
                CountExpression(
                    span=span,
                    text=self.document.prose[span.start : span.end],
                    value=value,
                    head=head.lemma,
                    series=self._series(head_index + 1),
                    sentence=self.sentence_of(span.start),
                )
            )
        return found

    def _series(self, index: int) -> str:
        """The "of ..." phrase after a counted noun, lower-cased, as its identity."""
        if index >= len(self.tokens) or self.tokens[index].lower != "of":
            return ""
        words: list[str] = []
        for token in self.tokens[index + 1 : index + 16]:
            if token.lower in _SERIES_STOP or token.is_sent_start:
                break
            words.append(token.lower)
        return " ".join(words)

    def quotations(self, mentions: Sequence[Mention]) -> list[Quotation]:
        found: list[Quotation] = []
        for match in _QUOTE_PAIRS.finditer(self.document.prose):
            group = 1 if match.group(1) is not None else 2
            span = Span(match.start(group), match.end(group))
            sentence = self.sentence_of(span.start)
            # The speaker is a name next to a verb of speech ("Zhao said", "said
            # Zhao") in the quotation's sentence or one beside it; the nearest
            # name alone may be a place or the subject of the quote ("on Twitter").
            people = [
                m
                for m in mentions
                if m.label in {"PERSON", "MISC"}
                and not span.overlaps(m.span)
                and abs(self.sentence_of(m.span.start) - sentence) <= 1
                and self._speaks(m)
            ]
            speaker = min(people, key=lambda m: _distance(m.span, span)).text if people else None
            found.append(
                Quotation(span=span, text=match.group(group), speaker=speaker, sentence=sentence)
            )
        return found

    def _speaks(self, mention: Mention) -> bool:
        """Is the name the subject of a verb of speech, right after or right before it?"""
        after = self.index_by_end[mention.span.end] + 1
        before = self.index_by_start[mention.span.start] - 1
        # Only the adjacent word is read: a verb further away may have another subject.
        if any(
            0 <= i < len(self.tokens) and self.tokens[i].lower in lexicon.SPEECH_VERBS
            for i in (after, before)
        ):
            return True
        return before >= 1 and [t.lower for t in self.tokens[before - 1 : before + 1]] == [
            "according",
            "to",
        ]

    def analysis(self) -> Analysis:
        mentions = self.mentions()
        return Analysis(
            path=self.document.path,
            sha256=self.document.sha256,
            pipeline=self.pipeline_key,
            published=self.document.published,
            tokens=tuple(self.tokens),
            sentences=tuple(self.sentences),
            mentions=tuple(mentions),
            roles=tuple(self.roles(mentions)),
            times=tuple(self.times()),
            counts=tuple(self.counts()),
            quotations=tuple(self.quotations(mentions)),
        )


def _title_word(lower: str) -> bool:
    return lower in lexicon.TITLE_WORDS or (
        lower.endswith("s") and lower[:-1] in lexicon.TITLE_WORDS
    )


def _distance(a: Span, b: Span) -> int:
    return min(abs(a.start - b.end), abs(b.start - a.end))
