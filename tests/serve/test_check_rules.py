"""Each consistency check's silver rule: declared for every check, and named as silver names it."""

from __future__ import annotations

from c360.engines import Engine
from c360.pipeline.silver.campaigns import stg_marketing_sends
from c360.pipeline.silver.commerce import stg_orders
from c360.serve.check_rules import CHECK_RULES
from c360.serve.sql_files import DELIVERABLES
from tests.pipeline.silver.test_campaigns import CAMPAIGN, SEND
from tests.pipeline.silver.test_commerce import ORDER
from tests.pipeline.silver.test_crm import AS_OF, bronze, customer, reasons, row


def test_every_check_has_its_silver_rule() -> None:
    checks = {f"checks/{path.stem}" for path in (DELIVERABLES / "checks").glob("*.sql")}
    assert set(CHECK_RULES) == checks


def test_silver_gives_the_rows_each_check_looks_for_the_reasons_its_rule_names(
    engine: Engine,
) -> None:
    """Rows that would break a check on gold, as its SQL reads, through silver's own models:
    what silver calls them is all the rule names, and a row breaking none is left alone."""
    customers = bronze(engine, "crm_customers", [
        customer("CUST_000001"),
        customer("CUST_000002", consent_email="false"),
        customer("CUST_000003", consent_email=None),
    ])  # fmt: skip
    campaigns = bronze(engine, "marketing_campaigns", [row("marketing_campaigns", CAMPAIGN)])
    staged = stg_orders(
        bronze(engine, "orders", [
            row("orders", ORDER),
            row("orders", ORDER, order_id="ORD_0000002", customer_id="CUST_9000001"),
            row("orders", ORDER, order_id="ORD_0000003", customer_id=None),
            row("orders", ORDER, order_id="ORD_0000004", attributed_campaign_id="CAMP_9001"),
            row("orders", ORDER, order_id="ORD_0000005", attributed_campaign_id="CAMP_001"),
        ]),
        customers,
        campaigns,
        AS_OF,
    )  # fmt: skip
    without_customer = CHECK_RULES["checks/orders_without_customer"]
    assert without_customer.model == "stg_orders" and not without_customer.repair
    assert sorted(reasons(engine, staged).values()) == sorted(without_customer.reasons)
    # Both reasons name the column at fault: the order's customer_id.
    assert set(staged.collect(engine)[1].column("column").to_pylist()) == {"customer_id"}
    unknown_campaign = CHECK_RULES["checks/orders_with_unknown_campaign"]
    assert unknown_campaign.model == "stg_orders" and unknown_campaign.repair
    assert staged.outcome(engine)[2] == {reason: 1 for reason in unknown_campaign.reasons}

    asset = ("ASSET_00001", "CAMP_001", "email_template", "Hi", "en", None, "2023-01-09")
    staged = stg_marketing_sends(
        bronze(engine, "marketing_sends", [
            row("marketing_sends", SEND),
            row("marketing_sends", SEND, send_id="SEND_00000002", customer_id="CUST_000002"),
        ]),
        campaigns,
        bronze(engine, "marketing_assets", [asset]),
        customers,
        AS_OF,
    )  # fmt: skip
    without_consent = CHECK_RULES["checks/sends_without_consent"]
    assert without_consent.model == "stg_marketing_sends" and not without_consent.repair
    assert list(reasons(engine, staged).values()) == list(without_consent.reasons)
    assert staged.collect(engine)[1].column("column").to_pylist() == ["customer_id"]
