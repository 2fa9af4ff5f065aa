"""``python -m timeline.cli``: the same as ``python -m timeline``."""

import sys

from timeline.cli import main

sys.exit(main())
