"""The one way staging rejects and deduplicates rows: first failed check, then first by key."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver.staged import first_true, kept, stage

ROWS = [  # (_row_number, id, part, amount), in no particular order
    (4, "A", 1, 5.0),  # passes, but row 2 has the same key and came first: duplicate
    (2, "A", 1, 7.0),  # the first passing row of A: clean, though row 1 of A came earlier
    (1, "A", 1, -1.0),  # negative: rejected with its reason, so it does not hold the key
    (3, "B", 1, 3.0),  # clean
    (6, "A", 2, 2.0),  # same id, other part: another key, clean
    (5, None, 1, 1.0),  # no key
    (7, "C", 1, -2.0),  # C's only row fails: C has no clean row
    (8, "A", 1, -3.0),  # fails after A's clean row: its own reason, not duplicate_key
]


def test_first_failed_check_then_first_written_row_of_each_key(engine: Engine) -> None:
    number, ids, parts, amounts = (list(c) for c in zip(*ROWS, strict=True))
    data = pa.table({
        "_source_file": ["f.csv"] * len(ROWS), "_row_number": number,
        "id": ids, "part": parts, "amount": amounts,
    })  # fmt: skip
    t = engine.register("staged_rows", data)
    checks = [("missing_key", t.id.isnull()), ("amount: negative_amount", t.amount < 0)]
    clean, rejects = stage(t, checks, ("id", "part"), ("id", "part", "amount")).collect(engine)

    assert clean.to_pylist() == [  # in key order, as the lake stores it
        {"id": "A", "part": 1, "amount": 7.0},
        {"id": "A", "part": 2, "amount": 2.0},
        {"id": "B", "part": 1, "amount": 3.0},
    ]
    # The reason is the check's code; the column it names is the column at fault, NULL for a
    # check of the row as a whole.
    assert {r["_row_number"]: (r["reason"], r["column"]) for r in rejects.to_pylist()} == {
        1: ("negative_amount", "amount"), 4: ("duplicate_key", None), 5: ("missing_key", None),
        7: ("negative_amount", "amount"), 8: ("negative_amount", "amount"),
    }  # fmt: skip
    assert rejects.column_names == [
        "id", "part", "_source_file", "_row_number", "reason", "column",
    ]  # fmt: skip
    assert rejects.schema.field("column").type == pa.string()


def test_a_check_of_several_columns_names_the_first_at_fault(engine: Engine) -> None:
    """``first_true`` names, row by row, the first of several columns a check looks at."""
    data = pa.table({
        "_source_file": ["f.csv"] * 4, "_row_number": [1, 2, 3, 4], "id": ["A", "B", "C", "D"],
        "city": ["{}", "Paris", "[]", "Lyon"], "country": ["FR", "{}", "{}", "FR"],
    })  # fmt: skip
    t = engine.register("staged_first_true", data)
    t = t.mutate(_mistyped=first_true([(c, t[c].isin(["{}", "[]"])) for c in ("city", "country")]))
    checks = [(t._mistyped + ": invalid_value", t._mistyped.notnull())]
    clean, rejects = stage(t, checks, ("id",), ("id",)).collect(engine)
    assert clean.column("id").to_pylist() == ["D"]
    assert [(r["_row_number"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        (1, "invalid_value", "city"),
        (2, "invalid_value", "country"),
        (3, "invalid_value", "city"),  # both: the first named
    ]


def test_nothing_in_nothing_out(engine: Engine) -> None:
    empty = pa.table({
        "_source_file": pa.array([], pa.string()), "_row_number": pa.array([], pa.int64()),
        "id": pa.array([], pa.string()),
    })  # fmt: skip
    t = engine.register("staged_empty", empty)
    clean, rejects = stage(t, [("missing_key", t.id.isnull())], ("id",), ("id",)).collect(engine)
    assert (clean.num_rows, rejects.num_rows) == (0, 0)
    assert rejects.schema.field("column").type == pa.string()


def test_a_key_in_two_files_of_a_folder_is_kept_from_the_file_named_last(engine: Engine) -> None:
    """Daily extracts land file by file, each numbered from 1: the later file's record is the
    update and wins, even where its line number is the smaller; within a file the first
    record still wins (a repeat is a copy)."""
    data = pa.table({
        "_source_file": ["x/2024-12-02.csv", "x/2024-12-01.csv", "x/2024-12-01.csv",
                         "x/2024-12-02.csv"],
        "_row_number": [3, 1, 5, 7], "id": ["A", "B", "A", "A"], "amount": [9.0, 3.0, 4.0, 8.0],
    })  # fmt: skip
    t = engine.register("staged_files", data)
    clean, rejects = stage(t, [("missing_key", t.id.isnull())], ("id",), ("id", "amount")).collect(
        engine
    )
    assert clean.to_pylist() == [{"id": "A", "amount": 9.0}, {"id": "B", "amount": 3.0}]
    assert sorted(rejects.select(["_source_file", "_row_number", "reason"]).to_pylist(),
                  key=str) == [
        {"_source_file": "x/2024-12-01.csv", "_row_number": 5, "reason": "duplicate_key"},
        {"_source_file": "x/2024-12-02.csv", "_row_number": 7, "reason": "duplicate_key"},
    ]  # fmt: skip


def test_values_a_model_replaced_are_counted_on_the_clean_rows(engine: Engine) -> None:
    """A repair keeps the row but its value is gone: counted, by name, on the rows kept (a
    rejected or duplicate row is accounted for by its reason)."""
    data = pa.table({
        "_source_file": ["f.csv"] * 5, "_row_number": [1, 2, 3, 4, 5],
        "id": ["A", "B", "C", "C", "D"], "raw": ["x", "?", "?", "?", "?"],
        "bad": [False, False, False, False, True],
    })  # fmt: skip
    t = engine.register("staged_repairs", data)
    unread = t.raw == "?"
    staged = stage(
        t, [("invalid_value", t.bad)], ("id",), ("id",), repairs=[("raw: invalid_value", unread)]
    )
    clean, rejects, repaired = staged.outcome(engine)
    assert clean.column("id").to_pylist() == ["A", "B", "C"]
    assert rejects.column("reason").to_pylist() == ["duplicate_key", "invalid_value"]
    assert repaired == {"raw: invalid_value": 2}  # B and the first C
    assert staged.collect(engine)[0].equals(clean)


def test_kept_marks_in_the_engine_the_rows_outcome_keeps(engine: Engine) -> None:
    """A model whose values depend on which rows are kept (an e-mail two customers share) reads
    ``kept`` before staging: the rows it marks are the clean rows, by the same rule. A key's
    latest record that fails leaves the key to its older one; with no key, every passing row
    is kept."""
    old, new = "x/2024-12-01.csv", "x/2024-12-02.csv"
    data = pa.table({
        "_source_file": [new, old, old, new, old, old, new],
        "_row_number": [1, 5, 3, 7, 1, 2, 2],
        "id": ["A", "A", "A", "B", "B", "C", None],
        "amount": [-1.0, 6.0, 4.0, 2.0, 3.0, -2.0, 1.0],
    })  # fmt: skip
    t = engine.register("staged_kept", data)
    checks = [("missing_key", t.id.isnull()), ("negative_amount", t.amount < 0)]
    passes = t.id.notnull() & (t.amount >= 0)
    for key, expected in [
        (("id",), [(old, 3), (new, 7)]),
        ((), [(old, 1), (old, 3), (old, 5), (new, 7)]),
    ]:
        marked = engine.to_arrow(
            t.filter(kept(t, key, passes)).select("_source_file", "_row_number")
        )
        clean = stage(t, checks, key, ("_source_file", "_row_number")).collect(engine)[0]
        assert sorted(tuple(r.values()) for r in marked.to_pylist()) == expected
        assert sorted(tuple(r.values()) for r in clean.to_pylist()) == expected
