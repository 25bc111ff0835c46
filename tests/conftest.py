"""Shared fixtures: small generated workspaces, made once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from c360.engines import Engine, connect
from c360.generate import Plan, generate

# A pytest-xdist worker starts with COLUMNS=80 and LINES=24 in its environment, which a test run
# in one process does not have. Rich reads COLUMNS once, when c360's console is made on import:
# the console would keep 80 columns for good, and a test giving COLUMNS to a command (a CLI
# runner's env) would no longer widen it. Each worker drops them, as the test session lacks them.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)

CLEAN_PLAN = Plan(seed=11, scale=0.1)
DIRTY_PLAN = Plan(seed=12, scale=0.05, dirt=0.05)


@pytest.fixture(scope="session")
def clean_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed-000 sources at scale 0.1 without optional dirt (2,000 customers)."""
    path = tmp_path_factory.mktemp("clean") / "ws"
    generate(path, CLEAN_PLAN)
    return path


@pytest.fixture(scope="session")
def dirty_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Scale 0.05 with 5% seed-000 dirt."""
    path = tmp_path_factory.mktemp("dirty") / "ws"
    generate(path, DIRTY_PLAN)
    return path


@pytest.fixture(
    scope="session",
    params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)],
)
def engine(request: pytest.FixtureRequest) -> Engine:
    """Every engine a transformation claims: DuckDB always, Spark under the ``spark`` marker."""
    return connect(request.param)
