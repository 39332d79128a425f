"""FC3xx: dates and weekdays that are wrong in themselves or against the corpus."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.facts import (
    DatedClaim,
    EventFact,
    Fact,
    SentenceEvent,
    TimePair,
    dated_claims,
    participants_match,
    resolve_time,
    same_occasion,
    same_predicate,
    same_when,
    sentence_events,
)
from factcheck.language import closest_date, month_name, plural, weekday_name
from factcheck.model import (
    Category,
    CodeInfo,
    Evidence,
    Finding,
    Severity,
    Span,
    TimeExpression,
)

WEEKDAY_MISMATCH = CodeInfo(
    code="FC301",
    name="weekday-does-not-match-date",
    category=Category.DATE,
    severity=Severity.ERROR,
    summary="A weekday is written with a date it does not fall on.",
    safe_fix=True,
)
EVENT_DATE_CONTRADICTS = CodeInfo(
    code="FC302",
    name="event-date-contradicts-corpus",
    category=Category.DATE,
    severity=Severity.ERROR,
    summary="An event's date or weekday differs from the one the corpus gives.",
)


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (WEEKDAY_MISMATCH, EVENT_DATE_CONTRADICTS)


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    flagged: set[Span] = set()
    events = list(sentence_events(context.corpus, context.analysis, context.date))
    parallel = context.corpus.parallel_times(context.analysis)
    by_time = {event.span: event for event in events}
    for time in context.analysis.times:
        finding = _weekday_mismatch(context, time, by_time.get(time.span), parallel)
        if finding is not None:
            flagged.add(time.span)
            yield finding
    for event in events:
        if event.span not in flagged:
            finding = _contradiction(context, event)
            if finding is not None:
                flagged.add(event.span)
                yield finding
    yield from _claim_contradictions(context, flagged)
    yield from _parallel_contradictions(context, parallel, flagged)


def _claim_contradictions(context: CheckContext, flagged: set[Span]) -> Iterable[Finding]:
    """Events of the parse (a predicate, its participants, its time) that the corpus
    dates otherwise: the same predicate with the same participants, of the same
    occasion, at another time, and nowhere at the draft's."""
    by_word: dict[str, list[DatedClaim]] = defaultdict(list)
    dated = _days_by_participant(context.corpus.claims)
    for claim in context.corpus.claims:
        for word in {claim.predicate, *claim.nouns}:
            by_word[word].append(claim)
    for draft in dated_claims(context.corpus, context.analysis, context.date):
        if draft.time.span in flagged:
            continue
        candidates = {
            id(claim): claim
            for word in {draft.predicate, *draft.nouns}
            for claim in by_word.get(word, ())
        }
        others = [
            claim
            for claim in candidates.values()
            if claim.source != context.analysis.path and same_predicate(draft, claim)
        ]
        # Any account that may be of this event and has the draft's time confirms it,
        # even one that names fewer of its participants; only a full match contradicts.
        if any(_compatible(draft, claim) and same_when(draft, claim) is True for claim in others):
            continue
        verdicts = [
            (claim, same_when(draft, claim)) for claim in others if participants_match(draft, claim)
        ]
        differing = [
            claim
            for claim, verdict in verdicts
            if verdict is False and (_dated(claim) or _claims_cover(draft, claim, dated))
        ]
        # The accounts that share most participants with the draft are of its event;
        # one sharing fewer may be another ("France's first win over England since").
        most = max((len(c.participants & draft.participants) for c in differing), default=0)
        differing = [c for c in differing if len(c.participants & draft.participants) == most]
        if most == 0 and draft.participants:
            # None of them names anyone the draft names: an account of the same
            # kind of event ("a hearing") from any story. Only one the corpus dates
            # to the draft's occasion is taken to be of its event.
            differing = [c for c in differing if _of_occasion(draft, c)]
        finding = _claim_finding(context, draft, differing) if differing else None
        if finding is not None:
            flagged.add(draft.time.span)
            yield finding


def _of_occasion(draft: DatedClaim, claim: DatedClaim) -> bool:
    """Does the corpus date the claim to a day of the draft's occasion?"""
    ours, theirs = draft.when.day, claim.when.day
    return ours is not None and theirs is not None and same_occasion(ours, theirs)


def _compatible(draft: DatedClaim, claim: DatedClaim) -> bool:
    """Could the two be one event: they name no participants apart?"""
    shared = draft.participants & claim.participants
    return bool(shared) or not draft.participants or not claim.participants


