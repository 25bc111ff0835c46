"""``c360 audience export``: consented channels only, pseudonymised unless asked."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from c360 import config
from c360.cli import app, main
from c360.contracts.gold_profile import CUSTOMER_PROFILE
from c360.pipeline import lake

runner = CliRunner()
KEY = "audience test key"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("C360_PRIVACY_KEY", KEY)
    config.write_default(tmp_path, "audience")
    lists = pa.list_(pa.string())
    profile = pa.table(
        {
            "customer360_id": ["c360_00000001", "c360_00000002", "c360_00000003",
                               "c360_00000004", "c360_00000005"],
            "segments": pa.array([["VIP"], ["VIP", "rfm:Lost"], ["VIP"], ["VIP"], ["Other"]],
                                 lists),
            "opt_in_status": ["opted_in", "opted_out", "opted_in", "opted_in", "opted_in"],
            "consent_scopes": pa.array([["email_marketing", "sms_marketing"], ["email_marketing"],
                                        ["sms_marketing"], [], ["email_marketing"]], lists),
            "primary_email": ["ann@x.com", "bob@x.com", "cy@x.com", "di@x.com", "ed@x.com"],
            "primary_phone": ["+33612345678", None, None, "+4915112345678", None],
        }
    )  # fmt: skip
    lake.publish_table(tmp_path, "gold", "customer_profile", profile)
    return tmp_path


def _hmac(value: str) -> str:
    return hmac.new(KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def test_only_consented_reachable_members_pseudonymised(workspace: Path) -> None:
    result = runner.invoke(app, ["audience", "export", "VIP", "-w", str(workspace)])
    assert result.exit_code == 0, result.output
    assert "1 of 4 members" in result.output and "1 opted out" in result.output
    assert "2 with no consented channel" in result.output
    rows = (workspace / "exports" / "audiences" / "vip.csv").read_text().splitlines()
    assert rows == [
        '"customer360_id","channels","email","phone"',
        f'"c360_00000001","email;sms","{_hmac("ann@x.com")}","{_hmac("+33612345678")}"',
    ]


def test_clear_text_on_request_as_json_lines(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "vip.jsonl"
    args = ["audience", "export", "VIP", "-w", str(workspace), "--clear-text", "--format", "json"]
    assert runner.invoke(app, [*args, "--out", str(out)]).exit_code == 0
    assert [json.loads(line) for line in out.read_text().splitlines()] == [
        {"customer360_id": "c360_00000001", "channels": "email;sms", "email": "ann@x.com",
         "phone": "+33612345678"}
    ]  # fmt: skip


def test_an_unknown_segment_is_one_line(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audience", "export", "Nope", "-w", str(workspace)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("error: no customer in segment 'Nope'; segments: VIP")
        and err.count("\n") == 1
    )


def test_an_unknown_segment_names_the_closest_and_says_how_many_are_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo names the segment meant; a long list ends with how many more there are."""
    names = [f"segment {i:02}" for i in range(12)] + ["Top CLV at risk"]
    profile = pa.table({"customer360_id": [f"c{i}" for i in range(len(names))],
                        "segments": pa.array([[n] for n in names], pa.list_(pa.string())),
                        "opt_in_status": ["opted_in"] * len(names),
                        "consent_scopes": pa.array([[]] * len(names), pa.list_(pa.string())),
                        "primary_email": [None] * len(names),
                        "primary_phone": [None] * len(names)})  # fmt: skip
    lake.publish_table(tmp_path, "gold", "customer_profile", profile)
    assert main(["audience", "export", "Top CLV at risc", "-w", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "error: no customer in segment 'Top CLV at risc' (did you mean 'Top CLV at risk'?); "
        "segments: "
    )
    assert err.rstrip().endswith("and 5 more") and err.count("\n") == 1


def test_a_profile_without_customers_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = CUSTOMER_PROFILE.arrow_schema().empty_table()
    lake.publish_table(tmp_path, "gold", "customer_profile", empty)
    assert main(["audience", "export", "VIP", "-w", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == "error: no customer in segment 'VIP'; segments: none\n"


def test_a_profile_that_does_not_read_is_one_line_naming_it(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = lake.table_dir(workspace, "gold", "customer_profile")
    older = pa.table({"customer360_id": ["c360_00000001"], "segments": [["VIP"]]})
    lake.publish_table(workspace, "gold", "customer_profile", older)  # no consent columns
    assert main(["audience", "export", "VIP", "-w", str(workspace), "-o", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: {folder}: the table lacks opt_in_status, consent_scopes")
    assert err.endswith("rerun `c360 run` to rebuild it\n") and err.count("\n") == 1
    (folder / "part-00000.parquet").write_bytes(b"PAR1 cut short")
    assert main(["audience", "export", "VIP", "-w", str(workspace), "-o", "-"]) == 2
    assert "part-00000.parquet is not Parquet" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["folder", "no_parent"])
def test_an_unwritable_out_is_one_line(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    out = tmp_path if where == "folder" else tmp_path / "no" / "vip.csv"
    assert main(["audience", "export", "VIP", "-w", str(workspace), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    reason = "it is a folder" if where == "folder" else f"no folder {out.parent}"
    assert err == f"error: cannot write {out}: {reason}\n"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_out_dash_writes_to_stdout_and_the_summary_to_stderr(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(workspace)
    args = ["audience", "export", "VIP", "--format", fmt, "--clear-text", "--out", "-"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert not (workspace / "-").exists()
    first = result.stdout.splitlines()
    assert first == (
        ['"customer360_id","channels","email","phone"',
         '"c360_00000001","email;sms","ann@x.com","+33612345678"']
        if fmt == "csv"
        else ['{"customer360_id": "c360_00000001", "channels": "email;sms", '
              '"email": "ann@x.com", "phone": "+33612345678"}']
    )  # fmt: skip
    assert "1 of 4 members of 'VIP' written to stdout" in " ".join(result.stderr.split())


def _profile(path: Path, segments: list[list[str]], rules: dict[str, str] | None = None) -> None:
    """A profile of ``segments`` lists, built with the rule segments ``rules`` (name: where)."""
    lists = pa.list_(pa.string())
    n = len(segments)
    profile = pa.table({"customer360_id": [f"c360_{i:08}" for i in range(1, n + 1)],
                        "segments": pa.array(segments, lists),
                        "opt_in_status": ["opted_in"] * n,
                        "consent_scopes": pa.array([["email_marketing"]] * n, lists),
                        "primary_email": [f"p{i}@x.com" for i in range(n)],
                        "primary_phone": [None] * n})  # fmt: skip
    if rules is not None:
        said = json.dumps(rules).encode()
        profile = profile.replace_schema_metadata({b"c360.rule_segments": said})
    lake.publish_table(path, "gold", "customer_profile", profile)


def _set_back(path: Path, seconds: int) -> None:
    """``path`` modified ``seconds`` before now (no sleeping: tests do not wait on the clock)."""
    when = path.stat().st_mtime - seconds
    os.utime(path, (when, when))


FRENCH = "segments:\n  French newsletter readers: {where: 'email_opens >= 300'}\n"
FRENCH_RULE = {"French newsletter readers": "email_opens >= 300"}


@pytest.mark.parametrize(
    "segment", ["Prospect – at risk", "High value – engaged", "rfm:Hibernating"]
)
def test_a_built_in_segment_without_members_replaces_the_file_with_its_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], segment: str
) -> None:
    """Yesterday's list is not left for a nightly job to send: the segment is empty today."""
    _profile(tmp_path, [["Regular – dormant"], ["Regular – engaged", "rfm:Lost"]])
    out = tmp_path / "members.csv"
    out.write_text('"customer360_id","channels","email","phone"\n"c360_00000009","email","x",\n')
    assert main(["audience", "export", segment, "-w", str(tmp_path), "-o", str(out)]) == 0
    assert out.read_text() == '"customer360_id","channels","email","phone"\n'
    said = capsys.readouterr().out
    assert said.startswith(f"0 members in {segment!r}: ") and "written to" in said
    assert main(["audience", "export", segment, "-w", str(tmp_path), "--format", "json"]) == 0
    written = next((tmp_path / "exports" / "audiences").iterdir())
    assert written.suffix == ".jsonl" and written.read_text() == ""


def test_a_segment_of_the_project_file_computed_empty_writes_its_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c360.yaml").write_text(FRENCH)
    _profile(tmp_path, [["Regular – dormant"]], FRENCH_RULE)  # the run applied it: no member
    default = tmp_path / "exports" / "audiences" / "french_newsletter_readers.csv"
    default.parent.mkdir(parents=True)
    default.write_text('"customer360_id","channels","email","phone"\n"c360_00000009","email",,\n')
    args = ["audience", "export", "French newsletter readers", "-w", str(tmp_path)]
    assert main(args) == 0
    assert default.read_text() == '"customer360_id","channels","email","phone"\n'
    assert capsys.readouterr().out.startswith("0 members in 'French newsletter readers': ")


@pytest.mark.parametrize(
    ("rules", "how"),
    [({}, "without it"), ({"French newsletter readers": "email_opens >= 30"},
                          "with another condition"), (None, "without it")],
)  # fmt: skip
def test_a_segment_of_the_project_file_no_run_computed_says_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rules: dict[str, str] | None, how: str
) -> None:
    """Added or changed in c360.yaml after the last run (whatever the files' times say), or a
    profile that does not say which rules it was built with: no run computed it yet."""
    _profile(tmp_path, [["Regular – dormant"]], rules)
    (tmp_path / "c360.yaml").write_text(FRENCH)
    _set_back(tmp_path / "c360.yaml", 3600)  # copied with its time kept: older than the run
    out = tmp_path / "members.csv"
    out.write_text("kept\n")
    args = ["audience", "export", "French newsletter readers", "-w", str(tmp_path), "-o", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: segment 'French newsletter readers' of c360.yaml has no customer in "
        f"customer_profile, which the last run built {how}: run `c360 run` to compute it\n"
    )
    assert out.read_text() == "kept\n"


def test_a_segment_computed_empty_stays_so_whatever_c360_yaml_s_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """c360.yaml touched after the run (a comment added, a checkout): the rule is the same."""
    _profile(tmp_path, [["Regular – dormant"]], FRENCH_RULE)
    (tmp_path / "c360.yaml").write_text(FRENCH + "# reviewed\n")
    _set_back(lake.table_dir(tmp_path, "gold", "customer_profile"), 3600)
    args = ["audience", "export", "French newsletter readers", "-w", str(tmp_path)]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("0 members in 'French newsletter readers': ")


def test_an_unknown_segment_may_mean_one_of_the_project_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c360.yaml").write_text(FRENCH)
    _profile(tmp_path, [["Regular – dormant"]], FRENCH_RULE)
    assert main(["audience", "export", "French newsletter reader", "-w", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(
        "error: no customer in segment 'French newsletter reader' (did you mean "
        "'French newsletter readers'?); segments: Regular – dormant"
    )
