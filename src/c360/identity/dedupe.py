"""Entity resolution on one or two files, no workspace: rows in, one cluster per record out.

The workspace pipeline's steps, driven by a role mapping instead of a project file: each file's
mapped columns become roles, are normalised, scored by the unsupervised Splink model and
clustered by :func:`c360.identity.resolve.resolve` (its exact rules and over-merge guard). Two
files are linked by deduplicating their union, so a pair inside one file counts as much as a
pair across both. A record with nothing to match on stays on its own; one holding nothing but
its id (a spreadsheet's "Total: 2 contacts") is no person and left out, as a run leaves it out;
so is a CSV line repeating the header (exports joined end to end), which a run quarantines.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from splink.internals.exceptions import EMTrainingException, SplinkException

from c360.identity import blocking
from c360.identity.blocking import capped_key
from c360.identity.file_phones import read_phones
from c360.identity.files import UnreadableFileError, is_number, read_rows, repeats_header
from c360.identity.matching import Scored, TrainingError, numbered, predict
from c360.identity.normalise import normalise_records
from c360.identity.raw_text import read_as_silver
from c360.identity.records import (
    matchable,
    one_per_id,
    placeholder_note,
    record_keys,
    valueless,
    without_placeholders,
)
from c360.identity.resolve import Overrides, resolve
from c360.identity.roles import NAMES, ROLES
from c360.ml.clv_file import parse_dates

# Roles the model can find candidate pairs with on their own (a first or last name cannot).
MATCH_ROLES = ("email", "phone", "national_id", "full_name")
# When the model cannot be trained (too few records, or no pair agreeing on a training key),
# records that agree exactly on one of these are linked instead; the over-merge guard still runs.
EXACT_RULES = (
    ("email_canonical",),
    ("national_id",),
    ("first_name_canonical", "last_name", "phone"),
    ("first_name_canonical", "last_name", "date_of_birth"),
)
_LOG = logging.getLogger(__name__)
_PAIRS = pa.schema(
    [("record_key_l", pa.string()), ("record_key_r", pa.string()),
     ("match_probability", pa.float64()), ("match_weight", pa.float64())]
)  # fmt: skip


class DedupeError(Exception):
    """The files or the role mapping cannot be deduplicated; the message (one line) says why."""


@dataclass(frozen=True)
class Deduplication:
    """One row per record, and what was set aside or assumed on the way."""

    # [source (two files only)], record_id, cluster_id, match_probability: the strongest
    # probability among the pairs that linked the record (1.0 for an exact-rule link), or NULL
    # for a record alone in its cluster.
    clusters: pa.Table
    count_clusters: int
    unmatchable: tuple[str, ...]  # records with no name and no identifying value, kept alone
    bare: tuple[str, ...]  # records holding nothing but their id, left out
    duplicate_ids: dict[str, int]  # file -> rows repeating an earlier row's id (left out)
    repeated_headers: dict[str, int]  # file -> rows repeating its header (left out)
    fallback: str | None  # why exact rules replaced the model, when they did
    notes: tuple[str, ...]  # what was assumed while reading
    seconds: float


def source_names(paths: Sequence[Path]) -> list[str]:
    """The files' stems, or ``left``/``right`` when two stems cannot tell the files apart."""
    stems = [Path(p).stem for p in paths]
    if len(stems) == 2 and (stems[0] == stems[1] or any(":" in s or not s for s in stems)):
        return ["left", "right"]
    return stems


def check_roles(roles: Mapping[str, str]) -> None:
    """Every role known, and enough of them for the model to find candidate pairs."""
    unknown = sorted({r for r in roles.values() if r not in ROLES})
    if unknown:
        raise DedupeError(f"unknown role {', '.join(unknown)}; roles are {', '.join(ROLES)}")
    given = set(roles.values())
    if not given & set(MATCH_ROLES) and not {"first_name", "last_name"} <= given:
        raise DedupeError(
            "nothing to match on: map an e-mail, a phone, a national id, or a name (full_name, "
            "or first_name and last_name)"
        )


