"""Text ending in a line separator (U+0085, U+2028, U+2029) reads the same on every engine.

Java's regex ``$`` (Spark) also matches before a line terminator that ends the text, RE2's
(DuckDB) only at the very end. The three are white space to the parsers of numbers and dates
and to an e-mail address's reading (as any white space at its ends); alone at an end of a word,
they are kept as written, as a no-break space is.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from c360.engines import Engine
from c360.pipeline.silver import conform, parse
from c360.pipeline.silver.marketing import stg_mongo_customers
from c360.pipeline.silver.privacy import pseudonymiser

ENDS = ["\u0085", "\u2028", "\u2029"]


@pytest.mark.parametrize("end", ENDS)
def test_a_line_separator_at_an_end_reads_the_same_on_every_engine(
    engine: Engine, end: str
) -> None:
    values = {
        "missing": "N/A", "brand": "Sonivo", "mail": "bob@x.fr", "utc": "2024-05-05T00:00:00Z",
        "local": "2024-05-05 12:00:00", "offset": "2024-05-05T12:00:00+02:00", "count": "46",
        "number": "7", "money": "12,50 €", "day_first": "31/12/2023", "channel": "web",
        "country": "FR", "truth": "true",
    }  # fmt: skip
    t = engine.register(
        f"line_end_{ord(end)}", pa.table({k: [v + end, end + v] for k, v in values.items()})
    )
    out = engine.to_arrow(
        t.select(
            missing=parse.clean_text(t.missing),
            brand=parse.clean_text(t.brand),
            mail=conform.email(t.mail),
            utc=parse.written_timestamp(t.utc),
            local=parse.written_timestamp(t.local),
            offset=parse.written_timestamp(t.offset),
            count=parse.integer(t["count"]),
            number=parse.number(t.number),
            money=parse.money(t.money),
            day_first=parse.written_timestamp(parse.iso_date_text(t.day_first, "day_first")),
            channel=parse.category(t.channel, ["web", "mobile_app"]),
            country=conform.country_iso(t.country),
            truth=parse.boolean(t.truth),
        )
    ).to_pylist()
    expected = {
        "missing": values["missing"] + end, "brand": values["brand"] + end, "mail": "bob@x.fr",
        "utc": dt.datetime(2024, 5, 5), "local": dt.datetime(2024, 5, 5, 12),
        "offset": dt.datetime(2024, 5, 5, 10), "count": 46, "number": 7.0, "money": 12.5,
        "day_first": dt.datetime(2023, 12, 31), "channel": None, "country": "FR", "truth": None,
    }  # fmt: skip
    first = {**expected, "missing": end + values["missing"], "brand": end + values["brand"]}
    assert out == [expected, first]


def test_an_age_ending_in_a_line_separator_is_no_age_on_any_engine(engine: Engine) -> None:
    ages = ["46\u2028", "46 years\u0085", "46\u2029"]
    contact = {"first_name": "Ann", "last_name": "Lee", "email": "ann@mail.fr",
               "phone": "+33612345678", "country": "France", "city": "Paris", "gender": "F",
               "marketing_consent": "true"}  # fmt: skip
    columns: dict[str, list[object]] = {k: [v] * len(ages) for k, v in contact.items()}
    columns["customer_id"] = [f"CUST0000{i}" for i in range(1, 4)]
    columns["age"] = list(ages)
    columns["_source_file"] = ["sources/marketing/customers.jsonl"] * len(ages)
    columns["_row_number"] = [1, 2, 3]
    customers = engine.register("contacts_line_ends", pa.table(columns))
    clean = stg_mongo_customers(customers, pseudonymiser("md5")).collect(engine)[0]
    assert clean.sort_by("customer_id").column("age").to_pylist() == [None, None, None]
