"""The run report names the settings of a ``csv:`` entry a JSON file does not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.pipeline.bronze.land import land_all


@pytest.mark.parametrize(
    ("entry", "what"),
    [("delimiter: ';'", "its delimiter describes a CSV"),
     ("encoding: cp1252", "its encoding describes a CSV"),
     ("delimiter: ';'\n    encoding: cp1252", "its delimiter, encoding describe a CSV")],
)  # fmt: skip
def test_the_settings_a_json_file_does_not_read_are_named(
    tmp_path: Path, entry: str, what: str
) -> None:
    path = tmp_path / "sources" / "ecommerce" / "customers.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'[{"customer_id": "1", "name": "Ann"}]')
    (tmp_path / "c360.yaml").write_text(f"csv:\n  ecommerce_customers:\n    {entry}\n")
    [result] = land_all(tmp_path, drift="evolve")
    assert result.warnings == [
        f"{path} is JSON: csv: ecommerce_customers: in c360.yaml is not read for it ({what})"
    ]
