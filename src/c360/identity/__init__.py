"""Identity resolution: which source records are one person, under a stable ``customer360_id``."""

import sys


def clear_caches() -> None:
    """Empty the per-value caches of matching and the profile (parsed phones, folded names and
    e-mails, name comparisons): both read the same records, so the profile's parses are the
    caches' hits, but once it is built they only hold memory (about 550 MB at scale 10)."""
    for name, module in list(sys.modules.items()):
        if name.startswith(f"{__name__}.") and module is not None:
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
