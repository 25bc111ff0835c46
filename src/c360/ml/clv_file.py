"""Anyone's transactions file fitted with the CLV models: the standalone ``c360 clv fit``.

Every column is read as text (:func:`c360.identity.files.read_rows`: CSV of any common dialect,
JSON lines or Parquet; a folder of Parquet files, as the lake writes, is read as one table; a
file compressed with gzip as the file it holds, :mod:`c360.ml.clv_gzip`),
numbers of a typed Parquet column as numbers. A row whose customer is blank, whose date or
amount cannot be read, whose amount is negative (a refund, not a purchase) or 1e15 or more (a
typo: no purchase moves that much, and a double no longer holds its cents), or whose date is
after today or before 1900 (a typo) is skipped and counted under its reason, never fatal; so is
a CSV row of another number of values than its header names. A Parquet column of bytes is read
as UTF-8 text; ids of raw bytes are written in hex, the ids of a UUID column in their usual
form.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from c360.errors import first_line
from c360.identity.files import PARQUET, UnreadableFileError, is_number, read_rows
from c360.ml.clv import rfm_summary
from c360.ml.clv_fit import ClvFit, fit_clv
from c360.ml.clv_gzip import is_gzip, read_gzip

# Day, month and year as writers put them; the time of day (and any zone) is ignored, so a
# purchase counts on the day written. d/m/y versus m/d/y is decided per file.
_YMD = (
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?$",
    r"^(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?:[T ].*)?$",
    r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$",
)
_SLASHED = r"^(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<y>\d{4})(?:[T ,].*)?$"
# A month's English name or its first three letters, any case: "2 Jan 1980", "02-Jan-1980",
# "Jan 2, 1980", "January 2 1980". Only dates no pattern above reads are tried.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?P<m>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))"
)
_APART = r"(?:\.?\s+|\s*[-/.]\s*)"  # "Jan 2", "Jan. 2", "2-Jan", "2 / Jan"
_NAMED = (
    rf"^(?P<d>\d{{1,2}}){_APART}{_MONTH}{_APART}(?P<y>\d{{4}})(?:[T ,].*)?$",
    rf"^{_MONTH}{_APART}(?P<d>\d{{1,2}})(?:,\s*|{_APART})(?P<y>\d{{4}})(?:[T ,].*)?$",
)
# Amounts: a single '.' or ',' is the decimal point (but see _ONE_GROUP); otherwise the last one
# is, and the other groups thousands ("1.234,50", "1,234.50"). Spaces, apostrophes and currency
# signs are dropped.
_NOISE = r"[\s\x{a0}\x{202f}'€$£]|EUR|eur"
_PLAIN = r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$"  # 1.5e3 as a program writes it
_COMMA_THOUSANDS = r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"
_DOT_THOUSANDS = r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"
# One group of three digits ("1,234", "1.234") is a decimal or a thousand, as the file writes its
# decimals elsewhere ("12,50", "0,125", "1.234,5"): a thousand after the other sign, a decimal
# after that one; a thousand when no value shows its decimal point (cents have two digits). A
# file showing both (exports put end to end) has every other amount read as it is written, and
# such a one skipped: it reads two ways.
_ONE_GROUP = r"^[+-]?[1-9]\d{0,2}%s\d{3}$"
_EXPONENT = r"([eE][+-]?\d+)?$"
_COMMA_DECIMAL = r"^[+-]?(\d+,\d*|,\d+|\d{1,3}(\.\d{3})+,\d*)" + _EXPONENT
_DOT_DECIMAL = r"^[+-]?(\d+\.\d*|\.\d+|\d{1,3}(,\d{3})+\.\d*)" + _EXPONENT
EXAMPLES = 5  # row numbers kept per reason, to show where to look
EARLIEST = dt.date(1900, 1, 1)  # before it, a typo (0024 for 2024): centuries of history
CEILING = 1e15  # from it up, a typo: an amount no purchase reaches
FORMATS = "a CSV, JSON lines or Parquet file (or one of them compressed with gzip)"
_FILES_ASK = "give a CSV, JSON lines or Parquet file"  # what c360.identity.files asks for
TWO_WAYS = "amount that reads two ways (1,234 where both '.' and ',' are decimal points)"


class ClvFileError(ValueError):
    """The file cannot be fitted: missing, unreadable, empty or lacking a named column."""


@dataclass(frozen=True)
class Skipped:
    """Rows left out for one reason: how many, and the first few (counted from 1 after the
    header)."""

    reason: str
    count: int
    rows: list[int]


@dataclass(frozen=True)
class FileFit:
    """A file's CLV fit, with what was read and what was skipped."""

    path: Path
    rows: int
    as_of: dt.date
    skipped: list[Skipped]
    fit: ClvFit
    notes: list[str]


