"""The command line: demo, generate, docs, and one-line errors."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from c360.cli import app

runner = CliRunner()


def test_demo_at_a_tiny_scale(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--workspace", str(tmp_path / "demo"), "--scale", "0.01"])
    assert result.exit_code == 0, result.output
    assert "crm_customers" in result.output
    assert "manifest sha256" in result.output
    assert (tmp_path / "demo" / "sources" / "c360" / "crm_customers.csv").is_file()
    assert (
        len(
            list(
                (tmp_path / "demo" / "sources" / "c360" / "text" / "customer_knowledge_notes").glob(
                    "*.txt"
                )
            )
        )
        == 200
    )


def test_generate_refuses_a_non_empty_workspace(tmp_path: Path) -> None:
    args = ["generate", "--workspace", str(tmp_path), "--scale", "0.01"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 2
    assert "not empty" in again.output and "--force" in again.output
    assert "Traceback" not in again.output
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0


def test_bad_arguments_get_one_line(tmp_path: Path) -> None:
    for args in (["--scale", "500"], ["--format", "xlsx"], ["--dirt", "0.9"]):
        result = runner.invoke(app, ["generate", "--workspace", str(tmp_path / "x"), *args])
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert len([line for line in result.output.splitlines() if line.strip()]) == 1


def test_docs_data_model_prints_markdown() -> None:
    result = runner.invoke(app, ["docs", "data-model"])
    assert result.exit_code == 0
    assert result.output.startswith("# Data model")
