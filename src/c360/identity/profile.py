"""``customer_profile``: one row per ``customer360_id``, everything known about the person.

Contact values survive from the identity sources' records (``survivorship``), consent is merged
most-restrictive-first (``consent``), activity and value come from seed 000's gold facts of the
linked ``crm_customers`` records and seed 004's transactions of the linked ``mongo_customers``
records, and scores and segments follow documented rules.
:func:`assemble` is a pure function of :class:`Inputs`, so tests feed it literal tables;
:func:`build_profile` reads them from a workspace. Every column's rule is in
``contracts.gold_profile``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360 import contracts
from c360.config import Identity
from c360.contracts.gold_profile import CUSTOMER_PROFILE
from c360.identity import profile_activity, profile_attributes, profile_notes, profile_scores
from c360.identity.profile_records import REGIONS, SURVIVED, read_records, record_values
from c360.identity.run import linked as read_links
from c360.identity.survivorship import parse_rules
from c360.pipeline import lake
from c360.pipeline.gold.run import conform

FACT_TABLE = "crm_customers"  # the source table whose ids key seed 000's gold facts
PURCHASE_TABLE = "mongo_customers"  # the source table whose ids key seed 004's transactions
TRANSACTIONS = "stg_mongo_transactions"
FACTS = (
    "fct_orders", "fct_order_lines", "dim_product", "fct_returns", "fct_email_events",
    "fct_interactions", "bridge_customer_segment", "dim_segment",
    "customer_recommendations", "customer_scores", "customer_text_features", TRANSACTIONS,
)  # fmt: skip
# The facts' dates the reference date is the latest of (the churn models' "now" is likewise
# their facts' latest timestamp).
DATED_FACTS = {"fct_orders": "order_at", "fct_interactions": "occurred_at",
               "fct_email_events": "send_at", TRANSACTIONS: "transaction_at"}  # fmt: skip
# Facts read from silver, and their columns' types (silver models have no contract): seed 004's
# gold marts are per customer or per month, while the profile counts each transaction.
SILVER_FACTS = {
    TRANSACTIONS: pa.schema([
        ("transaction_id", pa.string()), ("customer_id", pa.string()),
        ("total_amount", pa.float64()), ("transaction_at", pa.timestamp("us")),
    ]),
}  # fmt: skip
# The columns the profile reads of each table (the facts are wide: reading only these halves
# the time and memory of reading them).
READ_COLUMNS = {
    "fct_orders": ("customer_id", "order_id", "status", "channel", "total_amount_eur", "order_at"),
    "fct_order_lines": ("customer_id", "order_status", "product_id", "qty"),
    "dim_product": ("product_id", "category", "margin_pct"),
    "fct_returns": ("customer_id", "order_id", "status", "amount_refunded_eur"),
    "fct_email_events": (
        "customer_id", "send_id", "send_at", "first_open_at", "first_click_at",
        "count_opens", "count_clicks", "count_human_opens", "count_human_clicks",
        "is_unsubscribed", "first_human_open_at", "first_human_click_at",
    ),
    "fct_interactions": ("customer_id", "interaction_id", "type", "channel", "occurred_at"),
    "bridge_customer_segment": ("customer_id", "segment_id", "is_current"),
    "dim_segment": ("segment_id", "segment_name"),
    "customer_recommendations": ("customer360_id", "product_id", "rank"),
    "customer_scores": ("customer360_id", "churn_risk_score", "propensity_to_buy_score"),
    "customer_text_features": (
        "customer_id", "count_notes", "count_negative_notes", "count_complaints",
        "last_note_date", "last_note_sentiment",
    ),
    "identity_ledger": ("run_id", "ids_before", "id_after"),
    TRANSACTIONS: tuple(SILVER_FACTS[TRANSACTIONS].names),
}  # fmt: skip
_STAMP = pa.timestamp("us")
_TEXT = pa.string()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Inputs:
    """What a profile is built from: links, source records, the ledger and gold facts by name."""

    links: pa.Table  # identity_links
    records: pa.Table  # profile_records.read_records
    ledger: pa.Table  # identity_ledger
    facts: Mapping[str, pa.Table]  # FACTS; a missing one may be left out
    # When the records were read (the run's clock): a record or touch dated later is in the
    # future (ignored).
    read_at: datetime = field(default_factory=_now)


class LakeFacts(Mapping[str, pa.Table]):
    """A workspace's :data:`FACTS` (their :data:`READ_COLUMNS`; gold, or silver for
    :data:`SILVER_FACTS`), read from the lake each
    time one is asked for and never kept: the profile holds a fact only while it works out the
    columns it feeds, not all of them (500 MB at scale 10) for the whole build."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = Path(workspace)

    def __getitem__(self, name: str) -> pa.Table:
        return _read_fact(self.workspace, name, READ_COLUMNS[name])

    def __contains__(self, name: object) -> bool:
        return name in FACTS

    def __iter__(self) -> Iterator[str]:
        return iter(FACTS)

    def __len__(self) -> int:
        return len(FACTS)


