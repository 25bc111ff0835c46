"""Gold contracts of the text features: notes per customer, e-mail assets and A/B comparisons.

Rates are fractions (0-1) of sends; a ratio whose denominator is 0 is NULL.
"""

from __future__ import annotations

from c360.contracts.gold_star import gold, person, ref
from c360.contracts.model import Column, Table

SENTIMENTS = ("positive", "neutral", "negative")
VARIANTS = ("A", "B")


def _count(name: str, description: str) -> Column:
    return Column(name, "int", description, min_value=0)


def _rate(name: str, description: str) -> Column:
    return Column(name, "float", description, nullable=True, min_value=0, max_value=1)


def _diff(name: str, description: str) -> Column:
    return Column(name, "float", description, nullable=True, min_value=-1, max_value=1)


CUSTOMER_TEXT_FEATURES = gold(
    "customer_text_features",
    "One row per customer with at least one CRM note: what the notes say, for the profile and "
    "the churn features. Complaints are the topics complaint, delivery_issue and support_issue.",
    ("customer_id",),
    ref("customer_id", "dim_customer.customer_id", "Customer"),
    _count("count_notes", "Notes of the customer (at least 1)"),
    Column("last_note_date", "date", "Date of the latest note"),
    Column(
        "last_note_sentiment",
        "string",
        "Sentiment of the latest note (same date: the greatest note_id)",
        allowed=SENTIMENTS,
    ),
    _count("count_negative_notes", "Notes whose sentiment is negative"),
    _count("count_complaints", "Notes whose topic is complaint, delivery_issue or support_issue"),
    _rate("share_negative", "count_negative_notes / count_notes"),
    Column(
        "most_frequent_topic",
        "string",
        "Topic of the most notes (a tie: the first name alphabetically)",
        nullable=True,
    ),
)

EMAIL_ASSET_FEATURES = gold(
    "email_asset_features",
    "One row per e-mail asset in stg_email_bodies: body and subject features and the unique "
    "funnel of its sends in fct_email_events (0 sends when it has none).",
    ("asset_id",),
    Column("asset_id", "string", "E-mail template", unique=True),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign"),
    Column("variant", "string", "A/B variant", nullable=True, allowed=VARIANTS),
    Column("language", "string", "Detected language of the body", nullable=True),
    Column("word_count", "int", "Words of the body", nullable=True, min_value=0),
    Column("has_cta", "bool", "The body has a call to action", nullable=True),
    Column("subject_length", "int", "Characters of the (redacted) subject", nullable=True),
    Column("subject_has_number", "bool", "The subject contains a digit 0-9", nullable=True),
    Column("subject_has_question", "bool", "The subject contains a '?'", nullable=True),
    _count("count_sends", "Sends of the asset"),
    _count("count_opened_sends", "Sends opened at least once"),
    _count("count_clicked_sends", "Sends clicked at least once"),
    _count("count_human_opened_sends", "Sends a person opened (machines' events left out)"),
    _count("count_human_clicked_sends", "Sends a person clicked"),
    _rate("unique_open_rate", "count_opened_sends / count_sends"),
    _rate("human_unique_open_rate", "count_human_opened_sends / count_sends"),
    _rate("unique_ctr", "count_clicked_sends / count_opened_sends"),
    _rate("human_unique_ctr", "count_human_clicked_sends / count_human_opened_sends"),
)

AB_VARIANT_COMPARISON = gold(
    "ab_variant_comparison",
    "One row per campaign with assets of both variants A and B: each variant's sends (over all "
    "its assets), unique open and click rates (over sends), B - A, and the winner.",
    ("campaign_id",),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign"),
    _count("count_sends_a", "Sends of the variant-A assets"),
    _count("count_sends_b", "Sends of the variant-B assets"),
    _rate("unique_open_rate_a", "Opened sends / sends of variant A"),
    _rate("unique_open_rate_b", "Opened sends / sends of variant B"),
    _diff("unique_open_rate_diff", "unique_open_rate_b - unique_open_rate_a"),
    _rate("unique_click_rate_a", "Clicked sends / sends of variant A"),
    _rate("unique_click_rate_b", "Clicked sends / sends of variant B"),
    _diff("unique_click_rate_diff", "unique_click_rate_b - unique_click_rate_a"),
    _rate("human_unique_open_rate_a", "Sends a person opened / sends of variant A"),
    _rate("human_unique_open_rate_b", "Sends a person opened / sends of variant B"),
    _rate("human_unique_click_rate_a", "Sends a person clicked / sends of variant A"),
    _rate("human_unique_click_rate_b", "Sends a person clicked / sends of variant B"),
    Column(
        "winner_variant",
        "string",
        "Variant of the higher unique click rate; NULL on a tie or when a rate is NULL",
        nullable=True,
        allowed=VARIANTS,
    ),
)

FCT_NOTES = gold(
    "fct_notes",
    "One row per CRM note of stg_notes: when it was written, for whom, and what it says "
    "(dated, so the churn features can count the notes before a cutoff).",
    ("note_id",),
    Column("note_id", "string", "The note", unique=True),
    ref("customer_id", "dim_customer.customer_id", "Customer the note is about"),
    person(),
    Column("note_date", "date", "Date of the note"),
    Column("language", "string", "Detected language", nullable=True),
    Column("sentiment", "string", "Detected sentiment", nullable=True, allowed=SENTIMENTS),
    Column("topic", "string", "Detected topic", nullable=True),
    Column("is_complaint", "bool", "The topic is complaint, delivery_issue or support_issue"),
)

CAMPAIGN_EMAIL_PERFORMANCE = gold(
    "campaign_email_performance",
    "One row per campaign of dim_campaign: what its e-mails said (the text features of its "
    "assets), how their sends did (raw and human unique rates) and what the 14-day last touch "
    "attributes to it (campaign_attribution).",
    ("campaign_id",),
    ref("campaign_id", "dim_campaign.campaign_id", "Campaign"),
    Column("campaign_name", "string", "Name of the campaign", nullable=True),
    _count("count_assets", "E-mail assets of the campaign in email_asset_features"),
    Column(
        "languages",
        "string",
        "Detected languages of its assets, sorted and comma-separated; NULL without one",
        nullable=True,
    ),
    Column("avg_word_count", "float", "Mean words per asset body", nullable=True),
    _rate("share_assets_with_cta", "Assets whose body has a call to action / assets"),
    Column("avg_subject_length", "float", "Mean subject characters", nullable=True),
    _rate("share_subjects_with_number", "Assets whose subject contains a digit / assets"),
    _rate("share_subjects_with_question", "Assets whose subject contains a '?' / assets"),
    _count("count_sends", "Sends of its assets"),
    _rate("unique_open_rate", "Opened sends / sends"),
    _rate("human_unique_open_rate", "Sends a person opened / sends"),
    _rate("unique_ctr", "Clicked sends / opened sends"),
    _rate("human_unique_ctr", "Sends a person clicked / sends a person opened"),
    _count("count_attributed_orders", "campaign_attribution.count_attributed_orders (0 if none)"),
    Column(
        "total_attributed_amount_eur",
        "float",
        "campaign_attribution.total_attributed_amount_eur (0 if none)",
    ),
    Column("roi", "float", "campaign_attribution.roi", nullable=True),
)

TABLES: tuple[Table, ...] = (
    CUSTOMER_TEXT_FEATURES, FCT_NOTES, EMAIL_ASSET_FEATURES, AB_VARIANT_COMPARISON,
    CAMPAIGN_EMAIL_PERFORMANCE,
)  # fmt: skip
