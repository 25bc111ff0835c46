"""Seed 000's commerce in silver: products, orders, lines and returns on literal rows."""

from __future__ import annotations

from c360.engines import Engine
from c360.pipeline.silver.commerce import stg_order_lines, stg_orders, stg_products, stg_returns
from tests.pipeline.silver.test_crm import AS_OF, bronze, clean, customer, reasons, row

PRODUCT = {"product_id": "PROD_00001", "product_name": "Sonivo Laptop Stand", "category":
           "home & garden", "brand": "Sonivo", "price_eur": "242.99", "margin_pct": "0.215",
           "sku": "HOM-00001", "in_stock": "TRUE"}  # fmt: skip
ORDER = {"order_id": "ORD_0000001", "customer_id": "CUST_000001", "order_at":
         "2023-03-14 02:20:37", "channel": "Mobile App", "total_amount_eur": "69.17",
         "promo_code": None, "attributed_campaign_id": None, "status": "completed"}  # fmt: skip
LINE = {"order_line_id": "LINE_00000001", "order_id": "ORD_0000001", "product_id": "PROD_00001",
        "qty": "3", "unit_price_eur": "5.99", "discount_eur": "2.22",
        "line_total_eur": "15.75"}  # fmt: skip
RETURN = {"return_id": "RET_000001", "order_id": "ORD_0000001", "customer_id": "CUST_000001",
          "created_at": "2023-04-06 05:14:36", "reason": "Wrong Item",
          "amount_refunded_eur": "45.23", "status": "approved"}  # fmt: skip


def test_products_and_orders(engine: Engine) -> None:
    products = bronze(engine, "products", [
        row("products", PRODUCT, brand="BrÃ¼ckner"),
        row("products", PRODUCT, product_id="PROD_00002", price_eur="0"),
        row("products", PRODUCT, product_id="PROD_00003", price_eur="-9.99"),
        row("products", PRODUCT, product_id="PROD_00004", margin_pct="1.2"),
        row("products", PRODUCT, product_id="PROD_00005", category="Toys"),
    ])  # fmt: skip
    staged = stg_products(products)
    [kept] = clean(engine, staged, "products")
    assert kept == {
        "product_id": "PROD_00001", "product_name": "Sonivo Laptop Stand",
        "category": "Home & Garden", "brand": "Brückner", "price_eur": 242.99,
        "margin_pct": 0.215, "sku": "HOM-00001", "in_stock": True,
    }  # fmt: skip
    assert reasons(engine, staged) == {
        2: "out_of_range",
        3: "negative_amount",
        4: "out_of_range",
        5: "invalid_value",
    }
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    campaigns = bronze(engine, "marketing_campaigns", [
        ("CAMP_001", "Spring", "upsell", "2023-01-12", "2023-02-07", "500", "email", "false",
         "completed"),
    ])  # fmt: skip
    staged = stg_orders(
        bronze(engine, "orders", [
            row("orders", ORDER),
            row("orders", ORDER, order_id="ORD_0000002", attributed_campaign_id="CAMP_001",
                promo_code="WELCOME10", total_amount_eur="0"),
            row("orders", ORDER, order_id="ORD_0000003", attributed_campaign_id="CAMP_9001"),
            row("orders", ORDER, order_id="ORD_0000004", total_amount_eur="-69.17"),
            row("orders", ORDER, order_id="ORD_0000005", order_at="2095-03-14 02:20:37"),
            row("orders", ORDER, order_id="ORD_0000006", channel=None),
            row("orders", ORDER, order_id="ORD_0000007", customer_id=None),
            row("orders", ORDER, order_id="ORD_0000008", status="shipped"),
        ]),
        customers,
        campaigns,
        AS_OF,
    )  # fmt: skip
    orders = {r["order_id"]: r for r in clean(engine, staged, "orders")}
    first, second = orders["ORD_0000001"], orders["ORD_0000002"]
    assert (first["channel"], first["attributed_campaign_id"], first["total_amount_eur"]) == (
        "mobile_app",
        None,
        69.17,
    )
    assert (second["attributed_campaign_id"], second["promo_code"]) == ("CAMP_001", "WELCOME10")
    assert reasons(engine, staged) == {
        4: "negative_amount",
        5: "future_date",
        6: "missing_channel",
        7: "missing_customer",
        8: "invalid_value",
    }


