"""Spark through Ibis: one local session per process, UTC, small shuffles, Splink's UDFs."""

from __future__ import annotations

import atexit
import itertools
import os
import re
import shutil
import signal
import sys
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.operations as ops
import pyarrow as pa
import pyarrow.dataset as ds
from ibis.formats.pyarrow import PyArrowData
from py4j.protocol import Py4JError
from pyspark.errors import PySparkException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.pandas.types import from_arrow_schema
from splink.backends.spark import SparkAPI, similarity_jar_location

from c360.engines.base import BATCH_ROWS, BatchFn, Engine
from c360.engines.spark import ctrl_c, jaro_winkler

# Ibis registers c360's Python UDFs without pandas type hints, so PySpark warns, once per
# UDF and run, that it cannot infer their kind; they are plain row-at-a-time UDFs on purpose.
warnings.filterwarnings("ignore", "Cannot infer the eval type from type hints", UserWarning)
_LOG_CONFIG = Path(__file__).with_name("log4j2.properties")  # errors only, no codegen fallbacks
GIB = 1024**3
_SIZE = re.compile(r"\d+([kmgtp]b?|b)?", re.IGNORECASE)  # as Spark reads a memory size
_MASTER = re.compile(r"local(\[(\d+|\*)(,\d+)?\])?|yarn|(spark|k8s|mesos)://\S+")
_unsorted_views = itertools.count()  # names of the views ``_sorted_once`` sorts


def driver_memory() -> str:
    """The driver's heap: ``C360_SPARK_DRIVER_MEMORY`` (``8g``) if set, else a quarter of the
    machine's memory and at least 2 GiB.

    Spark's own default, 1 GiB, is too small where the driver is also the only executor (local
    mode): Splink's predictions at scale 1 ran out of it. A quarter is what the JVM takes by
    itself when given no limit.
    """
    if chosen := os.environ.get("C360_SPARK_DRIVER_MEMORY", "").strip():
        if not _SIZE.fullmatch(chosen):  # else Java does not start, and PySpark cannot say why
            from c360.engines import EngineUnavailableError

            raise EngineUnavailableError(
                f"C360_SPARK_DRIVER_MEMORY={chosen} is not a size: give one such as 8g or 4096m"
            )
        return chosen
    try:
        machine = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # no sysconf: Spark's 1 GiB is too little
        machine = 0
    return f"{max(2 * GIB, machine // 4) // 2**20}m"


@cache
def session() -> SparkSession:
    """The process's Spark session (starting one costs seconds, so it is shared)."""
    from c360.engines import EngineUnavailableError

    if java_home := os.environ.get("JAVA_HOME"):  # Spark's launcher runs its bin/java
        java = Path(java_home, "bin", "java")
        if not (java.is_file() and os.access(java, os.X_OK)):
            raise EngineUnavailableError(
                f"JAVA_HOME={java_home} has no bin/java: set it to a Java 17+ installation, "
                "or unset it to use the java on PATH"
            )
    elif shutil.which("java") is None:
        raise EngineUnavailableError(
            "engine 'spark' needs Java 17+: install a JRE or set JAVA_HOME"
        )
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    master, memory = os.environ.get("C360_SPARK_MASTER", "local[2]").strip(), driver_memory()
    if not _MASTER.fullmatch(master):
        raise EngineUnavailableError(
            f"C360_SPARK_MASTER={master} is not a Spark master: give local[2], local[*], "
            "spark://HOST:PORT, yarn or k8s://URL"
        )
    before = signal.getsignal(signal.SIGINT)
    try:
        spark = _started(master, memory)
    except (PySparkException, Py4JError) as exc:  # Java refused a setting, or the master
        said = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise EngineUnavailableError(
            f"Spark did not start on master {master} with {memory} of driver memory: {said} "
            "(check C360_SPARK_MASTER and C360_SPARK_DRIVER_MEMORY)"
        ) from None
    ctrl_c.keep_handler(spark.sparkContext, before)  # PySpark set its own
    spark.sparkContext.setLogLevel("ERROR")
    scratch = tempfile.mkdtemp(prefix="c360-spark-")  # Splink writes its intermediate tables here
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    spark.sparkContext.setCheckpointDir(scratch)
    return spark


def _started(master: str, memory: str) -> SparkSession:
    return (
        SparkSession.builder.master(master)
        .appName("c360")
        .config("spark.driver.memory", memory)
        # Tables are collected whole to be written (its 1 GiB default would stop scale 10):
        # the driver's heap bounds them instead.
        .config("spark.driver.maxResultSize", "0")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # c360 shows its own progress
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_LOG_CONFIG}")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.jars", similarity_jar_location())  # Splink's string similarity UDFs
        .getOrCreate()
    )


