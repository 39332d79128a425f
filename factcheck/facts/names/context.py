"""What the words around a name say about it: whether a capitalised word is a
name at all, and whether a near name may be someone else.

A close spelling alone does not make a word a misspelt name: "Test" is one
letter from "West" and "Best" from "Belt", and a sentence or a heading starts
with a capital whatever its first word is. Nor does it make a near name the
known person: "Zhao Lei, a spokesman" is most likely not Zhao Leji, the
chairman. These are the general signals the name checker weighs before it
reports a name, and before it lets ``--fix`` rewrite one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from factcheck.facts.names.leading_titles import lower_case_words
from factcheck.model import Analysis, Mention, Span, Token
from factcheck.nlp.lexicon import ROLE_GROUPS, SPEECH_VERBS
from factcheck.nlp.nameruns import POSSESSIVE

if TYPE_CHECKING:
    from factcheck.facts.corpus import CorpusFacts


class DraftWords:
    """The ordinary words of one draft checked against one corpus."""

    def __init__(self, corpus: CorpusFacts, draft: Analysis) -> None:
        # Two sets, not their union: the corpus's is large and shared by every draft.
        self._corpus_words = corpus.common_words
        self._words = lower_case_words((draft,))
        self._draft = draft
        self._named_inside: set[str] | None = None  # names written inside a sentence

    def ordinary(self, word: str) -> bool:
        """A word of the language, not only of names: a stop word, or one the
        corpus or the draft writes in lower case."""
        lower = word.lower()
        return lower in STOP_WORDS or lower in self._words or lower in self._corpus_words

    def opens_sentence(self, mention: Mention) -> bool:
        """Does the mention start its sentence (a heading is a sentence of its own),
        or follow an opening quotation mark or a colon there?"""
        bounds = self._draft.sentences[mention.sentence]
        index = self._first_token(mention.span, bounds.first_token, bounds.end_token)
        if index is None:
            return False
        before = self._draft.tokens[bounds.first_token : index]
        return all(not token.text[:1].isalnum() for token in before)

    def used_as_name(self, mention: Mention) -> bool:
        """Does the draft show that a word opening a sentence is a name? A verb
        of speech or a possessive follows ("Volodim said", "Volodim's visit"),
        or an appositive role does, or the draft writes it capitalised inside a
        sentence too. (A tagger's proper-noun tag is no such sign: it gives one
        to a heading's lone common noun.)"""
        tokens = self._draft.tokens
        bounds = self._draft.sentences[mention.sentence]
        after = self._first_token_after(mention.span, bounds.first_token, bounds.end_token)
        if after is not None and (
            tokens[after].lower in SPEECH_VERBS or tokens[after].text in POSSESSIVE
        ):
            return True
        if self.role_after(mention) is not None:
            return True
        if self._named_inside is None:
            self._named_inside = {
                m.text for m in self._draft.mentions if not self.opens_sentence(m)
            }
        return mention.text in self._named_inside

    def role_after(self, mention: Mention) -> str | None:
        """The role noun of an appositive after the mention ("Zhao Lei, a spokesman,"):
        its group in the role lexicon, or None."""
        tokens = self._draft.tokens
        bounds = self._draft.sentences[mention.sentence]
        index = self._first_token_after(mention.span, bounds.first_token, bounds.end_token)
        if index is None or tokens[index].text != ",":
            return None
        index += 1
        if index < bounds.end_token and tokens[index].lower in {"a", "an", "the"}:
            index += 1
        return _role_group(tokens[index : min(index + 3, bounds.end_token)])

    def _first_token(self, span: Span, first: int, end: int) -> int | None:
        for index in range(first, end):
            if self._draft.tokens[index].span.start >= span.start:
                return index
        return None

    def _first_token_after(self, span: Span, first: int, end: int) -> int | None:
        for index in range(first, end):
            if self._draft.tokens[index].span.start >= span.end:
                return index
        return None


def _role_group(tokens: Sequence[Token]) -> str | None:
    """The longest run of ``tokens`` from the first that is a role noun ("vice-chairman")."""
    for size in range(len(tokens), 0, -1):
        written = "".join(
            token.text.lower()
            if index == 0 or token.span.start == tokens[index - 1].span.end
            else " " + token.text.lower()
            for index, token in enumerate(tokens[:size])
        )
        if written in ROLE_GROUPS:
            return ROLE_GROUPS[written]
    return None


def known_role_groups(corpus: CorpusFacts, person: str) -> set[str]:
    """The role groups the corpus gives ``person`` (canonical name)."""
    return {fact.role_group for fact in corpus.roles_of(person)}