def role_table(
    name: str, path: Path, rows: pa.Table, id_column: str, roles: Mapping[str, str]
) -> pa.Table:
    """One file's rows as ``record_key``, ``record_id`` and one column per role it has."""
    columns = rows.column_names
    if id_column not in columns:
        raise DedupeError(f"{path}: no id column {id_column!r}; columns: {_quoted(columns)}")
    repeated = sorted({c for c in [id_column, *roles] if columns.count(c) > 1})
    if repeated:
        raise DedupeError(f"{path}: the header names {', '.join(repeated)} more than once")
    ids = _text(path, rows, id_column)
    blank = pc.sum(pc.fill_null(pc.equal(pc.utf8_trim_whitespace(ids), ""), True)).as_py()
    if blank:
        raise DedupeError(f"{path}: {blank} rows have no value in the id column {id_column!r}")
    table: dict[str, pa.Array | pa.ChunkedArray] = {
        "record_key": record_keys(name, ids),
        "record_id": ids,
    }
    for column, role in roles.items():
        if column not in columns:
            continue
        if role in table:
            given = ", ".join(c for c, r in roles.items() if r == role and c in columns)
            raise DedupeError(f"{path}: columns {given} all play the role {role}: keep one")
        values = rows.column(column)
        # normalise reads a birth date as a date or as text; everything else as text, but a
        # phone's number is kept for read_phones
        date = role == "date_of_birth" and pa.types.is_temporal(values.type)
        number = role == "phone" and is_number(values.type)
        table[role] = values if date or number else _text(path, rows, column)
    return pa.table(table)


def _text(path: Path, rows: pa.Table, column: str) -> pa.ChunkedArray:
    try:
        return pc.cast(rows.column(column), pa.string())
    except pa.ArrowException:
        kind = rows.schema.field(column).type
        raise DedupeError(f"{path}: column {column!r} holds {kind}, not text") from None


def _check_columns(files: Sequence[tuple[Path, pa.Table]], roles: Mapping[str, str]) -> None:
    missing = [
        c for c in roles if all(find_column(c, rows.column_names) is None for _, rows in files)
    ]
    if missing:
        where = "; ".join(f"{p}: {_quoted(rows.column_names)}" for p, rows in files)
        raise DedupeError(f"no column {', '.join(map(repr, missing))} to map to a role; {where}")


def _quoted(columns: Sequence[str]) -> str:
    """Column names as a message shows them: quoted, so that spaces around one are seen."""
    return ", ".join(map(repr, columns))


def _loose(name: str) -> str:
    return name.strip().casefold()


def find_column(name: str, columns: Sequence[str]) -> str | None:
    """The column called ``name``: the one of that exact name, else the only one whose name is
    ``name`` but for case and surrounding spaces (" First Name" for "first name"); None if
    there is none, or several.

    >>> find_column("first name", ["id", " First Name"]), find_column("a", ["A", "a "])
    (' First Name', None)
    """
    if name in columns:
        return name
    found = [c for c in dict.fromkeys(columns) if _loose(c) == _loose(name)]
    return found[0] if len(found) == 1 else None


class _AnyCase(frozenset[str]):
    """Column names given, holding every name that is one of them but for case and
    surrounding spaces (:func:`find_column`)."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and any(_loose(name) == _loose(n) for n in self)


def _file_roles(
    path: Path, columns: Sequence[str], id_column: str, roles: Mapping[str, str]
) -> tuple[str, dict[str, str]]:
    """A file's id column and role mapping by the names its header writes (:func:`find_column`);
    a role column the file lacks is left out."""
    found_id = find_column(id_column, columns)
    if found_id is None:
        raise DedupeError(f"{path}: no id column {id_column!r}; columns: {_quoted(columns)}")
    here: dict[str, str] = {}
    for column, role in roles.items():
        found = find_column(column, columns)
        if found is None:
            continue
        if here.get(found, role) != role:
            raise DedupeError(
                f"{path}: column {found!r} is given two roles ({here[found]}, {role})"
            )
        here[found] = role
    return found_id, here


def exact_pairs(records: pa.Table) -> tuple[pa.Table, tuple[str, ...]]:
    """Pairs agreeing exactly on a rule of :data:`EXACT_RULES`, weighted by the rules agreed;
    and notes on the values left out.

    As in the model's blocking (:func:`~c360.identity.blocking.cap_blocks`), a rule's value
    shared by more than :data:`~c360.identity.blocking.MAX_BLOCK` records links none of them
    (a placeholder surname and birth date would make one person of thousands): each rule pairs
    a record with fewer than that many others, so the pairs grow with the records, not with
    their square. Records are joined by numbers, their keys' ranks, not by their keys."""
    rules = [
        rule
        for rule in EXACT_RULES
        if all(c in records.column_names and pc.count(records[c]).as_py() for c in rule)
    ]  # an absent or empty column agrees with nothing
    if not rules:
        return _PAIRS.empty_table(), ()
    most = blocking.MAX_BLOCK  # read at each call, as cap_blocks does
    ranked, keys = numbered(records.select(["record_key"]))
    found, notes = [], []
    for rule in rules:
        key, note = capped_key(records, rule, most, "link them", records)
        notes += [note] if note else []
        keyed = pa.table({"key": key, "rank": ranked["record_key"]}).filter(pc.is_valid(key))
        joined = keyed.join(keyed, keys="key", left_suffix="_l", right_suffix="_r")
        found.append(
            joined.filter(pc.less(joined["rank_l"], joined["rank_r"])).select(["rank_l", "rank_r"])
        )
    counted = pa.concat_tables(found).group_by(["rank_l", "rank_r"]).aggregate([([], "count_all")])
    return pa.table(
        {
            "record_key_l": pc.take(keys, counted["rank_l"]),
            "record_key_r": pc.take(keys, counted["rank_r"]),
            "match_probability": pa.array([1.0] * counted.num_rows, pa.float64()),
            "match_weight": pc.cast(counted["count_all"], pa.float64()),
        },
        schema=_PAIRS,
    ), tuple(notes)