def fit_file(
    path: Path,
    customer: str,
    date: str,
    amount: str,
    as_of: dt.date | None = None,
    horizon_months: int = 12,
    discount_rate: float = 0.10,
) -> FileFit:
    """Read ``path``, skip and count the rows that cannot be purchases, fit both models."""
    table, notes, uneven, parts = read_transactions(path, (customer, date, amount))
    if not table.column_names:  # a Parquet file may hold a schema of no column
        raise ClvFileError(f"{path} has no columns")
    missing = [c for c in (customer, date, amount) if c not in table.column_names]
    if missing:
        raise ClvFileError(
            f"no column {', '.join(map(repr, missing))} in {path} "
            f"(columns: {', '.join(table.column_names)})"
        )
    for name in (customer, date, amount):
        if (count := table.column_names.count(name)) > 1:
            raise ClvFileError(f"{path} has {count} columns named {name!r}: rename all but one")
        if pa.types.is_nested(kind := table.schema.field(name).type):
            raise ClvFileError(f"column {name!r} of {path} holds {kind}, not single values")
    if uneven and not table.num_rows:
        raise ClvFileError(
            f"no row of {path} has the {table.num_columns} values its header names "
            f"({len(uneven)} rows read; {_rows(uneven)})"
        )
    if not table.num_rows:
        raise ClvFileError(f"{path} has a header but no rows")
    text = {
        c: pc.utf8_trim_whitespace(_text(table[c], ids=c == customer)) for c in (customer, date)
    }
    who = pc.if_else(pc.equal(text[customer], ""), None, text[customer])
    day = parse_dates(text[date])
    numbers = _numbers(table.num_rows, uneven)
    value, two_ways, amount_notes = _amounts(path, table[amount], numbers)
    future = pc.greater(day, pa.scalar(dt.date.today(), pa.date32()))  # a typo: 2999 for 2024
    reasons = [
        ("blank customer", pc.is_null(who)),
        ("unreadable date", pc.is_null(day)),
        (TWO_WAYS, two_ways),
        ("unreadable amount", pc.is_null(value)),
        ("amount of 1e15 or more (a typo?)", pc.greater_equal(value, CEILING)),
        ("negative amount (a refund, not a purchase)", pc.less(value, 0)),
        ("dated after today", future),
        ("dated before 1900", pc.less(day, pa.scalar(EARLIEST, pa.date32()))),
    ]
    notes += amount_notes + _day_first_untold(path, text[date], numbers)
    skipped, bad = _skipped(reasons, numbers)
    # By default the observation ends on the last purchase: a refund, or a row of no customer,
    # dated after it does not lengthen every customer's T.
    purchase_days = day.filter(pa.array(~bad))
    end = as_of or (pc.max(purchase_days).as_py() if len(purchase_days) else None)
    later, bad = _skipped(
        [("after the as-of date", pc.greater(day, pa.scalar(end, pa.date32())))], numbers, bad
    )
    skipped += later
    if uneven:
        width = f"wrong number of values (the header names {table.num_columns})"
        skipped.insert(0, Skipped(width, len(uneven), uneven[:EXAMPLES]))
    rows = table.num_rows + len(uneven)
    if end is None or bad.all():
        raise ClvFileError(_nothing_to_fit(path, rows, end, skipped))
    if len(parts) > 1 and skipped:
        notes.append(_placed(path, parts, sorted({n for s in skipped for n in s.rows})))
    keep = pa.array(~bad)
    rfm = rfm_summary(who.filter(keep), day.filter(keep), value.filter(keep), end)
    fit = fit_clv(rfm, horizon_months, discount_rate)
    return FileFit(path, rows, end, skipped, fit, notes)


