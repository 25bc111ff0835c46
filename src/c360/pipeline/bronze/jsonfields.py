"""The field names c360.yaml maps under ``json: <table>: columns:``, checked against a file's
documents once all of them are read (each document may leave fields out).

``documents`` lands a mapped field as its contract column; here a mapped name that no document
of the file writes is looked at: spelt nearly as a field the documents have (``E-Mial`` for
``E-Mail``), it is a typo in the project file, which would leave the column empty and the
field in ``_extra``, so it stops the run; a dotted name of a field inside another
(``address.city``) names nothing bronze lands. Any other name the file lacks is drift; a
drift the landing finds in a mapped file waits for this check (``checked_before_drift``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    Block,
    SourceError,
    mapped_or_contract,
    mapping_section,
    spelt_nearly,
)


def checked(
    blocks: Iterable[Block], path: str | Path, contract: Table, columns: dict[str, str] | None
) -> Iterator[Block]:
    """The blocks of one JSON file (or MongoDB collection), then, with ``columns`` mapped,
    the check of the fields its documents hold (``refuse_unmapped_fields``)."""
    if not columns:
        yield from blocks
        return
    present: set[str] = set()
    for block in blocks:
        present |= block.present or set()
        yield block
    refuse_unmapped_fields(path, present, contract, columns)


def checked_before_drift(
    blocks: Iterator[Block], file: str | None, contract: Table, columns: dict[str, str]
) -> None:
    """Read the rest of the JSON ``file`` (or collection) whose fields drift, its ``blocks``
    as ``checked`` gives them, when ``columns`` maps names: a misspelt or dotted mapped name,
    which leaves the field it meant as an extra one, then stops the run as such rather than as
    the drift it causes."""
    if mapping_section(contract) != "json" or not columns:
        return
    for block in blocks:
        if block.source_file != file:
            return


def refuse_unmapped_fields(
    source: str | Path, present: set[str], contract: Table, columns: dict[str, str]
) -> None:
    """Stop on a field name ``columns`` maps that the documents (holding the fields
    ``present``, mapped ones as their columns) lack but spell nearly (``spelt_nearly``: a
    contract column or another mapped name is no such spelling), or that names a field inside
    one of theirs; a file whose documents hold the contract column itself needs no mapping."""
    written = {n.strip().casefold(): n for n in present if n.strip()}
    taken = mapped_or_contract(contract, columns)  # no typo of another mapped name
    for name, column in columns.items():
        said = name.strip().casefold()
        if {said, column.casefold()} & written.keys():
            continue
        section = f"{mapping_section(contract)}: {contract.name}: columns:"
        parent = said.split(".", 1)[0]
        if parent != said and parent in written:
            raise SourceError(
                f"{source}: c360.yaml maps {name!r} to {column} under {section}, a field inside "
                f"{written[parent]!r}; a mapping names a document's top-level fields, a nested "
                "object landing as JSON text in its field's column: flatten the documents first"
            )
        if (close := spelt_nearly(said, [n for n in written if n not in taken])) is not None:
            raise SourceError(
                f"{source}: the documents have no field {name!r}, which c360.yaml maps to "
                f"{column} under {section} (the closest field in the file: {written[close]!r})"
            )
