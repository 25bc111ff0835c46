"""Score the pipeline against the generator's defect manifest (``truth/defects.csv``).

A planted defect is **caught** when its row sits in a quarantine table (bronze or silver), or
when silver repaired the value:

- a badly written value (another spelling, mis-encoded text, "12,50", "yes") is caught when silver
  holds a well-formed value for it (a country code, text without mojibake, a number, a boolean);
- an impossible value (bad or future date, out of range, negative, orphan key, undeliverable
  e-mail or phone) is caught when silver no longer holds it (NULL, or the ``has_valid_*`` flag off);
- a missing value is caught when silver fills a documented default, or carries it as an explicit
  NULL (counted apart as ``kept_null``: the pipeline does not invent a birth date).

Anything else is **missed**. A **false reject** is a quarantined row the generator did not spoil.
A **false repair** is a value silver replaced that the generator did not spoil: its record wrote
text there, and the silver row made of that record holds none (see :func:`replaced_values`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from c360 import contracts
from c360.errors import first_line
from c360.generate.dirt import DEFECTS_SCHEMA
from c360.pipeline import lake
from c360.pipeline.gold.run import TEXT_SOURCES
from c360.pipeline.silver.parse import MISSING
from c360.pipeline.silver.run import MODELS

CAUGHT_TARGET = 0.99
FALSE_REJECT_LIMIT = 0.001


class ScoreError(Exception):
    """The workspace has no defect manifest, has not been run, or was run on other sources."""


@dataclass
class TableScore:
    """One source table's defects and how the pipeline treated them."""

    table: str
    rows: int
    defects: int = 0
    spoiled: int = 0  # rows holding at least one defect
    quarantined: int = 0
    repaired: int = 0
    kept_null: int = 0
    missed: dict[str, int] = field(default_factory=dict)
    false_rejects: int = 0
    false_repairs: dict[str, int] = field(default_factory=dict)  # by column
    staged: bool = True

    @property
    def caught(self) -> int:
        return self.quarantined + self.repaired + self.kept_null


@dataclass
class Score:
    """Every table's score and the totals the targets apply to."""

    tables: list[TableScore]

    @property
    def defects(self) -> int:
        return sum(t.defects for t in self.tables)

    @property
    def caught_rate(self) -> float:
        return sum(t.caught for t in self.tables) / self.defects if self.defects else 1.0

    @property
    def false_reject_rate(self) -> float:
        clean = sum(t.rows - t.spoiled for t in self.tables)
        return sum(t.false_rejects for t in self.tables) / clean if clean else 0.0

    @property
    def false_repairs(self) -> int:
        return sum(sum(t.false_repairs.values()) for t in self.tables)

    @property
    def passed(self) -> bool:
        return self.caught_rate >= CAUGHT_TARGET and self.false_reject_rate <= FALSE_REJECT_LIMIT

    def as_dict(self) -> dict[str, Any]:
        return {
            "defects": self.defects,
            "caught_rate": self.caught_rate,
            "false_reject_rate": self.false_reject_rate,
            "false_repairs": self.false_repairs,
            "targets": {"caught_rate": CAUGHT_TARGET, "false_reject_rate": FALSE_REJECT_LIMIT},
            "passed": self.passed,
            "tables": [asdict(t) | {"caught": t.caught} for t in self.tables],
        }


def score(workspace: Path) -> Score:
    """Compare the lake's quarantine and silver tables with ``truth/defects.csv``."""
    workspace = Path(workspace)
    manifest = workspace / "truth" / "defects.csv"
    if not manifest.exists():
        raise ScoreError(f"no defect manifest at {manifest} (generate with c360 generate)")
    if not lake.table_dir(workspace, "bronze", "").exists():
        raise ScoreError(f"{workspace} has not been run yet: run `c360 run` first")
    defects = _manifest(manifest)
    by_table: dict[str, list[dict[str, Any]]] = {}
    for d in defects:
        by_table.setdefault(d["table"], []).append(d)
    models = silver_models()
    scores = []
    for contract in contracts.SOURCE_TABLES:
        bronze = lake.table_dir(workspace, "bronze", contract.name)
        if not bronze.exists():
            continue
        scores.append(
            _score_table(workspace, contract.name, models.get(contract.name),
                         by_table.get(contract.name, []))
        )  # fmt: skip
    return Score(scores)


def silver_models() -> dict[str, str]:
    """The silver model staging each source table: silver's own, and the text layer's
    (``stg_notes`` for ``text_customer_notes``), whose quarantines catch defects alike."""
    staged = {source: name for name, source, _ in MODELS}
    return staged | {source: name for name, source in TEXT_SOURCES.items()}


