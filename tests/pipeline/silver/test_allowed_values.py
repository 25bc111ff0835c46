"""Silver writes only the values its source's contract allows in each column it keeps as a
category. A country is conformed to its ISO code instead (``conform.country_iso``), so the
contracts' country names are no silver value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa

from c360 import contracts
from c360.engines import Engine
from c360.pipeline import lake
from c360.pipeline.runner import run
from c360.pipeline.silver.marketing import stg_mongo_customers
from c360.pipeline.silver.privacy import pseudonymiser
from c360.pipeline.silver.run import MODELS

CONFORMED = frozenset({"country"})
FIELDS = ("customer_id", "first_name", "last_name", "email", "phone", "age", "country", "city",
          "gender", "marketing_consent")  # fmt: skip


def test_mongo_contacts_write_only_the_genders_their_contract_allows(engine: Engine) -> None:
    """A missing gender and one of no known spelling are U, which the contract allows."""
    genders = ["F", "male", "X", None]
    rows = [(f"CUST0000{i}", "Ann", "Lee", None, None, "35", "France", "Paris", g, "true")
            for i, g in enumerate(genders, start=1)]  # fmt: skip
    columns = {f: pa.array([r[i] for r in rows], pa.string()) for i, f in enumerate(FIELDS)}
    columns["_source_file"] = ["sources/marketing/customers.jsonl"] * len(rows)
    columns["_row_number"] = list(range(1, len(rows) + 1))
    bronze = engine.register("contacts_allowed", pa.table(columns))
    clean = stg_mongo_customers(bronze, pseudonymiser("md5")).outcome(engine)[0]
    written = clean.sort_by("customer_id").column("gender").to_pylist()
    assert written == ["F", "M", "U", "U"]
    assert set(written) <= set(contracts.get("mongo_customers").column("gender").allowed or ())


def test_every_silver_category_holds_only_allowed_values(
    dirty_workspace: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(dirty_workspace, workspace)
    run(workspace, until="silver")
    outside = {}
    for name, source, _ in MODELS:
        if not lake.table_dir(workspace, "silver", name).exists():
            continue
        table = lake.read_table(workspace, "silver", name)
        for column in contracts.get(source).columns:
            if (
                column.allowed
                and column.name in table.column_names
                and column.name not in CONFORMED
            ):
                values = set(table.column(column.name).drop_null().unique().to_pylist())
                if values - set(column.allowed):
                    outside[f"{name}.{column.name}"] = sorted(values - set(column.allowed))
    assert outside == {}
