"""Running the command line with its stderr on a terminal, as a person at a console does."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading


def on_terminal(*args: str) -> tuple[subprocess.CompletedProcess[str], bytes]:
    """``c360 ARGS`` with stdout captured and stderr on a pseudo-terminal: the finished process
    and all that was drawn on the terminal."""
    controller, terminal = pty.openpty()
    drawn: list[bytes] = []

    def drain() -> None:  # bars must not fill the terminal's buffer and stall the command
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal's other end closed: the command is over
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "c360.cli", *args],
            stdout=subprocess.PIPE, stderr=terminal, text=True, timeout=300,
        )  # fmt: skip
    finally:
        os.close(terminal)
        reader.join()
        os.close(controller)
    return done, b"".join(drawn)
