"""FC2xx: titles, roles and affiliations that contradict the corpus."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.facts import (
    FUNCTION_WORDS,
    PERSON_KINDS,
    LearntTitle,
    RoleFact,
    SwappedName,
    TitlePhrase,
    as_of,
    compatible,
    normalise,
    org_key,
    outdated,
    same_organisation,
    stated_by,
    title_phrases,
)
from factcheck.language import ROLE_GROUPS, VAGUE_TITLES
from factcheck.model import (
    Category,
    CodeInfo,
    Evidence,
    Finding,
    Mention,
    RoleClaim,
    Severity,
    Span,
)

WRONG_ORGANISATION = CodeInfo(
    code="FC201",
    name="wrong-organisation-for-role",
    category=Category.TITLE,
    severity=Severity.ERROR,
    summary="A person's role is placed in an organisation the corpus does not give them.",
)
WRONG_ROLE = CodeInfo(
    code="FC202",
    name="wrong-role",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="A person is given a role in an organisation that the corpus says differs.",
)


SWAPPED_ORGANISATION = CodeInfo(
    code="FC203",
    name="swapped-organisation",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="A sentence that matches the corpus names a different organisation in the same place.",
)

UNKNOWN_TITLE = CodeInfo(
    code="FC204",
    name="title-not-given",
    category=Category.TITLE,
    severity=Severity.WARNING,
    summary="A title before a person's name that the corpus never gives them.",
)


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (WRONG_ORGANISATION, WRONG_ROLE, SWAPPED_ORGANISATION, UNKNOWN_TITLE)


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    flagged: set[Span] = set()
    for claim in context.analysis.roles:
        finding = _check_claim(context, claim)
        if finding is not None:
            if finding.code == WRONG_ORGANISATION.code:
                flagged.add(claim.org_span)  # FC201 already names the right body
            flagged.add(claim.span)
            yield finding
    yield from _learnt_title_findings(context, flagged)
    for swap in context.corpus.swapped_names(context.analysis, "org"):
        if swap.span not in flagged and not _corpus_links(context, swap):
            note, related = _related_bodies(context, swap.found, swap.expected)
            yield context.finding(
                SWAPPED_ORGANISATION.code,
                swap.span,
                f"where the corpus says the same thing it names the {swap.expected}, "
                f"not the {swap.found}{note}",
                expected=swap.expected,
                evidence=swap.evidence + related,
            )


def _corpus_links(context: CheckContext, swap: SwappedName) -> bool:
    """Does a corpus sentence that names the draft's organisation share as many of
    the draft sentence's words as the parallel sentence that names another? Then
    the draft follows that sentence ("promoted from the Home Office, where he had
    been prisons minister"), and the body is not in the wrong place."""
    corpus = context.corpus
    body = corpus.names.entity(swap.found)
    mention = next((m for m in context.analysis.mentions if m.span == swap.span), None)
    if body is None or mention is None:
        return False
    names = _words(swap.found) | _words(swap.expected)
    sentence = context.analysis.sentences[mention.sentence].span
    draft = _words(context.document.prose[sentence.start : sentence.end]) - names
    parallel = max(
        (len(draft & _words(_sentence_of(context, e))) for e in swap.evidence), default=0
    )
    spellings = set(body.spellings)
    for source in sorted(set().union(*body.spellings.values())):
        text = corpus.texts.get(source)
        if text is None:
            continue
        for named in text.analysis.mentions:
            if (
                named.text in spellings
                and len(draft & _words(text.quote(named.sentence))) >= parallel
            ):
                return True
    return False


def _sentence_of(context: CheckContext, evidence: Evidence) -> str:
    """The whole corpus sentence an evidence excerpt ("…words…") is cut from."""
    excerpt = evidence.quote.strip("…").strip()
    text = context.corpus.texts.get(evidence.source)
    if text is None:
        return excerpt
    for number in range(len(text.analysis.sentences)):
        sentence = text.quote(number)
        if excerpt in sentence:
            return sentence
    return excerpt


def _words(text: str) -> set[str]:
    """A sentence's words that can make two sentences parallel: not function words."""
    return {
        w for w in re.findall(r"[\w’'-]+", text.lower()) if len(w) >= 3 and w not in FUNCTION_WORDS
    }


def _related_bodies(
    context: CheckContext, found: str, expected: str
) -> tuple[str, tuple[Evidence, ...]]:
    """A note for the message when the two bodies are related (one contains the
    other, or both belong to one), and the corpus sentences that say so.

    The finding and its severity stay: a sibling chamber or the parent body is
    still another institution with other members, so the statement is as wrong
    as with an unrelated body. The note only says which mix-up it likely is.
    """
    hierarchy = context.corpus.hierarchy(context.options.organisation_parents)
    relation = hierarchy.relation(found, expected)
    if relation is None:
        return "", ()
    return f" (related bodies: {relation.note}; not the same)", relation.evidence


def _check_claim(context: CheckContext, claim: RoleClaim) -> Finding | None:
    corpus = context.corpus
    person = corpus.resolve_person(claim.holder)
    if person is None:
        return None
    group = ROLE_GROUPS.get(claim.role.lower(), claim.role.lower())
    # A misspelt organisation is FC102's; the role is checked against the body meant.
    organisation = corpus.resolve_organisation(claim.organisation)
    key = corpus.org_key(organisation)
    same_body = corpus.same_organisation
    # Only the facts a claim can contradict: its role elsewhere, or its body with another role.
    known = [
        r
        for r in corpus.roles_of(person.canonical)
        if r.role_group == group or same_body(r.org_key, key)
    ]
    matching = [r for r in known if r.role_group == group and same_body(r.org_key, key)]
    current = as_of(known, context.date)
    if current is not None and matching and all(outdated(r, current) for r in matching):
        return _outdated(context, claim, person.canonical, group, matching, current)
    if not known or matching:
        return None
    # Dated, the claim is compared with the titles current on the draft's date.
    known = current or known
    same_role = [r for r in known if r.role_group == group]
    if same_role:
        best = max(same_role, key=lambda r: r.support)
        note, related = _related_bodies(context, organisation, best.organisation)
        return context.finding(
            WRONG_ORGANISATION.code,
            claim.org_span,
            f"{person.canonical} is {best.role} of the {best.organisation} in the corpus, "
            f"not of the {claim.organisation}{note}",
            expected=best.organisation,
            fix=best.organisation,
            evidence=best.evidence() + related,
        )
    same_org = [r for r in known if same_body(r.org_key, key)]
    if same_org:
        best = max(same_org, key=lambda r: r.support)
        return context.finding(
            WRONG_ROLE.code,
            claim.span,
            f"{person.canonical} is {best.role} of the {best.organisation} in the corpus, "
            f"not {claim.role}",
            expected=best.role,
            evidence=best.evidence(),
        )
    return None


def _outdated(
    context: CheckContext,
    claim: RoleClaim,
    person: str,
    group: str,
    matching: list[RoleFact],
    current: list[RoleFact],
) -> Finding:
    """The claim matches a title the corpus gives the person at another time than the
    draft's date: before a later appointment, or only after the draft's date."""
    assert context.date is not None  # ``current`` is only chosen for a dated draft
    best = max(current, key=lambda r: r.support)
    when = stated_by(best, context.date)
    then = ", ".join(sorted(f"{d:%B %Y}" for r in matching for d in r.dates))
    moved = best.role_group == group  # the same role in another body, or another role
    return context.finding(
        WRONG_ORGANISATION.code if moved else WRONG_ROLE.code,
        claim.org_span if moved else claim.span,
        f"the corpus's latest statement before this draft's date ({when:%B %Y}) makes "
        f"{person} {best.role} of the {best.organisation}; it gives {claim.role} "
        f"of the {claim.organisation} only in {then}",
        expected=best.organisation if moved else best.role,
        evidence=best.evidence() + matching[0].evidence(limit=1),
    )


def _learnt_title_findings(context: CheckContext, flagged: set[Span]) -> Iterable[Finding]:
    """FC204: a title the corpus never gives the person; FC201: a title the corpus
    gives, of a body or place it never gives the person that title in."""
    corpus = context.corpus
    learnt = corpus.learnt_titles()
    for phrase in title_phrases(context.analysis, context.document.prose):
        # A role claim already reported ("<name>, chairman of <body>") is not read again.
        if any(_overlap(phrase.span, span) for span in flagged):
            continue
        # A misspelt name is FC101's; its correction may be someone else, so the
        # title is compared only when the name is written as the corpus has it.
        person = corpus.person(phrase.holder.text)
        if person is None or person.kind not in PERSON_KINDS:
            continue
        known = learnt.titles_of(person.canonical)
        words = normalise(phrase.words)
        if not words or not learnt.is_title_head(words[-1]):
            continue
        agreeing = [t for t in known if compatible(words, t.words)]
        if agreeing:
            finding = _organisation_finding(context, phrase, person.canonical, agreeing)
            if finding is not None:
                flagged.add(finding.span)
                yield finding
            continue
        # A past title is compared only with the corpus's past titles, a current one
        # with its current titles: "former coach" says nothing of a new post.
        same_time = [
            t for t in known if t.past == phrase.past and learnt.is_title_head(t.words[-1])
        ]
        if (
            not same_time
            or words[-1] in VAGUE_TITLES
            or _role_fact_agrees(context, person.canonical, phrase.words)
        ):
            continue
        best = max(same_time, key=lambda t: t.support)
        written = context.text(phrase.span)
        flagged.add(phrase.span)
        yield context.finding(
            UNKNOWN_TITLE.code,
            phrase.span,
            f"the corpus calls {person.canonical} {_title_text(best)}, never {written}",
            expected=" ".join(best.words),
            evidence=best.evidence(),
            safe=False,
        )


def _overlap(left: Span, right: Span) -> bool:
    return left.start < right.end and right.start < left.end


def _title_text(title: LearntTitle) -> str:
    return ("former " if title.past else "") + " ".join(title.words)


def _organisation_finding(
    context: CheckContext, phrase: TitlePhrase, person: str, agreeing: list[LearntTitle]
) -> Finding | None:
    """FC201 for a title the corpus gives the person, but of other bodies or places
    of the same kind only ("Italy coach" where the corpus has "Scotland coach").
    A corpus that gives the title in two such bodies is split: info, not an error."""
    written = phrase.organisation
    if written is None or phrase.organisation_by_reference:
        return None
    kind = _kind(context, written)
    # A misspelt body is FC102's: the title is compared with the body meant.
    meant = context.corpus.resolve_organisation(written.text) if kind == "ORG" else written.text
    others: dict[str, tuple[Mention, LearntTitle]] = {}
    for title in agreeing:
        for organisation in title.organisations:
            if _kind(context, organisation) != kind:
                continue
            if _same_body(context, kind, meant, organisation.text):
                return None
            others.setdefault(
                _place_or_body_key(context, kind, organisation.text), (organisation, title)
            )
    if not others or kind is None:
        return None
    support = {key: title.support for key, (_, title) in others.items()}
    expected, title = others[max(support, key=lambda k: support[k])]
    split = len(others) > 1
    return context.finding(
        WRONG_ORGANISATION.code,
        written.span,
        f"the corpus gives {person} the title {' '.join(title.words)} of "
        f"{expected.text}, never of {written.text}"
        + (" (the corpus names more than one)" if split else ""),
        expected=expected.text,
        evidence=title.evidence(),
        severity=Severity.INFO if split else None,
        safe=False,
    )


def _kind(context: CheckContext, mention: Mention) -> str | None:
    """A place (its name or its adjective: compared only with its own kind) or a
    body, as the corpus classes the name, else as the mention is labelled."""
    entity = context.corpus.names.entity(mention.text)
    label = entity.kind if entity is not None and entity.kind != "MISC" else mention.label
    if label == "NORP" and context.corpus.org_key(mention.text):
        return "ORG"  # "Tory", "Liberal Democrat": a party, not a nationality
    return label if label in {"GPE", "NORP", "ORG", "LOC"} else None


def _place_or_body_key(context: CheckContext, kind: str | None, name: str) -> str:
    """A body's key keeps its place words: "Leeds University" is not "Keele University"."""
    if kind == "ORG":
        return org_key(name, context.corpus.acronyms, frozenset())
    return " ".join(name.lower().replace("’s", "").replace("'s", "").split())


def _same_body(context: CheckContext, kind: str | None, left: str, right: str) -> bool:
    left_key = _place_or_body_key(context, kind, left)
    right_key = _place_or_body_key(context, kind, right)
    if kind == "ORG":
        return same_organisation(left_key, right_key)
    return left_key == right_key


def _role_fact_agrees(context: CheckContext, person: str, words: tuple[str, ...]) -> bool:
    """A role fact ("<name>, chairman of <body>") of the title's group: not a conflict."""
    groups = {ROLE_GROUPS.get(" ".join(words[i:]), "") for i in range(len(words))} - {""}
    return any(r.role_group in groups for r in context.corpus.roles_of(person))