@dataclass(frozen=True)
class SparkEngine(Engine):
    """Spark's engine: results come to the driver as Arrow, never through pandas."""

    spark: SparkSession

    def to_arrow(self, expr: ibis.Table) -> pa.Table:
        """``Engine.to_arrow`` without Ibis's detour through pandas, which holds timestamps in
        nanoseconds (a date such as 9999-12-31 or 0001-01-01 fails the whole query) and an
        integer column with NULLs as float64 (ids above 2**53 change)."""
        table = _sorted_once(self.spark, self.con, expr).toArrow()
        # Spark names the columns as the query does; Ibis's schema gives each its type.
        table = PyArrowData.convert_table(table.rename_columns(expr.columns), expr.schema())
        return _naive_utc(table)


def _dataframe(spark: SparkSession, con: ibis.BaseBackend, expr: ibis.Table) -> DataFrame:
    """``expr`` as a Spark DataFrame, its Python UDFs and in-memory tables registered first
    (as Ibis's own ``execute`` does: a query naming an unregistered UDF fails)."""
    con._run_pre_execute_hooks(expr)
    return spark.sql(con.compile(expr))


def _sorted_once(spark: SparkSession, con: ibis.BaseBackend, expr: ibis.Table) -> DataFrame:
    """``expr`` as a DataFrame that computes its rows once when it ends in an ORDER BY.

    Spark sorts a whole table by ranges of its keys, and finds the ranges by running the query
    once to sample them before running it again to sort: every Python UDF, every scan and every
    join after the last shuffle twice. Rows that are collected all come to the driver anyway,
    so they are gathered into one partition, computed once, and sorted there.
    """
    op = expr.op()
    if not isinstance(op, ops.Sort):
        return _dataframe(spark, con, expr)
    name = f"c360_unsorted_{next(_unsorted_views)}"
    _dataframe(spark, con, op.parent.to_expr()).repartition(1).createOrReplaceTempView(name)
    try:  # the query is analysed here: it holds the view's plan, the name can go
        return _dataframe(spark, con, op.replace({op.parent: con.table(name).op()}).to_expr())
    finally:
        spark.catalog.dropTempView(name)


def _naive_utc(table: pa.Table) -> pa.Table:
    """Timestamps without their time zone, in UTC, as the contracts declare them."""
    fields = [
        f.with_type(pa.timestamp(f.type.unit))
        if pa.types.is_timestamp(f.type) and f.type.tz is not None
        else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields))


class _SplinkAPI(SparkAPI):
    """Splink's Spark API, keeping the Arrow tables it is given out of its query plans.

    A table made from Arrow is held in every plan that reads it: planning a query over it
    evaluates its projections and filters on the driver, row by row, and hashes its rows, and
    Splink runs hundreds of queries over its input. A checkpoint holds the rows instead, in the
    partitions the plan would have given them.

    Its ``jaro_winkler`` is DuckDB's (see :mod:`c360.engines.spark.jaro_winkler`): the jar's
    scores some names otherwise, and so would link other records than DuckDB does.
    """

    def _register_udfs_from_jar(self) -> None:
        super()._register_udfs_from_jar()
        jaro_winkler.register(self.spark)

    def register(
        self,
        table: Any,
        *,
        dataset_display_name: str | None = None,
        table_name: str | None = None,
    ) -> Any:
        if isinstance(table, pa.Table):
            table = self.spark.createDataFrame(table).localCheckpoint()
        return super().register(
            table, dataset_display_name=dataset_display_name, table_name=table_name
        )


def connect() -> Engine:
    """A Spark engine on the shared session."""
    spark = session()
    con = ibis.pyspark.connect(spark)

    def register(name: str, data: pa.Table) -> ibis.Table:
        if data.num_rows == 0:  # PySpark cannot read a column of zero chunks
            data = data.schema.empty_table()
        spark.createDataFrame(data).createOrReplaceTempView(name)
        return con.table(name)

    def splink_api() -> SparkAPI:
        return _SplinkAPI(spark_session=spark)

    def sql(text: str) -> pa.Table:
        return spark.sql(text).toArrow()

    def map_batches(expr: ibis.Table, fn: BatchFn, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
        # fn (and what it closes over, e.g. a model) is shipped to the workers, which apply it
        # to their Arrow batches (mapInArrow) and write Parquet; the driver reads it back a
        # batch at a time.
        mapped = _dataframe(spark, con, expr).mapInArrow(
            lambda batches: (fn(b) for b in batches), from_arrow_schema(schema)
        )
        folder = tempfile.mkdtemp(prefix="c360-map-")
        try:
            mapped.write.mode("overwrite").parquet(folder)
            for batch in ds.dataset(folder, format="parquet").to_batches(batch_size=BATCH_ROWS):
                yield batch.cast(schema)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def forget(name: str) -> None:
        spark.catalog.dropTempView(name)

    return SparkEngine("spark", con, register, splink_api, sql, map_batches, forget, spark)
