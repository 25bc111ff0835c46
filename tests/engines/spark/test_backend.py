"""Spark's engine: the driver's memory, and sorted results computed once."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from c360.engines import Engine, EngineUnavailableError, connect
from c360.engines.spark import backend

ROWS = pa.table(
    {
        "key": ["b", None, "a", "c", "a", None],
        "n": pa.array([1, 2, None, 4, 5, 6], pa.int64()),
        "flag": [True, False, True, None, False, True],
    }
)


def test_driver_memory_is_a_quarter_of_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("C360_SPARK_DRIVER_MEMORY", raising=False)
    pages = {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": 24 * 2**30 // 4096}
    monkeypatch.setattr(backend.os, "sysconf", pages.__getitem__)
    assert backend.driver_memory() == "6144m"


def test_driver_memory_is_never_below_two_gib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("C360_SPARK_DRIVER_MEMORY", raising=False)
    pages = {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": 4 * 2**30 // 4096}
    monkeypatch.setattr(backend.os, "sysconf", pages.__getitem__)
    assert backend.driver_memory() == "2048m"

    def unknown(name: str) -> int:
        raise ValueError(name)

    monkeypatch.setattr(backend.os, "sysconf", unknown)
    assert backend.driver_memory() == "2048m"


@pytest.mark.parametrize("value", ["lots", "4 gigs", "-2g", "2.5g", "g"])
def test_driver_memory_that_is_no_size_is_one_line(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Java would refuse to start (``Invalid maximum heap size``) and PySpark say only that
    its gateway exited."""
    monkeypatch.setenv("C360_SPARK_DRIVER_MEMORY", value)
    with pytest.raises(EngineUnavailableError) as caught:
        backend.driver_memory()
    assert str(caught.value) == (
        f"C360_SPARK_DRIVER_MEMORY={value.strip()} is not a size: give one such as 8g or 4096m"
    )


@pytest.mark.parametrize("value", ["8g", "4096m", "8G", "2048M", "1t", "512mb", "3000000000"])
def test_driver_memory_in_spark_units_is_taken(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("C360_SPARK_DRIVER_MEMORY", value)
    assert backend.driver_memory() == value


@pytest.mark.spark
@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"C360_SPARK_MASTER": "bogus"}, "C360_SPARK_MASTER=bogus is not a Spark master: give "),
        ({"C360_SPARK_DRIVER_MEMORY": "9999999t"},
         "Spark did not start on master local[2] with 9999999t of driver memory: "),
    ],
)  # fmt: skip
def test_settings_spark_cannot_start_with_are_one_line(
    tmp_path: Path, env: dict[str, str], says: str
) -> None:
    """The session is the process's, so another process tries the settings. Java prints its
    reason first where it has one ("Could not reserve enough space …")."""
    code = (
        "from c360.engines import EngineUnavailableError\n"
        "from c360.engines.spark import backend\n"
        "try:\n    backend.session()\n"
        "except EngineUnavailableError as exc:\n    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith(says), done.stdout  # after Java's own words


def test_driver_memory_set_by_the_user_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C360_SPARK_DRIVER_MEMORY", " 12g ")
    assert backend.driver_memory() == "12g"


@pytest.fixture(scope="module")
def spark_engine() -> Engine:
    return connect("spark")


@pytest.mark.spark
def test_collected_results_are_bounded_by_the_heap_alone(spark_engine: Engine) -> None:
    assert backend.session().conf.get("spark.driver.maxResultSize") == "0"


@pytest.mark.spark
def test_sorted_rows_come_in_every_key_s_order(spark_engine: Engine) -> None:
    """Keys that are expressions, descending ones and NULLs: placed as Spark's ORDER BY places
    them (NULLs last), after a derived column."""
    t = spark_engine.register("rows_sorted", ROWS)
    t = t.mutate(twice=t.n * 2)
    out = spark_engine.to_arrow(
        t.order_by([t.key, ~t.flag.fill_null(False), ibis.desc(t.twice)]).select("key", "n")
    )
    assert out.to_pylist() == [
        {"key": "a", "n": None},
        {"key": "a", "n": 5},
        {"key": "b", "n": 1},
        {"key": "c", "n": 4},
        {"key": None, "n": 6},
        {"key": None, "n": 2},
    ]
    out = spark_engine.to_arrow(t.order_by([ibis.desc(t.n), t.key]))
    assert out.column("n").to_pylist() == [6, 5, 4, 2, 1, None]
    assert out.column_names == ["key", "n", "flag", "twice"]


@pytest.mark.spark
def test_a_sorted_query_runs_its_python_once_per_row(spark_engine: Engine, tmp_path: Path) -> None:
    """Spark's global sort samples its keys by running the query before sorting it: a Python
    UDF (seed 004's phones, the pseudonyms) would run twice on every row."""
    calls = str(tmp_path / "calls.txt")

    @ibis.udf.scalar.python
    def tallied(value: str) -> str:
        with open(calls, "a") as f:  # in Spark's Python workers
            f.write("call\n")
        return value.upper()

    rows = pa.table({"id": pa.array(range(1_000), pa.int64()), "name": ["x"] * 1_000})
    t = spark_engine.register("rows_tallied", rows)
    out = spark_engine.to_arrow(t.mutate(name=tallied(t.name)).order_by(ibis.desc("id")))
    assert out.column("id").to_pylist() == list(range(999, -1, -1))
    assert set(out.column("name").to_pylist()) == {"X"}
    assert Path(calls).read_text().count("call") == 1_000


@pytest.mark.spark
def test_sorting_leaves_no_view_behind(spark_engine: Engine) -> None:
    t = spark_engine.register("rows_views", ROWS)
    spark_engine.to_arrow(t.order_by("n"))
    assert spark_engine.to_arrow(t.order_by("key")).num_rows == len(ROWS)
    assert [v.name for v in spark_engine.spark.catalog.listTables() if "unsorted" in v.name] == []


@pytest.mark.spark
def test_splink_tables_are_held_by_spark_not_written_into_plans(spark_engine: Engine) -> None:
    """A table given to Splink is kept out of its query plans (Spark re-evaluates and hashes a
    table held in a plan whenever it plans a query over it), with the rows and partitions Spark
    gives it when it holds it in the plan."""
    api = spark_engine.splink_api()
    registered = spark_engine.spark.table(api.register(ROWS).physical_name)
    plan = registered._jdf.queryExecution().optimizedPlan().toString()
    assert "LocalRelation" not in plan
    assert registered.toArrow().equals(ROWS)
    in_plan = spark_engine.spark.createDataFrame(ROWS)
    assert "LocalRelation" in in_plan._jdf.queryExecution().optimizedPlan().toString()
    assert registered.rdd.glom().collect() == in_plan.rdd.glom().collect()


def test_java_home_without_java_is_one_line_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spark's launcher would fail in its shell script, and PySpark wait for it to say so."""
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "nonexistent"))
    with pytest.raises(EngineUnavailableError) as caught:
        backend.session.__wrapped__()
    assert str(caught.value) == (
        f"JAVA_HOME={tmp_path / 'nonexistent'} has no bin/java: set it to a Java 17+ "
        "installation, or unset it to use the java on PATH"
    )


