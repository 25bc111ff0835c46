"""Numbers and choices given on the command line: a wrong one is one line naming what is wanted."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from c360.cli import app, main
from c360.cli._options import check_choice, number, whole


def _options(kind: type) -> dict[tuple[str, ...], list[str]]:
    """Every option of type ``kind`` of every command: command words -> option names."""

    def walk(command: Any, path: tuple[str, ...]) -> dict[tuple[str, ...], list[str]]:
        if hasattr(command, "commands"):
            return {
                k: v
                for n, sub in command.commands.items()
                for k, v in walk(sub, (*path, n)).items()
            }
        found = [p.opts[0] for p in command.params if p.type_descriptor.annotation is kind]
        return {path: found} if found else {}

    return walk(typer.main.get_command(app), ())


FLOAT_OPTIONS = _options(float)
INT_OPTIONS = _options(int)


def test_the_float_options_are_the_known_ones() -> None:
    assert FLOAT_OPTIONS == {
        ("generate",): ["--scale", "--dirt"],
        ("demo",): ["--scale"],
        ("load-postgres",): ["--lock-timeout"],
        ("identity", "dedupe"): ["--threshold"],
        ("clv", "fit"): ["--discount-rate"],
    }


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "1e999"])
@pytest.mark.parametrize(
    ("command", "option"), [(c, o) for c, options in FLOAT_OPTIONS.items() for o in options]
)
def test_nan_and_infinity_are_one_line_naming_the_range(
    command: tuple[str, ...], option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, option, value]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: Invalid value for '{option}': expected a number ")
    assert err.endswith(f", got {value} (try: c360 {' '.join(command)} --help)\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("command", "option", "value", "wanted"),
    [
        ("generate", "--scale", "500", "expected a number from 0.01 to 100, got 500"),
        ("generate", "--scale", "abc", "'abc' is not a number"),
        ("generate", "--dirt", "0.5", "expected a number from 0 to 0.2, got 0.5"),
        ("demo", "--scale", "0", "expected a number from 0.01 to 100, got 0"),
        ("identity dedupe", "--threshold", "0", "expected a number above 0 and at most 1, got 0"),
        ("clv fit", "--discount-rate", "-0.1", "expected a number of 0 or more, got -0.1"),
        ("load-postgres", "--lock-timeout", "9e4", "expected a number from 0 to 86400, got 9e4"),
        ("generate", "--seed", "-1", "expected a whole number of 0 or more, got -1"),
        ("generate", "--seed", "abc", "'abc' is not a whole number"),
        ("generate", "--seed", "1.5", "'1.5' is not a whole number"),
        ("query", "--max-rows", "0", "expected a whole number of 1 or more, got 0"),
        ("clv fit", "--months", "121", "expected a whole number from 1 to 120, got 121"),
        ("clv fit", "--top", "-3", "expected a whole number of 0 or more, got -3"),
    ],
)
def test_a_number_out_of_range_says_the_range(
    command: str, option: str, value: str, wanted: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command.split(), option, value]) == 2
    assert capsys.readouterr().err == (
        f"error: Invalid value for '{option}': {wanted} (try: c360 {command} --help)\n"
    )


def test_number_takes_the_bounds_it_is_given() -> None:
    assert number(0.01, 100)("0.01") == 0.01
    assert number(0.01, 100)(100) == 100.0
    assert number(0, 1, above=True)(" 1 ") == 1.0
    assert number(0)("1e300") == 1e300
    with pytest.raises(typer.BadParameter, match=r"above 0 and at most 1, got 0\.0"):
        number(0, 1, above=True)(0.0)


def test_the_whole_number_options_are_the_known_ones() -> None:
    assert INT_OPTIONS == {
        ("generate",): ["--seed"],
        ("query",): ["--max-rows"],
        ("clv", "fit"): ["--months", "--top"],
    }


def test_whole_takes_the_bounds_it_is_given() -> None:
    assert whole(0)("0") == 0
    assert whole(1, 120)(" 120 ") == 120
    assert whole(0)(7) == 7
    assert whole(0)("123456789012345678901234567890") == 123456789012345678901234567890
    with pytest.raises(typer.BadParameter, match=r"from 1 to 120, got 0"):
        whole(1, 120)("0")


def test_a_choice_in_any_case_is_the_choice_where_asked() -> None:
    """An engine's name is a name (Spark, DuckDB); a format's stays as listed."""
    engines = ("duckdb", "spark")
    assert check_choice("--engine", "Spark", engines, any_case=True) == "spark"
    assert check_choice("--engine", "duckdb", engines, any_case=True) == "duckdb"
    assert check_choice("--format", "csv", ("csv", "parquet")) == "csv"
    with pytest.raises(typer.Exit):
        check_choice("--format", "CSV", ("csv", "parquet"))
    with pytest.raises(typer.Exit):
        check_choice("--engine", "sparky", engines, any_case=True)
