"""``c360 audience export``: a segment's members for a campaign tool, consented channels only."""

from __future__ import annotations

import hashlib
import os
import sys
import unicodedata
from pathlib import Path
from typing import Annotated

import typer

from c360.cli._console import console, err_console, fail, warning
from c360.cli._help import App
from c360.cli._options import check_choice
from c360.cli._paths import Workspace, check_workspace

# The names --out may end in, by the format each holds: a CSV is not written under a
# spreadsheet's or the project file's name, nor JSON lines under a .csv one.
SUFFIXES = {"csv": (".csv",), "json": (".jsonl", ".ndjson", ".json")}

app = App(help="Audiences: segment members handed to a campaign tool.", no_args_is_help=True)


@app.command("export")
def export_command(
    segment: Annotated[str, typer.Argument(help="A segment of customer_profile.segments.")],
    workspace: Workspace = Path("."),
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
            metavar="FILE",
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
    name = f"{file_name(segment)}.{'jsonl' if fmt == 'json' else 'csv'}"
    path = out or workspace / "exports" / "audiences" / name
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
    from c360.pipeline.last_run import stale_gold

    warning(stale_gold(workspace))
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
    where = "stdout" if to_stdout else path
    if found.segment_size == 0:  # the file is replaced all the same: no old list is left to send
        written = "the header alone" if fmt == "csv" else "an empty file"
        written = "nothing" if to_stdout and fmt == "json" else written
        summary = (
            f"0 members in {segment!r}: the last run found no customer in it; {written} "
            f"written to {where}"
        )
    else:
        summary = (
            f"{found.members.num_rows:,} of {found.segment_size:,} members of {segment!r} "
            f"written to {where} ({found.opted_out:,} opted out, "
            f"{found.no_consented_channel:,} with no consented channel left out; contact points "
            f"{'in clear' if clear_text else 'pseudonymised'})"
        )
    # With -o - (or /dev/stdout) stdout holds the members, so the summary goes to stderr.
    (err_console if to_stdout or _is_stdout(path) else console).print(
        summary, markup=False, highlight=False, soft_wrap=True,  # the segment and path as written
    )  # fmt: skip


NAME_BYTES = 200  # of a segment's name kept in its file's name: systems take 255 at most


def file_name(segment: str) -> str:
    """The default file name of ``segment``'s audience, without its suffix: its letters, marks
    and digits in any script (NFC, lower-cased), other runs of characters as one ``_``. A name
    with none, or longer than :data:`NAME_BYTES` in UTF-8, is cut and ends in a short hash of
    the whole name, so that names of other letters get other files (names differing only in
    case or punctuation share one)."""
    name = unicodedata.normalize("NFC", segment)
    lower = unicodedata.normalize("NFC", name.lower())  # İ lower-cased is i and a mark
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in lower)
    slug = "_".join(kept.split())
    if slug and len(slug.encode()) <= NAME_BYTES:
        return slug
    cut = slug.encode()[:NAME_BYTES].decode(errors="ignore").rstrip("_")  # whole characters
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cut or 'segment'}_{digest}"


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
