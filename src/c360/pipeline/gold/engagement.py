"""``email_engagement_classified``: each e-mail open and click, made by a person or a machine.

Security scanners at company mail gateways open a mail seconds after delivery and follow every
link within a second; privacy proxies (Apple Mail Privacy Protection) fetch the images of every
mail. Both inflate open and click rates. Four explainable rules flag them; an event gets the
first that applies (``MACHINE_REASONS`` order):

1. ``scanner_user_agent``: the user agent names a scanner, a bot or a script
   (``SCANNER_AGENT``, case-insensitive).
2. ``proxy_open``: an open whose user agent is a bare ``Mozilla/5.0`` — real mail clients and
   browsers always name their platform, image proxies do not.
3. ``burst_click``: a click, or an open, within ``BURST_SECONDS`` of another click of the same
   send — no person opens a mail and clicks, or clicks two links, that fast.
4. ``instant_open``: an open within ``INSTANT_SECONDS`` of the send — faster than a person
   notices a new mail.

Only events of a known send are classified (the rules need its send time).
"""

from __future__ import annotations

import ibis
from ibis import _
from ibis.expr.types import Table

from c360.contracts.gold_engagement import EMAIL_ENGAGEMENT_CLASSIFIED, MACHINE_REASONS
from c360.pipeline.gold.model import GoldModel, built_columns

INSTANT_SECONDS = 30
BURST_SECONDS = 2
SCANNER_AGENT = (
    r"bot\b|crawler|spider|scanner|scan\b|barracuda|mimecast|proofpoint|url ?defen[cs]e|"
    r"safe ?links|headless|python-requests|curl/|wget|link-?check"
)
PROXY_AGENT = r"(?i)^[\t\n\x0b\f\r ]*mozilla/5\.0[\t\n\x0b\f\r ]*$"  # not \s: see parse.SPACE


def classify_engagement(sends: Table, events: Table) -> Table:
    """The opens and clicks of known sends with ``is_machine`` and ``machine_reason``."""
    e = events.filter(events.event_type.isin(("open", "click")))
    t = e.join(sends.select("send_id", _send_at=sends.send_at), "send_id")
    t = t.mutate(
        _t=t.event_at.epoch_seconds(),
        seconds_after_send=(t.event_at.epoch_seconds() - t._send_at.epoch_seconds()).cast("int64"),
        _click=(t.event_type == "click").cast("int64"),
    )
    near = ibis.window(group_by="send_id", order_by="_t", range=(-BURST_SECONDS, BURST_SECONDS))
    t = t.mutate(count_clicks_nearby=(t._click.sum().over(near) - t._click).cast("int64"))
    is_open = t.event_type == "open"
    rules = (  # case-insensitive searches, rather than lower-casing two million agents first
        t.user_agent.re_search(f"(?i){SCANNER_AGENT}"),
        is_open & t.user_agent.re_search(PROXY_AGENT),
        t.count_clicks_nearby > 0,
        is_open & t.seconds_after_send.between(0, INSTANT_SECONDS),
    )
    reason = ibis.cases(
        *((rule.fill_null(False), name) for rule, name in zip(rules, MACHINE_REASONS, strict=True)),
        else_=ibis.null("string"),
    )
    t = t.mutate(machine_reason=reason)
    t = t.mutate(is_machine=t.machine_reason.notnull())
    return t.select(*built_columns(EMAIL_ENGAGEMENT_CLASSIFIED))


def human_engagement(classified: Table) -> Table:
    """Per send a person opened or clicked: how often (``count_human_opens/clicks``) and when
    first (``first_human_open_at/click_at``), from ``email_engagement_classified``.

    A person's click proves an open that a privacy proxy hid, so the first open is the first
    open or click, as ``fct_email_events.is_human_opened`` counts it."""
    people = classified.filter(~classified.is_machine)
    return people.group_by("send_id").aggregate(
        count_human_opens=_.event_id.count(where=_.event_type == "open"),
        count_human_clicks=_.event_id.count(where=_.event_type == "click"),
        first_human_open_at=_.event_at.min(),  # the events classified are opens and clicks
        first_human_click_at=_.event_at.min(where=_.event_type == "click"),
    )


MODELS: list[GoldModel] = [
    GoldModel(
        EMAIL_ENGAGEMENT_CLASSIFIED,
        ("stg_marketing_sends", "stg_marketing_events"),
        classify_engagement,
    )
]
