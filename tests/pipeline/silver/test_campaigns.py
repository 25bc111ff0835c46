"""Seed 000's marketing in silver: campaigns to events on literal rows, on every engine."""

from __future__ import annotations

import datetime as dt

from c360.engines import Engine
from c360.pipeline.silver.campaigns import (
    stg_marketing_assets,
    stg_marketing_audiences,
    stg_marketing_campaigns,
    stg_marketing_events,
    stg_marketing_sends,
)
from tests.pipeline.silver.test_crm import AS_OF, bronze, clean, customer, reasons, row

CAMPAIGN = {
    "campaign_id": "CAMP_001", "campaign_name": "Earth Day 2023 — Engagement",
    "objective": "Engagement", "start_date": "2023-01-12 00:00:00",
    "end_date": "2023-02-07 23:59:59", "budget_eur": "79500", "channel": "Email",
    "ab_test_flag": "1", "status": "completed",
}  # fmt: skip
SEND = {"send_id": "SEND_00000001", "campaign_id": "CAMP_001", "asset_id": "ASSET_00001",
        "customer_id": "CUST_000001", "send_at": "2023-01-20 21:08:00"}  # fmt: skip
EVENT = {"event_id": "EVT_00000001", "send_id": "SEND_00000001", "customer_id": "CUST_000001",
         "event_type": "OPEN", "event_at": "2023-01-21 06:52:24", "url_clicked": None,
         "device": None, "user_agent": None}  # fmt: skip


# UTF-8 read as Latin-1, as a misconfigured export writes it
MOJIBAKE = "Été : -20 % sur tout".encode().decode("latin-1")


