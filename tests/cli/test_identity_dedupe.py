"""``c360 identity dedupe``: clusters written, a summary shown, every mistake one line."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from c360.cli.identity_dedupe import dedupe_command

runner = CliRunner()
WIDE = {"COLUMNS": "500"}  # a message naming a long temporary path stays on one line
app = typer.Typer()
app.command("dedupe")(dedupe_command)


@app.callback()
def _identity() -> None:
    """Stands in for the ``c360 identity`` group."""


PEOPLE = (
    "id;first;last;mail;tel;country\n"
    "1;Ann;Lee;ann.lee@example.com;020 7946 0018;GB\n"
    "2;ANN;LEE;Ann.Lee@Example.com;+44 20 7946 0018;GB\n"
    "3;Bob;Lee;ann.lee@example.com;020 7946 0018;GB\n"
    "4;;;;;GB\n"
)
ROLES = ["--role", "first=first_name", "--role", "last=last_name", "--role", "mail=email",
         "--role", "tel=phone", "--role", "country=country"]  # fmt: skip


@pytest.fixture
def people(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


def test_writes_one_row_per_record_and_a_summary(people: Path, tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    result = runner.invoke(
        app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", str(out)], env=WIDE
    )
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["record_id", "cluster_id", "match_probability"]
    assert [r["record_id"] for r in rows] == ["1", "2", "3", "4"]
    cluster = [r["cluster_id"] for r in rows]
    assert cluster[0] == cluster[1] and len(set(cluster)) == 3
    assert rows[2]["match_probability"] == rows[3]["match_probability"] == ""
    summary = " ".join(result.stdout.split())
    assert "4 records in 3 clusters (1 duplicate found)" in summary
    assert "1 with nothing to match on kept alone (4)" in summary
    assert str(out) in summary


def test_a_total_row_is_left_out_and_said(people: Path) -> None:
    """A spreadsheet's total line holds nothing but its id: no person, no cluster."""
    people.write_text(PEOPLE + "Total: 4 contacts;;;;;\n", encoding="utf-8")
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", "-"])
    assert result.exit_code == 0, result.output
    assert "Total" not in result.stdout
    summary = " ".join(result.stderr.split())
    assert "4 records in 3 clusters (1 duplicate found)" in summary
    assert "1 row with nothing but its id left out (Total: 4 contacts)" in summary


def test_a_repeated_header_line_is_left_out_and_said(people: Path) -> None:
    """Exports joined end to end: the second one's header is no person, no cluster."""
    people.write_text(PEOPLE + PEOPLE, encoding="utf-8")
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", "-"])
    assert result.exit_code == 0, result.output
    assert "mail" not in result.stdout
    summary = " ".join(result.stderr.split())
    assert "4 records in 3 clusters (1 duplicate found)" in summary
    assert f"4 rows of {people} repeat an earlier row's id (the first kept)" in summary
    assert f"1 row of {people} repeats the header (left out)" in summary


