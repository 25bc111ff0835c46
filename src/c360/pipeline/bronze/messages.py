"""What the run report warns of a landed source: no records, files left aside, another encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

from c360.contracts.model import Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import (
    NOT_UTF8,
    Reject,
    SourceError,
    first_names,
    folder_suffixes,
)

_JSON = ("json", "jsonl", "mongo_jsonl")


def empty_warning(workspace: Path, contract: Table, name: str, no_bytes: bool = True) -> list[str]:
    """What the run report says of a source of no records: some tools write a day without
    data so, but so does a copy that failed or a file cut down to its header; the last run's
    count tells them apart. A file of no bytes (``no_bytes``) is said even on a first run;
    one that holds something (a header, a byte order mark, blank lines) or a folder or a
    database table, only when the last run landed records."""
    warning = f"{name} {_empty(no_bytes)}: no records landed"
    before = landed_before(workspace, contract)
    if before:
        return [f"{warning}, where the last run landed {before}"]
    return [warning] if no_bytes else []


def refuse_emptied(workspace: Path, contract: Table, name: str, no_bytes: bool) -> None:
    """Raise ``SourceError`` for a single file of no records (``no_bytes``: not even a
    header) where the last run landed some: landed, it would empty its table and all that is
    built from it; a first run lands it, said (``empty_warning``)."""
    before = landed_before(workspace, contract)
    if before:
        raise SourceError(
            f"{name} {_empty(no_bytes)}, where the last run landed {before:,} "
            f"record{'s' * (before > 1)}: put its records back, or "
            f"{start_over(workspace, contract, 'it')}"
        )


def start_over(workspace: Path, contract: Table, what: str) -> str:
    """The way out of a stop that keeps a bronze table: deleting it, to land the source as it
    is now (``what``) as on a first run; and that the table was kept."""
    bronze = lake.table_dir(workspace, "bronze", contract.name)
    return (
        f"delete {bronze} to accept {what} as it is and start {contract.name} over; "
        f"{kept(contract)}"
    )


def kept(contract: Table) -> str:
    """What a stop before a source is landed leaves: its bronze table as it was."""
    return f"bronze {contract.name} is kept as it was"


def landed_before(workspace: Path, contract: Table) -> int:
    """The records of a table's bronze (the last run's); none when it is not there or does
    not read."""
    try:
        return lake.count_rows(lake.table_dir(workspace, "bronze", contract.name))
    except OSError:  # no earlier table, or one that does not read
        return 0


def _empty(no_bytes: bool) -> str:
    return "is empty (0 bytes)" if no_bytes else "holds no records"


def aside_warning(name: str, contract: Table, aside: list[str]) -> list[str]:
    """What the run report says of the files of a folder not of its format, whose records
    are lost unless they are converted: how many, and the first three by name."""
    if not aside:
        return []
    n = len(aside)
    return [
        f"{name}: {n:,} file{'s' * (n > 1)} left aside as not "
        f"{' or '.join(folder_suffixes(contract))} ({'their' if n > 1 else 'its'} records are "
        f"not landed): {first_names(aside)}"
    ]


def encoding_hint(
    name: str, contract: Table, rejects: list[Reject], dialect: CsvFile, csv: bool
) -> list[str]:
    """What the run report says of a CSV (``csv``) or JSON file read as UTF-8 whose records
    were quarantined as not UTF-8 text: a file written in another encoding (a Windows export),
    which the project file can name for a CSV; JSON is UTF-8 text, so the file is converted."""
    if not csv and contract.file_format not in _JSON:  # Parquet, notes: no hint
        return []
    if codecs.lookup(dialect.encoding).name != "utf-8":  # the file's encoding is named already
        return []
    found = sum(reject[3] == NOT_UTF8 for reject in rejects)
    if not found:
        return []
    quarantined = f"{name}: {found:,} record{'s' * (found > 1)} quarantined as {NOT_UTF8}"
    if contract.file_format in _JSON:
        return [
            f"{quarantined}: JSON is read as UTF-8, UTF-16 or UTF-32 (c360.yaml names no "
            "encoding for it); if the file is written in another encoding, convert it to "
            "UTF-8, e.g. iconv -f cp1252 -t utf-8 (Windows-1252)"
        ]
    return [
        f"{quarantined}: if the file is written in another encoding, name it under csv: in "
        f"c360.yaml, e.g. csv: {{{contract.name}: {{encoding: cp1252}}}} (Windows-1252)"
    ]


def all_quarantined(workspace: Path, contract: Table, name: str, n: int, first: str) -> str:
    """What the run report says of a source whose every record (``n``, the first quarantined
    for the reason ``first``) was quarantined: nothing of it lands, so what is built from it
    is empty, which no other count shows (a CSV export named as JSON lines, say). The lines
    before a CSV's header (Excel's ``sep=;``, record 0) are not among them: a file of those
    and a header alone holds no records (``empty_warning``)."""
    quarantine = lake.table_dir(workspace, "quarantine", f"bronze_{contract.name}")
    every = f"every one of its {n:,} records was" if n > 1 else "its one record was"
    why = f"the first as {first}" if n > 1 else f"as {first}"
    return (
        f"{name}: {every} quarantined ({why}), so bronze "
        f"{contract.name} is empty, and so is what silver and gold build from it: see "
        f"{quarantine}"
    )
