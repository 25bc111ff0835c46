"""Gold text features: what a customer's CRM notes say, and what each e-mail asset's text and
sends did, down to the A/B comparison of a campaign's variants.

- A complaint is a note whose topic (``c360.text.topics.TOPICS``) reports something that went
  wrong: ``complaint``, ``delivery_issue`` or ``support_issue``. ``cancellation_risk`` is a churn
  signal of its own, and questions, negotiations and requests are not complaints.
- The latest note is the one of the greatest ``note_date``, then the greatest ``note_id``.
- An asset's funnel counts every send of ``fct_email_events`` (bounced ones too), as the seed's
  ``unique_open_rate`` = opened sends / sends and ``unique_ctr`` = clicked sends / opened sends.
- A variant's unique click rate is its clicked sends / its sends, over all its assets.
- The ``human_`` rates count the sends a person opened or clicked (``fct_email_events``'s
  ``is_human_opened`` / ``is_human_clicked``: machines' events left out); the winner stays raw.
- Every ratio whose denominator is 0 is NULL (``kpis.divide``).
"""

from __future__ import annotations

import ibis
from ibis import _
from ibis.expr.types import Table

from c360.contracts import gold_text as c
from c360.pipeline.gold.kpis import divide
from c360.pipeline.gold.model import GoldModel

COMPLAINT_TOPICS: tuple[str, ...] = ("complaint", "delivery_issue", "support_issue")
FUNNEL = ("count_sends", "count_opened_sends", "count_clicked_sends", "count_human_opened_sends",
          "count_human_clicked_sends")  # fmt: skip


def _first_per(table: Table, key: str, *order_by: ibis.Deferred | str) -> Table:
    """The first row of each ``key`` in the order ``order_by`` (which must leave no tie)."""
    rank = ibis.row_number().over(group_by=key, order_by=list(order_by))
    return table.mutate(_rank=rank).filter(_._rank == 0).drop("_rank")


def customer_text_features(notes: Table) -> Table:
    """Each customer with notes: counts, the latest note's sentiment and the usual topic."""
    notes = notes.filter(notes.customer_id.notnull())
    counts = notes.group_by("customer_id").aggregate(
        count_notes=_.count(),
        count_negative_notes=_.count(where=_.sentiment == "negative"),
        count_complaints=_.count(where=_.topic.isin(COMPLAINT_TOPICS)),
    )
    latest = _first_per(notes, "customer_id", ibis.desc("note_date"), ibis.desc("note_id"))
    latest = latest.select(
        "customer_id", last_note_date=latest.note_date, last_note_sentiment=latest.sentiment
    )
    per_topic = (
        notes.filter(notes.topic.notnull())
        .group_by("customer_id", "topic")
        .aggregate(count_topic_notes=_.count())
    )
    usual = _first_per(per_topic, "customer_id", ibis.desc("count_topic_notes"), "topic")
    usual = usual.select("customer_id", most_frequent_topic=usual.topic)
    out = counts.join(latest, "customer_id").left_join(usual, "customer_id")
    out = out.mutate(share_negative=divide(out.count_negative_notes, out.count_notes))
    return out.select(*c.CUSTOMER_TEXT_FEATURES.column_names)


def email_asset_features(bodies: Table, sends: Table) -> Table:
    """Each e-mail asset: its text and subject features and the unique funnel of its sends."""
    funnel = sends.group_by("asset_id").aggregate(
        count_sends=_.count(),
        count_opened_sends=_.count(where=_.is_opened),
        count_clicked_sends=_.count(where=_.is_clicked),
        count_human_opened_sends=_.count(where=_.is_human_opened),
        count_human_clicked_sends=_.count(where=_.is_human_clicked),
    )
    out = bodies.left_join(funnel, "asset_id")
    out = out.mutate(
        **{name: out[name].fill_null(0) for name in FUNNEL},
        subject_length=out.subject.length(),
        subject_has_number=out.subject.re_search("[0-9]"),
        subject_has_question=out.subject.contains("?"),
    )
    out = out.mutate(
        unique_open_rate=divide(out.count_opened_sends, out.count_sends),
        unique_ctr=divide(out.count_clicked_sends, out.count_opened_sends),
        human_unique_open_rate=divide(out.count_human_opened_sends, out.count_sends),
        human_unique_ctr=divide(out.count_human_clicked_sends, out.count_human_opened_sends),
    )
    return out.select(*c.EMAIL_ASSET_FEATURES.column_names)


def _of(variant: str, column: str) -> ibis.Deferred:
    """Sum of ``column`` over the assets of ``variant``."""
    return _[column].sum(where=_.variant == variant)


