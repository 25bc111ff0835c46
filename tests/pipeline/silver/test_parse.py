"""Parsers on every engine: plain values take the short path, the others the long one, and both
give the same answers."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa

from c360 import contracts
from c360.contracts.commerce import PRODUCTS
from c360.engines import Engine
from c360.pipeline.silver import commerce, parse
from tests.pipeline.silver.test_commerce import LINE, ORDER, PRODUCT
from tests.pipeline.silver.test_crm import bronze, row


def test_parsers_on_plain_and_written_values(engine: Engine) -> None:
    t = engine.register(
        "parse_cases",
        pa.table(
            {
                "text": [
                    "12", " 12 ", "-7.50", "12,50", "1.0", "1e5", "007", "abc",
                    "99999999999999999999", None,
                ],
                "when": [
                    "2024-07-28 10:00:00", " 2024-07-28  10:00:00 ", "2024-07-28T10:00:00Z",
                    "2024-07-28", "2024-07-28 10:00:00.250", "2024-02-30 10:00:00",
                    "2024-02-30", "28/07/2024", "2024-07-28 25:00:00", None,
                ],
            }
        ),
    )  # fmt: skip
    out = engine.to_arrow(
        t.select(
            number=parse.number(t.text),
            integer=parse.integer(t.text),
            timestamp=parse.timestamp(t.when),
            written=parse.written_timestamp(t.when),
        )
    ).to_pydict()
    ten = datetime(2024, 7, 28, 10)
    assert out["number"] == [12.0, 12.0, -7.5, 12.5, 1.0, 1e5, 7.0, None, 1e20, None]
    assert out["integer"] == [12, 12, None, None, 1, None, 7, None, None, None]
    assert out["timestamp"] == [
        ten,
        None,
        ten,
        datetime(2024, 7, 28),
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    assert out["written"] == [
        ten,
        ten,
        ten,
        datetime(2024, 7, 28),
        ten,
        None,
        None,
        None,
        None,
        None,
    ]


def test_trim_takes_white_space_off_both_ends_only(engine: Engine) -> None:
    values = ["  a b ", "\tc\n", "plain", "", None, " é", "é\r", "\x01d", "x y", "Jo\x00e",
              "Ann\x00\x00", "\x00", "\x00 x\x00 "]  # fmt: skip
    t = engine.register("trim_cases", pa.table({"v": pa.array(values, pa.string())}))
    out = engine.to_arrow(t.select(v=parse.trim(t.v), c=parse.clean_text(t.v))).to_pydict()
    assert out["v"] == ["a b", "c", "plain", "", None, "é", "é", "\x01d", "x y", "Jo\x00e", "Ann",
                        "", "x"]  # fmt: skip
    assert out["c"] == ["a b", "c", "plain", None, None, "é", "é", "\x01d", "x y", "Jo\x00e",
                        "Ann", None, "x"]  # fmt: skip


def test_a_time_written_with_an_offset_is_read_in_utc(engine: Engine) -> None:
    """As APIs export times: an offset moves the time to UTC (across a day, a year), with or
    without fractional seconds; a date alone keeps no offset, and a broken one reads as
    nothing."""
    values = [
        "2024-07-28T12:00:00+02:00", "2024-07-28 04:30:00-0530", "2024-12-31T23:30:00-01:00",
        "2024-07-28T12:00:00.250+02:00", "2024-07-28T10:00:00+00:00", "2024-07-28+02:00",
        "2024-07-28T12:00:00+2:00", "2024-02-30T12:00:00+02:00",
    ]  # fmt: skip
    t = engine.register("offset_cases", pa.table({"when": values}))
    out = engine.to_arrow(
        t.select(timestamp=parse.timestamp(t.when), written=parse.written_timestamp(t.when))
    ).to_pydict()
    ten = datetime(2024, 7, 28, 10)
    expected = [ten, ten, datetime(2025, 1, 1, 0, 30), None, ten, None, None, None]
    assert out["timestamp"] == expected
    assert out["written"] == [*expected[:3], ten, *expected[4:]]


def test_numbers_with_their_thousands_grouped(engine: Engine) -> None:
    """As spreadsheets print amounts: grouped by a separator the decimals do not use; one
    separator alone stays a decimal one, and two of the same kind around decimals read as
    nothing."""
    written = [
        "1,234.50", "1.234,50", "1.234.567", "-12,345,678", "1 234,50", "1\u00a0234,5",
        "1'234.50", "1,234", "1,234,56", "12,34.5", "1.234.5", "1 23,4",
    ]  # fmt: skip
    t = engine.register("grouped_cases", pa.table({"text": written}))
    out = engine.to_arrow(t.select(number=parse.number(t.text))).column("number").to_pylist()
    assert out == [
        1234.5, 1234.5, 1234567.0, -12345678.0, 1234.5, 1234.5, 1234.5, 1.234, None, None, None,
        None,
    ]  # fmt: skip


def test_numbers_in_scientific_notation(engine: Engine) -> None:
    """As Python, pandas and JSON writers print very small or large floats."""
    written = ["1e-05", "2.5E+3", "-3.1e2", "1,5e3", "e5", "1e", "1e5.5", "1.234,5e2"]
    t = engine.register("exponent_cases", pa.table({"text": written}))
    out = engine.to_arrow(t.select(number=parse.number(t.text))).column("number").to_pylist()
    assert out == [1e-05, 2500.0, -310.0, 1500.0, None, None, None, None]


def test_truth_values_in_english_and_the_seeds_other_languages(engine: Engine) -> None:
    written = ["TRUE", " y ", "0", "Oui", "non", "JA", "Nein", "nee", "Sí", "não", "Vero",
               "falso", "maybe", "", None]  # fmt: skip
    t = engine.register("truth_cases", pa.table({"text": pa.array(written, pa.string())}))
    out = engine.to_arrow(t.select(b=parse.boolean(t.text))).column("b").to_pylist()
    assert out == [True, True, False, True, False, True, False, False, True, False, True, False,
                   None, None, None]  # fmt: skip


def test_trim_takes_wide_spaces_off_with_an_ascii_one_but_not_alone(engine: Engine) -> None:
    """RE2's ``\\s`` is ASCII only; a value whose end is also an ASCII space or a NUL loses its
    wide spaces too. One ending in a no-break space alone keeps it: looking for it in every
    value cost silver a second at scale 1 (``conform.country_iso`` drops it from countries)."""
    values = ["France\u00a0 ", " \u00a0CUST_000001", "\ufeffACC_000001 ", "1 234\u202f\x00",
              "a\u00a0b", "France\u00a0"]  # fmt: skip
    t = engine.register("trim_wide_cases", pa.table({"v": values}))
    out = engine.to_arrow(t.select(v=parse.trim(t.v))).column("v").to_pylist()
    assert out == ["France", "CUST_000001", "ACC_000001", "1 234", "a\u00a0b", "France\u00a0"]


def test_times_without_seconds_read_and_year_zero_does_not(engine: Engine) -> None:
    """Spreadsheets export times to the minute; year 0000 exists in no Python or Java date (a
    clean row holding it would break every reader of the lake)."""
    values = [
        "2024-07-28 10:00", "2024-07-28T10:00", "2024-07-28T12:00+02:00", "2024-07-28T10:00Z",
        "0000-01-01", "0000-01-01 00:00:00", "1899-12-31 00:00", "2024-07-28 10:0",
    ]  # fmt: skip
    t = engine.register("minute_cases", pa.table({"when": values}))
    out = engine.to_arrow(
        t.select(timestamp=parse.timestamp(t.when), written=parse.written_timestamp(t.when))
    ).to_pydict()
    ten = datetime(2024, 7, 28, 10)
    expected = [ten, ten, ten, ten, None, None, datetime(1899, 12, 31), None]
    assert out["timestamp"] == expected
    assert out["written"] == expected


def test_a_time_of_24_00_is_midnight_at_the_end_of_its_day(engine: Engine) -> None:
    """ISO 8601's end of a day ("2024-07-28T24:00:00", as some schedulers and ERPs export it)
    is midnight of the next day, offset or not, day first too; 24:00:01 and 24:30 are no time,
    and no day follows 9999-12-31 (a year 10000 would break every reader of the lake)."""
    values = [
        "2024-07-28 24:00:00", "2024-07-28T24:00:00Z", "2024-07-28T24:00", "2024-12-31 24:00",
        "2024-07-28T24:00:00+02:00", "2024-07-28 24:00:00.000", "2024-02-29 24:00:00",
        "2024-07-28 24:00:01", "2024-07-28 24:30:00", "9999-12-31 24:00:00", "28/07/2024 24:00",
    ]  # fmt: skip
    t = engine.register("end_of_day_cases", pa.table({"when": values}))
    out = engine.to_arrow(
        t.select(
            timestamp=parse.timestamp(t.when),
            written=parse.written_timestamp(t.when),
            day_first=parse.written_timestamp(parse.iso_date_text(t.when, "day_first")),
        )
    ).to_pydict()
    next_day = datetime(2024, 7, 29)
    expected = [
        next_day, next_day, next_day, datetime(2025, 1, 1), datetime(2024, 7, 28, 22),
        None, datetime(2024, 3, 1), None, None, None, None,
    ]  # fmt: skip
    assert out["timestamp"] == expected
    assert out["written"] == [*expected[:5], next_day, *expected[6:]]
    assert out["day_first"] == [*out["written"][:-1], next_day]


def test_numbers_grouped_by_a_narrow_no_break_space(engine: Engine) -> None:
    """As current French locales print thousands ("1\u202f234,50")."""
    t = engine.register("narrow_cases", pa.table({"text": ["1\u202f234,50", "12\u202f345"]}))
    out = engine.to_arrow(t.select(number=parse.number(t.text))).column("number").to_pylist()
    assert out == [1234.5, 12345.0]


def test_a_vertical_tab_and_a_dotted_capital_i_read_alike_on_every_engine(engine: Engine) -> None:
    """Java's ``\\s`` holds the vertical tab and Java lower-cases "İ" to "i" and a combining dot;
    RE2 and DuckDB do neither. Spelt out, both engines read the same."""
    values = ["web\x0b", "2024-01-01\x0b", "SÍ", "İ"]
    t = engine.register("engine_cases", pa.table({"v": values}))
    out = engine.to_arrow(
        t.select(
            v=parse.clean_text(t.v),
            low=parse.lower(t.v),
            when=parse.timestamp(t.v),
            channel=parse.category(t.v, ["web", "store"]),
        )
    ).to_pydict()
    assert out["v"] == ["web", "2024-01-01", "SÍ", "İ"]
    assert out["low"] == ["web\x0b", "2024-01-01\x0b", "sí", "i"]
    assert out["when"] == [None, datetime(2024, 1, 1), None, None]
    assert out["channel"] == ["web", None, None, None]


def test_an_amount_or_count_too_large_to_be_real_is_out_of_range(engine: Engine) -> None:
    """Rounding 1e20 to cents overflows 64-bit integers on both engines: such a value is no
    amount and is rejected before it gets there."""
    values = ["999999999999999", "1000000000000000", "-1e20", "1e308", "12.5", None]
    t = engine.register("large_cases", pa.table({"v": values}))
    out = engine.to_arrow(t.select(big=parse.too_large(parse.number(t.v)))).column("big")
    assert out.to_pylist() == [False, True, True, True, False, None]


def test_words_that_mean_missing_read_as_nothing_in_every_parser(engine: Engine) -> None:
    """SQL dumps, pandas, R and spreadsheets write NULL, \\N, NaN, None, NA or N/A where a value
    is missing: every parser reads nothing there, and ``invalid`` does not call it unreadable, as
    for an empty value. "Null" (a surname), "na" and longer text stay values."""
    missing = ["NULL", "null", " N/A ", "n/a", "#N/A", "NaN", "nan", "None", "none", "NONE",
               "NaT", "<NA>", "\\N", "\tNULL\x00", "NA"]  # fmt: skip
    kept = ["Null", "na", "NULLS", "n/a n/a"]
    t = engine.register("missing_cases", pa.table({"v": [*missing, *kept]}))
    out = engine.to_arrow(
        t.select(
            text=parse.clean_text(t.v),
            number=parse.number(t.v),
            money=parse.money(t.v),
            integer=parse.integer(t.v),
            when=parse.written_timestamp(t.v),
            truth=parse.boolean(t.v),
            kind=parse.category(t.v, ["mid_market"]),
            invalid=parse.invalid(t.v, parse.number(t.v)),
        )
    ).to_pydict()
    nothing = [None] * len(missing)
    assert out["text"] == [*nothing, *kept]
    for parser in ("number", "money", "integer", "when", "truth", "kind"):
        assert out[parser] == nothing + [None] * len(kept), parser
    assert out["invalid"] == [False] * len(missing) + [True] * len(kept)


def test_amounts_in_euros_with_their_sign_or_code(engine: Engine) -> None:
    """An amount may carry the euro's sign or code on either side, and a comma before three
    digits groups its thousands (cents have two); another currency does not read, nor does a
    plain number take a euro sign."""
    written = [
        "12,50 €", "€12.50", "€ 1.234,50", "-€12.50", "€ -12.50", "12.50 EUR", "eur 12",
        "1 234,50\u00a0€", "+12.50", "1,234", "-12,500", "0,125", "1,234.5", "1,2345",
        "$1,234.56", "£12", "12 USD", "12€50", "€", "€€12",
    ]  # fmt: skip
    t = engine.register("money_cases", pa.table({"text": written}))
    out = engine.to_arrow(
        t.select(money=parse.money(t.text), number=parse.number(t.text))
    ).to_pydict()
    assert out["money"] == [
        12.5, 12.5, 1234.5, -12.5, -12.5, 12.5, 12.0, 1234.5, 12.5, 1234.0, -12500.0, 0.125,
        1234.5, 1.2345, None, None, None, None, None, None,
    ]  # fmt: skip
    assert out["number"] == [
        None, None, None, None, None, None, None, None, 12.5, 1.234, -12.5, 0.125, 1234.5,
        1.2345, None, None, None, None, None, None,
    ]  # fmt: skip


def test_a_plus_sign_reads(engine: Engine) -> None:
    """As spreadsheets and bank exports write a credit: "+12.50", "+5"; one sign only."""
    values = ["+12.50", "+5", "+1.234,50", "+1e3", "+-5", "++5", "+"]
    t = engine.register("plus_cases", pa.table({"v": values}))
    out = engine.to_arrow(t.select(n=parse.number(t.v), i=parse.integer(t.v))).to_pydict()
    assert out["n"] == [12.5, 5.0, 1234.5, 1000.0, None, None, None]
    assert out["i"] == [None, 5, None, None, None, None, None]


def test_trim_looks_at_the_last_character_not_the_last_byte(engine: Engine) -> None:
    """A value ending in a letter of several bytes keeps it; one ending in white space after
    such a letter loses the space."""
    values = ["a😀 ", "日本\t", "x\u2028", "é", "😀", " \u00e9\u0301"]
    t = engine.register("trim_last_cases", pa.table({"v": values}))
    out = engine.to_arrow(t.select(v=parse.trim(t.v), c=parse.clean_text(t.v))).to_pydict()
    assert out["v"] == ["a😀", "日本", "x\u2028", "é", "😀", "\u00e9\u0301"]
    assert out["c"] == out["v"]


def test_a_category_written_as_allowed_reads_as_any_other_spelling_of_it(engine: Engine) -> None:
    """Values written exactly as an allowed value are looked up first; each reads as the
    longer path reads it, also where two allowed values fold alike (the later one wins)."""
    allowed = ["en_US", "Mid-Market", "mid_market", "web", "in store"]
    values = ["en_US", "en_us", " EN-US", "Mid-Market", "mid_market", "MID MARKET", "web",
              "Web ", "in store", "in_store", "store", "", None]  # fmt: skip
    t = engine.register("category_cases", pa.table({"v": pa.array(values, pa.string())}))
    out = engine.to_arrow(t.select(c=parse.category(t.v, allowed))).column("c").to_pylist()
    assert out == ["en_US", "en_US", "en_US", "mid_market", "mid_market", "mid_market", "web",
                   "web", "in store", "in store", None, None, None]  # fmt: skip


def test_dates_alone_and_times_in_utc_read_as_the_longer_path_reads_them(engine: Engine) -> None:
    """The shapes most sources write take a short path: a date alone is midnight, a time with
    a Z is in UTC already; an impossible one is NULL as on the longer path."""
    values = ["2024-07-28", "2024-07-28T10:00:00Z", "2024-02-30", "2024-02-30T10:00:00Z",
              "0999-01-01", "2024-07-28T10:00:00z", "2024-07-28T10:00:00+00:00",
              " 2024-07-28T10:00:00Z", "2024-07-28T10:00Z"]  # fmt: skip
    t = engine.register("short_path_cases", pa.table({"when": values}))
    out = engine.to_arrow(
        t.select(timestamp=parse.timestamp(t.when), written=parse.written_timestamp(t.when))
    ).to_pydict()
    ten = datetime(2024, 7, 28, 10)
    assert out["written"] == [datetime(2024, 7, 28), ten, None, None, datetime(999, 1, 1),
                              None, ten, ten, ten]  # fmt: skip
    assert out["timestamp"] == out["written"]


def test_text_written_all_in_one_case_is_title_cased_and_mixed_case_kept(engine: Engine) -> None:
    """As the identity profile spells names: a value all in upper or all in lower case gets a
    capital at each word (after a space, a hyphen, an apostrophe or a dot), a mixed-case one
    is kept as written; every engine gives the same letters."""
    cases = {
        "SAN ANTONIO": "San Antonio",
        "jean-pierre": "Jean-Pierre",
        "o'brien": "O'Brien",
        "D’ARTAGNAN": "D’Artagnan",
        "ÉLODIE": "Élodie",
        "çağla": "Çağla",
        "j.r.": "J.R.",
        "İZMİR": "Izmir",  # a dotted capital I lowers alike on every engine
        "ΟΔΟΣ": "Οδοσ",  # and so does a final sigma
        "SAN  ANTONIO": "San  Antonio",  # spacing is kept
        "saint-remy-en-bouzemont-saint-genest-et-isson":
            "Saint-Remy-En-Bouzemont-Saint-Genest-Et-Isson",
        "McDonald": "McDonald",
        "van der Berg": "van der Berg",
        "DeVito": "DeVito",
        "jean DUPONT": "jean DUPONT",  # mixed as a whole
        "75001": "75001",
        "AB\x01CD": "AB\x01CD",
        "A B C D E F G H I J K L M N O P Q": "A B C D E F G H I J K L M N O P Q",  # too many
    }  # fmt: skip
    values = [*cases, None]
    t = engine.register(
        "display_case_cases",
        pa.table({"v": pa.array(values, pa.string()), "w": pa.array(values[::-1], pa.string())}),
    )
    out = engine.to_arrow(parse.display_cased(t, "v", "w")).to_pydict()
    expected = [*cases.values(), None]
    assert out["v"] == expected
    assert out["w"] == expected[::-1]
    assert list(out) == ["v", "w"]


def test_counts_with_their_thousands_grouped_read_and_ambiguous_ones_do_not(engine: Engine) -> None:
    """A count is whole, so a group of three digits after a comma ("1,234", "12,345,678", as
    English spreadsheets print them), a space ("1 234", as French ones do, no-break or narrow)
    or an apostrophe ("1'234", Swiss) can only be thousands, and so can two dots or more
    ("1.234.567"). One dot before three digits ("1.234", "1.000") may be a German 1234 or a
    decimal as programs write them: it does not read, nor does a group of another width, a
    first group with a leading zero ("0,123" is a decimal) or separators of two kinds."""
    cases = {
        "1,234": 1234, "12,345,678": 12345678, "-1,234": -1234, "+1,234": 1234,
        " 1,234 ": 1234, "1 234": 1234, "1\u00a0234": 1234, "1\u202f234 567": 1234567,
        "1'234": 1234, "1.234.567": 1234567, "999,000": 999000,
        "1.234": None, "1.000": None, "-5.000": None, "1,23": None, "1,2345": None,
        "12,34,567": None, "0,123": None, "1,234.5": None, "1,234.0": None, "1,234,56": None,
        "1.234,5": None, "1 23": None, "1,234 567": None, "1.234'567": None, ",234": None,
        "1234.000": 1234, "1.0": 1, "0.000": 0, "007": 7,
    }  # fmt: skip
    t = engine.register("count_cases", pa.table({"v": list(cases)}))
    out = engine.to_arrow(t.select(i=parse.integer(t.v))).column("i").to_pylist()
    assert dict(zip(cases, out, strict=True)) == cases


def test_a_first_letter_whose_capital_is_two_letters_is_kept(engine: Engine) -> None:
    """Spark capitalises "ß" as "SS" and "ﬂ" as "FL", DuckDB as "ẞ" and "ﬂ": a word starting
    with a letter whose capital is two letters (Python's ``upper``) keeps it as written."""
    cases = {
        "ßtefan": "ßtefan", "ﬂorian ﬁscher": "ﬂorian ﬁscher", "ŉame": "ŉame", "ᾳ": "ᾳ",
        "ﬀ": "ﬀ", "anne ßtrauss": "Anne ßtrauss", "straße": "Straße", "ǆuro": "Ǆuro",
        "ĳmuiden": "Ĳmuiden", "JÖRG": "Jörg",
    }  # fmt: skip
    t = engine.register("display_case_two_letters", pa.table({"v": list(cases)}))
    out = engine.to_arrow(parse.display_cased(t, "v")).column("v").to_pylist()
    assert out == list(cases.values())


def test_the_two_letter_capitals_are_every_one_python_knows() -> None:
    computed = "".join(c for c in map(chr, range(0x110000)) if len(c.upper()) > 1)
    assert computed == parse.TWO_LETTER_CAPITALS


def _amounts(engine: Engine, name: str, written: list[str], source_file: str) -> list[object]:
    """``parse.money`` of ``written``, as a bronze table from ``source_file`` holds them."""
    lineage = [source_file] * len(written)
    t = engine.register(name, pa.table({"v": written, "_source_file": lineage}))
    return engine.to_arrow(t.select(m=parse.money(t.v))).column("m").to_pylist()


def test_one_dot_before_three_digits_groups_thousands_where_a_euro_sign_follows(
    engine: Engine,
) -> None:
    """ "1.234" is 1234 written the German way and 1.234 written as programs do. A euro sign
    after the amount is written so only where a comma is the decimal one ("1.234 €", as Excel's
    German currency format prints it): the dot groups thousands there. With nothing to say
    which, a CSV's "1.234" reads as nothing (``ambiguous_amount``), never as 1000 times less."""
    cases = {
        "1.234 €": 1234.0, "12.345 €": 12345.0, "123.456\u00a0€": 123456.0, "1.234€": 1234.0,
        "-1.234 €": -1234.0, "+1.234 € ": 1234.0, "1.234,5 €": 1234.5, "1.234,00 €": 1234.0,
        "1\u00a0234,50\u00a0€": 1234.5, "1\u202f234,50 €": 1234.5, "1.234.567 €": 1234567.0,
        "1.234": None, "12.345": None, "-1.234": None, " 999.999 ": None, "€1.234": None,
        "€ 1.234": None, "1.234 EUR": None, "EUR 1.234": None, "-€1.234": None, "€ -1.234": None,
        "0.125": 0.125, "-0.125": -0.125, "1,234.50": 1234.5, "1.2345": 1.2345,
        "1234.567": 1234.567, "1.23": 1.23, "1234.50": 1234.5, "12.50 €": 12.5,
        "1,234": 1234.0, "1.234.567": 1234567.0, "01.234": 1.234, "1.234,5": 1234.5,
    }  # fmt: skip
    out = _amounts(engine, "dot_amounts_csv", list(cases), "sources/c360/products.csv")
    assert dict(zip(cases, out, strict=True)) == cases


def test_a_source_with_types_writes_a_decimal_point(engine: Engine) -> None:
    """Parquet, JSON and databases hold numbers, which bronze writes as programs print them: a
    plain "7.995" there is 7.995 (a JSON discount of 7.995). Text around it ("€1.234", "1.234
    EUR") is a person's, read as in a CSV."""
    written = ["7.995", "1.234", "-12.345", "1.234 €", "€1.234", "1.234 EUR", "12.50"]
    expected = [7.995, 1.234, -12.345, 1234.0, None, None, 12.5]
    for i, source in enumerate([
        "sources/marketing/transactions.jsonl", "sources/shop/orders.json.gz",
        "sources/ecommerce/products.parquet/part-00000.parquet", "sources/x/a.NDJSON",
        "postgres:public.orders", "mongodb:shop.orders",
    ]):  # fmt: skip
        assert _amounts(engine, f"dot_amounts_typed_{i}", written, source) == expected, source
    for i, source in enumerate(["sources/c360/orders.csv", "sources/x/orders.csv.gz",
                                "sources/x/export.txt", "sources/x/parquet.csv"]):  # fmt: skip
        out = _amounts(engine, f"dot_amounts_text_{i}", written, source)
        assert out == [None, None, None, 1234.0, None, None, 12.5], source


def test_an_amount_without_its_source_file_is_read_as_text(engine: Engine) -> None:
    """No ``_source_file`` (a table that is no bronze one): nothing says a program wrote it."""
    t = engine.register("dot_amounts_alone", pa.table({"v": ["1.234", "1.234 €", "0.125"]}))
    out = engine.to_arrow(t.select(m=parse.money(t.v))).column("m").to_pylist()
    assert out == [None, 1234.0, 0.125]


def test_an_ambiguous_amount_is_told_from_an_unreadable_one(engine: Engine) -> None:
    """``ambiguous_amount`` is true only where a dot before three digits is all that kept the
    amount from reading: another currency, a missing value or text is something else."""
    cases = {
        "1.234": True, " 12.345 ": True, "-1.234": True, "€1.234": True, "1.234 EUR": True,
        "-€1.234": True, "+€ 1.234": True, "-€-1.234": False, "1.234 €€": False,
        "1.234 €": False, "0.125": False, "1.2345": False, "$1.234": False, "abc": False,
        "": False, "NULL": False, "1,234": False, "1.234.567": False, "12.50": False,
    }  # fmt: skip
    lineage = ["sources/c360/orders.csv"] * len(cases)
    t = engine.register("ambiguous_cases", pa.table({"v": list(cases), "_source_file": lineage}))
    out = engine.to_arrow(t.select(a=parse.ambiguous_amount(t.v))).column("a").to_pylist()
    assert dict(zip(cases, out, strict=True)) == cases
    typed = engine.register(
        "ambiguous_typed", pa.table({"v": ["1.234", "€1.234"], "_source_file": ["a.parquet"] * 2})
    )
    out = engine.to_arrow(typed.select(a=parse.ambiguous_amount(typed.v))).column("a")
    assert out.to_pylist() == [False, True]


def test_a_contract_amount_with_one_dot_before_three_digits_is_quarantined(
    engine: Engine,
) -> None:
    """A product priced "1.234" in a CSV is rejected as ``ambiguous_amount``, naming its
    column; "1.234 €" is 1234; order lines "1.234" × 1 = "1.234" do not pass as 1.234."""
    products = bronze(engine, "products", [
        row("products", PRODUCT, price_eur="1.234 €"),
        row("products", PRODUCT, product_id="PROD_00002", price_eur="1.234"),
        row("products", PRODUCT, product_id="PROD_00003", price_eur="12.345 €"),
        row("products", PRODUCT, product_id="PROD_00004", price_eur="$1.234"),
    ])  # fmt: skip
    clean, rejects = commerce.stg_products(products).collect(engine)
    prices = {r["product_id"]: r["price_eur"] for r in clean.to_pylist()}
    assert prices == {"PROD_00001": 1234.0, "PROD_00003": 12345.0}
    assert [(r["_row_number"], r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        (2, "ambiguous_amount", "price_eur"), (4, "other_currency", "price_eur"),
    ]  # fmt: skip
    orders = bronze(engine, "orders", [row("orders", ORDER)])
    lines = bronze(engine, "order_lines", [
        row("order_lines", LINE, qty="1", unit_price_eur="1.234", discount_eur="0",
            line_total_eur="1.234"),
    ])  # fmt: skip
    rejects = commerce.stg_order_lines(lines, orders, products).collect(engine)[1]
    assert [(r["reason"], r["column"]) for r in rejects.to_pylist()] == [
        ("ambiguous_amount", "unit_price_eur")
    ]


def _in_order(engine: Engine, name: str, written: list[str], decimal: str | None) -> list[object]:
    """``parse.money`` of ``written`` as the prices of a products CSV whose entry in c360.yaml
    says ``decimal``; each row's margin kept as written (no amount)."""
    rows = [row("products", PRODUCT, product_id=f"P{i}", price_eur=v, margin_pct=v)
            for i, v in enumerate(written)]  # fmt: skip
    t = parse.in_decimal_order(bronze(engine, "products", rows), PRODUCTS, decimal)
    out = engine.to_arrow(
        t.select(m=parse.money(t.price_eur), a=parse.ambiguous_amount(t.price_eur), p=t.margin_pct)
    )
    assert out.column("p").to_pylist() == written, name
    assert not any(out.column("a").to_pylist()), name  # the setting leaves none ambiguous
    return out.column("m").to_pylist()


def test_a_tables_decimal_setting_says_what_one_separator_before_three_digits_is(
    engine: Engine,
) -> None:
    """``decimal: point``: a dot is a decimal point ("1.234", "1.234 €", "€1.234" are 1.234); a
    comma before three digits groups thousands. ``decimal: comma``: a dot before three digits
    groups thousands (1234) and a comma is the decimal ("1,234" is 1.234). Either way, what
    only one reading fits is read so ("1.234,50", "1,234.50", "12.50", "1.234.567")."""
    both = {"12.50": 12.5, "1.234,50": 1234.5, "1,234.50": 1234.5, "1.234.567": 1234567.0,
            "0,125": 0.125, "0.125": 0.125, "1.2345": 1.2345, "12,50 €": 12.5, "abc": None,
            "$1.234": None, "": None}  # fmt: skip
    point = {"1.234": 1.234, " 12.345 ": 12.345, "-1.234": -1.234, "+1.234": 1.234,
             "1.234 €": 1.234, "€1.234": 1.234, "-€ 1.234": -1.234, "1.234 EUR": 1.234,
             "1,234": 1234.0, "12,345 €": 12345.0}  # fmt: skip
    comma = {"1.234": 1234.0, " 12.345 ": 12345.0, "-1.234": -1234.0, "+1.234": 1234.0,
             "1.234 €": 1234.0, "€1.234": 1234.0, "-€ 1.234": -1234.0, "1.234 EUR": 1234.0,
             "1,234": 1.234, "12,345 €": 12.345, "-€ 1,234": -1.234}  # fmt: skip
    for decimal, cases in (("point", point | both), ("comma", comma | both)):
        out = _in_order(engine, f"decimal_{decimal}", list(cases), decimal)
        assert dict(zip(cases, out, strict=True)) == cases, decimal


def test_a_decimal_setting_leaves_a_file_with_types_and_other_tables_as_written(
    engine: Engine,
) -> None:
    """The setting describes a CSV file: a Parquet file's "1.234" among a folder's CSV files
    stays a program's decimal. Without it, or in a table without amounts, bronze is kept."""
    rows = [row("products", PRODUCT, product_id=f"P{i}", price_eur="1.234") for i in (1, 2)]
    files = [("sources/c360/products/a.parquet", 1), ("sources/c360/products/b.csv", 1)]
    products = bronze(engine, "products", rows, files)
    t = parse.in_decimal_order(products, PRODUCTS, "comma")
    assert engine.to_arrow(t.select(m=parse.money(t.price_eur))).column("m").to_pylist() == [
        1.234, 1234.0
    ]  # fmt: skip
    assert parse.in_decimal_order(products, PRODUCTS, None) is products
    segments = bronze(engine, "crm_segments", [])
    assert parse.in_decimal_order(segments, contracts.get("crm_segments"), "comma") is segments
