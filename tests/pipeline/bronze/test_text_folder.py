"""A folder of notes: listed once for counting and reading, every file read whole."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze import blocks
from c360.pipeline.bronze.count import count
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
NOTES = Table("notes", "x", "", (Column("name", "string"), Column("text", "string")),
              path="sources/notes", file_format="text")  # fmt: skip
NOTE = "--- BEGIN NOTE ---\n{}\n--- END NOTE ---\n"


def test_landing_a_folder_lists_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting and reading see the same files; a second landing lists the folder anew."""
    folder = tmp_path / NOTES.path
    (folder / "2024").mkdir(parents=True)
    (folder / "n1.txt").write_text(NOTE.format("one"))
    (folder / "2024" / "n1.txt").write_text(NOTE.format("two"))
    listed: list[str] = []
    visible = blocks.visible_files

    def listing(path: Path) -> list[str]:
        listed.append(str(path))
        return visible(path)

    monkeypatch.setattr(blocks, "visible_files", listing)
    result = land(tmp_path, NOTES, folder, "b1", WHEN)
    assert (result.records, result.landed, listed) == (2, 2, [str(folder)])
    (folder / "n2.txt").write_text(NOTE.format("three"))
    result = land(tmp_path, NOTES, folder, "b2", WHEN)
    assert (result.records, result.landed, len(listed)) == (3, 3, 2)
    assert count(folder, NOTES) == 3  # outside a landing, as it is now
    names = lake.read_table(tmp_path, "bronze", "notes").column("name").to_pylist()
    assert names == ["2024/n1.txt", "n1.txt", "n2.txt"]


@pytest.mark.parametrize("size", [37, 38, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 3 << 16])
def test_a_file_of_any_size_is_read_whole(tmp_path: Path, size: int) -> None:
    """``size`` bytes, around what one read asks for (64 KiB)."""
    folder = tmp_path / NOTES.path
    folder.mkdir(parents=True)
    text = NOTE.format("é" * ((size - 37) // 2) + "x" * ((size - 37) % 2))
    assert len(text.encode()) == size
    (folder / "n1.txt").write_text(text)
    (folder / "n2.txt").write_bytes(b"")  # no markers: quarantined, its text empty
    result = land(tmp_path, NOTES, folder, "b1", WHEN)
    assert (result.landed, result.quarantined) == (1, 1)
    assert lake.read_table(tmp_path, "bronze", "notes").column("text").to_pylist() == [text]
    assert lake.read_table(tmp_path, "quarantine", "bronze_notes").column("raw").to_pylist() == [""]
