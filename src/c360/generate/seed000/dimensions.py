"""Seed 000 dimension tables: accounts, segments, campaigns, assets, audiences and products."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa

from c360.contracts import commerce, crm, marketing
from c360.generate import vocab
from c360.generate.arrays import (
    draw,
    euros,
    ids,
    pick,
    quota,
    timestamps,
    uniform_between,
    where_valid,
)
from c360.generate.plan import ACTIVITY_START, AS_OF, DAY, HISTORY_START, Plan
from c360.generate.rand import stream
from c360.generate.seasons import campaign_themes
from c360.generate.text import make_subjects

INDUSTRY_WEIGHTS = (25, 20, 15, 15, 10, 10, 5)
TIER_WEIGHTS = {"smb": 60, "mid_market": 30, "enterprise": 10}
CATEGORY_WEIGHTS = (25, 20, 15, 15, 10, 10, 5)


def accounts(plan: Plan) -> pa.Table:
    """B2B accounts with the seed's industry and tier mix; size and revenue follow the tier."""
    n = plan.rows(crm.ACCOUNTS)
    rng = stream(plan.seed, "accounts")
    tier_i = quota(rng, list(TIER_WEIGHTS.values()), n)
    tier = np.array(list(TIER_WEIGHTS))[tier_i]
    low = np.select([tier == "smb", tier == "mid_market"], [5, 200], 1000)
    high = np.select([tier == "smb", tier == "mid_market"], [199, 999], 50_000)
    employees = np.exp(rng.uniform(np.log(low), np.log(high))).astype(np.int64)
    revenue = (employees * rng.uniform(80_000, 250_000, n)).astype(np.int64) // 1000 * 1000
    a, b = (
        rng.integers(0, len(vocab.COMPANY_PARTS_A), n),
        rng.integers(0, len(vocab.COMPANY_PARTS_B), n),
    )
    country = np.array(vocab.COUNTRIES)[rng.integers(0, len(vocab.COUNTRIES), n)]
    suffix_u = rng.random(n)
    names = []
    for i in range(n):
        suffixes = vocab.COMPANY_SUFFIXES[country[i]]
        names.append(
            f"{vocab.COMPANY_PARTS_A[a[i]]} {vocab.COMPANY_PARTS_B[b[i]]} "
            f"{suffixes[int(suffix_u[i] * len(suffixes))]}"
        )
    return pa.table(
        {
            "account_id": ids("ACC_", np.arange(1, n + 1), 6),
            "account_name": names,
            "industry": pick(crm.INDUSTRIES, quota(rng, INDUSTRY_WEIGHTS, n)),
            "region": draw(rng, ("EMEA", "Americas", "APAC"), (55, 30, 15), n),
            "tier": pa.array(tier.tolist(), pa.string()),
            "employee_count": employees,
            "created_at": timestamps(
                uniform_between(rng, HISTORY_START - 5 * 365 * DAY, AS_OF - 30 * DAY, n)
            ),
            "status": draw(rng, ("active", "inactive"), (88, 12), n),
            "annual_revenue_eur": revenue,
        },
        schema=crm.ACCOUNTS.arrow_schema(),
    )


