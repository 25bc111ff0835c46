"""``c360 clv fit``: parameters and predictions from any file; bad rows counted; one-line errors."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from c360.cli.clv import app as clv_app
from c360.ml.clv import BgNbdParams, GammaGammaParams, simulate

runner = CliRunner()
app = typer.Typer()
app.add_typer(clv_app, name="clv")  # as ``c360 clv``


def _transactions(n: int = 300, seed: int = 1) -> list[tuple[str, str, str]]:
    """(customer, date, amount) rows of simulated customers, dates d/m/y and comma decimals."""
    rng = np.random.default_rng(seed)
    sample = simulate(
        BgNbdParams(1.0, 60.0, 1.5, 6.0), n, 400.0, rng, spend=GammaGammaParams(5.0, 3.0, 40.0)
    )
    start = np.datetime64("2024-01-01")
    rows = []
    for i in range(n):
        x, tx = int(sample["frequency"][i]), float(sample["recency"][i])
        days = sorted({0, *np.linspace(0, tx, x + 1).round().astype(int)})
        for day in days:
            when = (start + np.timedelta64(int(day), "D")).astype(object)
            rows.append(
                (f"C{i:04d}", f"{when:%d/%m/%Y}", f"{rng.uniform(5, 80):.2f}".replace(".", ","))
            )
    rows.append(("C9999", "2025-02-04", "1,00"))  # the as-of day: T is 400 for everyone
    return rows


def _write(
    path: Path, rows: Sequence[tuple[str, ...]], header: str = "client;jour;montant"
) -> Path:
    path.write_text(header + "\n" + "".join(";".join(r) + "\n" for r in rows), "utf-8")
    return path


ARGS = ["--customer", "client", "--date", "jour", "--amount", "montant"]


@pytest.fixture
def sales(tmp_path: Path) -> Path:
    rows = _transactions()
    rows[3:3] = [
        ("C0000", "31/02/2024", "12,00"),  # no such day
        ("C0001", "soon", "5"),
        ("C0002", "01/03/2024", "n/a"),
        ("", "01/03/2024", "5"),
        ("C0003", "01/03/2024", "-20,00"),  # a refund
    ]
    return _write(tmp_path / "sales.csv", rows)


def test_fits_and_prints_parameters_summary_and_top_customers(sales: Path) -> None:
    result = runner.invoke(app, ["clv", "fit", str(sales), *ARGS, "--top", "3"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "BG/NBD: r = " in out and "Gamma-Gamma: p = " in out
    assert "301 customers (" in out and "as of 2025-02-04" in out
    assert "top 3 by CLV" in out
    assert "skipped 5 of " in out
    assert "2 unreadable date (rows 4, 5)" in out
    assert "1 unreadable amount (row 6)" in out
    assert "1 blank customer (row 7)" in out
    assert "1 negative amount (a refund, not a purchase) (row 8)" in out


def test_json_has_parameters_and_every_customer(sales: Path) -> None:
    result = runner.invoke(app, ["clv", "fit", str(sales), *ARGS, "--json", "--months", "6"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["bgnbd"]) == {"r", "alpha", "a", "b", "log_likelihood", "converged"}
    assert set(report["gamma_gamma"]) == {"p", "q", "v", "log_likelihood", "converged"}
    assert report["bgnbd"]["converged"] and report["gamma_gamma"]["converged"]
    assert report["horizon_months"] == 6 and report["time_unit"] == "days"
    assert report["skipped"]["unreadable date"] == {"count": 2, "rows": [4, 5]}
    assert report["customers"] == len(report["predictions"]) == 301
    first = report["predictions"][0]
    assert list(first) == ["customer", "frequency", "recency", "T", "monetary", "p_alive",
                           "expected_purchases", "expected_order_value", "clv"]  # fmt: skip
    assert first["customer"] == "C0000" and first["T"] == 400.0
    alone = next(p for p in report["predictions"] if p["frequency"] == 0)
    assert alone["p_alive"] == 1.0 and alone["monetary"] is None


def test_reads_parquet_with_typed_columns(tmp_path: Path) -> None:
    rows = _transactions()
    table = pa.table(
        {
            "client": [r[0] for r in rows],
            "jour": pa.array([dt.date.fromisoformat(_iso(r[1])) for r in rows], pa.date32()),
            "montant": [float(r[2].replace(",", ".")) for r in rows],
        }
    )
    pq.write_table(table, tmp_path / "sales.parquet")
    result = runner.invoke(app, ["clv", "fit", str(tmp_path / "sales.parquet"), *ARGS, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["skipped"] == {}


def _iso(day_month_year: str) -> str:
    if "-" in day_month_year:
        return day_month_year
    day, month, year = day_month_year.split("/")
    return f"{year}-{month}-{day}"


def test_as_of_leaves_later_purchases_out(sales: Path) -> None:
    args = ["clv", "fit", str(sales), *ARGS, "--json", "--as-of", "31/12/2024"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    later = sum(_iso(day) > "2024-12-31" for _, day, _ in _transactions())
    assert report["as_of"] == "2024-12-31" and later > 1
    assert report["skipped"]["after the as-of date"]["count"] == later
    assert max(p["T"] for p in report["predictions"]) == 365.0


def _error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    assert "no such file" in _error(["clv", "fit", str(tmp_path / "none.csv"), *ARGS])


def test_a_folder_without_parquet_files_is_one_line(tmp_path: Path) -> None:
    _write(tmp_path / "sales.csv", _transactions())
    assert _error(["clv", "fit", str(tmp_path), *ARGS]) == (
        f"error: no Parquet file in {tmp_path}: give a CSV, JSON lines or Parquet file (or one "
        "of them compressed with gzip), or a folder of Parquet files"
    )


def test_a_folder_of_parquet_files_is_read_as_one_table(tmp_path: Path) -> None:
    rows = _transactions()
    table = pa.table({name: [r[i] for r in rows] for i, name in enumerate(ARGS[1::2])})
    pq.write_table(table, tmp_path / "sales.parquet")
    (tmp_path / "parts").mkdir()
    pq.write_table(table.slice(0, 500), tmp_path / "parts" / "part-0.parquet")
    pq.write_table(table.slice(500), tmp_path / "parts" / "part-1.parquet")
    (tmp_path / "parts" / "_SUCCESS").write_text("", "utf-8")  # as Spark leaves it
    whole, parts = (
        runner.invoke(app, ["clv", "fit", str(tmp_path / name), *ARGS, "--json"])
        for name in ("sales.parquet", "parts")
    )
    assert parts.exit_code == 0, parts.output
    read = json.loads(parts.stdout)
    assert read["rows"] == len(rows) and read["customers"] == 301
    assert read["predictions"] == json.loads(whole.stdout)["predictions"]


def test_rows_of_another_width_and_absurd_amounts_are_skipped_and_shown(tmp_path: Path) -> None:
    rows: list[tuple[str, ...]] = list(_transactions())
    rows[2:2] = [("C0001", "02/01/2024", "5,00", "extra")]  # row 3
    rows[5:5] = [("C0002", "1" + "0" * 300)]  # row 6
    rows[7:7] = [("C0003", "02/01/2024", "1e300")]  # row 8
    result = runner.invoke(app, ["clv", "fit", str(_write(tmp_path / "s.csv", rows)), *ARGS])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no numeric warning from the fit
    out = " ".join(result.stdout.split())
    assert f"skipped 3 of {len(rows):,} rows: " in out
    assert "2 wrong number of values (the header names 3) (rows 3, 6)" in out
    assert "1 amount of 1e15 or more (a typo?) (row 8)" in out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_file_in_utf16_or_utf32_fits_as_its_utf8_copy(
    sales: Path, tmp_path: Path, encoding: str
) -> None:
    """A spreadsheet's "Unicode text" (UTF-16, tabs) or PowerShell's UTF-32, with a mark."""
    text = sales.read_text("utf-8").replace(";", "\t").replace("\n", "\r\n")
    wide = tmp_path / "sales.txt"
    wide.write_bytes(text.encode(encoding))
    runs = [runner.invoke(app, ["clv", "fit", str(p), *ARGS, "--json"]) for p in (sales, wide)]
    assert [r.exit_code for r in runs] == [0, 0], runs[1].output
    utf8, read = (json.loads(r.stdout) for r in runs)
    assert read["skipped"]["unreadable date"] == {"count": 2, "rows": [4, 5]}
    assert read["predictions"] == utf8["predictions"] and read["customers"] == 301


def test_amounts_written_with_both_decimal_points_are_read_each_as_written(
    tmp_path: Path,
) -> None:
    """Two exports put end to end, 12,50 in one and 12.50 in the other."""
    rows: list[tuple[str, ...]] = list(_transactions())
    half = len(rows) // 2
    rows[half:] = [(c, d, a.replace(",", ".")) for c, d, a in rows[half:]]
    rows[3:3] = [("C0001", "02/01/2024", "1.250")]  # row 4: 1250 or 1.25
    path = _write(tmp_path / "s.csv", rows)
    result = runner.invoke(app, ["clv", "fit", str(path), *ARGS, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["skipped"] == {
        "amount that reads two ways (1,234 where both '.' and ',' are decimal points)": {
            "count": 1,
            "rows": [4],
        }
    }
    assert report["notes"][0] == (
        f"amounts of {path}: both ',' ({rows[0][2]} on row 1) and '.' ({rows[half + 1][2]} on "
        f"row {half + 2}) are written as the decimal point: each amount read as it is written; "
        "1.250 on row 4 could be 1250 or 1.25: skipped"
    )
    assert report["customers"] == 301


def test_an_unknown_column_is_one_line_naming_the_columns(sales: Path) -> None:
    args = ["--customer", "client", "--date", "day", "--amount", "montant"]
    line = _error(["clv", "fit", str(sales), *args])
    assert "no column 'day'" in line and "(columns: client, jour, montant)" in line


def test_an_empty_file_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    assert "is empty" in _error(["clv", "fit", str(empty), *ARGS])
    header_only = _write(tmp_path / "header.csv", [])
    assert "has a header but no rows" in _error(["clv", "fit", str(header_only), *ARGS])


def test_a_file_too_small_to_fit_says_how_many_it_needs(tmp_path: Path) -> None:
    rows = [(f"C{i}", "01/01/2024", "10") for i in range(30)]
    rows += [(f"C{i}", "05/01/2024", "10") for i in range(5)]
    line = _error(["clv", "fit", str(_write(tmp_path / "few.csv", rows)), *ARGS])
    assert "too few customers to fit: 5 of 30 with a repeat purchase" in line
    assert "at least 20 needed" in line


def test_a_file_with_no_usable_row_is_one_line(tmp_path: Path) -> None:
    rows = [("C1", "someday", "10"), ("C2", "01/01/2024", "ten")]
    line = _error(["clv", "fit", str(_write(tmp_path / "bad.csv", rows)), *ARGS])
    assert "no row of" in line and line.endswith("and an amount (2 rows read)")


def test_an_as_of_before_every_purchase_says_so(tmp_path: Path) -> None:
    rows = [("C1", "05/01/2024", "10"), ("C2", "06/01/2024", "12,50"), ("", "07/01/2024", "3")]
    path = _write(tmp_path / "later.csv", rows)
    line = _error(["clv", "fit", str(path), *ARGS, "--as-of", "2023-12-31"])
    assert line == (
        f"error: every purchase of {path} is after the as-of date 2023-12-31 "
        "(3 rows read, 2 of them purchases)"
    )


def test_a_parquet_file_of_no_column_is_one_line(tmp_path: Path) -> None:
    """read_rows refuses an empty CSV, but a Parquet file can hold a schema of no column."""
    path = tmp_path / "none.parquet"
    pq.write_table(pa.table({}), path)
    assert _error(["clv", "fit", str(path), *ARGS]) == f"error: {path} has no columns"


def test_a_bad_as_of_is_one_line(sales: Path) -> None:
    assert "--as-of 'tomorrow': not a date" in _error(
        ["clv", "fit", str(sales), *ARGS, "--as-of", "tomorrow"]
    )


def test_a_purchase_dated_in_the_future_is_skipped_not_the_as_of(tmp_path: Path) -> None:
    """A typo such as 2999 for 2024 would make T centuries long for every customer."""
    rows = _transactions()
    rows.append(("C0005", "04/02/2999", "10,00"))
    args = ["clv", "fit", str(_write(tmp_path / "typo.csv", rows)), *ARGS, "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["as_of"] == "2025-02-04"
    assert report["skipped"]["dated after today"]["count"] == 1


def test_an_as_of_after_today_is_one_line(sales: Path) -> None:
    line = _error(["clv", "fit", str(sales), *ARGS, "--as-of", "2999-01-01"])
    assert line.startswith("error: --as-of 2999-01-01 is after today")


def test_a_column_of_lists_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nested.parquet"
    pq.write_table(
        pa.table({"client": [["C1"], ["C2"]], "jour": ["2024-01-01"] * 2, "montant": ["5"] * 2}),
        path,
    )
    assert _error(["clv", "fit", str(path), *ARGS]) == (
        f"error: column 'client' of {path} holds list<element: string>, not single values"
    )


def test_a_purchase_dated_before_1900_is_skipped(tmp_path: Path) -> None:
    """A typo such as 0024 for 2024 would make one customer's history two thousand years long."""
    rows = _transactions()
    rows.append(("C0005", "0024-02-04", "10,00"))
    rows.append(("C0006", "31/12/1899", "10,00"))
    args = ["clv", "fit", str(_write(tmp_path / "typo.csv", rows)), *ARGS, "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["skipped"]["dated before 1900"]["count"] == 2


@pytest.fixture
def wild_spenders(tmp_path: Path) -> Path:
    """Twenty customers with one repeat purchase each: sixteen of 10, four of 1,000 to 100,000.
    A tail that heavy fits Gamma-Gamma q ≈ 0.54, whose mean order value is infinite."""
    wild = {16: "1000", 17: "5000", 18: "20000", 19: "100000"}
    rows = []
    for i in range(20):
        rows.append((f"C{i:02d}", f"2024-01-{i + 1:02d}", "10"))
        rows.append((f"C{i:02d}", f"2024-03-{i + 1:02d}", wild.get(i, "10")))
    rows.append(("C20", "2024-06-30", "10"))
    return _write(tmp_path / "wild.csv", rows)


def test_a_clv_that_cannot_be_computed_is_not_shown_as_zero(wild_spenders: Path) -> None:
    result = runner.invoke(app, ["clv", "fit", str(wild_spenders), *ARGS, "--top", "3"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "CLV 0.00" not in out and "in all" not in out
    # The likelihood is flat along q here (p runs off to about 1e6): the third digit of q
    # depends on the machine's floating point, the message on q ≤ 1 alone.
    assert re.search(
        r"Next 12 months: 1 purchases expected, CLV not computed: Gamma-Gamma q = 0\.54\d ≤ 1, "
        r"so the mean order value is infinite; mean P\(alive\) 0\.05\.",
        out,
    )
    assert "top 3 by purchases expected" in out and "by CLV" not in out


def test_json_leaves_a_clv_that_cannot_be_computed_empty(wild_spenders: Path) -> None:
    result = runner.invoke(app, ["clv", "fit", str(wild_spenders), *ARGS, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["gamma_gamma"]["q"] == pytest.approx(0.5416, abs=1e-3)
    [note] = report["notes"]
    assert re.fullmatch(
        r"Gamma-Gamma q = 0\.54\d ≤ 1: the model's mean order value is infinite, so order "
        r"values and CLV are left empty",
        note,
    )
    assert {p["clv"] for p in report["predictions"]} == {None}
    assert {p["expected_order_value"] for p in report["predictions"]} == {None}


def test_a_fit_without_dropout_says_p_alive_tells_no_churn(tmp_path: Path) -> None:
    """Customers who never drop out: P(alive) is about 1 for all, and the output says why."""
    rng = np.random.default_rng(4)
    rows = []
    for i in range(300):
        rate, day = rng.gamma(2, 1 / 60), 0.0
        while day < 500:  # each buys at their own rate until the last day
            when = dt.date(2024, 1, 1) + dt.timedelta(days=int(day))
            rows.append((f"C{i:04d}", when.isoformat(), "20,00"))
            day += rng.exponential(1 / rate)
    path = _write(tmp_path / "steady.csv", rows)
    result = runner.invoke(app, ["clv", "fit", str(path), *ARGS, "--top", "0"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "the BG/NBD fit found almost no dropout" in out
    assert re.search(r"mean P\(alive\) 1\.00 \(no dropout found: it tells no churn\)", out)
    healthy = runner.invoke(app, ["clv", "fit", str(_write(tmp_path / "s.csv", _transactions())),
                                  *ARGS, "--top", "0"])  # fmt: skip
    assert "dropout" not in healthy.stdout


def test_the_help_wraps_each_paragraph_to_the_terminal() -> None:
    """The description is paragraphs, each wrapped to the width of the terminal: no line is cut
    short before the end of its paragraph."""
    for width in (60, 80, 120):
        shown = runner.invoke(app, ["clv", "fit", "--help"], env={"COLUMNS": str(width)}).output
        panel = next(line for line in shown.splitlines() if line.startswith("╭"))
        assert len(panel) == width
        described = shown.split("Usage:")[1].split("╭")[0].splitlines()[2:]
        text = [line.strip() for line in described]
        for line, after in itertools.pairwise(text):
            if line and after:  # a line within a paragraph leaves no room for the next word
                assert len(line) + 1 + len(after.split()[0]) > width - 2, (width, line)


def test_a_gzip_export_is_fitted(tmp_path: Path) -> None:
    rows = _transactions()
    plain = _write(tmp_path / "sales.csv", rows)
    packed = tmp_path / "sales.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    result = runner.invoke(app, ["clv", "fit", str(packed), *ARGS, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["customers"] == 301


def test_a_workspaces_gold_left_by_an_unfinished_run_is_warned_of(tmp_path: Path) -> None:
    """A gold table or its export, read while the last run stopped part-way: fitted all the
    same, with the warning the commands that read gold give; a file elsewhere gets none."""
    from c360.pipeline.last_run import run_at, run_started

    rows = _transactions()
    table = pa.table({name: [r[i] for r in rows] for i, name in enumerate(ARGS[1::2])})
    gold = tmp_path / "ws" / "lake" / "gold" / "fct_orders"
    gold.mkdir(parents=True)
    pq.write_table(table, gold / "part-0.parquet")
    (tmp_path / "ws" / "exports" / "csv").mkdir(parents=True)
    export = _write(tmp_path / "ws" / "exports" / "csv" / "fct_orders.csv", rows)
    elsewhere = _write(tmp_path / "sales.csv", rows)
    for path in (gold, export, elsewhere):
        done = runner.invoke(app, ["clv", "fit", str(path), *ARGS, "--json"])
        assert done.exit_code == 0 and done.stderr == "", done.output
    run_started(tmp_path / "ws", "gold")
    run_at(tmp_path / "ws", "silver")
    for path in (gold, export):
        done = runner.invoke(app, ["clv", "fit", str(path), *ARGS, "--json"])
        assert done.exit_code == 0 and json.loads(done.stdout)["customers"] == 301
        said = " ".join(done.stderr.split())
        assert said.startswith("warning: the last `c360 run` (started ")
        assert "before it finished (silver is partly its); gold and exports/ are" in said
    assert runner.invoke(app, ["clv", "fit", str(elsewhere), *ARGS, "--json"]).stderr == ""
