"""Identity resolution: which source records are one person, under a stable ``customer360_id``."""

import sys
from collections.abc import Iterable

# The modules whose per-value caches serve matching alone (name comparisons, given names, source
# timestamps); the profile parses the records again and reuses the others' (phones, e-mails).
MATCHING_ONLY = ("similarity", "given_names", "records")


def clear_caches(modules: Iterable[str] | None = None) -> None:
    """Empty the per-value caches of the package's modules named (all by default).

    They hold hundreds of MB after a large run: at scale 10, about 500 MB for
    :data:`MATCHING_ONLY`, which the profile does not reuse, and 350 MB for the others, which
    it does."""
    prefix = f"{__name__}."
    names = None if modules is None else {prefix + m for m in modules}
    for name, module in list(sys.modules.items()):
        if name.startswith(prefix) and module is not None and (names is None or name in names):
            for value in vars(module).values():  # the module's own, not those it imports
                if callable(getattr(value, "cache_clear", None)) and value.__module__ == name:
                    value.cache_clear()
