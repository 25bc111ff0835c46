"""An identity source names a table bronze lands: a misspelt one is told before a run lands
anything, with the source table it is near."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from c360.config import ConfigError, check_identity_tables, load
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.runner import run

SOURCE = (
    "identity:\n  sources:\n    crm:\n      table: {}\n      id: id\n      roles: {{email: mail}}\n"
)


@pytest.mark.parametrize(
    ("table", "hint"),
    [
        ("identity_crm_contact", "; did you mean 'identity_crm_contacts'?"),
        ("Identity_CRM_Contacts", "; did you mean 'identity_crm_contacts'?"),
        ("people", ""),
    ],
)
def test_an_identity_source_s_table_that_is_no_source_table_is_refused(
    tmp_path: Path, table: str, hint: str
) -> None:
    (tmp_path / "c360.yaml").write_text(SOURCE.format(table))
    with pytest.raises(ConfigError) as caught:
        check_identity_tables(tmp_path, load(tmp_path))
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: identity.sources.crm.table: not a source table: {table}{hint}"
    )


def test_a_source_table_or_one_already_in_bronze_is_an_identity_source(tmp_path: Path) -> None:
    """A table published in bronze through the Python API is read as landed ones are."""
    (tmp_path / "c360.yaml").write_text(SOURCE.format("identity_crm_contacts"))
    check_identity_tables(tmp_path, load(tmp_path))
    (tmp_path / "c360.yaml").write_text(SOURCE.format("people"))
    lake.publish_table(tmp_path, "bronze", "people", pa.table({"id": ["1"], "mail": ["a@b.fr"]}))
    check_identity_tables(tmp_path, load(tmp_path))


def test_a_run_with_a_misspelt_identity_table_stops_before_bronze(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=3, scale=0.01))
    project = tmp_path / "c360.yaml"
    text = project.read_text()
    assert "table: identity_crm_contacts\n" in text
    project.write_text(
        text.replace("table: identity_crm_contacts\n", "table: identity_crm_contact\n")
    )
    with pytest.raises(ConfigError, match=r"did you mean 'identity_crm_contacts'\?$"):
        run(tmp_path)
    assert not (tmp_path / "lake").exists()
