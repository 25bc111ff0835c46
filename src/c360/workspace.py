"""One writer at a time per workspace: ``c360 generate`` and ``c360 run`` hold its lock.

Two runs on the same workspace (a scheduled run overlapping a manual one) would swap the same
lake tables and extend the same segment history twice. The lock is an exclusive ``flock`` on
``<workspace>/.c360.lock``: the system releases it when its holder ends, however it ends, so a
crash leaves no stale lock. Readers (``c360 query``, ``c360 load-postgres``) need none: every
table is published by an atomic swap.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = ".c360.lock"


class WorkspaceBusyError(Exception):
    """Another c360 command is writing to the workspace."""


@contextmanager
def exclusive(workspace: Path, command: str) -> Iterator[None]:
    """Hold the workspace's lock while the block runs; fail at once if someone else holds it."""
    workspace.mkdir(parents=True, exist_ok=True)
    fd = os.open(workspace / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "another command"
            raise WorkspaceBusyError(
                f"workspace {workspace} is in use by {holder}; wait for it to finish"
            ) from None
        started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{command} (pid {os.getpid()}, since {started})\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
