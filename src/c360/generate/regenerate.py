"""What ``--force`` replaces: the files an earlier run of the generator wrote, and no others.

A file is the generator's when it sits at one of the generator's paths (in either format) and
``sources/manifest.json`` records it there with the sha256 it still has, or when the run that
wrote it stopped before its manifest (``sources/.generating`` names that run's format). Every
other file stays; one at a path this run writes stops the run before anything is removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from c360 import contracts
from c360.contracts.model import Table
from c360.generate.sinks import file_sha256, text_entry

MANIFEST = "sources/manifest.json"
PENDING = "sources/.generating"  # the format of a run under way; removed once its manifest is
FORMATS = ("csv", "parquet")
TEXT_FILE = re.compile(r"[A-Z]+_\d+\.txt")  # the generator's names in a text folder
SHOWN = 5  # files named in the refusal


class WorkspaceNotEmptyError(Exception):
    """The target workspace already holds files and --force was not given, or holds files not
    the generator's where it writes."""


def table_path(table: Table, file_format: str) -> str:
    """Where ``table``'s file (or folder) goes, relative to the workspace."""
    if table.file_format == "table":  # the one format the user picks: csv or parquet
        return f"{table.path}.{file_format}"
    return table.path


def generator_paths(file_format: str) -> dict[str, Table]:
    """Every path a run of this format writes (but the manifest), with its table."""
    tables = (*contracts.SOURCE_TABLES, *contracts.TRUTH_TABLES)
    return {table_path(t, file_format): t for t in tables}


def clear(workspace: Path, file_format: str) -> None:
    """Remove what earlier runs of the generator wrote; first raise, touching nothing, if a
    file not known as the generator's sits where a run of ``file_format`` writes."""
    entries, problem = _manifest(workspace)
    known = _known(workspace, entries, _pending(workspace))
    blocking = _blocking(workspace, file_format, known)
    if blocking:
        names = ", ".join(blocking[:SHOWN])
        if len(blocking) > SHOWN:
            names += f" and {len(blocking) - SHOWN} more"
        why = f"not recorded as generated in {MANIFEST}"
        if problem:
            why = f"not known as generated ({MANIFEST} is {problem})"
        raise WorkspaceNotEmptyError(
            f"workspace {workspace}: --force would overwrite files {why}: {names}; "
            "move or delete them first"
        )
    (workspace / PENDING).parent.mkdir(parents=True, exist_ok=True)
    (workspace / PENDING).write_text(json.dumps({"format": file_format}) + "\n", "utf-8")
    (workspace / MANIFEST).unlink(missing_ok=True)
    for paths in known.values():
        for path in paths:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def complete(workspace: Path) -> None:
    """Say that the run is complete: its manifest is written."""
    (workspace / PENDING).unlink(missing_ok=True)


def _manifest(workspace: Path) -> tuple[dict[str, str], str | None]:
    """The previous manifest's digests by path, and why there are none (missing, unreadable)."""
    try:
        manifest = json.loads((workspace / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        return {}, "missing"
    except (OSError, ValueError):
        return {}, "unreadable"
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list):
        return {}, "unreadable"
    return {
        f["path"]: f["sha256"]
        for f in files
        if isinstance(f, dict)
        and isinstance(f.get("path"), str)
        and isinstance(f.get("sha256"), str)
    }, None


def _pending(workspace: Path) -> str | None:
    """The format of a run that stopped before its manifest, if one did."""
    try:
        pending = json.loads((workspace / PENDING).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    fmt = pending.get("format") if isinstance(pending, dict) else None
    return fmt if fmt in FORMATS else None


def _known(workspace: Path, entries: dict[str, str], pending: str | None) -> dict[str, list[Path]]:
    """The generator's files and folders found, by the path they belong to."""
    cut_short = set(generator_paths(pending)) if pending else set()
    known: dict[str, list[Path]] = {}
    for rel, table in {k: v for f in FORMATS for k, v in generator_paths(f).items()}.items():
        path = workspace / rel
        if path.is_symlink() or not path.exists():
            continue
        if table.file_format == "text":
            files = _text_files(path) if path.is_dir() else []
            if files and (
                rel in cut_short or (rel in entries and _text_digest(files) == entries[rel])
            ):
                known[rel] = files
        elif path.is_dir() == (table.file_format == "parquet_dir") and (
            rel in cut_short or (rel in entries and file_sha256(path) == entries[rel])
        ):
            known[rel] = [path]
    return known


def _blocking(workspace: Path, file_format: str, known: dict[str, list[Path]]) -> list[str]:
    """The paths this run writes that hold files not known as the generator's."""
    blocking = []
    for rel, table in sorted(generator_paths(file_format).items()):
        path = workspace / rel
        if rel in known or not os.path.lexists(path):
            continue
        if path.is_symlink() or not path.is_dir():
            blocking.append(rel)
        elif table.file_format == "text":
            if _text_files(path):
                blocking.append(f"{rel}/")  # its files of the generator's names
        elif table.file_format != "parquet_dir" or any(path.iterdir()):
            blocking.append(rel)
    return blocking


def _text_files(folder: Path) -> list[Path]:
    """The folder's files of the generator's names, in the order it writes them (by id)."""
    files = [p for p in folder.iterdir() if TEXT_FILE.fullmatch(p.name) and p.is_file()]
    return sorted(files, key=lambda p: (len(p.name), p.name))


def _text_digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for path in files:
        h.update(text_entry(path.name, path.read_bytes()))
    return h.hexdigest()
