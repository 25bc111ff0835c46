"""``build_profile`` on a small resolved workspace: the same table as :func:`assemble` of its
tables read whole, though it reads each gold fact only where it is used."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from c360 import config, contracts, engines
from c360.config import Identity, IdentitySource
from c360.identity import profile
from c360.identity.profile import (
    FACTS,
    READ_COLUMNS,
    Inputs,
    LakeFacts,
    assemble,
    build_profile,
)
from c360.identity.profile_records import read_records
from c360.identity.run import linked as read_links
from c360.identity.run import resolve_workspace
from c360.pipeline import lake

IDENTITY = Identity(
    sources={
        "customers": IdentitySource(
            table="crm_customers", id="customer_id",
            roles={"first_name": "first", "last_name": "last", "email": "mail"},
        ),
        "shop": IdentitySource(
            table="people_shop", id="no", roles={"full_name": "name", "email": "email"}
        ),
        "marketing": IdentitySource(
            table="mongo_customers", id="customer_id",
            roles={"first_name": "first_name", "last_name": "last_name", "email": "email"},
        ),
    }
)  # fmt: skip
CUSTOMERS = {  # customer_id: first, last, e-mail
    "C1": ("Anna", "Keller", "anna.keller@example.org"),
    "C2": ("Boris", "Novak", "b.novak@example.net"),
    "C3": ("Chloé", "Martin", "chloe.m@example.com"),
}
SHOP = {"S1": ("KELLER, Anna", "Anna.Keller@Example.org"), "S2": ("Gina Rossi", "gina@x.it")}
# Seed 004: Anna again, and Dora, whom no other system knows.
MONGO = {"CUST00001": ("Anna", "Keller", "anna.keller@example.org"),
         "CUST00002": ("Dora", "Weiss", "dora.w@example.de")}  # fmt: skip
# Bronze transactions; silver quarantined TXN3 (a negative amount): the profile reads silver.
BRONZE_TRANSACTIONS = {
    "transaction_id": ["TXN1", "TXN2", "TXN3"],
    "customer_id": ["CUST00001", "CUST00002", "CUST00001"],
    "amount": ["25.00", "12,50", "-500.00"],
    "timestamp": ["2024-06-02T10:00:00Z", "2024-06-05T08:00:00Z", "2024-06-06T08:00:00Z"],
}
SILVER_TRANSACTIONS = pa.table({
    "transaction_id": ["TXN1", "TXN2"], "customer_id": ["CUST00001", "CUST00002"],
    "total_amount": [25.0, 12.5],
    "transaction_at": pa.array([datetime(2024, 6, 2, 10), datetime(2024, 6, 5, 8)],
                               pa.timestamp("us")),
})  # fmt: skip
JUNE = datetime(2024, 6, 1)
FACT_ROWS: dict[str, list[dict[str, Any]]] = {
    "fct_orders": [
        {"customer_id": "C1", "order_id": "O1", "status": "completed", "channel": "web",
         "total_amount_eur": 40.0, "order_at": datetime(2024, 5, 2, 10)},
        {"customer_id": "C1", "order_id": "O2", "status": "completed", "channel": "in_store",
         "total_amount_eur": 60.0, "order_at": JUNE},
        {"customer_id": "C2", "order_id": "O3", "status": "cancelled", "channel": "phone",
         "total_amount_eur": 15.0, "order_at": datetime(2024, 4, 9)},
    ],
    "fct_email_events": [
        {"customer_id": "C2", "send_id": "E1", "send_at": datetime(2024, 6, 20),
         "count_opens": 2, "count_human_opens": 1, "is_unsubscribed": True,
         "first_human_open_at": datetime(2024, 6, 21)},
    ],
    "fct_interactions": [
        {"customer_id": "C3", "interaction_id": "I1", "type": "complaint", "channel": "phone",
         "occurred_at": datetime(2024, 3, 1)},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profile_build")
    config.write_default(path, "profile-build", identity=IDENTITY.model_dump())
    crm = {"customer_id": list(CUSTOMERS)}
    crm |= {c: [v[i] for v in CUSTOMERS.values()] for i, c in enumerate(("first", "last", "mail"))}
    shop = {"no": list(SHOP)} | {
        c: [v[i] for v in SHOP.values()] for i, c in enumerate(("name", "email"))
    }
    lake.publish_table(path, "bronze", "crm_customers", pa.table(crm))
    lake.publish_table(path, "bronze", "people_shop", pa.table(shop))
    mongo = {"customer_id": list(MONGO)} | {
        c: [v[i] for v in MONGO.values()]
        for i, c in enumerate(("first_name", "last_name", "email"))
    }
    lake.publish_table(path, "bronze", "mongo_customers", pa.table(mongo))
    lake.publish_table(path, "bronze", "mongo_transactions", pa.table(BRONZE_TRANSACTIONS))
    lake.publish_table(path, "silver", "stg_mongo_transactions", SILVER_TRANSACTIONS)
    resolve_workspace(path, IDENTITY, engines.connect("duckdb").splink_api, run_id="r1")
    for name, rows in FACT_ROWS.items():
        declared = contracts.get(name).arrow_schema()  # the columns the profile reads
        schema = pa.schema([declared.field(c).with_nullable(True) for c in READ_COLUMNS[name]])
        lake.publish_table(path, "gold", name, pa.Table.from_pylist(rows, schema=schema))
    return path


def test_the_workspace_profile_is_assemble_of_its_tables_read_whole(workspace: Path) -> None:
    links = read_links(workspace)
    facts = {n: lake.read_table(workspace, "gold", n, list(READ_COLUMNS[n])) for n in FACT_ROWS}
    facts["stg_mongo_transactions"] = SILVER_TRANSACTIONS
    ledger = lake.read_table(workspace, "gold", "identity_ledger")
    inputs = Inputs(links, read_records(workspace, IDENTITY, links), ledger, facts)
    expected = assemble(inputs, IDENTITY)
    built = build_profile(workspace, IDENTITY)
    assert built.equals(expected)
    by_id = {r["primary_email"]: r for r in built.to_pylist()}
    anna, dora = by_id["anna.keller@example.org"], by_id["dora.w@example.de"]
    # Her two seed-000 orders and her silver transaction, not the one silver quarantined.
    assert (anna["orders_count"], anna["total_revenue"]) == (3, 125.0)
    assert anna["last_purchase_at"] == datetime(2024, 6, 2, 10)
    assert (dora["orders_count"], dora["total_revenue"], dora["primary_source"]) == (
        1, 12.5, "marketing",
    )  # fmt: skip
    assert by_id["b.novak@example.net"]["consent_scopes"] == []  # the unsubscribe counted


def test_lake_facts_are_read_when_asked_for_and_not_before(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    read = lake.read_table

    def counted(workspace: Path, layer: str, name: str, columns: list[str]) -> pa.Table:
        reads.append(name)
        return read(workspace, layer, name, columns)

    monkeypatch.setattr(profile.lake, "read_table", counted)
    facts = LakeFacts(workspace)
    assert "fct_orders" in facts and "stg_orders" not in facts and list(facts) == list(FACTS)
    assert reads == []
    orders = facts["fct_orders"]
    assert orders.num_rows == 3 and orders.column_names == list(READ_COLUMNS["fct_orders"])
    assert reads == ["fct_orders"]
    unbuilt = facts["customer_scores"]  # not in this workspace: no rows, the columns read
    assert unbuilt.num_rows == 0 and unbuilt.column_names == list(READ_COLUMNS["customer_scores"])
