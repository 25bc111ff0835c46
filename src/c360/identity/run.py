"""Identity resolution on a workspace: source records in, the ``identity_*`` gold tables out.

The previous run's tables are the identity store: their links keep ids stable, their ledger is
appended to, their aliases carried forward. Users' overrides are read from a CSV file.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360 import contracts
from c360.config import Identity
from c360.contracts import gold_identity
from c360.contracts.model import Table
from c360.identity.dedupe import predict_or_exact
from c360.identity.files import UTF16
from c360.identity.ids import departures
from c360.identity.matching import Scored
from c360.identity.profile_records import check_attributes
from c360.identity.records import IdentityConfigError, bare_note, check_landed, gather
from c360.identity.resolve import Overrides, resolve
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError, refuse_utf16
from c360.pipeline.gold.run import conform
from c360.pipeline.last_run import why_no_customers

DECISIONS = ("must_link", "must_not_link")


@dataclass(frozen=True)
class IdentityRun:
    """What a resolution found."""

    records: int
    customers: int
    pairs: int
    unmatchable: int
    duplicates: dict[str, int]
    events: dict[str, int] = field(default_factory=dict)  # new | merge | split -> count
    placeholders: dict[str, int] = field(default_factory=dict)  # identifier -> values ignored
    seconds: float = 0.0
    fallback: str | None = None  # why exact rules replaced the model, when they did
    # Records holding nothing but their id, and blocking keys (values shared by too many
    # records), left out.
    notes: tuple[str, ...] = ()


def check(workspace: Path, identity: Identity) -> None:
    """Raise ``IdentityConfigError`` when the identity section does not fit the landed bronze
    or the overrides file cannot be read: from schemas and that file alone, so a run can check
    right after bronze rather than fail after silver and text."""
    check_attributes(identity)
    for name, source in identity.sources.items():
        check_landed(workspace, name, source)
    read_overrides(workspace / identity.overrides)


def read_overrides(path: Path) -> Overrides:
    """``left,right,decision`` rows (record keys ``source:id``); no file means no overrides.
    Read as a spreadsheet saves it: a byte order mark and spaces around a name are not part of
    the header."""
    if not path.exists():
        return Overrides()
    must: list[tuple[str, str]] = []
    never: list[tuple[str, str]] = []
    reader = csv.DictReader(io.StringIO(_overrides_text(path), newline=""))
    try:
        names = reader.fieldnames
        if names is None or not {"left", "right", "decision"} <= {n.strip() for n in names}:
            raise IdentityConfigError(f"{path}: the header must be left,right,decision")
        reader.fieldnames = [n.strip() for n in names]
        for row in reader:
            decision = (row["decision"] or "").strip()
            if decision not in DECISIONS or not row["left"] or not row["right"]:
                raise IdentityConfigError(
                    f"{path}:{reader.line_num}: expected two record keys and must_link or "
                    "must_not_link"
                )
            pair = (row["left"].strip(), row["right"].strip())
            (must if decision == "must_link" else never).append(pair)
    except csv.Error as exc:
        raise IdentityConfigError(f"{path}:{reader.reader.line_num}: {exc}") from None
    return Overrides(tuple(must), tuple(never))


def _overrides_text(path: Path) -> str:
    """The overrides file's text, or an error naming it when it is no UTF-8 text."""
    try:
        refuse_utf16(path, UTF16)
        data = path.read_bytes()
    except SourceError as exc:
        raise IdentityConfigError(str(exc)) from None
    except OSError as exc:
        raise IdentityConfigError(
            f"{path}: cannot read the overrides file: {exc.strerror or exc}"
        ) from None
    text = data.removeprefix(codecs.BOM_UTF8)  # Excel's "CSV UTF-8" begins with one
    try:
        return text.decode()
    except UnicodeDecodeError as exc:
        line = len((text[: exc.start] + b".").splitlines())
        raise IdentityConfigError(
            f"{path} is not UTF-8 text (line {line}: {exc.reason}): save it as UTF-8"
        ) from None


def _check_overrides(overrides: Overrides, keys: pa.ChunkedArray, path: Path) -> None:
    """Fail, naming the file, when an override names a record no source holds."""
    named = sorted({k for pair in overrides.must_link + overrides.must_not_link for k in pair})
    held = pc.is_in(pa.array(named, pa.string()), value_set=keys).to_pylist()
    if unknown := [k for k, known in zip(named, held, strict=True) if not known]:
        raise IdentityConfigError(
            f"{path}: no such record {', '.join(unknown[:5])} "
            "(record keys are <identity source>:<id>, e.g. crm:CRM-0000042)"
        )


