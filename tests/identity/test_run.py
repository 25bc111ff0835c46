"""Identity resolution on a workspace: ids stay put across runs, overrides are honoured."""

from __future__ import annotations

import gc
import weakref
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pytest

from c360 import engines
from c360.config import Identity, IdentitySource
from c360.identity.explain import explain, history_of
from c360.identity.matching import Scored
from c360.identity.profile import profile_dates
from c360.identity.records import IdentityConfigError
from c360.identity.run import (
    check,
    evidence,
    people_of,
    read_overrides,
    resolve_workspace,
    run_stamp,
)
from c360.pipeline import lake

CRM = [  # id, first, last, email, phone
    ("C1", "Anna", "Keller", "anna.keller@example.org", "+49 30 1234567"),
    ("C2", "Boris", "Novak", "b.novak@example.net", "+33 6 12 34 56 78"),
    ("C3", "Chloé", "Martin", "chloe.m@example.com", None),
    ("C4", "Dmitri", "Ivanov", "dima@example.com", "+44 7700 900123"),
    ("C5", "Eva", "Lind", "eva.lind@example.se", None),
    ("C6", "Farid", "Haddad", "farid.h@example.com", "+1 212 555 0101"),
]
SHOP = [  # id, full name, email, phone
    ("S1", "KELLER, Anna", "Anna.Keller@Example.org", None),  # C1
    ("S2", "Boris Novak", "b.novak@example.net", None),  # C2
    ("S3", "Gina Rossi", "gina.rossi@example.it", "+39 06 1234 5678"),
    ("S4", "Chloe Martin", "CHLOE.M@example.com", None),  # C3
    ("S5", "Hugo Blanc", "hugo.blanc@example.fr", None),
    ("S6", "Ines Costa", "ines.costa@example.pt", None),
]
IDENTITY = Identity(
    sources={
        "crm": IdentitySource(
            table="people_crm",
            id="id",
            roles={"first_name": "first", "last_name": "last", "email": "mail", "phone": "tel"},
        ),
        "shop": IdentitySource(
            table="people_shop", id="no", roles={"full_name": "name", "email": "email",
                                                 "phone": "phone"}
        ),
    }
)  # fmt: skip


def _land(workspace: Path, crm: list[tuple], shop: list[tuple]) -> None:
    names = {"people_crm": ("id", "first", "last", "mail", "tel"),
             "people_shop": ("no", "name", "email", "phone")}  # fmt: skip
    for table, rows in (("people_crm", crm), ("people_shop", shop)):
        columns = dict(zip(names[table], zip(*rows, strict=True), strict=True))
        data = pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})
        lake.publish_table(workspace, "bronze", table, data)


def _ids(workspace: Path) -> dict[str, str]:
    links = lake.read_table(workspace, "gold", "identity_links")
    return dict(zip(links["record_key"].to_pylist(), links["customer360_id"].to_pylist(),
                    strict=True))  # fmt: skip


@pytest.fixture
def api():  # type: ignore[no-untyped-def]
    return engines.connect("duckdb").splink_api


