"""``c360 identity evaluate`` and ``c360 profile`` on a small resolved workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from c360 import config, engines
from c360.cli import app, main
from c360.identity.profile import build_profile
from c360.identity.run import resolve_workspace
from c360.pipeline import lake
from tests.identity.test_run import CRM, IDENTITY, SHOP, _land

runner = CliRunner()
WIDE = {"COLUMNS": "500"}  # a message naming a long temporary path stays on one line


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identity_cli")
    config.write_default(path, "identity-cli", identity=IDENTITY.model_dump())
    _land(path, CRM, SHOP)
    resolve_workspace(path, IDENTITY, engines.connect("duckdb").splink_api, run_id="r1")
    lake.publish_table(path, "gold", "customer_profile", build_profile(path, IDENTITY))
    truth = ["source,record_id,person_id"]
    truth += [f"crm,{row[0]},P{i}" for i, row in enumerate(CRM, start=1)]
    people = {"S1": "P1", "S2": "P2", "S4": "P3"}
    truth += [f"shop,{row[0]},{people.get(row[0], 'Q' + row[0])}" for row in SHOP]
    (path / "truth").mkdir()
    (path / "truth" / "identity.csv").write_text("\n".join(truth) + "\n")
    return path


def test_evaluate_scores_the_links_against_the_truth(workspace: Path) -> None:
    result = runner.invoke(app, ["identity", "evaluate", "-w", str(workspace), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["true_pairs"], scores["predicted_pairs"], scores["correct_pairs"]) == (3, 3, 3)
    assert scores["pairwise_precision"] == scores["pairwise_recall"] == 1.0
    assert set(scores["by_source"]) == {"crm", "shop"}
    assert "profile" not in scores  # no truth/people.csv: the profiles are not scored


def test_evaluate_scores_the_profiles_against_the_people(workspace: Path, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "person_id,first_name,last_name,email,country\n"
        "P1,Anna,Keller,anna.keller@example.org,DE\n"
        "P2,Boris,Nowak,b.novak@example.net,FR\n"  # the records all spell Novak
        "P3,Chloe,Martin,chloe.m@example.com,FR\n"  # one record spells Chloé
    )
    args = ["identity", "evaluate", "-w", str(workspace), "--people", str(people)]
    scores = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert scores["pairwise_precision"] == 1.0  # the identity scores as before
    profile = scores["profile"]
    assert (profile["profiles"], profile["profiles_without_truth"]) == (3, 6)
    shares = {k: (a["exact"], a["folded"]) for k, a in profile["attributes"].items()}
    assert shares == {
        "first_name": (pytest.approx(2 / 3), 1.0),
        "last_name": (pytest.approx(2 / 3), pytest.approx(2 / 3)),
        "email": (1.0, 1.0),
        "country": (0.0, 0.0),  # no record gives a country
    }
    assert profile["attributes"]["country"]["missing"] == 3
    text = runner.invoke(app, args, terminal_width=200)
    assert text.exit_code == 0, text.output
    assert "Profile attributes" in text.output and "66.67%" in text.output
    assert "shows 'Novak', P2 is 'Nowak'" in text.output
    assert "3 profiles scored, each against the person most of its records" in text.output


def test_a_people_file_of_other_people_is_said_to_match_no_profile(
    workspace: Path, tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("person_id,first_name,email\nX1,Anna,anna.keller@example.org\n")
    args = ["identity", "evaluate", "-w", str(workspace), "--people", str(people)]
    profile = json.loads(runner.invoke(app, [*args, "--json"]).output)["profile"]
    assert profile["profiles"] == 0
    assert [(a["exact"], a["folded"]) for a in profile["attributes"].values()] == [(None, None)] * 2
    text = runner.invoke(app, args, env=WIDE)
    assert text.exit_code == 0, text.output
    rows = [[cell for cell in line.split() if cell != "│"] for line in text.output.splitlines()]
    assert ["first_name", "–", "–", "0"] in rows and ["email", "–", "–", "0"] in rows
    assert "%" not in text.output.split("Profile attributes")[1]
    shown = " ".join(text.output.split())
    assert f"no profile matched a person of {people}: none of the 9 profiles scored" in shown


def test_evaluate_leaves_blank_true_values_unscored(workspace: Path, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "person_id,first_name,email\nP1,Anna,\nP2,Boris,\nP3,Chloe,chloe.m@example.com\n"
    )
    args = ["identity", "evaluate", "-w", str(workspace), "--people", str(people)]
    email = json.loads(runner.invoke(app, [*args, "--json"]).output)["profile"]["attributes"]
    assert (email["email"]["exact"], email["email"]["unknown"]) == (1.0, 2)
    text = runner.invoke(app, args, terminal_width=200)
    assert "not scored where the person's value is blank: email 2" in " ".join(text.output.split())


def test_evaluate_needs_the_people_file_it_is_given(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "people.csv"
    assert main(["identity", "evaluate", "-w", str(workspace), "--people", str(missing)]) == 2
    assert capsys.readouterr().err == f"error: no such file: {missing}\n"
    missing.write_text("person_id,shoe_size\nP1,42\n")
    assert main(["identity", "evaluate", "-w", str(workspace), "--people", str(missing)]) == 2
    assert "none of the columns first_name" in capsys.readouterr().err


def test_evaluate_counts_a_wrong_truth(workspace: Path, tmp_path: Path) -> None:
    truth = tmp_path / "truth.csv"
    truth.write_text("source,record_id,person_id\ncrm,C1,A\nshop,S1,B\ncrm,C2,X\nshop,S2,X\n")
    result = runner.invoke(
        app, ["identity", "evaluate", "-w", str(workspace), "--truth", str(truth), "--json"]
    )
    scores = json.loads(result.output)
    assert (scores["predicted_pairs"], scores["correct_pairs"]) == (2, 1)
    assert scores["pairwise_precision"] == 0.5
    assert scores["records_without_truth"] == 8


def test_evaluate_counts_truth_records_in_no_link_as_missed(
    workspace: Path, tmp_path: Path
) -> None:
    """Two records of the truth the run lost: alone, so their true pairs lower recall."""
    truth = tmp_path / "truth.csv"
    known = (workspace / "truth" / "identity.csv").read_text()
    truth.write_text(known + "crm,C7,P1\nshop,S9,P2\n")
    args = ["identity", "evaluate", "-w", str(workspace), "--truth", str(truth)]
    scores = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert (scores["records"], scores["truth_without_link"]) == (14, 2)
    # P1: C1, S1, C7; P2: C2, S2, S9; P3: C3, S4: 7 true pairs, the 3 linked ones found.
    assert (scores["true_pairs"], scores["correct_pairs"]) == (7, 3)
    assert scores["pairwise_recall"] == pytest.approx(3 / 7)
    assert scores["by_source"]["crm"]["lost"] == scores["by_source"]["shop"]["lost"] == 1
    text = runner.invoke(app, args, terminal_width=200)
    assert text.exit_code == 0, text.output
    assert "42.86%" in text.output  # pairwise recall
    assert "14 records of the truth scored, 2 of them lost" in " ".join(text.output.split())


@pytest.mark.parametrize("rows", ["", "crm,NOT-A-RECORD,P1\nweb,C1,P1\n"])
def test_a_truth_that_names_none_of_the_records_is_one_line(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: str
) -> None:
    """Not a score of 100% on nothing: a truth of other records is the user's mistake."""
    truth = tmp_path / "truth.csv"
    truth.write_text("source,record_id,person_id\n" + rows)
    assert main(["identity", "evaluate", "-w", str(workspace), "--truth", str(truth)]) == 2
    assert capsys.readouterr().err == (
        f"error: none of the run's 12 records is in {truth}: nothing to score\n"
    )


