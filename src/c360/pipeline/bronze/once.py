"""What landing a source would read twice, read once: a text folder's listing and a JSON
array's documents serve both its count and its reader (``land`` runs within ``one_landing``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
# What the landing under way has read, by what and where; none outside a landing.
_READ: ContextVar[dict[Hashable, object] | None] = ContextVar("read", default=None)


@contextmanager
def one_landing() -> Iterator[None]:
    """Within it, ``once`` reads each thing once (in this thread); it is forgotten after."""
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


def once(key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, or what it gave the first time ``key`` was read in this landing."""
    found = _READ.get()
    if found is None:
        return read()
    if key not in found:
        found[key] = read()
    return found[key]  # type: ignore[return-value]
