"""``python -m dipos``: the same as the ``dipos`` command."""

import sys

from .cli import main

sys.exit(main())
