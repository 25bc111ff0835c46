"""Parquet files: every column as text, named as the contract spells it, each file with its
own lineage.

Column names match the contract's but for case and surrounding spaces, as a CSV header's do.
Text stored as bytes that are not UTF-8 (Hive and Impala wrote whatever encoding the text came
in) is quarantined row by row, naming its columns; a folder's files land one after the other,
Hive partition folders (``country=FR/``) giving back their columns.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    BLOCK_ROWS,
    NOT_UTF8,
    READ_ERRORS,
    ROW_NUMBER,
    Block,
    Reject,
    SourceError,
    as_text,
    contract_names,
    not_utf8,
    parquet_files,
    refuse_row_number,
)

_HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"


def read_parquet(path: Path, contract: Table, root: Path | None = None) -> Iterator[Block]:
    """A Parquet file, or a folder's files one after the other, each with its own lineage;
    Hive partition folders (``country=FR/``) are read below ``root`` (the source's folder,
    which ``path`` is unless a file of it)."""
    for file in parquet_files(path):
        try:
            yield from _parquet_file(file, _partitions(file, root or path), contract)
        except READ_ERRORS as exc:  # empty, cut short, not Parquet at all
            raise SourceError(f"cannot read {file}: {exc}") from None


def _parquet_file(
    file: Path, partitions: dict[str, str | None], contract: Table
) -> Iterator[Block]:
    parquet = pq.ParquetFile(file)
    given = parquet.schema_arrow.names
    names = contract_names(given, contract)  # "ID" is the contract's id, as in a CSV header
    refuse_row_number(file, names)
    if twice := sorted({name for name in names if names.count(name) > 1}):
        spelt = [(g, n) for g, n in zip(given, names, strict=True) if n in twice]
        also = f" ({', '.join(repr(g) for g, _ in spelt)})" if any(g != n for g, n in spelt) else ""
        raise SourceError(f"{file}: the file names {', '.join(twice)} more than once{also}")
    folded = contract_names(list(partitions), contract)
    partitions = dict(zip(folded, partitions.values(), strict=True))
    taken = 0
    batches = parquet.iter_batches(batch_size=BLOCK_ROWS)
    first = next(batches, None)  # a file without rows still shows its columns, for drift
    empty = pa.RecordBatch.from_pylist([], schema=parquet.schema_arrow)
    for batch in itertools.chain([empty if first is None else first], batches):
        numbers = np.arange(taken + 1, taken + batch.num_rows + 1)
        taken += batch.num_rows
        batch, numbers, rejects = _utf8_rows(batch.rename_columns(names), numbers, str(file))
        data = as_text(pa.Table.from_batches([batch]))
        for name, value in partitions.items():
            if name not in names:
                column = pa.repeat(pa.scalar(value, pa.string()), batch.num_rows)
                data = data.append_column(name, column)
        data = data.append_column(ROW_NUMBER, pa.array(numbers))
        yield Block(data, str(file), rejects, types=batch.schema)


def _utf8_rows(
    batch: pa.RecordBatch, numbers: np.ndarray, source: str
) -> tuple[pa.RecordBatch, np.ndarray, list[Reject]]:
    """``batch`` (rows ``numbers``) without the rows holding text whose bytes are not UTF-8
    (Hive and Impala wrote text as bytes, in whatever encoding it came), and those rows as
    rejects naming their columns."""
    bad: dict[int, list[str]] = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if _is_text(column.type):
            for i in not_utf8(column).tolist():
                bad.setdefault(i, []).append(name)
    if not bad:
        return batch, numbers, []
    rows = sorted(bad)
    texts = _rows_text(batch.take(pa.array(rows)))
    rejects: list[Reject] = [
        (source, int(numbers[i]), text, f"{NOT_UTF8} in column{'s' * (len(bad[i]) > 1)} "
         + ", ".join(bad[i]))
        for i, text in zip(rows, texts, strict=True)
    ]  # fmt: skip
    keep = np.ones(batch.num_rows, bool)
    keep[rows] = False
    return batch.filter(pa.array(keep)), numbers[keep], rejects


def _is_text(kind: pa.DataType) -> bool:
    """Whether a column holds text, perhaps as bytes that do not say so."""
    return any(is_(kind) for is_ in (pa.types.is_string, pa.types.is_large_string,
                                     pa.types.is_binary, pa.types.is_large_binary,
                                     pa.types.is_fixed_size_binary))  # fmt: skip


def _rows_text(rows: pa.RecordBatch) -> list[str]:
    """Rows as JSON objects of their text, bytes that are not UTF-8 shown as ``\\xNN``."""
    columns = [
        pa.array([v.decode("utf-8", "backslashreplace") if v is not None else None
                  for v in column.cast(pa.large_binary()).to_pylist()], pa.string())
        if _is_text(column.type)
        else column
        for column in rows.columns
    ]  # fmt: skip
    text = as_text(pa.Table.from_arrays(columns, names=rows.schema.names))
    return [json.dumps(row, ensure_ascii=False) for row in text.to_pylist()]


def _partitions(file: Path, folder: Path) -> dict[str, str | None]:
    """The columns that Hive partition folders give their files (``country=FR/part-0.parquet``),
    their values unescaped as Spark escapes them; its ``__HIVE_DEFAULT_PARTITION__`` is NULL."""
    if file == folder:
        return {}
    pairs = [part.split("=", 1) for part in file.relative_to(folder).parent.parts if "=" in part]
    return {name: None if value == _HIVE_NULL else unquote(value) for name, value in pairs}
