"""Portable parsers for text landed in bronze: the same answer on DuckDB and Spark.

``try_cast`` alone differs between engines ("1.5" → int is 2 on DuckDB and NULL on Spark,
"2024" → date is NULL on DuckDB and 2024-01-01 on Spark), so every parser checks the text's
shape first and only then casts. A value that does not parse is NULL; callers compare with the
raw text to tell "missing" from "invalid". ``by_contract`` and ``contract_checks`` apply them to
a whole source as its contract describes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TypeVar

import ibis
from ibis.expr import operations as ops
from ibis.expr.types import FloatingValue, IntegerValue, StringValue, Table, TimestampValue

from c360.contracts.model import Column
from c360.contracts.model import Table as Contract
from c360.pipeline.silver import amounts, decimals
from c360.pipeline.silver.amounts import ambiguous as ambiguous
from c360.pipeline.silver.amounts import ambiguous_amount as ambiguous_amount
from c360.pipeline.silver.amounts import in_decimal_order as in_decimal_order
from c360.pipeline.silver.amounts import is_amount as is_amount
from c360.pipeline.silver.amounts import money as money
from c360.pipeline.silver.amounts import other_currency as other_currency
from c360.pipeline.silver.amounts import whole_money as whole_money
from c360.pipeline.silver.blanks import BLANK as _BLANK
from c360.pipeline.silver.blanks import LINE_SEPARATORS as LINE_SEPARATORS
from c360.pipeline.silver.blanks import SPACE as SPACE
from c360.pipeline.silver.currency import converted_amounts as converted_amounts
from c360.pipeline.silver.currency import in_euros as in_euros
from c360.pipeline.silver.currency import rows_to_convert as rows_to_convert
from c360.pipeline.silver.staged import LINEAGE

_V = TypeVar("_V")
_NUMBER = decimals.NUMBER
_INTEGER = r"^[+-]?[0-9]+(\.0+)?\z"
# The end of the text is ``\z`` in every regex the engines run, never ``$`` (see ``blanks``).
# An offset from UTC: hours and minutes ("+02:00", "-0530") or hours alone ("+01", as
# PostgreSQL prints a timestamptz), at most 14 hours ("+99" is none: the time reads as nothing);
# "UTC" after the time (as logs and BI tools write it) is none. Either may follow the time
# after white space ("10:15:00 +0100", as Shopify, Ruby and git print times); an offset after a
# date with no time ("2024-01-05 -05:00") is none.
_OFFSET = "[+-]((0[0-9]|1[0-3])(:?[0-5][0-9])?|14(:?00)?)"
_ZONE = f"(Z|{SPACE}*({_OFFSET}|UTC))"
_WRITTEN_OFFSET = r":[0-9]{2}(\.[0-9]{1,9})?" + SPACE + "*(" + _OFFSET + ")" + SPACE + "*\\z"
# Seconds may be left out ("2024-07-28 10:00", as spreadsheets export times: DuckDB and Spark
# both cast it); year 0000 does not exist (no Python or Java date holds it) and reads as nothing.
# An hour is 00 to 23: 24:00 is read on its own (see ``_END_OF_DAY``), DuckDB casts 24:00:00.5.
_HOUR = "([01][0-9]|2[0-3])"
_YEAR_DAY = r"^([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-[0-9]{2}-[0-9]{2}"
_ISO = _YEAR_DAY + "([T ]" + _HOUR + ":[0-9]{2}(:[0-9]{2})?" + _ZONE + "?|Z)?\\z"
# An ISO text's date and time, without the zone that follows them.
_LOCAL = r"^([0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?)"


def trim(value: StringValue) -> StringValue:
    """``value`` without leading or trailing white space or NUL characters (a fixed-width
    export's padding; PostgreSQL cannot store them in text); no-break spaces go too where an
    ASCII one or a NUL is also at an end.

    Not ``strip()``: on Spark, Ibis 12 compiles it to ``TRIM(' \\t\\n\\r\\v\\f' FROM …)``,
    which Spark reads as "trim the letters v and f too" ('france ' → 'rance').
    """
    if not isinstance(value.op(), ops.Field):
        return _trimmed(value)  # an expression, written out three times, would cost more to plan
    return ibis.ifelse(_at_edge(value), _trimmed(value), value)


def _trimmed(value: StringValue) -> StringValue:
    return value.re_replace(f"^{_BLANK}+|{_BLANK}+\\z", "")


def _at_edge(value: StringValue) -> ibis.ir.BooleanValue:
    """True where ``value`` may have something to trim: most values have nothing, and a look
    at their first and last characters spares them the regex. White space and NUL are at most
    code 32. A wide space alone at an end is not looked for: each further look cost silver a
    second at scale 1 (trim is in every parser, repeated in each expression that uses a cleaned
    value); `conform.country_iso` drops them.

    The last character is ``substr(-1, 1)``, which both engines read as ``SUBSTRING(value,
    LENGTH(value), 1)``: DuckDB's ``RIGHT`` took three times as long on a long text (a user
    agent), 0.25 s against 0.08 s for 2M values.

    A line separator (``LINE_SEPARATORS``) alone at an end is not looked for either, as a wide
    space: looking for the three at the end cost silver 2 s of CPU at scale 1 (25 → 27 s). The
    engines' regexes read the end of a text alike (see ``LINE_SEPARATORS``): "N/A" followed by
    U+2029 is kept as written on both, and the parsers' longer paths (numbers, dates) trim it."""
    return (value.ascii_str() <= 32) | (value.substr(-1, 1).ascii_str() <= 32)


