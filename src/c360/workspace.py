"""One writer at a time per workspace: ``c360 generate`` and ``c360 run`` hold its lock.

Two runs on the same workspace (a scheduled run overlapping a manual one) would swap the same
lake tables and extend the same segment history twice. The lock is an exclusive ``flock`` on
``<workspace>/.c360.lock``: the system releases it when its holder ends, however it ends, so a
crash leaves no stale lock. Every table is published by an atomic swap, so a reader of one table
(``c360 query``) needs no lock; a reader of every table (``c360 load-postgres``) holds it shared,
so that it never mixes two runs' tables: it refuses to start while a writer runs, and a writer
refuses to start while it reads.
"""

from __future__ import annotations

import fcntl
import os
import stat
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
        _take(fd, workspace, fcntl.LOCK_EX)
        started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{command} (pid {os.getpid()}, since {started})\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # a reader that holds the lock next is named by nobody
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def shared(workspace: Path) -> Iterator[None]:
    """Hold the workspace's lock shared with other readers while the block runs; fail at once
    if a writer holds it."""
    path = Path(workspace) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only workspace: as good as its lock file, if any
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:  # no workspace, or one no writer could ever lock: nothing to wait for
            yield
            return
    try:
        _take(fd, Path(workspace), fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def _take(fd: int, workspace: Path, kind: int) -> None:
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "a command reading it"
        raise WorkspaceBusyError(
            f"workspace {workspace} is in use by {holder}; wait for it to finish"
        ) from None


def special_file(path: Path) -> bool:
    """Whether ``path`` is a pipe, a socket or a device, which reading would wait on for ever
    (a missing or unreadable path is not: reading it says why)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
