"""The run report: rows per table, quarantine by reason, reconciliation and timings.

Written to ``reports/run_report.json`` (for machines) and ``reports/run_report.md`` (for people)
at the end of every run, so a user can see where each source row went.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from c360.file_dialects import csv_tables
from c360.identity.records import placeholder_note
from c360.pipeline import lake
from c360.serve.check_rules import caught
from c360.serve.report_kit import counted, listed, write_atomically

if TYPE_CHECKING:
    from c360.pipeline.runner import RunResult
    from c360.pipeline.silver.run import Built

# The rows of an identity source that are no record of their own (records.one_per_id): an id's
# rows other than the one kept, the first of the file named last (an earlier extract's, or a
# copy further down a file), and rows without an id.
NOT_READ = (
    "older or repeated rows of an id, whose row in the latest extract is kept, or rows without "
    "an id"
)
# What an answer's figure measures, where its name reads as something else; said under it.
ANSWER_NOTES = {
    "questions/best_campaign_by_roi": (
        "ROI as seed 004 defines it: (budget − spend) / budget × 100, the share of the budget "
        "left unspent, not a return on the spend. Clicks and conversions do not enter it: a "
        "campaign that spent little ranks first, with or without clicks."
    ),
}

# The columns of an answer that name, mail, call or locate a person (compared lower-cased): the
# report's copy of the answer leaves them out, whatever the question; `c360 query` gives them.
PERSON_COLUMNS = frozenset({
    "full_name", "first_name", "last_name", "customer_name",
    "email", "email_address", "phone", "phone_number", "mobile",
    "address", "address_line", "street", "shipping_address", "billing_address",
    "date_of_birth", "birth_date",
})  # fmt: skip


def quarantine_reasons(workspace: Path, name: str) -> dict[str, int]:
    """Rows of ``lake/quarantine/<name>`` per reason code (empty when nothing was rejected)."""
    return quarantine_counts(workspace, name)[0]


def quarantine_counts(
    workspace: Path, name: str
) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Rows of ``lake/quarantine/<name>`` per reason code, and per reason the rows that name
    the column at fault, by column (a silver or text quarantine's ``column``; the rows of a
    check of the row as a whole name none, and a bronze quarantine has no such field)."""
    folder = lake.table_dir(workspace, "quarantine", name)
    if not folder.exists():
        return {}, {}
    fields = [f for f in ("reason", "column") if f in lake.open_dataset(folder).schema.names]
    data = pq.read_table(folder, columns=fields)
    reasons = data.column("reason").to_pylist()
    named = data.column("column").to_pylist() if "column" in fields else [None] * len(reasons)
    columns: dict[str, Counter[str]] = {}
    for reason, column in zip(reasons, named, strict=True):
        if column is not None:
            columns.setdefault(reason, Counter())[column] += 1
    by_column = {reason: dict(sorted(columns[reason].items())) for reason in sorted(columns)}
    return dict(sorted(Counter(reasons).items())), by_column


def report(result: RunResult, answers: dict[str, pa.Table] | None = None) -> dict[str, Any]:
    """The run as one JSON-ready dictionary."""
    ws = result.workspace
    silver = [_silver(ws, b) for b in result.silver]
    return {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": result.engine,
        "seconds": {k: round(v, 2) for k, v in result.seconds.items()},
        "bronze": [
            asdict(r) | {"quarantine": quarantine_reasons(ws, f"bronze_{r.table}")}
            for r in result.bronze
        ],
        "silver": silver,
        "text": result.text,
        "text_quarantine": [
            _text_quarantine(ws, name) for name in result.text if name.startswith("quarantine/")
        ],
        "identity": asdict(result.identity) if result.identity else None,
        "gold": [asdict(g) for g in result.gold + result.customers],
        "references": [asdict(r) | {"name": r.name} for r in result.references],
        "answers": {
            name: table.drop_columns(_personal(table)).to_pylist()
            for name, table in (answers or {}).items()
        },
        "left_out": {
            name: personal
            for name, table in (answers or {}).items()
            if (personal := _personal(table))
        },
        "checks": caught(silver) if answers else {},
    }


def _personal(table: pa.Table) -> list[str]:
    """The columns of an answer that hold a person's details (`PERSON_COLUMNS`)."""
    return [c for c in table.column_names if c.lower() in PERSON_COLUMNS]


