"""Seed 000 ``crm_customer_profile`` for one block, summarising the block's generated facts."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts import crm
from c360.generate.block import Block
from c360.generate.seed000.commerce import Commerce
from c360.generate.seed000.email import EmailActivity

CHURN_BASE = {"lead": 30, "prospect": 35, "active": 15, "at_risk": 70, "churned": 90}
NPS_BASE = {"lead": 7.0, "prospect": 7.0, "active": 8.5, "at_risk": 5.0, "churned": 3.0}


def customer_profile(
    block: Block,
    customers_: pa.Table,
    interactions_: pa.Table,
    email: EmailActivity,
    shop: Commerce,
) -> pa.Table:
    """Totals computed from the facts, so profile and facts always agree.

    Orders and spend count completed orders; open/click rates are the shares of the customer's
    sends opened/clicked at least once; ``clv_score`` is spend times the mean margin of the
    products on the customer's completed order lines.
    """
    rng = block.rng("profile")
    n = block.n
    ids_ = customers_.column("customer_id")
    index = {c: i for i, c in enumerate(ids_.to_pylist())}
    who = np.array(
        [index[c] for c in interactions_.column("customer_id").to_pylist()], dtype=np.int64
    )
    total_interactions = np.bincount(who, minlength=n)
    occurred = interactions_.column("occurred_at").cast(pa.int64()).to_numpy()
    last_contact = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last_contact, who, occurred)

    completed = shop.orders.column("status").to_numpy(zero_copy_only=False) == "completed"
    orders_n = np.bincount(shop.order_owner[completed], minlength=n)
    spend_cents = np.bincount(
        shop.order_owner[completed], weights=shop.order_cents[completed], minlength=n
    ).astype(np.int64)
    spend = spend_cents / 100.0
    aov = np.where(orders_n > 0, np.round(spend / np.maximum(orders_n, 1), 2), 0.0)

    margin_of = dict(
        zip(
            block.dims.products.column("product_id").to_pylist(),
            block.dims.products.column("margin_pct").to_pylist(),
            strict=True,
        )
    )
    line_margin = np.array([margin_of[p] for p in shop.lines.column("product_id").to_pylist()])
    line_ok = completed[shop.line_order]
    line_owner = shop.order_owner[shop.line_order][line_ok]
    margin_sum = np.bincount(line_owner, weights=line_margin[line_ok], minlength=n)
    margin_n = np.bincount(line_owner, minlength=n)
    clv = np.round(spend * np.where(margin_n > 0, margin_sum / np.maximum(margin_n, 1), 0.0), 2)

    sends_n = np.bincount(email.send_owner, minlength=n)
    kind = email.events.column("event_type").to_numpy(zero_copy_only=False)
    opened_sends = np.unique(email.event_send[kind == "open"])
    clicked_sends = np.unique(email.event_send[kind == "click"])
    opens = np.bincount(email.send_owner[opened_sends], minlength=n)
    clicks = np.bincount(email.send_owner[clicked_sends], minlength=n)
    safe = np.maximum(sends_n, 1)

    stage = customers_.column("lifecycle_stage").to_pylist()
    churn = np.clip(np.array([CHURN_BASE[s] for s in stage]) + rng.normal(0, 10, n), 0, 100)
    nps = np.clip(np.round(np.array([NPS_BASE[s] for s in stage]) + rng.normal(0, 1.5, n)), 0, 10)
    has_contact = total_interactions > 0
    return pa.table(
        {
            "customer_id": ids_,
            "churn_risk_score": churn.round().astype(np.int64),
            "clv_score": clv,
            "nps_last": nps.astype(np.int64),
            "last_contact_at": pc.cast(
                pa.array(last_contact, mask=~has_contact), pa.timestamp("s")
            ),
            "total_interactions": total_interactions.astype(np.int64),
            "total_orders": orders_n.astype(np.int64),
            "total_spend_eur": spend,
            "avg_order_value_eur": aov,
            "open_rate_pct": np.round(np.where(sends_n > 0, opens / safe, 0.0), 4),
            "click_rate_pct": np.round(np.where(sends_n > 0, clicks / safe, 0.0), 4),
        },
        schema=crm.CUSTOMER_PROFILE.arrow_schema(),
    )