def test_a_header_with_spaces_around_its_names_is_mapped(tmp_path: Path) -> None:
    """A spreadsheet's " First Name": given as written, or without its spaces and case."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(" ID , First Name,Last Name ,Mail\n1,Ann,Lee,a@x.fr\n2,Ann,Lee,A@X.fr\n")
    roles = ["--role", " First Name=first_name", "--role", "last name=last_name"]
    argv = ["dedupe", str(sheet), "--id", "id", *roles, "--role", "MAIL=email", "--out", "-"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows[0]["cluster_id"] == rows[1]["cluster_id"]


def test_one_record_is_one_cluster_in_the_singular(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text(PEOPLE.split("2;")[0], encoding="utf-8")
    args = ["dedupe", str(one), "--id", "id", *ROLES, "--out", str(tmp_path / "out.csv")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 record in 1 cluster (0 duplicates found)" in " ".join(result.stdout.split())


def test_links_two_files_with_their_own_id_columns(people: Path, tmp_path: Path) -> None:
    shop = tmp_path / "shop.csv"
    shop.write_text("customer,email\nS1,ANN.LEE@example.com\nS2,zed@example.com\n", "utf-8")
    out = tmp_path / "clusters.parquet"
    args = ["dedupe", str(people), str(shop), "--id", "id", "--id", "customer", *ROLES]
    result = runner.invoke(app, [*args, "--role", "email=email", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = pq.read_table(out).to_pylist()
    assert [(r["source"], r["record_id"]) for r in rows] == [
        ("people", "1"), ("people", "2"), ("people", "3"), ("people", "4"),
        ("shop", "S1"), ("shop", "S2"),
    ]  # fmt: skip
    assert rows[0]["cluster_id"] == rows[1]["cluster_id"] == rows[4]["cluster_id"]


def test_clusters_to_stdout_and_the_summary_to_stderr(people: Path) -> None:
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == '"record_id","cluster_id","match_probability"'
    assert len(result.stdout.splitlines()) == 5
    assert "4 records in 3 clusters" in result.stderr


def test_a_line_read_as_windows_1252_is_named_and_the_others_kept(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(
        "id;first;last;mail\nÁ1;Álvaro;Núñez;an@example.es\nJ2;Jürgen;Groß;jg@example.de\n".encode()
        + "M3;Jürgen;Müller;jm@example.de\n".encode("cp1252")
    )
    out = tmp_path / "clusters.csv"
    args = ["dedupe", str(people), "--id", "id", "--role", "first=first_name"]
    result = runner.invoke(app, [*args, *ROLES[2:6], "--out", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as handle:
        assert [r["record_id"] for r in csv.DictReader(handle)] == ["Á1", "J2", "M3"]
    shown = " ".join(result.stdout.split())
    assert f"note: {people} is not all UTF-8: 1 line read as cp1252 (line 4)" in shown


def test_a_spreadsheets_unicode_text_is_deduplicated_as_its_utf8_csv(
    people: Path, tmp_path: Path
) -> None:
    """A spreadsheet's "Unicode text": UTF-16 with a byte order mark, values between tabs."""
    unicode_text = tmp_path / "people.txt"
    unicode_text.write_bytes(PEOPLE.replace(";", "\t").replace("\n", "\r\n").encode("utf-16"))
    runs = [
        runner.invoke(app, ["dedupe", str(path), "--id", "id", *ROLES, "--out", "-"])
        for path in (people, unicode_text)
    ]
    assert [r.exit_code for r in runs] == [0, 0], runs[1].output
    assert runs[1].stdout == runs[0].stdout
    assert "4 records in 3 clusters (1 duplicate found)" in " ".join(runs[1].stderr.split())


