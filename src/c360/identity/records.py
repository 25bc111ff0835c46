"""The people records of every configured source, in one table of roles, normalised.

Each source table is read from bronze (raw text, nothing lost), its mapped columns renamed to
their roles and read as silver reads text (``raw_text``: placeholder words and JSON objects are
no value, mis-encoded text is repaired), and one row kept per record id, the one silver keeps
(``one_per_id``). Records with nothing to match on are kept and marked, to stay singletons;
a record holding nothing but its id (a spreadsheet's total row) is no person and left out
(``bare``), unless a source table refers to its id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from c360 import config, contracts
from c360.config import Identity, IdentitySource
from c360.identity.normalise import normalise_records
from c360.identity.raw_text import MISSING_WORD, read_as_silver
from c360.pipeline import lake
from c360.pipeline.bronze.lineage import EXTRA

# Normalised columns that count as evidence when a record is compared with another.
MATCHABLE = (
    "first_name", "last_name", "email_canonical", "phone", "date_of_birth", "national_id",
    "source_id",
)  # fmt: skip


# An identifying value written for more records than this (noemail@…, 0000000000, a shared
# info@ address) names nobody: it is ignored as evidence. A person's records in every system,
# duplicates included, rarely reach ten.
PLACEHOLDER_SHARE = 20
IDENTIFIERS = ("email_canonical", "phone", "national_id", "source_id")


class IdentityConfigError(Exception):
    """The identity section of the project file does not fit the data; the message says how."""


@dataclass(frozen=True)
class Records:
    """Normalised records (one per source record) and what was set aside while reading."""

    table: pa.Table
    duplicates: dict[str, int]  # source -> rows repeating an id or without one, left out
    unmatchable: int  # records with no name and no identifying value
    placeholders: dict[str, int]  # identifier -> values ignored as shared by too many records
    bare: dict[str, list[str]] = field(default_factory=dict)  # source -> ids holding nothing else


def record_keys(source: str, ids: pa.Array) -> pa.Array:
    """``source:id``, the key of a record across all systems."""
    return pc.binary_join_element_wise(pa.scalar(source), pc.cast(ids, pa.string()), ":")


# Silver's reading of a date-time (``parse.iso_date_text``, then ``parse.written_timestamp``),
# in Python: a test runs one list of written values through both. White space as every engine's
# regex reads it (``blanks.SPACE``), and what silver trims off a value's ends (``blanks.BLANK``).
_SPACE = "[\t\n\x0b\f\r \u0085\u2028\u2029]"
_BLANK = "\t\n\x0b\f\r \x00\u0085\u2028\u2029\u00a0\u2007\u202f\ufeff"
# A date written day or month first, with or without a time, on a 12-hour clock too.
_WRITTEN_DAY = re.compile(
    _SPACE + r"*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})"
    r"(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
    "(?:" + _SPACE + r"*([AaPp])\.?[Mm]\.?)?)?" + _SPACE + "*"
)
_OFFSET = "[+-](?:(?:0[0-9]|1[0-3])(?::?[0-5][0-9])?|14(?::?00)?)"  # as silver's
_ZONE = f"(?:Z|{_SPACE}*(?:{_OFFSET}|UTC))"  # after white space too
_HOUR = "(?:[01][0-9]|2[0-3])"
_YEAR_DAY = r"((?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9]))-([0-9]{2})-([0-9]{2})"
_ISO = re.compile(f"{_YEAR_DAY}(?:[T ]({_HOUR}):([0-9]{{2}})(?::([0-9]{{2}}))?{_ZONE}?|Z)?")
# Most update times: a date and a time as databases print them, read as ``_ISO`` reads them.
_PLAIN = re.compile(f"[1-9][0-9]{{3}}-[0-9]{{2}}-[0-9]{{2}}(?:[T ]{_HOUR}:[0-9]{{2}}:[0-9]{{2}})?")
_FRACTION = re.compile(r"\.[0-9]{1,9}")
_FRACTION_AT_END = re.compile(f":[0-9]{{2}}\\.[0-9]{{1,9}}{_ZONE}?\\Z")
_END_OF_DAY = re.compile(f"[T ]24:00(?::00(?:\\.0{{1,9}})?)?{_ZONE}?{_SPACE}*\\Z")
_NEXT_DAY = re.compile(f"{_YEAR_DAY}[T ]24:00(?::00)?{_ZONE}?")
_WRITTEN_OFFSET = re.compile(f":[0-9]{{2}}(?:\\.[0-9]{{1,9}})?{_SPACE}*({_OFFSET}){_SPACE}*\\Z")
_SPACES = re.compile(_SPACE + "+")
_LAST_DAY = datetime(9999, 12, 31)


def _iso_text(text: str, order: str) -> str:
    """``text`` as ISO text when it is a date written in ``order`` (``parse.iso_date_text``:
    "3/5/2024 2:22 PM" month first is "2024-03-05 14:22:00", 12 AM being 00); else as it is."""
    if order == "year_first" or not (written := _WRITTEN_DAY.fullmatch(text)):
        return text
    first, second, year, hour, minute, seconds, meridiem = written.groups()
    day, month = (first, second) if order == "day_first" else (second, first)
    day_text = f"{year}-{month:0>2}-{day:0>2}"
    if hour is None:
        return day_text
    if meridiem is not None:
        if not 1 <= int(hour) <= 12:
            return text  # an hour a 12-hour clock has not
        hour = str(int(hour) % 12 + (12 if meridiem in "Pp" else 0))
    return f"{day_text} {hour:0>2}:{minute}:{seconds or '00'}"


def _at(
    year: str,
    month: str,
    day: str,
    hour: str | None = None,
    minute: str | None = None,
    second: str | None = None,
) -> datetime | None:
    """The time a date and perhaps hour, minute and second name; None if there is none such."""
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None


def _as_silver(written: str, order: str) -> datetime | None:
    """``written`` read as silver reads a timestamp of a table whose dates are in ``order``:
    ISO (a space or T, seconds or none, fractions dropped), in UTC (an offset applied, after
    white space or none, " UTC" none), 24:00 the next day's midnight; a date in ``order`` with
    a 24- or 12-hour clock (and no offset)."""
    raw = _iso_text(written, order)
    text = _SPACES.sub(" ", raw.strip(_BLANK))
    if _FRACTION_AT_END.search(text):
        text = _FRACTION.sub("", text)
    if _END_OF_DAY.search(raw):
        next_day = _NEXT_DAY.fullmatch(text)
        start = _at(*next_day.groups()) if next_day else None
        at = start + timedelta(days=1) if start is not None and start < _LAST_DAY else None
    elif iso := _ISO.fullmatch(text):
        at = _at(*iso.groups())
    else:
        return None
    if at is None or not (offset := _WRITTEN_OFFSET.search(raw)):
        return at
    zone = offset.group(1)
    minutes = int(zone[:3]) * 60 + int(zone[0] + (zone.replace(":", "") + "00")[3:5])
    try:
        return at - timedelta(minutes=minutes)
    except OverflowError:
        return None


@lru_cache(maxsize=65536)
def _timestamp(text: str, order: str) -> datetime | None:
    """``text`` read as silver reads it in ``order``; a table set to no order (``year_first``,
    where silver reads ISO alone) has a date read day first too, or month first when it cannot
    be day first ("12/31/2024")."""
    if _PLAIN.fullmatch(text):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return None
    if order != "year_first":
        return _as_silver(text, order)
    for read_as in ("year_first", "day_first", "month_first"):
        if (at := _as_silver(text, read_as)) is not None:
            return at
    return None


# A date written with its month first: its first two numbers, swapped, make it day first.
_MONTH_FIRST = r"^(\s*)(\d{1,2})([/.-])(\d{1,2})([/.-]\d{4})"


def day_first(values: pa.Array, dates: str) -> pa.Array:
    """Text dates as birth dates are read (ISO, else day first): those of a table whose dates
    are written month first (``dates: month_first`` in c360.yaml) get their day and month
    swapped."""
    if dates != "month_first" or not pa.types.is_string(values.type):
        return values
    return pc.replace_substring_regex(values, _MONTH_FIRST, r"\1\4\3\2\5")


def timestamps(values: pa.Array, dates: str = "year_first") -> pa.Array:
    """Text timestamps as timestamps, read as silver reads them in the table's date order
    (``dates``: ISO, in UTC; a date day or month first, on a 24- or 12-hour clock), and under
    ``year_first`` a date day first too (month first when it cannot be); unreadable ones as
    NULL."""
    if pa.types.is_timestamp(values.type):
        return values
    return pa.array(
        [None if v is None else _timestamp(v, dates) for v in values.to_pylist()],
        pa.timestamp("us"),
    )


def source_roles(
    name: str, source: IdentitySource, table: pa.Table, dates: str = "year_first"
) -> pa.Table:
    """One source's rows as ``record_key``, ``source``, ``record_id`` and its role columns;
    ``dates`` is how the table writes dates (the ``dates`` of its ``csv:`` entry)."""
    wanted = [source.id, *source.roles.values()] + (
        [source.updated_at] if source.updated_at else []
    )
    missing = sorted(set(wanted) - set(table.column_names))
    if missing:
        raise IdentityConfigError(
            f"identity source {name!r}: table {source.table} has no column {', '.join(missing)}"
        )
    ids = _ids(table.column(source.id))
    columns: dict[str, pa.Array | pa.ChunkedArray] = {
        "record_key": record_keys(name, ids),
        "source": pa.array([name] * table.num_rows, pa.string()),
        "record_id": ids,
    }
    for role, column in source.roles.items():
        values = table.column(column).combine_chunks()
        columns[role] = (
            day_first(values, dates)
            if role == "date_of_birth"
            else read_as_silver(values, words=role != "country")
        )
    if source.updated_at:
        updated = table.column(source.updated_at).combine_chunks()
        columns["updated_at"] = timestamps(updated, dates)
    return pa.table(columns)


def _ids(values: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    """Ids as text, trimmed as silver trims keys; a blank one, or a word meaning missing
    (N/A, NULL…), is NULL."""
    text = pc.utf8_trim_whitespace(pc.cast(values, pa.string()))
    blank = pc.or_(pc.equal(text, ""), pc.match_substring_regex(text, MISSING_WORD))
    return pc.if_else(blank, pa.scalar(None, pa.string()), text)


def one_per_id(table: pa.Table, id_column: str) -> tuple[pa.Table, int]:
    """One row per id, the one silver keeps of a repeated key: from the file named last (a
    folder of daily extracts: the latest update), the row written first there (a repeated row is
    a copy). A row without an id is no record, as silver quarantines it. Rows keep their order;
    also returns how many were left out.

    Unlike silver, this does not know which rows fail silver's checks: when the first row of an
    id fails one and a later row passes, silver keeps the later row and identity the first."""
    before = table.num_rows
    ids = _ids(table.column(id_column))
    present = pc.is_valid(ids)
    table = table.filter(present)
    names = table.column_names
    helper = {"id": ids.filter(present)}
    order = [("id", "ascending")]
    if "_source_file" in names:
        helper["file"] = table.column("_source_file")
        order.append(("file", "descending"))
    if "_row_number" in names:
        helper["row"] = table.column("_row_number")
        order.append(("row", "ascending"))
    helper["position"] = pa.array(np.arange(table.num_rows, dtype=np.int64))
    ranked = pa.table(helper).sort_by([*order, ("position", "ascending")])
    sorted_ids = ranked.column("id").combine_chunks()
    starts = np.ones(table.num_rows, dtype=bool)
    if table.num_rows > 1:
        differs = pc.not_equal(sorted_ids[1:], sorted_ids[:-1])
        starts[1:] = differs.to_numpy(zero_copy_only=False)
    keep = np.sort(ranked.column("position").to_numpy()[starts])
    return table.take(pa.array(keep)), before - len(keep)


def without_placeholders(table: pa.Table) -> tuple[pa.Table, dict[str, int]]:
    """``table`` with the identifiers shared by more than ``PLACEHOLDER_SHARE`` records set to
    NULL (an e-mail's local part with it); how many such values each identifier had."""
    ignored = {}
    for name in (c for c in IDENTIFIERS if c in table.column_names):
        column = table.column(name)
        counts = pc.value_counts(column.drop_null())
        shared = counts.field("values").filter(
            pc.greater(counts.field("counts"), PLACEHOLDER_SHARE)
        )
        if not len(shared):
            continue
        ignored[name] = len(shared)
        hit = pc.is_in(column, value_set=shared)
        nulls = pa.nulls(table.num_rows, column.type)
        parts = [name, "email_local"] if name == "email_canonical" else [name]
        for part in (p for p in parts if p in table.column_names):
            at = table.column_names.index(part)
            table = table.set_column(at, part, pc.if_else(hit, nulls, table.column(part)))
    return table, ignored


def placeholder_note(ignored: dict[str, int]) -> str:
    """One line saying which placeholders ``without_placeholders`` ignored."""
    counts = ", ".join(f"{n:,} {name.removesuffix('_canonical')}" for name, n in ignored.items())
    return f"ignored as placeholders (each shared by over {PLACEHOLDER_SHARE} records): {counts}"


# The normalised columns that hold a role's value: a record with none of them, no update time
# and no attribute holds nothing but its id.
VALUES = (
    "first_name", "last_name", "date_of_birth", "email", "phone", "address_line", "city",
    "postcode", "country", "national_id", "source_id",
)  # fmt: skip


def _written(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """True where a raw column holds a value as silver reads it (not blank, no missing word)."""
    text = read_as_silver(values)
    return pc.fill_null(pc.not_equal(pc.utf8_trim_whitespace(text), ""), False).to_numpy(
        zero_copy_only=False
    )


def valueless(normalised: pa.Table) -> np.ndarray:
    """True for the records without any role's value as identity reads it ("10 Kunden" is no
    e-mail)."""
    held = np.zeros(normalised.num_rows, dtype=bool)
    for column in (c for c in VALUES if c in normalised.column_names):
        held |= normalised.column(column).is_valid().to_numpy(zero_copy_only=False)
    return ~held


def bare(normalised: pa.Table, raw: pa.Table, source: IdentitySource) -> np.ndarray:
    """True for the records holding nothing but their id: no role's value (``valueless``), and
    nothing written where the update time or an attribute goes."""
    held = ~valueless(normalised)
    if held.all():
        return ~held
    rest = np.flatnonzero(~held)  # only the raw text of the few records left is read
    dated = [source.updated_at] if source.updated_at else []
    for column in [*source.attributes.values(), *dated]:
        held[rest] |= _written(raw.column(column).take(pa.array(rest)))
    return ~held


def referred_to(workspace: Path, source: IdentitySource, ids: pa.Array) -> np.ndarray:
    """True for the ``ids`` a landed source table refers to (an order's ``customer_id``): their
    records carry facts to the customer they make."""
    found = np.zeros(len(ids), dtype=bool)
    for table in contracts.SOURCE_TABLES:
        for column, parent, key in table.foreign_keys():
            if (parent, key) != (source.table, source.id) or table.name == source.table:
                continue
            folder = lake.table_dir(workspace, "bronze", table.name)
            if not folder.exists() or column not in lake.open_dataset(folder).schema.names:
                continue
            named = _ids(lake.read_table(workspace, "bronze", table.name, [column])[column])
            found |= pc.is_in(ids, value_set=pc.unique(named).drop_null()).to_numpy(
                zero_copy_only=False
            )
    return found


def bare_note(source: str, ids: list[str]) -> str:
    """One line saying how many of a source's records held nothing but their id, and the first."""
    held = (
        "1 record with nothing but its id"
        if len(ids) == 1
        else f"{len(ids):,} records with nothing but their ids"
    )
    return f"{source}: {held} left out (first: '{ids[0]}')"


def matchable(table: pa.Table) -> pa.Array:
    """True for records with a name or an identifying value to compare."""
    present = [c for c in MATCHABLE if c in table.column_names]
    mask = np.zeros(table.num_rows, dtype=bool)
    for column in present:
        mask |= table.column(column).is_valid().to_numpy(zero_copy_only=False)
    return pa.array(mask)


def date_order(workspace: Path, table: str) -> str:
    """How ``table``'s file writes dates, as c360.yaml's ``csv:`` says (ISO unless it does)."""
    dialects = config.load(workspace).csv
    return dialects[table].dates if table in dialects else "year_first"


def check_landed(workspace: Path, name: str, source: IdentitySource) -> None:
    """Raise ``IdentityConfigError`` unless the source's table is in bronze with every column
    the project file names for it (read from the table's schema; a name it lacks, from the keys
    of ``_extra``)."""
    folder = lake.table_dir(workspace, "bronze", source.table)
    if not folder.exists():
        raise IdentityConfigError(
            f"identity source {name!r}: table {source.table} has not been landed in bronze "
            f"(the workspace has no file for it: add one, or drop {name} from identity: "
            "sources: in c360.yaml)"
        )
    dataset = ds.dataset(folder, format="parquet")
    missing = sorted(set(named_columns(source)) - set(dataset.schema.names))
    if missing and EXTRA in dataset.schema.names:
        kept = _extra_keys(dataset.to_table(columns=[EXTRA]).column(EXTRA))
        missing = [column for column in missing if column not in kept]
    if missing:
        raise IdentityConfigError(
            f"identity source {name!r}: table {source.table} has no column {', '.join(missing)}"
        )


def named_columns(source: IdentitySource) -> list[str]:
    """The columns the project file names for a source: its id, roles, attributes, update time."""
    named = [source.id, *source.roles.values(), *source.attributes.values()]
    return named + ([source.updated_at] if source.updated_at else [])


def read_source(workspace: Path, source: IdentitySource) -> pa.Table:
    """A source's bronze table, with each column the project file names that bronze kept in
    ``_extra`` (a file's column its contract lacks, landed under ``schema_drift: evolve``) as a
    column of its own."""
    table = lake.read_table(workspace, "bronze", source.table)
    wanted = [c for c in dict.fromkeys(named_columns(source)) if c not in table.column_names]
    if not wanted or EXTRA not in table.column_names:
        return table
    rows = [json.loads(v) if v else {} for v in table.column(EXTRA).to_pylist()]
    for column in wanted:
        values = [row.get(column) for row in rows]
        table = table.append_column(
            column, pa.array([None if v is None else str(v) for v in values], pa.string())
        )
    return table


def _extra_keys(extra: pa.ChunkedArray) -> set[str]:
    """The keys ``_extra`` holds in any row."""
    return {key for v in extra.unique().to_pylist() if v for key in json.loads(v)}


def gather(workspace: Path, identity: Identity) -> Records:
    """Every configured source's records, normalised, one row per record."""
    if not identity.sources:
        raise IdentityConfigError(
            "no identity sources: add identity.sources to c360.yaml (a table, its id column and "
            "a role for each column to match on)"
        )
    parts, duplicates = [], {}
    left_out: dict[str, list[str]] = {}  # source -> ids of records holding nothing else
    for name, source in identity.sources.items():
        check_landed(workspace, name, source)
        raw, dropped = one_per_id(read_source(workspace, source), source.id)
        roles = source_roles(name, source, raw, date_order(workspace, source.table))
        duplicates[name] = dropped
        normalised = normalise_records(roles.drop_columns(["source", "record_id"]))
        part = normalised.append_column("source", roles.column("source")).append_column(
            "record_id", roles.column("record_id")
        )
        left_out[name] = []
        if (empty := bare(normalised, raw, source)).any():
            ids = part.column("record_id").combine_chunks()
            empty &= ~referred_to(workspace, source, ids)
            left_out[name] = ids.filter(pa.array(empty)).to_pylist()
            part = part.filter(pa.array(~empty))
        parts.append(part)
    table, placeholders = without_placeholders(pa.concat_tables(parts, promote_options="default"))
    table = table.append_column("matchable", matchable(table))
    unmatchable = table.num_rows - (pc.sum(table.column("matchable")).as_py() or 0)
    return Records(table, duplicates, unmatchable, placeholders, left_out)
