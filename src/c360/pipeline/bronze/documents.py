"""JSON documents as bronze reads them: parsed keeping what Python's reader would lose, and
flattened one level into text columns.

The decoder keeps an object giving one key two different values (``_Ambiguous``: rejected,
nothing says which one is meant) and a number beyond a double's range as written
(``_Written``). ``documents`` turns a batch of documents into a block of text columns, keys
the project file maps to a contract column, or spelt as one but for case and spaces, taken as
that column, MongoDB's extended JSON (``{"$date": …}``, ``{"$oid": …}``) unwrapped; what is
not an object is rejected. JSON files (``jsonfile``) and MongoDB collections
(``c360.sources.mongo``) land through it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa

from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    ROW_NUMBER,
    Block,
    Reject,
    contract_names,
    refuse_row_number,
)

_EPOCH = dt.datetime(1970, 1, 1)


class _Ambiguous(dict[str, Any]):
    """A JSON object giving a key two different values (Python keeps the last, other readers
    the first), with its text as written."""

    key: str
    text: str


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc = dict(pairs)
    if len(doc) == len(pairs):
        return doc
    clash = next((key for key, value in pairs if doc[key] != value), None)
    if clash is None:  # the same value twice: nothing is lost
        return doc
    ambiguous = _Ambiguous(doc)
    ambiguous.key = clash
    ambiguous.text = (
        "{" + ", ".join(f"{json.dumps(k)}: {_json_text(v, True)}" for k, v in pairs) + "}"
    )
    return ambiguous


class _Written:
    """A JSON number beyond a double's range (``1e999``), kept as the file writes it: Python
    reads it as infinity, which JSON writes ``Infinity``, another value (an integer beyond 64
    bits is kept whole too; silver says what it cannot read)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Written) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


def _number(text: str) -> float | _Written:
    """A JSON number with a fraction or an exponent: a double, or its text beyond a double's
    range (``Infinity`` written as such is a constant, not a number, and stays a double)."""
    value = float(text)
    return _Written(text) if math.isinf(value) else value


JSON_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_float=_number)
# One JSON value from a position: (value, where it ends); set by the decoder, not typed.
SCAN: Callable[[str, int], tuple[Any, int]] = JSON_DECODER.scan_once  # type: ignore[attr-defined]


def unreadable(exc: RecursionError | ValueError) -> str:
    """Why valid JSON is beyond Python's reader (the JSON syntax errors have their own)."""
    return "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"


def documents(
    source: str,
    contract: Table,
    docs: Sequence[tuple[int, Any, str | None]],
    columns: dict[str, str] | None = None,
) -> Block:
    """Flatten one level of JSON documents (number, document, raw text) into text columns, keys
    ``columns`` maps (the project file's ``json: <table>: columns:``) or spelt as a contract
    column but for case and spaces taken as that column; non-objects are rejected."""
    rows: list[dict[str, Any]] = []  # the documents that land, their values as parsed
    kept: list[int] = []  # the position in docs of each row
    rejects: list[Reject] = []
    for i, (number, doc, raw) in enumerate(docs):
        if doc.__class__ is dict:  # most are
            rows.append(doc)
            kept.append(i)
        elif doc is None and raw and "\0" in raw:
            text, reason = raw.rsplit("\0", 1)
            rejects.append((source, number, text, reason))
        elif not isinstance(doc, dict):
            reason = "record is not a JSON object"
            rejects.append((source, number, raw or _json_text(doc, True), reason))
        elif doc.__class__ is _Ambiguous:
            reason = f"key {doc.key!r} given twice with different values"
            rejects.append((source, number, raw or doc.text, reason))
        else:
            rows.append(doc)
            kept.append(i)
    present: set[str] = set().union(*rows)
    keys = [*present]
    named = contract_names(keys, contract, columns)
    renamed = {k: c for k, c in zip(keys, named, strict=True) if k != c}
    if renamed:  # keys the contract spells otherwise: fold them, in the rows that have them
        texts = [{k: _scalar_text(v) for k, v in row.items()} for row in rows]
        rows, kept, clashes = _as_contract_keys(texts, kept, renamed)  # values compared as text
        for i, (given, other) in clashes:
            number, doc, raw = docs[i]
            reason = f"keys {given!r} and {other!r} name one column with different values"
            rejects.append((source, number, raw or _json_text(doc, True), reason))
        rejects.sort(key=lambda reject: reject[1])
        present = set().union(*rows)
    refuse_row_number(source, present)
    names = [*contract.column_names, *sorted(present - set(contract.column_names))]
    try:
        arrays = [_text_column([row.get(name) for row in rows]) for name in names]
    except UnicodeEncodeError:  # "\ud83d" alone (half an emoji) is not Unicode text
        return documents(source, contract, [_without_lone_surrogate(d) for d in docs], columns)
    numbers = pa.array([docs[i][0] for i in kept], pa.int64())
    data = pa.table([*arrays, numbers], names=[*names, ROW_NUMBER])
    return Block(data, source, rejects, present)


