"""Seed 000's marketing in silver: campaigns, e-mail templates, audiences, sends and events.

Read and checked by contract as in ``crm``: clean columns are the contract's, a NULL the contract
allows stays NULL, a missing required value is rejected as ``missing_<column>``, and foreign keys
are checked against the ids the referenced source holds (its bronze table).
"""

from __future__ import annotations

from datetime import datetime

from ibis.expr.types import Table

from c360.contracts import marketing
from c360.pipeline.silver import conform, parse
from c360.pipeline.silver.staged import Staged, stage


def stg_marketing_campaigns(bronze: Table, as_of: datetime) -> Staged:
    """Campaigns; a mis-encoded name is repaired. Rejected besides the contract: a start in the
    future (both allowed statuses, active and completed, mean it has started) and an end before
    the start (``end_before_start``). An end date in the future is an active campaign's."""
    c = marketing.CAMPAIGNS
    name = conform.repaired_text(bronze.campaign_name)
    t = parse.by_contract(bronze, c, campaign_name=name)
    checks = [
        *parse.contract_checks(t, c),
        ("start_date: future_date", parse.future(t.start_date, as_of)),
        ("end_before_start", t.end_date < t.start_date),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_marketing_assets(bronze: Table, campaigns: Table, as_of: datetime) -> Staged:
    """E-mail templates of known campaigns; a mis-encoded subject is repaired, a creation date in
    the future rejected. ``variant`` is NULL outside A/B tests."""
    c = marketing.ASSETS
    subject = conform.repaired_text(bronze.subject)
    t = parse.by_contract(bronze, c, subject=subject)
    checks = [
        *parse.contract_checks(t, c, {"marketing_campaigns": campaigns}),
        ("created_at: future_date", parse.future(t.created_at, as_of)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_marketing_audiences(bronze: Table, campaigns: Table, segments: Table) -> Staged:
    """Campaign targets: a known campaign, a known segment, and criteria written as a JSON object
    (anything else is ``invalid_value``)."""
    c = marketing.AUDIENCES
    t = parse.by_contract(bronze, c)
    sources = {"marketing_campaigns": campaigns, "crm_segments": segments}
    json_object = t.criteria_json.startswith("{") & t.criteria_json.endswith("}")
    checks = [*parse.contract_checks(t, c, sources), ("criteria_json: invalid_value", ~json_object)]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_marketing_sends(
    bronze: Table, campaigns: Table, assets: Table, customers: Table, as_of: datetime
) -> Staged:
    """Sends of known campaigns and assets to known customers; one in the future is rejected, and
    so is one to a customer whose ``consent_email`` is not true (``no_consent``: the seed's rule
    that sends respect consent)."""
    c = marketing.SENDS
    t = parse.by_contract(bronze, c)
    sources = {
        "marketing_campaigns": campaigns,
        "marketing_assets": assets,
        "crm_customers": customers,
    }
    consenting = customers.filter(parse.boolean(customers.consent_email).fill_null(False))
    checks = [
        *parse.contract_checks(t, c, sources),
        ("send_at: future_date", parse.future(t.send_at, as_of)),
        (
            "customer_id: no_consent",
            parse.absent(t.customer_id, parse.ids(consenting, "customer_id")),
        ),
    ]
    return stage(t, checks, c.primary_key, c.column_names)


def stg_marketing_events(bronze: Table, sends: Table, customers: Table, as_of: datetime) -> Staged:
    """Opens, clicks, bounces and unsubscribes of known sends and customers; one in the future is
    rejected. ``url_clicked`` is NULL except for clicks, ``device`` and ``user_agent`` for
    bounces (and when the mail client did not say)."""
    c = marketing.EVENTS
    t = parse.by_contract(bronze, c)
    sources = {"marketing_sends": sends, "crm_customers": customers}
    checks = [
        *parse.contract_checks(t, c, sources),
        ("event_at: future_date", parse.future(t.event_at, as_of)),
    ]
    return stage(t, checks, c.primary_key, c.column_names)