def read_transactions(
    path: Path, columns: Collection[str] | None = None
) -> tuple[pa.Table, list[str], list[int], list[tuple[str, int]]]:
    """The table of a CSV, JSON lines or Parquet file (compressed with gzip or not) or a folder
    of Parquet files; notes on it; the numbers of the CSV rows left out for holding another
    number of values than the header names; and a folder's files (path inside it, rows) in the
    order their rows are numbered. Given the ``columns`` used, a JSON column of lists or
    objects is left out."""
    if path.is_dir():
        table, parts = _read_folder(path)
        return table, [], [], parts
    uneven: list[int] = []
    try:
        if is_gzip(path):
            table, notes = read_gzip(path, uneven, columns)
        else:
            table, notes = read_rows(path, uneven, columns)
    except UnreadableFileError as exc:
        raise ClvFileError(str(exc).replace(_FILES_ASK, f"give {FORMATS}")) from None
    return table, notes, uneven, []


def _read_folder(path: Path) -> tuple[pa.Table, list[tuple[str, int]]]:
    """Every Parquet file under a folder (Hive partitions such as ``year=2024`` read as columns;
    names starting with '.' or '_' passed over, as the writers' own), in path order."""
    parts = sorted(
        part
        for part in path.rglob("*")
        if part.suffix.lower() in PARQUET
        and part.is_file()
        and not any(name.startswith((".", "_")) for name in part.relative_to(path).parts)
    )
    if not parts:
        raise ClvFileError(
            f"no Parquet file in {path}: give {FORMATS}, or a folder of Parquet files"
        )
    rows = []
    for part in parts:
        try:
            rows.append(pq.read_metadata(part).num_rows)
        except (OSError, pa.ArrowException) as exc:
            raise ClvFileError(f"cannot read {part}: {first_line(exc)}") from None
    try:
        dataset = ds.dataset(
            [str(part) for part in parts],
            format="parquet",
            partitioning="hive",
            partition_base_dir=str(path),
        )
        table = dataset.to_table()
    except (OSError, pa.ArrowException) as exc:
        raise ClvFileError(f"cannot read {path}: {first_line(exc)}") from None
    names = [part.relative_to(path).as_posix() for part in parts]
    return table, list(zip(names, rows, strict=True))


def _placed(path: Path, parts: list[tuple[str, int]], numbers: list[int]) -> str:
    """A note placing the row numbers given (counted through a folder's files) in their files."""
    starts = np.cumsum([0] + [rows for _, rows in parts]).tolist()
    by_part: dict[int, list[int]] = {}
    for number in numbers:
        by_part.setdefault(bisect.bisect_left(starts, number) - 1, []).append(number)
    places = []
    for index, found in by_part.items():
        place = f"{_rows(found)} in {parts[index][0]}"
        if index:
            place += f" (its {_rows([n - starts[index] for n in found])})"
        places.append(place)
    return (
        f"rows of {path} are counted through its {len(parts)} Parquet files in path order: "
        + "; ".join(places)
    )


def _rows(numbers: list[int]) -> str:
    return f"row{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"


def _numbers(rows: int, left_out: list[int]) -> np.ndarray:
    """Each row's number in the file (from 1 after the header), around the rows left out."""
    return np.setdiff1d(np.arange(1, rows + len(left_out) + 1), left_out)


