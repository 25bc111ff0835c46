"""Per customer: surviving contact values with their lineage, merged consent, known ids.

Pure functions on Arrow tables: record values (``profile_records.record_values``) in, one row per
customer out, in the order of a given ``customers`` array; no loop per customer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.consent import CONSENT_SCHEMA, merge_consents
from c360.identity.profile_addresses import names_the_addresses_spell, typos_the_emails_refute
from c360.identity.profile_emails import plainest_spelling, shared_mailboxes
from c360.identity.profile_names import oriented_names
from c360.identity.profile_phones import landlines_beside_mobiles
from c360.identity.profile_records import KEYED, NAMES, SURVIVED
from c360.identity.profile_spelling import spelt_as_written
from c360.identity.profile_typos import (
    initials_of_spelled,
    misspellings_of_held,
    nicknames_of_spelled,
    outvoted_date_swaps,
    outvoted_typos,
    umlauts_written_out,
)
from c360.identity.roles import CONSENT_PREFIX, OPT_IN
from c360.identity.survivorship import Pool, Rule, pool, run_starts, survive_pool

_TEXT = pa.string()
_CONTROL = r"[\x00-\x1f]"
EMAIL_SCOPE = "email_marketing"


def candidates(values: pa.Table) -> Pool:
    """Survivorship candidates: per record and SURVIVED attribute that has a value.

    The value is what survivorship compares (the folded key for KEYED attributes); completeness
    counts the record's attributes with a value. None of these is a candidate, whatever the
    rules: a first or last name that is initials of a name another record of the customer
    spells out (``initials_of_spelled``) or with an umlaut this one writes out
    (``umlauts_written_out``), a first name that is a nickname of one
    (``nicknames_of_spelled``) or a misspelling of a listed name another record holds
    (``misspellings_of_held``), a first or last name one typo from another that the customer's
    e-mail addresses spell and this one not (``typos_the_emails_refute``), a last name one typo
    from a spelling more of the customer's records hold (``outvoted_typos``), a birth date
    that more of the customer's records hold with day and month the other way round
    (``outvoted_date_swaps``), an e-mail another customer holds too beside one only this
    customer holds (``profile_emails.shared_mailboxes``), a landline beside a mobile of the
    customer (``profile_phones.landlines_beside_mobiles``). Held as codes of the records: no row
    per candidate is built.
    """
    present = [a for a in SURVIVED if a in values.column_names]
    filled = np.zeros(values.num_rows, dtype=np.int64)
    for attribute in present:
        filled += values.column(attribute).is_valid().to_numpy(zero_copy_only=False)

    def held(attribute: str) -> tuple[np.ndarray, pa.ChunkedArray]:
        display = values.column(attribute)
        key = values.column(f"{attribute}_key") if attribute in KEYED else display
        keep = pc.and_(pc.is_valid(display), pc.is_valid(key)).to_numpy(zero_copy_only=False)
        if attribute in NAMES:
            keep &= ~initials_of_spelled(values, attribute)
            keep &= ~umlauts_written_out(values, attribute)
        if attribute == "first_name":
            keep &= ~nicknames_of_spelled(values) & ~misspellings_of_held(values)
        if attribute in NAMES:
            keep &= ~typos_the_emails_refute(values, attribute, keep)
        if attribute == "last_name":
            keep &= ~outvoted_typos(values, attribute, keep)
        if attribute == "date_of_birth":
            keep &= ~outvoted_date_swaps(values)
        if attribute == "email":
            keep &= ~shared_mailboxes(values)
        if attribute == "phone":
            keep &= ~landlines_beside_mobiles(values)
        return np.flatnonzero(keep), key

    records = values.select(["customer360_id", "source", "record_key", "updated_at"])
    return pool(records.append_column("completeness", pa.array(filled)), present, held)


def survivors(values: pa.Table, rules: Mapping[str, Rule]) -> pa.Table:
    """survive() over the records' candidates, with the winning record's display value.

    A record whose first and last name are the other way round from the customer's other
    records (``oriented_names``) votes for them the right way round, whatever the rules. Names
    and cities are shown with the accents and case another record of the customer writes them
    with (``profile_spelling``), an e-mail in the plainest spelling its records give its
    mailbox (``profile_emails.plainest_spelling``).
    """
    values = oriented_names(values)
    won, winners = survive_pool(candidates(values), rules)
    # Keyed attributes show their record's spelling; the others show the value voted on.
    display = winners.gather([values.column(a) for a in winners.attributes])
    won = names_the_addresses_spell(values, won.append_column("display", display))
    won = spelt_as_written(values, won)
    return plainest_spelling(values, won)


def position_in(customers: pa.Array, ids: pa.ChunkedArray | pa.Array) -> pa.Array:
    """For each of ``ids``, its index in ``customers`` (which holds each id once)."""
    return pc.index_in(ids, value_set=customers)


def scatter(size: int, codes: pa.Array | np.ndarray, values: pa.Array) -> pa.Array:
    """``values`` at positions ``codes`` (distinct) of an array of ``size``, NULL elsewhere."""
    if len(values) == size and np.array_equal(codes, np.arange(size)):
        return values  # every position, in order: nothing to move
    index = np.full(size, -1, dtype=np.int64)
    index[np.asarray(codes, dtype=np.int64)] = np.arange(len(values))
    return pc.take(values, pa.array(index, mask=index < 0))


def spread(customers: pa.Array, ids: pa.Array, values: pa.Array) -> pa.Array:
    """``values`` keyed by ``ids`` (unique), in the order of ``customers``; NULL if absent."""
    return pc.take(values, pc.index_in(customers, value_set=ids))


def pivot(customers: pa.Array, won: pa.Table, attributes: Sequence[str]) -> dict[str, pa.Array]:
    """Each attribute's surviving display value per customer (NULL when it has none)."""
    out = {}
    for attribute in attributes:
        rows = won.filter(pc.equal(won.column("attribute"), attribute))
        out[attribute] = spread(
            customers,
            rows.column("customer360_id").combine_chunks(),
            rows.column("display").combine_chunks(),
        )
    return out


