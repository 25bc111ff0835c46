"""Seed 004 campaigns of every channel, with the zeros that make the seed's KPI divisions fail.

Scheduled campaigns have no impressions yet, some campaigns get no click or no conversion, and
organic ones have no budget: legitimate rows a silver layer must divide around. Impossible rows
(clicks above impressions, negative spend) are defects and are listed in the manifest.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from c360.contracts import marketing_bronze as contract
from c360.generate import defect_values as dv
from c360.generate import vocab
from c360.generate.arrays import ids, uniform_between, weighted
from c360.generate.marketing.documents import DocumentDirt
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY, Plan
from c360.generate.rand import stream
from c360.generate.seasons import campaign_themes
from c360.generate.source_dirt import ISO_TEXT, date_text

RATE = 0.02
TYPE_WEIGHTS = (25, 25, 15, 15, 7, 8, 5)  # in the order of vocab.CAMPAIGN_TYPES
# Per type: typical impressions of a full campaign, and its click-through range.
REACH = {
    "Email": 40_000,
    "Social Media": 150_000,
    "Display": 400_000,
    "Search": 60_000,
    "Affiliate": 50_000,
    "SMS": 10_000,
    "Influencer": 200_000,
}
CTR = {
    "Email": (0.02, 0.05),
    "Social Media": (0.005, 0.02),
    "Display": (0.001, 0.008),
    "Search": (0.02, 0.06),
    "Affiliate": (0.005, 0.02),
    "SMS": (0.01, 0.05),
    "Influencer": (0.005, 0.03),
}
SCHEDULED, PAUSED, ORGANIC = 0.03, 0.06, 0.04


def campaigns(plan: Plan) -> DocumentDirt:
    """The campaigns collection, with its legitimate zeros and its defects."""
    n = plan.rows(contract.CAMPAIGNS)
    rng = stream(plan.seed, contract.CAMPAIGNS.name)
    kind = np.array(vocab.CAMPAIGN_TYPES)[weighted(rng, TYPE_WEIGHTS, n)]
    order = rng.permutation(n)
    n_sched = max(1, round(SCHEDULED * n))
    n_organic = max(1, round(ORGANIC * n))
    scheduled = np.zeros(n, dtype=bool)
    scheduled[order[:n_sched]] = True
    no_clicks, no_conversions = order[n_sched], order[n_sched + 1]
    organic = np.zeros(n, dtype=bool)
    organic[order[n_sched + 2 : n_sched + 2 + n_organic]] = True

    start = uniform_between(rng, ACTIVITY_START, AS_OF - 7 * DAY, n) // DAY * DAY
    start = np.where(scheduled, (AS_OF // DAY + rng.integers(1, 60, n)) * DAY, start)
    end = start + rng.integers(14, 91, n) * DAY
    paused = ~scheduled & (rng.random(n) < PAUSED)
    status = np.select(
        [scheduled, paused, end < AS_OF], ["scheduled", "paused", "completed"], "active"
    )
    progress = np.select(
        [scheduled, paused, end < AS_OF],
        [0.0, rng.uniform(0.1, 0.8, n), 1.0],
        np.clip((AS_OF - start) / np.maximum(end - start, 1), 0.05, 1.0),
    )
    budget = np.where(organic, 0, rng.integers(2, 200, n) * 500).astype(float)
    spend = np.round(budget * progress * rng.uniform(0.75, 1.1, n), 2)
    reach = np.array([REACH[k] for k in kind]) * np.sqrt(np.maximum(budget, 5000) / 20_000)
    impressions = np.round(reach * progress * rng.lognormal(0, 0.5, n)).astype(np.int64)
    impressions[no_clicks] = max(int(impressions[no_clicks]), 1_000)
    ctr = np.array([rng.uniform(*CTR[k]) for k in kind])
    clicks = rng.binomial(impressions, ctr)
    clicks[no_clicks] = 0
    clicks[no_conversions] = max(int(clicks[no_conversions]), 50)
    impressions[no_conversions] = max(int(impressions[no_conversions]), 20 * 50)
    conversions = rng.binomial(clicks, rng.uniform(0.01, 0.08, n))
    conversions[no_conversions] = 0

    theme, years = campaign_themes(rng.random(n), start, end)
    table = pa.table(
        {
            "_id": pa.nulls(n, pa.string()),
            "campaign_id": ids("CAMP", np.arange(1, n + 1), 3),
            "campaign_name": [f"{t} {y}" for t, y in zip(theme, years.tolist(), strict=True)],
            "campaign_type": pa.array(kind.tolist(), pa.string()),
            "budget": budget,
            "spend": spend,
            "impressions": impressions,
            "clicks": clicks,
            "conversions": conversions,
            "start_date": date_text(start, ISO_TEXT),
            "status": pa.array(status.tolist(), pa.string()),
        },
        schema=contract.CAMPAIGNS.arrow_schema(),
    )
    dirt = DocumentDirt(
        contract.CAMPAIGNS.name,
        table,
        "campaign_id",
        stream(plan.seed, "dirt", contract.CAMPAIGNS.name),
        RATE,
        plan.seed,
        {"start_date": "date"},
    )
    # The forced zeros stay clean, so every scale keeps each legitimate division by zero.
    ok = np.ones(n, dtype=bool)
    ok[order[: n_sched + 2 + n_organic]] = False
    for column in ("campaign_name", "campaign_type", "budget", "start_date"):
        dirt.null(column, 0.5, ok)
    dirt.apply(
        "clicks", "out_of_range", lambda r, _v: _above(r, dirt.values("impressions")), where=ok
    )
    dirt.apply(
        "conversions", "out_of_range", lambda r, _v: _above(r, dirt.values("clicks")), where=ok
    )
    dirt.apply("spend", "negative_amount", dv.negative, where=ok)
    dirt.apply("start_date", "invalid_date", dv.invalid_date, where=ok)
    dirt.duplicate()
    dirt.duplicate(0.5, "spend", _respend)
    return dirt


def _above(rng: np.random.Generator, limit: np.ndarray) -> pa.Array:
    """Counts above ``limit``: a tracking bug double-counting clicks or conversions."""
    return pa.array(
        limit * rng.integers(2, 5, len(limit)) + rng.integers(1, 100, len(limit)), pa.int64()
    )


def _respend(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """The spend of a later extract: 1 to 500 EUR more."""
    return pa.array(np.round(values.to_numpy() + rng.uniform(1, 500, len(values)), 2))
