"""``python -m factcheck.evaluation``: the ``factcheck eval`` command on its own."""

import sys

from factcheck.evaluation.cli import main

sys.exit(main())
