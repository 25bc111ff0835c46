"""A throwaway PostgreSQL database per test session, on the server of ``C360_TEST_POSTGRES_URL``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import adbc_driver_postgresql.dbapi as pg
import pytest

SERVER = os.environ.get("C360_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a new database, dropped when the session ends."""
    name = f"c360_test_{os.getpid()}"
    with pg.connect(SERVER, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(SERVER)._replace(path=f"/{name}"))
    finally:
        with pg.connect(SERVER, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
