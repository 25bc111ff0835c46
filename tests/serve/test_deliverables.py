"""The SQL deliverables give the same answers on the warehouse and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.engines.duckdb.warehouse import query_warehouse
from c360.generate import Plan, generate
from c360.pipeline.runner import run
from c360.serve.postgres import load_postgres, query
from c360.serve.sql_files import DELIVERABLES, answer_all

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("deliverables") / "ws"
    generate(workspace, Plan(seed=9, scale=0.02))
    run(workspace)
    return workspace


def test_every_deliverable_answers_the_same_on_both(built: Path, postgres_url: str) -> None:
    load_postgres(built, postgres_url, schema="deliverables")
    on_warehouse = answer_all(lambda sql: query_warehouse(built, sql))
    on_postgres = answer_all(lambda sql: query(postgres_url, sql, schema="deliverables"))
    assert len(on_warehouse) == len(list(DELIVERABLES.glob("*/*.sql"))) == 8
    for name, answer in on_warehouse.items():
        assert answer.num_rows > 0, name
        assert answer.to_pylist() == on_postgres[name].to_pylist(), name
    for name in on_warehouse:
        if name.startswith("checks/"):  # the seed's consistency checks hold on clean data
            assert on_warehouse[name].to_pylist() == [{"violations": 0}], name
