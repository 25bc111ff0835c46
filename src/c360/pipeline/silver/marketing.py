"""Seed 004's silver for the marketing bronze: campaigns with the seed's KPIs."""

from __future__ import annotations

import ibis
from ibis.expr.types import NumericValue, Table

from c360.pipeline.silver import parse
from c360.pipeline.silver.staged import LINEAGE, Staged, stage

CAMPAIGN_COLUMNS = (
    "campaign_id", "campaign_name", "campaign_type", "budget", "spend", "impressions", "clicks",
    "conversions", "start_date", "status", "ctr", "conversion_rate", "cpc", "cpa", "roi",
)  # fmt: skip


def ratio(numerator: NumericValue, denominator: NumericValue) -> NumericValue:
    """``numerator / denominator``, NULL when the denominator is 0 or NULL (never inf, never 0)."""
    return ibis.ifelse(
        denominator == 0, ibis.null("float64"), numerator.cast("float64") / denominator
    )


def stg_mongo_campaigns(bronze: Table) -> Staged:
    """Typed campaigns and seed 004's KPIs; impossible rows rejected with a reason.

    KPIs exactly as seed 004 defines them: CTR = clicks / impressions × 100, conversion_rate =
    conversions / clicks × 100, CPC = spend / clicks, CPA = spend / conversions, ROI = (budget −
    spend) / budget × 100; a division by zero gives NULL. Defaults: a missing name becomes
    "Unnamed campaign", a missing type "Unknown". A start date in the future is kept (a scheduled
    campaign). Duplicated campaign ids keep their first record.
    """
    b = bronze
    typed = b.select(
        *LINEAGE,
        campaign_id=parse.clean_text(b.campaign_id),
        campaign_name=parse.clean_text(b.campaign_name).fill_null("Unnamed campaign"),
        campaign_type=parse.clean_text(b.campaign_type).fill_null("Unknown"),
        budget=parse.number(b.budget),
        spend=parse.number(b.spend),
        impressions=parse.integer(b.impressions),
        clicks=parse.integer(b.clicks),
        conversions=parse.integer(b.conversions),
        start_date=parse.timestamp(b.start_date),
        status=parse.clean_text(b.status).lower(),
        _raw=ibis.struct(
            {
                c: b[c]
                for c in ("budget", "spend", "impressions", "clicks", "conversions", "start_date")
            }
        ),
    )
    t = typed
    checks = [
        ("missing_key", t.campaign_id.isnull()),
        (
            "invalid_number",
            parse.invalid(t._raw.budget, t.budget)
            | parse.invalid(t._raw.spend, t.spend)
            | parse.invalid(t._raw.impressions, t.impressions)
            | parse.invalid(t._raw.clicks, t.clicks)
            | parse.invalid(t._raw.conversions, t.conversions),
        ),
        ("invalid_date", parse.invalid(t._raw.start_date, t.start_date)),
        ("negative_amount", (t.budget < 0) | (t.spend < 0)),
        ("negative_count", (t.impressions < 0) | (t.clicks < 0) | (t.conversions < 0)),
        ("inconsistent_counts", (t.clicks > t.impressions) | (t.conversions > t.clicks)),
    ]
    with_kpis = t.mutate(
        ctr=ratio(t.clicks, t.impressions) * 100,
        conversion_rate=ratio(t.conversions, t.clicks) * 100,
        cpc=ratio(t.spend, t.clicks),
        cpa=ratio(t.spend, t.conversions),
        roi=ratio(t.budget - t.spend, t.budget) * 100,
    )
    return stage(
        with_kpis, [(n, c.fill_null(False)) for n, c in checks], ["campaign_id"], CAMPAIGN_COLUMNS
    )
