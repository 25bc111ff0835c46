"""The generator tells its progress hook each part it finishes: which source, which customers,
and the rows it wrote."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from c360.generate import Plan, generate, plan
from c360.generate.runner import Part

SOURCES = ["sources/c360", "sources/ecommerce", "sources/marketing", "sources/identity"]


def test_each_part_is_told_once_with_the_rows_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scale 0.01 is 200 customers: in blocks of 120 they are two blocks, so a part that told
    the rows written so far, not its own, would count the first block twice."""
    monkeypatch.setattr(plan, "BLOCK_SIZE", 120)
    parts: list[Part] = []
    result = generate(tmp_path, Plan(seed=3, scale=0.01, dirt=0.05), progress=parts.append)

    dimensions = [(source, None, 0) for source in SOURCES]
    first = [(source, (0, 120), 0) for source in SOURCES[:-1]] + [(SOURCES[-1], (0, 120), 1)]
    second = [(source, (120, 200), 1) for source in SOURCES[:-1]] + [(SOURCES[-1], (120, 200), 2)]
    assert [(p.source, p.customers, p.blocks_done) for p in parts] == dimensions + first + second

    told: Counter[str] = Counter()
    for p in parts:
        assert not set(p.rows) & set(p.files)
        told.update(p.rows)
        told.update(p.files)
    assert dict(told) == result.rows  # every table, every row and file, told once
    texts = {name for p in parts for name in p.files}
    assert texts == {"text_customer_notes", "text_email_bodies"}
    notes = [p.files.get("text_customer_notes") for p in parts if p.source == "sources/c360"]
    assert notes == [None, 120, 80]  # one note per customer of the block
    assert sum(p.defects for p in parts) == result.defects > 0
    assert all(p.seconds >= 0 for p in parts)
