"""Title disagreements: one person given the same role in different organisations,
or different roles in the same organisation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.audit.grouping import grouped
from factcheck.audit.sides import Disagreement, by_support, side
from factcheck.facts import CorpusFacts, RoleFact
from factcheck.model import Category


def title_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    by_person: dict[str, list[RoleFact]] = defaultdict(list)
    for role in facts.roles:
        by_person[role.person].append(role)
    for person, roles in by_person.items():
        # Each RoleFact is one (person, role group, organisation key), so two in
        # a group are two organisations for one role, and the other way round.
        for group, same_role in grouped(roles, lambda r: r.role_group).items():
            if len(same_role) > 1:
                yield _title_disagreement(f"{person} as {group}", same_role)
        for _, same_org in grouped(roles, lambda r: r.org_key).items():
            if len(same_org) > 1:
                organisation = max(same_org, key=lambda r: r.support).organisation
                yield _title_disagreement(f"{person} in the {organisation}", same_org)


def _title_disagreement(subject: str, roles: Sequence[RoleFact]) -> Disagreement:
    sides = (side(f"{r.role} of the {r.organisation}", [r]) for r in roles)
    return Disagreement(Category.TITLE, subject, by_support(sides))