def lower(value: StringValue) -> StringValue:
    """``value`` in lower case, the same on every engine: Spark lowers a dotted capital I ("İ",
    as in "TÜRKİYE") to "i" and a combining dot, DuckDB to "i"."""
    return value.replace("\u0130", "I").lower()


# What SQL dumps (NULL, and \\N as PostgreSQL's COPY and MySQL write it), JSON, Python and
# pandas (None, NaN, NaT, <NA>), R (NA) and spreadsheets or forms (N/A, #N/A, none) write for a
# value that is not there. A country is read from its raw text, so NA stays Namibia's code
# there; "Null" (a surname) is no such word. Spelt out in the cases exports write them:
# lower-casing every value would cost more than comparing.
MISSING = ("NULL", "null", "\\N", "None", "none", "NONE", "NaN", "nan", "NaT", "<NA>", "NA",
           "N/A", "n/a", "#N/A")  # fmt: skip
_WORDS = "(?:" + "|".join(w.replace("\\", "\\\\") for w in MISSING) + ")"
_MISSING_WORD = f"^{_WORDS}\\z"
# Trimmed in the same pass, a word of ``MISSING`` (with white space around it) becomes "".
_TRIM_OR_MISSING = f"^{_BLANK}*{_WORDS}{_BLANK}*\\z|^{_BLANK}+|{_BLANK}+\\z"


# Where a word starts in a name or a place: after a space, a hyphen, an apostrophe (either
# kind) or a dot, as the identity profile's ``display_case`` reads them ("Jean-Pierre",
# "O'Brien", "J.R."). The mark follows each of them in the text split into words: no
# character a name holds.
_WORD_ENDS = (" ", "-", "'", "\u2019", ".")
_WORD_MARK = "\x01"
# Words a value may have for ``display_cased`` to case it: the longest French commune's name
# has 8 ("Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson"). A longer value is kept as written.
MAX_WORDS = 12
# A capital and a small letter, in either order: the value is written in mixed case.
_MIXED_CASE = r"(?s)\p{Lu}.*\p{Ll}|\p{Ll}.*\p{Lu}"


def display_cased(t: Table, *columns: str) -> Table:
    """``t`` with each text column of ``columns`` title-cased where it is written all in
    upper or all in lower case ("SAN ANTONIO", "jean-pierre", "o'brien" → "San Antonio",
    "Jean-Pierre", "O'Brien"); a value in mixed case ("McDonald", "van der Berg") is kept as
    written, and so is one of more than ``MAX_WORDS`` words.

    Neither engine has a portable title case (DuckDB has no ``initcap``, and an Ibis array
    ``map`` compiles to a lambda DuckDB 2 refuses): a first step splits the few values in one
    case into words, padded to ``MAX_WORDS``, the second capitalises each word by position.
    Only the values in one case are split; a column is read, not an expression, so that each
    word's use does not repeat the split.
    """
    words = {f"_words_{c}": _words(t[c]) for c in columns}
    t = t.mutate(**words)
    return t.mutate(**{c: _capitalised(t[c], t[f"_words_{c}"]) for c in columns}).drop(*words)


