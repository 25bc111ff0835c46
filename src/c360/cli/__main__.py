"""``python -m c360.cli``."""

import sys

from c360.cli import main

sys.exit(main())
