"""The churn and propensity features and labels of every customer as of a cutoff, written once in
Ibis over gold's facts, so they run where the pipeline runs (DuckDB or Spark).

Times are whole epoch seconds (each fact's timestamp floored to the second); a window
``(start, end]`` holds the facts after ``start`` up to and including ``end``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import ibis

from c360.ml.churn import CHURN_DAYS, FEATURES, NEVER_DAYS, PURCHASE_DAYS
from c360.pipeline.gold.rounding import cents

DAY = 86400
ENGAGEMENTS = ("open", "click", "interaction")  # what counts as still engaging
NOTES = ("negative_note", "complaint_note")  # what the CRM notes say; not activity of the customer
LABELS = ("is_known", "is_churned", "is_purchase")


def epoch(when: datetime) -> int:
    """Whole seconds since 1970-01-01 of a naive UTC ``when``."""
    return int((when.replace(tzinfo=None) - datetime(1970, 1, 1)).total_seconds())


def _part(
    t: ibis.Table, kind: str, when: ibis.Column, keep: ibis.Column | None = None,
    amount: ibis.Column | None = None, is_ticket: ibis.Column | None = None,
) -> ibis.Table:  # fmt: skip
    valid = t.customer360_id.notnull() & when.notnull()
    if keep is not None:
        valid = valid & keep.fill_null(False)
    eur = ibis.literal(0.0, "float64") if amount is None else amount.cast("float64").fill_null(0.0)
    return t.filter(valid).select(
        customer360_id=t.customer360_id,
        kind=ibis.literal(kind, "string"),
        at=when.truncate("s").epoch_seconds().cast("int64"),
        amount_eur=ibis.ifelse(eur.isnan(), 0.0, eur),
        is_ticket=ibis.literal(False) if is_ticket is None else is_ticket.fill_null(False),
    )


def purchases(transactions: ibis.Table, links: ibis.Table, sources: Sequence[str]) -> ibis.Table:
    """Seed 004's transactions (silver ``stg_mongo_transactions``) of the people linked to
    them (``customer360_id, at, amount_eur``): each a completed order of ``total_amount`` to the
    cent, as the profile counts them (``profile_activity.purchases``). ``sources`` name the
    identity sources whose record ids are the transactions' ``customer_id``; a transaction of
    no such record is no one's purchase."""
    mine = links.filter(links.source.isin(list(sources)) & links.customer360_id.notnull())
    # One person per record id, should two sources hold it: a purchase counts once.
    people = mine.group_by(record_id=mine.record_id).aggregate(
        customer360_id=mine.customer360_id.min()
    )
    t = transactions.join(people, transactions.customer_id == people.record_id)
    return t.select(
        customer360_id=t.customer360_id,
        at=t.transaction_at,
        amount_eur=cents(t.total_amount.cast("float64")),
    )


def events(
    orders: ibis.Table, emails: ibis.Table, interactions: ibis.Table, notes: ibis.Table,
    *, bought: ibis.Table | None = None,
) -> ibis.Table:  # fmt: skip
    """One row per fact that counts (``customer360_id, kind, at, amount_eur, is_ticket``) from
    gold's ``fct_orders`` (completed only), ``fct_email_events``, ``fct_interactions`` and
    ``fct_notes`` (negative notes and complaints, at the start of the note's day), and
    ``bought`` (:func:`purchases`; orders as completed ones are).

    A send's open and click count once each, when a person made them (``first_human_open_at``
    / ``first_human_click_at``): a security scanner's click is no sign of life.
    """
    written = notes.note_date.cast("timestamp")
    parts = [
        _part(notes, "negative_note", written, notes.sentiment == "negative"),
        _part(notes, "complaint_note", written, notes.is_complaint),
        _part(orders, "order", orders.order_at, orders.status == "completed",
              amount=orders.total_amount_eur),
        _part(emails, "send", emails.send_at),
        _part(emails, "open", emails.first_human_open_at),
        _part(emails, "click", emails.first_human_click_at),
        _part(interactions, "interaction", interactions.occurred_at,
              is_ticket=interactions.type == "support_ticket"),
    ]  # fmt: skip
    if bought is not None:
        parts.append(_part(bought, "order", bought.at, amount=bought.amount_eur))
    return ibis.union(*parts)


