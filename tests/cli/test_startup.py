"""Help and usage errors answer at once: they load none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import typer

from c360.cli import app, load_postgres

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
    code = "\n".join(
        ["import contextlib, io", "from c360.cli import main"]
        + [
            f"with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr("
            f"io.StringIO()):\n    assert main({call!r}) in (0, 2), {call!r}"
            for call in calls
        ]
    )
    assert _heavy_loaded_after(code) == []


def test_load_postgres_help_shows_the_library_defaults() -> None:
    """The CLI repeats the two limits so that its help needs no pyarrow; they must agree."""
    from c360.serve import postgres

    assert load_postgres.LOCK_TIMEOUT_S == postgres.LOCK_TIMEOUT_S
    assert load_postgres.MAX_LOCK_TIMEOUT_S == postgres.MAX_LOCK_TIMEOUT_S
