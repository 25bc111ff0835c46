"""Seed 000's commerce in silver: products, orders, order lines and returns.

Read and checked by contract as in ``crm``: clean columns are the contract's, a NULL the contract
allows stays NULL, a missing required value is rejected as ``missing_<column>``, and foreign keys
are checked against the ids the referenced source holds (its bronze table).
"""

from __future__ import annotations

from datetime import datetime

import ibis
from ibis.expr.types import Table

from c360.contracts import commerce
from c360.pipeline.silver import conform, parse
from c360.pipeline.silver.currency import CONVERTED
from c360.pipeline.silver.staged import Staged, stage

# Money is written in cents: a line whose total differs by more than half a cent is wrong.
CENT = 0.005
_ATTRIBUTION = "attributed_campaign_id"


def stg_products(bronze: Table) -> Staged:
    """The catalogue; mis-encoded names and brands repaired. A price under 0.01 or a margin
    outside 0–1 is rejected (negative prices as ``negative_amount``)."""
    c = commerce.PRODUCTS
    t = parse.by_contract(
        bronze,
        c,
        product_name=conform.repaired_text(bronze.product_name),
        brand=conform.repaired_text(bronze.brand),
    )
    return stage(t, parse.contract_checks(t, c), c.primary_key, c.column_names)


def stg_orders(bronze: Table, customers: Table, campaigns: Table, as_of: datetime) -> Staged:
    """Orders of known customers; one in the future is rejected. ``promo_code`` and
    ``attributed_campaign_id`` are NULL when there is none.

    The attribution is optional: an order attributed to a campaign the source does not hold is
    a real order all the same, kept without its attribution (NULL) and counted as repaired
    (``attributed_campaign_id: orphan_campaign``); an unknown customer rejects it.
    """
    c = commerce.ORDERS
    typed = parse.by_contract(bronze, c)
    # Worked out once, in a step of its own: the attribution and the repair both read it.
    held = parse.ids(campaigns, "campaign_id")
    t = typed.mutate(_orphan=parse.absent(typed.attributed_campaign_id, held).fill_null(False))
    t = t.mutate(
        attributed_campaign_id=ibis.ifelse(t._orphan, ibis.null("string"), t[_ATTRIBUTION])
    )
    checks = [
        *parse.contract_checks(t, c, {"crm_customers": customers}, skip=(_ATTRIBUTION,)),
        ("order_at: future_date", parse.future(t.order_at, as_of)),
    ]
    repairs = [(f"{_ATTRIBUTION}: orphan_campaign", t._orphan)]
    return stage(t, checks, c.primary_key, c.column_names, repairs)


def stg_order_lines(bronze: Table, orders: Table, products: Table) -> Staged:
    """Lines of known orders and products: quantity ≥ 1, amounts ≥ 0, and the seed's
    ``line_total_eur = unit_price_eur × qty − discount_eur`` to the cent (else
    ``inconsistent_amount``); a line whose amounts were converted from another currency
    (``parse.in_euros``) to within their rounding (see ``_allowed``)."""
    c = commerce.ORDER_LINES
    converted = {CONVERTED: bronze[CONVERTED]} if CONVERTED in bronze.columns else {}
    t = parse.by_contract(bronze, c, **converted)
    sources = {"orders": orders, "products": products}
    expected = t.unit_price_eur * t.qty - t.discount_eur
    checks = [
        *parse.contract_checks(t, c, sources),
        ("inconsistent_amount", (t.line_total_eur - expected).abs() > _allowed(t)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def _allowed(t: Table) -> float | ibis.ir.FloatingValue:
    """How far a line's total may be from its unit price × qty − discount: half a cent; where
    its amounts were converted, each is rounded to the cent on its own, off by up to half a
    cent, the unit price ``qty`` times ($3.33 × 4 − $0.55 = $12.77 at 0.92 is €3.06 × 4 −
    €0.51 = €11.73 against €11.75)."""
    if CONVERTED not in t.columns:
        return CENT
    return ibis.ifelse(t[CONVERTED], CENT * (t.qty + 2), CENT)


def stg_returns(bronze: Table, orders: Table, customers: Table, as_of: datetime) -> Staged:
    """Returns of known orders and customers; one opened in the future is rejected, and so is
    one whose refund the order cannot explain (``inconsistent_amount``): a rejected return that
    refunded money (the refund is 0 when rejected), or a refund above the order's total."""
    c = commerce.RETURNS
    typed = parse.by_contract(bronze, c)
    # The order's total as its bronze rows write it (the largest, if an order id repeats).
    totals = orders.group_by(_order=parse.clean_text(orders.order_id)).aggregate(
        _order_total=parse.money(orders.total_amount_eur).max()
    )
    t = typed.left_join(totals, typed.order_id == totals._order).drop("_order")
    sources = {"orders": orders, "crm_customers": customers}
    checks = [
        *parse.contract_checks(t, c, sources),
        ("created_at: future_date", parse.future(t.created_at, as_of)),
        ("inconsistent_amount", (t.status == "rejected") & (t.amount_refunded_eur != 0)),
        # Not against a negative total: the order is wrong there, and rejected for it. The
        # order's total is another source's: the refund is the value of this row at fault.
        (
            "amount_refunded_eur: inconsistent_amount",
            (t._order_total >= 0) & (t.amount_refunded_eur > t._order_total + CENT),
        ),
    ]
    return stage(t, checks, c.primary_key, c.column_names)
