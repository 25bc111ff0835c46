"""Seed 000, marketing: campaigns, assets, audiences, sends and their events."""

from __future__ import annotations

from c360.contracts.model import Column, Table, id_pattern

OBJECTIVES = ("acquisition", "retention", "upsell", "winback", "engagement")
EVENT_TYPES = ("open", "click", "bounce", "unsubscribe")
DEVICES = ("desktop", "mobile", "tablet")
LANGUAGES = ("fr", "en", "de", "es")

CAMPAIGNS = Table(
    name="marketing_campaigns",
    seed="000",
    description="Marketing campaigns (email is the demo's channel).",
    path="sources/c360/marketing_campaigns",
    rows_at_scale_1=20,
    scaling="sqrt",
    primary_key=("campaign_id",),
    columns=(
        Column(
            "campaign_id",
            "string",
            "Unique campaign id",
            unique=True,
            pattern=id_pattern("CAMP_", 3),
        ),
        Column("campaign_name", "string", "Campaign name"),
        Column("objective", "string", "Objective (balanced mix)", allowed=OBJECTIVES),
        Column("start_date", "timestamp", "Start"),
        Column("end_date", "timestamp", "End, after the start"),
        Column("budget_eur", "int", "Budget (EUR)", min_value=0),
        Column("channel", "string", "Main channel", allowed=("email",)),
        Column("ab_test_flag", "bool", "Runs an A/B test (its assets have variants A and B)"),
        Column(
            "status",
            "string",
            "completed when the end date is past",
            allowed=("active", "completed"),
        ),
    ),
)

ASSETS = Table(
    name="marketing_assets",
    seed="000",
    description="Email templates; about 3 per campaign, A/B variants for A/B campaigns.",
    path="sources/c360/marketing_assets",
    rows_at_scale_1=60,
    scaling="sqrt",
    primary_key=("asset_id",),
    columns=(
        Column(
            "asset_id", "string", "Unique asset id", unique=True, pattern=id_pattern("ASSET_", 5)
        ),
        Column("campaign_id", "string", "Campaign", references="marketing_campaigns.campaign_id"),
        Column("asset_type", "string", "Asset type", allowed=("email_template",)),
        Column("subject", "string", "Email subject"),
        Column("language", "string", "Language", allowed=LANGUAGES),
        Column("variant", "string", "A/B variant", nullable=True, allowed=("A", "B")),
        Column("created_at", "timestamp", "Creation time, before the campaign starts"),
    ),
)

AUDIENCES = Table(
    name="marketing_audiences",
    seed="000",
    description="Campaign targeting: 1 to 3 segments per campaign.",
    path="sources/c360/marketing_audiences",
    rows_at_scale_1=40,
    scaling="sqrt",
    primary_key=("audience_id",),
    columns=(
        Column(
            "audience_id",
            "string",
            "Unique audience id",
            unique=True,
            pattern=id_pattern("AUD_", 4),
        ),
        Column("campaign_id", "string", "Campaign", references="marketing_campaigns.campaign_id"),
        Column("segment_id", "string", "Targeted segment", references="crm_segments.segment_id"),
        Column("criteria_json", "string", "Extra criteria as a JSON object"),
    ),
)

SENDS = Table(
    name="marketing_sends",
    seed="000",
    description="Individual email sends; only to customers with consent_email = true.",
    path="sources/c360/marketing_sends",
    rows_at_scale_1=200_000,
    primary_key=("send_id",),
    columns=(
        Column("send_id", "string", "Unique send id", unique=True, pattern=id_pattern("SEND_", 8)),
        Column("campaign_id", "string", "Campaign", references="marketing_campaigns.campaign_id"),
        Column(
            "asset_id", "string", "Asset of that campaign", references="marketing_assets.asset_id"
        ),
        Column("customer_id", "string", "Recipient", references="crm_customers.customer_id"),
        Column("send_at", "timestamp", "Send time, inside the campaign window"),
    ),
)

EVENTS = Table(
    name="marketing_events",
    seed="000",
    description="Email events. Per send: ~3% bounce; ~22% of delivered sends opened (openers "
    "open several times); ~8% of opened sends clicked; ~0.5% of delivered sends unsubscribe.",
    path="sources/c360/marketing_events",
    rows_at_scale_1=200_000,
    primary_key=("event_id",),
    columns=(
        Column("event_id", "string", "Unique event id", unique=True, pattern=id_pattern("EVT_", 8)),
        Column("send_id", "string", "Send", references="marketing_sends.send_id"),
        Column(
            "customer_id", "string", "The send's recipient", references="crm_customers.customer_id"
        ),
        Column("event_type", "string", "Event type", allowed=EVENT_TYPES),
        Column("event_at", "timestamp", "Event time, after the send"),
        Column("url_clicked", "string", "Clicked URL (clicks only)", nullable=True),
        Column("device", "string", "Device (null for bounces)", nullable=True, allowed=DEVICES),
        Column("user_agent", "string", "User agent (null for bounces)", nullable=True),
    ),
)

TABLES = (CAMPAIGNS, ASSETS, AUDIENCES, SENDS, EVENTS)
