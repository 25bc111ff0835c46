"""From scored pairs to customers: the e-mail rule and the over-merge guard."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from c360.identity.resolve import Overrides, deterministic, resolve


def _records() -> pa.Table:
    return pa.table(
        {
            "record_key": ["crm:1", "web:1", "web:2", "shop:1"],
            "source": ["crm", "web", "web", "shop"],
            "record_id": ["1", "1", "2", "1"],
            "first_name": ["jonathan", "jonny", "marc", "emma"],
            "last_name": ["roy", "roy", "roy", "roy"],
            "date_of_birth": pa.array([date(1980, 5, 4), None, None, date(1981, 2, 3)]),
        }
    )


def _pairs() -> pa.Table:
    # Every pair shares the household e-mail (gamma 1 on the e-mail comparison).
    return pa.table(
        {
            "record_key_l": ["crm:1", "crm:1", "crm:1", "web:1", "web:1", "web:2"],
            "record_key_r": ["web:1", "web:2", "shop:1", "web:2", "shop:1", "shop:1"],
            "match_probability": [0.5] * 6,
            "match_weight": [0.0] * 6,
            "gamma_email_canonical": [1] * 6,
        }
    )


def test_rule_links_a_shared_email_unless_names_disagree() -> None:
    who = {
        k: (f, last, d)
        for k, f, last, d in zip(*(_records().column(c).to_pylist() for c in
                                   ("record_key", "first_name", "last_name", "date_of_birth")),
                                 strict=True)
    }  # fmt: skip
    assert deterministic(_pairs(), who).to_pylist() == [True, False, False, False, False, False]


def test_a_shared_source_id_or_national_id_is_a_rule_too() -> None:
    who = {"crm:1": ("jonathan", "roy", None), "web:1": (None, None, None),
           "web:2": ("marc", "roy", None), "shop:1": ("emma", "roy", None)}  # fmt: skip
    pairs = _pairs().drop_columns(["gamma_email_canonical"])
    pairs = pairs.append_column("gamma_source_id", pa.array([1, 0, -1, 0, 0, 0]))
    pairs = pairs.append_column("gamma_national_id", pa.array([0, 0, 0, 0, 1, 1]))
    # crm:1 ~ web:1 share an id and web:1 has no name; web:2 ~ shop:1 disagree on first names.
    assert deterministic(pairs, who).to_pylist() == [True, False, False, False, True, False]


def test_household_email_keeps_people_apart() -> None:
    resolution = resolve(_records(), _pairs(), 0.9, Overrides(), {}, {}, "run", 1)
    ids = dict(
        zip(
            resolution.links.column("record_key").to_pylist(),
            resolution.links.column("customer360_id").to_pylist(),
            strict=True,
        )
    )
    assert ids["crm:1"] == ids["web:1"]  # a nickname is the same person
    assert len({ids["crm:1"], ids["web:2"], ids["shop:1"]}) == 3
    decisions = resolution.pairs.column("decision").to_pylist()
    assert decisions == ["rule"] + ["below_threshold"] * 5


def test_a_rule_pair_kept_apart_by_its_cluster_is_refused() -> None:
    # web:1 shares an e-mail with crm:1 and crm:2; the two CRM records are different people
    # (the pair between them links them to nobody), so web:1 joins only one of them.
    records = pa.table(
        {
            "record_key": ["crm:1", "crm:2", "web:1"],
            "source": ["crm", "crm", "web"],
            "record_id": ["1", "2", "1"],
            "first_name": ["jean", "marc", None],
            "last_name": ["roy", "roy", None],
            "date_of_birth": pa.array([None, None, None], pa.date32()),
        }
    )
    pairs = pa.table(
        {
            "record_key_l": ["crm:1", "crm:2"],
            "record_key_r": ["web:1", "web:1"],
            "match_probability": [0.5, 0.5],
            "match_weight": [5.0, 4.0],
            "gamma_email_canonical": [1, 1],
        }
    )
    resolution = resolve(records, pairs, 0.9, Overrides(), {}, {}, "run", 1)
    ids = dict(
        zip(
            resolution.links.column("record_key").to_pylist(),
            resolution.links.column("customer360_id").to_pylist(),
            strict=True,
        )
    )
    assert ids["web:1"] == ids["crm:1"] != ids["crm:2"]
    assert resolution.pairs.column("decision").to_pylist() == ["rule", "refused"]