def _dated(claim: DatedClaim) -> bool:
    """Does the claim name a month or a day, not only a weekday?"""
    return claim.when.month is not None or claim.when.weekday is None


def _claims_cover(draft: DatedClaim, weekday: DatedClaim, dated: dict[str, list[dt.date]]) -> bool:
    """Can an undated corpus weekday be of the draft's occasion? A weekday alone may
    belong to any visit, years apart. It is taken to be of the draft's occasion when
    the corpus dates nothing its participants do, or dates something they do near
    the draft's day; not when it dates them only at other times. ``dated``: the days
    the corpus dates events of each participant to."""
    day = draft.when.day
    if day is None:
        return True  # an undated draft weekday against an undated corpus weekday
    days = [other for key in weekday.participants for other in dated.get(key, ())]
    return not days or any(same_occasion(other, day) for other in days)


def _days_by_participant(claims: Iterable[DatedClaim]) -> dict[str, list[dt.date]]:
    days: dict[str, list[dt.date]] = defaultdict(list)
    for claim in claims:
        if claim.when.day is not None:
            for key in claim.participants:
                days[key].append(claim.when.day)
    return days


def _claim_finding(
    context: CheckContext, draft: DatedClaim, claims: list[DatedClaim]
) -> Finding | None:
    by_value: dict[str, list[DatedClaim]] = defaultdict(list)
    for claim in claims:
        by_value[_claim_time(claim)].append(claim)
    # The corpus itself may be split: then no side is the expected one, and the
    # finding, an info, says that none of them is the draft's (as FC201 and
    # FC403 do).
    split = len(by_value) > 1
    support = {value: len({c.source for c in group}) for value, group in by_value.items()}
    ranked = sorted(by_value, key=lambda value: -support[value])
    evidence = tuple(
        Evidence(o.source, o.line, o.quote, support[value])
        for value in ranked
        for o in [
            context.corpus.texts[c.source].occurrence(c.sentence, c.time.span)
            for c in by_value[value][:1]
        ]
    )[:3]
    event = f"the {draft.written}" if draft.noun else f"this event (“{draft.written}”)"
    expected = ranked[0]
    message = f"the corpus dates {event} to {expected}"
    if split:
        documents = plural(support[expected], "document")
        others = ", ".join(ranked[1:])
        message += f" ({documents}) and also to {others}, never as the draft does: it is split"
    return context.finding(
        EVENT_DATE_CONTRADICTS.code,
        draft.time.span,
        message,
        expected=expected,
        evidence=evidence,
        severity=Severity.INFO if split else None,
    )


def _claim_time(claim: DatedClaim) -> str:
    """The corpus's time for an event, as fully as it says it."""
    when = claim.when
    if when.day is not None:
        return _long_date(when.day)
    if when.day_of_month is not None and when.month is not None:
        return f"{when.day_of_month} {month_name(when.month)}"
    if when.month is not None:
        return month_name(when.month) + (f" {when.year}" if when.year is not None else "")
    if when.weekday is not None:
        return weekday_name(when.weekday)
    return str(when.year)


def _parallel_contradictions(
    context: CheckContext, parallel: list[TimePair], flagged: set[Span]
) -> Iterable[Finding]:
    """Dates that differ from the date a parallel corpus sentence gives in their place:
    the same sentence with another day ("capital of China, Nov 19, 2023")."""
    by_span: dict[Span, list[TimePair]] = defaultdict(list)
    for pair in parallel:
        by_span[pair.draft.span].append(pair)
    for span, pairs in by_span.items():
        if span in flagged:
            continue
        verdicts = [(pair, _same_day(context, pair)) for pair in pairs]
        if any(verdict is True for _, verdict in verdicts):
            continue  # a parallel sentence agrees: the corpus does not side against it
        differing = [pair for pair, verdict in verdicts if verdict is False]
        if differing:
            yield _parallel_finding(context, span, differing)


