"""The behaviour seed 000 plants: activity level, churn dates and their decline, order rhythm,
category tastes and complementary products, seen in the functions and in a generated block."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pytest
from scipy.stats import spearmanr

from c360.generate import seed000
from c360.generate.block import Block
from c360.generate.people import people
from c360.generate.plan import AS_OF, DAY, Plan
from c360.generate.seed000 import baskets
from c360.generate.seed000.behaviour import NEVER, Behaviour, active_days, behaviour, rhythm

CHURN = AS_OF - 100 * DAY
ONE = Behaviour(np.array([1.0]), np.array([CHURN]), np.array([[0, -1]]))
NOBODY = np.array([0])


def test_intensity_fades_over_the_decline_and_stops_at_the_churn_date() -> None:
    at = np.array([CHURN - 300 * DAY, CHURN - 135 * DAY, CHURN, CHURN + 1])
    assert ONE.intensity(np.zeros(4, np.int64), at).round(6).tolist() == [1.0, 0.6, 0.2, 0.0]


def test_active_days_weigh_the_decline_by_its_intensity() -> None:
    low, high = np.array([CHURN - 370 * DAY]), np.array([AS_OF])
    # 100 full days, then 270 days fading from 1 to 0.2: 270 x 0.6 = 162; nothing after churning
    assert active_days(ONE, low, high).round(6).tolist() == [262.0]
    loyal = Behaviour(np.array([1.0]), np.array([NEVER]), np.array([[0, -1]]))
    assert active_days(loyal, np.array([AS_OF - 365 * DAY]), high).round(6).tolist() == [365.0]


def test_rhythm_keeps_regular_gaps_of_the_mean_length() -> None:
    loyal = Behaviour(np.array([1.0]), np.array([NEVER]), np.array([[0, -1]]))
    low, high = np.array([AS_OF - 3650 * DAY]), np.array([AS_OF])
    owner, at = rhythm(np.random.default_rng(0), loyal, np.array([0.1]), low, high)
    gaps = np.diff(at) / DAY
    assert (owner == 0).all() and (at >= low[0]).all() and (at <= AS_OF).all()
    assert 330 <= len(at) <= 400  # 3,650 days / 10
    assert abs(gaps.mean() - 10) < 1
    assert 0.35 < gaps.std() / gaps.mean() < 0.65  # gamma(4): 0.5; a Poisson process gives 1


def test_rhythm_slows_before_the_churn_date_and_stops_at_it() -> None:
    low, high = np.array([CHURN - 2000 * DAY]), np.array([AS_OF])
    _, at = rhythm(np.random.default_rng(1), ONE, np.array([0.5]), low, high)
    assert at.max() <= CHURN
    before = ((at > CHURN - 450 * DAY) & (at <= CHURN - 360 * DAY)).sum()
    last = (at > CHURN - 90 * DAY).sum()
    assert last < 0.5 * before


def test_complements_pair_products_of_one_category_both_ways() -> None:
    products = seed000.dimension_tables(Plan(seed=3, scale=0.1)).products
    partner = baskets.complements(products, 3)
    codes = baskets.category_codes(products)
    paired = np.flatnonzero(partner >= 0)
    assert len(paired) >= 0.8 * len(partner)
    assert (partner[partner[paired]] == paired).all()
    assert (codes[partner[paired]] == codes[paired]).all()
    assert (partner[paired] != paired).all()


@dataclass(frozen=True)
class Generated:
    base: seed000.Seed000
    habits: Behaviour
    products: pa.Table
    seed: int


@pytest.fixture(scope="module")
def block() -> Generated:
    """One block of 2,000 customers and the hidden traits its facts were drawn from."""
    plan = Plan(seed=11, scale=0.1)
    dims = seed000.dimension_tables(plan)
    b = Block(plan, 0, people(plan, 0, plan.blocks()[0][1]), dims, {}, set())
    base = seed000.build(b)
    return Generated(base, behaviour(b, base.customers), dims.products, plan.seed)


def _seconds(table: pa.Table, column: str) -> np.ndarray:
    return table.column(column).cast(pa.int64()).to_numpy()


def _interactions(g: Generated) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(customer index, time, type) of each interaction."""
    index = {c: i for i, c in enumerate(g.base.customers.column("customer_id").to_pylist())}
    table = g.base.interactions
    who = np.array([index[c] for c in table.column("customer_id").to_pylist()])
    kind = table.column("type").to_numpy(zero_copy_only=False)
    return who, _seconds(table, "occurred_at"), kind


