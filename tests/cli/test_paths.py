"""Every command given a workspace or a file that is not one says so in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.cli import main

COMMANDS = [
    ["run"],
    ["query", "SELECT 1"],
    ["load-postgres", "--url", "postgresql://nobody@127.0.0.1:1/nothing"],
    ["profile", "C42"],
    ["identity", "evaluate"],
    ["text", "evaluate"],
    ["text", "analyze", "-"],
    ["audience", "export", "crm:High Value"],
    ["models", "evaluate"],
    ["quality", "score"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_workspace_that_is_missing_or_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing, a_file = tmp_path / "nowhere", tmp_path / "notes.txt"
    a_file.write_text("not a workspace\n", encoding="utf-8")
    assert main([*command, "-w", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"error: no workspace at {missing} (c360 generate or c360 demo makes one)\n"
    )
    assert main([*command, "-w", str(a_file)]) == 2
    assert capsys.readouterr().err == f"error: {a_file} is a file, not a workspace folder\n"
    assert not missing.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["query", "--file"],
        ["identity", "evaluate", "--truth"],
        ["text", "evaluate", "--handwritten"],
    ],
    ids=lambda c: " ".join(c),
)
def test_a_folder_or_a_missing_file_given_for_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    folder, missing = tmp_path / "answers", tmp_path / "nope.txt"
    folder.mkdir()
    assert main([*command, str(folder), "-w", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {folder} is a folder, not a file: give a")
    assert err.count("\n") == 1
    assert main([*command, str(missing), "-w", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: no such file: {missing}\n"


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_workspace_given_to_run_is_one_line_not_the_current_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    given: str,
) -> None:
    """An unset variable (-w "$WS") would otherwise run on wherever the shell stands."""
    monkeypatch.chdir(tmp_path)
    assert main(["run", "-w", given, "--until", "bronze"]) == 2
    assert capsys.readouterr().err == (
        "error: Invalid value for '--workspace' / '-w': no folder given: give the workspace "
        "folder ('.' for the current one) (try: c360 run --help)\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [["query", "select 1"], ["identity", "evaluate"], ["quality", "score"],
     ["audience", "export", "Champions"], ["load-postgres", "--url", "postgresql://x/y"],
     ["models", "evaluate"], ["generate", "--scale", "0.01"], ["demo"], ["text", "evaluate"]],
    ids=lambda c: c[0],
)  # fmt: skip
def test_every_command_refuses_an_empty_workspace(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*command, "-w", ""]) == 2
    err = capsys.readouterr().err
    assert "no folder given" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
