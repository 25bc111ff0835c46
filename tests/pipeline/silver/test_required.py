"""A staging table holds NULL only where its source's contract lets the column be NULL: a value
silver keeps missing (an e-mail, a city, a budget) is declared nullable, a required one is never
NULL. Literal rows with values left out or unreadable, one test per hand-written model, every
engine (the models read by ``parse.contract_checks`` reject a missing required value)."""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa

from c360 import contracts
from c360.engines import Engine
from c360.pipeline.silver import crm, ecommerce, marketing
from c360.pipeline.silver.privacy import pseudonymiser
from c360.pipeline.silver.staged import Staged
from tests.pipeline.silver.test_crm import AS_OF, customer
from tests.pipeline.silver.test_crm import bronze as crm_bronze

# The source column each staging column is read from where the names differ; None: a column
# silver works out (a KPI, a flag, a pseudonym's validity).
RENAMED = {
    "email_hash": "email",
    "phone_hash": "phone",
    "has_valid_email": None,
    "has_valid_phone": None,
    "order_at": "order_date",
    "last_updated_at": "last_updated",
    "transaction_at": "timestamp",
    "margin": None,
    "full_name": None,
    "total_amount": None,
    **{kpi: None for kpi in ("ctr", "conversion_rate", "cpc", "cpa", "roi")},
}


def source(engine: Engine, table: str, rows: list[Mapping[str, str | None]]) -> object:
    """A bronze table of source ``table``: its contract's columns as text (a column a row
    leaves out is NULL), rows numbered from 1."""
    names = [c for c in contracts.get(table).column_names if c != "_id"]
    columns = {c: pa.array([r.get(c) for r in rows], pa.string()) for c in names}
    columns["_source_file"] = pa.array([f"sources/x/{table}"] * len(rows), pa.string())
    columns["_row_number"] = pa.array(range(1, len(rows) + 1), pa.int64())
    return engine.register(f"test_required_{table}", pa.table(columns))


def undeclared_nulls(engine: Engine, staged: Staged, table: str, kept: int) -> list[str]:
    """The source columns of ``table`` whose values are NULL in the ``kept`` clean rows although
    its contract requires them."""
    clean = staged.collect(engine)[0]
    assert clean.num_rows == kept
    contract = contracts.get(table)
    sources = {name: RENAMED.get(name, name) for name in clean.column_names}
    return sorted(
        column
        for name, column in sources.items()
        if column is not None
        and clean.column(name).null_count
        and not contract.column(column).nullable
    )


def test_crm_customers(engine: Engine) -> None:
    accounts = crm_bronze(engine, "crm_accounts", [])
    customers = crm_bronze(engine, "crm_customers", [
        customer("CUST_000001", email=None),  # a customer without an e-mail address
        customer("CUST_000002", email="not an address"),
    ])  # fmt: skip
    staged = crm.stg_crm_customers(customers, accounts, pseudonymiser("md5"), AS_OF)
    assert undeclared_nulls(engine, staged, "crm_customers", kept=2) == []


def test_ecommerce_sources(engine: Engine) -> None:
    products = source(engine, "ecommerce_products", [
        {"product_id": "PROD_00001", "price": "20.0"},
    ])  # fmt: skip
    staged = ecommerce.stg_ecommerce_products(products)
    assert undeclared_nulls(engine, staged, "ecommerce_products", kept=1) == []
    customers = source(engine, "ecommerce_customers", [
        {"customer_id": "CUST_000001"},
        {"customer_id": "CUST_000002", "email": "bo@", "country": "Atlantis",
         "registration_date": "2024-02-30", "loyalty_tier": "diamond"},
    ])  # fmt: skip
    staged = ecommerce.stg_ecommerce_customers(customers, pseudonymiser("md5"), AS_OF)
    assert undeclared_nulls(engine, staged, "ecommerce_customers", kept=2) == []
    orders = source(engine, "ecommerce_orders", [
        {"order_id": "EC-0000001", "customer_id": "CUST_000001", "product_id": "PROD_00001",
         "quantity": "1", "order_date": "2024-01-01 10:00:00"},
    ])  # fmt: skip
    staged = ecommerce.stg_ecommerce_orders(orders, customers, products, AS_OF)
    assert undeclared_nulls(engine, staged, "ecommerce_orders", kept=1) == []


def test_mongo_customers(engine: Engine) -> None:
    contacts = source(engine, "mongo_customers", [
        {"customer_id": "CUST00001"},
        {"customer_id": "CUST00002", "email": "bo@", "phone": "n/a", "age": "212",
         "country": "Atlantis", "gender": "x", "marketing_consent": "perhaps"},
    ])  # fmt: skip
    staged = marketing.stg_mongo_customers(contacts, pseudonymiser("md5"))
    assert undeclared_nulls(engine, staged, "mongo_customers", kept=2) == []


def test_mongo_campaigns(engine: Engine) -> None:
    campaigns = source(engine, "mongo_campaigns", [
        {"campaign_id": "CAMP001"},
        {"campaign_id": "CAMP002", "start_date": "2024-02-30", "status": "running"},
        {"campaign_id": "CAMP003", "start_date": "1970-01-01T00:00:00Z"},
    ])  # fmt: skip
    staged = marketing.stg_mongo_campaigns(campaigns)
    assert undeclared_nulls(engine, staged, "mongo_campaigns", kept=3) == []


def test_mongo_transactions(engine: Engine) -> None:
    customers = engine.register("test_required_buyers", pa.table({"customer_id": ["CUST00001"]}))
    transactions = source(engine, "mongo_transactions", [
        {"transaction_id": "TXN00001", "customer_id": "CUST00001", "amount": "5",
         "quantity": "1", "timestamp": "2024-01-04T00:00:00Z"},
    ])  # fmt: skip
    staged = marketing.stg_mongo_transactions(transactions, customers, AS_OF)
    assert undeclared_nulls(engine, staged, "mongo_transactions", kept=1) == []
