"""Package discovery, the one part of the packaging that pyproject.toml cannot express.

Everything else is in pyproject.toml. Packages are found, never listed by hand
(a forgotten one breaks every non-editable install): those under factcheck/,
and those under plugins/, installed under the import name factcheck_plugins
(``package-dir`` in pyproject.toml), never as a top-level ``plugins``.
"""

from setuptools import find_namespace_packages, find_packages, setup

BUILT_IN_PLUGINS = "factcheck_plugins"

setup(
    packages=[
        *find_packages(include=["factcheck", "factcheck.*"]),
        # Folders of data only (the web page's files): packages without an
        # __init__.py, so that setuptools installs them as data, not by accident.
        *find_namespace_packages(include=["factcheck.server.static"]),
        *(
            BUILT_IN_PLUGINS + name.removeprefix("plugins")
            for name in find_packages(include=["plugins", "plugins.*"])
        ),
    ]
)