def _read_fact(workspace: Path, name: str, columns: Sequence[str]) -> pa.Table:
    """``columns`` of a gold table (silver for :data:`SILVER_FACTS`), or none of its rows when
    the run did not build it."""
    layer = "silver" if name in SILVER_FACTS else "gold"
    if lake.table_dir(workspace, layer, name).exists():
        return lake.read_table(workspace, layer, name, list(columns))
    return _empty(name).select(list(columns))


def _empty(name: str) -> pa.Table:
    """A fact without rows, with its columns."""
    if name in SILVER_FACTS:
        return SILVER_FACTS[name].empty_table()
    return contracts.get(name).arrow_schema().empty_table()


def build_profile(workspace: Path, identity: Identity, as_of: datetime | None = None) -> pa.Table:
    """The customer_profile of a workspace, conformed to its contract (see :func:`assemble`).

    The source records are let go once their values are worked out, and each gold fact is read
    when it is used (:class:`LakeFacts`); ``as_of`` defaults to :func:`reference_date` read off
    the dated facts' date columns alone."""
    workspace = Path(workspace)
    as_of = as_of or reference_date(
        {n: _read_fact(workspace, n, [c]) for n, c in DATED_FACTS.items()}
    )
    links = read_links(workspace)
    read_at = _now()
    values = record_values(read_records(workspace, identity, links), read_at)
    ledger = _read_fact(workspace, "identity_ledger", READ_COLUMNS["identity_ledger"])
    return _profile(links, values, ledger, LakeFacts(workspace), identity, as_of, read_at)


def reference_date(facts: Mapping[str, pa.Table]) -> datetime:
    """The data's "now": the latest timestamp of the dated facts (orders, interactions, sends,
    seed 004's transactions). Not a record's update time: one mistyped date would move every
    customer's recency; a record dated later is seen at "now" (``engagement``)."""
    latest = [pc.max(facts[n].column(c)).as_py() for n, c in DATED_FACTS.items() if n in facts]
    found = [t for t in latest if t is not None]
    return max(found) if found else datetime.now(UTC).replace(tzinfo=None, microsecond=0)


