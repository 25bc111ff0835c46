"""Seed 000 on a clean workspace: contracts, volumes, distributions and business rules."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from c360 import contracts
from c360.contracts.check import orphans, violations
from c360.engines.duckdb import connect_sources
from c360.generate.plan import AS_OF
from tests.conftest import CLEAN_PLAN
from tests.generate.test_seasons import misdated
from tests.sourcefiles import read_raw, read_typed

SEED_000 = [t for t in contracts.SOURCE_TABLES if t.seed == "000" and t.file_format == "table"]
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("table", SEED_000, ids=lambda t: t.name)
def test_every_row_satisfies_its_contract(clean_workspace: Path, table: contracts.Table) -> None:
    raw = read_raw(clean_workspace, table.name)
    assert raw.column_names == table.column_names
    assert violations(table, raw).num_rows == 0


@pytest.mark.parametrize("table", SEED_000, ids=lambda t: t.name)
def test_foreign_keys_resolve(clean_workspace: Path, table: contracts.Table) -> None:
    data = read_typed(clean_workspace, table.name)
    for column, parent, parent_column in table.foreign_keys():
        keys = read_typed(clean_workspace, parent).column(parent_column)
        assert len(orphans(data.column(column), keys)) == 0, (table.name, column)


@pytest.mark.parametrize("table", SEED_000, ids=lambda t: t.name)
def test_volume_within_five_percent_of_the_scaled_target(
    clean_workspace: Path, table: contracts.Table
) -> None:
    rows = read_raw(clean_workspace, table.name).num_rows
    target = CLEAN_PLAN.rows(table)
    assert abs(rows - target) <= max(0.05 * target, 1), (rows, target)


# The checks name the gold star's tables; on the sources, these are the tables they come from.
STAR_SOURCES = {
    "fct_orders": "orders",
    "dim_customer": "crm_customers",
    "dim_campaign": "marketing_campaigns",
    "fct_email_events": "marketing_sends",
}


def test_the_seed_consistency_queries_return_zero(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    for star, source in STAR_SOURCES.items():
        # A dimension holds inferred members in gold; the sources hold none.
        inferred = ", FALSE AS inferred" if star.startswith("dim_") else ""
        con.execute(f"CREATE VIEW {star} AS SELECT *{inferred} FROM {source}")
    for query in sorted((ROOT / "src" / "c360" / "sql" / "checks").glob("*.sql")):
        assert con.execute(query.read_text()).fetchone() == (0,), query.name


def shares(values: pa.Array) -> dict[str, float]:
    counts = Counter(values.to_pylist())
    return {k: v / len(values) for k, v in counts.items()}


@pytest.mark.parametrize(
    ("name", "column", "expected"),
    [
        (
            "crm_accounts",
            "industry",
            {
                "Technology": 0.25,
                "Retail": 0.20,
                "Finance": 0.15,
                "Healthcare": 0.15,
                "Manufacturing": 0.10,
                "Education": 0.10,
                "Other": 0.05,
            },
        ),
        ("crm_accounts", "tier", {"smb": 0.60, "mid_market": 0.30, "enterprise": 0.10}),
        (
            "crm_interactions",
            "type",
            {
                "support_ticket": 0.30,
                "sales_call": 0.25,
                "feedback": 0.20,
                "onboarding": 0.15,
                "complaint": 0.10,
            },
        ),
        (
            "products",
            "category",
            {
                "Electronics": 0.25,
                "Clothing": 0.20,
                "Home & Garden": 0.15,
                "Sports": 0.15,
                "Books": 0.10,
                "Beauty": 0.10,
                "Food": 0.05,
            },
        ),
    ],
)
def test_distributions_within_three_points(
    clean_workspace: Path, name: str, column: str, expected: dict[str, float]
) -> None:
    got = shares(read_raw(clean_workspace, name).column(column))
    assert set(got) == set(expected)
    for value, share in expected.items():
        assert abs(got[value] - share) <= 0.03, (value, got[value], share)


def test_campaign_objectives_are_balanced(clean_workspace: Path) -> None:
    counts = Counter(
        read_raw(clean_workspace, "marketing_campaigns").column("objective").to_pylist()
    )
    assert max(counts.values()) - min(counts.values()) <= 1


def test_thirty_percent_of_customers_belong_to_an_account(clean_workspace: Path) -> None:
    customers = read_raw(clean_workspace, "crm_customers")
    linked = customers.column("account_id").is_valid().to_numpy(zero_copy_only=False).mean()
    assert abs(linked - 0.30) <= 0.03


def test_two_to_five_segments_per_customer(clean_workspace: Path) -> None:
    memberships = read_raw(clean_workspace, "crm_customer_segments")
    per_customer = Counter(memberships.column("customer_id").to_pylist())
    assert set(per_customer.values()) <= {2, 3, 4, 5}
    assert len(per_customer) == read_raw(clean_workspace, "crm_customers").num_rows
    pairs = set(
        zip(
            memberships.column("customer_id").to_pylist(),
            memberships.column("segment_id").to_pylist(),
            strict=True,
        )
    )
    assert len(pairs) == memberships.num_rows


def test_event_funnel_matches_the_seed(clean_workspace: Path) -> None:
    sends = read_raw(clean_workspace, "marketing_sends").num_rows
    events = read_raw(clean_workspace, "marketing_events")
    by_type: dict[str, set[str]] = {}
    for send, kind in zip(
        events.column("send_id").to_pylist(), events.column("event_type").to_pylist(), strict=True
    ):
        by_type.setdefault(kind, set()).add(send)
    bounced = len(by_type["bounce"]) / sends
    delivered = sends - len(by_type["bounce"])
    opened = len(by_type["open"]) / delivered
    clicked = len(by_type["click"] & by_type["open"]) / len(by_type["open"])
    unsubscribed = len(by_type["unsubscribe"]) / delivered
    assert abs(bounced - 0.03) <= 0.01
    assert abs(opened - 0.22) <= 0.03
    assert abs(clicked - 0.08) <= 0.03
    assert abs(unsubscribed - 0.005) <= 0.003
    assert not by_type["bounce"] & (by_type["open"] | by_type["click"])
    assert by_type["click"] <= by_type["open"]


def test_events_follow_their_send_and_belong_to_its_customer(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    bad = con.execute("""
        SELECT COUNT(*) FROM marketing_events e JOIN marketing_sends s USING (send_id)
        WHERE e.customer_id <> s.customer_id OR e.event_at < s.send_at
           OR e.event_at > TIMESTAMP '2025-12-31 23:59:59'
    """).fetchone()
    assert bad == (0,)


def test_sends_use_an_asset_of_their_campaign(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    bad = con.execute("""
        SELECT COUNT(*) FROM marketing_sends s JOIN marketing_assets a USING (asset_id)
        WHERE a.campaign_id <> s.campaign_id
    """).fetchone()
    assert bad == (0,)


def test_line_totals_and_order_totals(clean_workspace: Path) -> None:
    lines = read_typed(clean_workspace, "order_lines")
    expected = pc.subtract(
        pc.multiply(lines.column("unit_price_eur"), pc.cast(lines.column("qty"), pa.float64())),
        lines.column("discount_eur"),
    )
    diff = pc.abs(pc.subtract(expected, lines.column("line_total_eur")))
    assert pc.max(diff).as_py() < 0.005
    con = connect_sources(clean_workspace)
    bad = con.execute("""
        SELECT COUNT(*) FROM orders o
        LEFT JOIN (SELECT order_id, SUM(line_total_eur) AS total, COUNT(*) AS n
                   FROM order_lines GROUP BY order_id) l USING (order_id)
        WHERE l.n IS NULL OR ABS(o.total_amount_eur - l.total) > 0.005
    """).fetchone()
    assert bad == (0,)


def test_attribution_is_the_last_open_or_click_within_14_days(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    mismatches, attributed, total = con.execute("""
        WITH touches AS (
            SELECT e.customer_id, e.event_at, s.campaign_id
            FROM marketing_events e JOIN marketing_sends s USING (send_id)
            WHERE e.event_type IN ('open', 'click')
        ), last_touch AS (
            SELECT o.order_id, arg_max(t.campaign_id, t.event_at) AS campaign_id
            FROM orders o JOIN touches t
              ON t.customer_id = o.customer_id AND t.event_at < o.order_at
             AND t.event_at >= o.order_at - INTERVAL 14 DAY
            GROUP BY o.order_id
        )
        SELECT COUNT(*) FILTER (WHERE o.attributed_campaign_id IS DISTINCT FROM l.campaign_id),
               COUNT(o.attributed_campaign_id), COUNT(*)
        FROM orders o LEFT JOIN last_touch l USING (order_id)
    """).fetchone()
    assert mismatches == 0
    assert 0.05 < attributed / total < 0.6  # attribution happens, and not for everyone


def test_returns_refer_to_orders_of_the_same_customer(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    bad = con.execute("""
        SELECT COUNT(*) FROM returns r LEFT JOIN orders o USING (order_id)
        WHERE o.order_id IS NULL OR o.customer_id <> r.customer_id
           OR r.amount_refunded_eur > o.total_amount_eur OR r.created_at <= o.order_at
    """).fetchone()
    assert bad == (0,)
    rate = con.execute("SELECT (SELECT COUNT(*) FROM returns) / (SELECT COUNT(*) FROM orders)")
    assert abs(rate.fetchone()[0] - 1 / 6) < 0.03


def test_profile_summarises_the_facts(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    bad = con.execute("""
        WITH o AS (
            SELECT customer_id, COUNT(*) AS n, SUM(total_amount_eur) AS spend
            FROM orders WHERE status = 'completed' GROUP BY customer_id
        ), i AS (
            SELECT customer_id, COUNT(*) AS n, MAX(occurred_at) AS last_at
            FROM crm_interactions GROUP BY customer_id
        ), s AS (
            SELECT s.customer_id, COUNT(*) AS sends,
                   COUNT(*) FILTER (WHERE e.opened) AS opened,
                   COUNT(*) FILTER (WHERE e.clicked) AS clicked
            FROM marketing_sends s LEFT JOIN (
                SELECT send_id, bool_or(event_type = 'open') AS opened,
                       bool_or(event_type = 'click') AS clicked
                FROM marketing_events GROUP BY send_id) e USING (send_id)
            GROUP BY s.customer_id
        )
        SELECT COUNT(*) FROM crm_customer_profile p
        LEFT JOIN o USING (customer_id) LEFT JOIN i USING (customer_id)
        LEFT JOIN s USING (customer_id)
        WHERE p.total_orders <> coalesce(o.n, 0)
           OR abs(p.total_spend_eur - coalesce(o.spend, 0)) > 0.01
           OR abs(p.avg_order_value_eur - coalesce(o.spend / o.n, 0)) > 0.01
           OR p.total_interactions <> coalesce(i.n, 0)
           OR p.last_contact_at IS DISTINCT FROM i.last_at
           OR abs(p.open_rate_pct - coalesce(s.opened / s.sends, 0)) > 0.0001
           OR abs(p.click_rate_pct - coalesce(s.clicked / s.sends, 0)) > 0.0001
    """).fetchone()
    assert bad == (0,)
    assert (
        read_raw(clean_workspace, "crm_customer_profile").num_rows
        == read_raw(clean_workspace, "crm_customers").num_rows
    )


def test_interactions_never_precede_first_seen(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    bad = con.execute("""
        SELECT COUNT(*) FROM crm_interactions i JOIN crm_customers c USING (customer_id)
        WHERE i.occurred_at < c.first_seen_at
    """).fetchone()
    assert bad == (0,)


def test_status_follows_lifecycle_and_locale_follows_country(clean_workspace: Path) -> None:
    customers = read_raw(clean_workspace, "crm_customers").to_pylist()
    assert all((c["status"] == "churned") == (c["lifecycle_stage"] == "churned") for c in customers)
    home = {"France": "fr_FR", "USA": "en_US", "Germany": "de_DE", "Spain": "es_ES", "UK": "en_US"}
    at_home = np.mean([home[c["country"]] == c["locale"] for c in customers])
    assert 0.9 < at_home < 1.0


def test_nothing_happens_after_the_data_end_date(clean_workspace: Path) -> None:
    end = np.datetime64(AS_OF, "s")
    for table in SEED_000:
        data = read_typed(clean_workspace, table.name)
        for col in table.columns:
            if col.dtype == "timestamp" and table.name != "marketing_campaigns":
                latest = pc.max(data.column(col.name)).as_py()
                assert latest is None or np.datetime64(latest, "s") <= end, (table.name, col.name)


def test_emails_look_like_emails(clean_workspace: Path) -> None:
    emails = read_raw(clean_workspace, "crm_customers").column("email").to_pylist()
    assert all(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", e) for e in emails)


def test_email_activity_never_precedes_first_seen(clean_workspace: Path) -> None:
    # first_seen_at is the customer's first interaction: nothing is mailed (or opened) before it.
    con = connect_sources(clean_workspace)
    sends, events = con.execute("""
        SELECT
            (SELECT COUNT(*) FROM marketing_sends s JOIN crm_customers c USING (customer_id)
             WHERE s.send_at < c.first_seen_at),
            (SELECT COUNT(*) FROM marketing_events e JOIN crm_customers c USING (customer_id)
             WHERE e.event_at < c.first_seen_at)
    """).fetchone()
    assert (sends, events) == (0, 0)


def test_an_order_holds_each_product_once(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    repeats, lines, orders = con.execute("""
        SELECT COUNT(*) - COUNT(DISTINCT (order_id, product_id)), COUNT(*),
               COUNT(DISTINCT order_id)
        FROM order_lines
    """).fetchone()
    assert repeats == 0
    assert 2.8 < lines / orders < 3.2  # still the seed's ~3 lines per order


def test_nobody_is_mailed_after_unsubscribing(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    later, twice, quitters = con.execute("""
        WITH quit AS (
            SELECT customer_id, MIN(event_at) AS at, COUNT(*) AS n
            FROM marketing_events WHERE event_type = 'unsubscribe' GROUP BY customer_id
        )
        SELECT (SELECT COUNT(*) FROM marketing_sends s JOIN quit q USING (customer_id)
                WHERE s.send_at > q.at),
               (SELECT COUNT(*) FROM quit WHERE n > 1),
               (SELECT COUNT(*) FROM quit)
    """).fetchone()
    assert (later, twice) == (0, 0)
    assert quitters > 20  # people do unsubscribe


def test_linked_customers_join_an_account_that_already_existed(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    early = con.execute("""
        SELECT COUNT(*) FROM crm_customers c JOIN crm_accounts a USING (account_id)
        WHERE c.first_seen_at < a.created_at
    """).fetchone()
    assert early == (0,)


def test_only_recent_orders_and_returns_are_pending(clean_workspace: Path) -> None:
    con = connect_sources(clean_workspace)
    old_orders, old_returns, recent = con.execute("""
        SELECT
            (SELECT COUNT(*) FROM orders
             WHERE status = 'pending' AND order_at < TIMESTAMP '2025-12-17'),
            (SELECT COUNT(*) FROM returns
             WHERE status = 'pending' AND created_at < TIMESTAMP '2025-12-17'),
            (SELECT COUNT(*) FROM orders WHERE status = 'pending')
    """).fetchone()
    assert (old_orders, old_returns) == (0, 0)
    assert recent > 0


def test_campaign_names_and_promo_codes_fit_their_dates(clean_workspace: Path) -> None:
    campaigns = read_raw(clean_workspace, "marketing_campaigns")
    assert (
        misdated(
            campaigns.column("campaign_name").to_pylist(),
            campaigns.column("start_date").to_pylist(),
        )
        == []
    )
    con = connect_sources(clean_workspace)
    off_season = con.execute("""
        SELECT COUNT(*) FROM orders
        WHERE (promo_code = 'XMAS15' AND month(order_at) NOT IN (11, 12))
           OR (promo_code = 'SUMMER20' AND month(order_at) NOT IN (6, 7, 8))
           OR (promo_code = 'BLACKFRIDAY' AND month(order_at) <> 11)
    """).fetchone()
    assert off_season == (0,)