def _words(value: StringValue) -> ibis.ir.ArrayValue:
    """The words of ``value`` in lower case, each with the character that ends it, then
    ``MAX_WORDS`` empty ones; NULL for a value in mixed case (kept as written)."""
    # Σ is lowered first: Spark (Java) makes a final one ς, DuckDB σ.
    text = lower(value.replace("\u03a3", "\u03c3"))
    for end in _WORD_ENDS:
        text = text.replace(end, end + _WORD_MARK)
    one_case = ~value.re_search(_MIXED_CASE) & ~value.contains(_WORD_MARK)
    padded = (text + _WORD_MARK * MAX_WORDS).split(_WORD_MARK)
    return ibis.ifelse(one_case, padded, ibis.null("array<string>"))


def _capitalised(value: StringValue, words: ibis.ir.ArrayValue) -> StringValue:
    capitals = [_capital(words[i].substr(0, 1)) + words[i].substr(1) for i in range(MAX_WORDS)]
    fits = words.length() <= 2 * MAX_WORDS
    return ibis.ifelse(words.notnull() & fits, ibis.literal("").concat(*capitals), value)


def _capital(first: StringValue) -> StringValue:
    """A word's first letter in capitals, kept as written where its capital is two letters
    (``TWO_LETTER_CAPITALS``): "ßtefan", "ﬂorian" stay so. Spark (Java) writes "SStefan" and
    "FLorian", DuckDB "ẞtefan" (a capital ß) and "ﬂorian" (no capital at all): keeping the
    letter is what both engines can be made to agree on without a table of capitals."""
    kept = ibis.literal(TWO_LETTER_CAPITALS).contains(first)
    return ibis.ifelse(kept, first, first.upper())


# Every character whose capital is more than one character in Python and Java: ß (SS), ŉ (ʼN),
# ǰ, ΐ, ΰ, և, ẖ to ẚ, the Greek letters with iota (ᾳ → ΑΙ) and the ligatures ﬀ to ﬆ, ﬓ to ﬗ
# (``[c for c in map(chr, range(0x110000)) if len(c.upper()) > 1]``, a test checks it).
TWO_LETTER_CAPITALS = (
    "ßŉǰΐΰևẖẗẘẙẚὐὒὔὖᾀᾁᾂᾃᾄᾅᾆᾇᾈᾉᾊᾋᾌᾍᾎᾏᾐᾑᾒᾓᾔᾕᾖᾗᾘᾙᾚᾛᾜᾝᾞᾟᾠᾡᾢᾣᾤᾥᾦᾧᾨᾩᾪᾫᾬᾭᾮᾯᾲᾳᾴᾶᾷᾼῂῃῄῆῇῌῒΐῖῗῢΰῤῦῧ"
    "ῲῳῴῶῷῼ\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\ufb13\ufb14\ufb15\ufb16\ufb17"
)


def clean_text(value: StringValue) -> StringValue:
    """Trimmed text; empty, or a word that means missing (``MISSING``: ``NULL``, ``N/A``,
    ``NaN``…), becomes NULL."""
    cleaned = value.re_replace(_TRIM_OR_MISSING, "").nullif("")
    if not isinstance(value.op(), ops.Field):
        return cleaned  # an expression is written out once: it would cost more to plan
    # A column is trimmed only where an edge needs it, and compared with the words only where
    # it is as short as they are. One regex, not an IN (DuckDB plans an IN of five or more
    # values as a join, one per use: 0.06 s → 2 s for 200 campaigns) nor thirteen equalities
    # (each use of a cleaned column repeats them: Ibis took longer to compile than DuckDB to run).
    return ibis.cases(
        (_at_edge(value), cleaned),
        (value.length() > 4, value),
        (value.re_search(_MISSING_WORD), ibis.null("string")),
        else_=value,
    )


def _text(value: StringValue) -> StringValue:
    """Trimmed text, empty as NULL: what the parsers read. They need not look for a word of
    ``MISSING``, which has no number's, date's or truth's shape and reads as nothing anyway
    (``invalid`` and the checks for missing values use ``clean_text``): a cleaned value is
    written out again in every use a parser makes of it."""
    return trim(value).nullif("")


