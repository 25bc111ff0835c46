"""Seed 000's star schema: conformed dimensions and facts keyed by ``date_key`` into dim_date."""

from __future__ import annotations

from collections.abc import Callable

import ibis
from ibis import _
from ibis.expr.types import DateValue, IntegerValue, StringValue, Table, TimestampValue

from c360.contracts import gold_star as c
from c360.contracts.model import Table as Contract
from c360.pipeline.gold.engagement import send_engagement
from c360.pipeline.gold.model import GoldModel, built_columns
from c360.pipeline.gold.rounding import cents, exact_mean, exact_sum, fixed

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def date_key(value: TimestampValue | DateValue) -> IntegerValue:
    """The day of a timestamp or date as the integer yyyymmdd."""
    return (value.year() * 10_000 + value.month() * 100 + value.day()).cast("int64")


def year_month(value: TimestampValue | DateValue) -> StringValue:
    """``YYYY-MM`` of a timestamp or date."""
    return value.year().cast("string") + "-" + value.month().cast("string").lpad(2, "0")


def lookup(left: Table, right: Table, key: str) -> Table:
    """``left`` with ``right``'s columns, matched on ``key`` (NULLs where nothing matches)."""
    return left.left_join(right, key).drop(f"{key}_right")


def _contract_columns(table: Table, contract: Contract) -> Table:
    """The contract's columns; a dimension's rows as built are not inferred members."""
    if c.INFERRED in contract.column_names and c.INFERRED not in table.columns:
        table = table.mutate(**{c.INFERRED: ibis.literal(False)})
    return table.select(*built_columns(contract))


def dim_customer(
    customers: Table,
    profile: Table | None,
    interactions: Table | None = None,
    orders: Table | None = None,
    lines: Table | None = None,
    products: Table | None = None,
    sends: Table | None = None,
    events: Table | None = None,
) -> Table:
    """Customers with their profile measures; the pseudonymised e-mail stays in silver.

    The measures are the profile source's; a workspace without one (a CRM export rarely holds
    such a table) has them derived from the facts (``derived_profile``)."""
    if profile is None:
        profile = derived_profile(customers, interactions, orders, lines, products, sends, events)
    return _contract_columns(lookup(customers, profile, "customer_id"), c.DIM_CUSTOMER)


def derived_profile(
    customers: Table,
    interactions: Table | None,
    orders: Table | None,
    lines: Table | None,
    products: Table | None,
    sends: Table | None,
    events: Table | None,
) -> Table:
    """The profile source's measures per customer, counted from the facts as the source counts
    them (``contracts.crm.CUSTOMER_PROFILE``) but rounded half up, where the generated profile
    rounds a tie to even (a half-cent mean order value may differ by a cent); NULL where the
    facts a measure needs are not in the workspace, and the churn risk and the last NPS answer,
    which no fact holds."""
    out = customers.select("customer_id").mutate(
        churn_risk_score=ibis.null("int64"), nps_last=ibis.null("int64")
    )
    if interactions is None:
        out = out.mutate(
            last_contact_at=ibis.null("timestamp"), total_interactions=ibis.null("int64")
        )
    else:
        contacts = interactions.group_by("customer_id").aggregate(
            last_contact_at=_.occurred_at.max(), total_interactions=_.count()
        )
        out = lookup(out, contacts, "customer_id")
        out = out.mutate(total_interactions=out.total_interactions.fill_null(0))
    out = _order_measures(out, orders, lines, products)
    return _email_rates(out, sends, events)


