"""Finding a customer: by e-mail the way matching reads e-mails, by record id, by customer id."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360 import engines
from c360.identity.explain import NotFoundError, find
from c360.identity.run import resolve_workspace
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
