"""``c360 clv``: the BG/NBD + Gamma-Gamma lifetime-value model on anyone's transactions file."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table as RichTable

from c360.cli._console import console, fail, labelled, plain, warning
from c360.cli._help import App
from c360.cli._options import number, whole
from c360.cli._paths import check_input_file

if TYPE_CHECKING:
    import pyarrow as pa

    from c360.ml.clv_file import FileFit

app = App(
    help="Customer lifetime value: BG/NBD purchases × Gamma-Gamma order values.",
    no_args_is_help=True,
)
_SHOWN = {  # column: (header, decimals); recency and T are in --json, to fit 80 columns
    "frequency": ("repeat", 0),
    "p_alive": ("P(alive)", 2),
    "expected_purchases": ("purchases", 2),
    "expected_order_value": ("order value", 2),
    "clv": ("CLV", 2),
}


_FORMATS = "a CSV, JSON lines or Parquet file (or one of them compressed with gzip)"
# Paragraphs with no line break inside, so that each wraps to the terminal's width.
_FIT_HELP = (
    "Fit the models on a file's purchases and predict each customer's lifetime value.\n\n"
    "Time is in days; purchases on the same day are one. frequency: repeat purchases; recency: "
    "days from the first to the last; T: days from the first to the as-of date; monetary: mean "
    "of the repeat purchases. Rows with a blank customer, an unreadable date or amount, a "
    "negative amount or one of 1e15 or more, or (in a CSV file) another number of values than "
    "the header names are skipped and counted (rows numbered from 1 after the header)."
)


@app.command("fit", help=_FIT_HELP)
def fit_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="A CSV, JSON lines (.jsonl, .ndjson, .json) or Parquet file of transactions, "
            "or one of them compressed with gzip (.csv.gz, .jsonl.gz, as c360 exports), or a "
            "folder of Parquet files (as the lake writes a table). A JSON column the command "
            "does not use may hold lists or objects.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    customer: Annotated[
        str, typer.Option("--customer", help="Column of the customer id.", show_default=False)
    ],
    date: Annotated[
        str,
        typer.Option(
            "--date",
            help="Column of the purchase date: ISO, y/m/d, yyyymmdd, d/m/y, m/d/y or with an "
            "English month name, 2 Jan 2025 (time of day ignored).",
            show_default=False,
        ),
    ],
    amount: Annotated[
        str,
        typer.Option(
            "--amount",
            help="Column of the amount: '.' or ',' decimals, as the file's amounts show (1.234 "
            "is a thousand beside 12,50, a decimal beside 12.50, a thousand when no amount "
            "shows its decimal point; beside both, each amount is read as it is written and "
            "1.234, which reads two ways, is skipped).",
            show_default=False,
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="End of the observation, not after today (default: the last purchase day).",
            show_default=False,
        ),
    ] = None,
    months: Annotated[
        int,
        typer.Option("--months", parser=whole(1, 120), help="CLV horizon in months (1 to 120)."),
    ] = 12,
    discount_rate: Annotated[
        float,
        typer.Option("--discount-rate", parser=number(0), help="Annual discount rate of the CLV."),
    ] = 0.10,
    top: Annotated[
        int, typer.Option("--top", parser=whole(0), help="Customers shown, by CLV.")
    ] = 10,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the parameters and every customer as JSON.")
    ] = False,
) -> None:
    """Fit the models on a file's purchases and predict each customer's lifetime value (the
    help is :data:`_FIT_HELP`)."""
    if not file.is_dir():  # a folder is read as its Parquet files
        check_input_file(file, f"{_FORMATS}, or a folder of Parquet files")
    import pyarrow as pa

    from c360.ml.clv_file import ClvFileError, fit_file, parse_dates
    from c360.ml.clv_fit import TooFewCustomersError

    end = None
    if as_of is not None:
        end = parse_dates(pa.array([as_of.strip()]))[0].as_py()
        if end is None:
            raise fail(f"--as-of {as_of!r}: not a date (e.g. 2025-12-31)")
        if end > dt.date.today():
            raise fail(f"--as-of {end} is after today: the models need what has happened")
    from c360.pipeline.last_run import gold_workspace, stale_gold

    if (workspace := gold_workspace(file)) is not None:  # a gold table, or its export
        warning(stale_gold(workspace))
    try:
        result = fit_file(file, customer, date, amount, end, months, discount_rate)
    except (ClvFileError, TooFewCustomersError) as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(_as_json(result), ensure_ascii=False, allow_nan=False))
        return
    _show(result, top)


def _as_json(result: FileFit) -> dict[str, Any]:
    fit = result.fit
    return {
        "file": str(result.path),
        "rows": result.rows,
        "skipped": {s.reason: {"count": s.count, "rows": s.rows} for s in result.skipped},
        "as_of": result.as_of.isoformat(),
        "time_unit": "days",
        "horizon_months": fit.horizon_months,
        "discount_rate": fit.discount_rate,
        "customers": fit.predictions.num_rows,
        "repeat_customers": fit.repeat_customers,
        "seconds": round(fit.seconds, 3),
        "bgnbd": _params(fit.bgnbd),
        "gamma_gamma": _params(fit.gamma_gamma),
        "notes": [*result.notes, *fit.notes],
        "predictions": [
            {k: _finite(v) for k, v in row.items()} for row in fit.predictions.to_pylist()
        ],
    }


def _params(params: Any) -> dict[str, Any]:
    return {k: _finite(v, digits=10) for k, v in vars(params).items()}


def _finite(value: Any, digits: int = 6) -> Any:
    """Floats to ``digits`` significant digits; NaN and infinities (not JSON) to null."""
    if isinstance(value, float):
        return float(f"{value:.{digits}g}") if math.isfinite(value) else None
    return value


def _show(result: FileFit, top: int) -> None:
    fit = result.fit
    for note in [*result.notes, *fit.notes]:
        console.print(labelled("note:", note), highlight=False)
    if result.skipped:
        parts = [
            f"{s.count:,} {s.reason} (row{'s' if s.count > 1 else ''} "
            f"{', '.join(map(str, s.rows))}{'…' if s.count > len(s.rows) else ''})"
            for s in result.skipped
        ]
        skipped = sum(s.count for s in result.skipped)
        line = f"skipped {skipped:,} of {result.rows:,} rows: " + "; ".join(parts)
        console.print(line, highlight=False, markup=False)
    for name, p in (("BG/NBD", fit.bgnbd), ("Gamma-Gamma", fit.gamma_gamma)):
        values = {k: v for k, v in vars(p).items() if k not in ("log_likelihood", "converged")}
        shown = ", ".join(f"{k} = {v:.4g}" for k, v in values.items())
        state = "converged" if p.converged else "[bold red]did not converge[/]"
        console.print(
            f"[bold]{name}[/]: {shown} (log-likelihood {p.log_likelihood:,.1f}, {state})",
            highlight=False,
        )
    t = fit.predictions
    totals = {c: _sum(t[c]) for c in ("p_alive", "expected_purchases", "clv")}
    customers = t.num_rows
    q = fit.gamma_gamma.q  # at q <= 1 ml.clv_fit leaves order values and CLV empty
    value = (
        f"CLV {totals['clv']:,.2f} in all ({totals['clv'] / customers:,.2f} per customer, "
        f"discounted at {fit.discount_rate * 100:g}% a year)"
        if q > 1
        else f"CLV not computed: Gamma-Gamma q = {q:.3g} ≤ 1, so the mean order value is infinite"
    )
    console.print(
        f"{customers:,} customers ({fit.repeat_customers:,} with a repeat purchase) as of "
        f"{result.as_of:%Y-%m-%d}; fitted in {fit.seconds:.2f} s. Next {fit.horizon_months} "
        f"months: {totals['expected_purchases']:,.0f} purchases expected, {value}; mean "
        f"P(alive) {totals['p_alive'] / customers:.2f}"
        f"{' (no dropout found: it tells no churn)' if fit.negligible_dropout else ''}.",
        highlight=False,
    )
    if top:
        _top(t, top, "clv" if q > 1 else "expected_purchases")


def _sum(column: pa.ChunkedArray) -> float:
    import pyarrow.compute as pc

    return float(pc.sum(column).as_py() or 0.0)


def _top(t: pa.Table, top: int, by: str) -> None:
    import pyarrow.compute as pc

    order = pc.sort_indices(t, sort_keys=[(by, "descending"), (t.column_names[0], "ascending")])
    best = t.take(order[:top]).to_pylist()
    key = t.column_names[0]
    title = f"top {len(best)} by {'CLV' if by == 'clv' else 'purchases expected'}"
    table = RichTable(title=title, title_justify="left", show_edge=False)
    table.add_column(plain(key), no_wrap=True)
    for header, _ in _SHOWN.values():
        table.add_column(header, justify="right", no_wrap=True)
    for row in best:
        cells = (_cell(row[c], decimals) for c, (_, decimals) in _SHOWN.items())
        table.add_row(plain(row[key]), *cells)
    console.print(table)


def _cell(value: Any, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.{decimals}f}"
