"""The DuckDB engine's connections never fetch an extension at run time."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from c360.engines import connect
from c360.engines.duckdb.backend import splink_connection
from c360.engines.duckdb.sources import connect_sources

INET = "SELECT '10.0.0.0/8' >>= '10.1.2.3' AS within"  # the inet extension's operator


def _refused_offline(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.Error) as error:
        con.execute(INET)
    assert "is not in the catalog" in str(error.value)  # not "while trying to install"


def test_the_pipeline_connection_does_not_fetch_extensions() -> None:
    _refused_offline(connect("duckdb").con.con)


def test_splinks_connection_does_not_fetch_extensions() -> None:
    _refused_offline(splink_connection())


def test_the_sources_connection_does_not_fetch_extensions(clean_workspace: Path) -> None:
    _refused_offline(connect_sources(clean_workspace))


def test_bundled_extensions_still_work() -> None:
    con = connect("duckdb").con.con
    assert con.execute("SELECT json_extract('{\"a\": 2}', '$.a')::INT").fetchone() == (2,)
    assert con.execute("SELECT strftime(TIMESTAMPTZ '2024-01-02 03:00:00+00', '%Y')").fetchone()