def _previous(workspace: Path, table: str) -> pa.Table | None:
    """The last run's ``identity_*`` table, or None before the first run (no folder).

    A folder that is there but holds no Parquet file, a file that does not read, or not the
    contract's columns raises :class:`lake.UnreadableTableError`: read as absent, it would
    have the ids it carries issued anew.
    """
    if not lake.table_dir(workspace, "gold", table).exists():
        return None
    return lake.read_complete(workspace, "gold", contracts.get(table))


def _pairs(table: pa.Table, key: str, value: str) -> zip[tuple[str, str]]:
    return zip(table[key].to_pylist(), table[value].to_pylist(), strict=True)


def _mapping(table: pa.Table | None, key: str, value: str) -> dict[str, str]:
    return {} if table is None else dict(_pairs(table, key, value))


def _departed(current: dict[str, str], departed: dict[str, str]) -> dict[str, str]:
    """The departed records (record -> id) whose id no ``current`` record holds: a record that
    comes back reclaims such an id, never one a present customer goes by."""
    held = set(current.values())
    return {k: v for k, v in sorted(departed.items()) if v not in held and k not in current}


def _number(customer360_id: str) -> int:
    return int(customer360_id.rsplit("_", 1)[-1])


def _level(labels: dict[int, str], gamma: int, weight: float) -> dict[str, object]:
    return {"level": labels.get(gamma, str(gamma)), "match_weight": round(weight, 2)}


EVIDENCE_ROWS = 200_000  # pairs whose evidence text is joined at a time


