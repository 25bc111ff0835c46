"""``c360 run`` on a source whose every record is quarantined: a warning, in the run report too."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from c360.cli import app

runner = CliRunner()


def test_a_source_landing_none_of_its_records_is_warned_of(tmp_path: Path) -> None:
    """A CSV export of campaigns saved as ``.txt``: read as the JSON lines its table is."""
    file = tmp_path / "sources" / "marketing" / "campaigns.txt"
    file.parent.mkdir(parents=True)
    file.write_text("campaign_id,campaign_name\nK1,Spring\nK2,Summer\n")
    path = "sources/marketing/campaigns.txt"
    entry = {"kind": "source", "table": "mongo_campaigns", "path": path}
    (tmp_path / "sources" / "manifest.json").write_text(json.dumps({"files": [entry]}))
    done = runner.invoke(
        app, ["run", "--workspace", str(tmp_path), "--until", "silver"], env={"COLUMNS": "500"}
    )
    assert done.exit_code == 0, done.output
    said = (
        f"{file}: every one of its 3 records was quarantined (the first as not JSON: Expecting "
        "value at character 1), so bronze mongo_campaigns is empty, and so is what silver and "
        f"gold build from it: see {tmp_path / 'lake' / 'quarantine' / 'bronze_mongo_campaigns'}"
    )
    assert f"warning: {said}" in " ".join(done.output.split())
    report = (tmp_path / "reports" / "run_report.md").read_text(encoding="utf-8")
    assert f"**Warning:** {said}" in report
