"""Raw readers: every source format as blocks of text columns, malformed records set aside.

Bronze keeps values exactly as the source wrote them, so every column is read as text; typing
is silver's job. A record that cannot be read at all (wrong number of CSV fields, a line that is
not JSON, a note without its markers) becomes a reject with its raw text and a reason. Database
sources (``c360.sources.postgres``, ``c360.sources.mongo``) yield the same blocks; CSV files
are read by ``csvfile``, JSON files by ``jsonfile``, Parquet files by ``parquetfile``, folders
of notes by ``textfolder``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from c360.contracts.model import Table
from c360.file_dialects import PLAIN_CSV, CsvFile
from c360.pipeline.bronze.blocks import (
    GZIP_ERRORS,
    READ_ERRORS,
    Block,
    Database,
    SourceError,
    gzip_error,
    source_files,
)
from c360.pipeline.bronze.csvfile import read_csv
from c360.pipeline.bronze.jsonfile import read_json, read_json_lines
from c360.pipeline.bronze.parquetfile import read_parquet
from c360.pipeline.bronze.textfolder import read_text_folder
from c360.workspace import special_file


def read(path: Path | Database, contract: Table, dialect: CsvFile = PLAIN_CSV) -> Iterator[Block]:
    """The records of one source file, folder or database, in source order (a CSV file
    written as ``dialect`` says, a JSON file's fields or a database's columns named as its
    ``columns`` map them); a folder's files one after the other, by name."""
    if isinstance(path, Path) and not path.exists():
        raise SourceError(f"{path} is missing: put it back")
    if isinstance(path, Path):
        refuse_special(path)
    folder = path if isinstance(path, Path) and path.is_dir() else None
    readers: dict[str, Callable[[Path, Table], Iterator[Block]]] = {
        "csv": partial(read_csv, dialect=dialect, folder=folder),
        "table": partial(
            _by_suffix, dialect=dialect, root=path if isinstance(path, Path) else None
        ),
        "parquet": read_parquet,
        "parquet_dir": read_parquet,
        "json": partial(read_json, columns=dialect.columns),
        "jsonl": partial(read_json_lines, columns=dialect.columns),
        "mongo_jsonl": partial(read_json_lines, columns=dialect.columns),
        "text": read_text_folder,
    }
    reader = readers[contract.file_format]
    blocks = (
        (
            block
            for file in source_files(path, contract)
            for block in _blocks(reader, file, contract)
        )
        if isinstance(path, Path)
        else path.read(contract, dialect.columns)
    )
    name = path if isinstance(path, Path) else path.label
    try:
        yield from blocks
    except OSError as exc:  # a file of a folder that cannot be read
        if exc.filename is None or exc.strerror is None:  # Arrow's, its text naming the file
            raise SourceError(f"cannot read {name}: {exc}") from None
        raise SourceError(f"cannot read {exc.filename}: {exc.strerror}") from None
    except (*READ_ERRORS, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {name}: {exc}") from None


def _blocks(
    reader: Callable[[Path, Table], Iterator[Block]], file: Path, contract: Table
) -> Iterator[Block]:
    """The blocks of one file; a gzip file that does not decompress whole stops the run
    naming it (not the folder it is in)."""
    try:
        yield from reader(file, contract)
    except GZIP_ERRORS as exc:
        raise gzip_error(file, exc) from None


def refuse_special(path: Path) -> None:
    """Raise ``SourceError`` when a source is neither a file nor a folder: a pipe, a socket
    or a device, which reading would wait on for ever (checked before it is opened)."""
    if special_file(path):
        raise SourceError(
            f"{path} is not a regular file (a pipe, a socket or a device): put the source's "
            "file there"
        )


def _by_suffix(path: Path, contract: Table, dialect: CsvFile, root: Path | None) -> Iterator[Block]:
    """A file of a table read from CSV or Parquet; ``root``: the folder of its source."""
    return (
        read_parquet(path, contract, root)
        if path.suffix == ".parquet"
        else read_csv(path, contract, dialect, root if root is not None and root.is_dir() else None)
    )