def score(splink_api: Any, candidates: pa.Table) -> tuple[Scored, str | None]:
    """The model's scored pairs; or, when it cannot be trained, exact-rule pairs and why."""
    if candidates.num_rows < 2:
        return Scored(_PAIRS.empty_table(), {}), None
    scored, fallback = predict_or_exact(splink_api, candidates)
    if not scored.pairs.num_rows:
        scored = Scored(_PAIRS.empty_table(), scored.levels, scored.notes)
    return scored, fallback


def predict_or_exact(splink_api: Any, candidates: pa.Table) -> tuple[Scored, str | None]:
    """:func:`~c360.identity.matching.predict` on ``candidates`` (two or more), and None; or,
    when the model cannot be trained, the pairs of :func:`exact_pairs` and why, in plain
    words: an error of Splink or of its database is logged, not shown."""
    notes: tuple[str, ...] = ()
    try:
        return predict(splink_api, candidates.drop_columns(["source", "record_id"])), None
    except TrainingError as exc:
        reason, notes = str(exc), exc.notes
    except (SplinkException, ValueError, ArithmeticError) as exc:
        # Unsupervised training needs pairs that agree on each training key, and enough of
        # them to estimate from: a small file often has none (Splink then raises). Its error
        # speaks of SQL or of Splink's arithmetic, nothing the user can act on.
        _LOG.info("training failed", exc_info=exc)
        reason = _plain(exc)
    pairs, exact_notes = exact_pairs(candidates)
    return Scored(pairs, {}, (*notes, *exact_notes)), (
        f"the model could not be trained on {candidates.num_rows:,} records ({reason}); "
        "linked exact matches instead: same e-mail or national id, or the same name and "
        "phone or birth date"
    )


def _plain(exc: BaseException) -> str:
    """Why training failed, in words for someone who does not know Splink."""
    if isinstance(exc, EMTrainingException) or "resulted in no record pairs" in str(exc):
        return "too few pairs of records agree on an e-mail, a phone or a birth date to learn from"
    return "too few records, or too few of them alike, for the model to learn from"


def strongest_links(decided: pa.Table) -> pa.Table:
    """Per linked record, the highest probability of a pair that linked it (1.0 for a rule)."""
    linked = decided.filter(pc.is_in(decided["decision"], pa.array(["linked", "rule"])))
    probability = pc.if_else(
        pc.equal(linked["decision"], "rule"),
        1.0,
        pc.cast(linked["match_probability"], pa.float64()),
    )
    ends = pa.table(
        {
            "record_key": pa.chunked_array(
                [*linked["record_key_l"].chunks, *linked["record_key_r"].chunks], pa.string()
            ),
            "match_probability": pa.chunked_array(
                [*probability.chunks, *probability.chunks], pa.float64()
            ),
        }
    )
    best = ends.group_by("record_key").aggregate([("match_probability", "max")])
    return pa.table({"record_key": best["record_key"], "match_probability": pc.round(best[1], 6)})