def _same_day(context: CheckContext, pair: TimePair) -> bool | None:
    """Do the two dates name one day (True), differ (False), or are they two
    occasions that cannot be compared (None)?"""
    corpus_date = context.corpus.dates.get(pair.corpus_sentence.source)
    day_a = resolve_time(pair.draft, context.date)
    day_b = resolve_time(pair.corpus, corpus_date)
    if day_a is not None and day_b is not None:
        if day_a == day_b:
            return True
        return False if same_occasion(day_a, day_b) else None
    # The draft names a day and the corpus sentence only a weekday or a month:
    # they are compared only if the corpus sentence can be of that occasion,
    # by its article's date, or (undated) by an event the corpus dates near it.
    if day_a is not None:
        if corpus_date is not None and not same_occasion(day_a, corpus_date):
            return None
        people = context.corpus.people_near(context.analysis, pair.draft.sentence, pair.draft.span)
        if corpus_date is None and not _covered(context, day_a, people):
            return None
    # What both say: the weekday, the day, the month, the year.
    said_a, said_b = _parts(pair.draft, day_a), _parts(pair.corpus, day_b)
    shared = [key for key in said_a if key in said_b]
    if not shared:
        return None
    return all(said_a[key] == said_b[key] for key in shared)


def _covered(context: CheckContext, day: dt.date, people: frozenset[str]) -> bool:
    """Does the corpus date an event of these people (of anyone, when none are
    named) near ``day``? Only then can an undated corpus weekday be of the
    same occasion as ``day``: it may belong to any visit, years apart."""
    return any(not people or f.people & people for f in context.corpus.events_of_occasion(day))


def _parts(time: TimeExpression, day: dt.date | None) -> dict[str, int]:
    if day is not None:
        return {"weekday": day.weekday(), "day": day.day, "month": day.month, "year": day.year}
    written = {"weekday": time.weekday, "day": time.day, "month": time.month, "year": time.year}
    return {key: value for key, value in written.items() if value is not None}


def _parallel_finding(context: CheckContext, span: Span, pairs: list[TimePair]) -> Finding:
    votes: Counter[str] = Counter()
    by_text: dict[str, list[TimePair]] = defaultdict(list)
    for pair in pairs:
        day = resolve_time(pair.corpus, context.corpus.dates.get(pair.corpus_sentence.source))
        text = _long_date(day) if day is not None else pair.corpus.text
        if pair.corpus_sentence.source not in {p.corpus_sentence.source for p in by_text[text]}:
            votes[text] += 1
        by_text[text].append(pair)
    expected = votes.most_common(1)[0][0]
    fact = EventFact()
    for pair in by_text[expected]:
        sentence = pair.corpus_sentence
        fact.occurrences.append(
            context.corpus.texts[sentence.source].occurrence(sentence.sentence, pair.corpus.span)
        )
    return context.finding(
        EVENT_DATE_CONTRADICTS.code,
        span,
        f"where the corpus says the same thing it gives the date as {expected}",
        expected=expected,
        evidence=fact.evidence(),
    )


def _weekday_mismatch(
    context: CheckContext,
    time: TimeExpression,
    event: SentenceEvent | None,
    parallel: list[TimePair],
) -> Finding | None:
    date = _written_date(context, time)
    if date is None or time.weekday is None or date.weekday() == time.weekday:
        return None
    # The corpus may say which of the two is wrong: it dates the event itself.
    if event is not None and (dated := _dated_contradiction(context, event)) is not None:
        expected, facts = dated
        finding = _finding(context, event, _long_date(expected), facts)
        slip = f"{date:%B} {date.day}, {date.year} was a {weekday_name(date.weekday())}"
        return replace(
            finding, message=f"{finding.message}; {slip}, not a {weekday_name(time.weekday)}"
        )
    written = weekday_name(time.weekday)
    actual = weekday_name(date.weekday())
    # Found in any case ("monday", "MONDAY"); the fix is written in the same case.
    offset = context.text(time.span).lower().find(written.lower())
    if offset < 0:
        return None
    start = time.span.start + offset
    as_written = context.document.text[start : start + len(written)]
    fix = (
        actual.upper()
        if as_written.isupper()
        else actual.lower()
        if as_written.islower()
        else actual
    )
    message = f"{date:%B} {date.day}, {date.year} was a {actual}, not a {written}"
    doubt = _weekday_doubt(context, time, date, parallel)
    evidence: tuple[Evidence, ...] = ()
    if doubt is not None:
        other, doubt_evidence = doubt
        message += (
            f", but the corpus has {_long_date(other)} in this place or near it:"
            " the date may be the slip, not the weekday"
        )
        evidence = doubt_evidence
    return context.finding(
        WEEKDAY_MISMATCH.code,
        Span(start, start + len(written)),
        message,
        expected=fix,
        fix=fix,
        evidence=evidence,
        safe=doubt is None,
    )


