"""FC1xx: names of people and organisations spelt differently from the corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.model import Category, CodeInfo, Finding, Severity, Span
from factcheck.namebook import NameEntity, normalise_name
from factcheck.spelling import romanised_alike

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


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (
        MISSPELT_PERSON,
        MISSPELT_ORGANISATION,
        UNKNOWN_PERSON,
        SWAPPED_PERSON,
        SPELLING_VARIANT,
    )


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    names = context.corpus.names
    accepted = {s.lower() for s in context.options.accepted_spellings}
    for swap in context.corpus.swapped_names(context.analysis, "person"):
        yield context.finding(
            SWAPPED_PERSON.code,
            swap.span,
            f"where the corpus says the same thing it names {swap.expected}, not {swap.found}",
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
            yield _misspelt(context, mention.span, name, fixed, entity)
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


def _misspelt(
    context: CheckContext, span: Span, name: str, fixed: str, entity: NameEntity
) -> Finding:
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
    # Safe only when the name is written as one run (no line break inside) and
    # no word of three letters or fewer changed: "Zhao Lei" is a name of its own.
    changed = [a for a, b in zip(name.split(), fixed.split(), strict=False) if a != b]
    safe = (
        start >= 0 and len(name.split()) == len(fixed.split()) and all(len(w) > 3 for w in changed)
    )
    fact = context.corpus.name_fact(fixed)
    share = f"{fact.support} of {len(context.corpus.documents)} documents"
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
        safe=safe,
    )
