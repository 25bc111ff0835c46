"""Each quarantined row names the source column whose value rejected it (``column``), and NULL
where the reason concerns the row as a whole (a duplicate, a missing key, values that contradict
each other); the reason codes stay as they were. Literal rows, one test per model, every engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver import campaigns, commerce, crm, ecommerce, marketing
from c360.pipeline.silver.privacy import pseudonymiser
from c360.pipeline.silver.staged import Staged
from tests.pipeline.silver.test_campaigns import CAMPAIGN, EVENT, SEND
from tests.pipeline.silver.test_commerce import LINE, ORDER, PRODUCT, RETURN
from tests.pipeline.silver.test_crm import AS_OF, bronze, customer
from tests.pipeline.silver.test_crm import row as contract_row
from tests.pipeline.silver.test_marketing import ANN, CUSTOMER_FIELDS, FIELDS, RAW, TX_FIELDS

Blame = tuple[str, str | None]


def blamed(engine: Engine, staged: Staged) -> dict[int, Blame]:
    """Rejected row numbers with their reason and column; ``column`` follows ``reason``."""
    rejects = staged.collect(engine)[1]
    assert rejects.column_names[-2:] == ["reason", "column"]
    assert rejects.schema.field("column").type == pa.string()
    return {r["_row_number"]: (r["reason"], r["column"]) for r in rejects.to_pylist()}


def row(
    table: str, base: Mapping[str, str | None], **changes: str | None
) -> tuple[str | None, ...]:
    """A bronze row of ``table`` in contract order: ``base`` with ``changes``."""
    return contract_row(table, dict(base), **changes)


def source(engine: Engine, name: str, fields: tuple[str, ...], rows: list[tuple]) -> object:
    """A bronze table of text ``fields``, its rows numbered from 1."""
    columns: dict[str, list[object]] = {f: [r[i] for r in rows] for i, f in enumerate(fields)}
    columns["_source_file"] = [f"sources/x/{name}.jsonl"] * len(rows)
    columns["_row_number"] = list(range(1, len(rows) + 1))
    return engine.register(f"test_columns_{name}", pa.table(columns))


# Seed 004


def test_mongo_campaigns(engine: Engine) -> None:
    def campaign(campaign_id: str | None, **changes: str) -> tuple[str | None, ...]:
        good = dict(zip(FIELDS, RAW[0], strict=True))
        return tuple((good | {"campaign_id": campaign_id} | changes)[f] for f in FIELDS)

    staged = marketing.stg_mongo_campaigns(source(engine, "mongo_campaigns", FIELDS, [
        RAW[0],
        campaign("CAMP002", spend="abc"),
        campaign("CAMP003", start_date="2024-02-30"),  # kept: its start is unknown (NULL)
        campaign("CAMP004", campaign_type='{"kind": "Email"}'),
        campaign("CAMP005", impressions="5", clicks="9", conversions="1"),
        campaign("CAMP006", conversions="-1"),
        campaign("CAMP007", budget="1e16"),
        campaign(None),
        RAW[0],
        campaign("CAMP010", start_date="1970-01-01"),  # kept: a placeholder, no start
        campaign("CAMP011", campaign_name="true", status='["active"]'),  # the first named
    ]))  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("invalid_number", "spend"),
        4: ("invalid_value", "campaign_type"),
        5: ("inconsistent_counts", None),  # more clicks than impressions: neither alone
        6: ("negative_count", "conversions"),
        7: ("out_of_range", "budget"),
        8: ("missing_key", None),
        9: ("duplicate_key", None),
        11: ("invalid_value", "campaign_name"),
    }


def test_mongo_transactions(engine: Engine) -> None:
    good = ("TXN1", "CUST1", "Laptop", "999.99", "1", "Card", "50.0", "10.0",
            "2024-01-02T10:00:00Z")  # fmt: skip

    def tx(transaction_id: str, **changes: str | None) -> tuple[str | None, ...]:
        values = dict(zip(TX_FIELDS, good, strict=True)) | {"transaction_id": transaction_id}
        return tuple((values | changes)[f] for f in TX_FIELDS)

    staged = marketing.stg_mongo_transactions(
        source(engine, "mongo_transactions", TX_FIELDS, [
            good,
            tx("TXN2", customer_id="CUST9"),
            tx("TXN3", quantity="x"),
            tx("TXN4", payment_method="true"),
            tx("TXN5", shipping_cost="-1"),
            tx("TXN6", timestamp="2095-01-04T00:00:00Z"),
            tx("TXN7", amount="5", discount_applied="100", shipping_cost="0"),
            good,
            tx("TXN9", customer_id=None),
            tx("TXN10", amount="NaN"),
        ]),
        engine.register("test_columns_known", pa.table({"customer_id": ["CUST1"]})),
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("orphan_customer", "customer_id"),
        3: ("invalid_number", "quantity"),
        4: ("invalid_value", "payment_method"),
        5: ("negative_amount", "shipping_cost"),
        6: ("future_date", "timestamp"),  # the source's name for it, as its contract's
        7: ("inconsistent_amount", None),  # a discount above the amount and the shipping
        8: ("duplicate_key", None),
        9: ("missing_customer", "customer_id"),
        10: ("invalid_number", "amount"),
    }


def test_mongo_customers(engine: Engine) -> None:
    def contact(customer_id: str | None, **changes: str) -> tuple[str | None, ...]:
        values = dict(zip(CUSTOMER_FIELDS, ANN, strict=True)) | {"customer_id": customer_id}
        return tuple((values | changes)[f] for f in CUSTOMER_FIELDS)

    staged = marketing.stg_mongo_customers(
        source(engine, "mongo_customers", CUSTOMER_FIELDS, [
            ANN,
            contact("CUST00002", country='{"code": "FR"}'),
            contact("CUST00003", city='{"name": "Paris"}'),
            contact("CUST00004", first_name="true", city="75001"),  # the first named
            ANN,
            contact(None),
            contact("CUST00007", country="Atlantis"),  # unknown: kept, its country NULL
        ]),
        pseudonymiser("md5"),
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("invalid_value", "country"),
        3: ("invalid_value", "city"),
        4: ("invalid_value", "first_name"),
        5: ("duplicate_key", None),
        6: ("missing_key", None),
    }


# Seed 003

PRODUCT_FIELDS = ("product_id", "name", "category", "brand", "price", "cost")
CUSTOMER_ROW_FIELDS = ("customer_id", "name", "email", "city", "country", "registration_date",
                       "loyalty_tier")  # fmt: skip
ORDER_FIELDS = ("order_id", "customer_id", "product_id", "quantity", "order_date",
                "shipping_address")  # fmt: skip
STOCK_FIELDS = ("product_id", "warehouse_id", "stock_quantity", "last_updated")
LAMP = ("P1", "Lamp", "Home", "B", "20.0", "12.5")
ANN_LEE = ("C1", "Ann Lee", "ann@mail.com", "Leeds", "uk", "2023-01-15", "gold")


def test_ecommerce_products(engine: Engine) -> None:
    staged = ecommerce.stg_ecommerce_products(source(engine, "ec_products", PRODUCT_FIELDS, [
        LAMP,
        ("P2", "Mug", "Home", "B", "20.0", "abc"),
        ("P3", "Mug", "Home", "B", None, "1"),
        ("P4", "Mug", "Home", "B", "0.001", "0"),
        ("P5", "Mug", "Home", "B", "20", "-1"),
        LAMP,
        ("P7", "Mug", "Toys", "B", "20", "1"),  # an unknown category: kept as "Unknown"
    ]))  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("invalid_number", "cost"),
        3: ("missing_price", "price"),
        4: ("out_of_range", "price"),
        5: ("negative_amount", "cost"),
        6: ("duplicate_key", None),
    }


def test_ecommerce_customers(engine: Engine) -> None:
    staged = ecommerce.stg_ecommerce_customers(
        source(engine, "ec_customers", CUSTOMER_ROW_FIELDS, [
            ANN_LEE,
            ("C2", "Bo", "bo@mail.com", "Leeds", '{"code": "FR"}', "2023-01-15", "gold"),
            ("C3", "42", "cy@mail.com", "Leeds", "uk", "2023-01-15", "gold"),
            ANN_LEE,
            (None, "Dee", "dee@mail.com", "Leeds", "uk", "2023-01-15", "gold"),
        ]),
        pseudonymiser("md5"),
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("invalid_value", "country"),
        3: ("invalid_value", "name"),
        4: ("duplicate_key", None),
        5: ("missing_key", None),
    }


def test_ecommerce_orders(engine: Engine) -> None:
    products = source(engine, "ec_order_products", PRODUCT_FIELDS, [LAMP])
    customers = source(engine, "ec_order_customers", CUSTOMER_ROW_FIELDS, [ANN_LEE])
    first = ("EC-1", "C1", "P1", "2", "2024-01-01 10:00:00", "1 Main St")
    staged = ecommerce.stg_ecommerce_orders(
        source(engine, "ec_orders", ORDER_FIELDS, [
            first,
            ("EC-2", "C9", "P1", "1", "2024-01-02 10:00:00", None),
            ("EC-3", "C1", "P9", "1", "2024-01-02 10:00:00", None),
            ("EC-4", "C1", "P1", "two", "2024-01-02 10:00:00", None),
            ("EC-5", "C1", "P1", "0", "2024-01-02 10:00:00", None),
            ("EC-6", "C1", "P1", "1", "2024-02-30 10:00:00", None),
            ("EC-7", "C1", None, "1", "2024-01-02 10:00:00", None),
            first,
        ]),
        customers,
        products,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("orphan_customer", "customer_id"),
        3: ("orphan_product", "product_id"),
        4: ("invalid_number", "quantity"),
        5: ("non_positive_quantity", "quantity"),
        6: ("invalid_date", "order_date"),
        7: ("missing_product", "product_id"),
        8: ("duplicate_key", None),
    }


def test_ecommerce_inventory(engine: Engine) -> None:
    products = source(engine, "ec_stock_products", PRODUCT_FIELDS, [LAMP])
    first = ("P1", "WH-PAR", "0", "2025-10-13 06:00:00")
    staged = ecommerce.stg_ecommerce_inventory(
        source(engine, "ec_inventory", STOCK_FIELDS, [
            first,
            ("P1", "WH-PAR", "-4", "2025-10-20 06:00:00"),
            ("P7", "WH-PAR", "3", "2025-10-13 06:00:00"),
            ("P1", "WH-XYZ", "3", "2025-10-13 06:00:00"),  # a warehouse of its own: kept
            ("P1", None, "3", "2025-10-13 06:00:00"),
            ("P1", "WH-BER", "3", "2095-10-13 06:00:00"),
            first,
        ]),
        products,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("negative_stock", "stock_quantity"),
        3: ("orphan_product", "product_id"),
        5: ("missing_key", None),
        6: ("future_date", "last_updated"),
        7: ("duplicate_key", None),
    }


# Seed 000: the checks each contract implies name their column, the models' own ones too.

ACCOUNT = {"account_id": "ACC_000001", "account_name": "Acme", "industry": "Retail",
           "region": "APAC", "tier": "smb", "employee_count": "5",
           "created_at": "2020-01-01", "status": "active", "annual_revenue_eur": "5"}  # fmt: skip


def test_crm_accounts(engine: Engine) -> None:
    staged = crm.stg_crm_accounts(bronze(engine, "crm_accounts", [
        row("crm_accounts", ACCOUNT),
        row("crm_accounts", ACCOUNT, account_id="ACC_000002", region="Mars"),
        row("crm_accounts", ACCOUNT, account_id="ACC_000003", employee_count="0"),
        row("crm_accounts", ACCOUNT, account_id="ACC_000004", created_at="2095-01-01"),
        row("crm_accounts", ACCOUNT),
        row("crm_accounts", ACCOUNT, account_id="ACC_000006", industry=None),
        row("crm_accounts", ACCOUNT, account_id=" "),
    ]), AS_OF)  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("invalid_value", "region"),
        3: ("out_of_range", "employee_count"),
        4: ("future_date", "created_at"),
        5: ("duplicate_key", None),
        6: ("missing_industry", "industry"),
        7: ("missing_key", None),
    }


def test_crm_customers(engine: Engine) -> None:
    accounts = bronze(engine, "crm_accounts", [row("crm_accounts", ACCOUNT)])
    staged = crm.stg_crm_customers(
        bronze(engine, "crm_customers", [
            customer("CUST_000001"),
            customer("CUST_000002", status="churned"),  # the stage says active
            customer("CUST_000003", first_seen_at="2095-01-01 00:00:00"),
            customer("CUST_000004", preferred_channel="fax"),
            customer("CUST_000001"),
            customer("CUST_000006", account_id="ACC_000009"),  # kept, its account dropped
        ]),
        accounts,
        pseudonymiser("md5"),
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("inconsistent_status", None),
        3: ("future_date", "first_seen_at"),
        4: ("invalid_value", "preferred_channel"),
        5: ("duplicate_key", None),
    }


def test_crm_segments(engine: Engine) -> None:
    staged = crm.stg_crm_segments(bronze(engine, "crm_segments", [
        ("SEG_001", "VIP", "Top customers.", "2022-10-06 04:39:56", "true"),
        ("SEG_002", "Tiered", None, "2022-10-06 04:39:56", "false"),
        ("SEG_003", "Soon", "Later.", "2095-10-06 04:39:56", "1"),
        ("SEG_004", "Odd", "Odd.", "2022-10-06 04:39:56", "maybe"),
    ]), AS_OF)  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("missing_description", "description"),
        3: ("future_date", "created_at"),
        4: ("invalid_value", "is_active"),
    }


def test_crm_customer_segments(engine: Engine) -> None:
    segments = bronze(engine, "crm_segments", [
        ("SEG_001", "VIP", "Top customers.", "2022-10-06 04:39:56", "true"),
    ])  # fmt: skip
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    staged = crm.stg_crm_customer_segments(
        bronze(engine, "crm_customer_segments", [
            ("CUST_000001", "SEG_001", "2023-06-04 02:33:02", None),
            ("CUST_000001", "SEG_001", "2023-06-04 02:33:02", "2023-01-01 00:00:00"),
            ("CUST_000001", "SEG_009", "2023-06-04 02:33:02", None),
            ("CUST_000002", "SEG_001", "2023-06-04 02:33:02", None),
            ("CUST_000001", "SEG_001", "2024-06-04 02:33:02", "sometime"),
            (None, "SEG_001", "2023-06-04 02:33:02", None),
        ]),
        customers,
        segments,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("end_before_start", None),  # the one or the other date
        3: ("orphan_segment", "segment_id"),
        4: ("orphan_customer", "customer_id"),
        5: ("invalid_date", "end_date"),
        6: ("missing_key", None),
    }


def test_crm_interactions(engine: Engine) -> None:
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    base = {
        "interaction_id": "INT_00000001", "customer_id": "CUST_000001", "type": "Support Ticket",
        "channel": "PHONE", "occurred_at": "2025-12-22 00:46:45", "topic": "technical",
        "outcome": "closed", "satisfaction_score": None, "duration_min": "2",
    }  # fmt: skip

    def interaction(number: int, **changes: str | None) -> tuple[str | None, ...]:
        return row("crm_interactions", base, interaction_id=f"INT_{number:08d}", **changes)

    staged = crm.stg_crm_interactions(
        bronze(engine, "crm_interactions", [
            interaction(1),
            interaction(2, satisfaction_score="9"),
            interaction(3, type=None),
            interaction(4, customer_id="CUST_9000001"),
            interaction(5, occurred_at="2095-12-22 00:46:45"),
            interaction(6, channel="fax"),
            interaction(7, duration_min="two"),
        ]),
        customers,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("out_of_range", "satisfaction_score"),
        3: ("missing_type", "type"),
        4: ("orphan_customer", "customer_id"),
        5: ("future_date", "occurred_at"),
        6: ("invalid_value", "channel"),
        7: ("invalid_number", "duration_min"),
    }


def test_crm_customer_profile(engine: Engine) -> None:
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    good = ("CUST_000001", "25", "149.87", "5", None, "0", "6", "456.13", "76.02", "0.3889", "0")
    profiles = [good] + [
        tuple(v if i != at else bad for i, v in enumerate(good))
        for at, bad in ((1, "101"), (2, None), (7, "-1.5"), (4, "2095-01-01"), (0, "CUST_9"))
    ]
    staged = crm.stg_crm_customer_profile(
        bronze(engine, "crm_customer_profile", [*profiles, good]), customers, AS_OF
    )
    assert blamed(engine, staged) == {
        2: ("out_of_range", "churn_risk_score"),
        3: ("missing_clv_score", "clv_score"),
        4: ("negative_amount", "total_spend_eur"),
        5: ("future_date", "last_contact_at"),
        6: ("orphan_customer", "customer_id"),
        7: ("duplicate_key", None),
    }


def test_marketing_campaigns(engine: Engine) -> None:
    staged = campaigns.stg_marketing_campaigns(
        bronze(engine, "marketing_campaigns", [
            row("marketing_campaigns", CAMPAIGN),
            row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_002", end_date="2025-12-01",
                start_date="2026-01-01", status="active"),
            row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_003",
                start_date="2095-01-12 00:00:00", end_date="2095-02-12 00:00:00"),
            row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_004", channel="sms"),
            row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_005", budget_eur="-500"),
            row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_006", ab_test_flag=None),
        ]),
        dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("end_before_start", None),
        3: ("future_date", "start_date"),
        4: ("invalid_value", "channel"),
        5: ("negative_amount", "budget_eur"),
        6: ("missing_ab_test_flag", "ab_test_flag"),
    }


ASSET = {"asset_id": "ASSET_00001", "campaign_id": "CAMP_001", "asset_type": "email_template",
         "subject": "Hi", "language": "FR", "variant": None,
         "created_at": "2023-01-09 11:00:00"}  # fmt: skip


def test_marketing_assets(engine: Engine) -> None:
    known = bronze(engine, "marketing_campaigns", [row("marketing_campaigns", CAMPAIGN)])
    staged = campaigns.stg_marketing_assets(
        bronze(engine, "marketing_assets", [
            row("marketing_assets", ASSET),
            row("marketing_assets", ASSET, asset_id="ASSET_00002", campaign_id="CAMP_9001"),
            row("marketing_assets", ASSET, asset_id="ASSET_00003", variant="C"),
            row("marketing_assets", ASSET, asset_id="ASSET_00004", created_at="2095-01-09"),
            row("marketing_assets", ASSET),
        ]),
        known,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("orphan_campaign", "campaign_id"),
        3: ("invalid_value", "variant"),
        4: ("future_date", "created_at"),
        5: ("duplicate_key", None),
    }


def test_marketing_audiences(engine: Engine) -> None:
    known = bronze(engine, "marketing_campaigns", [row("marketing_campaigns", CAMPAIGN)])
    segments = bronze(engine, "crm_segments", [
        ("SEG_001", "VIP", "Top customers.", "2022-10-06 04:39:56", "true"),
    ])  # fmt: skip
    audience = {"audience_id": "AUD_0001", "campaign_id": "CAMP_001", "segment_id": "SEG_001",
                "criteria_json": '{"consent_email": true}'}  # fmt: skip
    staged = campaigns.stg_marketing_audiences(
        bronze(engine, "marketing_audiences", [
            row("marketing_audiences", audience),
            row("marketing_audiences", audience, audience_id="AUD_0002", segment_id="SEG_9001"),
            row("marketing_audiences", audience, audience_id="AUD_0003", criteria_json="min 2"),
            row("marketing_audiences", audience, audience_id="AUD_0004", criteria_json=" "),
        ]),
        known,
        segments,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("orphan_segment", "segment_id"),
        3: ("invalid_value", "criteria_json"),
        4: ("missing_criteria_json", "criteria_json"),
    }


def test_marketing_sends(engine: Engine) -> None:
    known = bronze(engine, "marketing_campaigns", [row("marketing_campaigns", CAMPAIGN)])
    assets = bronze(engine, "marketing_assets", [row("marketing_assets", ASSET)])
    customers = bronze(engine, "crm_customers", [
        customer("CUST_000001"), customer("CUST_000002", consent_email="false"),
    ])  # fmt: skip
    staged = campaigns.stg_marketing_sends(
        bronze(engine, "marketing_sends", [
            row("marketing_sends", SEND),
            row("marketing_sends", SEND, send_id="SEND_00000002", customer_id="CUST_000002"),
            row("marketing_sends", SEND, send_id="SEND_00000003", customer_id="CUST_9000001"),
            row("marketing_sends", SEND, send_id="SEND_00000004", asset_id="ASSET_90001"),
            row("marketing_sends", SEND, send_id="SEND_00000005", send_at="00/00/0000"),
            row("marketing_sends", SEND),
        ]),
        known,
        assets,
        customers,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("no_consent", "customer_id"),  # the customer it names has not consented
        3: ("orphan_customer", "customer_id"),
        4: ("orphan_asset", "asset_id"),
        5: ("invalid_date", "send_at"),
        6: ("duplicate_key", None),
    }


def test_marketing_events(engine: Engine) -> None:
    sends = bronze(engine, "marketing_sends", [row("marketing_sends", SEND)])
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    staged = campaigns.stg_marketing_events(
        bronze(engine, "marketing_events", [
            row("marketing_events", EVENT),
            row("marketing_events", EVENT, event_id="EVT_00000002", send_id="SEND_90000001"),
            row("marketing_events", EVENT, event_id="EVT_00000003", event_type=None),
            row("marketing_events", EVENT, event_id="EVT_00000004", device="watch"),
            row("marketing_events", EVENT, event_id="EVT_00000005", event_at="2095-01-21"),
            row("marketing_events", EVENT, event_type="open "),
        ]),
        sends,
        customers,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("orphan_send", "send_id"),
        3: ("missing_event_type", "event_type"),
        4: ("invalid_value", "device"),
        5: ("future_date", "event_at"),
        6: ("duplicate_key", None),
    }


def test_products(engine: Engine) -> None:
    staged = commerce.stg_products(bronze(engine, "products", [
        row("products", PRODUCT),
        row("products", PRODUCT, product_id="PROD_00002", price_eur="0"),
        row("products", PRODUCT, product_id="PROD_00003", price_eur="-9.99"),
        row("products", PRODUCT, product_id="PROD_00004", margin_pct="1.2"),
        row("products", PRODUCT, product_id="PROD_00005", category="Toys"),
        row("products", PRODUCT, product_id="PROD_00006", in_stock="maybe"),
        row("products", PRODUCT),
    ]))  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("out_of_range", "price_eur"),
        3: ("negative_amount", "price_eur"),
        4: ("out_of_range", "margin_pct"),
        5: ("invalid_value", "category"),
        6: ("invalid_value", "in_stock"),
        7: ("duplicate_key", None),
    }


def test_orders(engine: Engine) -> None:
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    known = bronze(engine, "marketing_campaigns", [row("marketing_campaigns", CAMPAIGN)])
    staged = commerce.stg_orders(
        bronze(engine, "orders", [
            row("orders", ORDER),
            row("orders", ORDER, order_id="ORD_0000002", customer_id="CUST_9000001"),
            row("orders", ORDER, order_id="ORD_0000003", customer_id=None),
            row("orders", ORDER, order_id="ORD_0000004", order_at="2095-03-14 02:20:37"),
            row("orders", ORDER, order_id="ORD_0000005", total_amount_eur="$69.17"),
            row("orders", ORDER, order_id="ORD_0000006", attributed_campaign_id="CAMP_9"),
            row("orders", ORDER),
        ]),
        customers,
        known,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("orphan_customer", "customer_id"),
        3: ("missing_customer", "customer_id"),
        4: ("future_date", "order_at"),
        5: ("other_currency", "total_amount_eur"),
        7: ("duplicate_key", None),
    }


def test_order_lines(engine: Engine) -> None:
    orders = bronze(engine, "orders", [row("orders", ORDER)])
    products = bronze(engine, "products", [row("products", PRODUCT)])
    staged = commerce.stg_order_lines(
        bronze(engine, "order_lines", [
            row("order_lines", LINE),
            row("order_lines", LINE, order_line_id="LINE_00000002", qty="0",
                line_total_eur="0"),
            row("order_lines", LINE, order_line_id="LINE_00000003", line_total_eur="17.97"),
            row("order_lines", LINE, order_line_id="LINE_00000004", order_id="ORD_90000001"),
            row("order_lines", LINE, order_line_id="LINE_00000005", qty="1.5"),
            row("order_lines", LINE, order_line_id="LINE_00000006", discount_eur="-2.22"),
        ]),
        orders,
        products,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("non_positive_quantity", "qty"),
        3: ("inconsistent_amount", None),  # price × quantity − discount ≠ total: which one?
        4: ("orphan_order", "order_id"),
        5: ("invalid_number", "qty"),
        6: ("negative_amount", "discount_eur"),
    }


def test_returns(engine: Engine) -> None:
    orders = bronze(engine, "orders", [row("orders", ORDER)])
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    staged = commerce.stg_returns(
        bronze(engine, "returns", [
            row("returns", RETURN),
            row("returns", RETURN, return_id="RET_000002", status="rejected"),
            row("returns", RETURN, return_id="RET_000003", created_at="2095-04-06 05:14:36"),
            row("returns", RETURN, return_id="RET_000004", reason=None),
            row("returns", RETURN, return_id="RET_000005", amount_refunded_eur="69.18"),
            row("returns", RETURN, return_id="RET_000006", order_id="ORD_9"),
        ]),
        orders,
        customers,
        AS_OF,
    )  # fmt: skip
    assert blamed(engine, staged) == {
        2: ("inconsistent_amount", None),  # a rejected return that refunded money
        3: ("future_date", "created_at"),
        4: ("missing_reason", "reason"),
        5: ("inconsistent_amount", "amount_refunded_eur"),  # above the order's total
        6: ("orphan_order", "order_id"),
    }
