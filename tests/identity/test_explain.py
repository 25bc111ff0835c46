"""Finding a customer: by e-mail the way matching reads e-mails, by record id, by customer id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from c360 import engines
from c360.identity.explain import NotFoundError, explain, find
from c360.identity.run import resolve_workspace
from c360.pipeline import lake
from tests.identity.test_run import CRM, IDENTITY, SHOP, _land


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("explain")
    crm = [*CRM, ("C7", "Jon", "Doe", "jon.doe@gmail.com", None)]
    _land(path, crm, SHOP)
    resolve_workspace(path, IDENTITY, engines.connect("duckdb").splink_api, run_id="r1")
    return path


@pytest.mark.parametrize(
    "query",
    ["jon.doe@gmail.com", " JON.DOE@GMAIL.COM ", "jondoe@gmail.com", "Jon.Doe+shop@googlemail.com"],
)
def test_an_email_finds_its_mailbox_however_it_is_written(workspace: Path, query: str) -> None:
    assert find(workspace, IDENTITY, query) == find(workspace, IDENTITY, "C7")


def test_another_mailbox_is_not_found(workspace: Path) -> None:
    with pytest.raises(NotFoundError, match="no record with the e-mail"):
        find(workspace, IDENTITY, "jon.doe@example.com")


def test_identity_tables_that_do_not_read_are_one_error_naming_them(
    workspace: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "ws"
    shutil.copytree(workspace, copy)
    customer = find(copy, IDENTITY, "C7")
    lake.publish_table(copy, "gold", "customer_profile", pa.table({"x": [1]}))
    (lake.table_dir(copy, "gold", "customer_profile") / "part-00000.parquet").write_text("junk")
    with pytest.raises(lake.UnreadableTableError, match=r"customer_profile: part-00000\.parquet"):
        explain(copy, IDENTITY, customer)
    older = pa.table({"record_key": ["crm:C7"], "customer360_id": [customer]})  # no record_id
    lake.publish_table(copy, "gold", "identity_links", older)
    with pytest.raises(lake.UnreadableTableError, match="identity_links: the table lacks"):
        find(copy, IDENTITY, "C7")


def test_a_record_in_two_extracts_is_shown_once_as_identity_keeps_it(tmp_path: Path) -> None:
    """Two daily extracts of one folder both hold C7: the profile shows the later extract's
    row, the one identity and silver keep, and no other."""
    rows = [(*r, "people_crm/2024-01-01.csv", i + 1) for i, r in enumerate(CRM)]
    rows += [("C7", "Jon", "Doe", "jon.doe@gmail.com", None, "people_crm/2024-01-01.csv", 7),
             ("C7", "Jon", "Doe", "jon@doe.org", "+33 6 11 22 33 44",
              "people_crm/2024-01-02.csv", 1)]  # fmt: skip
    names = ("id", "first", "last", "mail", "tel", "_source_file", "_row_number")
    columns = dict(zip(names, zip(*rows, strict=True), strict=True))
    _land(tmp_path, CRM, SHOP)
    crm = pa.table({k: pa.array(v, pa.int64() if k == "_row_number" else pa.string())
                    for k, v in columns.items()})  # fmt: skip
    lake.publish_table(tmp_path, "bronze", "people_crm", crm)
    resolve_workspace(tmp_path, IDENTITY, engines.connect("duckdb").splink_api, run_id="r1")
    found = explain(tmp_path, IDENTITY, find(tmp_path, IDENTITY, "C7"))
    assert [(r["record_key"], r["mail"]) for r in found["records"]] == [("crm:C7", "jon@doe.org")]


def test_an_email_only_an_older_extract_holds_finds_no_customer(tmp_path: Path) -> None:
    """C7's older extract gave jon.doe@gmail.com, its latest jon@doe.org: identity keeps the
    latest row, so the older address names nobody and the latest names C7's customer. An id
    written with spaces around it is the record's trimmed id."""
    rows = [(*r, "people_crm/2024-01-01.csv", i + 1) for i, r in enumerate(CRM)]
    rows += [("C7", "Jon", "Doe", "jon.doe@gmail.com", None, "people_crm/2024-01-01.csv", 7),
             (" C7 ", "Jon", "Doe", "jon@doe.org", None,
              "people_crm/2024-01-02.csv", 1)]  # fmt: skip
    names = ("id", "first", "last", "mail", "tel", "_source_file", "_row_number")
    columns = dict(zip(names, zip(*rows, strict=True), strict=True))
    _land(tmp_path, CRM, SHOP)
    crm = pa.table({k: pa.array(v, pa.int64() if k == "_row_number" else pa.string())
                    for k, v in columns.items()})  # fmt: skip
    lake.publish_table(tmp_path, "bronze", "people_crm", crm)
    resolve_workspace(tmp_path, IDENTITY, engines.connect("duckdb").splink_api, run_id="r1")
    with pytest.raises(NotFoundError, match=r"no record with the e-mail jon\.doe@gmail\.com"):
        find(tmp_path, IDENTITY, "jon.doe@gmail.com")
    assert find(tmp_path, IDENTITY, "Jon@Doe.org") == find(tmp_path, IDENTITY, "C7")