def _fragments(name: str, labels: dict[int, str], gamma: Any, weight: Any) -> tuple[list, Any]:
    """``"name": {level and weight}`` as JSON text for each distinct (gamma, weight), and
    which of them each pair has (weights compared bit for bit, as JSON would print them)."""
    gammas = gamma.to_numpy().astype(np.int64)
    bits, by_bits = np.unique(weight.to_numpy().view(np.int64), return_inverse=True)
    low = int(gammas.min(initial=0))
    span = int(gammas.max(initial=0)) - low + 1
    # One integer per (weight, gamma): a 1-d unique sorts far faster than rows of two.
    keys, inverse = np.unique(by_bits.reshape(-1) * span + (gammas - low), return_inverse=True)
    weights = bits.view(np.float64)
    texts = [
        json.dumps({name: _level(labels, int(k % span) + low, float(weights[k // span]))})[1:-1]
        for k in keys
    ]
    return texts, inverse.reshape(-1)


def evidence(scored: Scored, order: pa.Array | None = None) -> pa.ChunkedArray:
    """Per pair, JSON of what each comparison found and its match weight (log2 Bayes factor);
    the pairs at ``order`` (row positions) when given."""
    pairs = scored.pairs
    parts = []
    for name, labels in scored.levels.items():
        weight = pairs.column(f"mw_{name}")
        if f"mw_tf_adj_{name}" in pairs.column_names:  # term frequency: rarer values count more
            weight = pc.add(weight, pc.fill_null(pairs.column(f"mw_tf_adj_{name}"), 0.0))
        parts.append(_fragments(name, labels, pairs.column(f"gamma_{name}"), weight))
    if not parts:
        return pa.chunked_array([pa.array(["{}"] * pairs.num_rows, pa.string())])
    parts[0] = (["{" + t for t in parts[0][0]], parts[0][1])
    parts[-1] = ([t + "}" for t in parts[-1][0]], parts[-1][1])
    rows = None if order is None else order.to_numpy()
    texts = [(pa.array(t, pa.string()), i if rows is None else i[rows]) for t, i in parts]
    chunks = [
        pc.binary_join_element_wise(
            *(t.take(inverse[start : start + EVIDENCE_ROWS]) for t, inverse in texts), ", "
        )
        for start in range(0, len(texts[0][1]), EVIDENCE_ROWS)
    ]
    return pa.chunked_array(chunks, pa.string())


def _with_overrides(pairs: pa.Table, overrides: Overrides) -> pa.Table:
    """The decision of every overridden pair is the user's; unscored overrides are added."""
    decided = {frozenset(p): "must_link" for p in overrides.must_link}
    decided.update({frozenset(p): "must_not_link" for p in overrides.must_not_link})
    if not decided:
        return pairs
    left, right = pairs.column("record_key_l").to_pylist(), pairs.column("record_key_r").to_pylist()
    decisions = pairs.column("decision").to_pylist()
    seen = set()
    for i, key in enumerate(frozenset(p) for p in zip(left, right, strict=True)):
        if key in decided:
            decisions[i] = decided[key]
            seen.add(key)
    extra = [(sorted(k), d) for k, d in decided.items() if k not in seen and len(k) == 2]
    added = pa.table(
        {
            "record_key_l": [k[0] for k, _ in extra],
            "record_key_r": [k[1] for k, _ in extra],
            "match_probability": [1.0 if d == "must_link" else 0.0 for _, d in extra],
            "match_weight": pa.nulls(len(extra), pa.float64()),
            "decision": [d for _, d in extra],
            "evidence": ['{"override": "user"}'] * len(extra),
        }
    )
    pairs = pairs.set_column(
        pairs.schema.get_field_index("decision"), "decision", pa.array(decisions, pa.string())
    )
    return pa.concat_tables([pairs, added.cast(pairs.schema)])


def _rounded(pairs: pa.Table) -> pa.Table:
    """Scores without the last bits that vary with the order of parallel sums, so a rerun on the
    same records decides, and writes, exactly the same."""
    for i, name in enumerate(pairs.column_names):
        if name in ("match_weight", "match_probability") or name.startswith("mw_"):
            digits = 9 if name == "match_probability" else 6
            pairs = pairs.set_column(i, name, pc.round(pairs[name], digits))
    return pairs


def _conform(data: dict[str, Any] | pa.Table, contract: Table) -> pa.Table:
    """The contract's columns, typed and sorted by its key (a rerun writes the same bytes)."""
    table = data if isinstance(data, pa.Table) else pa.table(data)
    return conform(table.select(contract.column_names), contract)


def _decided(pairs: pa.Table, levels: dict[str, dict[int, str]], overrides: Overrides) -> pa.Table:
    """``identity_pairs``, conformed. Only the contract's columns are sorted (a sort copies
    them), and the evidence, the widest, is written in sorted order rather than sorted."""
    contract = gold_identity.IDENTITY_PAIRS
    order = pc.sort_indices(pairs, [(k, "ascending") for k in contract.primary_key])
    decided = pairs.select([c for c in contract.column_names if c != "evidence"]).take(order)
    decided = decided.append_column("evidence", evidence(Scored(pairs, levels), order))
    decided = decided.select(contract.column_names).cast(contract.arrow_schema())
    if overrides.must_link or overrides.must_not_link:
        return _conform(_with_overrides(decided, overrides), contract)
    return decided


def run_stamp(ledger: pa.Table | None, now: datetime) -> str:
    """The ``run_id`` of a run at ``now`` (aware): that time to the second, UTC, ISO 8601, or a
    second after the latest run ``ledger`` records if it is not later. So on a clock set back,
    or two runs in one second, the ledger still reads in run order and a run's events never
    take the key of an earlier run's.

    >>> run_stamp(None, datetime(2024, 6, 1, 12, 0, 0, 700_000, tzinfo=UTC))
    '2024-06-01T12:00:00+00:00'
    """
    stamp = now.astimezone(UTC).replace(microsecond=0)
    recorded = [] if ledger is None else pc.unique(ledger["run_id"]).to_pylist()
    times = [t for t in map(_utc, recorded) if t is not None]  # a label ("nightly-42") aside
    if times:
        stamp = max(stamp, max(times).replace(microsecond=0) + timedelta(seconds=1))
    return stamp.isoformat()


def _utc(run_id: str | None) -> datetime | None:
    """A run id as an aware UTC time (one written without an offset is UTC); None if no time."""
    try:
        at = datetime.fromisoformat(run_id or "")
    except ValueError:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def resolve_workspace(
    workspace: Path,
    identity: Identity,
    splink_api: Any,
    run_id: str | None = None,
    now: datetime | None = None,
) -> IdentityRun:
    """Resolve the configured sources' records into customers and publish the identity tables.

    The run is stamped by :func:`run_stamp` from ``now`` (the clock by default); ``run_id``
    names it outright instead."""
    started = time.perf_counter()
    workspace = Path(workspace)
    now = now or datetime.now(UTC)
    gathered = gather(workspace, identity)
    records = gathered.table
    overrides = read_overrides(workspace / identity.overrides)
    _check_overrides(overrides, records.column("record_key"), workspace / identity.overrides)

    candidates = records.filter(records.column("matchable"))
    fallback = None
    notes: tuple[str, ...] = ()
    if candidates.num_rows >= 2:
        scored, fallback = predict_or_exact(splink_api(), candidates)
        notes = scored.notes
        # Splink's linker and database API refer to each other: the database, and the memory
        # its tables held (about 1 GB at scale 10), go only when the cycle is collected.
        gc.collect()
    else:
        scored = Scored(pa.table({"record_key_l": [], "record_key_r": []}), {})
    pairs = _rounded(scored.pairs)
    scored = Scored(pairs, scored.levels)  # the unrounded scores can go
    if pairs.num_rows == 0:
        empty = pa.array([], pa.string())
        pairs = pa.table(
            {"record_key_l": empty, "record_key_r": empty,
             "match_probability": pa.array([], pa.float64()),
             "match_weight": pa.array([], pa.float64())}
        )  # fmt: skip

    links_before = _previous(workspace, "identity_links")
    aliases_before = _previous(workspace, "identity_aliases")
    ledger_before = _previous(workspace, "identity_ledger")
    run_id = run_id or run_stamp(ledger_before, now)
    previous = _mapping(links_before, "record_key", "customer360_id")
    previous_aliases = _mapping(aliases_before, "retired_id", "customer360_id")
    departed = _departed(previous, _mapping(_previous(workspace, "identity_departed"),
                                            "record_key", "customer360_id"))  # fmt: skip
    issued = [*previous.values(), *departed.values(), *previous_aliases, *previous_aliases.values()]
    if ledger_before is not None:  # an id whose records all left is in no link, but was issued
        issued += ledger_before.column("id_after").to_pylist()
    next_number = max(map(_number, issued), default=0) + 1

    former = _previous(workspace, "identity_former_ids")
    resolution = resolve(
        records, pairs, identity.threshold, overrides, previous | departed, previous_aliases,
        run_id, next_number,
        former=[] if former is None else list(_pairs(former, "record_key", "customer360_id")),
    )  # fmt: skip
    present = set(records.column("record_key").to_pylist())
    ids = resolution.assignment.ids
    away = _departed(ids, {k: v for k, v in (departed | previous).items() if k not in present})
    events = [*resolution.assignment.events, *departures(run_id, departed, away, ids)]
    departed = away
    decided = _decided(resolution.pairs, scored.levels, overrides)

    links = resolution.links.append_column("matchable", records.column("matchable"))
    ledger = pa.table(
        {
            "run_id": [e.run_id for e in events],
            "kind": [e.kind for e in events],
            "ids_before": [",".join(e.ids_before) for e in events],
            "id_after": [e.id_after for e in events],
            "records": [e.records for e in events],
            "evidence": [e.evidence for e in events],
        }
    )
    ledger = _conform(ledger, gold_identity.IDENTITY_LEDGER)
    aliases = resolution.assignment.aliases
    tables = {
        gold_identity.IDENTITY_LINKS: links,
        gold_identity.IDENTITY_PAIRS: decided,
        gold_identity.IDENTITY_LEDGER: (
            ledger if ledger_before is None else pa.concat_tables([ledger_before, ledger])
        ),
        gold_identity.IDENTITY_DEPARTED: {
            "record_key": list(departed),
            "customer360_id": list(departed.values()),
        },
        gold_identity.IDENTITY_ALIASES: {
            "retired_id": list(aliases),
            "customer360_id": list(aliases.values()),
        },
        gold_identity.IDENTITY_FORMER_IDS: {
            "record_key": [r for r, _ in resolution.assignment.former],
            "customer360_id": [old for _, old in resolution.assignment.former],
        },
    }
    # The next run reads the six back as one store: all of this run's, or all of the last's.
    lake.publish_tables(workspace, "gold", {
        contract.name: data if contract is gold_identity.IDENTITY_PAIRS  # conformed already
        else _conform(data, contract)
        for contract, data in tables.items()
    })  # fmt: skip
    return IdentityRun(
        records=records.num_rows,
        customers=len(set(resolution.assignment.ids.values())),
        pairs=pairs.num_rows,
        unmatchable=gathered.unmatchable,
        duplicates=gathered.duplicates,
        events=dict(Counter(e.kind for e in events)),
        placeholders=gathered.placeholders,
        seconds=time.perf_counter() - started,
        fallback=fallback,
        notes=tuple(bare_note(n, ids) for n, ids in gathered.bare.items() if ids) + notes,
    )


def linked(workspace: Path) -> pa.Table:
    """``identity_links`` of the last run (record -> customer360_id)."""
    table = _previous(Path(workspace), "identity_links")
    if table is None:
        raise IdentityConfigError(f"no identity links yet: {why_no_customers(workspace)}")
    return table.filter(pc.is_valid(table.column("customer360_id")))


def people_of(workspace: Path, identity: Identity, table: str) -> pa.Table | None:
    """``customer_id`` (the id column of the source reading ``table``) -> ``customer360_id``."""
    names = [name for name, source in identity.sources.items() if source.table == table]
    links = _previous(Path(workspace), "identity_links")
    if not names or links is None:
        return None
    mine = links.filter(pc.equal(links["source"], names[0]))
    return pa.table({"customer_id": mine["record_id"], "customer360_id": mine["customer360_id"]})
