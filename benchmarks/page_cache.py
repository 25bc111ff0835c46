"""Sources read once, untimed, before each timed run, so that every run (c360's and the
baseline's alike) finds them in the page cache, as right after they were written.

This machine's page cache does not last: the virtual machine hands unused memory back to its
host, and a file not read for a while is read from the disk again. The 200,000 note files of
scale 10 then take ~25 s to read instead of ~3 s, which says more about the disk than the code.
"""

from __future__ import annotations

from pathlib import Path


def warm(folder: Path) -> int:
    """Read every file under ``folder`` once; the bytes read."""
    return sum(len(path.read_bytes()) for path in sorted(Path(folder).rglob("*")) if path.is_file())
