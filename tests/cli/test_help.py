"""Every command's ``--help``: flags shown bare, values by plain placeholders, whole summaries."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from c360.cli import app

runner = CliRunner()
# Python's types, or a value for an option that takes none (``--json <bool>``).
NOT_PLACEHOLDERS = ("<bool>", "list[", "<Path>", "<path>")


def _every_command(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The words of every command and group, ``()`` for ``c360`` itself."""
    subcommands = getattr(command, "commands", {})
    return [path, *(p for n, s in subcommands.items() for p in _every_command(s, (*path, n)))]


ROOT = typer.main.get_command(app)
COMMANDS = _every_command(ROOT)


def _help(words: tuple[str, ...]) -> str:
    result = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _command(words: tuple[str, ...]) -> Any:
    command = ROOT
    for word in words:
        command = command.commands[word]
    return command


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(("c360", *w)))
def test_help_shows_no_python_type_and_no_value_for_a_flag(words: tuple[str, ...]) -> None:
    shown = _help(words)
    assert "--help" in shown
    assert [bad for bad in NOT_PLACEHOLDERS if bad in shown] == []


@pytest.mark.parametrize(
    ("words", "option", "placeholder"),
    [
        (("identity", "dedupe"), "--id", "COLUMN"),
        (("identity", "dedupe"), "--role", "COLUMN=ROLE"),
        (("identity", "dedupe"), "--out  -o", "FILE"),
        (("query",), "--file  -f", "FILE"),
        (("query",), "--workspace  -w", "DIR"),
        (("demo",), "--workspace  -w", "DIR"),
        (("audience", "export"), "--out  -o", "FILE"),
        (("identity", "evaluate"), "--truth", "FILE"),
        (("text", "evaluate"), "--handwritten", "FILE"),
        (("profile",), "--json", ""),
        (("audience", "export"), "--clear-text", ""),
        (("text", "analyze"), "--whole-file", ""),
        (("generate",), "--force", ""),
        ((), "--version", ""),
    ],
)
def test_an_option_shows_its_placeholder_or_none(
    words: tuple[str, ...], option: str, placeholder: str
) -> None:
    """The placeholder stands between the option's names and its help; a flag has none."""
    names = r"\s+".join(map(re.escape, option.split()))
    row = re.compile(rf"│\s*\*?\s*{names}\s")
    line = next(line for line in _help(words).splitlines() if row.match(line))
    after = rf"{re.escape(placeholder)}\s+" if placeholder else ""
    assert re.match(rf"│\s*\*?\s*{names}\s+{after}[A-Za-z(]", line), line


@pytest.mark.parametrize(
    ("words", "argument", "usage"),
    [
        (("identity", "dedupe"), "FILE [FILE2]", "{FILE [FILE2]}..."),
        (("clv", "fit"), "FILE", "FILE"),
    ],
)
def test_an_argument_is_shown_by_its_placeholder_alone(
    words: tuple[str, ...], argument: str, usage: str
) -> None:
    shown = _help(words)
    assert usage in next(line for line in shown.splitlines() if "Usage:" in line)
    line = next(line for line in shown.splitlines() if f" {argument} " in line)
    assert re.search(rf"│\s*\*?\s*{re.escape(argument)}\s+[A-Z]", line), line


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(("c360", *w)))
def test_a_summary_is_one_line_of_whole_sentences(words: tuple[str, ...]) -> None:
    """What a group lists for a command is the first paragraph of its help, on one line."""
    summary = inspect.cleandoc(_command(words).help or "").split("\n\n")[0]
    assert summary and "\n" not in summary and summary.endswith("."), summary


def test_the_demo_says_what_it_generates_and_where() -> None:
    shown = " ".join(_help(("demo",)).split())
    assert "at scale 1" not in shown
    assert "--scale" in shown and "seed 42" in shown
    line = next(line for line in _help(("demo",)).splitlines() if " --workspace " in line)
    assert re.search(r"DIR\s+\w+", line), line  # a description, not only its default


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(("c360", *w)))
def test_no_line_of_a_help_breaks_a_sentence(words: tuple[str, ...]) -> None:
    """Rich help keeps a help's line breaks: each line ends a sentence, or opens a list."""
    lines = inspect.cleandoc(_command(words).help or "").splitlines()
    assert [line for line in lines if line and not line.endswith((".", ":"))] == []