def dedupe(
    paths: Sequence[Path],
    ids: str | Sequence[str],
    roles: Mapping[str, str],
    threshold: float = 0.9,
    splink_api: Any = None,
) -> Deduplication:
    """Cluster the records of one file, or of the union of two, into people.

    Args:
        paths: one or two CSV, JSON lines or Parquet files.
        ids: the id column, or one per file; ids must be filled in, and a repeated id keeps
            its first row (a repeated row is a copy).
        roles: column -> role (:data:`c360.identity.roles.ROLES`); with two files a column
            need only be in one.
        threshold: the probability at or above which the model links two records.
        splink_api: Splink's database API (default: a new in-memory DuckDB engine's).
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    if len(paths) not in (1, 2):
        raise DedupeError(f"give one file to deduplicate or two to link, not {len(paths)}")
    id_columns = [ids] if isinstance(ids, str) else list(ids)
    if len(id_columns) not in (1, len(paths)):
        raise DedupeError(f"give one id column, or one per file, not {len(id_columns)}")
    id_columns *= len(paths) // len(id_columns)
    if not 0 < threshold <= 1:
        raise DedupeError(f"the threshold is a probability above 0 and at most 1, not {threshold}")
    check_roles(roles)
    repeated_headers: dict[str, int] = {}
    records, duplicate_ids, notes = read_records(paths, id_columns, roles, repeated_headers)
    label = "record_key" if len(paths) == 2 else "record_id"
    bare = records.filter(records["bare"])[label].to_pylist()
    records = records.filter(pc.invert(records["bare"])).drop_columns(["bare"])

    scored, fallback = score(splink_api or _duckdb_api(), records.filter(records["matchable"]))
    notes += scored.notes
    resolution = resolve(records, scored.pairs, threshold, Overrides(), {}, {}, "dedupe", 1)
    shown = ["source"] if len(paths) == 2 else []
    clusters = (
        resolution.links.append_column("order", pa.array(range(records.num_rows), pa.int64()))
        .join(strongest_links(resolution.pairs), "record_key", join_type="left outer")
        .sort_by("order")  # a join keeps no order
        .rename_columns({"customer360_id": "cluster_id"})
        .select([*shown, "record_id", "cluster_id", "match_probability"])
    )
    set_aside = records.filter(pc.invert(records["matchable"]))
    return Deduplication(
        clusters=clusters,
        count_clusters=pc.count_distinct(clusters["cluster_id"]).as_py(),
        unmatchable=tuple(set_aside[label].to_pylist()),
        bare=tuple(bare),
        duplicate_ids=duplicate_ids,
        repeated_headers=repeated_headers,
        fallback=fallback,
        notes=tuple(notes),
        seconds=time.perf_counter() - started,
    )


def read_records(
    paths: Sequence[Path],
    id_columns: Sequence[str],
    roles: Mapping[str, str],
    repeated_headers: dict[str, int] | None = None,
) -> tuple[pa.Table, dict[str, int], list[str]]:
    """The files' records, normalised and marked ``matchable`` and ``bare`` (holding nothing
    but their id); repeated ids; notes. Rows repeating their file's header are left out,
    counted by file in ``repeated_headers`` when given."""
    files, notes = [], []
    for path, id_column in zip(paths, id_columns, strict=True):
        try:  # a JSON column not matched on may hold lists or objects: it is left out
            rows, read_notes = read_rows(path, columns=_AnyCase({id_column, *roles}))
        except UnreadableFileError as exc:
            raise DedupeError(str(exc)) from None
        files.append((path, rows))
        notes += read_notes
    _check_columns(files, roles)
    parts, duplicate_ids = [], {}
    for name, (path, rows), id_column in zip(source_names(paths), files, id_columns, strict=True):
        header = repeats_header(rows)
        if header_rows := pc.sum(header).as_py():
            rows = rows.filter(pc.invert(header))
            if repeated_headers is not None:
                repeated_headers[str(path)] = header_rows
        if rows.num_rows == 0:
            raise DedupeError(f"{path}: no rows to deduplicate")
        id_column, here = _file_roles(path, rows.column_names, id_column, roles)
        roled = role_table(name, path, rows, id_column, here)
        table, repeated = one_per_id(
            roled.append_column("raw_row", pa.array(np.arange(rows.num_rows))), "record_id"
        )
        raw_rows = table["raw_row"].to_numpy()
        table = table.drop_columns(["raw_row"])
        if repeated:
            duplicate_ids[str(path)] = repeated
        column_of = {role: column for column, role in here.items()}
        if "phone" in table.column_names:
            country = table["country"] if "country" in table.column_names else None
            phones, phone_notes = read_phones(path, column_of["phone"], table["phone"], country)
            table = table.set_column(table.schema.get_field_index("phone"), "phone", phones)
            notes += phone_notes
        if "date_of_birth" in table.column_names:
            born, date_notes = birth_dates(path, column_of["date_of_birth"], table["date_of_birth"])
            at = table.schema.get_field_index("date_of_birth")
            table = table.set_column(at, "date_of_birth", born)
            notes += date_notes
        if absent := _absent_roles(roles, set(here.values())):
            notes.append(f"{path} has no column for {', '.join(absent)}: matched without them")
        normalised = normalise_records(table.drop_columns(["record_id"]))
        bare = valueless(normalised)
        if bare.any():  # only the raw text of the few rows left is read
            bare[bare] = _blank_but_id(rows, id_column, raw_rows[bare])
        if bare.all():
            held = "row holds" if len(bare) == 1 else "rows hold"
            raise DedupeError(
                f"{path}: no rows to deduplicate: its {len(bare):,} {held} nothing but an id "
                "(every other column blank)"
            )
        parts.append(
            normalised.append_column("source", pa.array([name] * table.num_rows, pa.string()))
            .append_column("record_id", table["record_id"])
            .append_column("bare", pa.array(bare))
        )
    records, placeholders = without_placeholders(pa.concat_tables(parts))
    notes += [placeholder_note(placeholders)] if placeholders else []
    return records.append_column("matchable", matchable(records)), duplicate_ids, notes


def _blank_but_id(rows: pa.Table, id_column: str, at: np.ndarray) -> np.ndarray:
    """True for the rows ``at`` whose every column but the id is blank in the raw text (or a
    word for missing): a total row. A value no role reads ("ann(at)mail.fr", a local phone
    number, a note in a column mapped to no role) is someone's."""
    picked = rows.take(pa.array(at))
    written = np.zeros(len(at), dtype=bool)
    for name, column in zip(picked.column_names, picked.columns, strict=True):
        if name == id_column:
            continue
        if pa.types.is_nested(column.type):
            held = column.is_valid()
        else:
            held = pc.not_equal(pc.utf8_trim_whitespace(read_as_silver(column)), "")
        written |= pc.fill_null(held, False).to_numpy(zero_copy_only=False)
    return ~written


