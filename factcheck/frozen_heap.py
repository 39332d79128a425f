"""What a check leaves alive, frozen out of the cyclic collector's sight.

The engine freezes the heap once the spaCy model is loaded (its objects live
as long as the process) and after each check. It keeps a selection's facts
and its documents' facts for the next checks; with the collector held off
during a check (factcheck.collector), the first young collection after it
walked every one of those objects to free the dozen a check leaves in
reference cycles: 51 to 82 ms of a new story's
check at 10,000 documents (timed with ``gc.callbacks``). Frozen objects are
skipped by the collector but still freed by reference counting, so what the
engine drops goes at once, as before (tests/test_engine.py holds it).

A cycle that is frozen is not collected until the next thaw: every
:data:`THAW_EVERY` freezes, the heap is thawed, collected whole and frozen
again (170 to 240 ms at 10,000 documents, once in that many checks). Freezing
is process-wide: objects of the caller's that are alive at the end of a check
are frozen too, and their cycles wait for the same thaw.

Not in the analysis cache's fingerprint: it does not change what an analysis holds.
"""

from __future__ import annotations

import gc
import threading

# Freezes between two collections of the thawed heap: a check leaves about a dozen
# objects in cycles, so a few hundred at most wait to be collected.
THAW_EVERY = 50

# Re-entrant: a thaw's collection runs finalisers, and one may end a check.
_lock = threading.RLock()
_freezes = 0  # since the last thaw


def freeze_survivors() -> None:
    """Freeze every object alive now; every THAW_EVERY-th call, thaw and collect
    the whole heap first, so that the cycles frozen since are freed."""
    global _freezes
    with _lock:
        _freezes += 1
        if _freezes >= THAW_EVERY:
            _freezes = 0
            gc.unfreeze()
            gc.collect()
        gc.freeze()


__all__ = ["THAW_EVERY", "freeze_survivors"]