def _text_column(values: list[Any]) -> pa.Array:
    """A column of JSON values as the text bronze keeps (``_scalar_text``), built a column at a
    time: text alone goes to Arrow as it is, and one kind of number or booleans among text are
    written by one method rather than by a function each."""
    try:
        return pa.array(values, pa.string())  # text and nulls only
    except pa.ArrowTypeError:
        pass
    kinds = set(map(type, values)) - {str, type(None)}
    kind = kinds.pop() if len(kinds) == 1 else None
    convert = _PLAIN_TEXT.get(kind, _scalar_text)
    if kind is float and not all(math.isfinite(v) for v in values if v.__class__ is float):
        convert = _scalar_text  # NaN and Infinity as JSON writes them
    texts = [v if v.__class__ is str or v is None else convert(v) for v in values]
    return pa.array(texts, pa.string())


# How _scalar_text writes numbers and booleans, one method each (floats when finite).
_PLAIN_TEXT: dict[type | None, Callable[[Any], str | None]] = {
    int: int.__repr__, float: float.__repr__, bool: {True: "true", False: "false"}.__getitem__,
}  # fmt: skip


def _as_contract_keys(
    rows: list[dict[str, str | None]], kept: list[int], renamed: dict[str, str]
) -> tuple[list[dict[str, str | None]], list[int], list[tuple[int, tuple[str, str]]]]:
    """The rows with their keys ``renamed``, and (position, the two keys) of each row where
    two keys name one column with different values (rejected: nothing says which one is meant;
    the same value twice loses nothing)."""
    folded_rows: list[dict[str, str | None]] = []
    folded_kept: list[int] = []
    clashes: list[tuple[int, tuple[str, str]]] = []
    for row, i in zip(rows, kept, strict=True):
        if renamed.keys().isdisjoint(row):
            folded_rows.append(row)
            folded_kept.append(i)
            continue
        folded: dict[str, str | None] = {}
        given: dict[str, str] = {}
        for key, value in row.items():
            name = renamed.get(key, key)
            if name in folded and folded[name] != value:
                clashes.append((i, (given[name], key)))
                break
            folded[name] = value
            given.setdefault(name, key)
        else:
            folded_rows.append(folded)
            folded_kept.append(i)
    return folded_rows, folded_kept, clashes


def _without_lone_surrogate(
    doc: tuple[int, Any, str | None],
) -> tuple[int, Any, str | None]:
    """``doc``, or the reason to reject it when its text holds half of a UTF-16 pair."""
    number, value, raw = doc
    text = _json_text(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        lone = f"\\u{ord(text[exc.start]):04x}"
        reason = f"text holds a lone UTF-16 surrogate ({lone})"
        return number, None, f"{raw or _json_text(value, True)}\0{reason}"
    return doc


def _scalar_text(value: Any) -> str | None:
    """A JSON value as the text bronze keeps: MongoDB's {"$date": …} / {"$oid": …} unwrapped."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:  # first: a column of them is common
        ((key, inner),) = value.items()
        if key == "$date" and not isinstance(inner, str):
            return _epoch_text(inner)
        if key in ("$date", "$oid", "$numberLong", "$numberDecimal", "$numberInt", "$numberDouble"):
            return inner if isinstance(inner, str) else _json_text(inner, True)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif value.__class__ is int:
        return str(value)
    elif value.__class__ is float and math.isfinite(value):
        return repr(value)  # what json.dumps writes, without its overhead
    elif value.__class__ is _Written:
        return value.text
    return _json_text(value)


def _json_text(value: Any, ensure_ascii: bool = False) -> str:
    """``value`` as JSON writes it, a number beyond a double's range as the file wrote it."""
    try:
        return json.dumps(value, ensure_ascii=ensure_ascii)
    except TypeError:  # a _Written number inside
        pass
    if value.__class__ is _Written:
        return str(value.text)
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k, ensure_ascii=ensure_ascii)}: {_json_text(v, ensure_ascii)}"
                 for k, v in value.items())  # fmt: skip
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_json_text(v, ensure_ascii) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ensure_ascii)  # what it cannot write, said as json does


def _epoch_text(value: Any) -> str:
    """A MongoDB date written as milliseconds since 1970 ({"$numberLong": "…"} in canonical
    extended JSON, a bare number in older exports) as ISO text in UTC; anything else as JSON."""
    millis: Any = value.get("$numberLong") if isinstance(value, dict) and len(value) == 1 else value
    try:
        when = _EPOCH + dt.timedelta(milliseconds=int(millis))
    except (TypeError, ValueError, OverflowError):
        return _json_text(value)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
