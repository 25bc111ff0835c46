"""One-line errors and text shown as written: never read as markup, never obeyed by a terminal."""

from __future__ import annotations

import pytest

from c360.cli._console import LONGEST, console, fail, literal


@pytest.mark.parametrize(
    ("message", "line"),
    [
        ("unknown column [/x]", "unknown column [/x]"),
        ("amount [eur] is not a number", "amount [eur] is not a number"),
        ("a trailing backslash \\", "a trailing backslash \\"),
        ("a,\x1b]0;PWNED\x07\x1b[2J,b", "a,\\x1b]0;PWNED\\x07\\x1b[2J,b"),
        ("two\nlines\tand a\rreturn", "two\\nlines\\tand a\\rreturn"),
        ("C1 \x9b31m and \x00 and \x7f", "C1 \\x9b31m and \\x00 and \\x7f"),
        ("turned \u202eabc\u2066", "turned \\u202eabc\\u2066"),
        ("café, naïve, 東京 stay", "café, naïve, 東京 stay"),
    ],
)
def test_an_error_is_one_line_as_written(
    capsys: pytest.CaptureFixture[str], message: str, line: str
) -> None:
    fail(message)
    assert capsys.readouterr().err == f"error: {line}\n"


def test_an_overlong_error_keeps_its_start_and_says_how_much_was_cut(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fail("columns not in the contract: " + "\x01" * 5000)
    err = capsys.readouterr().err
    kept = (LONGEST - len("columns not in the contract: ")) // len("\\x01")
    shown = "\\x01" * kept
    assert (
        err == f"error: columns not in the contract: {shown}… ({5000 - kept:,} more characters)\n"
    )
    fail("y" * LONGEST)  # at the limit: nothing cut
    assert capsys.readouterr().err == f"error: {'y' * LONGEST}\n"


def test_literal_text_prints_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("[/x]", "[draft]", "[bold]x[/bold]", "ends in \\", 12):
        console.print(f"[bold]{literal(value)}[/]", highlight=False)
    assert capsys.readouterr().out.splitlines() == [
        "[/x]", "[draft]", "[bold]x[/bold]", "ends in \\", "12"
    ]  # fmt: skip


def _wide_table() -> object:
    from rich.table import Table

    table = Table(title="Silver", title_justify="left")
    table.add_column("model")
    table.add_column("rows", justify="right")
    table.add_row("stg_crm_customer_profile_" + "x" * 60, "1,000")
    table.add_row("stg_crm_customer_profile_" + "y" * 60, "2,000")
    return table


def test_off_a_terminal_a_table_is_printed_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log or a pipe gets each name whole, whatever width it inherits (COLUMNS=80)."""
    monkeypatch.setattr(console, "_width", 40)
    console.print(_wide_table())
    console.print("a line of text " * 6)
    lines = capsys.readouterr().out.splitlines()
    assert any("stg_crm_customer_profile_" + "x" * 60 in line for line in lines)
    assert any("stg_crm_customer_profile_" + "y" * 60 in line for line in lines)
    assert "…" not in "".join(lines)
    assert max(len(line) for line in lines[-3:]) <= 40  # text still wraps as before
    assert console.width == 40


def test_on_a_terminal_a_table_fits_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console, "_force_terminal", True)
    monkeypatch.setattr(console, "_width", 40)
    console.print(_wide_table())
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 40
