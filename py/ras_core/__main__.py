"""Run the `ras` command as `python -m ras_core`."""

import sys

from .cli import main

sys.exit(main())
