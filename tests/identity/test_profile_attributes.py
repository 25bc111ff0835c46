"""Survivors of profile records (survive() over one candidate per record and attribute), and
the JSON objects of the profile's lineage and source ids."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.identity.normalise import city_key, email_canonical, name_key
from c360.identity.profile_attributes import PROFILE_NAMES, json_objects, lineage, survivors
from c360.identity.profile_records import KEYED, SURVIVED
from c360.identity.survivorship import CANDIDATE_COLUMNS, SCHEMA, Rule, survive

JAN, FEB, MAR = datetime(2024, 1, 1), datetime(2024, 2, 1), datetime(2024, 3, 1)
BASE = (
    ("record_key", pa.string()),
    ("source", pa.string()),
    ("customer360_id", pa.string()),
    ("updated_at", pa.timestamp("us")),
)


def values_table(rows: list[dict[str, Any]], attributes: tuple[str, ...]) -> pa.Table:
    """Record values: the base columns, each attribute's display and, if KEYED, its key."""
    names = [a for a in attributes for a in ((a, f"{a}_key") if a in KEYED else (a,))]
    schema = pa.schema([*BASE, *((n, pa.string()) for n in names)])
    return pa.Table.from_pylist(rows, schema=schema)


def reference(values: pa.Table, rules: dict[str, Rule]) -> pa.Table:
    """survive() on a literal candidate table, with the display value of the winning record."""
    records = values.to_pylist()
    present = [a for a in SURVIVED if a in values.column_names]
    rows, shown = [], {}
    for r in records:
        filled = sum(r[a] is not None for a in present)
        for a in present:
            key = r[f"{a}_key"] if a in KEYED else r[a]
            if r[a] is not None and key is not None:
                rows.append((r["customer360_id"], a, key, r["source"], r["record_key"],
                             r["updated_at"], filled))  # fmt: skip
                shown[r["record_key"], a] = r[a]
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in CANDIDATE_COLUMNS]
    types = [pa.string()] * 5 + [pa.timestamp("us"), pa.int64()]
    pool = pa.table(
        [pa.array(c, t) for c, t in zip(columns, types, strict=True)], names=CANDIDATE_COLUMNS
    )
    won = survive(pool, rules)
    keys = zip(won["record_key"].to_pylist(), won["attribute"].to_pylist(), strict=True)
    display = [shown[k, a] for k, a in keys]
    return won.append_column("display", pa.array(display, pa.string()))


def record(key: str, customer: str, at: datetime | None, **values: str | None) -> dict[str, Any]:
    return {"record_key": key, "source": key.split(":")[0], "customer360_id": customer,
            "updated_at": at, **values}  # fmt: skip


def test_names_are_voted_on_their_key_and_shown_as_the_winning_record_spells_them() -> None:
    values = values_table(
        [
            record(
                "crm:1",
                "c1",
                JAN,
                first_name="ANN",
                first_name_key="ann",
                email="a@x",
                email_key="a@x",
            ),
            record(
                "web:1",
                "c1",
                MAR,
                first_name="Ann",
                first_name_key="ann",
                email="b@x",
                email_key="b@x",
            ),
            record("shop:1", "c1", FEB, first_name="Anne", first_name_key="anne", email=None),
            # A name that folds to nothing is no candidate; its record still counts as filled.
            record(
                "crm:2",
                "c0",
                MAR,
                first_name="!!",
                first_name_key=None,
                email="c@x",
                email_key="c@x",
            ),
        ],
        ("first_name", "email"),
    )
    out = survivors(values, {})
    assert out.schema == SCHEMA.append(pa.field("display", pa.string()))
    assert [
        (r["customer360_id"], r["attribute"], r["value"], r["display"], r["record_key"], r["rule"],
         r["candidates"]) for r in out.to_pylist()
    ] == [
        ("c0", "email", "c@x", "c@x", "crm:2", "most_frequent", 1),
        ("c1", "email", "b@x", "b@x", "web:1", "most_frequent", 2),
        ("c1", "first_name", "ann", "Ann", "web:1", "most_frequent", 2),
    ]  # fmt: skip
    assert out.equals(reference(values, {}))


def test_most_complete_counts_the_record_attributes_with_a_value() -> None:
    values = values_table(
        [
            record("crm:1", "c1", JAN, city="Lyon", city_key="lyon", gender="F", language="fr"),
            record("web:1", "c1", MAR, city="Paris", city_key="paris", gender=None, language=None),
        ],
        ("city", "gender", "language"),
    )
    rules = {"city": Rule("most_complete")}
    out = survivors(values, rules)
    [city] = out.filter(pc.equal(out["attribute"], "city")).to_pylist()
    assert (city["display"], city["record_key"]) == ("Lyon", "crm:1")
    assert out.equals(reference(values, rules))


def test_no_records_give_no_survivors() -> None:
    values = values_table([], ("first_name", "email"))
    out = survivors(values, {})
    assert out.num_rows == 0
    assert out.equals(reference(values, {}))


