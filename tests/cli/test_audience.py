"""``c360 audience export``: the summary names the segment as it is written."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from c360 import config
from c360.cli import main
from c360.pipeline import lake


@pytest.mark.parametrize("segment", ["Top CLV [/x] risk", "[draft] list", "ends in \\"])
def test_a_segment_name_with_brackets_is_printed_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], segment: str
) -> None:
    config.write_default(tmp_path, "audience")
    lists = pa.list_(pa.string())
    profile = pa.table(
        {
            "customer360_id": ["c360_00000001", "c360_00000002"],
            "segments": pa.array([[segment], ["Other"]], lists),
            "opt_in_status": ["opted_in", "opted_in"],
            "consent_scopes": pa.array([["email_marketing"], ["email_marketing"]], lists),
            "primary_email": ["ann@x.com", "bob@x.com"],
            "primary_phone": [None, None],
        }
    )
    lake.publish_table(tmp_path, "gold", "customer_profile", profile)
    out = tmp_path / "members.csv"
    args = ["audience", "export", segment, "-w", str(tmp_path), "--clear-text", "-o", str(out)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == (
        f"1 of 1 members of {segment!r} written to {out} (0 opted out, 0 with no consented "
        "channel left out; contact points in clear)\n"
    )
