"""``c360 audience export``: a segment's members for a campaign tool, consented channels only."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from c360.cli._console import console, err_console, fail
from c360.cli._options import check_choice
from c360.cli._paths import check_workspace, workspace_path

# The names --out may end in, by the format each holds: a CSV is not written under a
# spreadsheet's or the project file's name, nor JSON lines under a .csv one.
SUFFIXES = {"csv": (".csv",), "json": (".jsonl", ".ndjson", ".json")}

app = typer.Typer(
    help="Audiences: segment members handed to a campaign tool.", no_args_is_help=True
)


@app.command("export")
def export_command(
    segment: Annotated[str, typer.Argument(help="A segment of customer_profile.segments.")],
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="Workspace directory.", parser=workspace_path)
    ] = (Path(".")),
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="csv, or json (JSON lines). Default: as --out is named (.jsonl, .ndjson or .json "
            "for json), else csv.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="A .csv file, a .jsonl, .ndjson or .json file, '-' for stdout, or a device or "
            "pipe such as /dev/stdout (written as --format says). Default: "
            "exports/audiences/<segment>.csv|jsonl.",
        ),
    ] = None,
    clear_text: Annotated[
        bool, typer.Option("--clear-text", help="E-mails and phones in clear, not pseudonymised.")
    ] = False,
) -> None:
    """Write the members of SEGMENT: customer360_id, consented channels, e-mail and phone."""
    check_workspace(workspace)
    if fmt is not None:
        check_choice("--format", fmt, tuple(SUFFIXES))
    to_stdout = str(out) == "-"
    slug = re.sub(r"[^a-z0-9]+", "_", segment.lower()).strip("_") or "segment"
    path = (
        out or workspace / "exports" / "audiences" / f"{slug}.{'jsonl' if fmt == 'json' else 'csv'}"
    )
    if out is not None and not to_stdout:  # a mistake is told before the work, not after
        if path.is_dir():
            raise fail(f"cannot write {path}: it is a folder")
        if not path.parent.is_dir():
            raise fail(f"cannot write {path}: no folder {path.parent}")
        fmt = _format(path, fmt)
    fmt = fmt or "csv"
    import pyarrow.csv as pacsv

    from c360 import config
    from c360.ml.audience import AudienceError, audience

    try:
        found = audience(workspace, config.load(workspace), segment, clear_text)
    except (config.ConfigError, AudienceError) as exc:
        raise fail(str(exc).strip("'\"")) from None
    try:
        if out is None:
            path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            pacsv.write_csv(found.members, sys.stdout.buffer if to_stdout else path)
        else:
            import json

            lines = "".join(json.dumps(r) + "\n" for r in found.members.to_pylist())
            if to_stdout:
                sys.stdout.write(lines)
            else:
                path.write_text(lines)
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror or exc}") from None
    # With -o - (or /dev/stdout) stdout holds the members, so the summary goes to stderr.
    (err_console if to_stdout or _is_stdout(path) else console).print(
        f"{found.members.num_rows:,} of {found.segment_size:,} members of {segment!r} written to "
        f"{'stdout' if to_stdout else path} ({found.opted_out:,} opted out, "
        f"{found.no_consented_channel:,} with no consented "
        f"channel left out; contact points {'in clear' if clear_text else 'pseudonymised'})",
        markup=False, highlight=False, soft_wrap=True,  # the segment and path as written
    )  # fmt: skip


def _format(out: Path, fmt: str | None) -> str | None:
    """The format ``out`` is named for, or the error to raise: a name of neither format, or of
    another format than ``--format`` gives. A stream's name (``/dev/stdout``, ``/dev/fd/3``, a
    pipe) is not checked: the format is ``--format``'s, else the name's if it names one."""
    suffix = out.suffix.lower()
    named = next((f for f, suffixes in SUFFIXES.items() if suffix in suffixes), None)
    if _is_stream(out):
        return fmt or named
    if named is None:
        raise fail(f"cannot write {out}: the name must end in .csv, .jsonl, .ndjson or .json")
    if fmt is not None and fmt != named:
        writes = "JSON lines" if fmt == "json" else "CSV"
        raise fail(f"cannot write {out}: --format {fmt} writes {writes}, not a {suffix} file")
    return named


def _is_stream(out: Path) -> bool:
    """Whether ``out`` is there and no regular file, or a device's name (``/dev/stdout`` is
    one, even when the shell sends it to a file)."""
    try:
        return out.exists() and (
            not out.is_file() or out.absolute().parts[1:2] in [("dev",), ("proc",)]
        )
    except OSError:
        return False


def _is_stdout(out: Path) -> bool:
    """Whether ``out`` is the file standard output writes to."""
    try:
        return os.path.samestat(out.stat(), os.fstat(1))
    except OSError:
        return False