def segments(plan: Plan) -> pa.Table:
    """The seed's named segments; larger scales add regional variants of them."""
    n = plan.rows(crm.SEGMENTS)
    rng = stream(plan.seed, "segments")
    base = len(vocab.SEGMENTS)
    names, descriptions = [], []
    regions = (
        "EMEA",
        "Americas",
        "APAC",
        "France",
        "DACH",
        "Iberia",
        "UK",
        "US",
        "Nordics",
        "Benelux",
    )
    for i in range(n):
        name, desc = vocab.SEGMENTS[i % base]
        if i >= base:
            region = regions[(i // base - 1) % len(regions)]
            round_ = (i // base - 1) // len(regions)
            name = f"{name} — {region}" + (f" {round_ + 1}" if round_ else "")
            desc = f"{desc} ({region})"
        names.append(name)
        descriptions.append(desc)
    return pa.table(
        {
            "segment_id": ids("SEG_", np.arange(1, n + 1), 3),
            "segment_name": names,
            "description": descriptions,
            "created_at": timestamps(uniform_between(rng, HISTORY_START, ACTIVITY_START, n)),
            "is_active": rng.random(n) < 0.85,
        },
        schema=crm.SEGMENTS.arrow_schema(),
    )


def campaigns(plan: Plan) -> pa.Table:
    """Email campaigns spread over the activity window, objectives in a balanced rotation."""
    n = plan.rows(marketing.CAMPAIGNS)
    rng = stream(plan.seed, "campaigns")
    objective = np.array(marketing.OBJECTIVES)[rng.permutation(np.arange(n) % 5)]
    start = uniform_between(rng, ACTIVITY_START, AS_OF - 45 * DAY, n) // DAY * DAY
    end = start + rng.integers(21, 120, n) * DAY + DAY - 1
    themes, years = campaign_themes(rng.random(n), start, end)
    names = [f"{themes[i]} {years[i]} — {objective[i].title()}" for i in range(n)]
    return pa.table(
        {
            "campaign_id": ids("CAMP_", np.arange(1, n + 1), 3),
            "campaign_name": names,
            "objective": pa.array(objective.tolist(), pa.string()),
            "start_date": timestamps(start),
            "end_date": timestamps(end),
            "budget_eur": rng.integers(5, 200, n) * 500,
            "channel": pa.array(["email"] * n, pa.string()),
            "ab_test_flag": rng.random(n) < 0.4,
            "status": pa.array(np.where(end < AS_OF, "completed", "active").tolist(), pa.string()),
        },
        schema=marketing.CAMPAIGNS.arrow_schema(),
    )


def assets(plan: Plan, campaigns_: pa.Table) -> pa.Table:
    """About three templates per campaign, in several languages; A/B campaigns get variant pairs."""
    rng = stream(plan.seed, "assets")
    target = plan.rows(marketing.ASSETS)
    n_camp = campaigns_.num_rows
    counts = np.full(n_camp, target // n_camp)
    counts[rng.permutation(n_camp)[: target - counts.sum()]] += 1
    ab = campaigns_.column("ab_test_flag").to_numpy(zero_copy_only=False)
    counts = np.where(ab, np.maximum(counts, 2), np.maximum(counts, 1))
    owner = np.repeat(np.arange(n_camp), counts)
    rank = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    # Languages: each campaign rotates through fr, en, de, es from a random start; an A/B pair
    # shares one language.
    shift = rng.integers(0, 4, n_camp)[owner]
    lang_slot = np.where(ab[owner], rank // 2, rank)
    language = np.array(marketing.LANGUAGES)[(lang_slot + shift) % 4]
    variant = where_valid(ab[owner], np.where(rank % 2 == 0, "A", "B"), pa.string())
    start = campaigns_.column("start_date").cast(pa.int64()).to_numpy()[owner]
    objective = np.array(campaigns_.column("objective").to_pylist())[owner]
    n = len(owner)
    subjects = make_subjects(language.tolist(), objective.tolist(), variant.to_pylist(), rng)
    return pa.table(
        {
            "asset_id": ids("ASSET_", np.arange(1, n + 1), 5),
            "campaign_id": campaigns_.column("campaign_id").take(pa.array(owner)),
            "asset_type": pa.array(["email_template"] * n, pa.string()),
            "subject": subjects,
            "language": pa.array(language.tolist(), pa.string()),
            "variant": variant,
            "created_at": timestamps(
                start - rng.integers(2, 20, n) * DAY + rng.integers(8, 18, n) * 3600
            ),
        },
        schema=marketing.ASSETS.arrow_schema(),
    )


def audiences(plan: Plan, campaigns_: pa.Table, segments_: pa.Table) -> pa.Table:
    """One to three target segments per campaign, with extra criteria as JSON."""
    rng = stream(plan.seed, "audiences")
    n_camp, n_seg = campaigns_.num_rows, segments_.num_rows
    counts = np.minimum(quota(rng, (30, 40, 30), n_camp) + 1, n_seg)
    owner = np.repeat(np.arange(n_camp), counts)
    segment = np.concatenate([rng.choice(n_seg, size=c, replace=False) for c in counts])
    n = len(owner)
    criteria = []
    for _ in range(n):
        crit: dict[str, object] = {"consent_email": True}
        if rng.random() < 0.5:
            crit["min_orders"] = int(rng.integers(1, 5))
        if rng.random() < 0.4:
            crit["locales"] = sorted(set(rng.choice(list(crm.LOCALES), size=2).tolist()))
        if rng.random() < 0.3:
            crit["last_order_within_days"] = int(rng.choice([30, 90, 180, 365]))
        criteria.append(json.dumps(crit, sort_keys=True))
    return pa.table(
        {
            "audience_id": ids("AUD_", np.arange(1, n + 1), 4),
            "campaign_id": campaigns_.column("campaign_id").take(pa.array(owner)),
            "segment_id": segments_.column("segment_id").take(pa.array(segment)),
            "criteria_json": criteria,
        },
        schema=marketing.AUDIENCES.arrow_schema(),
    )


def products(plan: Plan) -> pa.Table:
    """The catalogue with the seed's category mix; prices and margins follow the category."""
    n = plan.rows(commerce.PRODUCTS)
    rng = stream(plan.seed, "products")
    cat_i = np.sort(quota(rng, CATEGORY_WEIGHTS, n))
    category = np.array(commerce.CATEGORIES)[cat_i]
    names, brands, prices = [], [], []
    margin_base = {
        "Electronics": 0.18,
        "Clothing": 0.45,
        "Home & Garden": 0.35,
        "Sports": 0.32,
        "Books": 0.25,
        "Beauty": 0.55,
        "Food": 0.22,
    }
    seen: set[str] = set()
    for i in range(n):
        c = category[i]
        brand = vocab.BRANDS[c][int(rng.integers(len(vocab.BRANDS[c])))]
        noun = vocab.PRODUCT_NOUNS[c][int(rng.integers(len(vocab.PRODUCT_NOUNS[c])))]
        adjective = vocab.PRODUCT_ADJECTIVES[int(rng.integers(len(vocab.PRODUCT_ADJECTIVES)))]
        name = f"{brand} {noun} {adjective}"
        k = 2
        while name in seen:
            name, k = f"{brand} {noun} {adjective} {k}", k + 1
        seen.add(name)
        names.append(name)
        brands.append(brand)
        lo, hi = vocab.PRICE_RANGES_EUR[c]
        prices.append(round(float(np.exp(rng.uniform(np.log(lo), np.log(hi)))), 0) - 0.01)
    margin = np.clip([margin_base[c] for c in category] + rng.normal(0, 0.06, n), 0.05, 0.8)
    sku = [f"{c[:3].upper()}-{i + 1:05d}" for i, c in enumerate(category)]
    return pa.table(
        {
            "product_id": ids("PROD_", np.arange(1, n + 1), 5),
            "product_name": names,
            "category": pa.array(category.tolist(), pa.string()),
            "brand": brands,
            "price_eur": euros(np.round(np.maximum(prices, 0.99) * 100)),
            "margin_pct": np.round(margin, 3),
            "sku": sku,
            "in_stock": rng.random(n) < 0.92,
        },
        schema=commerce.PRODUCTS.arrow_schema(),
    )