def test_profile_explains_a_customer_found_by_email_or_source_id(workspace: Path) -> None:
    by_email = runner.invoke(
        app, ["profile", "ANNA.keller@example.org", "-w", str(workspace), "--json"]
    )
    assert by_email.exit_code == 0, by_email.output
    found = json.loads(by_email.output)
    why = found["explanation"]
    assert sorted(r["record_key"] for r in why["records"]) == ["crm:C1", "shop:S1"]
    assert why["pairs"][0]["decision"] == "rule"
    assert "email_canonical" in why["pairs"][0]["evidence"]
    assert why["history"][0]["kind"] == "new"
    assert (found["first_name"], found["last_name"]) == ("Anna", "Keller")
    assert found["source_ids"] == {"crm": ["C1"], "shop": ["S1"]}
    assert found["attribute_sources"]["first_name"] in ("crm:C1", "shop:S1")
    by_id = json.loads(runner.invoke(app, ["profile", "S1", "-w", str(workspace), "--json"]).output)
    assert by_id["customer360_id"] == found["customer360_id"]
    text = runner.invoke(app, ["profile", found["customer360_id"], "-w", str(workspace)])
    assert "Why they are one customer" in text.output and "crm:C1" in text.output


def test_a_retired_id_resolves_to_its_customer(workspace: Path, tmp_path: Path) -> None:
    links = lake.read_table(workspace, "gold", "identity_links").to_pylist()
    current = next(r["customer360_id"] for r in links if r["record_key"] == "crm:C1")
    copy = tmp_path / "ws"
    copy.mkdir()
    for name in ("c360.yaml",):
        (copy / name).write_text((workspace / name).read_text())
    for table in ("identity_links", "identity_pairs", "identity_ledger"):
        lake.publish_table(copy, "gold", table, lake.read_table(workspace, "gold", table))
    lake.publish_table(
        copy, "gold", "identity_aliases",
        lake.read_table(workspace, "gold", "identity_aliases").from_pylist(
            [{"retired_id": "c360_00000099", "customer360_id": current}]
        ),
    )  # fmt: skip
    found = runner.invoke(app, ["profile", "c360_00000099", "-w", str(copy), "--json"])
    assert json.loads(found.output)["customer360_id"] == current