def _order_measures(
    out: Table, orders: Table | None, lines: Table | None, products: Table | None
) -> Table:
    """Completed orders, their spend and mean value, and the CLV: the spend times the mean
    margin of the products on their lines (0 without completed orders, NULL when no line's
    margin is known)."""
    if orders is None:
        return out.mutate(
            total_orders=ibis.null("int64"),
            total_spend_eur=ibis.null("float64"),
            avg_order_value_eur=ibis.null("float64"),
            clv_score=ibis.null("float64"),
        )
    completed = orders.filter(orders.status == "completed")
    spend = completed.group_by("customer_id").aggregate(
        total_orders=_.count(), total_spend_eur=exact_sum(completed.total_amount_eur, 2)
    )
    out = lookup(out, spend, "customer_id")
    out = out.mutate(
        total_orders=out.total_orders.fill_null(0),
        total_spend_eur=out.total_spend_eur.fill_null(0.0),
        avg_order_value_eur=cents(out.total_spend_eur / out.total_orders).fill_null(0.0),
    )
    if lines is None or products is None:  # a buyer's margin is unknown, a non-buyer's CLV 0
        return out.mutate(clv_score=ibis.ifelse(out.total_orders > 0, ibis.null("float64"), 0.0))
    bought = lines.select("order_id", "product_id").join(
        completed.select("order_id", "customer_id"), "order_id"
    )
    bought = bought.join(products.select("product_id", "margin_pct"), "product_id")
    margins = bought.group_by("customer_id").aggregate(
        avg_margin_pct=exact_mean(bought.margin_pct, 6)
    )
    out = lookup(out, margins, "customer_id")
    return out.mutate(
        clv_score=ibis.ifelse(
            out.total_orders > 0, cents(out.total_spend_eur * out.avg_margin_pct), 0.0
        )
    ).drop("avg_margin_pct")


def _email_rates(out: Table, sends: Table | None, events: Table | None) -> Table:
    """The shares of the customer's sends opened and clicked at least once, to 4 decimals (0
    without sends); an event of a send silver does not hold counts for no one."""
    if sends is None or events is None:
        return out.mutate(open_rate_pct=ibis.null("float64"), click_rate_pct=ibis.null("float64"))
    opened = events.filter(events.event_type == "open").select("send_id")
    clicked = events.filter(events.event_type == "click").select("send_id")
    per_send = sends.select(
        "customer_id",
        is_opened=sends.send_id.isin(opened.send_id),
        is_clicked=sends.send_id.isin(clicked.send_id),
    )
    rates = per_send.group_by("customer_id").aggregate(
        count_sends=_.count(),
        count_opened=_.count(where=_.is_opened),
        count_clicked=_.count(where=_.is_clicked),
    )
    out = lookup(out, rates, "customer_id")
    return out.mutate(
        open_rate_pct=fixed(out.count_opened / out.count_sends, 4).fill_null(0.0),
        click_rate_pct=fixed(out.count_clicked / out.count_sends, 4).fill_null(0.0),
    ).drop("count_sends", "count_opened", "count_clicked")


def dim_segment(segments: Table, memberships: Table) -> Table:
    """Segments with their number of current members."""
    current = (
        memberships.filter(memberships.end_date.isnull())
        .group_by("segment_id")
        .aggregate(count_current_members=_.count())
    )
    out = lookup(segments, current, "segment_id")
    return _contract_columns(
        out.mutate(count_current_members=out.count_current_members.fill_null(0)), c.DIM_SEGMENT
    )


def bridge_customer_segment(memberships: Table) -> Table:
    """Memberships, flagged current while they have no end date."""
    return _contract_columns(
        memberships.mutate(is_current=memberships.end_date.isnull()), c.BRIDGE_CUSTOMER_SEGMENT
    )