def test_customers_who_open_more_order_more(block: Generated) -> None:
    base = block.base
    n = base.customers.num_rows
    kind = base.email.events.column("event_type").to_numpy(zero_copy_only=False)
    opened = np.unique(base.email.event_send[kind == "open"])
    opens = np.bincount(base.email.send_owner[opened], minlength=n)
    orders = np.bincount(base.shop.order_owner, minlength=n)
    stage = base.customers.column("lifecycle_stage").to_numpy(zero_copy_only=False)
    mailed = (stage == "active") & base.customers.column("consent_email").to_numpy()
    assert spearmanr(opens[mailed], orders[mailed]).statistic > 0.5  # 0.72 measured


def test_nothing_is_ordered_opened_clicked_or_logged_after_the_churn_date(
    block: Generated,
) -> None:
    base, churn_at = block.base, block.habits.churn_at
    stage = base.customers.column("lifecycle_stage").to_numpy(zero_copy_only=False)
    assert ((churn_at < NEVER) == np.isin(stage, ["at_risk", "churned"])).all()
    assert (_seconds(base.shop.orders, "order_at") <= churn_at[base.shop.order_owner]).all()
    events = base.email.events
    kind = events.column("event_type").to_numpy(zero_copy_only=False)
    # The person's own opens and clicks; scanners and proxies keep opening what is still sent.
    machine = np.isin(
        events.column("event_id").to_numpy(zero_copy_only=False),
        base.machine_truth.column("event_id").to_numpy(zero_copy_only=False),
    )
    touch = np.isin(kind, ["open", "click"]) & ~machine
    assert machine.any() and touch.any()
    owner = base.email.send_owner[base.email.event_send]
    assert (_seconds(events, "event_at")[touch] <= churn_at[owner[touch]]).all()
    who, at, _ = _interactions(block)
    assert (at <= churn_at[who]).all()


def test_churners_complain_and_stop_opening_before_the_churn_date(block: Generated) -> None:
    base, churn_at = block.base, block.habits.churn_at
    who, at, kind = _interactions(block)
    days = (at - churn_at[who]) / DAY
    before = (churn_at[who] < NEVER) & (days > -30)
    distress = np.isin(kind, ["support_ticket", "complaint"])
    assert distress[before].mean() > 0.75
    assert distress[~before].mean() < 0.3  # the seed's 40% overall
    sent = _seconds(base.email.sends, "send_at")
    owner = base.email.send_owner
    kind_e = base.email.events.column("event_type").to_numpy(zero_copy_only=False)
    opened = np.zeros(len(sent), bool)
    opened[base.email.event_send[kind_e == "open"]] = True
    days = (sent - churn_at[owner]) / DAY
    churner = churn_at[owner] < NEVER
    last = opened[churner & (days > -90) & (days <= 0)].mean()
    earlier = opened[churner & (days > -720) & (days <= -270)].mean()
    assert last < 0.5 * earlier  # 0.04 against 0.16 measured


def _any(who: np.ndarray, at: np.ndarray, start: int, end: int, n: int) -> np.ndarray:
    """Per customer: any of the events (who, at) in (start, end]."""
    inside = (at > start) & (at <= end)
    return np.bincount(who[inside], minlength=n) > 0