def test_profile_errors_are_one_line(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("nobody@example.com", "c360_00000999", "Z9", " "):
        assert main(["profile", query, "-w", str(workspace)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: no ") and err.count("\n") == 1, err
    assert "give a customer360_id, an e-mail or a record id" in err  # the blank query
    assert main(["identity", "evaluate", "-w", str(workspace / "nowhere")]) == 2
    assert "error: no workspace at" in capsys.readouterr().err
    assert main(["identity", "evaluate", "-w", str(workspace / "truth")]) == 2  # never run
    assert "run `c360 run` first" in capsys.readouterr().err


def test_the_id_of_a_customer_whose_records_left_says_so(tmp_path: Path) -> None:
    config.write_default(tmp_path, "identity-cli", identity=IDENTITY.model_dump())
    api = engines.connect("duckdb").splink_api
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    links = lake.read_table(tmp_path, "gold", "identity_links").to_pylist()
    eva = next(r["customer360_id"] for r in links if r["record_key"] == "crm:C5")
    _land(tmp_path, [r for r in CRM if r[0] != "C5"], SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    result = runner.invoke(app, ["profile", eva, "-w", str(tmp_path)])
    assert result.exit_code == 2
    assert f"no customer {eva} now: its records left the sources (crm:C5)" in result.output


def test_a_profile_shows_source_values_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """Names, ids and e-mails come from the sources: brackets and backslashes are data."""
    from c360.cli.identity import _show

    found = {
        "customer360_id": "c360_00000001",
        "retired_ids": ["[old]"],
        "records": [{"record_key": "crm:[/x]", "first_name": "Ann [draft]", "last_name": "O\\"}],
        "pairs": [
            {
                "record_key_l": "crm:[/x]",
                "record_key_r": "shop:[b]7",
                "match_probability": 0.99,
                "decision": "[auto]",
                "evidence": {"[e]mail": {"level": "[exact]", "match_weight": 9.0}},
            },
        ],
        "profile": {
            "customer360_id": "c360_00000001",
            "first_name": "Ann [draft]",
            "attribute_sources": '{"first_name": "crm:[/x]"}',
        },
        "history": [
            {
                "run_id": "[r1]",
                "kind": "new",
                "ids_before": None,
                "id_after": "c360_00000001",
                "records": 2,
            }
        ],
    }
    _show(found)
    out = capsys.readouterr().out
    assert "also known as: [old]\n" in out
    assert "crm:[/x]  first_name=Ann [draft], last_name=O\\\n" in out
    for text in ("shop:[b]7", "[auto]", "[e]mail: [exact] (+9.0)", "[r1]: new - → c360_00000001"):
        assert text in out


@pytest.mark.parametrize(
    "args", [["profile", "C1"], ["identity", "evaluate"], ["identity", "evaluate", "--json"]]
)
def test_customers_of_an_earlier_run_than_the_last_are_warned_of(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    import shutil

    stale = tmp_path / "ws"
    shutil.copytree(workspace, stale)
    (stale / "reports").mkdir()
    seconds = {"bronze": 1.0, "silver": 1.0, "text": 1.0}
    (stale / "reports" / "run_report.json").write_text(json.dumps({"seconds": seconds}))
    main([*args, "-w", str(stale)])
    err = capsys.readouterr().err
    assert err.startswith("warning: the last `c360 run` stopped at silver (")
    assert ": run `c360 run` without --until\n" in err