def test_campaigns_assets_and_audiences(engine: Engine) -> None:
    campaigns = bronze(engine, "marketing_campaigns", [
        row("marketing_campaigns", CAMPAIGN),
        row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_002", end_date="2025-12-01",
            start_date="2026-01-01", status="active"),  # ends before it starts (and not future)
        row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_003",
            start_date="2095-01-12 00:00:00", end_date="2095-02-12 00:00:00"),
        row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_004", channel="sms"),
        row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_005", budget_eur="-500"),
        row("marketing_campaigns", CAMPAIGN, campaign_id="CAMP_006", ab_test_flag=None),
    ])  # fmt: skip
    staged = stg_marketing_campaigns(campaigns, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    [kept] = clean(engine, staged, "marketing_campaigns")
    assert (kept["campaign_name"], kept["objective"], kept["channel"], kept["ab_test_flag"]) == (
        "Earth Day 2023 — Engagement",
        "engagement",
        "email",
        True,
    )
    assert reasons(engine, staged) == {
        2: "end_before_start",
        3: "future_date",
        4: "invalid_value",
        5: "negative_amount",
        6: "missing_ab_test_flag",
    }
    asset = {"asset_id": "ASSET_00001", "campaign_id": "CAMP_001", "asset_type": "email_template",
             "subject": MOJIBAKE, "language": "FR", "variant": None,
             "created_at": "2023-01-09 11:00:00"}  # fmt: skip
    staged = stg_marketing_assets(
        bronze(engine, "marketing_assets", [
            row("marketing_assets", asset),
            row("marketing_assets", asset, asset_id="ASSET_00002", campaign_id="CAMP_002",
                variant="b"),  # CAMP_002 was rejected, but it exists
            row("marketing_assets", asset, asset_id="ASSET_00003", campaign_id="CAMP_9001"),
            row("marketing_assets", asset, asset_id="ASSET_00004", variant="C"),
            row("marketing_assets", asset, asset_id="ASSET_00005", created_at="2095-01-09"),
        ]),
        campaigns,
        AS_OF,
    )  # fmt: skip
    assets = {r["asset_id"]: r for r in clean(engine, staged, "marketing_assets")}
    assert (assets["ASSET_00001"]["subject"], assets["ASSET_00001"]["language"]) == (
        "Été : -20 % sur tout",
        "fr",
    )
    assert [assets[a]["variant"] for a in sorted(assets)] == [None, "B"]
    assert reasons(engine, staged) == {3: "orphan_campaign", 4: "invalid_value", 5: "future_date"}
    segments = bronze(engine, "crm_segments", [
        ("SEG_001", "VIP", "Top customers.", "2022-10-06 04:39:56", "true"),
    ])  # fmt: skip
    audience = {"audience_id": "AUD_0001", "campaign_id": "CAMP_001", "segment_id": "SEG_001",
                "criteria_json": '{"consent_email": true}'}  # fmt: skip
    staged = stg_marketing_audiences(
        bronze(engine, "marketing_audiences", [
            row("marketing_audiences", audience),
            row("marketing_audiences", audience, audience_id="AUD_0002", segment_id="SEG_9001"),
            row("marketing_audiences", audience, audience_id="AUD_0003", criteria_json="min 2"),
            row("marketing_audiences", audience, audience_id="AUD_0004", criteria_json=" "),
        ]),
        campaigns,
        segments,
    )  # fmt: skip
    assert [r["audience_id"] for r in clean(engine, staged, "marketing_audiences")] == ["AUD_0001"]
    assert reasons(engine, staged) == {
        2: "orphan_segment",
        3: "invalid_value",
        4: "missing_criteria_json",
    }


def test_sends_respect_consent_and_events_follow_sends(engine: Engine) -> None:
    campaigns = bronze(engine, "marketing_campaigns", [row("marketing_campaigns", CAMPAIGN)])
    asset = ("ASSET_00001", "CAMP_001", "email_template", "Hi", "en", None, "2023-01-09")
    assets = bronze(engine, "marketing_assets", [asset])
    customers = bronze(engine, "crm_customers", [
        customer("CUST_000001"),
        customer("CUST_000002", consent_email="false"),
        customer("CUST_000003", consent_email=None),
    ])  # fmt: skip
    staged = stg_marketing_sends(
        bronze(engine, "marketing_sends", [
            row("marketing_sends", SEND),
            row("marketing_sends", SEND, send_id="SEND_00000002", customer_id="CUST_000002"),
            row("marketing_sends", SEND, send_id="SEND_00000003", customer_id="CUST_000003"),
            row("marketing_sends", SEND, send_id="SEND_00000004", customer_id="CUST_9000001"),
            row("marketing_sends", SEND, send_id="SEND_00000005", asset_id="ASSET_90001"),
            row("marketing_sends", SEND, send_id="SEND_00000006", send_at=None),
            row("marketing_sends", SEND, send_id="SEND_00000007", send_at="00/00/0000"),
            row("marketing_sends", SEND, campaign_id="CAMP_001."),  # a spoilt copy
        ]),
        campaigns,
        assets,
        customers,
        AS_OF,
    )  # fmt: skip
    assert [r["send_id"] for r in clean(engine, staged, "marketing_sends")] == ["SEND_00000001"]
    assert reasons(engine, staged) == {
        2: "no_consent",
        3: "no_consent",
        4: "orphan_customer",
        5: "orphan_asset",
        6: "missing_send_at",
        7: "invalid_date",
        8: "orphan_campaign",
    }
    sends = bronze(engine, "marketing_sends", [row("marketing_sends", SEND)])
    click = {"event_type": "click", "url_clicked": "https://www.brandco.example/en/sale",
             "device": "Mobile", "user_agent": "Mozilla/5.0"}  # fmt: skip
    staged = stg_marketing_events(
        bronze(engine, "marketing_events", [
            row("marketing_events", EVENT),
            row("marketing_events", EVENT, event_id="EVT_00000002", **click),
            row("marketing_events", EVENT, event_id="EVT_00000003", send_id="SEND_90000001"),
            row("marketing_events", EVENT, event_id="EVT_00000004", event_type=None),
            row("marketing_events", EVENT, event_id="EVT_00000005", device="watch"),
            row("marketing_events", EVENT, event_id="EVT_00000006", event_at="2095-01-21"),
            row("marketing_events", EVENT, event_type="open "),  # an exact copy once trimmed
        ]),
        sends,
        customers,
        AS_OF,
    )  # fmt: skip
    events = {r["event_id"]: r for r in clean(engine, staged, "marketing_events")}
    assert [(events[e]["event_type"], events[e]["device"]) for e in sorted(events)] == [
        ("open", None),
        ("click", "mobile"),
    ]
    assert events["EVT_00000002"]["url_clicked"] == "https://www.brandco.example/en/sale"
    assert reasons(engine, staged) == {
        3: "orphan_send",
        4: "missing_event_type",
        5: "invalid_value",
        6: "future_date",
        7: "duplicate_key",
    }
