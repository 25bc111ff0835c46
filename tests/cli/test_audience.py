"""``c360 audience export``: the summary names the segment as it is written."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pytest

from c360 import config
from c360.cli import main
from c360.pipeline import lake


def _workspace(path: Path, segment: str) -> None:
    config.write_default(path, "audience")
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
    lake.publish_table(path, "gold", "customer_profile", profile)


@pytest.mark.parametrize("segment", ["Top CLV [/x] risk", "[draft] list", "ends in \\"])
def test_a_segment_name_with_brackets_is_printed_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], segment: str
) -> None:
    _workspace(tmp_path, segment)
    out = tmp_path / "members.csv"
    args = ["audience", "export", segment, "-w", str(tmp_path), "--clear-text", "-o", str(out)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == (
        f"1 of 1 members of {segment!r} written to {out} (0 opted out, 0 with no consented "
        "channel left out; contact points in clear)\n"
    )


@pytest.mark.parametrize("name", ["members.jsonl", "members.ndjson", "Members.JSON"])
def test_an_out_file_named_json_lines_gets_json_lines(tmp_path: Path, name: str) -> None:
    _workspace(tmp_path, "VIP")
    out = tmp_path / name
    assert main(["audience", "export", "VIP", "-w", str(tmp_path), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["customer360_id"] == "c360_00000001"


@pytest.mark.parametrize(
    ("name", "given", "said"),
    [
        ("members.csv", ["--format", "json"], "--format json writes JSON lines, not a .csv file"),
        ("m.jsonl", ["--format", "csv"], "--format csv writes CSV, not a .jsonl file"),
        ("members.xlsx", [], "the name must end in .csv, .jsonl, .ndjson or .json"),
        ("c360.yaml", [], "the name must end in .csv, .jsonl, .ndjson or .json"),
    ],
)
def test_an_out_file_named_for_another_format_is_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, given: list[str], said: str
) -> None:
    _workspace(tmp_path, "VIP")
    out = tmp_path / name
    before = out.read_bytes() if out.exists() else None
    assert main(["audience", "export", "VIP", "-w", str(tmp_path), "-o", str(out), *given]) == 2
    assert capsys.readouterr().err == f"error: cannot write {out}: {said}\n"
    assert (out.read_bytes() if out.exists() else None) == before


@contextmanager
def _pipe() -> Iterator[tuple[Path, list[bytes]]]:
    """A pipe's writing end as a path (/dev/fd/N), and what was written to it, read on exit."""
    read, write = os.pipe()
    written: list[bytes] = []
    try:
        yield Path(f"/dev/fd/{write}"), written
    finally:
        os.close(write)
        with os.fdopen(read, "rb") as reader:
            written.append(reader.read())


@pytest.mark.parametrize(
    ("given", "first"),
    [([], b'"customer360_id"'), (["--format", "csv"], b'"customer360_id"'),
     (["--format", "json"], b'{"customer360_id"')],
)  # fmt: skip
def test_an_out_that_is_no_regular_file_takes_the_format_given(
    tmp_path: Path, given: list[str], first: bytes
) -> None:
    _workspace(tmp_path, "VIP")
    with _pipe() as (out, written):
        assert main(["audience", "export", "VIP", "-w", str(tmp_path), "-o", str(out), *given]) == 0
    assert written[0].startswith(first)


@contextmanager
def _stdout_to(path: Path) -> Iterator[None]:
    """File descriptor 1 sent to ``path``, as a shell's ``> path`` does."""
    kept = os.dup(1)
    with path.open("wb") as file:
        os.dup2(file.fileno(), 1)
    try:
        yield
    finally:
        os.dup2(kept, 1)
        os.close(kept)


def test_dev_stdout_sent_to_a_file_is_written_as_asked_and_the_summary_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _workspace(tmp_path, "VIP")
    sent = tmp_path / "members.txt"
    with _stdout_to(sent):
        args = ["audience", "export", "VIP", "-w", str(tmp_path), "-o", "/dev/stdout"]
        assert main([*args, "--format", "json"]) == 0
    assert json.loads(sent.read_text())["customer360_id"] == "c360_00000001"
    said = capsys.readouterr()
    assert (said.out, said.err.startswith("1 of 1 members of 'VIP' written to /dev/stdout")) == (
        "",
        True,
    )


def test_no_profile_after_a_run_until_silver_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.write_default(tmp_path, "audience")
    (tmp_path / "reports").mkdir()
    report = {"seconds": {"bronze": 1.0, "silver": 1.0, "text": 1.0}}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps(report))
    code = main(["audience", "export", "VIP", "-w", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "stopped before gold (--until): run it without --until" in err


@pytest.mark.parametrize(
    ("segment", "name"),
    [("Clients fidèles été", "clients_fidèles_été"), ("VIP", "vip"),
     ("Top CLV at risk", "top_clv_at_risk"), ("Stammkunden (Köln)", "stammkunden_köln"),
     ("高价值客户", "高价值客户"), ("お得意様", "お得意様"), ("हिन्दी ग्राहक", "हिन्दी_ग्राहक"),
     ("Cafe\u0301", "café")],
)  # fmt: skip
def test_the_default_file_keeps_the_letters_of_any_script(
    tmp_path: Path, segment: str, name: str
) -> None:
    _workspace(tmp_path, segment)
    assert main(["audience", "export", segment, "-w", str(tmp_path)]) == 0
    assert [p.name for p in (tmp_path / "exports" / "audiences").iterdir()] == [f"{name}.csv"]


def test_names_without_a_letter_or_digit_get_files_of_their_own(tmp_path: Path) -> None:
    """Nothing left of the name: a short hash of it names the file, not one shared name."""
    names = ["★★★", "!!!", "→"]
    files = set()
    for segment in names:
        _workspace(tmp_path, segment)
        assert main(["audience", "export", segment, "-w", str(tmp_path)]) == 0
        files = {p.name for p in (tmp_path / "exports" / "audiences").iterdir()}
    assert len(files) == len(names)
    assert all(f.startswith("segment_") and f.endswith(".csv") for f in files)


def test_a_long_name_is_cut_to_a_file_name_the_system_takes(tmp_path: Path) -> None:
    segments = ["顧客" * 100 + "一", "顧客" * 100 + "二", "\U00020000" * 100]
    for segment in segments:
        _workspace(tmp_path, segment)
        assert main(["audience", "export", segment, "-w", str(tmp_path)]) == 0
    files = [p.name for p in (tmp_path / "exports" / "audiences").iterdir()]
    assert len(files) == 3 and all(len(f.encode()) <= 255 for f in files)


def test_a_profile_of_an_earlier_run_than_the_last_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last run stopped at silver: the list goes out, from the profile there is, said so."""
    _workspace(tmp_path, "VIP")
    (tmp_path / "reports").mkdir()
    report = {"seconds": {"bronze": 1.0, "silver": 1.0, "text": 1.0}}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps(report))
    assert main(["audience", "export", "VIP", "-w", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: the last `c360 run` stopped at silver (")
