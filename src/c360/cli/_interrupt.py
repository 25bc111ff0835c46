"""Ctrl-C, however a library reports it: DuckDB takes the KeyboardInterrupt and raises its own
error instead ('Query interrupted'), and Spark the error of the jobs it cancels, which would
otherwise end a command with a traceback."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def noting_ctrl_c() -> Iterator[Callable[[], bool]]:
    """Within the block, Ctrl-C does what it did before (raises KeyboardInterrupt; a Spark
    session started earlier cancels its jobs first), and is noted: the function yielded says
    whether it was pressed. The previous handler is restored after."""
    pressed = threading.Event()
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        yield pressed.is_set  # a handler can only be set here, and Ctrl-C is not ours to take
        return

    then = previous if callable(previous) else signal.default_int_handler

    def note(signum: int, frame: FrameType | None) -> None:
        pressed.set()
        then(signum, frame)

    signal.signal(signal.SIGINT, note)
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)