def span(facts: ibis.Table, customers: ibis.Table) -> ibis.Table:
    """One row: ``first_at`` and ``last_at`` (epoch seconds) of the facts of ``customers``;
    ``last_at`` is the workspace's "now"."""
    mine = facts.filter(~facts.kind.isin(NOTES)).semi_join(customers, "customer360_id")
    return mine.aggregate(first_at=mine.at.min(), last_at=mine.at.max())


def features(
    facts: ibis.Table, customers: ibis.Table, cutoff: datetime,
    churn_days: int = CHURN_DAYS, purchase_days: int = PURCHASE_DAYS,
) -> ibis.Table:  # fmt: skip
    """Every row of ``customers`` with its ``FEATURES`` as of ``cutoff`` and its ``LABELS``.

    ``is_known``: any order, send or engagement up to the cutoff (the population of a model);
    ``is_churned``: no completed order and no engagement in ``(cutoff, cutoff + churn_days]``;
    ``is_purchase``: a completed order in ``(cutoff, cutoff + purchase_days]``. Recencies of a
    customer without such an event are ``NEVER_DAYS``.
    """
    c, e = epoch(cutoff), facts
    year, quarter = c - 365 * DAY, c - 90 * DAY
    is_order, engaged, acted = e.kind == "order", e.kind.isin(ENGAGEMENTS), ~e.kind.isin(NOTES)

    def within(start: int, end: int) -> ibis.BooleanValue:
        return (e.at > start) & (e.at <= end)

    def recent(kind: str) -> ibis.IntegerScalar:
        return e.at.count(where=(e.kind == kind) & within(quarter, c))

    per = e.group_by("customer360_id").aggregate(
        last_order_at=e.at.max(where=is_order & (e.at <= c)),
        last_engaged_at=e.at.max(where=engaged & (e.at <= c)),
        first_at=e.at.min(where=acted & (e.at <= c)),
        orders_365d=e.at.count(where=is_order & within(year, c)),
        # To the cent: a sum of doubles depends on the order of its terms, which no engine fixes.
        revenue_eur_365d=cents(e.amount_eur.sum(where=is_order & within(year, c))),
        email_sends_90d=recent("send"),
        email_opens_90d=recent("open"),
        email_clicks_90d=recent("click"),
        interactions_90d=recent("interaction"),
        support_tickets_90d=e.at.count(where=e.is_ticket & within(quarter, c)),
        negative_notes_365d=e.at.count(where=(e.kind == "negative_note") & within(year, c)),
        complaint_notes_365d=e.at.count(where=(e.kind == "complaint_note") & within(year, c)),
        active_after=e.at.count(where=(is_order | engaged) & within(c, c + churn_days * DAY)),
        bought_after=e.at.count(where=is_order & within(c, c + purchase_days * DAY)),
    )
    p = per.rename(customer360_id_facts="customer360_id")
    t = customers.left_join(p, customers.customer360_id == p.customer360_id_facts)

    def days_since(last: ibis.IntegerColumn) -> ibis.FloatingValue:
        return ibis.least((c - last) / DAY, NEVER_DAYS).fill_null(NEVER_DAYS)

    def counted(column: ibis.Column) -> ibis.FloatingValue:
        return column.fill_null(0).cast("float64")

    values = {
        "days_since_order": days_since(t.last_order_at),
        "days_since_engagement": days_since(t.last_engaged_at),
        "revenue_eur_365d": t.revenue_eur_365d.fill_null(0.0),
        "tenure_days": ((c - t.first_at) / DAY).fill_null(0.0),
    }
    return t.select(
        *customers.columns,
        **{f: values[f] if f in values else counted(t[f]) for f in FEATURES},
        is_known=t.first_at.notnull(),
        is_churned=t.active_after.fill_null(0) == 0,
        is_purchase=t.bought_after.fill_null(0) > 0,
    )
