"""Seed 000's consistency checks (``sql/checks/*.sql``) run as written over gold of literal rows."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import sqlglot

from c360.contracts import gold_star as c
from c360.engines import Engine, connect
from c360.pipeline.gold import star
from c360.pipeline.gold.inferred import with_inferred
from c360.pipeline.gold.run import conform, with_people
from tests.pipeline.gold.test_star import CUSTOMER, silver

CHECKS = Path(__file__).parents[2] / "src" / "c360" / "sql" / "checks"


def test_a_send_to_a_customer_whose_consent_is_not_known_is_one_without_consent(
    engine: Engine,
) -> None:
    """A customer whose e-mail consent is NULL (not known) has not consented: an e-mail sent
    to them is a violation, as one to a customer who refused. An inferred member (a customer
    row silver quarantined) has no consent to read: silver checked its sends against the
    source, so it is none."""
    customers = silver(engine, "stg_crm_customers", [
        {**CUSTOMER, "customer_id": "CUST_000001", "consent_email": True},
        {**CUSTOMER, "customer_id": "CUST_000002", "consent_email": False},
        {**CUSTOMER, "customer_id": "CUST_000003", "consent_email": None},
        {**CUSTOMER, "customer_id": "CUST_000004", "consent_email": None},  # never sent to
    ])  # fmt: skip
    profile = silver(engine, "stg_crm_customer_profile", [])
    expr = with_people(star.dim_customer(customers, profile), c.DIM_CUSTOMER, None)
    dimension = conform(engine.to_arrow(expr), c.DIM_CUSTOMER)
    sent_to = ["CUST_000001", "CUST_000002", "CUST_000003", "CUST_000003", "CUST_000009"]
    events = pa.table({"customer_id": sent_to})
    dimension, inferred = with_inferred(dimension, c.DIM_CUSTOMER, [events["customer_id"]])
    assert inferred == 1 and dimension.column("consent_email").null_count == 3
    warehouse = connect("duckdb")
    warehouse.register("dim_customer", dimension)
    warehouse.register("fct_email_events", events)
    text = (CHECKS / "sends_without_consent.sql").read_text()
    sqlglot.parse_one(text, read="postgres")  # PostgreSQL answers it too
    assert warehouse.con.raw_sql(text).fetchall() == [(3,)]