# Most values are already written the plain way: one regex finds them and a cast reads them;
# only the others go through the longer chain of clean-ups (engines evaluate a branch only on
# the rows that take it).
_PLAIN_NUMBER = r"^-?[0-9]+(\.[0-9]+)?\z"
_PLAIN_INTEGER = r"^-?[0-9]+\z"
# A date alone ("2024-07-28") casts as the longer chain would read it: at midnight, no offset.
# Hour 24 takes the longer chain, which reads ISO 8601's end of a day (see ``_END_OF_DAY``).
_PLAIN_TIMESTAMP = r"^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}( " + _HOUR + ":[0-9]{2}:[0-9]{2})?\\z"
# A time in UTC as JSON sources write it ("2024-07-28T10:00:00Z"): the plain form, once its T
# is a space and its Z gone, as ``timestamp`` reads it (2.5 µs a value on that chain).
_UTC_TIMESTAMP = r"^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T" + _HOUR + ":[0-9]{2}:[0-9]{2}Z\\z"
# ISO 8601's end of a day ("2024-07-28T24:00:00", an offset or not), as some schedulers and
# ERPs export it: the next day's midnight. DuckDB casts it so and Spark not at all, so both
# read it from the day; none follows 9999-12-31 (a year 10000 would break every reader of the
# lake).
_END_OF_DAY = r"[T ]24:00(:00(\.0{1,9})?)?" + _ZONE + "?" + SPACE + "*\\z"
_NEXT_DAY = _YEAR_DAY + "[T ]24:00(:00)?" + _ZONE + "?\\z"
_LAST_DAY = datetime(9999, 12, 31)


def number(value: StringValue) -> FloatingValue:
    """A decimal number written with a dot or a decimal comma ("12,50"), a sign or none
    ("+12.50"), its thousands grouped or not ("1.234,50"), or in scientific notation ("1e-05",
    as Python and pandas print)."""
    plain = value.re_search(_PLAIN_NUMBER)
    return ibis.ifelse(
        plain, value.try_cast("float64"), decimals.written(_trimmed(value), decimals.SHAPES)
    )


# A count is whole: a comma, a space (no-break or narrow too) or an apostrophe before groups
# of three digits can only group thousands ("1,234", "12,345,678", "1 234", "1'234"), and so
# can two dots or more ("1.234.567"). One dot before three digits is left out: "1.234" may be a
# German 1234 or a decimal as programs write it, and "1.000" a German 1000 or a float's 1.0.
# A first group starting with 0 is no thousands ("0,123" is a decimal).
_WHOLE_SEPARATOR = "[,. \u00a0\u202f']"
_WHOLE_GROUPS = (
    "^[+-]?[1-9][0-9]{0,2}((,[0-9]{3})+|([ \u00a0\u202f'][0-9]{3})+|(\\.[0-9]{3}){2,})\\z"
)
_DOT_THOUSANDS = r"^[+-]?[1-9][0-9]{0,2}\.000\z"


def integer(value: StringValue) -> IntegerValue:
    """A whole number ("78205", "+5", or "78205.0" as JSON writers print floats), its
    thousands grouped or not where that cannot be misread ("1,234", "12,345,678", "1 234",
    "1.234.567"; see ``_WHOLE_GROUPS``); "1.234" and "1.000" do not read."""
    text = _trimmed(value)
    whole = ibis.cases(
        (text.re_search(_DOT_THOUSANDS), ibis.null("string")),
        (text.re_search(_INTEGER), text.re_replace(r"\.0+\z", "")),
        (text.re_search(_WHOLE_GROUPS), text.re_replace(_WHOLE_SEPARATOR, "")),
        else_=ibis.null("string"),
    )
    return ibis.ifelse(
        value.re_search(_PLAIN_INTEGER), value.try_cast("int64"), whole.try_cast("int64")
    )


