"""One customer explained: their source records, the evidence that linked them, their history.

Looks a customer up by ``customer360_id`` (a retired id resolves to its current one), by e-mail
or by source id (``source:id`` or the bare id), in the last run's identity tables.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from c360 import contracts
from c360.config import Identity
from c360.contracts.gold_identity import CUSTOMER360_ID
from c360.identity.ids import resolve
from c360.identity.normalise import email_canonical, per_value
from c360.identity.raw_text import read_as_silver
from c360.identity.records import IdentityConfigError, one_per_id, read_source
from c360.pipeline import lake
from c360.pipeline.last_run import why_no_customers


class NotFoundError(LookupError):
    """No customer matches what was asked."""


def read_gold(workspace: Path, table: str) -> pa.Table:
    """A gold table of the last run, or the error to show when there has been none; a folder
    that does not read, or lacks its contract's columns, raises lake's
    :class:`~c360.pipeline.lake.UnreadableTableError`."""
    if not lake.table_dir(workspace, "gold", table).exists():
        raise IdentityConfigError(f"no {table} in {workspace}: {why_no_customers(workspace)}")
    return lake.read_complete(workspace, "gold", contracts.get(table))


def _aliases(workspace: Path) -> dict[str, str]:
    table = read_gold(workspace, "identity_aliases")
    return dict(
        zip(table["retired_id"].to_pylist(), table["customer360_id"].to_pylist(), strict=True)
    )


def _by_email(workspace: Path, identity: Identity, email: str) -> list[str]:
    """Record keys of the records whose e-mail is ``email``'s mailbox, read as matching reads
    it: case, spaces, "+tags" and Gmail's dots ignored (`normalise.email_canonical`), in the
    row identity keeps of each record (``one_per_id``: an older extract's address is none)."""
    wanted = email_canonical(email) or email.strip().lower()
    keys: list[str] = []
    for name, source in identity.sources.items():
        column = source.roles.get("email")
        if column is None or not lake.table_dir(workspace, "bronze", source.table).exists():
            continue
        kept, _ = one_per_id(read_source(workspace, source), source.id)
        table = kept.select([source.id, column])
        mailboxes = per_value(read_as_silver(table[column].combine_chunks()), email_canonical)
        found = pc.fill_null(pc.equal(mailboxes, wanted), False)
        ids = pc.utf8_trim_whitespace(pc.cast(table[source.id], pa.string())).filter(found)
        keys.extend(f"{name}:{i}" for i in ids.to_pylist())
    return keys


def find(workspace: Path, identity: Identity, query: str) -> str:
    """The current ``customer360_id`` of the customer ``query`` names."""
    links = read_gold(workspace, "identity_links")
    query = query.strip()
    if not query:
        raise NotFoundError(
            "no customer named: give a customer360_id, an e-mail or a record id (crm:C42 or C42)"
        )
    if re.fullmatch(CUSTOMER360_ID, query):
        current = resolve(query, _aliases(workspace))
        if current in set(links["customer360_id"].to_pylist()):
            return current
        raise NotFoundError(f"no customer {query}{_departed(workspace, current)}")
    if "@" in query:
        keys = _by_email(workspace, identity, query)
        what = f"no record with the e-mail {query}"
    else:
        by_key = pc.equal(links["record_key"], query)
        by_id = pc.equal(links["record_id"], query)
        keys = links.filter(pc.or_(by_key, by_id))["record_key"].to_pylist()
        what = f"no record with the id {query}"
    ids = links.filter(pc.is_in(links["record_key"], pa.array(keys, pa.string())))
    found = sorted(set(ids["customer360_id"].to_pylist()))
    if not found:
        raise NotFoundError(what)
    if len(found) > 1:
        raise NotFoundError(f"{query} names {len(found)} customers: {', '.join(found)}")
    return found[0]


def _departed(workspace: Path, customer360_id: str) -> str:
    """Why an id no record holds is missing, when its records all left the sources."""
    if not lake.table_dir(workspace, "gold", "identity_departed").exists():
        return ""
    departed = read_gold(workspace, "identity_departed")
    held = pc.equal(departed["customer360_id"], customer360_id)
    keys = sorted(departed.filter(held)["record_key"].to_pylist())
    if not keys:
        return ""
    shown = ", ".join(keys[:5]) + (f" and {len(keys) - 5:,} more" if len(keys) > 5 else "")
    return f" now: its records left the sources ({shown}); it is theirs again if they return"


def _source_rows(workspace: Path, identity: Identity, keys: list[str]) -> list[dict[str, Any]]:
    """The raw rows of the records (role and attribute columns, as landed): of an id that
    several rows hold (two extracts of a folder), the one identity keeps (``one_per_id``)."""
    rows = []
    for name, source in identity.sources.items():
        ids = [k.split(":", 1)[1] for k in keys if k.startswith(f"{name}:")]
        if not ids or not lake.table_dir(workspace, "bronze", source.table).exists():
            continue
        columns = [source.id, *source.roles.values(), *source.attributes.values()]
        kept, _ = one_per_id(read_source(workspace, source), source.id)
        table = kept.select(list(dict.fromkeys(columns)))
        landed = pc.utf8_trim_whitespace(pc.cast(table[source.id], pa.string()))
        found = pc.is_in(landed, pa.array(ids, pa.string()))
        for row in table.filter(found).to_pylist():
            rows.append({"record_key": f"{name}:{str(row[source.id]).strip()}", **row})
    return rows


def history_of(ledger: pa.Table, customer360_id: str) -> list[dict[str, Any]]:
    """The ledger events that gave ``customer360_id`` records or took them from it."""
    held = pc.match_substring_regex(  # one of the comma-separated ids, not a longer id
        ledger["ids_before"], f"(^|,){re.escape(customer360_id)}(,|$)"
    )
    return ledger.filter(pc.or_(pc.equal(ledger["id_after"], customer360_id), held)).to_pylist()


def explain(workspace: Path, identity: Identity, customer360_id: str) -> dict[str, Any]:
    """Everything c360 knows about one customer and why."""
    workspace = Path(workspace)
    links = read_gold(workspace, "identity_links")
    mine = links.filter(pc.equal(links["customer360_id"], customer360_id))
    keys = mine["record_key"].to_pylist()
    pairs = read_gold(workspace, "identity_pairs")
    inside = pc.and_(
        pc.is_in(pairs["record_key_l"], pa.array(keys, pa.string())),
        pc.is_in(pairs["record_key_r"], pa.array(keys, pa.string())),
    )
    evidence = [
        {**p, "evidence": json.loads(p["evidence"])}
        for p in pairs.filter(inside).sort_by([("match_weight", "descending")]).to_pylist()
    ]
    history = history_of(read_gold(workspace, "identity_ledger"), customer360_id)
    retired = [old for old, new in _aliases(workspace).items() if new == customer360_id]
    profile = None
    if lake.table_dir(workspace, "gold", "customer_profile").exists():
        table = lake.read_table(workspace, "gold", "customer_profile")
        rows = table.filter(pc.equal(table["customer360_id"], customer360_id)).to_pylist()
        profile = rows[0] if rows else None
    return {
        "customer360_id": customer360_id,
        "retired_ids": retired,
        "records": _source_rows(workspace, identity, keys),
        "pairs": evidence,
        "history": history,
        "profile": profile,
    }
