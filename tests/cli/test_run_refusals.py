"""``c360 run`` refusing what would spoil a workspace: one line on stderr, exit code 2, nothing
landed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from c360.cli import main
from c360.pipeline import lake
from tests.pipeline.test_runner_identity_kept import LEDGER


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("refusals") / "ws"
    assert main(["generate", "--workspace", str(path), "--scale", "0.01"]) == 0
    return path


def _copy(generated: Path, tmp_path: Path) -> Path:
    workspace = tmp_path / "ws"
    shutil.copytree(generated / "sources", workspace / "sources")
    shutil.copy(generated / "c360.yaml", workspace / "c360.yaml")
    return workspace


def test_a_privacy_key_that_is_not_text_is_one_line(
    generated: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workspace = _copy(generated, tmp_path)
    monkeypatch.setenv("C360_PRIVACY_KEY", b"\xff\xfekey".decode("utf-8", "surrogateescape"))
    assert main(["run", "-w", str(workspace), "--until", "bronze"]) == 2
    assert capsys.readouterr().err == (
        "error: environment variable C360_PRIVACY_KEY is not a key written as text (it holds "
        "bytes that are not UTF-8): give the key as text, or unset it to use the workspace's "
        "key file\n"
    )
    assert not (workspace / "lake").exists()


def test_a_privacy_key_forgotten_names_the_one_the_lake_was_made_with(
    generated: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workspace = _copy(generated, tmp_path)
    monkeypatch.setenv("C360_PRIVACY_KEY", "the key")
    for _ in range(2):  # the second finds the lake, and records the key's fingerprint in it
        assert main(["run", "-w", str(workspace), "--until", "bronze"]) == 0
    monkeypatch.delenv("C360_PRIVACY_KEY")
    capsys.readouterr()
    assert main(["run", "-w", str(workspace), "--until", "bronze"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(
            "error: no privacy key: C360_PRIVACY_KEY is not set and "
            f"{workspace / '.c360' / 'privacy.key'} does not exist; this workspace's pseudonyms "
            "were made with the key of fingerprint "
        )
        and err.count("\n") == 1
    )
    assert not (workspace / ".c360" / "privacy.key").exists()


def test_a_project_file_without_identity_keeps_the_ledger(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = _copy(generated, tmp_path)
    project = workspace / "c360.yaml"
    settings = yaml.safe_load(project.read_text())
    del settings["identity"]
    project.write_text(yaml.safe_dump(settings))
    lake.publish_table(workspace, "gold", "identity_ledger", LEDGER)
    assert main(["run", "-w", str(workspace)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {project} names no identity sources") and err.count("\n") == 1
    assert "(identity_ledger: the history of 3 customer360_ids)" in err
    assert lake.read_table(workspace, "gold", "identity_ledger").equals(LEDGER)
