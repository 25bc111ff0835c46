"""Per customer: commerce and engagement from seed 000's gold facts and seed 004's transactions,
joined through identity links.

Every seed-000 fact carries seed 000's ``customer_id``; the identity records of the
``crm_customers`` source have that id as ``record_id``, so one join gives each fact its
``customer360_id``. Seed 004's transactions join the same way through the records of the
``mongo_customers`` source (:func:`purchases`). Pure functions on Arrow tables (grouped
aggregations, no loop per customer); a customer without facts gets zero counts and NULL dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.profile_attributes import position_in, scatter
from c360.identity.survivorship import run_starts

COMPLETED = "completed"
REFUNDED = "approved"  # a return whose money went back (pending: not yet, rejected: never)
SUPPORT_TYPES = ("support_ticket", "complaint")
PUSH_CHANNEL = "in_app"
ORDER_CHANNELS = {"web": "web", "mobile_app": "app", "in_store": "store", "phone": "phone"}
INTERACTION_CHANNELS = {"email": "email", "phone": "phone", "chat": "chat", "in_app": "app"}
RECORD_CHANNELS = {"web": "web", "ecommerce": "web", "loyalty": "loyalty"}  # others: crm
DIGITAL_ORDER_CHANNELS = ("web", "mobile_app")
# Seed 004 is an online shop's marketing data (its purchases come at the web shop's hours).
PURCHASE_CHANNEL = "web"
DIGITAL_INTERACTION_CHANNELS = ("chat", "in_app")
TOP_PRODUCTS = 5
_STAMP = pa.timestamp("us")
_TEXT = pa.string()
# Purchases outside seed 000's orders, each a completed order: its customer's code, id, amount.
PURCHASES = pa.schema([("code", pa.int32()), ("purchase_id", _TEXT), ("amount_eur", pa.float64()),
                       ("at", _STAMP)])  # fmt: skip


def customer_map(links: pa.Table, fact_sources: Sequence[str], customers: pa.Array) -> pa.Table:
    """``customer_id`` -> ``code`` (position in ``customers``) of the sources keyed like facts.

    Facts are grouped on that integer code rather than on the ``customer360_id`` text: several
    times faster, and the groups land straight at their customer's position.
    """
    rows = links.filter(pc.is_in(links.column("source"), value_set=pa.array(fact_sources, _TEXT)))
    codes = position_in(customers, rows.column("customer360_id"))
    return pa.table({"customer_id": rows.column("record_id"), "code": codes})


def linked(fact: pa.Table, ids: pa.Table) -> pa.Table:
    """The fact's rows of linked customers, with their customer's ``code``."""
    row = pc.index_in(fact.column("customer_id"), value_set=ids.column("customer_id"))
    if row.null_count == 0:  # every row linked (as a rule): the fact is kept, not copied
        return fact.append_column("code", pc.take(ids.column("code"), row))
    found = pc.is_valid(row)
    code = pc.take(ids.column("code"), row.filter(found))
    return fact.filter(found).append_column("code", code)


def _by_customer(customers: pa.Array, rows: pa.Table, aggregations: list[tuple[str, str]]) -> dict:
    """Grouped aggregations of ``rows`` per ``code``, laid out in ``customers`` order."""
    grouped = rows.group_by("code", use_threads=False).aggregate(aggregations)
    codes = grouped.column("code").to_numpy()
    return {
        f"{column}_{how}": scatter(
            len(customers), codes, grouped.column(f"{column}_{how}").combine_chunks()
        )
        for column, how in aggregations
    }


def cents(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Amounts to the cent as gold's ``rounding.cents`` rounds them (ties up, through a
    thousandth of a cent, so 1.005 stored a hair below the tie rounds up too).

    >>> cents(pa.array([10.125, 1.005, 0.004, None])).to_pylist()
    [10.13, 1.01, 0.0, None]
    """
    finer = pc.floor(pc.add(pc.multiply(values, 100_000.0), 0.5))
    return pc.divide(pc.floor(pc.divide(pc.add(finer, 500.0), 1000.0)), 100.0)


