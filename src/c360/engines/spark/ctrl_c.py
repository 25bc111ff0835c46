"""Ctrl-C while Spark works: its jobs cancelled, and the process's own handler kept.

PySpark's SparkContext sets a SIGINT handler of its own as it starts, which cancels all jobs and
raises KeyboardInterrupt: what the handler before it did (c360's command line notes the press,
to tell a job cancelled by Ctrl-C from one that failed) is no longer done. It also asks the JVM
to cancel from the interrupted thread, which fails (Py4J's "reentrant call") when that thread was
itself waiting for the JVM, and Py4J logs each failure with its traceback.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import py4j
from py4j.protocol import Py4JError
from pyspark import SparkContext

_CANCEL_WAIT = 10.0  # seconds Ctrl-C waits for Spark to take the cancellation
_PY4J = str(Path(py4j.__file__).parent)
_PY4J_LOGGERS = ("py4j.java_gateway", "py4j.clientserver", "")  # and the root logger, Py4J's too


def keep_handler(context: SparkContext, before: Any) -> None:
    """After ``context`` started: Ctrl-C cancels its jobs, then does what ``before`` (the
    handler until then) did; Py4J no longer logs the Ctrl-C that interrupts a call to the JVM."""
    for name in _PY4J_LOGGERS:
        logging.getLogger(name).addFilter(_not_an_interrupted_call)
    if threading.current_thread() is not threading.main_thread():
        return  # PySpark set no handler, and none can be set here
    if before in (signal.SIG_IGN, signal.SIG_DFL):  # Ctrl-C ignored, or the process's end
        signal.signal(signal.SIGINT, before)
        return
    if not callable(before):
        return  # a handler not set from Python: PySpark's stays

    def cancelling(signum: int, frame: FrameType | None) -> None:
        # A thread of its own has a connection to the JVM of its own.
        cancel = threading.Thread(target=_cancel, args=(context,), name="spark-cancel")
        cancel.daemon = True
        cancel.start()
        cancel.join(_CANCEL_WAIT)
        before(signum, frame)

    signal.signal(signal.SIGINT, cancelling)


def _cancel(context: SparkContext) -> None:
    with contextlib.suppress(Py4JError):  # the JVM is gone already
        context.cancelAllJobs()


def _not_an_interrupted_call(record: logging.LogRecord) -> bool:
    """False for Py4J's reports of a call to the JVM that a KeyboardInterrupt stopped, and of
    what failed after (closing the call's connection): the interrupt goes on, and is reported
    where it ends."""
    return not (record.pathname.startswith(_PY4J) and _interrupted(record))


def _interrupted(record: logging.LogRecord) -> bool:
    exc = record.exc_info[1] if record.exc_info else None
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