def test_an_unknown_campaign_drops_the_attribution_not_the_order(engine: Engine) -> None:
    """The attribution is optional: an order attributed to a campaign the source does not hold
    is kept without one, and counted as repaired only on the rows silver keeps."""
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    campaigns = bronze(engine, "marketing_campaigns", [
        ("CAMP_001", "Spring", "upsell", "2023-01-12", "2023-02-07", "500", "email", "false",
         "completed"),
    ])  # fmt: skip
    staged = stg_orders(
        bronze(engine, "orders", [
            row("orders", ORDER, attributed_campaign_id="CAMP_9001"),
            row("orders", ORDER, order_id="ORD_0000002", attributed_campaign_id="CAMP_001"),
            row("orders", ORDER, order_id="ORD_0000003", attributed_campaign_id=" CAMP_001 "),
            row("orders", ORDER, order_id="ORD_0000004", attributed_campaign_id="CAMP_9002",
                order_at="2095-03-14 02:20:37"),
            row("orders", ORDER, order_id="ORD_0000005", attributed_campaign_id="CAMP_9003",
                customer_id="CUST_9000001"),
            row("orders", ORDER, attributed_campaign_id="CAMP_9001"),  # a copy of row 1
        ]),
        customers,
        campaigns,
        AS_OF,
    )  # fmt: skip
    data, rejects, repaired = staged.outcome(engine)
    assert [(r["order_id"], r["attributed_campaign_id"], r["total_amount_eur"])
            for r in data.to_pylist()] == [
        ("ORD_0000001", None, 69.17),
        ("ORD_0000002", "CAMP_001", 69.17),
        ("ORD_0000003", "CAMP_001", 69.17),
    ]  # fmt: skip
    assert reasons(engine, staged) == {4: "future_date", 5: "orphan_customer", 6: "duplicate_key"}
    assert repaired == {"attributed_campaign_id: orphan_campaign": 1}
    assert data.num_rows + rejects.num_rows == 6


def test_lines_add_up_and_returns_follow_their_status(engine: Engine) -> None:
    orders = bronze(engine, "orders", [row("orders", ORDER)])
    products = bronze(engine, "products", [row("products", PRODUCT)])
    staged = stg_order_lines(
        bronze(engine, "order_lines", [
            row("order_lines", LINE),
            row("order_lines", LINE, order_line_id="LINE_00000002", qty="0",
                line_total_eur="0"),
            row("order_lines", LINE, order_line_id="LINE_00000003", discount_eur="-2.22"),
            row("order_lines", LINE, order_line_id="LINE_00000004", line_total_eur="17.97"),
            row("order_lines", LINE, order_line_id="LINE_00000005", order_id="ORD_90000001"),
            row("order_lines", LINE, order_line_id="LINE_00000006", product_id="PROD_900001"),
            row("order_lines", LINE, order_line_id="LINE_00000007", unit_price_eur=None),
            row("order_lines", LINE, order_line_id="LINE_00000008", qty="1.5"),
        ]),
        orders,
        products,
    )  # fmt: skip
    [line] = clean(engine, staged, "order_lines")
    assert (line["qty"], line["unit_price_eur"], line["discount_eur"], line["line_total_eur"]) == (
        3,
        5.99,
        2.22,
        15.75,
    )
    assert reasons(engine, staged) == {
        2: "non_positive_quantity",
        3: "negative_amount",
        4: "inconsistent_amount",
        5: "orphan_order",
        6: "orphan_product",
        7: "missing_unit_price_eur",
        8: "invalid_number",
    }
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    staged = stg_returns(
        bronze(engine, "returns", [
            row("returns", RETURN),
            row("returns", RETURN, return_id="RET_000002", status="rejected",
                amount_refunded_eur="0.00"),
            row("returns", RETURN, return_id="RET_000003", status="rejected"),
            row("returns", RETURN, return_id="RET_000004", amount_refunded_eur="-45.23"),
            row("returns", RETURN, return_id="RET_000005", created_at="2095-04-06 05:14:36"),
            row("returns", RETURN, return_id="RET_000006", reason=None),
            row("returns", RETURN, return_id="RET_000007", customer_id="CUST_9000001"),
            row("returns", RETURN, return_id="RET_000008", amount_refunded_eur="69.18"),
            row("returns", RETURN, return_id="RET_000009", amount_refunded_eur="69.17"),
        ]),
        orders,
        customers,
        AS_OF,
    )  # fmt: skip
    kept = {r["return_id"]: r for r in clean(engine, staged, "returns")}
    assert [(kept[r]["reason"], kept[r]["amount_refunded_eur"]) for r in sorted(kept)] == [
        ("wrong_item", 45.23),
        ("wrong_item", 0.0),
        ("wrong_item", 69.17),  # the whole order refunded
    ]
    assert reasons(engine, staged) == {
        3: "inconsistent_amount",
        4: "negative_amount",
        5: "future_date",
        6: "missing_reason",
        7: "orphan_customer",
        8: "inconsistent_amount",  # a refund above the order's 69.17
    }