# Two KEYED, two shown as voted. (E-mails have rules of their own, tested on literal records.)
NAMES = ("first_name", "city", "phone", "language")
records = st.lists(
    st.tuples(
        st.sampled_from(("c1", "c2", "c3")),
        st.sampled_from(("crm", "web", "shop")),
        st.sampled_from((None, JAN, FEB, MAR)),
        st.fixed_dictionaries({a: st.sampled_from((None, "a", "A", "b", "B ")) for a in NAMES}),
        st.fixed_dictionaries({a: st.sampled_from((None, "a", "b")) for a in NAMES if a in KEYED}),
    ),
    max_size=14,
)
rule_specs = st.one_of(
    st.sampled_from([Rule(r) for r in ("most_recent", "most_frequent", "most_complete")]),
    st.lists(st.sampled_from(("crm", "web", "shop")), unique=True, max_size=3).map(
        lambda s: Rule("source_priority", tuple(s))
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    records,
    st.lists(st.sampled_from(NAMES), unique=True, min_size=1).map(tuple),
    st.dictionaries(st.sampled_from(NAMES), rule_specs),
    st.integers(0, 14),
)
def test_survivors_match_survive_on_one_candidate_per_record_and_attribute(
    generated: list[Any], attributes: tuple[str, ...], rules: dict[str, Rule], cut: int
) -> None:
    rows = [
        record(f"{source}:{n}", cid, at, **shown, **{f"{a}_key": k for a, k in keys.items()})
        for n, (cid, source, at, shown, keys) in enumerate(generated)
    ]
    values = values_table(rows, attributes)
    chunked = pa.concat_tables([values.slice(0, cut), values.slice(cut)])
    assert survivors(chunked, rules).equals(reference(values, rules))


KEYS = ("email", "a", 'say "hi"', "back\\slash", "é", "Zed", "primary_email")  # no control chars
CUSTOMERS = pa.array([f"c360_{i}" for i in range(5)])


def expected_object(rows: list[tuple[str, str]]) -> str:
    """One customer's object, written out: keys sorted, the values as given."""
    members = [f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in sorted(rows)]
    return "{" + ", ".join(members) + "}"


@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(KEYS), st.text(max_size=4)),
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_json_objects_list_each_customers_keys_sorted(rows: list[tuple[int, str, str]]) -> None:
    ids = pa.array([CUSTOMERS[c].as_py() for c, _, _ in rows], pa.string())
    keys = pa.array([k for _, k, _ in rows], pa.string())
    json_values = [json.dumps(v) for _, _, v in rows]
    out = json_objects(CUSTOMERS, ids, keys, pa.array(json_values, pa.string()))
    assert out.to_pylist() == [
        expected_object([(k, j) for (c, k, _), j in zip(rows, json_values, strict=True) if c == i])
        for i in range(len(CUSTOMERS))
    ]


@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(SURVIVED), st.text(max_size=4)),
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_lineage_names_each_profile_columns_record(rows: list[tuple[int, str, str]]) -> None:
    won = pa.table({
        "customer360_id": pa.array([CUSTOMERS[c].as_py() for c, _, _ in rows], pa.string()),
        "attribute": pa.array([a for _, a, _ in rows], pa.string()),
        "record_key": pa.array([f"crm:{key}" for _, _, key in rows], pa.string()),
    })  # fmt: skip
    found = [json.loads(o) for o in lineage(CUSTOMERS, won).to_pylist()]
    assert found == [
        {PROFILE_NAMES.get(a, a): f"crm:{key}" for c, a, key in rows if c == i}
        for i in range(len(CUSTOMERS))
    ]
    assert all(list(f) == sorted(f) for f in found)


def named(key: str, at: datetime | None, first: str | None, last: str | None) -> dict[str, Any]:
    """A record of customer c1 with a first and last name, each with its folded key."""
    return record(
        key, "c1", at,
        first_name=first, first_name_key=name_key(first),
        last_name=last, last_name_key=name_key(last),
    )  # fmt: skip


def full_name(
    rows: list[dict[str, Any]], rules: dict[str, Rule] | None = None
) -> tuple[tuple[str, str], ...]:
    """(display, record_key) of c1's surviving first name, then last name."""
    values = values_table(rows, ("first_name", "last_name"))
    out = survivors(values, rules or {}).to_pylist()
    return tuple((r["display"], r["record_key"]) for r in out if r["customer360_id"] == "c1")


def test_a_record_with_its_names_swapped_votes_for_them_the_right_way_round() -> None:
    # "MEGAN, Foster" on the loyalty card: read as first Foster, last Megan. The other records
    # say Megan is the first name and Foster the last, so it votes for Megan Foster.
    rows = [
        named("crm:1", datetime(2019, 8, 4), "Megan", "Fosster"),
        named("loyalty:1", datetime(2023, 4, 13), "Foster", "Megan"),
        named("web:1", datetime(2025, 11, 5), "Megan", None),
        named("shop:1", datetime(2023, 2, 1), "Megan", "Foater"),
        named("marketing:1", None, "Megan", "Foster"),
    ]
    assert full_name(rows) == (("Megan", "web:1"), ("Foster", "loyalty:1"))


def test_a_swapped_record_with_a_typo_follows_the_records_that_agree() -> None:
    rows = [
        named("crm:1", JAN, "Cal", "Stewart"),
        named("loyalty:1", FEB, "Calllum", "Stewart"),
        named("shop:1", MAR, "Stewart", "Callum"),  # the latest: it wins the first-name tie
    ]
    assert full_name(rows) == (("Callum", "shop:1"), ("Stewart", "shop:1"))


def test_a_name_given_alone_says_which_name_it_is() -> None:
    # The web form's given name is Dörte: the one record with both names has them swapped.
    rows = [named("crm:1", JAN, "Martin", "Dörte"), named("web:1", MAR, "Dörte", None)]
    assert full_name(rows) == (("Dörte", "web:1"), ("Martin", "crm:1"))


def test_one_record_against_one_puts_a_listed_given_name_first() -> None:
    rows = [named("crm:1", JAN, "Pohl", "Lina"), named("web:1", FEB, "Lina", "Pohl")]
    assert full_name(rows) == (("Lina", "web:1"), ("Pohl", "web:1"))
    rows = [named("crm:1", JAN, "Lina", "Pohl"), named("web:1", FEB, "Pohl", "Lina")]
    assert full_name(rows) == (("Lina", "web:1"), ("Pohl", "web:1"))


def test_one_record_against_one_both_given_names_keeps_the_record_read_first() -> None:
    # Bärbel and Ernst are both given names: the record read first (the source listed first
    # under identity.sources) keeps its order, however recent the other is.
    rows = [named("crm:1", JAN, "Bärbel", "Ernst"), named("loyalty:1", MAR, "Ernst", "Barbel")]
    assert full_name(rows) == (("Bärbel", "crm:1"), ("Ernst", "loyalty:1"))
    rows.reverse()
    assert full_name(rows) == (("Ernst", "loyalty:1"), ("Bärbel", "crm:1"))


def test_names_are_equal_only_when_a_record_says_so() -> None:
    rows = [named("crm:1", JAN, "Philippe", "Philippe"), named("shop:1", FEB, "Philippe", None)]
    assert full_name(rows) == (("Philippe", "shop:1"), ("Philippe", "crm:1"))
    # One record with nothing against it is read as it is written, both names given names.
    assert full_name([named("crm:1", JAN, "Ross", "Alistair")]) == (
        ("Ross", "crm:1"), ("Alistair", "crm:1"),
    )  # fmt: skip


