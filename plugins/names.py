"""FC1xx: names of people and organisations spelt differently from the corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.facts import (
    DraftWords,
    FirstNameSlip,
    NameBook,
    NameEntity,
    SwappedName,
    content_words,
    first_name_slip,
    known_role_groups,
    may_be_another_word,
    name_tokens,
    normalise_name,
    romanised_alike,
    same_organisation,
    short_and_one_letter_apart,
    swapped_participants,
)
from factcheck.language import plural
from factcheck.model import Category, CodeInfo, Finding, Mention, Severity, Span

MISSPELT_PERSON = CodeInfo(
    code="FC101",
    name="misspelt-person-name",
    category=Category.NAME,
    severity=Severity.ERROR,
    summary="A person's name is close to a name in the corpus but spelt differently.",
    safe_fix=True,
)
MISSPELT_ORGANISATION = CodeInfo(
    code="FC102",
    name="misspelt-organisation-name",
    category=Category.NAME,
    severity=Severity.ERROR,
    summary="An organisation's name is close to one in the corpus but spelt differently.",
    safe_fix=True,
)
UNKNOWN_PERSON = CodeInfo(
    code="FC103",
    name="unknown-person",
    category=Category.NAME,
    severity=Severity.INFO,
    summary="A person's name that the corpus does not know and that is close to none it knows.",
)

SWAPPED_PERSON = CodeInfo(
    code="FC104",
    name="swapped-person",
    category=Category.NAME,
    severity=Severity.WARNING,
    summary="A sentence that matches the corpus names a different person in the same place.",
)

SWAPPED_PLACE = CodeInfo(
    code="FC106",
    name="swapped-place-or-thing",
    category=Category.NAME,
    severity=Severity.WARNING,
    summary="A place or named thing the corpus never gives, where it names another in that role.",
)

WRONG_FIRST_NAME = CodeInfo(
    code="FC107",
    name="wrong-first-name",
    category=Category.NAME,
    severity=Severity.WARNING,
    summary="A known surname with a first name the corpus never gives that person.",
)

SPELLING_VARIANT = CodeInfo(
    code="FC105",
    name="spelling-variant",
    category=Category.NAME,
    severity=Severity.WARNING,
    summary="A name romanised differently from the corpus's spelling (house style, not a typo).",
    safe_fix=True,
)

# Places are left alone: many real places differ by a letter (Russia, Prussia).
_CHECKED_KINDS = {"PERSON", "ORG", "MISC", "FAC"}
# A lone word is checked only against people and bodies the corpus names by
# one word: a one-word place or thing of the corpus ("West", "Belt"), or a
# word it writes only inside a longer name ("Hall"), is a letter from many
# ordinary words.
_CHECKED_ALONE = {"PERSON", "ORG"}
# A word this short may be a name of its own ("Lei", "Jie"): different people's
# names differ by a letter there.
_SHORT_WORD = 3


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (
        MISSPELT_PERSON,
        MISSPELT_ORGANISATION,
        UNKNOWN_PERSON,
        SWAPPED_PERSON,
        SPELLING_VARIANT,
        SWAPPED_PLACE,
        WRONG_FIRST_NAME,
    )


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    names = context.corpus.names
    accepted = {s.lower() for s in context.options.accepted_spellings}
    words = DraftWords(context.corpus, context.analysis)
    swaps = [
        swap
        for swap in context.corpus.swapped_names(context.analysis, "person")
        # The corpus says it of the draft's person too, in closer words.
        if not _found_in_a_closer_sentence(context, swap)
    ]
    for swap in swapped_participants(
        context.corpus, context.analysis, context.document.prose, context.date
    ):
        if not any(swap.span.overlaps(other.span) for other in swaps):
            swaps.append(swap)
    for swap in swaps:
        yield context.finding(
            SWAPPED_PERSON.code,
            swap.span,
            f"where the corpus says the same thing it names {swap.expected}, not {swap.found}",
            expected=swap.expected,
            evidence=swap.evidence,
        )
    for swap in context.corpus.swapped_names(context.analysis, "place"):
        yield context.finding(
            SWAPPED_PLACE.code,
            swap.span,
            f"where the corpus says the same thing it names {swap.expected}, not {swap.found}, "
            "and it never names the latter",
            expected=swap.expected,
            evidence=swap.evidence,
        )
    for mention in context.analysis.mentions:
        name = normalise_name(mention.text)
        if name.lower() in accepted or names.is_known(name):
            continue
        if names.as_attested_as_canonical(name):
            continue  # the corpus spells it both ways equally often
        people = names.initials_contradict(name)
        if people:
            yield _wrong_initials(context, mention.span, name, people)
            continue
        correction = names.correct(name)
        if correction is not None:
            fixed, entity = correction
            place = entity.canonical.lower() in context.corpus.place_words
            if entity.kind not in _CHECKED_KINDS or place:
                continue  # a place one letter off is often another place
            if entity.kind != "PERSON" and _inflected(name, fixed):
                continue  # "the Stan Freberg Shows": a plural, not a misspelling
            alone = len(name_tokens(name)) == 1
            if alone and not _lone_word_checked(mention, name, fixed, entity, words, names):
                continue  # "Test results ...", "# Best picks", "Wall": ordinary words
            yield _misspelt(context, mention, name, fixed, entity, words)
        elif (
            slip := first_name_slip(
                context.corpus, context.analysis, mention, context.options.name_threshold
            )
        ) is not None:
            yield _wrong_first_name(context, mention, name, slip)
        elif (
            mention.label == "PERSON"
            and len(name.split()) > 1
            and not _any_word_known(context, name)
        ):
            yield context.finding(
                UNKNOWN_PERSON.code,
                mention.span,
                f"'{name}' is not a person the corpus knows; check the spelling against a source",
            )


def _wrong_first_name(
    context: CheckContext, mention: Mention, name: str, slip: FirstNameSlip
) -> Finding:
    known = slip.person.canonical
    beside = ", ".join(slip.company)
    fact = context.corpus.name_fact(known)
    # No fix: a first name the corpus never gives may still be a relative's.
    return context.finding(
        WRONG_FIRST_NAME.code,
        mention.span,
        f"the {name_tokens(known)[-1]} the corpus names beside {beside} is {known}, not {name}",
        expected=known,
        evidence=fact.evidence(),
    )


def _found_in_a_closer_sentence(context: CheckContext, swap: SwappedName) -> bool:
    """Does a corpus sentence that names the draft's person share at least as many
    of the draft sentence's words as the sentence naming the other one does? Then
    the draft repeats what the corpus says of its own person ("..., said X, a
    strategist at Y" where another analyst at Y is quoted elsewhere)."""
    sentence = context.analysis.sentences[_sentence_at(context, swap.span)]
    names = set(content_words(f"{swap.found} {swap.expected}"))
    draft = content_words(context.document.prose[sentence.span.start : sentence.span.end]) - names
    swapped = max((len(draft & content_words(e.quote)) for e in swap.evidence), default=0)
    own = context.corpus.name_fact(swap.found).occurrences
    return any(len(draft & content_words(o.quote)) >= swapped for o in own)


def _sentence_at(context: CheckContext, span: Span) -> int:
    for mention in context.analysis.mentions:
        if mention.span == span:
            return mention.sentence
    return 0


def _lone_word_checked(
    mention: Mention,
    name: str,
    fixed: str,
    entity: NameEntity,
    words: DraftWords,
    names: NameBook,
) -> bool:
    """Is a single word close to a known name worth reporting? Only when the
    corpus calls a person or a body by that one word ("Volodin said"; not
    "Hall" of the Great Hall of the People) written the same way (not an
    acronym), and, when the word opens a sentence or a heading, only when it
    is no ordinary word and the draft shows it is a name: every sentence
    opens with a capital ("Test results ...", "Read the report")."""
    if entity.kind not in _CHECKED_ALONE or not names.writes_alone(fixed, entity):
        return False
    if fixed.isupper() and not name.isupper():
        return False  # "Brick" is not a misspelt "BRICS"
    if not words.opens_sentence(mention):
        return True
    return not words.ordinary(name) and words.used_as_name(mention)


def _inflected(name: str, fixed: str) -> bool:
    """The names differ only by a plural ending on the last word."""
    shorter, longer = sorted((name.lower(), fixed.lower()), key=len)
    return longer in (shorter + "s", shorter + "es")


def _any_word_known(context: CheckContext, name: str) -> bool:
    return any(context.corpus.names.knows_word(word) for word in name.split())


def _wrong_initials(
    context: CheckContext, span: Span, name: str, people: list[NameEntity]
) -> Finding:
    """Initials that fit no known person of that surname: a slip, or someone the
    corpus does not know (a relative, a namesake). Only a warning, and no fix:
    which of the two it is, the corpus cannot say."""
    known = " or ".join(sorted(p.canonical for p in people))
    fact = context.corpus.name_fact(people[0].canonical)
    return context.finding(
        MISSPELT_PERSON.code,
        span,
        f"the initials of '{name}' fit no one the corpus knows by that surname: it knows {known}",
        expected=known,
        evidence=fact.evidence(),
        severity=Severity.WARNING,
    )


def _changed_words(name: str, fixed: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(name_tokens(name), name_tokens(fixed), strict=False) if a != b]


def _share(support: int, context: CheckContext) -> str:
    """How many documents write the name so, of those the facts come from: the whole
    corpus, or the documents the fact index selected from a larger one."""
    read = len(context.corpus.documents)
    whole = context.corpus.corpus_documents
    share = f"{support} of {plural(read, 'document')}"
    return share if whole is None else f"{share} read for this draft, of {whole:,}"


def _other_person(
    context: CheckContext,
    mention: Mention,
    name: str,
    fixed: str,
    entity: NameEntity,
    words: DraftWords,
) -> str | None:
    """Why ``name`` may be someone other than the known person ``fixed``, or None.

    A spelling the corpus itself uses for the person is that person. Otherwise
    the context may contradict it: another role, another organisation, or a
    changed word that is a word of its own (short, ordinary, or a short word
    a letter from the known one: "Tang" and "Yang" are two surnames)."""
    if entity.kind != "PERSON" or context.corpus.names.spells(name, entity):
        return None
    role = words.role_after(mention)
    known_roles = known_role_groups(context.corpus, entity.canonical)
    if role is not None and known_roles and role not in known_roles:
        return f"'{name}' is described as a {role}, which the corpus never calls {fixed}"
    organisations = _draft_organisations(context, mention)
    known_bodies = {f.org_key for f in context.corpus.roles_of(entity.canonical)}
    if (
        organisations
        and known_bodies
        and not any(same_organisation(a, b) for a in organisations for b in known_bodies)
    ):
        return f"'{name}' belongs to another organisation than {fixed} does in the corpus"
    for written, known in _changed_words(name, fixed):
        if len(written) <= _SHORT_WORD or words.ordinary(written):
            return f"'{written}' is a name or word of its own"
        if short_and_one_letter_apart(written, known):
            return f"'{written}' may be a name of its own, a letter from '{known}'"
    return None


def _draft_organisations(context: CheckContext, mention: Mention) -> set[str]:
    """The organisation keys the draft's role claims give this mention."""
    return {
        context.corpus.org_key(claim.organisation)
        for claim in context.analysis.roles
        if claim.holder_span.start < mention.span.end and mention.span.start < claim.holder_span.end
    }


def _misspelt(
    context: CheckContext,
    mention: Mention,
    name: str,
    fixed: str,
    entity: NameEntity,
    words: DraftWords,
) -> Finding:
    span = mention.span
    # Another romanisation names the same person right, in another house style:
    # worth aligning, but not the error a typo is.
    variant = romanised_alike(name, fixed)
    if variant:
        code = SPELLING_VARIANT.code
    else:
        code = MISSPELT_ORGANISATION.code if entity.kind == "ORG" else MISSPELT_PERSON.code
    # Fix only the name itself: a possessive or an article around it stays.
    start = context.document.text.find(name, span.start, span.end + 1)
    name_span = Span(start, start + len(name)) if start >= 0 else span
    fact = context.corpus.name_fact(fixed)
    share = _share(fact.support, context)
    other = None if variant else _other_person(context, mention, name, fixed, entity, words)
    if other is not None:
        return context.finding(
            code,
            name_span,
            f"'{name}' is close to '{fixed}' ({share}), but they may be different people:"
            f" {other}; check against a source",
            expected=fixed,
            fix=fixed,
            evidence=fact.evidence(),
            severity=Severity.WARNING,
            safe=False,
        )
    if variant and context.corpus.names.spells(name, entity):
        # The corpus itself writes the name both ways: its house style is mixed,
        # and the draft follows one of its own spellings.
        return context.finding(
            code,
            name_span,
            f"'{name}' is another romanisation of '{fixed}'; the corpus writes both,"
            f" '{fixed}' more often ({share})",
            expected=fixed,
            fix=fixed,
            evidence=fact.evidence(),
            severity=Severity.INFO,
            safe=False,
        )
    message = (
        f"'{name}' is another romanisation of '{fixed}', the corpus's spelling ({share})"
        if variant
        else f"'{name}' is spelt '{fixed}' in the corpus ({share})"
    )
    return context.finding(
        code,
        name_span,
        message,
        expected=fixed,
        fix=fixed,
        evidence=fact.evidence(),
        safe=start >= 0 and _safe_to_apply(context, name, fixed, entity, words),
    )


def _safe_to_apply(
    context: CheckContext, name: str, fixed: str, entity: NameEntity, words: DraftWords
) -> bool:
    """May ``--fix`` write ``fixed`` over ``name``? Only a name of several words,
    written as one run, with a right word beside the changed ones, and nothing
    changed that is a word of its own: no short word ("Zhao Lei" is a name of
    its own), no ordinary word, no place or nationality ("Russia's", "Russian"),
    no word more than one edit away, and in a person's name no short word a
    letter added, dropped or replaced ("Tang Jin" is not "Yang Jin")."""
    written, corrected = name_tokens(name), name_tokens(fixed)
    if len(written) < 2 or len(written) != len(corrected):
        return False
    places = context.corpus.place_words
    for before, after in _changed_words(name, fixed):
        if len(before) <= _SHORT_WORD or words.ordinary(before):
            return False
        if may_be_another_word(before, after) and (
            entity.kind == "PERSON" or not short_and_one_letter_apart(before, after)
        ):
            # "Xi Joining": matched only by likeness; "Tang Jin": another surname.
            # Beside the right words of a body's name a short word is a typo ("State Dums").
            return False
        if _stem(before) in places or _stem(after) in places:
            return False
    return True


def _stem(word: str) -> str:
    """The word without a possessive: "Russia's" is "russia"."""
    return word.lower().replace("’", "'").removesuffix("'s").removesuffix("'")