def timestamp(value: StringValue, raw: StringValue | None = None) -> TimestampValue:
    """An ISO date or date-time ("2024-07-28", "2024-07-28T10:00:00Z", "2024-07-28 10:00"), in
    UTC: a time with an offset ("2024-07-28T12:00:00+02:00", "2024-07-28 12:00:00+01", after a
    space "2024-07-28 12:00:00 +0200") is moved by it, one followed by "UTC" is not, 24:00 is
    the next day's midnight; impossible dates → NULL. ``raw`` is the text ``value`` was cleaned
    from, if any: the offset is read there."""
    text = _trimmed(value)
    # The date and time taken out, not the zone taken off: "+01" cannot be told from the day
    # of "2024-07-28" without looking behind, which RE2 cannot.
    local = text.re_extract(_LOCAL, 1).replace("T", " ")
    iso = ibis.ifelse(text.re_search(_ISO), local, ibis.null("string")).try_cast("timestamp")
    # The end of a day is told from the source's own text: each use of ``value`` (cleaned by
    # ``written_timestamp``) would repeat its cleaning in the query.
    written = value if raw is None else raw
    iso = ibis.ifelse(written.re_search(_END_OF_DAY), _next_day(text), iso)
    return ibis.ifelse(
        value.re_search(_PLAIN_TIMESTAMP),
        value.try_cast("timestamp"),
        iso - _offset_minutes(written).as_interval("m"),
    )


def _next_day(text: StringValue) -> TimestampValue:
    """Midnight after the day of ``text``, an ISO date at 24:00; NULL after 9999-12-31."""
    day = ibis.ifelse(text.re_search(_NEXT_DAY), text.left(10), ibis.null("string"))
    start = day.try_cast("timestamp")
    return ibis.ifelse(start < ibis.literal(_LAST_DAY), start + ibis.interval(days=1), None)


def _offset_minutes(raw: StringValue) -> IntegerValue:
    """The offset from UTC a time ends with, in minutes ("+02:00" → 120, "-0530" → -330, "+01"
    → 60); 0 when it has none. Read from the column's own text: each use of a cleaned text would
    repeat its cleaning in the query."""
    offset = raw.re_extract(_WRITTEN_OFFSET, 2).nullif("")
    hours = offset.left(3).cast("int64")
    minutes = (offset.left(1) + (offset.replace(":", "") + "00").substr(3, 2)).cast("int64")
    return (hours * 60 + minutes).fill_null(0)


def invalid(raw: StringValue, parsed: ibis.Value) -> ibis.ir.BooleanValue:
    """True where the source wrote something that did not parse."""
    return _when_null(parsed, clean_text(raw).notnull())


_NAN = f"^{_BLANK}*(NaN|nan){_BLANK}*\\z"


def invalid_number(raw: StringValue, parsed: ibis.Value) -> ibis.ir.BooleanValue:
    """``invalid``, and true where the source wrote NaN: a float that is no number (as JSON
    writers print one), where a value is required. ``clean_text`` reads it as missing, as
    pandas writes it for a value left out of an optional column."""
    return _when_null(parsed, clean_text(raw).notnull() | raw.re_search(_NAN))


# What a JSON source's reader keeps of a value that is not a string: its JSON text.
_STRUCTURE = r"(?s)^" + SPACE + r"*(\{.*\}|\[.*\])" + SPACE + "*\\z"
_JSON_TRUTH = "^" + SPACE + "*(true|false)" + SPACE + "*\\z"


def structured(raw: StringValue) -> ibis.ir.BooleanValue:
    """True where a JSON source held an object or an array (``{"name": "Paris"}``): bronze
    keeps its JSON text, which is no scalar value of any kind."""
    return raw.re_search(_STRUCTURE)


def not_text(raw: StringValue) -> ibis.ir.BooleanValue:
    """True where a JSON source held an object, an array or a boolean where text belongs
    (``"city": {"name": "Paris"}``, ``"name": true``): silver cannot tell what was meant."""
    return structured(raw) | raw.re_search(_JSON_TRUTH)


def not_a_name(raw: StringValue) -> ibis.ir.BooleanValue:
    """``not_text``, or a number: a person's or a place's name is never one (``"city": 75001``
    is a postcode in the wrong field; a product may well be called 501)."""
    return not_text(raw) | _text(raw).re_search(_NUMBER)


def _when_null(value: ibis.Value, then: ibis.ir.BooleanValue) -> ibis.ir.BooleanValue:
    """``value.isnull() & then``, with ``then`` worked out only where ``value`` is NULL (the
    few rows): engines evaluate a CASE branch only on the rows that take it."""
    return ibis.ifelse(value.isnull(), then, False)