def test_amounts_in_euros_are_read_by_the_contract(engine: Engine) -> None:
    """A ``*_eur`` column reads the euro's sign or code, and "1,234" as 1234 (cents have two
    digits); a dollar amount is no euro amount (``other_currency``), a NULL promo code is
    none."""
    orders = bronze(engine, "orders", [
        row("orders", ORDER, total_amount_eur="€1,234.56", promo_code="NULL"),
        row("orders", ORDER, order_id="ORD_0000002", total_amount_eur="1 234,56 €",
            attributed_campaign_id="N/A"),
        row("orders", ORDER, order_id="ORD_0000003", total_amount_eur="1,234"),
        row("orders", ORDER, order_id="ORD_0000004", total_amount_eur="$1,234.56"),
        row("orders", ORDER, order_id="ORD_0000005", total_amount_eur="NULL"),
    ])  # fmt: skip
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    campaigns = bronze(engine, "marketing_campaigns", [
        ("CAMP_001", "Spring", "upsell", "2023-01-12", "2023-02-07", "500", "email", "false",
         "completed"),
    ])  # fmt: skip
    staged = stg_orders(orders, customers, campaigns, AS_OF)
    kept = {r["order_id"]: r for r in clean(engine, staged, "orders")}
    assert {k: (r["total_amount_eur"], r["promo_code"], r["attributed_campaign_id"])
            for k, r in kept.items()} == {
        "ORD_0000001": (1234.56, None, None),
        "ORD_0000002": (1234.56, None, None),
        "ORD_0000003": (1234.0, None, None),
    }  # fmt: skip
    assert reasons(engine, staged) == {4: "other_currency", 5: "missing_total_amount_eur"}


def test_placeholder_dates_are_rejected_by_the_contract(engine: Engine) -> None:
    """Every date a contract types is an event or a record of the platform: none is before
    1990, when 0001-01-01, 1900-01-01 and 1970-01-01 are what systems write for a date they
    do not know (``implausible_date``). A count may have its thousands grouped."""
    customers = bronze(engine, "crm_customers", [customer("CUST_000001")])
    campaigns = bronze(engine, "marketing_campaigns", [
        ("CAMP_001", "Spring", "upsell", "2023-01-12", "2023-02-07", "500", "email", "false",
         "completed"),
    ])  # fmt: skip
    staged = stg_orders(
        bronze(engine, "orders", [
            row("orders", ORDER),
            row("orders", ORDER, order_id="ORD_0000002", order_at="1970-01-01 00:00:00"),
            row("orders", ORDER, order_id="ORD_0000003", order_at="1900-01-01"),
            row("orders", ORDER, order_id="ORD_0000004", order_at="0001-01-01 00:00:00"),
            row("orders", ORDER, order_id="ORD_0000005", order_at="1990-01-01 00:00:00"),
        ]),
        customers,
        campaigns,
        AS_OF,
    )  # fmt: skip
    assert [r["order_id"] for r in clean(engine, staged, "orders")] == [
        "ORD_0000001",
        "ORD_0000005",
    ]
    assert reasons(engine, staged) == {2: "implausible_date", 3: "implausible_date",
                                       4: "implausible_date"}  # fmt: skip
    products = bronze(engine, "products", [row("products", PRODUCT)])
    orders = bronze(engine, "orders", [row("orders", ORDER)])
    staged = stg_order_lines(
        bronze(engine, "order_lines", [
            row("order_lines", LINE, qty="1,000", line_total_eur="5987.78"),
            row("order_lines", LINE, order_line_id="LINE_00000002", qty="1.000",
                line_total_eur="5987.78"),  # 1000 or 1: rejected, not guessed
        ]),
        orders,
        products,
    )  # fmt: skip
    assert [r["qty"] for r in clean(engine, staged, "order_lines")] == [1000]
    assert reasons(engine, staged) == {2: "invalid_number"}
    returns = bronze(engine, "returns", [
        row("returns", RETURN, created_at="1970-01-01 00:00:00"),
    ])  # fmt: skip
    assert reasons(engine, stg_returns(returns, orders, customers, AS_OF)) == {
        1: "implausible_date"
    }
