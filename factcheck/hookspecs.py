"""The hooks a factcheck plugin can implement, and the markers to mark them.

A plugin is a module (or an object) with functions decorated by
:data:`hookimpl` whose names are hooks declared here. The built-in checkers in
``plugins/`` are registered through the ``factcheck`` entry-point group
exactly as third-party plugins are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from factcheck.context import CheckContext
    from factcheck.model import CodeInfo, Finding

PROJECT_NAME = "factcheck"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def factcheck_codes() -> Sequence[CodeInfo]:
    """Declare the finding codes this plugin emits.

    Return a sequence of :class:`factcheck.model.CodeInfo`. Every plugin's
    results are flattened into one registry. A plugin whose result is not a
    list of valid ``CodeInfo`` (a code not two capital letters and three
    digits, an FC9xx code, a code declared twice, by it or by an earlier
    plugin) is disabled and reported as FC902 naming it and the problem; so is
    one that raises or overruns ``plugin-timeout``. A finding whose code was
    not declared is reported as FC903 instead of being shown.
    """
    raise NotImplementedError  # a spec: pluggy calls the implementations only


@hookspec
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    """Check one draft against the corpus facts; return the findings.

    ``context`` holds the draft (its document, its analysis and its date), the
    corpus facts and the options. Build findings with
    ``context.finding(code, span, ...)``, which fills in the category and the
    configured severity. Every implementation is called (this is not a
    ``firstresult`` hook), in a worker thread with a time limit
    (``plugin-timeout``). One that raises (``SystemExit`` included) or
    overruns is reported as FC903 naming the plugin, and the others still
    run. A returned finding with a wrong-typed field, a span outside the draft
    or an undeclared code is dropped and reported as FC903; the plugin's valid
    findings still count. What a plugin prints goes to standard error.
    """
    raise NotImplementedError  # a spec: pluggy calls the implementations only
