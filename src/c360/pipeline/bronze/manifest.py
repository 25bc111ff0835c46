"""The generator's ``sources/manifest.json``: which file holds which source table, and how many
records it holds (``rows``, optional: a file that lands another number stops the run).

Read before anything lands, so that every way it can be malformed is one line naming the file,
the entry (counted from 1) and what is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from c360 import contracts
from c360.pipeline.bronze.blocks import SourceError
from c360.workspace import special_file

# The kinds of entry a manifest holds: only a source entry lands; truth is what the generator
# planted, for the scores (``c360 quality score``, ``identity evaluate``…).
KINDS = {"source": "a source table's file or folder", "truth": "the generator's ground truth"}


def source_entries(manifest: Path) -> list[dict[str, Any]]:
    """The source entries of a manifest (``{"files": [{"kind", "table", "path", "rows"}, …]}``;
    ``kind`` is ``source`` or ``truth``, ``rows``, when given, a whole number)."""
    if special_file(manifest):
        raise SourceError(
            f"{manifest} is a pipe, a socket or a device, not the generator's manifest"
        )
    try:
        document = json.loads(manifest.read_text(encoding="utf-8"))
    except ValueError as exc:  # not JSON, not UTF-8
        raise SourceError(f"{manifest} is not valid JSON: {exc}") from None
    except OSError as exc:  # a folder, unreadable
        raise SourceError(f"cannot read {manifest}: {exc}") from None
    if not isinstance(document, dict):
        raise SourceError(f"{manifest}: {_json_kind(document)}, not an object with a 'files' list")
    if "files" not in document:
        raise SourceError(f"{manifest}: the object has no 'files'")
    if not isinstance(document["files"], list):
        raise SourceError(f"{manifest}: 'files' is {_json_kind(document['files'])}, not a list")
    entries = [_entry(manifest, i, f) for i, f in enumerate(document["files"], 1)]
    first: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        if entry["kind"] == "source" and first.setdefault(entry["table"], number) != number:
            raise SourceError(
                f"{manifest}: entries {first[entry['table']]} and {number} both name "
                f"{entry['table']!r}; put a table's files in one folder and name the folder"
            )
    return [entry for entry in entries if entry["kind"] == "source"]


def _entry(manifest: Path, number: int, entry: object) -> dict[str, Any]:
    """Entry ``number`` of a manifest, or a ``SourceError`` saying what is wrong with it."""
    if not isinstance(entry, dict):
        raise SourceError(f"{manifest}: entry {number} is {_json_kind(entry)}, not an object")
    needs = ("kind", "table", "path") if entry.get("kind") == "source" else ("kind",)
    for key in needs:
        if key not in entry:
            hint = " ('source' for a source table's file or folder)" if key == "kind" else ""
            raise SourceError(f"{manifest}: entry {number} has no {key!r}{hint}")
        if not isinstance(entry[key], str):
            raise SourceError(
                f"{manifest}: entry {number}'s {key!r} is {_json_kind(entry[key])}, not text"
            )
    if entry["kind"] not in KINDS:  # any other kind would leave its table out, unsaid
        raise SourceError(
            f"{manifest}: entry {number}'s 'kind' is {entry['kind']!r}, not "
            + " or ".join(f"{kind!r} ({what})" for kind, what in KINDS.items())
        )
    if "path" in needs and not entry["path"].strip():  # would name the workspace itself
        raise SourceError(f"{manifest}: entry {number}'s 'path' is empty")
    if "table" in needs and entry["table"] not in contracts.CONTRACTS:
        table = entry["table"]
        raise SourceError(f"{manifest}: entry {number} names {table!r}, a table without a contract")
    rows = entry.get("rows")
    if rows is not None and (rows.__class__ is not int or rows < 0):
        wrong = "negative" if rows.__class__ is int else f"{_json_kind(rows)}, not a whole number"
        raise SourceError(f"{manifest}: entry {number}'s 'rows' is {wrong}")
    return entry


def _json_kind(value: object) -> str:
    """The kind of JSON value, with its article (``an array``, ``a number``), for messages."""
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (dict, "an object"), (list, "an array"), (str, "a string"), (bool, "a boolean"),
        ((int, float), "a number"),
    ]  # fmt: skip
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")
