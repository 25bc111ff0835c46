"""A customer's e-mail: which of its addresses may win, and how the one that wins is spelt.

An address is voted on its mailbox (``email_key``, ``normalise.email_canonical``: case, a
"+tag" and Gmail's dots ignored), so "ann.lee+shop@…" votes with "ann.lee@…". Pure functions on
Arrow tables, the records' values (``profile_records.record_values``) in.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.identity.profile_names import encoded
from c360.identity.profile_spelling import customer_value
from c360.identity.survivorship import run_starts

_TAGGED = r"\+[^@]*@"  # a "+tag" before the domain


def _codes(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Each value's code among the column's distinct values (in no order); -1 for NULL."""
    return encoded(column)[1]


def shared_mailboxes(values: pa.Table) -> np.ndarray:
    """Per record: whether its mailbox is another customer's too (a household's address) while
    its customer holds one no other customer does. Such an address never wins, whatever the
    rule: the person's own address reaches them, a shared one whoever reads it first. A
    customer holding shared addresses only is left to the rule."""
    found, customer, pairs, shared = _shared(values)
    if not found.any():
        return found
    own = np.zeros(int(customer.max()) + 1, dtype=bool)
    own[(pairs // len(shared))[~shared[pairs % len(shared)]]] = True
    return found & own[customer]


def held_by_others(values: pa.Table) -> np.ndarray:
    """Per record: whether its mailbox is another customer's too (a household's address)."""
    return _shared(values)[0]


def _shared(values: pa.Table) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per record whether its mailbox another customer holds too; with each record's customer
    code, each customer's mailboxes once (customer * mailboxes + mailbox) and which mailboxes
    are shared."""
    found = np.zeros(values.num_rows, dtype=bool)
    none = np.zeros(0, dtype=np.int64)
    if "email_key" not in values.column_names:
        return found, none, none, np.zeros(0, dtype=bool)
    customer, mailbox = _codes(values["customer360_id"]), _codes(values["email_key"])
    held = mailbox >= 0
    if not held.any():
        return found, customer, none, np.zeros(0, dtype=bool)
    size = int(mailbox.max()) + 1
    pairs = np.unique(customer[held] * size + mailbox[held])  # each customer's mailboxes, once
    shared = np.bincount(pairs % size, minlength=size) > 1
    found[held] = shared[mailbox[held]]
    return found, customer, pairs, shared


def plainest_spelling(values: pa.Table, won: pa.Table) -> pa.Table:
    """``won`` with each customer's e-mail shown in the plainest spelling its records give the
    mailbox that won: without a "+tag" when a record holds it so, then the spelling more of them
    hold, then the one that won; the record shown is the latest holding that spelling (then the
    smallest record key)."""
    if "email_key" not in values.column_names:
        return won
    customer, mailbox = _codes(values["customer360_id"]), _codes(values["email_key"])
    spelling = _codes(values["email"])
    held = np.flatnonzero((mailbox >= 0) & (spelling >= 0))
    if not len(held):
        return won
    # Each customer's mailbox as one code, then each (mailbox, spelling) once.
    _, box = np.unique(customer[held] * (mailbox.max() + 1) + mailbox[held], return_inverse=True)
    size = spelling.max() + 1
    pairs = np.unique(box * size + spelling[held]) // size
    several = pairs[np.flatnonzero(np.diff(pairs) == 0)]  # mailboxes spelt two ways or more
    rows = pa.array(held[np.isin(box, several)])
    email = np.flatnonzero(pc.equal(won["attribute"], "email").to_numpy(zero_copy_only=False))
    if not len(rows) or not len(email):
        return won
    spelt = pa.table(
        {
            "at": customer_value(
                values["customer360_id"].take(rows), values["email_key"].take(rows)
            ),
            "spelling": values["email"].take(rows),
            "updated_at": values["updated_at"].take(rows),
            "record_key": values["record_key"].take(rows),
            "source": values["source"].take(rows),
        }
    )
    counts = spelt.group_by(["at", "spelling"]).aggregate([([], "count_all")])
    spelt = spelt.join(counts, ["at", "spelling"])
    chosen = won.take(pa.array(email))
    won_at = customer_value(chosen["customer360_id"], chosen["value"])
    shown = chosen["display"].take(pc.index_in(spelt["at"], value_set=won_at))
    spelt = spelt.append_column("tagged", pc.match_substring_regex(spelt["spelling"], _TAGGED))
    spelt = spelt.append_column("shown", pc.fill_null(pc.equal(spelt["spelling"], shown), False))
    spelt = spelt.sort_by(
        [("at", "ascending"), ("tagged", "ascending"), ("count_all", "descending"),
         ("shown", "descending"), ("updated_at", "descending"), ("record_key", "ascending")]
    )  # fmt: skip
    best = spelt.take(pa.array(run_starts(spelt["at"].to_numpy(zero_copy_only=False))))
    best = best.filter(pc.invert(best["shown"]))  # the spelling that won is the plainest: kept
    index = np.full(won.num_rows, -1, dtype=np.int64)
    found = pc.index_in(won_at, value_set=best["at"])
    index[email] = pc.fill_null(found, -1).to_numpy(zero_copy_only=False)
    hit, replace = pa.array(index, mask=index < 0), pa.array(index >= 0)
    for column in ("display", "record_key", "source"):
        taken = best["spelling" if column == "display" else column].take(hit)
        replaced = pc.if_else(replace, taken, won[column]).cast(won.schema.field(column).type)
        won = won.set_column(won.column_names.index(column), column, replaced)
    return won
