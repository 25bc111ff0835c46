"""The project file: defaults, the file, environment overrides and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.config import ConfigError, load, write_default


def test_defaults_without_a_file(tmp_path: Path) -> None:
    project = load(tmp_path)
    assert (project.engine, project.schema_drift, project.privacy.pseudonymisation) == (
        "duckdb",
        "fail",
        "hmac",
    )


def test_written_default_round_trips_and_file_overrides(tmp_path: Path) -> None:
    write_default(tmp_path, "demo")
    assert load(tmp_path).name == "demo"
    (tmp_path / "c360.yaml").write_text("engine: spark\nprivacy:\n  pseudonymisation: md5\n")
    project = load(tmp_path)
    assert project.engine == "spark" and project.privacy.pseudonymisation == "md5"
    write_default(tmp_path, "other")  # never overwrites the user's file
    assert load(tmp_path).engine == "spark"


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c360.yaml").write_text("engine: spark\n")
    monkeypatch.setenv("C360_ENGINE", "duckdb")
    assert load(tmp_path).engine == "duckdb"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("engine: oracle\n", "engine: Input should be 'duckdb' or 'spark'"),
        ("engine: [\n", "cannot read the project file"),
        ("- a\n- b\n", "must be a mapping"),
        ("colour: blue\n", "colour: Extra inputs are not permitted"),
    ],
)
def test_invalid_files_get_one_clear_message(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load(tmp_path)
