"""Note and e-mail files: a marker line may end in spaces or tabs (editors leave them); any
other change to it is no marker."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
NOTES = Table("notes", "x", "", (Column("name", "string"), Column("text", "string")),
              path="sources/notes", file_format="text")  # fmt: skip
NO_MARKERS = "no '--- BEGIN … ---' / '--- END … ---' markers"


def land_note(workspace: Path, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The texts landed and the (raw, reason) quarantined for a folder of one note."""
    folder = workspace / NOTES.path
    folder.mkdir(parents=True)
    (folder / "n1.txt").write_bytes(text.encode())
    result = land(workspace, NOTES, folder, "b1", WHEN)
    landed = lake.read_table(workspace, "bronze", "notes").column("text").to_pylist()
    bad = lake.read_table(workspace, "quarantine", "bronze_notes").to_pylist()
    assert (result.landed, result.quarantined) == (len(landed), len(bad))
    return landed, [(b["raw"], b["reason"]) for b in bad]


@pytest.mark.parametrize(
    "text",
    [
        "ID: 1\n--- BEGIN NOTE ---  \nhi\n--- END NOTE ---\n",
        "ID: 1\n--- BEGIN NOTE ---\nhi\n--- END NOTE ---\t\n",
        "ID: 1\n--- BEGIN NOTE --- \t \nhi\n--- END NOTE ---\t \t",  # the file's last line
        "ID: 1\r\n--- BEGIN NOTE ---\t\r\nhi\r\n--- END NOTE --- \r\n",  # written on Windows
        "ID: 1\r--- BEGIN NOTE --- \rhi\r--- END NOTE ---\t\r",  # on an old Mac
        "--- BEGIN EMAIL ---   \n--- END EMAIL ---  \n",
    ],
)
def test_a_marker_line_ending_in_spaces_or_tabs_is_a_marker(tmp_path: Path, text: str) -> None:
    assert land_note(tmp_path, text) == ([text], [])


@pytest.mark.parametrize(
    "text",
    [
        "ID: 1\n --- BEGIN NOTE ---\nhi\n--- END NOTE ---\n",  # a space before
        "ID: 1\n--- BEGIN NOTE ---\nhi\n\t--- END NOTE ---\n",  # a tab before
        "ID: 1\n--- BEGIN NOTE --- .\nhi\n--- END NOTE ---\n",  # text after the spaces
        "ID: 1\n--- BEGIN NOTE ---\nhi\n--- END NOTE ---\u00a0\n",  # a no-break space
        "ID: 1\n--- BEGIN NOTE ---\nhi\n--- END NOTE ---\f\n",  # a form feed
        "ID: 1\n---  BEGIN NOTE ---\nhi\n---  END NOTE ---\n",  # two spaces inside
        "ID: 1\n--- BEGIN NOTE  ---\nhi\n--- END NOTE  ---\n",
        "ID: 1\n--- BEGIN NOTE ---  \nhi\n--- END MAIL ---  \n",  # another name
    ],
)
def test_any_other_change_to_a_marker_line_is_no_marker(tmp_path: Path, text: str) -> None:
    assert land_note(tmp_path, text) == ([], [(text, NO_MARKERS)])