def birth_dates(
    path: Path, column: str, values: pa.ChunkedArray | pa.Array
) -> tuple[pa.ChunkedArray | pa.Array, list[str]]:
    """A file's birth dates as dates, read as ``c360 clv fit`` reads a file's dates: d/m/y or
    m/d/y decided once for the whole column (m/d/y when a second field is above 12 and no
    first one is), ISO, y/m/d, yyyymmdd and month names (2 Jan 1980) too; and a note counting
    the ones not read."""
    if pa.types.is_temporal(values.type):
        return values, []
    text = pc.utf8_trim_whitespace(pc.cast(values, pa.string()))
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    born = parse_dates(text)
    unread = pc.and_(pc.is_valid(text), pc.is_null(born))
    count = pc.sum(unread).as_py() or 0
    if not count:
        return born, []
    first = pc.filter(text, unread)[0].as_py()
    dates = "birth date" if count == 1 else "birth dates"
    return born, [
        f"{path}: {count:,} {dates} in column {column!r} could not be read (e.g. {first!r}): "
        "matched without them; write dates as 1980-01-31, 31/01/1980, 01/31/1980, 19800131 or "
        "31 Jan 1980"
    ]


def _absent_roles(roles: Mapping[str, str], there: set[str]) -> list[str]:
    """The mapped roles no column of a file plays (a name counts if any name role is there)."""
    return [
        role
        for role in ROLES
        if role in roles.values()
        and role not in there
        and not (role in NAMES and there & set(NAMES))
    ]


def _duckdb_api() -> Any:
    from c360 import engines  # the engine starts only when the caller brought no API

    return engines.connect("duckdb").splink_api()
