"""``c360 identity dedupe``: find the duplicate people in your own file, no workspace needed."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from c360.cli._console import console, err_console, fail, labelled
from c360.cli._options import number
from c360.cli._paths import check_input_file
from c360.identity.roles import ROLES

_ROLE_LIST = ", ".join(ROLES)
# What c360.identity.files.write_rows writes, by the name's suffix; a test compares. No other
# format is written, so that clusters.xlsx is not a CSV file under a spreadsheet's name.
OUT_SUFFIXES = (".csv", ".parquet", ".pq")


def parse_roles(specs: Sequence[str]) -> dict[str, str]:
    """``COLUMN=ROLE`` options as column -> role; a malformed or contradictory one is an error.

    A column is named as written, spaces and all: it is looked for by that exact name first,
    then as the one column it names but for case and surrounding spaces
    (:func:`c360.identity.dedupe.find_column`)."""
    roles: dict[str, str] = {}
    for spec in specs:
        column, _, role = spec.rpartition("=")
        role = role.strip()
        if not column.strip() or not role:
            raise fail(f"--role {spec!r}: expected COLUMN=ROLE, e.g. --role mail=email")
        if role not in ROLES and column.strip() in ROLES:  # c360.yaml's order: role: column
            raise fail(
                f"--role {spec!r}: unknown role {role!r}; --role takes COLUMN=ROLE: "
                f"--role {role}={column.strip()}?"
            )
        if role not in ROLES:
            raise fail(f"--role {spec!r}: unknown role {role!r}; roles are {_ROLE_LIST}")
        if roles.get(column, role) != role:
            raise fail(f"--role: column {column!r} given two roles ({roles[column]}, {role})")
        roles[column] = role
    return roles


def dedupe_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="A CSV, JSON lines (.jsonl, .ndjson, .json) or Parquet file to deduplicate, or "
            "two to link. Two files are linked by "
            "deduplicating their union: duplicates inside one file are found as well as pairs "
            "across both. A JSON column not matched on may hold lists or objects. A phone stored "
            "as a number (612345678, 6.12345678E8) is read as its digits, in its record's "
            "country.",
            metavar="FILE [FILE2]",
            show_default=False,
        ),
    ],
    ids: Annotated[
        list[str],
        typer.Option(
            "--id",
            metavar="COLUMN",
            help="Column holding each row's id; give it twice when the two files name it "
            "differently (first file's, then second's).",
            show_default=False,
        ),
    ],
    role: Annotated[
        list[str],
        typer.Option(
            "--role",
            metavar="COLUMN=ROLE",
            help=f"COLUMN=ROLE, once per column to match on. Roles: {_ROLE_LIST}. With two "
            "files a column need only be in one of them.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Where to write one row per record: [source,] record_id, cluster_id, "
            "match_probability: a .csv or .parquet file, or '-' for CSV on stdout.",
            show_default=False,
        ),
    ],
    threshold: Annotated[
        float,
        typer.Option(
            parser=number(0, 1, above=True),
            help="Match probability at or above which two records are linked (above 0, at most 1).",
        ),
    ] = 0.9,
) -> None:
    """Find the records of one file, or of two, that describe the same person.

    Values are normalised by role, then scored by a model trained on your records alone.
    People sharing an e-mail or a phone but not a first name are never merged.
    A record with nothing to match on is kept in a cluster of its own, never dropped.
    One holding nothing but its id (a total row: "Total: 2 contacts") is no person: left out.
    So is a line repeating the header (exports joined end to end): left out.
    match_probability: the strongest link into the record's cluster (empty when alone).
    """
    if len(files) > 2:
        raise fail(f"give one file to deduplicate or two to link, not {len(files)}")
    if len(files) == 2 and files[0].resolve() == files[1].resolve():
        raise fail(f"{files[1]} is given twice: give one file to deduplicate, or two to link")
    for file in files:
        check_input_file(file, "a CSV, JSON lines or Parquet file")
    to_stdout = str(out) == "-"
    if not to_stdout:
        check_out(out, files)
    roles = parse_roles(role)
    from c360.identity.dedupe import DedupeError, dedupe
    from c360.identity.files import write_rows

    working = err_console.status("matching…") if err_console.is_terminal else nullcontext()
    try:
        with working:
            result = dedupe(files, ids, roles, threshold)
        write_rows(result.clusters, sys.stdout.buffer if to_stdout else out)
    except DedupeError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}") from None
    shown = err_console if to_stdout else console  # stdout may be the clusters themselves
    for note in [*result.notes, *([result.fallback] if result.fallback else [])]:
        shown.print(labelled("note:", note), highlight=False)
    records = result.clusters.num_rows
    line = (
        f"{_count(records, 'record')} in {_count(result.count_clusters, 'cluster')} "
        f"({_count(records - result.count_clusters, 'duplicate')} found)"
    )
    if result.unmatchable:
        example = ", ".join(result.unmatchable[:3]) + ("…" if len(result.unmatchable) > 3 else "")
        line += f"; {len(result.unmatchable):,} with nothing to match on kept alone ({example})"
    if result.bare:
        example = ", ".join(result.bare[:3]) + ("…" if len(result.bare) > 3 else "")
        held = "its id" if len(result.bare) == 1 else "their ids"
        line += f"; {_count(len(result.bare), 'row')} with nothing but {held} left out ({example})"
    for path, repeated in result.duplicate_ids.items():
        line += f"; {repeated:,} rows of {path} repeat an earlier row's id (the first kept)"
    for path, headers in result.repeated_headers.items():
        repeat = "repeats" if headers == 1 else "repeat"
        line += f"; {_count(headers, 'row')} of {path} {repeat} the header (left out)"
    where = "" if to_stdout else f" → {out}"
    shown.print(f"{line}; {result.seconds:.1f} s{where}", highlight=False, markup=False)


def check_out(out: Path, files: Sequence[Path]) -> None:
    """A file the clusters can be written to, or the error to raise."""
    if out.is_dir():
        raise fail(f"cannot write {out}: it is a folder; give a file name, e.g. {out}/clusters.csv")
    if out.suffix.lower() not in OUT_SUFFIXES:
        raise fail(
            f"cannot write {out}: the name must end in {', '.join(OUT_SUFFIXES)} (CSV or "
            "Parquet), or be '-' for stdout"
        )
    if not out.parent.is_dir():
        raise fail(f"cannot write {out}: no folder {out.parent}")
    for file in files:
        if out.resolve() == file.resolve():
            raise fail(f"--out {out} is the input file {file}; choose another")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