def test_a_lone_record_puts_a_listed_given_name_before_a_name_no_list_holds() -> None:
    # "Smith John" typed into a form: John is a given name, Smith none.
    assert full_name([named("crm:1", JAN, "Weber", "Lina")]) == (
        ("Lina", "crm:1"), ("Weber", "crm:1"),
    )  # fmt: skip
    # All records agreeing on the wrong order are read the right way round too.
    rows = [named("crm:1", JAN, "Klein", "Frauke"), named("web:1", FEB, "Klein", "Frauke")]
    assert full_name(rows) == (("Frauke", "web:1"), ("Klein", "web:1"))
    # Lnia may be Lina misspelt: knowledge says nothing, the record is read as written.
    assert full_name([named("crm:1", JAN, "Weber", "Lnia")])[0] == ("Weber", "crm:1")


def test_the_order_of_the_names_in_an_address_orients_a_record() -> None:
    rows = [
        # Both given names: frank.horst@ says Frank is the first.
        mailed("crm:1", JAN, "Horst", "Frank", "frank.horst@example.de"),
        # Two records write Ross Alistair, a third Alistair Ross: alistairr78@ (a name, the
        # other's initial) says which.
        mailed("crm:2", JAN, "Ross", "Alistair", "alistairr78@example.com", "c2"),
        mailed("web:2", FEB, "Ross", "Alistair", None, "c2"),
        mailed("shop:2", MAR, "Alistair", "Ross", None, "c2"),
        # The address before knowledge: Owen is a listed name, Grae none, but grace.owen@
        # says Grae (Grace misspelt) is the first name, and is shown as Grace.
        mailed("web:3", JAN, "Grae", "Owen", "grace.owen@example.com", "c3"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Frank", "Horst"), ("c2", "Alistair", "Ross"), ("c3", "Grace", "Owen"),
    ]  # fmt: skip


def test_records_that_agree_on_the_order_of_the_names_are_read_as_they_write_them() -> None:
    # A first name no list holds beside a surname that is a given name too (Thomas), and an
    # address written family name first (martin.laurent@, wang.xiulan@): two records agree,
    # and neither the lists nor the address turn them round.
    rows = [
        mailed("crm:1", JAN, "Xiulan", "Thomas", None),
        mailed("web:1", FEB, "Xiulan", "Thomas", None),
        mailed("crm:2", JAN, "Laurent", "Martin", "martin.laurent@example.fr", "c2"),
        mailed("web:2", FEB, "Laurent", "Martin", None, "c2"),
        mailed("crm:3", JAN, "Xiulan", "Wang", "wang.xiulan@example.com", "c3"),
        mailed("web:3", FEB, "Xiulan", "Wang", None, "c3"),
        # One record alone: a first name that is no known surname stays first.
        mailed("crm:4", JAN, "Keziah", "Martin", None, "c4"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Xiulan", "Thomas"), ("c2", "Laurent", "Martin"), ("c3", "Xiulan", "Wang"),
        ("c4", "Keziah", "Martin"),
    ]  # fmt: skip


def test_an_address_spells_the_formal_name_of_a_nickname_or_a_misspelt_name() -> None:
    rows = [
        # Every record says Tim; the address the formal name (Timothy, not Timothée).
        mailed("crm:1", JAN, "Tim", "Turner", "timothy.turner36@example.com"),
        mailed("web:1", FEB, "Tim", None, None),
        # A misspelt first name no record spells right, a last name one typo off: the
        # record's accents kept.
        mailed("crm:2", JAN, "Soffía", "Beernal", "sofia_bernal@example.es", "c2"),
        # The address spells the customer's other name (garyg: Gary) or nothing: as written.
        mailed("crm:3", JAN, "Gary", "Gray", "garyg98@example.com", "c3"),
        mailed("crm:4", JAN, "Ben", "Lewis", "blewis@example.com", "c4"),
        # The letter a record left out after an O' starts the name again.
        mailed("crm:5", JAN, "Aoife", "O'Rien", "aoife.obrien@example.ie", "c5"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Timothy", "Turner"), ("c2", "Sofía", "Bernal"), ("c3", "Gary", "Gray"),
        ("c4", "Ben", "Lewis"), ("c5", "Aoife", "O'Brien"),
    ]  # fmt: skip
    won = survivors(values_table(rows, ("first_name", "last_name", "email")), {}).to_pylist()
    shown = {(r["customer360_id"], r["attribute"]): r["record_key"] for r in won}
    assert shown["c1", "first_name"] == "crm:1"  # the record holding the address


def test_an_address_corrects_no_short_name_nor_one_it_spells_inside_a_word_nor_a_shared_one() -> (
    None
):
    rows = [
        # Three letters: leo is as likely another name as Lee misspelt.
        mailed("crm:1", JAN, "Anna", "Lee", "anna.leo@example.com"),
        # kbelle spells Bell inside a word, with more letters: no typo of it.
        mailed("crm:2", JAN, "Kate", "Bell", "kbelle@example.com", "c2"),
        # A household's address (another customer holds it) speaks for neither.
        mailed("crm:3", JAN, "Sam", "Smith", "samuel.smith@example.com", "c3"),
        mailed("crm:4", JAN, "Samantha", "Smith", "samuel.smith@example.com", "c4"),
        # Capitals stay capitals.
        mailed("crm:5", JAN, "KVIN", "BELL", "kevin.bell@example.com", "c5"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Anna", "Lee"), ("c2", "Kate", "Bell"), ("c3", "Sam", "Smith"),
        ("c4", "Samantha", "Smith"), ("c5", "KEVIN", "BELL"),
    ]  # fmt: skip


def test_a_configured_name_rule_picks_among_records_read_the_right_way_round() -> None:
    rows = [
        named("crm:1", JAN, "Sarah", "Thomas"),
        named("web:1", MAR, "Thomas", "Sarah"),
        named("shop:1", FEB, "Sara", "Thomas"),
    ]
    web_first = {"first_name": Rule("source_priority", ("web",))}
    assert full_name(rows, web_first) == (("Sarah", "web:1"), ("Thomas", "web:1"))
    shop_first = {"first_name": Rule("source_priority", ("shop",))}
    assert full_name(rows, shop_first) == (("Sara", "shop:1"), ("Thomas", "web:1"))


def test_initials_never_beat_the_name_they_stand_for() -> None:
    rows = [
        named("crm:1", JAN, "Jean-François", "Saint-Martin"),
        named("loyalty:1", FEB, "Jf", "Saint-Martin"),
        named("web:1", MAR, "Jf", "Saint-Martin"),
        named("web:2", MAR, "J.F.", "Saint-Martin"),
    ]
    assert full_name(rows)[0] == ("Jean-François", "crm:1")
    rows = [named("crm:1", JAN, "John", "Reed"), named("web:1", FEB, "J.", "Reed")]
    assert full_name(rows)[0] == ("John", "crm:1")


def test_a_short_name_that_is_no_initials_of_another_is_voted_on() -> None:
    # Li is no initials of Lisa (whose initial is L alone); Ng stands for nothing here.
    rows = [named("crm:1", JAN, "Lisa", "Li"), named("web:1", FEB, "Li", "Li")]
    assert full_name(rows) == (("Li", "web:1"), ("Li", "web:1"))
    assert full_name([named("crm:1", JAN, "Jf", "Ng")]) == (("Jf", "crm:1"), ("Ng", "crm:1"))


def test_only_the_records_of_one_customer_vote_on_its_names() -> None:
    rows = [
        named("crm:1", JAN, "Pohl", "Lina"),
        {**named("web:1", FEB, "Lina", "Pohl"), "customer360_id": "c2"},
        {**named("web:2", FEB, "Jf", "Roy"), "customer360_id": "c3"},
        {**named("shop:1", MAR, "Jean-François", "Roy"), "customer360_id": "c4"},
    ]
    out = survivors(values_table(rows, ("first_name", "last_name")), {}).to_pylist()
    assert [(r["customer360_id"], r["display"]) for r in out] == [
        ("c1", "Pohl"), ("c1", "Lina"), ("c2", "Lina"), ("c2", "Pohl"),
        ("c3", "Jf"), ("c3", "Roy"), ("c4", "Jean-François"), ("c4", "Roy"),
    ]  # fmt: skip


def test_a_nickname_never_beats_the_formal_name_another_record_spells() -> None:
    # Will is a short form of Guillaume and of William: two records and the latest say Will,
    # yet one record spells the name out, so the profile shows it.
    rows = [
        named("crm:1", JAN, "Guillaume", "Martin"),
        named("loyalty:1", FEB, "Will", "Martin"),
        named("web:1", MAR, "WILL", "Martin"),
    ]
    assert full_name(rows)[0] == ("Guillaume", "crm:1")
    # Accents fold before the nickname is read: Fred stands for Frédéric.
    rows = [named("crm:1", JAN, "Frédéric", "Roy"), named("web:1", FEB, "Fred", "Roy")]
    assert full_name(rows)[0] == ("Frédéric", "crm:1")
    # Bob and Bobby both stand for Robert; the most recent Robert record spells it.
    rows = [
        named("crm:1", JAN, "Robert", "Lane"),
        named("web:1", MAR, "Bob", "Lane"),
        named("shop:1", MAR, "Bobby", "Lane"),
        named("loyalty:1", FEB, "Robert", "Lane"),
    ]
    assert full_name(rows)[0] == ("Robert", "loyalty:1")


def test_a_short_form_of_each_language_gives_way_to_the_name_spelt_out() -> None:
    # Franzi (Franziska), Kim (Kimberly), Virgi (Virginie), Bego (Begoña): the short form is
    # held by more records and the latest, the formal name by one.
    pairs = [("Franziska", "Franzi"), ("Kimberly", "Kim"), ("Virginie", "Virgi"),
             ("Begoña", "Bego"), ("Alexandre", "Alex"), ("Steven", "Steve")]  # fmt: skip
    for formal, short in pairs:
        rows = [
            named("crm:1", JAN, formal, "Roth"),
            named("web:1", FEB, short, "Roth"),
            named("shop:1", MAR, short, "Roth"),
        ]
        assert full_name(rows)[0] == (formal, "crm:1"), short
    # Lisa, Liesel and Elli stand for Elisabeth as for Elizabeth.
    rows = [
        named("crm:1", JAN, "Elisabeth", "Roth"),
        named("web:1", FEB, "Lisa", "Roth"),
        named("shop:1", MAR, "Lisa", "Roth"),
    ]
    assert full_name(rows)[0] == ("Elisabeth", "crm:1")
    # Two spellings of one name stand for each other: neither gives way, the rule picks.
    rows = [
        named("crm:1", JAN, "Elizabeth", "Roth"),
        named("web:1", FEB, "Elisabeth", "Roth"),
        named("shop:1", MAR, "Elisabeth", "Roth"),
    ]
    assert full_name(rows)[0] == ("Elisabeth", "shop:1")


def test_an_umlaut_written_out_gives_way_to_the_umlaut_another_record_spells() -> None:
    # Jörg typed as Joerg on two forms without umlauts: the name is the one with the umlaut.
    rows = [
        named("crm:1", JAN, "Jörg", "Müller"),
        named("web:1", FEB, "Joerg", "Mueller"),
        named("shop:1", MAR, "Joerg", "Mueller"),
    ]
    assert full_name(rows) == (("Jörg", "crm:1"), ("Müller", "crm:1"))
    # A record without the accent (Jorg) is that spelling: it votes with it, and the name is
    # shown with its accent.
    rows = [
        named("crm:1", JAN, "Jörg", "Bär"),
        named("web:1", FEB, "Joerg", "Baer"),
        named("shop:1", MAR, "Joerg", "Baer"),
        named("loyalty:1", MAR, "Jorg", "Bar"),
    ]
    assert full_name(rows) == (("Jörg", "crm:1"), ("Bär", "crm:1"))


def test_a_name_written_without_its_accents_is_shown_as_a_record_spells_it_with_them() -> None:
    # Systems drop accents and none adds them: the latest record wins, spelt as crm:1 spells it.
    rows = [
        named("crm:1", JAN, "Mélanie", "Lefèvre"),
        named("web:1", FEB, "Melanie", "Lefevre"),
        named("shop:1", MAR, "MELANIE", "LEFEVRE"),
    ]
    assert full_name(rows, {"first_name": Rule("most_recent")}) == (
        ("Mélanie", "crm:1"),
        ("Lefèvre", "crm:1"),
    )
    # Of several spellings with accents, the one more records hold, then the first record.
    rows = [
        named("crm:2", JAN, "Renée", "Gonzalez"),
        named("crm:1", JAN, "Rénee", "González"),
        named("web:1", FEB, "Renée", "Gonzalez"),
        named("web:2", MAR, "Renee", "Gonzalez"),
    ]
    assert full_name(rows) == (("Renée", "crm:2"), ("González", "crm:1"))
    # A winner already spelt with accents keeps its spelling; another name's accents count
    # for nothing (Chloé); one record's accent shows the name (Röth: three records dropped it).
    rows = [
        named("crm:1", JAN, "Zoé", "Roth"),
        named("web:1", FEB, "Zoè", "Roth"),
        named("shop:1", MAR, "Zoè", "Röth"),
        named("app:1", MAR, "Chloé", "Roth"),
    ]
    assert full_name(rows) == (("Zoè", "shop:1"), ("Röth", "shop:1"))
    rows = [named("crm:1", JAN, "Rene", "Roth"), named("web:1", FEB, "Renée", "Roth")]
    assert full_name(rows, {"first_name": Rule("most_recent")})[0] == ("Renée", "web:1")
    rows = [named("crm:1", JAN, "Rene", "Roth"), named("web:1", JAN, "Renée", "Roth")]
    assert full_name(rows, {"first_name": Rule("most_frequent")})[0] == ("Rene", "crm:1")


def test_a_name_title_cased_is_shown_as_a_record_writes_it_in_mixed_case() -> None:
    # MCKENZIE and VON BERG title-cased lose their case: a record of the customer kept it.
    rows = [
        named("crm:1", JAN, "Ian", "McKenzie"),
        named("web:1", FEB, "Ian", "Mckenzie"),
        named("shop:1", MAR, "Ian", "Mckenzie"),
    ]
    assert full_name(rows)[1] == ("McKenzie", "crm:1")
    rows = [named("crm:1", JAN, "Eva", "von Berg"), named("web:1", FEB, "Eva", "Von Berg")]
    assert full_name(rows, {"last_name": Rule("most_recent")})[1] == ("von Berg", "crm:1")
    # Accents and case both: Fernández from one record, "de" from another.
    rows = [
        named("crm:1", JAN, "Ana", "Fernandez de Castro"),
        named("web:1", FEB, "Ana", "Fernández De Castro"),
        named("shop:1", MAR, "Ana", "Fernandez De Castro"),
    ]
    assert full_name(rows)[1] == ("Fernández De Castro", "web:1")
    rows += [named("web:2", JAN, "Ana", "Fernández De Castro"),
             named("app:1", JAN, "Ana", "Fernández de Castro")]  # fmt: skip
    assert full_name(rows)[1] == ("Fernández de Castro", "app:1")
    # A spelling cased by no rule (a word in lower case) or another name's case says nothing.
    rows = [
        named("crm:1", JAN, "Jean-marie", "Mcbride"),
        named("web:1", FEB, "Jean-Marie", "Mcbride"),
        {**named("shop:1", MAR, "Jean-Marie", "McBride"), "customer360_id": "c2"},
    ]
    assert full_name(rows) == (("Jean-Marie", "web:1"), ("Mcbride", "web:1"))


def cities(rows: list[tuple[str, datetime, str]]) -> tuple[str, str]:
    """(display, record_key) of c1's surviving city; rows are (record key, date, city)."""
    values = values_table(
        [record(k, "c1", at, city=c, city_key=city_key(c)) for k, at, c in rows], ("city",)
    )
    [won] = survivors(values, {}).to_pylist()
    return won["display"], won["record_key"]


def test_a_city_is_shown_as_a_record_of_the_customer_writes_it() -> None:
    # The latest record, title-cased by its system or without accents, gives way to the same
    # city as another record writes it: in mixed case, with its accents.
    rows = [("crm:1", JAN, "Santiago de Compostela"), ("web:1", FEB, "Santiago De Compostela")]
    assert cities(rows) == ("Santiago de Compostela", "crm:1")
    assert cities([("crm:1", JAN, "McAllen"), ("web:1", FEB, "Mcallen")]) == ("McAllen", "crm:1")
    assert cities([("crm:1", JAN, "Saint-Étienne"), ("web:1", FEB, "Saint-Etienne"),
                   ("shop:1", MAR, "Saint-Etienne")]) == ("Saint-Étienne", "crm:1")  # fmt: skip
    assert cities([("crm:1", JAN, "Málaga"), ("web:1", FEB, "Malaga")]) == ("Málaga", "crm:1")
    # Only the same name lends its accents: St-Étienne is another spelling of Saint-Etienne.
    assert cities([("crm:1", JAN, "St-Étienne"), ("web:1", FEB, "Saint-Etienne")]) == (
        "Saint-Etienne", "web:1",
    )  # fmt: skip
    # A word in lower case that is no particle is a slip, not a spelling.
    rows = [("crm:1", JAN, "Santiago de compostela"), ("web:1", FEB, "Santiago De Compostela")]
    assert cities(rows) == ("Santiago De Compostela", "web:1")


def test_a_spelling_with_ae_oe_ue_is_voted_on_unless_a_record_spells_the_umlaut() -> None:
    # Joel, Michael, Manuel hold "oe", "ae", "ue" with no umlaut: Michal, a typo, stays a typo.
    rows = [
        named("crm:1", JAN, "Michael", "Hoene"),
        named("web:1", FEB, "Michael", "Hoene"),
        named("shop:1", MAR, "Michal", "Hone"),
    ]
    assert full_name(rows) == (("Michael", "web:1"), ("Hoene", "web:1"))
    # Bjoern and Bjorn may both be Björn, yet no record says so: the rule picks.
    rows = [
        named("crm:1", JAN, "Bjoern", "Roth"),
        named("web:1", FEB, "Bjoern", "Roth"),
        named("shop:1", MAR, "Bjorn", "Roth"),
    ]
    assert full_name(rows)[0] == ("Bjoern", "web:1")
    # The umlaut of another customer counts for nothing.
    rows = [
        named("crm:1", JAN, "Joerg", "Roth"),
        {**named("web:1", FEB, "Jörg", "Roth"), "customer360_id": "c2"},
    ]
    assert full_name(rows)[0] == ("Joerg", "crm:1")


def test_a_nickname_alone_or_beside_another_customers_formal_name_is_voted_on() -> None:
    rows = [
        named("crm:1", JAN, "Will", "Hart"),
        named("web:1", FEB, "Will", "Hart"),
        {**named("shop:1", MAR, "William", "Hart"), "customer360_id": "c2"},
    ]
    assert full_name(rows)[0] == ("Will", "web:1")
    # Two formal names Chris may stand for: Chris is no candidate, the rule picks between them.
    rows = [
        named("crm:1", JAN, "Christopher", "Dunn"),
        named("web:1", MAR, "Chris", "Dunn"),
        named("shop:1", FEB, "Christine", "Dunn"),
    ]
    assert full_name(rows)[0] == ("Christine", "shop:1")
    # A formal name that is a short form of a longer one (Klaus, Nikolaus) gives way to it.
    rows = [named("crm:1", JAN, "Nikolaus", "Bauer"), named("web:1", FEB, "Klaus", "Bauer")]
    assert full_name(rows)[0] == ("Nikolaus", "crm:1")


def test_a_nickname_loses_to_its_formal_name_whatever_the_rule() -> None:
    rows = [named("crm:1", JAN, "Alexander", "Reid"), named("web:1", FEB, "Alex", "Reid")]
    web_first = {"first_name": Rule("source_priority", ("web",))}
    assert full_name(rows, web_first)[0] == ("Alexander", "crm:1")
    # Last names are no nicknames: Will as a surname is voted on as written.
    rows = [named("crm:1", JAN, "Tom", "William"), named("web:1", FEB, "Tom", "Will")]
    assert full_name(rows)[1] == ("Will", "web:1")


def test_a_nickname_votes_for_its_formal_name_as_a_first_name() -> None:
    # The web form's given name Alex says Alexander is a first name: the shop record, swapped
    # and misspelt, is read the right way round (its surname no first name).
    rows = [
        named("crm:1", JAN, "Alexander", "Atkinson"),
        named("web:1", MAR, "Alex", None),
        named("shop:1", FEB, "Atkiinson", "Alexander"),
    ]
    assert full_name(rows) == (("Alexander", "shop:1"), ("Atkiinson", "shop:1"))
    rows = [
        named("loyalty:1", MAR, "Resi", "Boehm"),
        named("web:1", FEB, "Bohm", "Theresa"),
        named("shop:1", JAN, "Theresa", "Boehm"),
    ]
    assert full_name(rows) == (("Theresa", "web:1"), ("Boehm", "loyalty:1"))


def test_a_misspelt_first_name_never_beats_the_listed_name_another_record_spells() -> None:
    # Mel stands for Melissa; Melussa, the latest, is Melissa one key off: Melissa wins.
    rows = [
        named("crm:1", JAN, "Mel", "Hart"),
        named("web:1", JAN, "Mel", "Hart"),
        named("loyalty:1", FEB, "Melissa", "Hart"),
        named("shop:1", MAR, "Melussa", "Hart"),
    ]
    assert full_name(rows)[0] == ("Melissa", "loyalty:1")
    # Whatever the rule, and in a compound name too.
    rows = [named("crm:1", JAN, "Jean-Pierre", "Roy"), named("web:1", FEB, "Jean-Oierre", "Roy")]
    web_first = {"first_name": Rule("source_priority", ("web",))}
    assert full_name(rows, web_first)[0] == ("Jean-Pierre", "crm:1")


def test_a_misspelling_alone_or_of_no_listed_name_is_voted_on() -> None:
    rows = [
        named("crm:1", JAN, "Melussa", "Hart"),
        {**named("web:1", FEB, "Melissa", "Hart"), "customer360_id": "c2"},
    ]
    assert full_name(rows)[0] == ("Melussa", "crm:1")
    # Lena and Leena are both names; Kvin and Kvinn neither: the rule picks.
    rows = [named("crm:1", JAN, "Lena", "Ott"), named("web:1", FEB, "Leena", "Ott")]
    assert full_name(rows)[0] == ("Leena", "web:1")
    rows = [named("crm:1", JAN, "Kvin", "Ott"), named("web:1", FEB, "Kvinn", "Ott")]
    assert full_name(rows)[0] == ("Kvinn", "web:1")


def test_a_last_name_typo_loses_to_the_spelling_more_records_hold_whatever_the_rule() -> None:
    rows = [
        named("crm:1", JAN, "Paul", "Lebrun"),
        named("web:1", FEB, "Paul", "Lebrun"),
        named("shop:1", MAR, "Paul", "Leburn"),
    ]
    recent = {"last_name": Rule("most_recent")}
    assert full_name(rows, recent)[1] == ("Lebrun", "web:1")
    # One against one is left to the rule; so is a name that is no typo of the other.
    assert full_name(rows[1:], recent)[1] == ("Leburn", "shop:1")
    rows = [named("crm:1", JAN, "Ann", "Ward"), named("web:1", FEB, "Ann", "Ward"),
            named("shop:1", MAR, "Ann", "Moore")]  # fmt: skip
    assert full_name(rows, recent)[1] == ("Moore", "shop:1")


def test_one_last_name_against_a_typo_of_it_goes_to_the_spelling_other_customers_hold() -> None:
    # One record against one, the latest with the typo; three other customers are Blancos
    # and none a Banco: the spelling no one else holds is the typo, whatever the rule.
    others = [mailed(f"crm:{i}", JAN, name, "Blanco", None, f"c{i}")
              for i, name in ((2, "Ana"), (3, "Luis"), (4, "Rosa"))]  # fmt: skip
    rows = [
        mailed("crm:1", JAN, "Antonia", "Blanco", None),
        mailed("web:1", MAR, "Antonia", "Banco", None),
        *others,
    ]
    recent = {"last_name": Rule("most_recent")}
    assert names_and_emails(rows, recent)[0] == ("c1", "Antonia", "Blanco")
    # Two other customers are too few to tell; a spelling another customer holds too is none
    # of the typos the others outvote.
    assert names_and_emails(rows[:-1], recent)[0] == ("c1", "Antonia", "Banco")
    banco = mailed("crm:5", JAN, "Jose", "Banco", None, "c5")
    assert names_and_emails([*rows, banco], recent)[0] == ("c1", "Antonia", "Banco")


def mailed(
    key: str, at: datetime, first: str, last: str | None, email: str | None, customer: str = "c1"
) -> dict[str, Any]:
    """A ``named`` record with an e-mail (lower-case, as record_values writes it) and its key."""
    return {**named(key, at, first, last), "customer360_id": customer, "email": email,
            "email_key": email_canonical(email)}  # fmt: skip


def names_and_emails(
    rows: list[dict[str, Any]], rules: dict[str, Rule] | None = None
) -> list[tuple[str, str, str]]:
    """(customer, surviving first name, surviving last name), customer by customer."""
    values = values_table(rows, ("first_name", "last_name", "email"))
    won = survivors(values, rules or {}).to_pylist()
    shown = {(r["customer360_id"], r["attribute"]): r["display"] for r in won}
    customers = sorted({r["customer360_id"] for r in rows})
    return [(c, shown.get((c, "first_name")), shown.get((c, "last_name"))) for c in customers]


def test_of_two_names_one_typo_apart_the_one_the_emails_spell_wins() -> None:
    # One record against one: most_frequent falls back on recency, and the latest has the
    # typo. The address the person typed holds the name's letters: Lebrun, Lena.
    rows = [
        mailed("crm:1", JAN, "Inès", "Lebrun", "ines.lebrun@example.fr"),
        mailed("shop:1", MAR, "Ines", "Leburn", "ines.lebrun@example.fr"),
        mailed("crm:2", JAN, "Lena", "Ott", "lena.ott+shop@example.de", "c2"),
        mailed("web:2", MAR, "Leena", "Ott", None, "c2"),
        # The e-mail rules out the typo even against two records holding it.
        mailed("crm:3", JAN, "Kevin", "Adams", None, "c3"),
        mailed("web:3", FEB, "Kevin", "Adamms", "kadams@example.com", "c3"),
        mailed("shop:3", MAR, "Kevin", "Adamms", None, "c3"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Inès", "Lebrun"), ("c2", "Lena", "Ott"), ("c3", "Kevin", "Adams"),
    ]  # fmt: skip
    recent = {"first_name": Rule("most_recent"), "last_name": Rule("most_recent")}
    assert names_and_emails(rows, recent) == names_and_emails(rows)


def test_emails_spelling_both_names_or_neither_leave_them_to_the_rule() -> None:
    rows = [
        # Both spelt (Russel is in russell): the latest wins, as without e-mails.
        mailed("crm:1", JAN, "Amy", "Russell", "amy.russell@example.com"),
        mailed("shop:1", MAR, "Amy", "Russel", None),
        # Neither spelt: the latest wins.
        mailed("crm:2", JAN, "Tom", "Perry", "tp77@example.com", "c2"),
        mailed("shop:2", MAR, "Tom", "Prery", None, "c2"),
        # Another customer's address says nothing of this one's names.
        mailed("crm:3", JAN, "Ann", "Denis", None, "c3"),
        mailed("shop:3", MAR, "Ann", "Dneis", None, "c3"),
        mailed("crm:4", JAN, "Luc", "Denis", "luc.denis@example.fr", "c4"),
        # Two names no typo apart (a maiden name) are no spelling of each other.
        mailed("crm:5", JAN, "Mary", "Moore", "mary.moore@example.com", "c5"),
        mailed("shop:5", MAR, "Mary", "Ward", None, "c5"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Amy", "Russel"), ("c2", "Tom", "Prery"), ("c3", "Ann", "Dneis"),
        ("c4", "Luc", "Denis"), ("c5", "Mary", "Ward"),
    ]  # fmt: skip


def test_an_address_spells_a_name_in_a_word_of_its_own_not_across_words() -> None:
    rows = [
        # li.ning: "lin" runs over two words; Li is too short to be refuted: the latest wins.
        mailed("crm:1", JAN, "Lin", "Ning", "li.ning@example.com"),
        mailed("shop:1", MAR, "Li", "Ning", None),
        # jonas.n: "nas" ends the first name, it is no word of its own.
        mailed("crm:2", JAN, "Jonas", "Nas", "jonas.n@example.com", "c2"),
        mailed("shop:2", MAR, "Jonas", "Nash", None, "c2"),
        # annabel.roe spells neither Anna nor Ana: two records outvote one.
        mailed("crm:3", JAN, "Ana", "Roe", "annabel.roe@example.com", "c3"),
        mailed("web:3", FEB, "Ana", "Roe", None, "c3"),
        mailed("shop:3", MAR, "Anna", "Roe", None, "c3"),
        # An initial before the name is part of its word: jsmith spells Smith.
        mailed("crm:4", JAN, "John", "Smith", "jsmith@example.com", "c4"),
        mailed("shop:4", MAR, "John", "Smiht", None, "c4"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Li", "Ning"), ("c2", "Jonas", "Nash"), ("c3", "Ana", "Roe"),
        ("c4", "John", "Smith"),
    ]  # fmt: skip


def born(key: str, customer: str, at: datetime | None, day: str | None) -> dict[str, Any]:
    return record(key, customer, at, date_of_birth=day)


def birth_dates(rows: list[dict[str, Any]], rules: dict[str, Rule] | None = None) -> list[Any]:
    """(customer, surviving birth date, its record) per customer."""
    out = survivors(values_table(rows, ("date_of_birth",)), rules or {}).to_pylist()
    return [(r["customer360_id"], r["display"], r["record_key"]) for r in out]


RECENT_BIRTH = {"date_of_birth": Rule("most_recent")}


def test_a_birth_date_with_day_and_month_swapped_loses_to_the_date_more_records_hold() -> None:
    # 7 March 1985 twice, 3 July once and latest: under most_recent the swap would win.
    rows = [
        born("crm:1", "c1", JAN, "1985-03-07"),
        born("loyalty:1", "c1", FEB, "1985-03-07"),
        born("loyalty:2", "c1", MAR, "1985-07-03"),
        # c2: the swapped date alone is all there is.
        born("crm:2", "c2", JAN, "1985-07-03"),
    ]
    assert birth_dates(rows, RECENT_BIRTH) == [
        ("c1", "1985-03-07", "loyalty:1"), ("c2", "1985-07-03", "crm:2"),
    ]  # fmt: skip
    source_first = {"date_of_birth": Rule("source_priority", ("loyalty",))}
    assert birth_dates(rows[:3], source_first) == [("c1", "1985-03-07", "loyalty:1")]


def test_one_date_against_its_swap_is_left_to_the_rule() -> None:
    rows = [born("crm:1", "c1", MAR, "1985-03-07"), born("loyalty:1", "c1", JAN, "1985-07-03")]
    assert birth_dates(rows, RECENT_BIRTH) == [("c1", "1985-03-07", "crm:1")]
    assert birth_dates(rows) == [("c1", "1985-03-07", "crm:1")]  # most_frequent: a tie, recency
    rows = [born("crm:1", "c1", JAN, "1985-03-07"), born("loyalty:1", "c1", MAR, "1985-07-03")]
    assert birth_dates(rows, RECENT_BIRTH) == [("c1", "1985-07-03", "loyalty:1")]


def test_only_a_day_and_month_swap_is_outvoted_other_dates_follow_the_rule() -> None:
    # A year slip (1986) is another date: the latest record wins under most_recent. The swap
    # (3 July) is outvoted by 7 March, whatever else the records hold.
    rows = [
        born("crm:1", "c1", JAN, "1985-03-07"),
        born("loyalty:1", "c1", FEB, "1985-03-07"),
        born("web:1", "c1", MAR, "1986-03-07"),
        born("shop:1", "c1", datetime(2024, 4, 1), "1985-07-03"),
    ]
    assert birth_dates(rows, RECENT_BIRTH) == [("c1", "1986-03-07", "web:1")]
    # Dates alike in their digits but no day/month swap of each other follow the rule.
    rows = [
        born("crm:1", "c1", JAN, "1985-04-04"),
        born("loyalty:1", "c1", FEB, "1985-04-04"),
        born("web:1", "c1", MAR, "1985-04-14"),
        born("crm:2", "c2", JAN, "1990-02-01"),
        born("loyalty:2", "c2", FEB, "1990-02-01"),
        born("web:2", "c2", MAR, "1990-01-20"),
    ]
    assert birth_dates(rows, RECENT_BIRTH) == [
        ("c1", "1985-04-14", "web:1"), ("c2", "1990-01-20", "web:2"),
    ]  # fmt: skip


def emailed(key: str, customer: str, at: datetime | None, email: str) -> dict[str, Any]:
    """A record with an e-mail as record_values writes it (lower case) and its mailbox key."""
    return record(key, customer, at, email=email, email_key=email_canonical(email))


def emails(rows: list[dict[str, Any]], rules: dict[str, Rule] | None = None) -> list[Any]:
    """(customer, surviving e-mail, its record) per customer."""
    out = survivors(values_table(rows, ("email",)), rules or {}).to_pylist()
    return [(r["customer360_id"], r["display"], r["record_key"]) for r in out]


def test_the_address_most_records_hold_wins_the_latest_only_breaks_ties() -> None:
    rows = [
        # Two records give the person's own mailbox (one with a +tag), the latest a work address.
        emailed("crm:1", "c1", JAN, "ann.lee@mail.fr"),
        emailed("web:1", "c1", FEB, "ann.lee+web@mail.fr"),
        emailed("shop:1", "c1", MAR, "alee@work.fr"),
        # One address each: the latest.
        emailed("crm:2", "c2", JAN, "bo@mail.fr"),
        emailed("web:2", "c2", FEB, "bo@work.fr"),
        # Gmail ignores dots: one mailbox, spelt as more of its records spell it.
        emailed("crm:3", "c3", JAN, "cy.ray@gmail.com"),
        emailed("web:3", "c3", FEB, "cy.ray@gmail.com"),
        emailed("shop:3", "c3", MAR, "cyray@googlemail.com"),
        emailed("app:3", "c3", MAR, "cy@work.fr"),
    ]
    assert emails(rows) == [
        ("c1", "ann.lee@mail.fr", "crm:1"),
        ("c2", "bo@work.fr", "web:2"),
        ("c3", "cy.ray@gmail.com", "web:3"),
    ]
    # The configured rule picks the mailbox; it is shown without its +tag all the same.
    recent = {"email": Rule("most_recent")}
    rows[2] = emailed("shop:1", "c1", JAN, "alee@work.fr")
    assert emails(rows[:3], recent) == [("c1", "ann.lee@mail.fr", "crm:1")]
    # Only a +tag: shown as held.
    assert emails([emailed("web:1", "c1", FEB, "ann+web@mail.fr")]) == [
        ("c1", "ann+web@mail.fr", "web:1")
    ]


def test_an_address_another_customer_holds_loses_to_one_only_this_one_holds() -> None:
    rows = [
        # A household's address, given twice by c1 and once by c2, and c1's own address once.
        emailed("crm:1", "c1", JAN, "ann@mail.fr"),
        emailed("web:1", "c1", FEB, "the.lees@mail.fr"),
        emailed("shop:1", "c1", MAR, "the.lees+shop@mail.fr"),
        emailed("crm:2", "c2", MAR, "the.lees@mail.fr"),
        # c3 holds only addresses others hold too: the rule picks among them.
        emailed("crm:3", "c3", JAN, "the.lees@mail.fr"),
        emailed("web:3", "c3", FEB, "dan@mail.fr"),
        emailed("shop:3", "c3", JAN, "dan@mail.fr"),
        emailed("crm:4", "c4", JAN, "dan@mail.fr"),
    ]
    assert emails(rows) == [
        ("c1", "ann@mail.fr", "crm:1"),
        ("c2", "the.lees@mail.fr", "crm:2"),
        ("c3", "dan@mail.fr", "web:3"),
        ("c4", "dan@mail.fr", "crm:4"),
    ]