def dim_date(*facts: Table | None) -> Table:
    """Every day of the calendar years spanned by the facts' days: their date keys
    (``*date_key`` columns) and dates (columns of type date); a fact the workspace lacks is
    None."""
    keys = ibis.union(  # cast: a union needs equal nullability, and the runner's tables have it
        *(
            t.select(key=_day_key(t[col]))
            for t in facts
            if t is not None
            for col in t.columns
            if col.endswith("date_key") or t[col].type().is_date()
        )
    )
    years = keys.aggregate(first=keys.key.min() // 10_000, last=keys.key.max() // 10_000)
    span = years.select(start=ibis.date(years.first, 1, 1), stop=ibis.date(years.last, 12, 31))
    offsets = span.select(
        span.start, offset=ibis.range(0, span.stop.delta(span.start, unit="day") + 1).unnest()
    )
    days = offsets.select(date=offsets.start + offsets.offset.as_interval("D"))
    d = days.date
    weekday = d.day_of_week.index()  # Monday = 0 on every engine
    return days.select(
        date_key=date_key(d),
        date=d,
        year=d.year(),
        quarter=d.quarter(),
        month=d.month(),
        month_name=d.month().cases(*enumerate(MONTHS, start=1)),
        year_month=year_month(d),
        day_of_month=d.day(),
        day_of_year=d.day_of_year(),
        day_of_week=weekday + 1,
        day_name=weekday.cases(*enumerate(DAYS)),
        is_weekend=weekday >= 5,
        iso_week=d.week_of_year(),
        # The Thursday of the day's week lies in the year ISO 8601 counts the week in (Spark
        # has no ISO year of its own).
        iso_year=(d + (3 - weekday).as_interval("D")).year(),
    )


def _day_key(column: ibis.Value) -> IntegerValue:
    """A fact's date key as it is, or its date as one."""
    if column.type().is_date():
        return date_key(column)
    return column.cast("int64")


def fct_orders(orders: Table, lines: Table | None) -> Table:
    """Orders with their date key and the count, units and discount of their lines (none when
    the workspace has no order lines: a shop exporting order headers alone)."""
    if lines is None:
        out = orders.mutate(
            count_lines=ibis.null("int64"),
            total_qty=ibis.null("int64"),
            total_discount_eur=ibis.null("float64"),
        )
    else:
        sums = lines.group_by("order_id").aggregate(
            count_lines=_.count(),
            total_qty=_.qty.sum(),
            total_discount_eur=exact_sum(lines.discount_eur, 2),
        )
        out = lookup(orders, sums, "order_id")
    return _contract_columns(
        out.mutate(
            date_key=date_key(out.order_at),
            count_lines=out.count_lines.fill_null(0),
            total_qty=out.total_qty.fill_null(0),
            total_discount_eur=out.total_discount_eur.fill_null(0.0),
        ),
        c.FCT_ORDERS,
    )


def fct_order_lines(lines: Table, orders: Table, products: Table) -> Table:
    """Order lines with their order's customer, date and status, and their margin in euros (to the
    cent)."""
    order = orders.select(
        "order_id", "customer_id", date_key=date_key(orders.order_at), order_status=orders.status
    )
    out = lookup(lines, order, "order_id")
    out = lookup(out, products.select("product_id", "margin_pct"), "product_id")
    return _contract_columns(
        out.mutate(margin_eur=cents(out.line_total_eur * out.margin_pct)), c.FCT_ORDER_LINES
    )


def fct_email_events(sends: Table, events: Table, classified: Table) -> Table:
    """One row per send: what its events did (an event whose send is unknown is left out), and
    what the person did and when, without the machines' events (``classified``:
    ``email_engagement_classified``, which holds every open and click of a known send, so
    only bounces and unsubscribes are counted from ``events``)."""
    others = events.filter(events.event_type.isin(("bounce", "unsubscribe")))
    per_send = others.group_by("send_id").aggregate(
        count_bounces=_.event_id.count(where=_.event_type == "bounce"),
        count_unsubscribes=_.event_id.count(where=_.event_type == "unsubscribe"),
    )
    out = lookup(lookup(sends, per_send, "send_id"), send_engagement(classified), "send_id")
    bounced = out.count_bounces.fill_null(0) > 0
    human_opens, human_clicks = (
        out.count_human_opens.fill_null(0),
        out.count_human_clicks.fill_null(0),
    )
    return _contract_columns(
        out.mutate(
            date_key=date_key(out.send_at),
            is_delivered=~bounced,
            is_bounced=bounced,
            is_opened=out.count_opens.fill_null(0) > 0,
            is_clicked=out.count_clicks.fill_null(0) > 0,
            is_unsubscribed=out.count_unsubscribes.fill_null(0) > 0,
            count_opens=out.count_opens.fill_null(0),
            count_clicks=out.count_clicks.fill_null(0),
            is_human_opened=(human_opens + human_clicks) > 0,
            is_human_clicked=human_clicks > 0,
            count_human_opens=human_opens,
            count_human_clicks=human_clicks,
        ),
        c.FCT_EMAIL_EVENTS,
    )


def fct_interactions(interactions: Table) -> Table:
    """CRM interactions with their date key."""
    return _contract_columns(
        interactions.mutate(date_key=date_key(interactions.occurred_at)), c.FCT_INTERACTIONS
    )


def fct_returns(returns: Table, orders: Table) -> Table:
    """Returns keyed by the day they were opened and by the day of the order they return."""
    order = orders.select("order_id", order_date_key=date_key(orders.order_at))
    out = lookup(returns, order, "order_id")
    return _contract_columns(out.mutate(date_key=date_key(out.created_at)), c.FCT_RETURNS)


def _copy_of(contract: Contract) -> Callable[[Table], Table]:
    return lambda table: _contract_columns(table, contract)


# What dim_customer derives its measures from without a profile source, in its arguments' order.
PROFILE_FACTS = ("stg_crm_interactions", "stg_orders", "stg_order_lines", "stg_products",
                 "stg_marketing_sends", "stg_marketing_events")  # fmt: skip
FACTS = ("fct_orders", "fct_order_lines", "fct_email_events", "fct_interactions", "fct_returns")
# Every fact dim_date spans: the star's and those other layers build (the text layer's notes,
# seed 003's sales), so the calendar is built after them all (``CALENDAR``, last in run.py).
DATED_FACTS = (*FACTS, "fct_notes", "fct_ecommerce_sales")

MODELS: list[GoldModel] = [
    GoldModel(c.DIM_ACCOUNT, ("stg_crm_accounts",), _copy_of(c.DIM_ACCOUNT), in_input_order=True),
    GoldModel(c.DIM_CUSTOMER, ("stg_crm_customers", "stg_crm_customer_profile", *PROFILE_FACTS),
              dim_customer, optional=("stg_crm_customer_profile", *PROFILE_FACTS),
              in_input_order=True),
    GoldModel(c.DIM_SEGMENT, ("stg_crm_segments", "stg_crm_customer_segments"), dim_segment),
    GoldModel(c.BRIDGE_CUSTOMER_SEGMENT, ("stg_crm_customer_segments",), bridge_customer_segment,
              in_input_order=True),
    GoldModel(c.DIM_PRODUCT, ("stg_products",), _copy_of(c.DIM_PRODUCT), in_input_order=True),
    GoldModel(c.DIM_CAMPAIGN, ("stg_marketing_campaigns",), _copy_of(c.DIM_CAMPAIGN),
              in_input_order=True),
    GoldModel(c.FCT_ORDERS, ("stg_orders", "stg_order_lines"), fct_orders,
              optional=("stg_order_lines",), in_input_order=True),
    GoldModel(c.FCT_ORDER_LINES, ("stg_order_lines", "stg_orders", "stg_products"),
              fct_order_lines, in_input_order=True),
    GoldModel(c.FCT_EMAIL_EVENTS,
              ("stg_marketing_sends", "stg_marketing_events", "email_engagement_classified"),
              fct_email_events, in_input_order=True),
    GoldModel(c.FCT_INTERACTIONS, ("stg_crm_interactions",), fct_interactions,
              in_input_order=True),
    GoldModel(c.FCT_RETURNS, ("stg_returns", "stg_orders"), fct_returns, in_input_order=True),
]  # fmt: skip
CALENDAR: list[GoldModel] = [GoldModel(c.DIM_DATE, DATED_FACTS, dim_date, optional=DATED_FACTS)]