TRUTH = {"true": True, "t": True, "1": True, "yes": True, "y": True,
          "false": False, "f": False, "0": False, "no": False, "n": False,
          # as the seeds' European markets write them in a form's export
          "oui": True, "non": False, "vrai": True, "faux": False, "ja": True, "nein": False,
          "wahr": True, "falsch": False, "nee": False, "sí": True, "si": True, "sim": True,
          "não": False, "nao": False, "vero": True, "falso": False}  # fmt: skip


def boolean(value: StringValue) -> ibis.ir.BooleanValue:
    """A truth value written true/false, 1/0, yes/no, t/f or y/n, in any case, or yes/no in
    French, German, Dutch, Spanish, Italian or Portuguese (oui/non, ja/nein, sí/no, sim/não)."""
    read = lower(_text(value)).substitute(TRUTH, else_=ibis.null("boolean"))
    return _as_written(value, TRUTH, read)  # its words are lower-case: each reads as itself


_FOLD = r"[\t\n\x0b\f\r _-]+"


def category(value: StringValue, allowed: Sequence[str]) -> StringValue:
    """The allowed value that ``value`` names, spelt as ``allowed`` spells it, whatever its case,
    spaces, hyphens or underscores ("Mid-Market " → "mid_market"); NULL when it names none."""
    spelling = {re.sub(r"[\s_-]+", "_", a.lower()): a for a in allowed}
    folded = lower(_text(value)).re_replace(_FOLD, "_")
    read = folded.substitute(spelling, else_=ibis.null("string"))
    # What ``folded`` is for an allowed value written as ``allowed`` spells it (``_as_written``
    # looks up only printable ASCII words, which Python lowers as the engines do).
    named = {a: spelling.get(re.sub(_FOLD, "_", a.lower())) for a in allowed}
    return _as_written(value, {a: name for a, name in named.items() if name is not None}, read)


def _as_written(value: StringValue, words: Mapping[str, _V], read: ibis.Value) -> ibis.Value:
    """``read`` (what a parser makes of ``value``), with ``value`` looked up first among
    ``words``, each mapped to what ``read`` gives it: most values are written exactly so
    ("email", "true"), and a comparison costs less than trimming, lower-casing and a regex
    (0.3 s of CPU time for the 2M events' ``device`` at scale 10). Only printable ASCII words
    with nothing to trim are looked up, and only in a column: an expression would be written
    out twice."""
    plain = {
        w: v for w, v in words.items() if w.isascii() and w.isprintable() and w == w.strip() != ""
    }
    if not plain or not isinstance(value.op(), ops.Field):
        return read
    return value.substitute(plain, else_=read)


_FRACTION = r"\.[0-9]{1,9}"


def written_timestamp(value: StringValue) -> TimestampValue:
    """``timestamp`` of text as writers print it: with fractional seconds ("10:00:00.000", as
    Parquet timestamps land; dropped, contracts keep seconds) or runs of spaces."""
    text = _trimmed(value).re_replace(SPACE + "+", " ")
    fraction = ":[0-9]{2}" + _FRACTION + _ZONE + "?\\z"
    whole = ibis.ifelse(text.re_search(fraction), text.re_replace(_FRACTION, ""), text)
    return ibis.cases(
        (value.re_search(_PLAIN_TIMESTAMP), value.try_cast("timestamp")),
        (value.re_search(_UTC_TIMESTAMP), value.left(19).replace("T", " ").try_cast("timestamp")),
        else_=timestamp(whole, value),
    )


# A date written day or month first, with or without a time ("31/12/2024", "31.12.2024 9:05"),
# on a 12-hour clock too ("3/5/2024 2:22 PM", as US spreadsheets and CRM reports write it).
# An offset after one ("3/5/2024 2:22 PM +0100", "31/12/2024 9:05+01") leaves the text as it is,
# which reads as nothing (``invalid_date``): only ISO text carries an offset.
_WRITTEN_DAY = (
    "^" + SPACE + r"*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})"
    r"(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
    "(?:" + SPACE + r"*([AaPp])\.?[Mm]\.?)?)?" + SPACE + "*\\z"
)