def ab_variant_comparison(assets: Table) -> Table:
    """Each campaign with assets of both variants: their unique rates, B - A and the winner."""
    out = (
        assets.group_by("campaign_id")
        .aggregate(
            count_assets_a=_.count(where=_.variant == "A"),
            count_assets_b=_.count(where=_.variant == "B"),
            **{f"{name}_{v.lower()}": _of(v, name) for v in c.VARIANTS for name in FUNNEL},
        )
        .filter((_.count_assets_a > 0) & (_.count_assets_b > 0))
    )
    out = out.mutate(
        unique_open_rate_a=divide(out.count_opened_sends_a, out.count_sends_a),
        unique_open_rate_b=divide(out.count_opened_sends_b, out.count_sends_b),
        unique_click_rate_a=divide(out.count_clicked_sends_a, out.count_sends_a),
        unique_click_rate_b=divide(out.count_clicked_sends_b, out.count_sends_b),
        human_unique_open_rate_a=divide(out.count_human_opened_sends_a, out.count_sends_a),
        human_unique_open_rate_b=divide(out.count_human_opened_sends_b, out.count_sends_b),
        human_unique_click_rate_a=divide(out.count_human_clicked_sends_a, out.count_sends_a),
        human_unique_click_rate_b=divide(out.count_human_clicked_sends_b, out.count_sends_b),
    )
    # Equal fractions give equal doubles (division is correctly rounded), so a tie is exact.
    a, b = out.unique_click_rate_a, out.unique_click_rate_b
    out = out.mutate(
        unique_open_rate_diff=out.unique_open_rate_b - out.unique_open_rate_a,
        unique_click_rate_diff=b - a,
        winner_variant=ibis.cases((b > a, "B"), (a > b, "A"), else_=ibis.null("string")),
    )
    return out.select(*c.AB_VARIANT_COMPARISON.column_names)


def fct_notes(notes: Table) -> Table:
    """Each note of silver with its date, language, sentiment, topic and complaint flag."""
    return notes.mutate(is_complaint=notes.topic.isin(COMPLAINT_TOPICS).fill_null(False)).select(
        *(name for name in c.FCT_NOTES.column_names if name != "customer360_id")
    )


def campaign_email_performance(campaigns: Table, assets: Table, attribution: Table) -> Table:
    """Each campaign: its assets' text features, their sends' unique rates, its attribution."""
    per = assets.group_by("campaign_id").aggregate(
        count_assets=_.count(),
        languages=_.language.collect(distinct=True),
        avg_word_count=_.word_count.mean(),
        count_cta=_.count(where=_.has_cta.fill_null(False)),
        avg_subject_length=_.subject_length.mean(),
        count_number=_.count(where=_.subject_has_number.fill_null(False)),
        count_question=_.count(where=_.subject_has_question.fill_null(False)),
        **{name: _[name].sum() for name in FUNNEL},
    )
    out = campaigns.select("campaign_id", "campaign_name").left_join(per, "campaign_id")
    attributed = attribution.select(
        "campaign_id", "count_attributed_orders", "total_attributed_amount_eur", "roi"
    )
    out = out.left_join(attributed, "campaign_id")
    assets_n, sends = out.count_assets.fill_null(0), out.count_sends.fill_null(0)
    languages = out.languages.sort().join(",")
    return out.select(
        "campaign_id",
        "campaign_name",
        count_assets=assets_n,
        languages=ibis.ifelse(out.languages.length() > 0, languages, ibis.null("string")),
        avg_word_count=out.avg_word_count,
        share_assets_with_cta=divide(out.count_cta, assets_n),
        avg_subject_length=out.avg_subject_length,
        share_subjects_with_number=divide(out.count_number, assets_n),
        share_subjects_with_question=divide(out.count_question, assets_n),
        count_sends=sends,
        unique_open_rate=divide(out.count_opened_sends, sends),
        human_unique_open_rate=divide(out.count_human_opened_sends, sends),
        unique_ctr=divide(out.count_clicked_sends, out.count_opened_sends),
        human_unique_ctr=divide(out.count_human_clicked_sends, out.count_human_opened_sends),
        count_attributed_orders=out.count_attributed_orders.fill_null(0),
        total_attributed_amount_eur=out.total_attributed_amount_eur.fill_null(0.0),
        roi=out.roi,
    )


NOTES, BODIES, SENDS, ASSETS = (
    "stg_notes",
    "stg_email_bodies",
    "fct_email_events",
    "email_asset_features",
)
MODELS: list[GoldModel] = [
    GoldModel(c.CUSTOMER_TEXT_FEATURES, (NOTES,), customer_text_features),
    GoldModel(c.FCT_NOTES, (NOTES,), fct_notes),
    GoldModel(c.EMAIL_ASSET_FEATURES, (BODIES, SENDS), email_asset_features),
    GoldModel(c.AB_VARIANT_COMPARISON, (ASSETS,), ab_variant_comparison),
    GoldModel(
        c.CAMPAIGN_EMAIL_PERFORMANCE,
        ("dim_campaign", ASSETS, "campaign_attribution"),
        campaign_email_performance,
    ),
]