@pytest.mark.parametrize("cutoff", [AS_OF - 180 * DAY, AS_OF - 90 * DAY])
def test_a_support_ticket_or_complaint_is_followed_by_silence_more_often(
    block: Generated, cutoff: int
) -> None:
    """Seen in the facts alone: after a ticket or complaint in the 90 days before a cutoff,
    customers order, open, click and interact with nobody in the next 90 days more often."""
    base, n = block.base, block.base.customers.num_rows
    who, at, kind = _interactions(block)
    events = base.email.events
    touch = np.isin(events.column("event_type").to_numpy(zero_copy_only=False), ["open", "click"])
    later = cutoff + 90 * DAY
    active = (
        _any(who, at, cutoff, later, n)
        | _any(base.shop.order_owner, _seconds(base.shop.orders, "order_at"), cutoff, later, n)
        | _any(
            base.email.send_owner[base.email.event_send][touch],
            _seconds(events, "event_at")[touch],
            cutoff,
            later,
            n,
        )
    )
    bad = np.isin(kind, ["support_ticket", "complaint"])
    earlier = cutoff - 90 * DAY
    upset = _any(who[bad], at[bad], earlier, cutoff, n)
    calm = _any(who[~bad], at[~bad], earlier, cutoff, n) & ~upset
    assert (~active[upset]).mean() > 1.25 * (~active[calm]).mean()  # 1.6 and 1.46 measured


def test_orders_keep_a_rhythm(block: Generated) -> None:
    shop = block.base.shop
    at = _seconds(shop.orders, "order_at")
    order = np.lexsort((at, shop.order_owner))
    who, at = shop.order_owner[order], at[order]
    same = who[1:] == who[:-1]
    gaps, owner = (at[1:] - at[:-1])[same], who[1:][same]
    cv = [gaps[owner == c].std() / gaps[owner == c].mean() for c in np.unique(owner)]
    counts = np.bincount(owner)[np.unique(owner)]
    regular = np.median(np.array(cv)[counts >= 4])
    assert regular < 0.7  # 0.48 measured; independent order times give about 0.9


def _baskets(g: Generated) -> tuple[np.ndarray, np.ndarray]:
    """Orders x products (bought or not) and each line's product index."""
    shop = g.base.shop
    index = {p: i for i, p in enumerate(g.products.column("product_id").to_pylist())}
    product = np.array([index[p] for p in shop.lines.column("product_id").to_pylist()])
    bought = np.zeros((shop.orders.num_rows, g.products.num_rows), bool)
    bought[shop.line_order, product] = True
    return bought, product


def _lift(bought: np.ndarray, a: int, b: int) -> float:
    count = bought.sum(axis=0)
    return float((bought[:, a] & bought[:, b]).sum() * len(bought) / (count[a] * count[b]))


def test_complementary_products_are_bought_together(block: Generated) -> None:
    bought, _ = _baskets(block)
    partner = baskets.complements(block.products, block.seed)
    pairs = [(a, int(b)) for a, b in enumerate(partner) if b > a]
    lifts = [_lift(bought, a, b) for a, b in pairs]
    assert min(lifts) > 2 and np.median(lifts) > 6  # 2.3 and 12.7 measured
    others = np.random.default_rng(0).integers(0, len(partner), (200, 2))
    others = [(a, b) for a, b in others if a != b and partner[a] != b]
    assert np.median([_lift(bought, a, b) for a, b in others]) < 1.5


def test_customers_buy_mostly_in_their_favourite_categories(block: Generated) -> None:
    shop = block.base.shop
    _, product = _baskets(block)
    codes = baskets.category_codes(block.products)
    owner = shop.order_owner[shop.line_order]
    per = np.zeros((block.base.customers.num_rows, codes.max() + 1))
    np.add.at(per, (owner, codes[product]), 1)
    lines = per.sum(axis=1)
    many = lines >= 6
    top = per[many].max(axis=1) / lines[many]
    assert top.mean() > 0.6  # 0.75 measured; the catalogue's largest category has ~0.35
    favourite = block.habits.tastes[many, 0]
    assert (per[many].argmax(axis=1) == favourite).mean() > 0.6


def test_at_risk_customers_churn_well_after_they_are_first_seen() -> None:
    plan = Plan(seed=5, scale=0.01)
    b = Block(plan, 0, people(plan, 0, plan.blocks()[0][1]), seed000.dimension_tables(plan))
    seen = AS_OF - 180 * DAY  # the latest first_seen_at: churn could fall 60 days before it
    customers = pa.table(
        {
            "lifecycle_stage": ["at_risk"] * b.n,
            "first_seen_at": pa.array([seen] * b.n, pa.timestamp("s")),
        }
    )
    churn_at = behaviour(b, customers).churn_at
    assert churn_at.min() >= seen + 60 * DAY
    assert churn_at.max() <= AS_OF + 30 * DAY
