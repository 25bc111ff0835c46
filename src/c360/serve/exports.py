"""CSV and gzipped JSON-lines exports of the gold tables, for BI tools and APIs.

``exports/csv/<table>.csv`` is plain CSV, which every BI tool opens: a header row, ISO-8601
timestamps and lists as JSON arrays. ``exports/json/<table>.jsonl.gz`` has one JSON object per
line, gzipped to about a tenth of its size (programs read it as it is: pandas, DuckDB, Spark and
the warehouses' bulk loaders). Floats keep 15 significant digits, as many as a double holds: 66.74,
not 66.74000000000001. A missing value, NULL or NaN, is an empty CSV field and a JSON null;
±infinity, which JSON cannot hold, is null there and ``inf`` / ``-inf`` in the CSV (pandas,
DuckDB, Arrow and PostgreSQL's COPY read them back). Both files are encoded column by column with
Arrow compute (no row loop), batch by batch; a column's text is encoded once for both, and tables
are exported two at a time (Arrow and zlib work outside the GIL). Each file is replaced
atomically, and reruns write the same bytes (the gzip header holds no time nor file name).
``exports/.c360-exports.json`` lists the tables exported, so that the exports of a table gone
from the lake go and a user's own file in the folders stays. ``exports/_SUCCESS`` says the files
are one complete set: removed before the first file is replaced, written after the last, with
the time it was and the bronze batch the set was built from.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from c360.contracts import GOLD_TABLES
from c360.contracts.model import Table
from c360.pipeline import lake
from c360.serve import GoldTable, gold_tables
from c360.serve.report_kit import ReportWriteError, not_written, write_atomically

# Types whose Arrow text is already their JSON text.
_WRITTEN_AS_IS = (pa.types.is_integer, pa.types.is_boolean, pa.types.is_decimal, pa.types.is_null)
# JSON escapes of the control characters, which a JSON string may not hold raw.
_CONTROL = {chr(i): json.dumps(chr(i))[1:-1] for i in range(32)}
# Years whose ISO text Arrow's cast writes with four digits (and much faster than numpy).
_FOUR_DIGIT_YEARS = (-719_162, 2_932_897)  # 0001-01-01 to 10000-01-01, in days from 1970
_PER_SECOND = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}
_WORKERS = 2
# The most bytes, and values, that a string array's int32 offsets reach.
_LONGEST = 2**31 - 1
# JSON lines shrink ~11 times at level 3, in half the time of zlib's default 6 (~14 times).
_GZIP_LEVEL = 3
# Powers of ten a double holds exactly, which scale a float to 15 digits and back without error.
_POWERS = pa.array([float(10**i) for i in range(23)])
# Each table's files, by folder; then what earlier versions wrote (uncompressed JSON lines).
_FILES = ("csv/{}.csv", "json/{}.jsonl.gz")
_FORMER = ("json/{}.json",)
# Beside the folders: the tables c360 exported, so that it removes its own files and no other.
MANIFEST = ".c360-exports.json"
# Beside them too, as Hadoop and Spark name it: the exports are complete (JSON: when, which batch).
SUCCESS = "_SUCCESS"


def export_all(workspace: Path, contracts: Iterable[Table] | None = None) -> dict[str, int]:
    """Write the CSV and JSON-lines export of every gold table, and remove those c360 wrote of
    tables the lake no longer holds, and its files of an earlier format (any other file in the
    folders is the user's and stays); returns rows per table. ``_SUCCESS`` goes first and comes
    back last: an export that fails or is killed midway leaves none."""
    known = tuple(GOLD_TABLES if contracts is None else contracts)
    golds = gold_tables(workspace, known)
    folder = Path(workspace) / "exports"
    try:
        (folder / SUCCESS).unlink(missing_ok=True)
    except OSError as exc:  # kept, it would mark the files replaced next as a complete set
        raise not_written(str(folder / SUCCESS), exc) from None
    for pattern in ("csv/.*.tmp", "json/.*.tmp", f".{MANIFEST}.*.tmp", f".{SUCCESS}.*.tmp"):
        for left in folder.glob(pattern):  # what a killed export was writing
            with suppress(OSError):  # a read-only folder: writing the export tells, naming it
                left.unlink()
    names, recorded = {gold.name for gold in golds}, _recorded(folder)
    if names - recorded:  # recorded first: a killed export leaves no file of c360's unrecorded
        _record(folder, recorded | names)
    with ThreadPoolExecutor(_WORKERS) as pool:
        rows = list(pool.map(lambda gold: _export_table(workspace, gold), golds))
    # A contract's table is c360's too, recorded or not (exports written before the record).
    for name in recorded | names | {t.name for t in known}:
        for pattern in _FORMER if name in names else _FILES + _FORMER:
            (folder / pattern.format(name)).unlink(missing_ok=True)
    if recorded - names:
        _record(folder, names)
    if folder.is_dir():  # no gold, nor exports before: nothing to mark
        done = {"finished_at": _now().isoformat(timespec="seconds"), "batch_id": _batch(workspace)}
        write_atomically(folder / SUCCESS, json.dumps(done, indent=1) + "\n")
    return {gold.name: n for gold, n in zip(golds, rows, strict=True)}


def _now() -> datetime:
    return datetime.now(UTC)


def _batch(workspace: Path) -> str | None:
    """The bronze batch gold was built from: the newest ``_batch_id`` of the bronze tables (a
    run lands every source under one); None without bronze, or one without the column."""
    bronze = Path(workspace) / "lake" / "bronze"
    found = []
    for folder in bronze.iterdir() if bronze.is_dir() else ():
        if folder.name.startswith(".") or not folder.is_dir():  # a table being written
            continue
        with suppress(OSError, pa.ArrowException, KeyError, ValueError):
            first = lake.open_dataset(folder).head(1, columns=["_batch_id"]).column(0)
            found += [b for b in first.to_pylist() if isinstance(b, str)]
    return max(found, default=None)


def _recorded(folder: Path) -> set[str]:
    """The tables whose exports c360 wrote, as :func:`_record` kept them."""
    try:
        names = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):  # none yet, or spoilt by hand: the contracts' names still go
        return set()
    if not isinstance(names, list):
        return set()
    return {n for n in names if isinstance(n, str) and n == Path(n).name and n[:1] not in ".~"}


def _record(folder: Path, names: set[str]) -> None:
    write_atomically(folder / MANIFEST, json.dumps(sorted(names), indent=1) + "\n")


def _export_table(workspace: Path, gold: GoldTable) -> int:
    csv_path, json_path = (Path(workspace) / "exports" / f.format(gold.name) for f in _FILES)
    try:
        reader = gold.reader()
        for field in reader.schema:  # a table no contract declares may hold any Parquet type
            if not _exportable(field.type):
                raise ReportWriteError(
                    f"cannot write the exports of {gold.name}: column {field.name} is of type "
                    f"{field.type}, which CSV and JSON lines do not hold"
                )
        return _export(reader, csv_path, json_path)
    except ReportWriteError:
        raise
    except OSError as exc:  # a write that names no file (a full disk): the table's exports
        raise not_written(f"the exports of {gold.name} in {csv_path.parent.parent}", exc) from None


def _exportable(kind: pa.DataType) -> bool:
    """Whether both files can hold values of type ``kind`` (as :func:`_json_text` writes them)."""
    if pa.types.is_dictionary(kind):
        return _exportable(kind.value_type)
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return _exportable(kind.value_type)
    simple = (pa.types.is_string, pa.types.is_large_string, pa.types.is_timestamp,
              pa.types.is_date, pa.types.is_floating, *_WRITTEN_AS_IS)  # fmt: skip
    return any(is_kind(kind) for is_kind in simple)


def _export(reader: pa.RecordBatchReader, csv_path: Path, json_path: Path) -> int:
    temps = [p.with_name(f".{p.name}.{os.getpid()}.tmp") for p in (csv_path, json_path)]
    rows = 0
    try:
        for path in temps:
            path.parent.mkdir(parents=True, exist_ok=True)
        csv_schema = for_csv(reader.schema.empty_table()).schema
        with (
            pcsv.CSVWriter(str(temps[0]), csv_schema) as csv_out,
            open(temps[1], "wb") as raw,
            gzip.GzipFile("", "wb", _GZIP_LEVEL, raw, mtime=0) as js,
        ):
            for batch in reader:
                csv_columns, lines = _encode(batch)
                csv_out.write(pa.record_batch(csv_columns, schema=csv_schema))
                _write_lines(js, lines)
                rows += batch.num_rows
        os.replace(temps[0], csv_path)
        os.replace(temps[1], json_path)
    except BaseException as exc:
        for path in temps:
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError) and (named := _named(exc, temps, (csv_path, json_path))):
            raise not_written(str(named), exc) from None
        raise
    return rows


def _named(exc: OSError, temps: list[Path], paths: tuple[Path, Path]) -> Path | None:
    """The file ``exc`` is about, as the user knows it: an export, not its temporary file
    (Arrow names the file in its message), or a folder; ``None`` when it names none."""
    said = f"{exc.filename}\0{exc.filename2}\0{exc}"
    named = [path for temp, path in zip(temps, paths, strict=True) if str(temp) in said]
    folder = Path(exc.filename) if isinstance(exc.filename, str) else None
    return named[0] if named else folder


def for_csv(data: pa.Table) -> pa.Table:
    """``data`` with timestamps as ISO-8601 text and lists as JSON arrays (CSV has neither),
    floats to 15 significant digits."""
    columns = [_csv_values(_decoded(col.combine_chunks())) for col in data.columns]
    return pa.table(columns, names=data.column_names)


def json_lines(data: pa.RecordBatch | pa.Table) -> bytes:
    """One JSON object per row, each line ending in a newline."""
    batches = data.to_batches() if isinstance(data, pa.Table) else [data]
    return b"".join(_bytes(_encode(batch)[1]) for batch in batches if batch.num_rows)


def _encode(batch: pa.RecordBatch) -> tuple[list[pa.Array], pa.Array]:
    """The batch's CSV columns and its JSON lines, each column's text encoded once."""
    csv_columns, pieces, closing = [], [], ""
    for i, (name, raw) in enumerate(zip(batch.schema.names, batch.columns, strict=True)):
        col = _decoded(raw)
        plain = _plain(col)
        values, bare = _json_text(col, plain)
        csv_columns.append(_csv_values(col, plain, values))
        # Text without NULLs takes its quotes from the pieces around it: no copy to quote it.
        opening = '"' if bare else ""
        pieces += [closing + ("{" if i == 0 else ",") + json.dumps(name) + ":" + opening, values]
        closing = opening
    if not pieces:
        return csv_columns, pa.array(["{}\n"] * batch.num_rows, pa.string())
    return csv_columns, pc.binary_join_element_wise(*pieces, closing + "}\n", "")


def _decoded(col: pa.Array) -> pa.Array:
    """A dictionary column (pandas writes categories so) as the values it stands for."""
    return col.dictionary_decode() if pa.types.is_dictionary(col.type) else col


def _csv_values(
    col: pa.Array, plain: pa.Array | None = None, values: pa.Array | None = None
) -> pa.Array:
    if pa.types.is_floating(col.type):
        return _without_nan(_plain(col) if plain is None else plain)
    if not (pa.types.is_list(col.type) or pa.types.is_large_list(col.type)):
        return _plain(col) if plain is None else plain
    values = _json_values(col) if values is None else values
    return pc.if_else(pc.is_null(col), pa.scalar(None, pa.string()), values)


def _without_nan(col: pa.Array) -> pa.Array:
    """Floats with NaN as NULL, which CSV writes as an empty field (infinity stays)."""
    nan = pc.is_nan(col)
    if not pc.any(nan).as_py():
        return col
    return pc.if_else(nan, pa.scalar(None, col.type), col)


def _json_values(col: pa.Array, plain: pa.Array | None = None) -> pa.Array:
    """Each value of ``col`` as JSON text; NULL (and NaN or infinity) as ``null``."""
    text, bare = _json_text(col, plain)
    return _quoted(text) if bare else text


def _json_text(col: pa.Array, plain: pa.Array | None = None) -> tuple[pa.Array, bool]:
    """:func:`_json_values`, but a column of text, times or dates without NULLs comes without
    its quotes (True), for the caller to add."""
    kind = col.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text = _escaped(col)
    elif pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        text = _plain(col) if plain is None else plain  # ISO text: nothing to escape
    else:
        return pc.fill_null(_json_other(col, plain).cast(pa.string()), "null"), False
    if col.null_count == 0:
        return text.cast(pa.string()), True
    return pc.fill_null(_quoted(text).cast(pa.string()), "null"), False


def _json_other(col: pa.Array, plain: pa.Array | None) -> pa.Array:
    """JSON text of a column neither of text nor of times; NULL stays NULL."""
    kind = col.type
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        first, last = col.offsets[0].as_py(), col.offsets[-1].as_py()
        items = _json_values(_decoded(col.values.slice(first, last - first)))
        offsets = pc.subtract(col.offsets, col.offsets[0])
        rebuilt = type(col).from_arrays(offsets, items, mask=col.is_null())
        return pc.binary_join_element_wise("[", pc.binary_join(rebuilt, ","), "]", "")
    if pa.types.is_floating(kind):
        digits = (_plain(col) if plain is None else plain).cast(pa.string())
        return pc.if_else(pc.is_finite(col), digits, pa.scalar(None, pa.string()))
    if any(is_kind(kind) for is_kind in _WRITTEN_AS_IS):
        return col.cast(pa.string())
    raise TypeError(f"cannot export a column of type {kind} as JSON")


def _quoted(text: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise('"', text, '"', "")


def _escaped(col: pa.Array) -> pa.Array:
    """Text as inside JSON's quotes: quotes and backslashes escaped in one pass over the bytes,
    then control characters in the rows holding one."""
    text = col.cast(pa.string())
    data = np.frombuffer(_data(text), np.uint8)
    hits = np.flatnonzero((data == 34) | (data == 92))
    if len(hits):
        text = _escape_quotes(text, hits)
    if (data < 32).any():
        text = _escape_rows(text, r"[\x00-\x1f]", _CONTROL.items())
    return text


def _escape_quotes(text: pa.Array, hits: np.ndarray) -> pa.Array:
    """``text`` with a backslash before each quote and backslash, at ``hits`` in its bytes.

    Each value is cut before each of its hits and its pieces joined again with a backslash:
    Arrow's join copies the pieces, which stay views of ``text``'s buffer."""
    n, count = len(text), len(hits)
    if len(_data(text)) + count > _LONGEST or n + count > _LONGEST:  # beyond int32 offsets
        return _escape_rows(text, r'["\\]', (("\\", "\\\\"), ('"', '\\"')))
    _, offsets, data = text.buffers()
    starts = np.frombuffer(offsets, np.int32)[text.offset : text.offset + n + 1]
    hits = hits.astype(np.int32) + starts[0]  # in the buffer, int32 as the offsets
    before = np.searchsorted(hits, starts).astype(np.int32)  # hits before each value's start
    cuts = np.insert(hits, before, starts)  # a value starting with a hit: an empty first piece
    pieces = pa.Array.from_buffers(pa.string(), n + count, [None, pa.py_buffer(cuts), data])
    firsts = pa.array(np.arange(n + 1, dtype=np.int32) + before)
    mask = text.is_null() if text.null_count else None
    return pc.binary_join(pa.ListArray.from_arrays(firsts, pieces, mask=mask), "\\")


def _escape_rows(text: pa.Array, pattern: str, escapes: Iterable[tuple[str, str]]) -> pa.Array:
    """``text`` with each ``(raw, escaped)`` replaced in order, in the rows ``pattern`` finds."""
    special = pc.match_substring_regex(text, pattern)
    whole = pc.all(special).as_py()
    few = text if whole else pc.filter(text, special)
    for raw, escaped in escapes:
        few = pc.replace_substring(few, raw, escaped)
    return few if whole else pc.replace_with_mask(text, special, few)


def _plain(col: pa.Array) -> pa.Array:
    """``col`` as both files write it: timestamps and dates as ISO text, doubles to 15 digits
    (a float32's shortest text has 9 at most)."""
    return _fifteen_digits(col) if col.type == pa.float64() else _iso(col)


def _fifteen_digits(col: pa.Array) -> pa.Array:
    """Floats rounded to 15 significant digits, so that their shortest text has no more: the
    noise of sums (0.1 + 0.2 = 0.30000000000000004) goes. Magnitudes from 1e-8 to 1e15, which an
    exact power of ten scales, are rounded; any other value (zero, NaN, infinity) stays as it is."""
    size = pc.abs(col)
    magnitude = pc.floor(pc.log10(size))
    # log10 rounds: just under a power of ten (999999999999998.5) it can give the power itself
    lower = pc.subtract(magnitude, 1)
    magnitude = pc.if_else(pc.less(size, pc.power(10.0, magnitude)), lower, magnitude)
    shift = pc.subtract(14, magnitude)
    inside = pc.fill_null(pc.and_(pc.greater_equal(shift, 0), pc.less_equal(shift, 22)), False)
    scale = pc.take(_POWERS, pc.if_else(inside, shift, 0).cast(pa.int8()))
    return pc.if_else(inside, pc.divide(pc.round(pc.multiply(col, scale)), scale), col)


def _iso(col: pa.Array) -> pa.Array:
    """Timestamps as ``2024-03-01T09:30:00`` (UTC with ``Z`` when zoned); dates as is."""
    kind = col.type
    if not pa.types.is_date(kind) and not pa.types.is_timestamp(kind):
        return col
    low, high = pc.min_max(col).values()
    first, end = (days * _per_day(kind) for days in _FOUR_DIGIT_YEARS)
    if not (low.is_valid and first <= low.value and high.value < end):
        return _iso_any_year(col)
    if pa.types.is_date(kind):
        return col.cast(pa.string())
    utc = col if kind.tz is None else col.cast(pa.timestamp(kind.unit, tz="UTC"))
    # Arrow's cast writes ``2024-03-01 09:30:00`` (``Z`` when in UTC): only the 'T' differs.
    return _with_t(utc.cast(pa.string()))


def _per_day(kind: pa.DataType) -> int:
    """How many of a date's or timestamp's stored units make a day."""
    if pa.types.is_timestamp(kind):
        return 86_400 * _PER_SECOND[kind.unit]
    return 1 if pa.types.is_date32(kind) else 86_400_000  # date64 counts milliseconds


def _iso_any_year(col: pa.Array) -> pa.Array:
    """:func:`_iso` of dates or timestamps of any year, worked out with numpy: Arrow's cast
    and strftime wrap a year beyond ±32,767 round (40000 becomes -25536) or write
    ``<value out of range: …>``. The year has four digits at least, and a minus sign before
    year 0 (1 BC), as Arrow writes it."""
    kind = col.type
    stored = pa.int32() if pa.types.is_date32(kind) else pa.int64()
    ticks = pc.fill_null(col.view(stored), 0).to_numpy().astype(np.int64)
    days, rest = np.divmod(ticks, _per_day(kind))
    # Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count.
    shifted = days + 719_468  # days from 0000-03-01, which starts a 400-year era
    era = shifted // 146_097
    of_era = shifted - era * 146_097
    year_of_era = (of_era - of_era // 1460 + of_era // 36_524 - of_era // 146_096) // 365
    of_year = of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    march_month = (5 * of_year + 2) // 153  # 0 is March
    day = of_year - (153 * march_month + 2) // 5 + 1
    month = np.where(march_month < 10, march_month + 3, march_month - 9)
    year = year_of_era + era * 400 + (month <= 2)
    sign = pa.array(np.where(year < 0, "-", ""), pa.string())
    pieces = [sign, _padded(np.abs(year), 4), "-", _padded(month, 2), "-", _padded(day, 2)]
    if pa.types.is_timestamp(kind):
        per_second = _PER_SECOND[kind.unit]
        seconds, fraction = np.divmod(rest, per_second)
        hours, minutes = seconds // 3600, seconds // 60 % 60
        pieces += ["T", _padded(hours, 2), ":", _padded(minutes, 2), ":", _padded(seconds % 60, 2)]
        if per_second > 1:
            pieces += [".", _padded(fraction, len(str(per_second)) - 1)]
        if kind.tz is not None:
            pieces.append("Z")
    text = pc.binary_join_element_wise(*pieces, "")
    return pc.if_else(col.is_valid(), text, pa.scalar(None, pa.string()))


def _padded(numbers: np.ndarray, width: int) -> pa.Array:
    """Non-negative integers as text, zeros before them up to ``width`` characters."""
    return pc.utf8_lpad(pa.array(numbers, pa.int64()).cast(pa.string()), width=width, padding="0")


def _with_t(text: pa.Array) -> pa.Array:
    """ISO text with a 'T' for the space after the date: the eleventh byte of each value."""
    validity, offsets, data = text.buffers()
    starts = np.frombuffer(offsets, np.int32)[text.offset : text.offset + len(text)]
    if text.null_count:
        starts = starts[np.asarray(text.is_valid())]
    body = np.frombuffer(data, np.uint8).copy()
    body[starts + 10] = ord("T")
    buffers = [validity, offsets, pa.py_buffer(body)]
    return pa.Array.from_buffers(pa.string(), len(text), buffers, text.null_count, text.offset)


def _write_lines(out: gzip.GzipFile, lines: pa.Array) -> None:
    """Write the values of a string array without NULLs back to back, without copying them."""
    out.write(_data(lines))


def _bytes(lines: pa.Array) -> bytes:
    return bytes(_data(lines))


def _data(lines: pa.Array) -> memoryview:
    """The bytes of a string array's values as one view of its data buffer."""
    if len(lines) == 0:
        return memoryview(b"")
    _, offsets, data = lines.buffers()
    ends = memoryview(offsets).cast("i")
    return memoryview(data)[ends[lines.offset] : ends[lines.offset + len(lines)]]
