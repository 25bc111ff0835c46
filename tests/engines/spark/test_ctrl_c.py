"""Ctrl-C on Spark: Spark's jobs cancelled, and one line said, as on DuckDB."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

# A command that starts Spark and runs a job that never ends, and a thread that presses Ctrl-C
# once the job is running: to the process alone (``timeout -s INT``) or to its process group, as
# a terminal does (the JVM and Spark's Python workers are in the group too). The job's rows come
# through a socket of their own (toArrow), or its answer as that of a call to the JVM (count).
_SPINNING = """
import os, signal, sys, threading, time, traceback
from pyspark import SparkContext
from c360.cli import app, main

def spin() -> None:
    from c360.engines.spark import backend

    def forever(batches):
        threading.Event().wait()
        yield from batches

    job = backend.session().range(1).mapInArrow(forever, "id long")
    job.count() if sys.argv[2] == "count" else job.toArrow()

def running() -> bool:
    sc = SparkContext._active_spark_context  # set before its JVM side is
    return getattr(sc, "_jsc", None) is not None and bool(sc.statusTracker().getActiveJobsIds())

def press(to_group: bool) -> None:
    try:
        while not running():
            time.sleep(0.1)
        assert os.getpgid(0) == os.getpid()  # a group of its own
    except BaseException:
        traceback.print_exc()
        os._exit(3)  # rather than wait for the job
    os.killpg(0, signal.SIGINT) if to_group else os.kill(os.getpid(), signal.SIGINT)

app.command("spin")(spin)
threading.Thread(target=press, args=(sys.argv[1] == "group",), daemon=True).start()
sys.exit(main(["spin"]))
"""

# What Java says as it starts, of a module Spark's launcher always adds.
_INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector\n"


@pytest.mark.spark
@pytest.mark.parametrize(
    ("to", "job"), [("group", "toArrow"), ("process", "count"), ("group", "count")]
)
def test_ctrl_c_during_a_spark_job_is_one_line(tmp_path: Path, to: str, job: str) -> None:
    """The job stops (else the command would not end) and the user sees what DuckDB gives:
    no Java stack, no Py4J log."""
    done = subprocess.run(
        [sys.executable, "-c", _SPINNING, to, job],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        start_new_session=True,
        # A shell's background job starts with Ctrl-C ignored, and Python then keeps it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    said = done.stderr.replace(_INCUBATOR, "", 1)
    assert (done.returncode, done.stdout, said) == (130, "", "interrupted\n")