def test_the_same_people_get_one_id_that_survives_reruns_and_new_batches(
    tmp_path: Path, api
) -> None:  # type: ignore[no-untyped-def]
    _land(tmp_path, CRM, SHOP)
    first = resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    ids = _ids(tmp_path)
    assert ids["crm:C1"] == ids["shop:S1"]
    assert ids["crm:C2"] == ids["shop:S2"]
    assert ids["crm:C3"] == ids["shop:S4"]
    assert len(set(ids.values())) == 12 - 3 == first.customers
    assert first.events == {"new": 9}

    again = resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    assert _ids(tmp_path) == ids
    assert again.events == {}
    assert lake.read_table(tmp_path, "gold", "identity_ledger").num_rows == 9

    _land(tmp_path, [*CRM, ("C7", "Jon", "Berg", "jon.berg@example.no", None)], SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r3")
    grown = _ids(tmp_path)
    assert {k: grown[k] for k in ids} == ids
    assert grown["crm:C7"] not in ids.values()


def test_splink_and_its_database_are_let_go_when_the_scores_are_read(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    """Splink's linker and database API refer to each other: left to the collector, the
    database and its tables (about 1 GB at scale 10) outlived the scoring."""
    _land(tmp_path, CRM, SHOP)
    made = []

    def tracked():  # type: ignore[no-untyped-def]
        splink = api()
        made.append(weakref.ref(splink))
        return splink

    gc.disable()  # as between the collector's rare full passes
    try:
        resolve_workspace(tmp_path, IDENTITY, tracked, run_id="r1")
        assert len(made) == 1 and made[0]() is None
    finally:
        gc.enable()


def test_an_id_whose_records_left_is_never_given_to_someone_else(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    """The last person issued leaves the sources, someone new comes: the ledger still names
    the old id, so the newcomer gets a fresh one."""
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    last = max(_ids(tmp_path).values())
    leaving = [k.split(":")[1] for k, v in _ids(tmp_path).items() if v == last]
    _land(tmp_path, [r for r in CRM if r[0] not in leaving],
          [r for r in SHOP if r[0] not in leaving])  # fmt: skip
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    assert last not in _ids(tmp_path).values()
    _land(tmp_path, [*CRM, ("C8", "Kai", "Weber", "kai.weber@example.de", None)], SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r3")
    assert _ids(tmp_path)["crm:C8"] > last


def test_a_record_missing_from_one_extract_gets_its_id_back(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    """Eva (C5) is missing from one CRM extract, then back: she is the same customer."""
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    before = _ids(tmp_path)
    _land(tmp_path, [r for r in CRM if r[0] != "C5"], SHOP)
    gone = resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    departed = lake.read_table(tmp_path, "gold", "identity_departed").to_pylist()
    assert departed == [{"record_key": "crm:C5", "customer360_id": before["crm:C5"]}]
    assert gone.events == {"departed": 1}
    _land(tmp_path, CRM, SHOP)
    back = resolve_workspace(tmp_path, IDENTITY, api, run_id="r3")
    assert _ids(tmp_path) == before and back.events == {"returned": 1}
    assert lake.read_table(tmp_path, "gold", "identity_departed").num_rows == 0
    ledger = lake.read_table(tmp_path, "gold", "identity_ledger").to_pylist()
    assert [(e["run_id"], e["kind"], e["id_after"]) for e in ledger[-2:]] == [
        ("r2", "departed", before["crm:C5"]),
        ("r3", "returned", before["crm:C5"]),
    ]


def _ledger(*run_ids: str) -> pa.Table:
    return pa.table({"run_id": pa.array(run_ids, pa.string())})


def test_a_run_is_stamped_by_the_clock_but_never_at_or_before_a_run_the_ledger_records() -> None:
    noon = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)
    assert run_stamp(None, noon) == "2024-06-01T12:00:00+00:00"
    assert run_stamp(_ledger(), noon.replace(microsecond=700_000)) == "2024-06-01T12:00:00+00:00"
    paris = noon.astimezone(timezone(timedelta(hours=2)))
    assert run_stamp(_ledger("2024-05-01T12:00:00+00:00"), paris) == "2024-06-01T12:00:00+00:00"
    recorded = _ledger("2024-06-01T12:00:00+00:00", "2024-06-02T08:30:00+00:00")
    assert run_stamp(recorded, noon) == "2024-06-02T08:30:01+00:00"  # the clock went back
    assert run_stamp(recorded, noon + timedelta(hours=20, minutes=30)) == (
        "2024-06-02T08:30:01+00:00"  # the same second: a second run's events keep their own key
    )
    assert run_stamp(recorded, noon + timedelta(days=1)) == "2024-06-02T12:00:00+00:00"


def test_a_ledger_written_otherwise_is_read_as_times_or_left_aside() -> None:
    """Labels, times without an offset (UTC), other offsets and fractions of a second."""
    noon = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)
    assert run_stamp(_ledger("nightly-42", "manual"), noon) == "2024-06-01T12:00:00+00:00"
    assert run_stamp(_ledger("2024-06-01T12:00:00"), noon) == "2024-06-01T12:00:01+00:00"
    later = _ledger("2024-06-01T09:00:00-05:00", "2024-06-01T13:30:00+02:00")  # 14:00Z, 11:30Z
    assert run_stamp(later, noon) == "2024-06-01T14:00:01+00:00"
    fraction = _ledger("2024-06-01T12:00:00.123456+00:00")
    assert run_stamp(fraction, noon) == "2024-06-01T12:00:01+00:00"


def test_a_clock_set_back_between_runs_keeps_the_history_in_run_order(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    """Eva (C5) leaves and comes back twice, the clock a month behind, then stuck: her history
    still reads in the order it happened, and no two events share a key."""
    june = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)
    may = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, now=june)
    eva = _ids(tmp_path)["crm:C5"]
    without_eva = [r for r in CRM if r[0] != "C5"]
    for crm in (without_eva, CRM, without_eva, CRM):
        _land(tmp_path, crm, SHOP)
        resolve_workspace(tmp_path, IDENTITY, api, now=may)
    history = [(e["run_id"], e["kind"]) for e in explain(tmp_path, IDENTITY, eva)["history"]]
    assert history == [
        ("2024-06-01T12:00:00+00:00", "new"),
        ("2024-06-01T12:00:01+00:00", "departed"),
        ("2024-06-01T12:00:02+00:00", "returned"),
        ("2024-06-01T12:00:03+00:00", "departed"),
        ("2024-06-01T12:00:04+00:00", "returned"),
    ]
    ledger = lake.read_table(tmp_path, "gold", "identity_ledger")
    keys = list(zip(*(ledger[k].to_pylist() for k in ("run_id", "kind", "id_after", "ids_before")),
                    strict=True))  # fmt: skip
    assert len(set(keys)) == len(keys)
    customers = pa.array([eva])
    no_records = pa.table({"customer360_id": pa.array([], pa.string()),
                           "updated_at": pa.array([], pa.timestamp("us"))})  # fmt: skip
    dates = profile_dates(customers, ledger, no_records, june.replace(tzinfo=None))
    assert dates["created_at"].to_pylist() == [datetime(2024, 6, 1, 12, 0, 0)]
    assert dates["updated_at"].to_pylist() == [datetime(2024, 6, 1, 12, 0, 4)]


def test_a_customer_whose_records_all_left_is_still_explained(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="2024-06-01T12:00:00+00:00")
    eva = _ids(tmp_path)["crm:C5"]
    _land(tmp_path, [r for r in CRM if r[0] != "C5"], SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="2024-06-02T12:00:00+00:00")
    gone = explain(tmp_path, IDENTITY, eva)
    assert (gone["records"], gone["pairs"]) == ([], [])
    assert [e["kind"] for e in gone["history"]] == ["new", "departed"]


def test_history_names_an_id_not_the_longer_ids_that_begin_with_it() -> None:
    ledger = pa.table({"run_id": ["r1", "r2"], "kind": ["merge", "merge"],
                       "id_after": ["c360_9", "c360_8"],
                       "ids_before": ["c360_1,c360_12", "c360_12"], "records": [2, 2]})  # fmt: skip
    assert [e["run_id"] for e in history_of(ledger, "c360_1")] == ["r1"]
    assert [e["run_id"] for e in history_of(ledger, "c360_12")] == ["r1", "r2"]


def test_a_must_not_link_splits_and_the_old_id_stays_resolvable(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    before = _ids(tmp_path)["crm:C1"]
    (tmp_path / "identity").mkdir()
    (tmp_path / "identity" / "overrides.csv").write_text(
        "left,right,decision\ncrm:C1,shop:S1,must_not_link\ncrm:C5,shop:S6,must_link\n"
    )
    result = resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    ids = _ids(tmp_path)
    assert ids["crm:C1"] != ids["shop:S1"]
    assert before in (ids["crm:C1"], ids["shop:S1"])  # one part keeps the id
    assert ids["crm:C5"] == ids["shop:S6"]
    assert result.events.get("split") and result.events.get("merge") == 1
    pairs = lake.read_table(tmp_path, "gold", "identity_pairs").to_pylist()
    decided = {(p["record_key_l"], p["record_key_r"]): p["decision"] for p in pairs}
    assert decided[("crm:C1", "shop:S1")] == "must_not_link"
    assert decided[("crm:C5", "shop:S6")] == "must_link"


def test_a_wrong_merge_undone_gives_both_customers_their_ids_back(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    before = _ids(tmp_path)
    overrides = tmp_path / "identity" / "overrides.csv"
    overrides.parent.mkdir()
    overrides.write_text("left,right,decision\ncrm:C5,shop:S6,must_link\n")
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    merged = _ids(tmp_path)["crm:C5"]
    assert _ids(tmp_path)["shop:S6"] == merged
    retired = ({before["crm:C5"], before["shop:S6"]} - {merged}).pop()
    former = lake.read_table(tmp_path, "gold", "identity_former_ids").to_pylist()
    assert [row["customer360_id"] for row in former] == [retired]

    overrides.write_text("left,right,decision\n")
    undone = resolve_workspace(tmp_path, IDENTITY, api, run_id="r3")
    assert _ids(tmp_path) == before
    assert undone.events == {"split": 1}
    assert lake.read_table(tmp_path, "gold", "identity_aliases").num_rows == 0
    assert lake.read_table(tmp_path, "gold", "identity_former_ids").num_rows == 0


def test_overrides_file_errors_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "overrides.csv"
    assert read_overrides(path).must_link == ()
    path.write_text("a,b\n")
    with pytest.raises(IdentityConfigError, match="header must be left,right,decision"):
        read_overrides(path)
    path.write_text("left,right,decision\ncrm:1,crm:2,maybe\n")
    with pytest.raises(IdentityConfigError, match=r"overrides.csv:2: expected"):
        read_overrides(path)


def test_an_overrides_file_saved_by_excel_as_csv_utf8_is_read(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" starts with a byte order mark; hand-typed headers carry spaces."""
    path = tmp_path / "overrides.csv"
    path.write_bytes(
        "left , right,decision \ncrm:CRM-é,web:x,must_link\ncrm:1,crm:2,must_not_link\n".encode(
            "utf-8-sig"
        )
    )
    overrides = read_overrides(path)
    assert overrides.must_link == (("crm:CRM-é", "web:x"),)
    assert overrides.must_not_link == (("crm:1", "crm:2"),)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (  # Excel's "CSV (Comma delimited)": Windows-1252
            b"left,right,decision\ncrm:CRM-\xe9,web:x,must_link\n",
            "is not UTF-8 text (line 2: invalid continuation byte): save it as UTF-8",
        ),
        (
            "left,right,decision\ncrm:1,web:x,must_link\n".encode("utf-16"),
            "is written in UTF-16 (a spreadsheet's 'Unicode text'): save it as a UTF-8 CSV",
        ),
        (
            "left,right,decision\ncrm:1,web:x,must_link\n".encode("utf-16-le"),
            "is written in UTF-16 (a spreadsheet's 'Unicode text'): save it as a UTF-8 CSV",
        ),
        (  # a value longer than Python's CSV reader takes
            b"left,right,decision\ncrm:" + b"9" * 200_000 + b",web:x,must_link\n",
            ":2: field larger than field limit (131072)",
        ),
    ],
    ids=["windows-1252", "utf-16", "utf-16-le", "long-value"],
)
def test_an_overrides_file_that_is_not_utf8_text_is_one_line(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "overrides.csv"
    path.write_bytes(data)
    with pytest.raises(IdentityConfigError) as raised:
        read_overrides(path)
    assert str(raised.value) == f"{path}{'' if message.startswith(':') else ' '}{message}"


def test_an_overrides_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(IdentityConfigError) as raised:
        read_overrides(tmp_path)
    assert str(raised.value) == f"{tmp_path}: cannot read the overrides file: Is a directory"


def test_the_identity_section_is_checked_against_bronze_schemas_alone(tmp_path: Path) -> None:
    _land(tmp_path, CRM, SHOP)
    check(tmp_path, IDENTITY)

    def with_shop(**changes: object) -> Identity:  # unvalidated: c360.yaml's reading refuses
        shop = IDENTITY.sources["shop"].model_copy(update=changes)  # an unknown attribute first
        return Identity.model_construct(sources={**IDENTITY.sources, "shop": shop})

    cases = [
        (with_shop(table="people_shp"), "'shop': table people_shp has not been landed in bronze"),
        (with_shop(roles={"full_name": "nme", "email": "email"}), "people_shop has no column nme"),
        (with_shop(updated_at="changed"), "people_shop has no column changed"),
        (with_shop(attributes={"loyalty_tier": "tier"}), "people_shop has no column tier"),
        (with_shop(attributes={"shoe_size": "phone"}), "unknown profile attribute shoe_size"),
    ]
    for identity, message in cases:
        with pytest.raises(IdentityConfigError, match=message):
            check(tmp_path, identity)
    (tmp_path / "identity").mkdir()
    (tmp_path / "identity" / "overrides.csv").write_text("left,right\n")
    with pytest.raises(IdentityConfigError, match="header must be left,right,decision"):
        check(tmp_path, IDENTITY)


def test_an_override_naming_no_record_is_one_line(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    _land(tmp_path, CRM, SHOP)
    (tmp_path / "identity").mkdir()
    (tmp_path / "identity" / "overrides.csv").write_text(
        "left,right,decision\ncrm:C1,shop:S9,must_link\n"
    )
    with pytest.raises(IdentityConfigError, match=r"overrides.csv: no such record shop:S9 \("):
        resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")


def test_people_of_maps_a_source_table_to_its_customers(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    _land(tmp_path, CRM, SHOP)
    assert people_of(tmp_path, IDENTITY, "people_crm") is None  # not resolved yet
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    people = people_of(tmp_path, IDENTITY, "people_shop")
    assert people is not None
    assert people["customer_id"].to_pylist() == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert people["customer360_id"][0].as_py() == _ids(tmp_path)["crm:C1"]


def test_a_previous_identity_table_there_but_unreadable_stops_the_run_in_one_line(
    tmp_path: Path, api
) -> None:  # type: ignore[no-untyped-def]
    """No folder is a first run; a folder that is there must read, or ids would be reissued."""
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    ids = _ids(tmp_path)
    former = pa.table({"record_key": ["crm:C1"], "customer360_ids": ["c360_000001"]})
    lake.publish_table(tmp_path, "gold", "identity_former_ids", former)  # an older layout
    with pytest.raises(lake.UnreadableTableError, match=r"identity_former_ids: .*lacks"):
        resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    for part in lake.table_dir(tmp_path, "gold", "identity_departed").iterdir():
        part.unlink()
    lake.drop(tmp_path, "gold", "identity_former_ids")  # absent: as before the first run
    with pytest.raises(lake.UnreadableTableError, match=r"identity_departed: .*no Parquet"):
        resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    assert _ids(tmp_path) == ids  # nothing was published


@pytest.mark.spark
def test_spark_and_duckdb_give_the_same_customers(tmp_path: Path) -> None:
    found = []
    for name in ("duckdb", "spark"):
        workspace = tmp_path / name
        _land(workspace, CRM, SHOP)
        resolve_workspace(workspace, IDENTITY, engines.connect(name).splink_api, run_id="r1")
        found.append(_ids(workspace))
    assert found[0] == found[1]
    assert len(set(found[0].values())) == 9


def test_evidence_names_each_pairs_level_and_weight_with_term_frequency_added() -> None:
    # The same weight at two levels, the same level at two weights (a term-frequency
    # adjustment, added to every weight of its comparison) and a gamma without a label.
    pairs = pa.table({
        "gamma_email": [3, 1, 3, 3, -1, 7],
        "mw_email": [2.0, 2.0, 2.0, 2.0, 0.0, -0.0],
        "mw_tf_adj_email": [0.5, None, None, 0.5, None, None],
        "gamma_dob": [1, 1, 0, 1, 1, 0],
        "mw_dob": [4.123, 4.123, -3.0, 4.123, 4.123, -3.0],
    })  # fmt: skip
    levels = {"email": {3: "exact", 1: "fuzzy", -1: "unknown"}, "dob": {1: "same", 0: "other"}}
    found = evidence(Scored(pairs, levels)).to_pylist()
    dob = {1: '"dob": {"level": "same", "match_weight": 4.12}',
           0: '"dob": {"level": "other", "match_weight": -3.0}'}  # fmt: skip
    assert found == [
        '{"email": {"level": "exact", "match_weight": 2.5}, ' + dob[1] + "}",
        '{"email": {"level": "fuzzy", "match_weight": 2.0}, ' + dob[1] + "}",
        '{"email": {"level": "exact", "match_weight": 2.0}, ' + dob[0] + "}",
        '{"email": {"level": "exact", "match_weight": 2.5}, ' + dob[1] + "}",
        '{"email": {"level": "unknown", "match_weight": 0.0}, ' + dob[1] + "}",
        '{"email": {"level": "7", "match_weight": 0.0}, ' + dob[0] + "}",
    ]
    order = pa.array([5, 0, 2])  # written in this order, the rest left out
    assert evidence(Scored(pairs, levels), order).to_pylist() == [found[5], found[0], found[2]]


def test_a_run_that_dies_while_publishing_the_store_leaves_the_previous_one_whole(
    tmp_path: Path, api, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The next run reads the six tables back as one store: new links beside the old ledger
    and aliases would hide the merge for good (no event, no alias, no former id)."""
    _land(tmp_path, CRM, SHOP)
    resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    before = _ids(tmp_path)
    overrides = tmp_path / "identity" / "overrides.csv"
    overrides.parent.mkdir()
    overrides.write_text("left,right,decision\ncrm:C5,shop:S6,must_link\n")
    opened = lake.TableWriter.__init__

    def dies_on_the_ledger(self: lake.TableWriter, folder: Path, schema: pa.Schema) -> None:
        if "identity_ledger" in folder.name:
            raise MemoryError("killed")
        opened(self, folder, schema)

    with monkeypatch.context() as patched:
        patched.setattr(lake.TableWriter, "__init__", dies_on_the_ledger)
        with pytest.raises(MemoryError):
            resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    assert _ids(tmp_path) == before

    again = resolve_workspace(tmp_path, IDENTITY, api, run_id="r3")
    assert again.events == {"merge": 1}
    assert lake.read_table(tmp_path, "gold", "identity_aliases").num_rows == 1


def test_records_the_model_cannot_be_trained_on_are_linked_by_exact_rules(
    tmp_path: Path, api
) -> None:  # type: ignore[no-untyped-def]
    # E-mail and country only, and no two records share an e-mail: Splink cannot estimate how
    # often two records match (it fails). The run says so and links by exact rules instead:
    # every record is a customer of its own.
    mails = ["ann@example.fr", "bob@example.de", "cy@example.fr", "di@example.es",
             "ed@example.fr", "eve@example.de", "flo@example.it"]  # fmt: skip
    countries = ["FR", "DE", "FR", "ES", "FR", "DE", "IT"]
    data = pa.table({"id": [f"C{i}" for i in range(7)], "mail": mails, "country": countries})
    lake.publish_table(tmp_path, "bronze", "people", data)
    identity = Identity(sources={"crm": IdentitySource(
        table="people", id="id", roles={"email": "mail", "country": "country"})})  # fmt: skip
    run = resolve_workspace(tmp_path, identity, api, run_id="r1")
    assert len(set(_ids(tmp_path).values())) == 7 == run.customers
    assert run.fallback is not None and "exact matches" in run.fallback
    # With a pair to learn from, the model is trained.
    data = data.set_column(1, "mail", pa.array([*mails[:6], "ANN@example.fr"]))
    lake.publish_table(tmp_path, "bronze", "people", data)
    run = resolve_workspace(tmp_path, identity, api, run_id="r2")
    assert run.fallback is None
    ids = _ids(tmp_path)
    assert ids["crm:C0"] == ids["crm:C6"]


def test_a_total_row_is_no_customer_and_the_run_says_so(tmp_path: Path, api) -> None:  # type: ignore[no-untyped-def]
    # A spreadsheet export ending with its total: the label in the id column, nothing else.
    _land(tmp_path, [*CRM, ("Total: 6 contacts", None, None, None, None)], SHOP)
    run = resolve_workspace(tmp_path, IDENTITY, api, run_id="r1")
    assert "crm:Total: 6 contacts" not in _ids(tmp_path)
    assert run.records == 12
    note = "crm: 1 record with nothing but its id left out (first: 'Total: 6 contacts')"
    assert run.notes[0] == note
    # Without one, no such note.
    _land(tmp_path, CRM, SHOP)
    again = resolve_workspace(tmp_path, IDENTITY, api, run_id="r2")
    assert not any("nothing but" in note for note in again.notes)
