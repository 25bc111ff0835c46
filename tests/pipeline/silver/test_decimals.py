"""What says whether one dot before three digits groups thousands: a source with types."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver import decimals, parse

TYPED = ["a.parquet", "a.JSON", "a.Jsonl.gz", "a.ndjson.GZ", "postgres:public.t", "MongoDB:db.c"]
# The long s (U+017F) is no s: a name with one is no such extension and no database.
UNTYPED = ["a.csv", "a.j\u017fon", "a.ndj\u017fon.gz", "po\u017ftgres:public.t", "a.json.csv"]


def test_a_source_file_has_types_by_its_ascii_name_in_either_case_on_every_engine(
    engine: Engine,
) -> None:
    """A Parquet or JSON file's name, or a database's, in either case: its "1.234" is a
    program's 1.234; a look-alike letter makes none, and "1.234" from it is ambiguous."""
    files = TYPED + UNTYPED
    t = engine.register("typed_sources", pa.table({"v": ["1.234"] * len(files),
                                                   "_source_file": files}))  # fmt: skip
    out = engine.to_arrow(t.select("_source_file", typed=decimals.from_typed(t.v),
                                   read=parse.money(t.v)))  # fmt: skip
    assert {r["_source_file"]: (r["typed"], r["read"]) for r in out.to_pylist()} == {
        **{f: (True, 1.234) for f in TYPED},
        **{f: (False, None) for f in UNTYPED},
    }
