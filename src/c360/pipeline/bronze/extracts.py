"""What stops the run before a folder of extracts lands, and what the run report warns of it.

Files the last run landed from it that are gone (their records would leave bronze) and two
files of the same bytes (a re-delivery: the copy named later would take over the files between
them) raise ``SourceError``, keeping the last run's bronze table; dates in the files' names out
of name order (silver keeps a key's record from the file named last, which is then not the
latest extract) are warned of.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from contextlib import suppress
from datetime import date
from itertools import pairwise
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from c360.contracts.model import Table
from c360.file_dialects import PLAIN_CSV, CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import (
    FOLDER_FILES,
    SourceError,
    first_names,
    folder_suffixes,
    visible_files,
)
from c360.pipeline.bronze.count import count
from c360.pipeline.bronze.lineage import relative
from c360.pipeline.bronze.messages import kept, start_over
from c360.pipeline.bronze.textfolder import text_files

# A date in a name, not within a longer number: year first (2024-06-02, 2024_06_02, 20240602)
# or year last (02.06.2024, 02-06-2024, 02_06_2024, 2.6.2024), the day first or the month.
_DATE = re.compile(
    r"(?<!\d)(?:(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<month>\d\d)(?P=sep)(?P<day>\d\d)"
    r"|(?P<first>\d\d?)(?P<sep2>[-_.])(?P<second>\d\d?)(?P=sep2)(?P<last>(?:19|20)\d\d))(?!\d)"
)


def folder_warnings(
    workspace: Path, contract: Table, name: str, folder: Path, dialect: CsvFile = PLAIN_CSV
) -> list[str]:
    """What the run report says of a source folder (``name``, as errors call it): dates in its
    files' names out of name order; files the last run landed from it that are gone, or two
    files of the same bytes (CSV files written as ``dialect`` says), raise ``SourceError``."""
    if not folder.is_dir():
        return []
    inside = len(os.path.join(folder, ""))
    files = [file[inside:].replace(os.sep, "/") for file in _landing(folder, contract)]
    refuse_gone(workspace, contract, name, folder, files)
    if contract.file_format == "text":  # a note's key is its name: none is taken over another
        return []
    refuse_copies(contract, name, folder, files, dialect)
    return date_order_warning(name, files)


def refuse_gone(
    workspace: Path, contract: Table, name: str, folder: Path, files: list[str]
) -> None:
    """Raise ``SourceError`` when files the last run landed from ``folder`` (its bronze
    table's ``_source_file``) are not among its ``files`` now (named inside it): how many, the
    first three by name, and the records that would leave bronze with them. An extract
    compressed since (``a.csv`` become ``a.csv.gz``) is not gone."""
    landed = _landed_before(workspace, contract.name)
    if landed is None:
        return
    prefix = relative(str(folder), workspace).rstrip("/") + "/"
    distinct = pc.drop_null(pc.unique(landed).cast(pa.string()))
    there = pa.array([prefix + file for file in files], pa.string())
    missing = distinct.filter(
        pc.invert(pc.is_in(distinct, value_set=there)), null_selection_behavior="drop"
    )
    if not len(missing):  # every file the last run landed is there (the usual case)
        return
    plain = {_plain(file) for file in files}
    gone = sorted(
        file
        for file in missing.to_pylist()
        if file.startswith(prefix) and _plain(file[len(prefix) :]) not in plain
    )
    if not gone:
        return
    n = len(gone)
    records = pc.sum(pc.is_in(landed, value_set=pa.array(gone, pa.string()))).as_py()
    raise SourceError(
        f"{name}: {n:,} file{'s' * (n > 1)} the last run landed {'are' if n > 1 else 'is'} "
        f"gone ({first_names([file[len(prefix) :] for file in gone])}): "
        f"{'their' if n > 1 else 'its'} {records:,} record{'s' * (records != 1)} would leave "
        f"bronze; put {'them' if n > 1 else 'it'} back, or "
        f"{start_over(workspace, contract, 'the folder')}"
    )


def refuse_copies(
    contract: Table, name: str, folder: Path, files: list[str], dialect: CsvFile = PLAIN_CSV
) -> None:
    """Raise ``SourceError`` when two of a folder's ``files`` (by name) hold records and the
    same bytes, a delivery made twice: the copy named later would take over the records of the
    files between them, undoing their updates. Only files of the same size are hashed."""
    by_size: defaultdict[int, list[int]] = defaultdict(list)
    for i, file in enumerate(files):
        with suppress(OSError):  # one that cannot be read stops the run when it is read
            by_size[(folder / file).stat().st_size].append(i)
    pairs = []
    for size, alike in by_size.items():
        if size == 0 or len(alike) < 2:
            continue
        first: dict[bytes, int] = {}
        for i in alike:
            digest = _sha256(folder / files[i])
            if digest is not None and first.setdefault(digest, i) != i:
                pairs.append((first[digest], i))
    for earlier, later in sorted(pairs):
        if count(folder / files[later], contract, dialect=dialect):  # not two headers alone
            between = files[earlier + 1 : later]
            n = len(between)
            undone = (
                f"named later, it would take over the {n:,} file{'s' * (n > 1)} between them "
                f"({first_names(between)}), undoing their updates"
                if between
                else "its records would land twice"
            )
            raise SourceError(
                f"{name}: {files[later]} holds the same bytes as {files[earlier]} (delivered "
                f"twice?): {undone}; remove one of the two; {kept(contract)}"
            )


def _sha256(file: Path) -> bytes | None:
    """A file's SHA-256, read a block at a time; none when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with file.open("rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.digest()


def date_order_warning(name: str, files: list[str]) -> list[str]:
    """What the run report says when two of a folder's ``files`` (by name) hold dates in
    another order than their names': the first such pair, and how to name them instead."""
    day_first = _day_first(files)
    dated = [(file, found) for file in files if (found := _dated(file, day_first))]
    for (first, (day, _)), (second, (earlier, where)) in pairwise(dated):
        if earlier < day:
            suggested = second[: where[0]] + earlier.isoformat() + second[where[1] :]
            return [
                f"{name}: the dates in the file names are not in name order ({second} is named "
                f"after {first} but dated before it): a later extract is taken by its name, so "
                f"a record in both is kept from {second}; name the files alike but for the "
                f"date, written year first ({suggested}), for name order to be date order"
            ]
    return []


def name_date(name: str, day_first: bool) -> date | None:
    """The first date a file's name holds (``orders_2024-06-02.csv``, ``02.06.2024.csv``),
    one whose year comes last read day first or month first, if any."""
    found = _dated(name, day_first)
    return found[0] if found else None


def _dated(name: str, day_first: bool) -> tuple[date, tuple[int, int]] | None:
    """The first date a name holds, and where it is written in it."""
    return next(
        ((found, m.span()) for m in _DATE.finditer(name) if (found := _read(m, day_first))), None
    )


def _read(match: re.Match[str], day_first: bool) -> date | None:
    """The date a match of ``_DATE`` writes, if it is one (not the 31st of February)."""
    if match["year"]:
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    else:
        year, month, day = int(match["last"]), int(match["second"]), int(match["first"])
        if not day_first:
            month, day = day, month
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_first(files: list[str]) -> bool:
    """Whether names writing the year last put the day first, as most of Europe does: unless
    one reads only month first (``06-30-2024``) and none only day first (``30-06-2024``)."""
    day, month = (
        {
            name
            for name in files
            if name_date(name, day_first) and not name_date(name, not day_first)
        }
        for day_first in (True, False)
    )
    return bool(day) or not month


def _plain(file: str) -> str:
    """A file's name but for a ``.gz`` ending, which compressing an extract adds."""
    return file[:-3] if file[-3:].lower() == ".gz" else file


def _landing(folder: Path, contract: Table) -> list[str]:
    """The files of a source folder that land, by path (as ``source_files``, ``parquet_files``
    and ``text_files`` find them)."""
    if contract.file_format == "text":
        return text_files(folder)
    suffixes = folder_suffixes(contract)
    fold = str.lower if contract.file_format in FOLDER_FILES else str
    return [file for file in visible_files(folder) if fold(file).endswith(suffixes)]


def _landed_before(workspace: Path, table: str) -> pa.ChunkedArray | None:
    """The ``_source_file`` of a table's bronze (the last run's), read as a dictionary of its
    few values; none when it is not there or does not read."""
    bronze = lake.table_dir(workspace, "bronze", table)
    if not bronze.is_dir():
        return None
    try:
        return pq.read_table(
            bronze, columns=["_source_file"], read_dictionary=["_source_file"]
        ).column(0)
    except (OSError, pa.ArrowException):
        return None