def _java_home(folder: Path) -> Path:
    """A folder with an executable bin/java, as JAVA_HOME names one."""
    (folder / "bin").mkdir(parents=True)
    (folder / "bin" / "java").write_text("#!/bin/sh\n")
    (folder / "bin" / "java").chmod(0o755)
    return folder


class _Context:
    """What of a SparkContext a session's start uses, its jobs cancelled as Ctrl-C asks."""

    def __init__(self) -> None:
        self.cancelled = 0

    def cancelAllJobs(self) -> None:  # PySpark's names
        self.cancelled += 1

    def setLogLevel(self, level: str) -> None:
        pass

    def setCheckpointDir(self, folder: str) -> None:
        pass


class _Session:
    def __init__(self) -> None:
        self.sparkContext = _Context()


def _starting_as_pyspark_does(master: str, memory: str) -> _Session:
    """A session's start that sets a SIGINT handler as PySpark's SparkContext does."""
    session = _Session()

    def signal_handler(signum: int, frame: object) -> None:
        try:
            session.sparkContext.cancelAllJobs()
        finally:
            raise KeyboardInterrupt()

    signal.signal(signal.SIGINT, signal_handler)
    return session


def test_ctrl_c_after_spark_starts_cancels_its_jobs_and_is_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line notes Ctrl-C to tell a Spark job it cancelled from one that failed:
    Spark starting within the command keeps both its cancelling and the noting."""
    from c360.cli._interrupt import noting_ctrl_c

    monkeypatch.setenv("JAVA_HOME", str(_java_home(tmp_path / "java")))
    monkeypatch.setattr(backend, "_started", _starting_as_pyspark_does)
    before = signal.getsignal(signal.SIGINT)
    with noting_ctrl_c() as pressed:
        spark = backend.session.__wrapped__()
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        assert pressed()
    assert spark.sparkContext.cancelled == 1
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_ignored_stays_ignored_when_spark_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shell's background job starts with Ctrl-C ignored: PySpark's handler would take it."""
    monkeypatch.setenv("JAVA_HOME", str(_java_home(tmp_path / "java")))
    monkeypatch.setattr(backend, "_started", _starting_as_pyspark_does)
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        backend.session.__wrapped__()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def test_py4j_says_nothing_of_a_call_ctrl_c_stopped() -> None:
    """Py4J logs the KeyboardInterrupt that stops a call to the JVM, and what failed after
    (closing its connection), with their tracebacks: the command line says 'interrupted'."""
    from py4j import java_gateway

    from c360.engines.spark import ctrl_c

    def logged(name: str, exc: BaseException) -> logging.LogRecord:
        try:
            raise exc
        except BaseException:
            return logging.getLogger(name).makeRecord(
                name, logging.ERROR, java_gateway.__file__, 1, "sending", (), sys.exc_info()
            )

    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        after = logged("py4j.clientserver", BrokenPipeError(32, "Broken pipe"))
    assert not ctrl_c._not_an_interrupted_call(logged("root", KeyboardInterrupt()))
    assert not ctrl_c._not_an_interrupted_call(after)
    assert ctrl_c._not_an_interrupted_call(logged("root", ConnectionError("refused")))
    mine = logging.getLogger("c360").makeRecord(
        "c360",
        logging.ERROR,
        __file__,
        1,
        "mine",
        (),
        (KeyboardInterrupt, KeyboardInterrupt(), None),
    )
    assert ctrl_c._not_an_interrupted_call(mine)
