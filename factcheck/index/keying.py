"""Which code wrote an index's keys: an index written by other keying code is
another file.

An index file is named by the analysis key (:func:`factcheck.cache.cache_key`:
the pipeline, the release, the extraction code) and the corpus. The keys and
name blocks it stores are computed from each analysis by the modules below,
which the analysis key does not cover: a development checkout that edits them
(a new kind of key, another normal form of a name) would otherwise go on
reading keys that the draft, keyed by the new rules, can no longer match. The
new file is filled from the analysis cache by the next sync; no document is
analysed again.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

# Relative to the factcheck package: what turns an analysis into stored keys and
# blocks (factcheck.index.keys.analysis_keys, factcheck.index.blocking.word_blocks),
# and the name forms they are made of.
KEYING_FILES = (
    "index/keys.py",
    "index/blocking.py",
    "facts/names/namebook.py",
    "facts/names/spelling.py",
)
PACKAGE = Path(__file__).resolve().parent.parent


def keying_fingerprint(package: Path = PACKAGE) -> str:
    """A short hash of the keying files' names and contents under ``package``."""
    digest = hashlib.sha256()
    for name in KEYING_FILES:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((package / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


@functools.cache
def installed_keying_fingerprint() -> str:
    """:func:`keying_fingerprint` of the installed package, read once per process."""
    return keying_fingerprint()


__all__ = ["KEYING_FILES", "installed_keying_fingerprint", "keying_fingerprint"]