def _manifest(path: Path) -> list[dict[str, Any]]:
    """The planted defects, one mapping per row, or an error saying why the file holds none."""
    wrong = f"{path} is not a defect manifest"
    try:
        table = pacsv.read_csv(path, convert_options=_as_text(("row_key",)))
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        if "Empty CSV file" not in str(exc):
            line = first_line(exc)
            raise ScoreError(f"{wrong}: cannot read it ({line})") from None
        table = pa.table({})
    if missing := sorted(set(DEFECTS_SCHEMA.names) - set(table.column_names)):
        raise ScoreError(
            f"{wrong}: it lacks {', '.join(missing)} (c360 generate writes it with "
            f"{', '.join(DEFECTS_SCHEMA.names)})"
        )
    return table.to_pylist()


def _score_table(
    workspace: Path, table: str, model: str | None, defects: list[dict[str, Any]]
) -> TableScore:
    rows = lake.read_table(workspace, "bronze", table).num_rows
    rows += _read(workspace, "quarantine", f"bronze_{table}", ["_row_number"]).num_rows
    quarantined = set(_read(workspace, "quarantine", f"bronze_{table}", ["_row_number"]).column(
        "_row_number").to_pylist())  # fmt: skip
    if model:
        quarantined |= set(
            _read(workspace, "quarantine", f"silver_{model}", ["_row_number"])
            .column("_row_number")
            .to_pylist()
        )
    spoiled = {d["row_number"] for d in defects}
    if spoiled and max(spoiled) > rows:
        raise ScoreError(
            f"truth/defects.csv plants a defect in record {max(spoiled):,} of {table}, but only "
            f"{rows:,} records landed: the lake holds other sources (run `c360 run` again)"
        )
    result = TableScore(table, rows, len(defects), len(spoiled), staged=model is not None)
    result.false_rejects = len(quarantined - spoiled)
    silver = _silver_rows(workspace, table, model)
    raw = _raw_rows(workspace, table, {d["row_number"] for d in defects})
    key = contracts.get(table).primary_key
    missed: Counter[str] = Counter()
    for d in defects:
        written = raw.get(d["row_number"], {})
        verdict = (
            "quarantined"
            if d["row_number"] in quarantined
            else _repair(d, written, _silver_row(silver, d, written, key))
        )
        if verdict:
            setattr(result, verdict, getattr(result, verdict) + 1)
        else:
            missed[f"{d['defect_type']}:{d['column']}"] += 1
    result.missed = dict(missed)
    planted = {(d["row_number"], d["column"]) for d in defects}
    replaced = _replaced(workspace, table, model, quarantined)
    result.false_repairs = dict(Counter(c for r, c in replaced if (r, c) not in planted))
    return result


def _replaced(
    workspace: Path, table: str, model: str | None, quarantined: set[int]
) -> list[tuple[int, str]]:
    """:func:`replaced_values` of a staged table: its bronze records that silver kept (every
    bronze record is a silver row or a quarantined one) against its silver rows."""
    if model is None or not lake.table_dir(workspace, "silver", model).exists():
        return []
    bronze = lake.read_table(workspace, "bronze", table)
    rejected = pa.array(sorted(quarantined), pa.int64())
    kept = pc.invert(pc.is_in(bronze.column("_row_number"), rejected))
    silver = lake.read_table(workspace, "silver", model)
    return replaced_values(bronze.filter(kept), silver, contracts.get(table).primary_key)


# What silver writes for a value it could not read, besides NULL: an undeliverable address or
# phone has ``has_valid_*`` off, an unknown category is "Unknown", a gender "U". A consent silver
# could not read is false, as a "no" is: the two are not told apart.
_DEFAULTS = ("Unknown", "U")


def replaced_values(
    bronze: pa.Table, silver: pa.Table, key: Sequence[str]
) -> list[tuple[int, str]]:
    """``(_row_number, column)`` of each value silver replaced: the bronze record wrote text
    in that column (neither blank nor a word for missing) and the silver row of its key holds
    NULL, ``has_valid_*`` off, or a default other than what was written. ``bronze`` holds the
    records silver kept, one per key; a table whose key silver does not keep as text is not
    compared."""
    key = list(key)
    if not all(k in silver.column_names and silver.schema.field(k).type == pa.string()
               for k in key):  # fmt: skip
        return []
    columns = [c for c in bronze.column_names if c not in key and not c.startswith("_")]
    names: dict[str, str] = {}
    for c in columns:
        found = [n for n in _silver_names(c) if n in silver.column_names]
        if found:
            names[c] = found[0]
    raw = pa.table(
        {k: pc.utf8_trim_whitespace(bronze.column(k)) for k in key}
        | {"_row_number": bronze.column("_row_number")}
        | {f"_raw_{c}": bronze.column(c) for c in names}
    )
    ours = silver.select(key)
    for c, n in names.items():
        ours = ours.append_column(f"_silver_{c}", silver.column(n))
    joined = ours.join(raw, key, join_type="inner")
    nothing = pa.array(["", *MISSING], pa.string())
    replaced = []
    for c, n in names.items():
        written = pc.utf8_trim_whitespace(joined.column(f"_raw_{c}"))
        wrote = pc.and_(pc.is_valid(written), pc.invert(pc.is_in(written, nothing)))
        value = joined.column(f"_silver_{c}")
        if n.startswith("has_valid_"):
            gone = pc.invert(value)
        elif pa.types.is_string(value.type):
            other = pc.not_equal(pc.utf8_lower(written), pc.utf8_lower(value))
            default = pc.and_(pc.is_in(value, pa.array(_DEFAULTS, pa.string())), other)
            gone = pc.or_(pc.is_null(value), default)
        else:
            gone = pc.is_null(value)
        hit = pc.and_(wrote, pc.fill_null(gone, True))
        replaced += [(r, c) for r in joined.column("_row_number").filter(hit).to_pylist()]
    return replaced