def json_strings(values: pa.Array) -> pa.Array:
    """Each value as a JSON string literal (quoted, escaped), worked out once per distinct value."""
    encoded = pc.dictionary_encode(values)
    return _quoted(encoded.dictionary).take(encoded.indices)


def _quoted(values: pa.Array) -> pa.Array:
    if pc.any(pc.match_substring_regex(values, _CONTROL)).as_py():
        return pa.array([None if v is None else json.dumps(v) for v in values.to_pylist()])
    escaped = pc.replace_substring(pc.replace_substring(values, "\\", "\\\\"), '"', '\\"')
    return pc.binary_join_element_wise('"', escaped, '"', "")


def run_lists(starts: np.ndarray, values: pa.Array) -> pa.Array:
    """``values`` cut into one list per run beginning at ``starts``."""
    offsets = pa.array(
        np.r_[starts, len(values)].astype(np.int32) if len(starts) else [0], pa.int32()
    )
    return pa.ListArray.from_arrays(offsets, values)


def json_objects(
    customers: pa.Array, ids: pa.Array, keys: pa.Array, json_values: pa.Array
) -> pa.Array:
    """Per customer, a JSON object of its (key, JSON value) rows, keys sorted; ``{}`` if none."""
    names = pc.dictionary_encode(keys)
    order, codes = _object_order(customers, ids, names)
    return _objects(len(customers), codes, names.take(order), json_values, order)


def _object_order(
    customers: pa.Array, ids: pa.Array, keys: pa.DictionaryArray
) -> tuple[pa.Array, np.ndarray]:
    """The rows' order by customer then key (stable), and each row's customer code in that
    order: integers are sorted, never the rows' strings (``keys``' dictionary holds each once)."""
    rank = np.empty(len(keys.dictionary), dtype=np.int64)
    rank[pc.sort_indices(keys.dictionary).to_numpy()] = np.arange(len(rank))
    code = position_in(customers, ids).to_numpy(zero_copy_only=False)
    order = np.lexsort((rank[keys.indices.to_numpy(zero_copy_only=False)], code))
    return pa.array(order), code[order]