def _amounts(
    path: Path, values: pa.ChunkedArray, numbers: np.ndarray
) -> tuple[pa.Array, pa.Array, list[str]]:
    """A typed column's numbers as they are (NaN is no amount); text through
    :func:`parse_amounts`. Which amounts read two ways (null among the amounts), and a note on
    how the file's decimals decided any (rows numbered by ``numbers``)."""
    if is_number(values.type):
        amounts = _flat(pc.cast(values, pa.float64()))
        return pc.if_else(pc.is_nan(amounts), None, amounts), pa.nulls(len(amounts), pa.bool_()), []
    written = pc.utf8_trim_whitespace(_text(values))
    text = pc.replace_substring_regex(written, _NOISE, "")
    marks = _decimal_points(text)
    two_ways = _two_ways(text, marks)
    notes = _amounts_note(path, written, text, marks, numbers)
    return _parse(text, marks, two_ways), two_ways, notes


def _text(values: pa.ChunkedArray | pa.Array, ids: bool = False) -> pa.Array:
    """A column as text. Bytes are read as UTF-8; where some are not UTF-8 text, a date or an
    amount of them is unreadable (null), while ids of raw bytes are written in hex, the whole
    column alike so that no two ids meet. A UUID column gives each UUID in its usual form."""
    values = _flat(values)
    if isinstance(values.type, pa.BaseExtensionType):  # a UUID's 16 bytes are no text
        return pa.array([None if v is None else str(v) for v in values.to_pylist()], pa.string())
    try:
        return pc.cast(values, pa.string())
    except pa.ArrowInvalid:  # bytes that are not UTF-8
        raw = values.to_pylist()
    if ids:
        return pa.array([None if v is None else bytes(v).hex() for v in raw], pa.string())
    return pa.array([_utf8(v) for v in raw], pa.string())


def _utf8(value: bytes | None) -> str | None:
    try:
        return None if value is None else bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _nothing_to_fit(path: Path, rows: int, end: dt.date | None, skipped: list[Skipped]) -> str:
    """Why no row is left: every purchase after the as-of date, or no row a purchase."""
    later = next((s.count for s in skipped if s.reason == "after the as-of date"), 0)
    if later:
        return (
            f"every purchase of {path} is after the as-of date {end} "
            f"({rows} rows read, {later} of them purchases)"
        )
    return f"no row of {path} has a customer, a readable date and an amount ({rows} rows read)"


def _skipped(
    reasons: list[tuple[str, pa.ChunkedArray | pa.Array]],
    numbers: np.ndarray,
    bad: np.ndarray | None = None,
) -> tuple[list[Skipped], np.ndarray]:
    """Each row not yet ``bad`` under the first reason it meets, shown by its number in
    ``numbers``; the rows met by any, or bad already."""
    bad = np.zeros(len(numbers), dtype=bool) if bad is None else bad.copy()
    skipped = []
    for reason, hits in reasons:
        hit = pc.fill_null(hits, False).to_numpy(zero_copy_only=False) & ~bad
        if hit.any():
            shown = numbers[np.flatnonzero(hit)[:EXAMPLES]]
            skipped.append(Skipped(reason, int(hit.sum()), shown.tolist()))
        bad |= hit
    return skipped, bad