def _repair(defect: dict[str, Any], raw: dict[str, Any], silver: dict[str, Any] | None) -> str:
    """``repaired`` or ``kept_null`` when silver dealt with the value, else ``""``."""
    if silver is None or defect["column"] == "*":
        return ""
    column, kind = defect["column"], defect["defect_type"]
    name = next((n for n in _silver_names(column) if n in silver), None)
    if name is None:
        return ""
    value = silver[name]
    if kind == "null":
        return "repaired" if value is not None else "kept_null"
    if kind in WELL_FORMED:
        return "repaired" if WELL_FORMED[kind](value) else ""
    if name.startswith("has_valid_"):
        return "repaired" if value is False else ""
    return "" if _same(raw.get(column), value) else "repaired"


WELL_FORMED = {
    "country_spelling": lambda v: isinstance(v, str) and len(v) == 2 and v.isupper(),
    "wrong_encoding": lambda v: isinstance(v, str) and not any(c in v for c in "ÃÂ"),
    "malformed_record": lambda v: v is not None,
}


def _silver_names(column: str) -> list[str]:
    """Where a source column's value may live in silver (renamed dates, hashed identifiers)."""
    if column in ("email", "phone"):
        return [f"has_valid_{column}", f"{column}_hash"]
    return [column, column.replace("_date", "_at"), f"{column}_at"]


def _same(written: str | None, value: Any) -> bool:
    if written is None or (isinstance(written, str) and not written.strip()):
        return value is None
    if value is None:
        return False
    text = written.strip()
    if isinstance(value, bool):
        return text.lower() == str(value).lower()
    if isinstance(value, int | float):
        try:
            return math.isclose(float(text), float(value))
        except ValueError:
            return False
    if isinstance(value, datetime):
        return text.replace("T", " ").rstrip("Z").startswith(str(value).removesuffix(" 00:00:00"))
    return text == str(value)


def _silver_rows(workspace: Path, table: str, model: str | None) -> dict[str, dict[str, Any]]:
    """Silver rows by the source's key, a composite key's parts joined with ``|`` (none when
    silver does not keep every key column under its source name)."""
    key = contracts.get(table).primary_key
    if model is None or not key:
        return {}
    folder = lake.table_dir(workspace, "silver", model)
    if not folder.exists():
        return {}
    data = lake.read_table(workspace, "silver", model)
    if not set(key) <= set(data.column_names):
        return {}
    return {"|".join(str(r[k]) for k in key): r for r in data.to_pylist()}


def _silver_row(
    silver: dict[str, dict[str, Any]],
    defect: dict[str, Any],
    written: dict[str, Any],
    key: Sequence[str],
) -> dict[str, Any] | None:
    """The silver row made of a spoiled record: by the manifest's ``row_key`` for a one-column
    key; for a composite key, by the record's own key as silver trims it (an order line is its
    order and product, whatever parts the manifest names). None when silver holds none."""
    if len(key) == 1:
        return silver.get(defect["row_key"])
    parts = [written.get(k) for k in key]
    if any(p is None or not str(p).strip() for p in parts):
        return None
    return silver.get("|".join(str(p).strip() for p in parts))


def _raw_rows(workspace: Path, table: str, numbers: set[int]) -> dict[int, dict[str, Any]]:
    """The bronze text of the spoiled rows."""
    data = lake.read_table(workspace, "bronze", table)
    wanted = pa.array(sorted(numbers), pa.int64())
    rows = data.filter(pc.is_in(data.column("_row_number"), value_set=wanted)).to_pylist()
    return {r["_row_number"]: r for r in rows}


def _read(workspace: Path, layer: str, name: str, columns: list[str]) -> pa.Table:
    folder = lake.table_dir(workspace, layer, name)
    if not folder.exists():
        return pa.table({c: pa.array([], pa.int64()) for c in columns})
    return lake.read_table(workspace, layer, name).select(columns)


def _as_text(columns: tuple[str, ...]) -> pacsv.ConvertOptions:
    return pacsv.ConvertOptions(column_types={c: pa.string() for c in columns})