def _silver(workspace: Path, built: Built) -> dict[str, Any]:
    """A silver model's entry: its counts, reconciled or not, its quarantine by reason and by
    the column at fault."""
    reasons, columns = quarantine_counts(workspace, f"silver_{built.model}")
    return asdict(built) | {
        "reconciled": built.clean + built.rejected == built.bronze_rows,
        "quarantine": reasons,
        "quarantine_columns": columns,
    }


def _text_quarantine(workspace: Path, name: str) -> dict[str, Any]:
    """A text model's quarantine (``quarantine/silver_stg_notes``) by reason and by the column
    at fault, as a silver model's."""
    model = name.removeprefix("quarantine/silver_")
    reasons, columns = quarantine_counts(workspace, f"silver_{model}")
    return {"model": model, "quarantine": reasons, "quarantine_columns": columns}


def write(result: RunResult, answers: dict[str, pa.Table] | None = None) -> Path:
    """Write ``reports/run_report.json`` and ``.md``; returns the Markdown path."""
    data = report(result, answers)
    folder = result.workspace / "reports"
    write_atomically(folder / "run_report.json", json.dumps(data, indent=2, default=str) + "\n")
    return write_atomically(folder / "run_report.md", markdown(data))


def markdown(data: dict[str, Any]) -> str:
    """The report for people: one table per layer, then the SQL answers."""
    lines = [
        f"# Run report — {data['finished_at']} on {data['engine']}",
        "",
        "Timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in data["seconds"].items()),
        "",
        "## Bronze: every source record landed or quarantined",
        "",
        "| source | records | landed | quarantined | reasons | schema drift |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for r in data["bronze"]:
        drift = ", ".join([*(f"+{c}" for c in r["added_columns"]),
                           *(f"-{c}" for c in r["missing_columns"]),
                           *(f"~{c}" for c in r["retyped_columns"])])  # fmt: skip
        lines.append(_row(r["table"], f"{r['records']:,}", f"{r['landed']:,}",
                          f"{r['quarantined']:,}", _texts(r["quarantine"]), drift))  # fmt: skip
    warnings = [w for r in data["bronze"] for w in r.get("warnings", [])]
    lines += (
        ["", *(f"**Warning:** {' '.join(w.splitlines())}" for w in warnings)] if warnings else []
    )
    lines += [
        "",
        "## Silver: bronze rows = clean + quarantined (duplicates included)",
        "",
        "| model | bronze rows | clean | quarantined | reconciled | reasons | kept with a value "
        "replaced (NULL or default) |",
        "| --- | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for b in data["silver"]:
        reconciled = "yes" if b["reconciled"] else "**NO**"
        lines.append(_row(b["model"], f"{b['bronze_rows']:,}", f"{b['clean']:,}",
                          f"{b['rejected']:,}", reconciled,
                          _quarantined(b["quarantine"], b.get("quarantine_columns") or {}),
                          _reasons(b.get("repaired") or {})))  # fmt: skip
    emptied = [b["model"] for b in data["silver"] if b["bronze_rows"] and not b["clean"]]
    if emptied:
        lines += ["", f"**Warning:** {', '.join(emptied)} kept none of their rows; what gold "
                  "builds from them is empty (see the reasons above)."]  # fmt: skip
    lines += _conversions(data["silver"])
    lines += _ambiguous_amounts(data["silver"]) + _other_currencies(data["silver"])
    for b in data["silver"]:  # a run report of an earlier version has no "lacking"
        if lacking := b.get("lacking"):
            them = "them" if len(lacking) > 1 else "it"
            note = (
                f"**Note:** {b['model']} checks its rows against {', '.join(lacking)}, which "
                f"this workspace lacks: a reference to {them} is an orphan."
            )
            lines += ["", note]
    if data.get("text"):
        # A report of an earlier version has no "text_quarantine": its rows without reasons.
        held = {f"quarantine/silver_{q['model']}": q for q in data.get("text_quarantine", ())}
        lines += ["", "## Text: notes and e-mail bodies, redacted then enriched", "",
                  "| table | rows | reasons |", "| --- | ---: | --- |"]  # fmt: skip
        for name, rows in data["text"].items():
            q = held.get(name) or {}
            reasons = _quarantined(q.get("quarantine") or {}, q.get("quarantine_columns") or {})
            lines.append(_row(name, f"{rows:,}", reasons))
    if identity := data.get("identity"):
        lines += ["", "## Identity: source records resolved into customers", "",
                  "| records | customers | scored pairs | unmatchable (singletons) | "
                  f"rows not read ({NOT_READ}) | changes |",
                  "| ---: | ---: | ---: | ---: | --- | --- |",
                  _row(f"{identity['records']:,}", f"{identity['customers']:,}",
                       f"{identity['pairs']:,}", f"{identity['unmatchable']:,}",
                       _reasons({k: n for k, n in identity["duplicates"].items() if n}),
                       _reasons(identity["events"]))]  # fmt: skip
        if identity.get("placeholders"):
            lines += ["", f"Identifiers {placeholder_note(identity['placeholders'])}."]
        if identity.get("fallback"):
            lines += ["", f"**Warning:** {identity['fallback']}."]
        for note in identity.get("notes", ()):
            lines += ["", f"**Note:** {note}."]
    if data["gold"]:
        lines += ["", "## Gold", "", "| table | rows | of which inferred members |",
                  "| --- | ---: | ---: |"]  # fmt: skip
        lines += [_row(g["model"], f"{g['rows']:,}", _count(g.get("inferred")))
                  for g in data["gold"]]  # fmt: skip
    if checked := data.get("references"):
        lines += ["", "## Gold references", ""]
        broken = [r for r in checked if r["orphans"]]
        if not broken:
            lines += [f"All {len(checked)} references the gold contracts declare hold."]
        else:
            lines += [f"**Warning:** {len(broken)} of the {len(checked)} references the gold "
                      "contracts declare have rows without a referenced row. Such a row keeps "
                      "an id whose row was quarantined in silver (its source row failed a "
                      "check, see above) or never existed; an inner join on it leaves the row "
                      "out.", "", "| reference | rows |", "| --- | ---: |"]  # fmt: skip
            lines += [_row(r["name"], f"{r['orphans']:,}") for r in broken]
    if data["answers"]:
        lines += ["", "## Answers to the SQL deliverables"]
        checks = data.get("checks") or {}
        if checks:
            lines += ["", "The checks read gold, built after silver quarantined or repaired the "
                      "rows they look for: beside each, what silver caught."]  # fmt: skip
        left_out = data.get("left_out") or {}  # a report of an earlier version has none
        for name, rows in data["answers"].items():
            lines += ["", f"### {name}", "", *_table(rows)]
            if columns := left_out.get(name):
                lines += ["", f"{listed([f'`{c}`' for c in columns])} left out here, as the "
                          "report holds no name, e-mail, phone or address; `c360 query` gives "
                          "the whole answer."]  # fmt: skip
            if name in checks:
                lines += ["", f"Caught in silver under the same rule in this run: "
                          f"{_caught(checks[name])}."]  # fmt: skip
            if name in ANSWER_NOTES:
                lines += ["", f"**Note:** {ANSWER_NOTES[name]}"]
    return "\n".join(lines) + "\n"


def _ambiguous_amounts(silver: list[dict[str, Any]]) -> list[str]:
    """How to have the amounts quarantined as ``ambiguous_amount`` read: a CSV file's
    ``decimal`` setting in c360.yaml, or another way to write them for a source it cannot
    describe."""
    tables = [b.get("source") or b["model"]
              for b in silver if b["quarantine"].get("ambiguous_amount")]  # fmt: skip
    if not tables:
        return []
    csv = [t for t in tables if t in csv_tables()]
    notes = [
        f"**Note:** {', '.join(csv)} {_holds(csv)} amounts such as 1.234 that may be 1234 or "
        "1.234 (`ambiguous_amount`): say which in c360.yaml, "
        f"`csv: {{{csv[0]}: {{decimal: point}}}}` for 1.234 or `decimal: comma` for 1234 "
        "(docs/own-data.md)."
    ] if csv else []  # fmt: skip
    if other := [t for t in tables if t not in csv]:
        notes.append(
            f"**Note:** {', '.join(other)} {_holds(other)} amounts such as €1.234 that may be "
            "1234 or 1.234 (`ambiguous_amount`): written as a plain number (1.234) one is a "
            "decimal there, with a euro sign after it (1.234 €) a thousands one."
        )
    return [line for note in notes for line in ("", note)]


def _conversions(silver: list[dict[str, Any]]) -> list[str]:
    """The rates applied (``exchange_rates`` in c360.yaml) and, per model, how many amounts
    each converted to euros; nothing when none was converted (a report of an earlier version
    has no ``converted``)."""
    converted = [
        f"{b['model']} " + " and ".join(f"{n:,} in {code} at {b['rates'][code]:g}"
                                        for code, n in b["converted"].items())
        for b in silver if b.get("converted")
    ]  # fmt: skip
    if not converted:
        return []
    return ["", (
        "**Note:** amounts in another currency were converted to euros at the rates of "
        f"c360.yaml (`exchange_rates`): {'; '.join(converted)}."
    )]  # fmt: skip


def _other_currencies(silver: list[dict[str, Any]]) -> list[str]:
    """The note on amounts quarantined as ``other_currency``: in a currency without a rate
    (one with a rate is converted), given in c360.yaml or converted in the source."""
    tables = [b.get("source") or b["model"]
              for b in silver if b["quarantine"].get("other_currency")]  # fmt: skip
    if not tables:
        return []
    return ["", (
        f"**Note:** {', '.join(tables)} {_holds(tables)} amounts in a currency without a rate "
        "(`other_currency`, such as $1,200 or 1200 CHF): give its rate in c360.yaml, "
        "`exchange_rates: {CHF: 1.05}` (the euros one unit is worth; docs/own-data.md), or "
        "convert them to euros in the source before it lands."
    )]  # fmt: skip


def _holds(tables: list[str]) -> str:
    return "holds" if len(tables) == 1 else "hold"


def _caught(check: dict[str, Any]) -> str:
    """``stg_orders quarantined 5 rows (orphan_customer 3, missing_customer 2)``."""
    n = sum(check["rows"].values())
    did = f"quarantined {counted(n, 'row')}" if check["action"] == "quarantined" else (
        f"kept {counted(n, 'row')} with the value replaced")  # fmt: skip
    if not n:
        return f"{check['model']} {did}"
    return f"{check['model']} {did} ({_quarantined(check['rows'], check.get('columns') or {})})"


def _table(rows: list[dict[str, Any]], limit: int = 20) -> list[str]:
    if not rows:
        return ["(no rows)"]
    if not rows[0]:  # every column was a person's details
        return [f"({counted(len(rows), 'row')}, no column to show)"]
    head = list(rows[0])
    out = [_row(*head), "|" + " --- |" * len(head)]
    out += [_row(*(_cell(row[c]) for c in head)) for row in rows[:limit]]
    if len(rows) > limit:
        out.append(f"\n… {len(rows) - limit:,} more rows")
    return out


def _row(*cells: str) -> str:
    r"""A Markdown table row whose cells keep any ``|`` or line break inside them.

    A pipe is escaped (with the backslashes before it, which would escape the escape); a line
    break becomes a space, as a row must fit on one line.

    >>> print(_row("Hesse | Admin\nINJECTED ROW", "C:\\|"))
    | Hesse \| Admin INJECTED ROW | C:\\\| |
    """
    escaped = (re.sub(r"(\\*)\|", r"\1\1\\|", " ".join(c.splitlines())) for c in cells)
    return "| " + " | ".join(escaped) + " |"


def _cell(value: Any) -> str:
    """An answer's value; SQL's NULL is an empty cell, as nothing to show is elsewhere."""
    if value is None:
        return ""
    return f"{value:,.2f}" if isinstance(value, float) else str(value)


def _count(n: int | None) -> str:
    return f"{n:,}" if n else ""


def _reasons(counts: dict[str, int]) -> str:
    return ", ".join(f"{reason} {n:,}" for reason, n in counts.items())


def _quarantined(counts: dict[str, int], columns: dict[str, dict[str, int]]) -> str:
    """Silver's and the text layer's reasons with their counts, each with the column at fault
    where its rows name one (``invalid_value (country) 4``) and the code does not already
    (``missing_qty 3``, not ``missing_qty (qty) 3``); the rows of a reason that name none (a
    check of the row as a whole) are counted first, as the code alone (``duplicate_key 2``)."""
    shown: Counter[str] = Counter()
    for reason, n in counts.items():
        named = columns.get(reason) or {}
        if rest := n - sum(named.values()):
            shown[reason] += rest
        for column, k in named.items():
            shown[reason if reason == f"missing_{column}" else f"{reason} ({column})"] += k
    return ", ".join(f"{label} {n:,}" for label, n in shown.items())


def _texts(counts: dict[str, int]) -> str:
    """Bronze reasons, free text holding commas and colons: each with its count after a colon,
    parted by semicolons (``expected 14 fields, found 13: 1; not UTF-8 text: 2``)."""
    return "; ".join(f"{reason}: {n:,}" for reason, n in counts.items())