def _objects(
    size: int,
    codes: np.ndarray,
    keys: pa.DictionaryArray,
    values: pa.Array | pa.ChunkedArray,
    order: pa.Array,
    quote: bool = False,
) -> pa.Array:
    """JSON objects of ``keys`` (in order) and ``values`` taken in ``order`` (quoted as JSON
    strings if ``quote``), rows ordered by their customer's ``codes``.

    Each string array is let go as soon as the next is built: the peak is two of them.
    """
    ordered = pc.take(values, order)
    ordered = ordered.combine_chunks() if isinstance(ordered, pa.ChunkedArray) else ordered
    if quote:
        ordered = json_strings(ordered)
    labels = pc.binary_join_element_wise(json_strings(keys.dictionary), ": ", "")
    members = pc.binary_join_element_wise(labels.take(keys.indices), ordered, "")
    del ordered
    starts = run_starts(codes)
    joined = pc.binary_join(run_lists(starts, members), ", ")
    del members
    objects = pc.binary_join_element_wise("{", joined, "}", "")
    del joined
    return pc.fill_null(scatter(size, codes[starts], objects), "{}")


def source_ids(customers: pa.Array, values: pa.Table) -> pa.Array:
    """Per customer: ``{"<source>": ["<record id>", …], …}``, ids sorted."""
    # Sorted customers: sorting on their positions sorts on their ids, as integers.
    rows = pa.table(
        {
            "code": position_in(customers, values.column("customer360_id")),
            "source": values.column("source"),
            "item": json_strings(values.column("record_id").combine_chunks()),
        }
    ).sort_by([("code", "ascending"), ("source", "ascending"), ("item", "ascending")])
    codes = rows.column("code").to_numpy().astype(np.int64)
    sources = pc.dictionary_encode(rows.column("source").combine_chunks())
    starts = run_starts(codes * len(sources.dictionary) + sources.indices.to_numpy())
    items = pc.binary_join(run_lists(starts, rows.column("item").combine_chunks()), ", ")
    return json_objects(
        customers,
        pc.take(customers, codes[starts]),
        sources.dictionary.take(sources.indices.take(pa.array(starts))),
        pc.binary_join_element_wise("[", items, "]", ""),
    )


# Roles whose surviving value is published under another name in the profile.
PROFILE_NAMES = {"email": "primary_email", "phone": "primary_phone", "postcode": "postal_code"}


def lineage(customers: pa.Array, won: pa.Table) -> pa.Array:
    """Per customer: ``{"<profile column>": "<record_key whose value won>", …}``."""
    attributes = pc.dictionary_encode(won.column("attribute").combine_chunks())
    names = [PROFILE_NAMES.get(a, a) for a in attributes.dictionary.to_pylist()]
    keys = pa.DictionaryArray.from_arrays(attributes.indices, pa.array(names, _TEXT))
    order, codes = _object_order(customers, won.column("customer360_id").combine_chunks(), keys)
    return _objects(
        len(customers), codes, keys.take(order), won.column("record_key"), order, quote=True
    )


def known_values(
    customers: pa.Array, values: pa.Table, attribute: str, primary: pa.Array
) -> pa.Array:
    """Per customer: its records' distinct ``attribute`` values, ``primary`` first, then sorted."""
    rows = pa.table(
        {"id": values.column("customer360_id"), "value": values.column(attribute)}
    ).filter(pc.is_valid(values.column(attribute)))
    rows = rows.group_by(["id", "value"], use_threads=False).aggregate([])
    primary_of_row = pc.take(primary, position_in(customers, rows.column("id")))
    is_primary = pc.fill_null(pc.equal(rows.column("value"), primary_of_row), False)
    rows = rows.append_column("rank", pc.invert(is_primary)).sort_by(
        [("id", "ascending"), ("rank", "ascending"), ("value", "ascending")]
    )
    lists = (
        rows.select(["id", "value"])
        .group_by("id", use_threads=False)
        .aggregate([("value", "list")])
    )
    found = spread(customers, lists.column("id"), lists.column("value_list"))
    return pc.fill_null(found, pa.scalar([], pa.list_(_TEXT)))