def test_a_json_file_with_nested_values_and_numeric_phones_is_deduplicated(
    tmp_path: Path,
) -> None:
    """An export of nested records: the columns not matched on are left out, and a phone
    rounded by a spreadsheet is said to be matched on by none of its digits."""
    people = tmp_path / "people.jsonl"
    people.write_text(
        '{"id": 1, "first": "Ann", "last": "Lee", "tel": 612345678, "country": "FR", '
        '"address": {"city": "Lyon"}}\n'
        '{"id": 2, "first": "Ann", "last": "Lee", "tel": "06 12 34 56 78", "country": "FR", '
        '"tags": ["vip"]}\n'
        '{"id": 3, "first": "Bo", "last": "Chan", "tel": 6.12346E+08, "country": "FR"}\n',
        "utf-8",
    )
    args = ["dedupe", str(people), "--id", "id", *ROLES[:4], *ROLES[6:], "--out", "-"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [r["record_id"] for r in rows] == ["1", "2", "3"]
    shown = " ".join(result.stderr.split())
    assert (
        f"note: {people}: 1 phone in column 'tel' is a number rounded by a spreadsheet, its last "
        "digits lost (e.g. 6.12346E+08): not matched on; keep phones as text"
    ) in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/nope.csv", "--role", "mail=email"], "no such file: {tmp}/nope.csv"),
        (["{people}", "--role", "mail"], "--role 'mail': expected COLUMN=ROLE"),
        (["{people}", "--role", "=email"], "--role '=email': expected COLUMN=ROLE"),
        (["{people}", "--role", "mail=email", "--role", "mail=phone"],
         "--role: column 'mail' given two roles (email, phone)"),
        (["{people}", "--role", "e_mail=email"],
         "no column 'e_mail' to map to a role; {people}: 'id', 'first', 'last', 'mail', 'tel', "
         "'country'"),
        (["{people}", "--role", "mail=e-mail"],
         "--role 'mail=e-mail': unknown role 'e-mail'; roles are first_name, "),
        (["{people}", "--role", "email=mail"],  # c360.yaml's order, role: column
         "--role 'email=mail': unknown role 'mail'; --role takes COLUMN=ROLE: --role mail=email?"),
        (["{people}", "--role", "first=first_name"], "nothing to match on"),
        (["{people}", "{people}", "{people}", "--role", "mail=email"],
         "give one file to deduplicate or two to link, not 3"),
        (["{empty}", "--role", "mail=email"], "{empty}: no rows to deduplicate"),
        (["{people}", "{people}", "--role", "mail=email"],
         "{people} is given twice: give one file to deduplicate, or two to link"),
        (["{tmp}", "--role", "mail=email"],
         "{tmp} is a folder, not a file: give a CSV, JSON lines or Parquet file"),
        (["{people}", "{tmp}/blank.csv", "--role", "mail=email"],
         "{tmp}/blank.csv is empty (0 bytes): give a CSV, JSON lines or Parquet file"),
        (["{gzipped}", "--role", "mail=email"],
         "{gzipped} is not a text file (a NUL byte on line 1): give a CSV, JSON lines or "
         "Parquet file"),
        (["{nested}", "--role", "mail=email"],
         "cannot read {nested}: line 2: 'mail' holds an object, not a value"),
        (["{halved}", "--role", "mail=email"],
         "cannot read {halved}: line 5 is not UTF-16 text (\\x0a): cut short?"),
    ],
)  # fmt: skip
def test_mistakes_are_one_line_and_exit_2(
    people: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("id,mail\n", encoding="utf-8")
    (tmp_path / "blank.csv").write_bytes(b"")
    gzipped = tmp_path / "gzipped.csv"  # people.csv.gz renamed
    gzipped.write_bytes(gzip.compress(PEOPLE.encode(), mtime=1_700_000_000))
    nested = tmp_path / "nested.jsonl"
    nested.write_text('{"id": 1, "mail": "a@x.fr"}\n{"id": 2, "mail": {"work": "b@x.fr"}}\n')
    names = {"tmp": tmp_path, "people": people, "empty": empty, "gzipped": gzipped}
    names["nested"] = nested
    names["halved"] = tmp_path / "halved.csv"  # UTF-16 losing its last byte
    names["halved"].write_bytes(PEOPLE.encode("utf-16")[:-1])
    argv = ["dedupe", *(a.format(**names) for a in args), "--id", "id", "--out", "-"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {message.format(**names)}")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_an_output_folder_that_does_not_exist_is_refused_before_matching(people: Path) -> None:
    out = people.parent / "no" / "clusters.csv"
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: cannot write {out}: no folder {out.parent}\n"


def test_an_out_that_is_the_input_is_refused(people: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(people.parent)
    out = people.parent / "." / people.name  # the same file by another spelling
    result = runner.invoke(app, ["dedupe", people.name, "--id", "id", *ROLES, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: --out {out} is the input file {people.name}; choose another\n"
    assert people.read_text(encoding="utf-8") == PEOPLE


def test_an_output_that_is_a_folder_is_refused_before_matching(people: Path) -> None:
    out = people.parent
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot write {out}: it is a folder; give a file name, e.g. {out}/clusters.csv\n"
    )


@pytest.mark.parametrize("name", ["clusters.xlsx", "clusters", "clusters.csv.gz"])
def test_an_output_named_for_another_format_is_refused(people: Path, name: str) -> None:
    """Only CSV and Parquet are written: clusters.xlsx would be a CSV file under Excel's name."""
    out = people.parent / name
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot write {out}: the name must end in .csv, .parquet, .pq (CSV or Parquet), "
        "or be '-' for stdout\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(("name", "magic"), [("c.CSV", b'"record_id"'), ("c.pq", b"PAR1")])
def test_the_suffix_chooses_the_format_whatever_its_case(
    people: Path, name: str, magic: bytes
) -> None:
    out = people.parent / name
    result = runner.invoke(app, ["dedupe", str(people), "--id", "id", *ROLES, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)