def iso_date_text(value: StringValue, order: str) -> StringValue:
    """``value`` rewritten as ISO text when it is a date written in ``order`` (``day_first``:
    "31/12/2024 9:05" → "2024-12-31 09:05:00"; ``month_first``: "12/31/2024", "3/5/2024 2:22
    PM" → "2024-03-05 14:22:00", 12 AM being 00); any other text as it is, for the parsers to
    judge (an impossible day stays impossible, and so does an hour a 12-hour clock has not:
    "13:00 PM", "0:30 AM")."""
    if order == "year_first":
        return value
    part = [value.re_extract(_WRITTEN_DAY, i).nullif("") for i in range(1, 8)]
    first, second, year, hour, minute, second_of_minute, meridiem = part
    day, month = (first, second) if order == "day_first" else (second, first)
    day_text = year + "-" + month.lpad(2, "0") + "-" + day.lpad(2, "0")
    h = hour.cast("int64")
    afternoon = ibis.ifelse(meridiem.upper() == "P", 12, 0)
    hour = ibis.ifelse(meridiem.isnull(), hour, (h % 12 + afternoon).cast("string"))
    clock = " " + hour.lpad(2, "0") + ":" + minute + ":" + second_of_minute.fill_null("00")
    off_the_clock = meridiem.notnull() & ((h < 1) | (h > 12))
    written = value.re_search(_WRITTEN_DAY) & ~off_the_clock.fill_null(False)
    return ibis.ifelse(written, day_text + clock.fill_null(""), value)


def in_date_order(bronze: Table, contract: Contract, order: str) -> Table:
    """``bronze`` with every date column of ``contract`` as ``iso_date_text`` (the project
    file's ``csv: <table>: dates:``), so that every parser reads it."""
    dates = [c.name for c in contract.columns if c.holds_dates]
    if order == "year_first" or not dates:
        return bronze
    return bronze.mutate(**{name: iso_date_text(bronze[name], order) for name in dates})


# Seed 000's staging models read each source by its contract: every column parsed by its type,
# and the checks that the contract implies, so that no rule is written twice.
Check = tuple[str, ibis.ir.BooleanValue]
_PARSERS: dict[str, Callable[[StringValue], ibis.Value]] = {
    "int": integer,
    "float": number,
    "bool": boolean,
    "timestamp": written_timestamp,
}
_INVALID = {"int": "invalid_number", "float": "invalid_number", "timestamp": "invalid_date"}
QUANTITIES = ("qty", "quantity")


def by_contract(bronze: Table, contract: Contract, **values: ibis.Value) -> Table:
    """``bronze`` read as its contract says: the lineage, every contract column parsed by its
    type (categories spelt as allowed), ``values`` replacing or adding columns, and each column's
    bronze text as ``_raw_<column>`` for ``contract_checks``."""
    typed = {c.name: _read(bronze[c.name], c) for c in contract.columns}
    raw = {f"_raw_{name}": bronze[name] for name in contract.column_names}
    return bronze.select(*LINEAGE, **(typed | values), **raw)


def _read(raw: StringValue, column: Column) -> ibis.Value:
    if is_amount(column):
        return amounts.read(raw, column)
    if column.dtype in _PARSERS:
        return _PARSERS[column.dtype](raw)
    return category(raw, column.allowed) if column.allowed else clean_text(raw)