def purchases(transactions: pa.Table, ids: pa.Table) -> pa.Table:
    """Seed 004's transactions (silver ``stg_mongo_transactions``) of linked customers as
    :data:`PURCHASES`: each one a completed order of ``total_amount`` (amount − discount +
    shipping), to the cent as ``customer_metrics`` sums it. Silver has already left out the
    invalid, orphaned, future and repeated ones; seed 004 gives a transaction no status."""
    rows = linked(transactions, ids)
    return pa.table(
        {
            "code": pc.cast(rows.column("code"), pa.int32()),
            "purchase_id": rows.column("transaction_id"),
            "amount_eur": cents(rows.column("total_amount")),
            "at": _stamps(rows.column("transaction_at")),
        },
        schema=PURCHASES,
    )


def _zero(values: pa.Array) -> pa.Array:
    return pc.fill_null(values, 0)


def _stamps(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    return pc.cast(values, _STAMP)


def _ranked_lists(
    customers: pa.Array, rows: pa.Table, item: str, keys: list[tuple[str, str]], top: int | None
) -> pa.Array:
    """Per customer: ``item`` values ordered by ``keys`` (the first ``top``); empty if none."""
    rows = rows.sort_by([("code", "ascending"), *keys])
    code = rows.column("code").to_numpy()
    if top is not None and len(code):
        starts = run_starts(code)
        lengths = np.diff(np.r_[starts, len(code)])
        rank = np.arange(len(code)) - np.repeat(starts, lengths)
        rows = rows.filter(pa.array(rank < top))
    lists = rows.select(["code", item]).group_by("code", use_threads=False)
    lists = lists.aggregate([(item, "list")])
    found = scatter(
        len(customers),
        lists.column("code").to_numpy(),
        lists.column(f"{item}_list").combine_chunks(),
    )
    return pc.fill_null(found, pa.scalar([], pa.list_(_TEXT)))


def recommendations(customers: pa.Array, recommended: pa.Table) -> pa.Array:
    """Per customer: its first :data:`TOP_PRODUCTS` products of ``customer_recommendations``."""
    rows = recommended.append_column(
        "code", position_in(customers, recommended.column("customer360_id"))
    )
    rows = rows.filter(pc.is_valid(rows.column("code")))
    return _ranked_lists(customers, rows, "product_id", [("rank", "ascending")], TOP_PRODUCTS)


def commerce(
    customers: pa.Array,
    ids: pa.Table,
    orders: pa.Table,
    returns: pa.Table,
    order_lines: pa.Table,
    products: pa.Table,
    other_purchases: pa.Table | None = None,
) -> dict[str, pa.Array]:
    """Purchases (seed 000's completed orders and ``other_purchases``, :data:`PURCHASES`),
    refunds (approved returns), CLV, interests (seed 000's alone: it knows margins and
    categories). A CLV whose margin no line gives (no order lines, products without a
    margin) is unknown: NULL, not 0."""
    done = linked(orders, ids).filter(pc.field("status") == COMPLETED)
    orders_done = pa.table(
        {
            "code": pc.cast(done.column("code"), pa.int32()),
            "purchase_id": pc.cast(done.column("order_id"), _TEXT),
            "amount_eur": pc.cast(done.column("total_amount_eur"), pa.float64()),
            "at": _stamps(done.column("order_at")),
        },
        schema=PURCHASES,
    )
    own = _by_customer(customers, orders_done, [("amount_eur", "sum")])["amount_eur_sum"]
    if other_purchases is not None:
        orders_done = pa.concat_tables([orders_done, other_purchases.cast(PURCHASES)])
    money = _by_customer(
        customers,
        orders_done,
        [("purchase_id", "count"), ("amount_eur", "sum"), ("at", "min"), ("at", "max")],
    )
    count = _zero(money["purchase_id_count"])
    revenue = cents(_zero(money["amount_eur_sum"]))
    bought = pc.greater(count, 0)
    aov = pc.if_else(bought, cents(pc.divide(revenue, pc.cast(count, pa.float64()))), None)

    refunded = linked(returns, ids).filter(pc.field("status") == REFUNDED)
    refunds = _by_customer(
        customers, refunded, [("order_id", "count_distinct"), ("amount_refunded_eur", "sum")]
    )

    lines = linked(order_lines, ids).filter(pc.field("order_status") == COMPLETED)
    # Lines of products dim_product does not hold (quarantined in silver) have no category or
    # margin to give: an inner join leaves them out of both.
    lines = lines.join(
        products.select(["product_id", "category", "margin_pct"]), "product_id", join_type="inner"
    )
    # Seed 000's per-customer CLV (crm_customer_profile.clv_score): the mean over lines, not
    # over distinct products, so a product bought on many lines weighs more.
    margin = _by_customer(customers, lines, [("margin_pct", "mean")])["margin_pct_mean"]
    # Without seed-000 revenue the value is 0 whatever the margin; with it and no margin, not
    # known. The catalogue's mean margin (kpi_measures' company-wide CLV) is no customer's.
    spent = cents(_zero(own))
    clv = cents(pc.multiply(spent, pc.if_else(pc.equal(spent, 0.0), 0.0, margin)))

    # An inferred member of dim_product (its row quarantined in silver) has no category.
    categorised = lines.filter(pc.is_valid(lines.column("category")))
    per_category = categorised.group_by(["code", "category"], use_threads=False).aggregate(
        [("qty", "sum")]
    )
    return {
        "first_purchase_at": money["at_min"],
        "last_purchase_at": money["at_max"],
        "orders_count": count,
        "total_revenue": revenue,
        "avg_order_value": aov,
        "refunds_count": _zero(refunds["order_id_count_distinct"]),
        "refunds_amount": cents(_zero(refunds["amount_refunded_eur_sum"])),
        "lifetime_value": clv,
        "interests": _ranked_lists(
            customers,
            per_category,
            "category",
            [("qty_sum", "descending"), ("category", "ascending")],
            None,
        ),
    }


def _touches(
    ids: pa.Table,
    orders: pa.Table,
    interactions: pa.Table,
    email_events: pa.Table,
    records: pa.Table,
    other_purchases: pa.Table | None,
) -> pa.Table:
    """Every dated touch: (code, at, channel, is_digital); ``records`` carry their code.

    E-mail touches are a person's first open and click of a send (``fct_email_events``'s
    ``first_human_open_at`` / ``first_human_click_at``), never a machine's. ``other_purchases``
    (:data:`PURCHASES`) are digital touches of :data:`PURCHASE_CHANNEL`."""
    parts = []

    def add(rows: pa.Table, at: str, channel: pa.Array, digital: pa.Array) -> None:
        keep = pc.is_valid(rows.column(at))
        part = pa.table(
            {
                "code": rows.column("code"),
                "at": _stamps(rows.column(at)),
                "channel": channel,
                "is_digital": digital,
            }
        )
        parts.append(part.filter(keep))

    def mapped(values: pa.ChunkedArray, mapping: dict[str, str]) -> pa.Array:
        keys = pa.array(list(mapping), _TEXT)
        return pc.take(pa.array(list(mapping.values()), _TEXT), pc.index_in(values, keys))

    placed = linked(orders, ids)
    add(
        placed,
        "order_at",
        mapped(placed.column("channel"), ORDER_CHANNELS),
        pc.is_in(placed.column("channel"), pa.array(DIGITAL_ORDER_CHANNELS)),
    )
    crm = linked(interactions, ids)
    support = pc.is_in(crm.column("type"), pa.array(SUPPORT_TYPES))
    add(
        crm,
        "occurred_at",
        pc.if_else(support, "support", mapped(crm.column("channel"), INTERACTION_CHANNELS)),
        pc.is_in(crm.column("channel"), pa.array(DIGITAL_INTERACTION_CHANNELS)),
    )
    # A send is a touch when its person first opened it and when they first clicked it: a
    # security scanner's or a privacy proxy's open or click is no sign of the person.
    mails = linked(email_events, ids)
    email = pa.repeat(pa.scalar("email", _TEXT), mails.num_rows)
    add(mails, "first_human_open_at", email, pa.array(np.zeros(mails.num_rows, bool)))
    add(mails, "first_human_click_at", email, pa.array(np.ones(mails.num_rows, bool)))
    if other_purchases is not None:
        n = other_purchases.num_rows
        shop = pa.repeat(pa.scalar(PURCHASE_CHANNEL, _TEXT), n)
        add(other_purchases, "at", shop, pa.array(np.ones(n, bool)))
    sources = pc.fill_null(mapped(records.column("source"), RECORD_CHANNELS), "crm")
    add(records, "updated_at", sources, pa.array(np.zeros(records.num_rows, bool)))
    return pa.concat_tables(parts)


def engagement(
    customers: pa.Array,
    ids: pa.Table,
    orders: pa.Table,
    interactions: pa.Table,
    email_events: pa.Table,
    records: pa.Table,
    as_of: datetime,
    other_purchases: pa.Table | None = None,
    clock: datetime | None = None,
) -> dict[str, pa.Array]:
    """Touch dates, sessions, e-mail and CRM counts; ``records``: id, source, updated_at;
    ``other_purchases`` (:data:`PURCHASES`) are touches and interactions as orders are.

    A touch after ``as_of`` but not after ``clock`` (when the data was read; by default
    ``as_of``) is seen at ``as_of``: a contact created after the latest fact is fresh, and a
    mistyped date moves its own customer alone. A later one is in the future: no touch."""
    mails = _by_customer(
        customers,
        linked(email_events, ids),
        [(f"count_{c}", "sum") for c in ("opens", "clicks", "human_opens", "human_clicks")],
    )
    crm = linked(interactions, ids)
    crm = crm.append_column("is_support", pc.is_in(crm.column("type"), pa.array(SUPPORT_TYPES)))
    crm = crm.append_column("is_push", pc.equal(crm.column("channel"), PUSH_CHANNEL))
    counted = _by_customer(
        customers, crm, [("interaction_id", "count"), ("is_support", "sum"), ("is_push", "sum")]
    )
    support = _by_customer(customers, crm.filter(pc.field("is_support")), [("occurred_at", "max")])
    placed = _by_customer(customers, linked(orders, ids), [("order_id", "count")])
    opens, clicks = _zero(mails["count_opens_sum"]), _zero(mails["count_clicks_sum"])
    total = pc.add(
        pc.add(_zero(counted["interaction_id_count"]), _zero(placed["order_id_count"])),
        pc.add(opens, clicks),
    )
    if other_purchases is not None:
        bought = _by_customer(customers, other_purchases, [("purchase_id", "count")])
        total = pc.add(total, _zero(bought["purchase_id_count"]))

    records = records.append_column(
        "code", position_in(customers, records.column("customer360_id"))
    )
    touches = _touches(ids, orders, interactions, email_events, records, other_purchases)
    now = pa.scalar(as_of, _STAMP)
    touches = touches.filter(pc.field("at") <= pa.scalar(max(clock or as_of, as_of), _STAMP))
    at = touches.schema.get_field_index("at")
    touches = touches.set_column(at, "at", pc.min_element_wise(touches.column("at"), now))
    seen = _by_customer(customers, touches, [("at", "min"), ("at", "max")])
    latest = touches.sort_by(
        [("code", "ascending"), ("at", "descending"), ("channel", "ascending")]
    )
    code = latest.column("code").to_numpy()
    last = latest.take(pa.array(run_starts(code), pa.int64()))
    digital = touches.filter(pc.field("is_digital"))
    days = (
        pa.table(
            {
                "code": digital.column("code"),
                "day": pc.cast(digital.column("at"), pa.date32()),
            }
        )
        .group_by(["code", "day"], use_threads=False)
        .aggregate([])
    )
    sessions = _by_customer(customers, days, [("day", "count")])["day_count"]
    return {
        "first_seen_at": seen["at_min"],
        "last_seen_at": seen["at_max"],
        "last_channel_seen": scatter(
            len(customers), last.column("code").to_numpy(), last.column("channel").combine_chunks()
        ),
        "total_sessions": _zero(sessions),
        "total_interactions": total,
        "email_opens": opens,
        "email_clicks": clicks,
        "human_email_opens": _zero(mails["count_human_opens_sum"]),
        "human_email_clicks": _zero(mails["count_human_clicks_sum"]),
        "push_notifications": _zero(counted["is_push_sum"]),
        "support_tickets": _zero(counted["is_support_sum"]),
        "last_support_interaction_at": _stamps(support["occurred_at_max"]),
    }
