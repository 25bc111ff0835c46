"""Consent across merged records: a merge never loosens it, and contradictions are flagged.

One opted-out record opts the whole customer out; a scope survives only if some record granted
it and none refused it. Conflicts (opted in here, out there) are kept visible for review.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

STATUSES = ("opted_in", "opted_out", "unknown")
CONSENT_SCHEMA = pa.schema(  # long input: one row per record and scope (scope NULL if none)
    [
        ("customer360_id", pa.string()),
        ("record_key", pa.string()),
        ("opt_in_status", pa.string()),
        ("scope", pa.string()),
        ("scope_granted", pa.bool_()),
    ]
)
SCHEMA = pa.schema(
    [
        ("customer360_id", pa.string()),
        ("opt_in_status", pa.string()),
        ("consent_scopes", pa.list_(pa.string())),
        ("consent_conflict", pa.bool_()),
        ("opt_out_record", pa.string()),
    ]
)
_IN, _OUT, _UNKNOWN = range(len(STATUSES))  # positions in STATUSES


def _check_statuses(seen: Iterable[str | None]) -> None:
    """Reject any status outside STATUSES (NULL means unknown)."""
    unknown = sorted({s for s in seen if s is not None} - set(STATUSES))
    if unknown:
        raise ValueError(f"unknown opt-in status {unknown}; statuses are {', '.join(STATUSES)}")


def merge_opt_in(statuses: Iterable[str | None]) -> tuple[str, bool]:
    """The merged status (any opted_out wins, then opted_in) and whether records contradict."""
    seen = set(statuses)
    _check_statuses(seen)
    conflicting = {"opted_in", "opted_out"} <= seen
    if "opted_out" in seen:
        return "opted_out", conflicting
    return ("opted_in" if "opted_in" in seen else "unknown"), conflicting


def merge_scopes(granted: Iterable[Iterable[str]], refused: Iterable[Iterable[str]]) -> list[str]:
    """The scopes granted by some record and refused by none, sorted."""
    refused_anywhere = {scope for scopes in refused for scope in scopes}
    return sorted({scope for scopes in granted for scope in scopes} - refused_anywhere)


def _any_per_customer(customer: np.ndarray, mask: np.ndarray, customers: int) -> np.ndarray:
    """Per customer, whether any of its rows is in ``mask``."""
    return np.bincount(customer[mask], minlength=customers) > 0


def _opt_out_records(
    table: pa.Table, customer: np.ndarray, opted_out: np.ndarray, customers: int
) -> pa.Array:
    """Per customer, the smallest record_key that opted out, else NULL."""
    keys = table["record_key"].filter(pa.array(opted_out))
    outs = pa.table({"customer": customer[opted_out], "record_key": keys})
    outs = outs.group_by("customer").aggregate([("record_key", "min")])
    position = np.full(customers, -1, dtype=np.int64)
    position[outs["customer"].to_numpy()] = np.arange(outs.num_rows)
    return outs["record_key_min"].take(pa.array(position, mask=position < 0))


def _scopes(
    table: pa.Table, customer: np.ndarray, customers: int
) -> tuple[pa.ListArray, np.ndarray]:
    """Per customer: the scopes granted and never refused (sorted), and whether any is both."""
    known = pc.and_(pc.is_valid(table["scope"]), pc.is_valid(table["scope_granted"]))
    known_mask = known.to_numpy(zero_copy_only=False)
    scope = pc.filter(table["scope"], known)
    granted = pc.filter(table["scope_granted"], known).to_numpy(zero_copy_only=False)
    names = pc.unique(scope)
    names = names.take(pc.sort_indices(names))
    width = max(len(names), 1)
    pair = customer[known_mask] * width + pc.index_in(scope, value_set=names).to_numpy()
    given, refused = np.unique(pair[granted]), np.unique(pair[~granted])
    kept = np.setdiff1d(given, refused, assume_unique=True)  # sorted: by customer, then name
    contested = np.intersect1d(given, refused, assume_unique=True)
    offsets = np.r_[0, np.cumsum(np.bincount(kept // width, minlength=customers))]
    lists = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), names.take(kept % width))
    return lists, np.bincount(contested // width, minlength=customers) > 0


def merge_consents(table: pa.Table) -> pa.Table:
    """One row per customer360_id: merged opt-in, kept scopes, conflict flag, an opt-out record."""
    missing = [c for c in CONSENT_SCHEMA.names if c not in table.column_names]
    if missing:
        raise ValueError(f"consent rows lack column {', '.join(missing)}")
    if table.num_rows == 0:
        return SCHEMA.empty_table()
    table = table.select(CONSENT_SCHEMA.names).cast(CONSENT_SCHEMA)
    ids = table["customer360_id"]
    if ids.null_count:
        raise ValueError(f"consent rows have {ids.null_count} NULL customer360_id")
    customers = pc.unique(ids)
    customers = customers.take(pc.sort_indices(customers))
    customer = pc.index_in(ids, value_set=customers).to_numpy().astype(np.int64)
    n = len(customers)

    status = table["opt_in_status"]
    _check_statuses(pc.unique(status).to_pylist())
    opted_out = pc.equal(status, "opted_out").fill_null(False).to_numpy(zero_copy_only=False)
    opted_in = pc.equal(status, "opted_in").fill_null(False).to_numpy(zero_copy_only=False)
    any_out = _any_per_customer(customer, opted_out, n)
    any_in = _any_per_customer(customer, opted_in, n)
    merged = np.where(any_out, _OUT, np.where(any_in, _IN, _UNKNOWN))

    scopes, scope_conflict = _scopes(table, customer, n)
    return pa.table(
        {
            "customer360_id": customers,
            "opt_in_status": pa.array(STATUSES).take(pa.array(merged)),
            "consent_scopes": scopes,
            "consent_conflict": pa.array((any_in & any_out) | scope_conflict),
            "opt_out_record": _opt_out_records(table, customer, opted_out, n),
        }
    ).cast(SCHEMA)