def contract_checks(
    t: Table, contract: Contract, sources: Mapping[str, Table] = {}, skip: Sequence[str] = ()
) -> list[Check]:
    """The checks a ``by_contract`` table's contract implies, column by column, each named
    after its column (``"country: invalid_value"``, see ``staged.stage``).

    ``missing_key`` (the row's); ``missing_<column>`` for a required value
    (``missing_<entity>`` for a reference: ``missing_customer``); ``other_currency`` for a
    ``*_eur`` written in another currency; ``ambiguous_amount`` for one that ``money`` cannot
    tell 1234 from 1.234 in; ``invalid_date``,
    ``invalid_number`` or ``invalid_value`` for text that does not read; ``orphan_<entity>``
    for an id that the referenced source (its bronze table in ``sources``, by name) does not
    hold; ``non_positive_quantity``,
    ``negative_amount`` (a ``*_eur`` below 0) or ``out_of_range`` for the contract's bounds;
    ``implausible_date`` for a date before ``EARLIEST``, a value the contract lets be NULL too
    (a placeholder is no missing date).
    """
    key = [t[k].isnull() for k in contract.primary_key]
    checks: list[Check] = [("missing_key", ibis.or_(*key))]
    for c in contract.columns:
        if c.name in skip:
            continue
        value, raw = t[c.name], t[f"_raw_{c.name}"]
        entity = c.references.split(".")[1].removesuffix("_id") if c.references else c.name
        column: list[Check] = []
        if not c.nullable and c.name not in contract.primary_key:
            column.append((f"missing_{entity}", _when_null(value, clean_text(raw).isnull())))
        if is_amount(c):
            column.append(("other_currency", other_currency(raw, value)))
            column.append(("ambiguous_amount", ambiguous(raw, value)))
        if c.dtype != "string" or c.allowed:
            column.append((_INVALID.get(c.dtype, "invalid_value"), invalid(raw, value)))
        if c.references:
            table, referenced = c.references.split(".")
            held = ids(sources[table], referenced)
            column.append((f"orphan_{entity}", absent(value, held)))
        checks += [(f"{c.name}: {code}", bad) for code, bad in [*column, *_bounds(c, value)]]
    return checks


# An amount or a count this large is no real one: ``out_of_range``. Every smaller one adds up in
# gold on both engines (``gold.rounding``: 1e20 thousandths of a cent, summed as DECIMAL(38, 0)).
TOO_LARGE = 1e15


def too_large(*values: ibis.ir.NumericValue) -> ibis.ir.BooleanValue:
    """True where any of ``values`` is ``TOO_LARGE`` or larger, either side of 0."""
    return ibis.or_(*(v.abs() >= TOO_LARGE for v in values))


# No record of the platform is older than this: the web, commercial e-mail and the CRM came
# later. An earlier date is what a system writes for one it does not know — 0001-01-01 (.NET's
# least), 1899-12-30 (a spreadsheet's day 0), 1900-01-01 (SQL Server's), 1970-01-01 (the Unix
# epoch), 1980-01-01 (DOS's) — or a typo: ``implausible_date``. Every date silver reads is of
# an event or a record of the platform; none is a birth date.
EARLIEST = datetime(1990, 1, 1)


def implausible(value: TimestampValue) -> ibis.ir.BooleanValue:
    """True where ``value`` is before ``EARLIEST``: a placeholder, no event of the platform."""
    return value < ibis.literal(EARLIEST)


def _bounds(column: Column, value: ibis.Value) -> list[Check]:
    checks: list[Check] = []
    if column.dtype == "timestamp":
        checks.append(("implausible_date", implausible(value)))
    if column.dtype in ("float", "int"):
        checks.append(("out_of_range", too_large(value)))
    if column.name in QUANTITIES:
        checks.append(("non_positive_quantity", value <= 0))
    if column.name.endswith("_eur"):
        checks.append(("negative_amount", value < 0))
    outside = [] if column.min_value is None else [value < column.min_value]
    outside += [] if column.max_value is None else [value > column.max_value]
    return [*checks, ("out_of_range", ibis.or_(*outside))] if outside else checks


def ids(source: Table, column: str) -> ibis.ir.Column:
    """The ids ``source`` holds, cleaned as staging cleans them; never NULL (``x NOT IN`` a set
    holding a NULL is never true, so one blank id would hide every orphan)."""
    held = source.select(_id=clean_text(source[column]))
    return held.filter(held._id.notnull())._id


def absent(value: ibis.Value, held: ibis.ir.Column) -> ibis.ir.BooleanValue:
    """True where ``value`` is not NULL and not among ``held`` (an id a source does not hold).

    Written as a positive ``IN``: Spark plans ``NOT IN (subquery)`` inside a projection as a
    null-aware nested loop join, 99 s against 6.5 s for 41,279 events at scale 0.2; and a NULL
    among ``held`` no longer hides every orphan, as it does with ``NOT IN``.
    """
    return value.notnull() & ibis.ifelse(value.isin(held), False, True)


def future(value: TimestampValue, as_of: datetime) -> ibis.ir.BooleanValue:
    """True where ``value`` is after ``as_of`` (UTC): it has not happened yet."""
    naive = as_of.astimezone(UTC).replace(tzinfo=None) if as_of.tzinfo else as_of
    return value > ibis.literal(naive)
