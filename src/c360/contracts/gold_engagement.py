"""Gold contract of the e-mail engagement classification: each open and click, person or machine.

The rules are in ``c360.pipeline.gold.engagement`` and explained in docs/scores.md ("Human and
machine e-mail engagement").
"""

from __future__ import annotations

from c360.contracts.gold_star import gold, person, ref
from c360.contracts.model import Column, Table

MACHINE_REASONS = ("scanner_user_agent", "proxy_open", "burst_click", "instant_open")

EMAIL_ENGAGEMENT_CLASSIFIED = gold(
    "email_engagement_classified",
    "One row per e-mail open or click of a known send: whether a machine (a security scanner "
    "or a privacy proxy) made it, and the first rule that says so. The rest are the person's.",
    ("event_id",),
    Column("event_id", "string", "Event", unique=True),
    ref("send_id", "fct_email_events.send_id", "Send"),
    ref("customer_id", "dim_customer.customer_id", "Recipient"),
    person(),
    Column("event_type", "string", "Event type", allowed=("open", "click")),
    Column("event_at", "timestamp", "Event time"),
    Column("user_agent", "string", "User agent as logged", nullable=True),
    Column("seconds_after_send", "int", "Seconds from the send to the event"),
    Column(
        "count_clicks_nearby",
        "int",
        "Other clicks of the same send within 2 seconds of this event",
        min_value=0,
    ),
    Column("is_machine", "bool", "A machine made the event (machine_reason is set)"),
    Column(
        "machine_reason",
        "string",
        "First rule that applies: scanner_user_agent (the agent names a scanner, bot or "
        "script), proxy_open (an open by a bare 'Mozilla/5.0' image proxy), burst_click (a "
        "click, or an open, within 2 s of another click of the send), instant_open (an open "
        "within 30 s of the send); NULL for a person's event",
        nullable=True,
        allowed=MACHINE_REASONS,
    ),
)

TABLES: tuple[Table, ...] = (EMAIL_ENGAGEMENT_CLASSIFIED,)