def _written_date(context: CheckContext, time: TimeExpression) -> dt.date | None:
    """The calendar date written beside a weekday, with the draft's year if none is written."""
    if time.weekday is None or time.day is None or time.month is None:
        return None
    if time.year is not None:
        try:
            return dt.date(time.year, time.month, time.day)
        except ValueError:
            return None
    if context.date is not None:
        # "Tuesday, December 31" in a January story is last December's.
        return closest_date(time.month, time.day, context.date)
    return None


def _weekday_doubt(
    context: CheckContext, time: TimeExpression, date: dt.date, parallel: list[TimePair]
) -> tuple[dt.date, tuple[Evidence, ...]] | None:
    """If the weekday is right, the date is the nearest day with that weekday.
    When the corpus dates something of this sentence to that day (an event of
    its people, or of anyone when it names none; or a parallel sentence), the
    weekday is as likely right as the date: the fix must not be applied."""
    assert time.weekday is not None
    shift = (time.weekday - date.weekday()) % 7
    other = date + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    for pair in parallel:
        if pair.draft.span != time.span:
            continue
        source = pair.corpus_sentence.source
        if resolve_time(pair.corpus, context.corpus.dates.get(source)) == other:
            occurrence = context.corpus.texts[source].occurrence(
                pair.corpus_sentence.sentence, pair.corpus.span
            )
            return other, Fact(occurrences=[occurrence]).evidence()
    people = context.corpus.people_near(context.analysis, time.sentence, time.span)
    facts = [f for f in context.corpus.events_on(other) if not people or f.people & people]
    if not facts:
        return None
    return other, tuple(e for fact in facts for e in fact.evidence(limit=1))[:3]


def _dated_contradiction(
    context: CheckContext, event: SentenceEvent
) -> tuple[dt.date, list[EventFact]] | None:
    """The day the corpus dates this event of the same occasion, when it dates it
    at all and to another day than the draft: (that day, the facts)."""
    if event.date is None:
        return None
    dated = [f for f in context.corpus.events_of_occasion(event.date) if _same_event(event, f)]
    if not dated or any(f.date == event.date for f in dated):
        return None
    votes: Counter[dt.date] = Counter()
    for fact in dated:
        assert fact.date is not None
        votes[fact.date] += fact.support
    expected = votes.most_common(1)[0][0]
    return expected, [f for f in dated if f.date == expected]


def _same_event(event: SentenceEvent, fact: EventFact) -> bool:
    return fact.kind == event.kind and _same_people(event.people, fact.people)


def _contradiction(context: CheckContext, event: SentenceEvent) -> Finding | None:
    corpus = context.corpus
    if event.date is None:
        candidates = [f for f in corpus.events if _same_event(event, f)]
    else:
        near = [f for f in corpus.events_of_occasion(event.date) if _same_event(event, f)]
        undated = []  # an undated corpus weekday may be of another occasion
        if _covered(context, event.date, event.people):
            undated = [f for f in corpus.undated_events() if _same_event(event, f)]
        candidates = near + undated
    if not candidates:
        return None
    if event.date is not None and any(f.date is not None for f in candidates):
        dated = _dated_contradiction(context, event)
        if dated is None:
            return None  # a corpus event of this occasion has the draft's date
        expected, facts = dated
        return _finding(context, event, _long_date(expected), facts)
    weekdays = {f.weekday for f in candidates if f.weekday is not None}
    if event.weekday is None or not weekdays or event.weekday in weekdays or len(weekdays) > 1:
        return None  # several corpus weekdays: which occasion is meant is unclear
    (weekday,) = weekdays
    assert weekday is not None
    return _finding(context, event, weekday_name(weekday), candidates)


def _same_people(draft: frozenset[str], corpus: frozenset[str]) -> bool:
    shared = draft & corpus
    return len(shared) >= min(2, len(draft), len(corpus)) and bool(shared)


def _long_date(date: dt.date) -> str:
    return f"{weekday_name(date.weekday())}, {date:%B} {date.day}, {date.year}"


def _finding(
    context: CheckContext, event: SentenceEvent, expected: str, facts: list[EventFact]
) -> Finding:
    who = " and ".join(sorted(event.people))
    evidence = tuple(e for fact in facts for e in fact.evidence(limit=1))[:3]
    support = len({o.source for fact in facts for o in fact.occurrences})
    evidence = tuple(type(e)(e.source, e.line, e.quote, support) for e in evidence)
    return context.finding(
        EVENT_DATE_CONTRADICTS.code,
        event.span,
        f"the corpus dates this {event.kind} of {who} to {expected}",
        expected=expected,
        evidence=evidence,
    )
