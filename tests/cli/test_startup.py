"""Help, usage and argument errors answer at once: they load none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from c360.cli import app, generate, identity_dedupe, load_postgres
from c360.cli.run import ENGINES, LAYERS

HEAVY = ("ibis", "duckdb", "pyspark", "sklearn", "scipy", "pyarrow", "splink", "pandas")


def _command_paths(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's words, e.g. ("clv", "fit"), walking the groups."""
    subcommands = getattr(command, "commands", {})
    return [p for name, sub in subcommands.items() for p in _command_paths(sub, (*path, name))] or [
        path
    ]


def _heavy_loaded_after(code: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """The heavy modules a fresh Python holds after running ``code``."""
    check = f"{code}\nimport sys; print(*[m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.split()


def test_importing_the_cli_loads_no_heavy_library() -> None:
    # Typer itself loads pydantic to check some options' values, but not at import.
    assert _heavy_loaded_after("import c360.cli", (*HEAVY, "pydantic", "yaml")) == []


def test_help_and_usage_errors_load_no_heavy_library() -> None:
    paths = _command_paths(typer.main.get_command(app))
    assert ("clv", "fit") in paths and ("run",) in paths
    calls = [[], ["--help"], ["--version"], *([*p, "--help"] for p in paths)]
    calls += [[*p, "--no-such-option"] for p in paths]
    assert _heavy_loaded_after(_calls_code(calls, (0, 2))) == []


def _calls_code(calls: list[list[str]], codes: tuple[int, ...]) -> str:
    """Python that runs ``c360`` with each argument list, output hidden, checking its exit code."""
    return "\n".join(
        ["import contextlib, io", "from c360.cli import main"]
        + [
            f"with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr("
            f"io.StringIO()):\n    assert main({call!r}) in {codes!r}, {call!r}"
            for call in calls
        ]
    )


CLV_COLUMNS = ["--customer", "c", "--date", "d", "--amount", "a"]
BAD_ARGUMENTS = [
    ["generate", "--scale", "500"],
    ["generate", "--scale", "nan"],
    ["generate", "--scale", "inf"],
    ["generate", "--dirt", "0.5"],
    ["generate", "--format", "xml"],
    ["generate", "--seed", "-1"],
    ["generate", "--workspace", "{file}"],
    ["demo", "--scale", "500"],
    ["run", "--until", "platinum"],
    ["run", "--workspace", "{missing}"],
    ["query", "SELECT 1", "--workspace", "{missing}"],
    ["profile", "x", "--workspace", "{missing}"],
    ["quality", "score", "--workspace", "{file}"],
    ["models", "evaluate", "--workspace", "{missing}"],
    ["identity", "evaluate", "--workspace", "{missing}"],
    ["text", "evaluate", "--workspace", "{missing}"],
    ["text", "analyze", "--language", "xx"],
    ["text", "analyze", "{missing}"],
    ["audience", "export", "vip", "--workspace", "{missing}"],
    ["audience", "export", "vip", "--format", "xml"],
    ["load-postgres", "--url", "postgresql://h/db", "--lock-timeout", "nan"],
    ["load-postgres", "--url", "postgresql://h/db", "--workspace", "{missing}"],
    ["clv", "fit", "{missing}", *CLV_COLUMNS],
    ["clv", "fit", "{file}", *CLV_COLUMNS, "--discount-rate", "nan"],
]
DEDUPE = ["identity", "dedupe", "{file}", "--id", "id", "--role", "mail=email"]
BAD_ARGUMENTS += [
    [*DEDUPE, "--out", "{dir}/clusters.xlsx"],
    [*DEDUPE, "--out", "{dir}"],
    [*DEDUPE, "--out", "{missing}/clusters.csv"],
    [*DEDUPE, "--out", "-", "--threshold", "0"],
    [*DEDUPE, "--out", "-", "--threshold", "nan"],
    [*DEDUPE, "--out", "-", "--role", "mail"],
    [*DEDUPE, "--out", "-", "--role", "tel=telephone"],
    [*DEDUPE[:3], "{file}", *DEDUPE[3:], "--out", "-"],
    [*DEDUPE[:3], "{missing}", *DEDUPE[3:], "--out", "-"],
]


def test_argument_errors_load_no_heavy_library(tmp_path: Path) -> None:
    """A wrong value, file or folder is told before the library loads: at once, not in seconds."""
    a_file = tmp_path / "people.csv"
    a_file.write_text("id,mail\n1,a@example.com\n")
    names = {"file": str(a_file), "missing": str(tmp_path / "missing"), "dir": str(tmp_path)}
    calls = [[arg.format(**names) for arg in call] for call in BAD_ARGUMENTS]
    # One Python for each: an error of its own, not one that an earlier call's import hides.
    loaded = {" ".join(call): _heavy_loaded_after(_calls_code([call], (2,))) for call in calls}
    assert {call: heavy for call, heavy in loaded.items() if heavy} == {}


def test_load_postgres_help_shows_the_library_defaults() -> None:
    """The CLI repeats the two limits so that its help needs no pyarrow; they must agree."""
    from c360.serve import postgres

    assert load_postgres.LOCK_TIMEOUT_S == postgres.LOCK_TIMEOUT_S
    assert load_postgres.MAX_LOCK_TIMEOUT_S == postgres.MAX_LOCK_TIMEOUT_S


def test_the_cli_repeats_the_library_limits_it_checks() -> None:
    """Limits the CLI checks before the library loads, repeated from it: they must agree."""
    from c360 import engines
    from c360.generate import plan
    from c360.identity import files
    from c360.pipeline import runner

    assert (generate.MIN_SCALE, generate.MAX_SCALE) == (plan.MIN_SCALE, plan.MAX_SCALE)
    assert generate.FORMATS == plan.FORMATS
    with pytest.raises(ValueError, match="dirt"):
        plan.Plan(dirt=generate.MAX_DIRT + 1e-9)
    assert plan.Plan(dirt=generate.MAX_DIRT).dirt == generate.MAX_DIRT
    assert LAYERS == runner.LAYERS
    assert tuple(engines.ENGINES) == ENGINES
    assert set(identity_dedupe.OUT_SUFFIXES) == {".csv", *files.PARQUET}