@lru_cache(maxsize=1024)
def _run_time(run_id: str) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(run_id)
    except ValueError:
        return None
    return stamp.astimezone(UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


def profile_dates(
    customers: pa.Array, ledger: pa.Table, values: pa.Table, as_of: datetime
) -> dict[str, pa.Array]:
    """created_at (first ledger event) and updated_at (latest ledger event or record date).

    An event changes the customers it names before as well as the one after: a split takes
    records from the first, a merge from each."""
    encoded = pc.dictionary_encode(ledger.column("run_id").combine_chunks())
    runs = pa.array(map(_run_time, encoded.dictionary.to_pylist()), _STAMP).take(encoded.indices)
    events = pa.table({"customer360_id": ledger.column("id_after"), "at": runs})
    before = pc.split_pattern(ledger.column("ids_before").combine_chunks(), ",")
    touched_before = pa.table(
        {"customer360_id": pc.list_flatten(before), "at": runs.take(pc.list_parent_indices(before))}
    )
    dated = pa.table(
        {"customer360_id": values.column("customer360_id"), "at": values.column("updated_at")}
    )
    spread = profile_attributes.spread
    by_run = events.group_by("customer360_id").aggregate([("at", "min")])
    by_change = pa.concat_tables([events, touched_before]).group_by("customer360_id")
    by_change = by_change.aggregate([("at", "max")])
    by_record = dated.group_by("customer360_id").aggregate([("at", "max")])
    created = spread(
        customers,
        by_run.column("customer360_id").combine_chunks(),
        by_run.column("at_min").combine_chunks(),
    )
    changed = spread(
        customers,
        by_change.column("customer360_id").combine_chunks(),
        by_change.column("at_max").combine_chunks(),
    )
    touched = spread(
        customers,
        by_record.column("customer360_id").combine_chunks(),
        by_record.column("at_max").combine_chunks(),
    )
    latest = pc.max_element_wise(changed, touched, skip_nulls=True)
    fallback = pa.scalar(as_of, _STAMP)
    return {
        "created_at": pc.fill_null(created, fallback),
        "updated_at": pc.fill_null(latest, fallback),
    }


def _unsubscribed(customers: pa.Array, ids: pa.Table, events: pa.Table) -> pa.Table:
    """(customer360_id, record_key) of each send a linked customer unsubscribed from."""
    sends = profile_activity.linked(events.filter(pc.field("is_unsubscribed")), ids)
    return pa.table({
        "customer360_id": pc.take(customers, sends.column("code")),
        "record_key": pc.binary_join_element_wise("fct_email_events:", sends.column("send_id"), ""),
    })  # fmt: skip


def _contact(customers: pa.Array, values: pa.Table, won: pa.Table) -> dict[str, pa.Array]:
    """Identity, contact and demographic columns from the survivors."""
    chosen = profile_attributes.pivot(customers, won, SURVIVED)
    first, last = chosen["first_name"], chosen["last_name"]
    # Not null_handling="skip": pyarrow 26 drops the rows where every input is NULL.
    both = pc.coalesce(pc.binary_join_element_wise(first, last, " "), first, last)
    born = pc.cast(pc.strptime(chosen["date_of_birth"], "%Y-%m-%d", "s"), pa.date32())
    country = chosen["country"]
    regions = pa.array(list(REGIONS.values()), _TEXT)
    return {
        "first_name": first,
        "last_name": last,
        "full_name": both,
        "primary_email": chosen["email"],
        "emails": profile_attributes.known_values(customers, values, "email", chosen["email"]),
        "primary_phone": chosen["phone"],
        "phones": profile_attributes.known_values(customers, values, "phone", chosen["phone"]),
        "language": chosen["language"],
        "country": country,
        "region": pc.take(regions, pc.index_in(country, pa.array(list(REGIONS), _TEXT))),
        "city": chosen["city"],
        "postal_code": chosen["postcode"],
        "date_of_birth": born,
        "gender": chosen["gender"],
        "preferred_channel": chosen["preferred_channel"],
        "loyalty_tier": chosen["loyalty_tier"],
        "loyalty_points_balance": pc.cast(chosen["loyalty_points_balance"], pa.float64()),
    }


def assemble(inputs: Inputs, identity: Identity, as_of: datetime | None = None) -> pa.Table:
    """The profile table: one row per customer of ``inputs.links``, conformed to its contract.

    ``as_of`` is the reference date of ages, recencies and scores; by default
    :func:`reference_date` of the facts, so the same data always gives the same profile.
    """
    as_of = as_of or reference_date(inputs.facts)
    values = record_values(inputs.records, inputs.read_at)
    return _profile(
        inputs.links, values, inputs.ledger, inputs.facts, identity, as_of, inputs.read_at
    )


def _profile(
    links: pa.Table,
    values: pa.Table,
    ledger: pa.Table,
    facts: Mapping[str, pa.Table],
    identity: Identity,
    as_of: datetime,
    read_at: datetime,
) -> pa.Table:
    """:func:`assemble` of the records' values. Each fact is asked of ``facts`` where it is used
    and the larger inputs are let go after their last use: what is held at the peak is mostly
    the profile's own columns."""

    def fact(name: str) -> pa.Table:
        return facts[name] if name in facts else _empty(name)

    def keyed_by(table: str) -> pa.Table:
        sources = [name for name, s in identity.sources.items() if s.table == table]
        return profile_activity.customer_map(links, sources, customers)

    customers = pc.unique(links.column("customer360_id").combine_chunks()).sort()
    ids = keyed_by(FACT_TABLE)
    columns: dict[str, pa.Array] = {"customer360_id": customers}
    bought = profile_activity.purchases(fact(TRANSACTIONS), keyed_by(PURCHASE_TABLE))
    orders = fact("fct_orders")
    columns.update(profile_activity.commerce(
        customers, ids, orders, fact("fct_returns"), fact("fct_order_lines"), fact("dim_product"),
        bought,
    ))  # fmt: skip
    emails = fact("fct_email_events")
    unsubscribed = _unsubscribed(customers, ids, emails)
    columns.update(profile_activity.engagement(
        customers, ids, orders, fact("fct_interactions"), emails,
        values.select(["customer360_id", "source", "updated_at"]), as_of, bought, read_at,
    ))  # fmt: skip
    del orders, emails, bought
    columns.update(profile_attributes.consents(customers, values, unsubscribed))
    columns.update(profile_notes.notes(customers, ids, fact("customer_text_features")))
    columns["recommendation_vector"] = profile_activity.recommendations(
        customers, fact("customer_recommendations")
    )
    won = profile_attributes.survivors(values, parse_rules(identity.survivorship)).select(
        ["customer360_id", "attribute", "record_key", "display"]  # what the profile shows
    )
    columns.update(_contact(customers, values, won))
    columns["attribute_sources"] = profile_attributes.lineage(customers, won)
    del won
    columns["primary_source"] = profile_attributes.primary_source(
        customers, values, list(identity.sources)
    )
    columns["source_ids"] = profile_attributes.source_ids(customers, values)
    columns.update(profile_dates(customers, ledger, values, as_of))
    columns["age"] = profile_scores.ages(columns["date_of_birth"], as_of.date())
    columns.update(profile_scores.scores(columns, as_of))
    columns.update(profile_scores.modelled(customers, fact("customer_scores"), columns))
    columns["primary_segment"] = profile_scores.primary_segments(columns)
    memberships = profile_scores.fact_segments(customers, ids, fact, columns)
    columns["segments"] = profile_scores.segment_lists(
        customers, columns["primary_segment"], memberships
    )
    return conform(_to_seconds(pa.table(columns)), CUSTOMER_PROFILE)


def _to_seconds(table: pa.Table) -> pa.Table:
    """Timestamps truncated to the contract's whole seconds (sources may carry fractions)."""
    for i, column in enumerate(table.schema):
        if pa.types.is_timestamp(column.type):
            seconds = pc.cast(table.column(i), pa.timestamp("s"), safe=False)
            table = table.set_column(i, column.name, seconds)
    return table