def consent_rows(values: pa.Table) -> pa.Table:
    """merge_consents input: a status row per record, plus a row per record and stated scope."""
    scope_columns = {
        c: f"{c.removeprefix(CONSENT_PREFIX)}_marketing"
        for c in values.column_names
        if c.startswith(CONSENT_PREFIX)
    }
    if OPT_IN in values.column_names:
        scope_columns[OPT_IN] = EMAIL_SCOPE
    n = values.num_rows
    stated = np.zeros(n, dtype=bool)
    granted = np.zeros(n, dtype=bool)
    for column in scope_columns:
        flags = values.column(column).combine_chunks()
        stated |= flags.is_valid().to_numpy(zero_copy_only=False)
        granted |= pc.fill_null(flags, False).to_numpy(zero_copy_only=False)
    derived = np.where(granted, "opted_in", "opted_out")
    status = pa.array(derived, _TEXT, mask=~stated)
    if OPT_IN in values.column_names:
        opt_in = values.column(OPT_IN).combine_chunks()
        said = pc.if_else(opt_in, "opted_in", "opted_out")
        status = pc.if_else(pc.is_valid(opt_in), said, status)
    base = {
        "customer360_id": values.column("customer360_id"),
        "record_key": values.column("record_key"),
        "opt_in_status": status,
    }
    parts = [
        pa.table(
            {**base, "scope": pa.nulls(n, _TEXT), "scope_granted": pa.nulls(n, pa.bool_())}
        ).filter(pc.is_valid(status))
    ]
    for column, scope in scope_columns.items():
        flags = values.column(column).combine_chunks()
        part = pa.table(
            {**base, "scope": pa.repeat(pa.scalar(scope, _TEXT), n), "scope_granted": flags}
        )
        parts.append(part.filter(pc.is_valid(flags)))
    return pa.concat_tables(parts).cast(CONSENT_SCHEMA)


def consents(
    customers: pa.Array, values: pa.Table, unsubscribed: pa.Table | None = None
) -> dict[str, pa.Array]:
    """Per customer: opt_in_status, consent_scopes, consent_conflict (unknown, [], False).

    ``unsubscribed`` (``customer360_id``, ``record_key``: an unsubscribe event) refuses the
    e-mail scope, as a record refusing it would; the other scopes and the status stay."""
    rows = consent_rows(values)
    if unsubscribed is not None and unsubscribed.num_rows:
        n = unsubscribed.num_rows
        refusals = pa.table({
            "customer360_id": unsubscribed.column("customer360_id"),
            "record_key": unsubscribed.column("record_key"),
            "opt_in_status": pa.nulls(n, _TEXT),
            "scope": pa.repeat(pa.scalar(EMAIL_SCOPE, _TEXT), n),
            "scope_granted": pa.repeat(pa.scalar(False), n),
        }).cast(rows.schema)  # fmt: skip
        rows = pa.concat_tables([rows, refusals])
    merged = merge_consents(rows)
    ids = merged.column("customer360_id").combine_chunks()
    status = spread(customers, ids, merged.column("opt_in_status").combine_chunks())
    scopes = spread(customers, ids, merged.column("consent_scopes").combine_chunks())
    conflict = spread(customers, ids, merged.column("consent_conflict").combine_chunks())
    return {
        "opt_in_status": pc.fill_null(status, "unknown"),
        "consent_scopes": pc.fill_null(scopes, pa.scalar([], pa.list_(_TEXT))),
        "consent_conflict": pc.fill_null(conflict, False),
    }


def primary_source(customers: pa.Array, values: pa.Table, source_order: Sequence[str]) -> pa.Array:
    """Per customer: the first source, in ``source_order`` (most trusted first), holding one of
    its records."""
    order = pc.index_in(values.column("source"), value_set=pa.array(source_order, _TEXT))
    ranked = pa.table({
        "customer360_id": values.column("customer360_id"),
        "order": pc.fill_null(order, len(source_order)),
    }).group_by("customer360_id", use_threads=False).aggregate([("order", "min")])  # fmt: skip
    known = pa.array([*source_order, None], _TEXT)
    return spread(
        customers,
        ranked.column("customer360_id").combine_chunks(),
        known.take(ranked.column("order_min").combine_chunks()),
    )
