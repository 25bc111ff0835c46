"""``c360 models evaluate``: the figures the last run recorded, beside their baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from c360.cli import app, main
from c360.ml.publish import record_metrics

runner = CliRunner()


def test_models_are_listed_with_their_baselines(tmp_path: Path) -> None:
    record_metrics(
        tmp_path,
        "churn_risk",
        {
            "fitted": True,
            "customers": 1200,
            "model": {"roc_auc": 0.71},
            "baseline": {"roc_auc": 0.6},
        },
    )
    record_metrics(tmp_path, "propensity_to_buy", {"fitted": False, "reason": "one class only"})
    record_metrics(
        tmp_path,
        "churn_risk",
        {
            "fitted": True,
            "customers": 1300,
            "model": {"roc_auc": 0.72},
            "baseline": {"roc_auc": 0.6},
        },
    )
    shown = runner.invoke(app, ["models", "evaluate", "-w", str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    assert "0.7200" in shown.output and "0.6000" in shown.output and "1,300" in shown.output
    assert "one class only" in shown.output and "0.7100" not in shown.output  # replaced
    figures = json.loads(runner.invoke(app, ["models", "evaluate", "-w", str(tmp_path),
                                             "--json"]).output)  # fmt: skip
    assert set(figures) == {"churn_risk", "propensity_to_buy"}


def test_no_run_yet_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "evaluate", "-w", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no model figures at") and err.count("\n") == 1


def test_a_run_without_identity_says_the_models_need_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "reports").mkdir()
    seconds = {"bronze": 1.0, "silver": 1.0, "gold": 1.0, "serve": 1.0}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps({"seconds": seconds}))
    assert main(["models", "evaluate", "-w", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "the last `c360 run` built no customer models" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2]",
        '{"churn_risk": 3}',
        '{"churn_risk": {"fitted": true, "model": [0.8]}}',
        '{"churn_risk": {"fitted": true, "model": {"roc_auc": 0.8}, "baseline": "none"}}',
        '{"churn_risk": {"fitted": true, "model": {"roc_auc": 0.8}, "customers": "many"}}',
        '{"churn_risk": {"fitted": false, "reason": 5}}',
    ],
)
def test_figures_of_another_shape_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A reports/models.json edited by hand, or by another tool, is no traceback."""
    figures = tmp_path / "reports" / "models.json"
    figures.parent.mkdir()
    figures.write_text(text, encoding="utf-8")
    assert main(["models", "evaluate", "-w", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {figures} does not hold figures by model: `c360 run` writes it anew\n"
    )


def test_model_names_and_reasons_are_printed_as_written(tmp_path: Path) -> None:
    """reports/models.json is data: its names and reasons are never read as Rich markup."""
    record_metrics(tmp_path, "[/x]", {"fitted": False, "reason": "[draft] one class only"})
    record_metrics(
        tmp_path,
        "churn [eur]",
        {"fitted": True, "customers": 12, "model": {"[b]auc": 0.7}, "baseline": {"[b]auc": 0.5}},
    )
    shown = runner.invoke(app, ["models", "evaluate", "-w", str(tmp_path)])
    assert shown.exit_code == 0, shown.output
    for text in ("[/x]", "[draft] one class only", "churn [eur]", "[b]auc"):
        assert text in shown.output


def test_figures_of_an_earlier_run_than_the_last_are_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_metrics(tmp_path, "propensity_to_buy", {"fitted": False, "reason": "one class only"})
    (tmp_path / "lake" / "gold" / "customer_profile").mkdir(parents=True)
    seconds = {"bronze": 1.0, "silver": 1.0, "text": 1.0}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps({"seconds": seconds}))
    assert main(["models", "evaluate", "-w", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "one class only" in out
    assert err.startswith("warning: the last `c360 run` stopped at silver (") and "gold" in err
    assert err.count("\n") == 1