def parse_dates(text: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Dates written as ISO (time ignored), y/m/d, yyyymmdd, d/m/y or m/d/y, or with the
    month's English name or its abbreviation (2 Jan 1980, Jan 2, 1980); null otherwise.

    d/m/y unless the file shows otherwise (a second field above 12 and no first one):

    >>> parse_dates(pa.array(["2024-03-05T10:00:00Z", "05/03/2024", "2024-02-30", "soon"]))
    ... # doctest: +ELLIPSIS
    <pyarrow.lib.Date32Array object at ...>
    [
      2024-03-05,
      2024-03-05,
      null,
      null
    ]
    """
    text = _flat(text)
    parsed = [_iso(pc.extract_regex(text, pattern), "y", "m", "d") for pattern in _YMD]
    slashed, first, second = _slashed(text)
    month_first = (
        bool(pc.any(pc.greater(second, 12)).as_py()) and not pc.any(pc.greater(first, 12)).as_py()
    )
    day, month = ("second", "first") if month_first else ("first", "second")
    parsed.append(_iso(slashed, "y", month, day))
    dates = pc.coalesce(*parsed)
    if dates.null_count == text.null_count:  # every date read: no month name to look for
        return dates
    unread = pc.and_(pc.is_null(dates), pc.is_valid(text))
    return pc.replace_with_mask(dates, unread, _named(pc.filter(text, unread)))


def _named(text: pa.Array) -> pa.Array:
    """The dates of ``text`` whose month is written as a name (:data:`_NAMED`); null for the
    others."""
    named = []
    for pattern in _NAMED:
        parts = pc.extract_regex(text, pattern)
        abbreviation = pc.utf8_lower(pc.utf8_slice_codeunits(pc.struct_field(parts, "m"), 0, 3))
        month = pc.add(pc.index_in(abbreviation, value_set=pa.array(_MONTHS)), 1)
        numbered = pc.make_struct(
            pc.struct_field(parts, "y"),
            pc.cast(month, pa.string()),
            pc.struct_field(parts, "d"),
            field_names=["y", "m", "d"],
        )
        named.append(_iso(numbered, "y", "m", "d"))
    return pc.coalesce(*named)


def _slashed(text: pa.Array) -> tuple[pa.StructArray, pa.Array, pa.Array]:
    """The d/m/y or m/d/y dates' parts, and their first and second fields as numbers."""
    slashed = pc.extract_regex(text, _SLASHED)
    first = _number(pc.struct_field(slashed, "first"))
    return slashed, first, _number(pc.struct_field(slashed, "second"))


def _day_first_untold(
    path: Path, text: pa.ChunkedArray | pa.Array, numbers: np.ndarray
) -> list[str]:
    """A note when the file's d/m/y or m/d/y dates are read day first for want of a day above
    12 (05/03/2024 is 5 March or May 3), naming the first date that reads both ways."""
    text = _flat(text)
    slashed, first, second = _slashed(text)
    if pc.any(pc.greater(first, 12)).as_py() or pc.any(pc.greater(second, 12)).as_py():
        return []
    both = pc.and_(pc.greater_equal(first, 1), pc.greater_equal(second, 1))  # 00 is no date
    two_ways = pc.fill_null(pc.and_(both, pc.not_equal(first, second)), False)
    if not pc.any(two_ways).as_py():
        return []
    at = int(np.flatnonzero(two_ways.to_numpy(zero_copy_only=False))[0])
    shown, day, month = text[at].as_py(), first[at].as_py(), second[at].as_py()
    year = pc.struct_field(slashed, "y")[at].as_py()
    read = f"{day} {dt.date(2000, month, 1):%B} {year}"
    return [
        f"dates of {path}: day first (d/m/y), as {shown} on row {numbers[at]} reads {read}: "
        "no date of the file has a day above 12 to tell d/m/y from m/d/y"
    ]


def _flat(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _number(field: pa.Array) -> pa.Array:
    return pc.cast(pc.if_else(pc.equal(field, ""), None, field), pa.int32())


def _iso(parts: pa.StructArray, year: str, month: str, day: str) -> pa.Array:
    """The dates of matched parts, null where unmatched or not a calendar day (Feb 30, or of
    year 0, which no calendar has and Python cannot hold)."""
    pieces = [pc.struct_field(parts, year)] + [
        pc.utf8_lpad(pc.struct_field(parts, f), 2, "0") for f in (month, day)
    ]
    written = pc.if_else(pc.is_valid(parts), pc.binary_join_element_wise(*pieces, "-"), None)
    stamp = pc.strptime(written, format="%Y-%m-%d", unit="s", error_is_null=True)
    real = pc.equal(pc.strftime(stamp, format="%Y-%m-%d"), written)  # strptime rolls Feb 30 over
    real = pc.and_(real, pc.not_equal(pc.struct_field(parts, year), "0000"))
    return pc.cast(pc.if_else(real, stamp, None), pa.date32())


def parse_amounts(text: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Amounts with '.' or ',' decimals, thousands grouped or not, a currency sign or not; one
    group of three digits is a decimal after the sign the values show as the decimal point, a
    thousand after the other or when none is shown, and null when both are (it reads two ways).

    >>> parse_amounts(pa.array(["12.50", "12,5", "1.234,50", "€1,234.50", "1 234", "n/a"]))
    ... # doctest: +ELLIPSIS
    <pyarrow.lib.DoubleArray object at ...>
    [
      12.5,
      12.5,
      1234.5,
      1234.5,
      1234,
      null
    ]
    """
    text = pc.replace_substring_regex(_flat(text), _NOISE, "")
    marks = _decimal_points(text)
    return _parse(text, marks, _two_ways(text, marks))


def _parse(text: pa.Array, marks: dict[str, int], two_ways: pa.Array) -> pa.Array:
    """:func:`parse_amounts` of values whose noise is dropped, given their decimal points and
    which of them read two ways."""
    dots_decimal = pc.replace_substring(text, ",", "")
    commas_decimal = pc.replace_substring(pc.replace_substring(text, ".", ""), ",", ".")
    thousands = [(r"\.", commas_decimal)] * ("." not in marks)
    thousands += [(",", dots_decimal)] * ("," not in marks)
    number = pc.case_when(
        pc.make_struct(
            *(pc.match_substring_regex(text, _ONE_GROUP % sign) for sign, _ in thousands),
            pc.match_substring_regex(text, _PLAIN),
            pc.match_substring_regex(text, _COMMA_THOUSANDS),
            pc.match_substring_regex(text, _DOT_THOUSANDS),
        ),
        *(read for _, read in thousands),
        pc.replace_substring(text, ",", "."),
        dots_decimal,
        commas_decimal,
    )
    return pc.cast(pc.if_else(pc.fill_null(two_ways, False), None, number), pa.float64())


def _decimal_points(text: pa.Array) -> dict[str, int]:
    """Each sign ('.' or ',') the values (their noise dropped) show as the decimal point, and
    the first value showing it, the first shown first."""
    shown = {}
    for mark, pattern in ((".", _DOT_DECIMAL), (",", _COMMA_DECIMAL)):
        one_group = pc.match_substring_regex(text, _ONE_GROUP % re.escape(mark))
        written = pc.and_not(pc.match_substring_regex(text, pattern), one_group)
        if (first := pc.index(pc.fill_null(written, False), True).as_py()) >= 0:
            shown[mark] = first
    return dict(sorted(shown.items(), key=lambda item: item[1]))


def _two_ways(text: pa.Array, marks: dict[str, int]) -> pa.Array:
    """Which values (their noise dropped) are one group of three digits where both signs are
    shown as the decimal point: "1,234" is then a thousand, or one and a bit."""
    if len(marks) < 2:
        return pa.nulls(len(text), pa.bool_())
    return pc.match_substring_regex(text, _ONE_GROUP % "[.,]")


def _amounts_note(
    path: Path, written: pa.Array, text: pa.Array, marks: dict[str, int], numbers: np.ndarray
) -> list[str]:
    """A note on how one group of three digits was read when the file's decimals decided it,
    or on a file showing both decimal points; or none."""
    one = pc.index(pc.match_substring_regex(text, _ONE_GROUP % "[.,]"), True).as_py()
    if not marks or (one < 0 and len(marks) == 1):
        return []
    if one >= 0:
        digits, shown = text[one].as_py(), written[one].as_py()
        thousand, decimal = float(re.sub("[.,]", "", digits)), float(digits.replace(",", "."))
    if len(marks) == 2:
        examples = " and ".join(
            f"'{mark}' ({written[first].as_py()} on row {numbers[first]})"
            for mark, first in marks.items()
        )
        note = (
            f"amounts of {path}: both {examples} are written as the decimal point: each "
            "amount read as it is written"
        )
        if one >= 0:
            note += f"; {shown} on row {numbers[one]} could be {thousand:g} or {decimal:g}: skipped"
        return [note]
    mark, first = next(iter(marks.items()))
    read, other = (decimal, thousand) if mark in digits else (thousand, decimal)
    return [
        f"amounts of {path}: '{mark}' read as the decimal point ({written[first].as_py()} on "
        f"row {numbers[first]}), so {shown} on row {numbers[one]} is {read:g}, not {other:g}"
    ]
