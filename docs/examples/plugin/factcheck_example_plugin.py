"""An example factcheck plugin: outdated romanisations of Chinese place names.

Postal romanisations such as "Peking" gave way to pinyin ("Beijing") in 1979;
a draft that still uses them was most likely copied from an old source. The
plugin declares one code, EX101, and flags the old names in the draft's prose.
Institutions that kept the old spelling in their names ("Peking University")
are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.model import Category, CodeInfo, Finding, Severity, Span

__version__ = "0.1.0"  # shown by `factcheck plugins` when loaded from a file

OUTDATED_PLACE_NAME = CodeInfo(
    code="EX101",  # "EX" is this plugin's prefix: FC belongs to factcheck itself
    name="outdated-place-name",
    category=Category.NAME,
    severity=Severity.WARNING,
    summary="A Chinese place name is written in an outdated romanisation.",
    safe_fix=True,  # swapping the name is always right, so --fix may apply it
)

# Old spelling -> pinyin. Keep it to names whose modern form is beyond dispute.
PINYIN = {
    "Peking": "Beijing",
    "Nanking": "Nanjing",
    "Tientsin": "Tianjin",
    "Canton": "Guangzhou",
    "Chungking": "Chongqing",
}
# Words after an old name that make it part of an institution's own name.
_KEPT_IN = ("University", "Union", "Opera", "Man", "duck", "Duck")

_OLD_NAME = re.compile(r"\b(" + "|".join(PINYIN) + r")\b(?:\s+(\w+))?")


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (OUTDATED_PLACE_NAME,)


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    # The prose mask blanks front matter, code and markup, keeping offsets.
    for match in _OLD_NAME.finditer(context.document.prose):
        old, following = match.group(1), match.group(2)
        if following in _KEPT_IN:
            continue
        modern = PINYIN[old]
        # The corpus, when it writes the modern name, is the evidence.
        evidence = context.corpus.name_fact(modern).evidence(limit=1)
        yield context.finding(
            OUTDATED_PLACE_NAME.code,
            Span(match.start(1), match.end(1)),
            f"'{old}' is an outdated romanisation; write '{modern}'",
            expected=modern,
            fix=modern,
            evidence=evidence,
        )
