"""What a CSV field looks like, to tell a header from a record: a value of a kind (an e-mail
address, a date, a number, a boolean), a value the contract allows or describes, or text; and
whether two lines hold fields of the same kinds in the same places."""

from __future__ import annotations

import functools
import itertools
import re

from c360.contracts.model import Table

# Kinds of value no header names a column by: an e-mail address, a date, a number, a boolean.
KINDS = {
    "e-mail": re.compile(r"[^@\s]+@[^@\s]+\.\w+"),
    "date": re.compile(r"\d{4}-\d\d-\d\d(?:[ T][\d:.]+)?|\d\d?[./-]\d\d?[./-]\d{2,4}"),
    "integer": re.compile(r"[-+]?\d+"),
    "decimal": re.compile(r"[-+]?\d+[.,]\d+"),
    "boolean": re.compile(r"true|false", re.IGNORECASE),
}
# The kinds in one pattern, tried in their order (a group a kind).
_KIND_NAMES = {f"k{i}": kind for i, kind in enumerate(KINDS)}
_ANY_KIND = re.compile(
    "|".join(
        f"(?P<k{i}>(?{'i' if looks.flags & re.IGNORECASE else ''}:{looks.pattern}))"
        for i, looks in enumerate(KINDS.values())
    )
)
# Kinds of value no header holds beside names of columns (a wide table's are days or numbers).
NEVER_NAMES = ("e-mail", "boolean")
# What a contract says its values are: those it allows, in one case, and a pattern they match.
Described = tuple[frozenset[str], re.Pattern[str]]
_YEAR = re.compile(r"(?:19|20)\d\d")
_NO_PATTERN = re.compile(r"(?!)")  # matches nothing


@functools.cache
def contract_values(contract: Table) -> Described:
    """The values the contract allows in its columns, in one case, and a pattern matching
    those its columns' patterns do (``AUD_\\d{4,}``)."""
    allowed = frozenset(v.casefold() for column in contract.columns for v in column.allowed or ())
    patterns = [f"(?:{column.pattern})" for column in contract.columns if column.pattern]
    return allowed, re.compile("|".join(patterns)) if patterns else _NO_PATTERN


def is_known(field: str, described: Described) -> bool:
    """Whether a field is a value the contract allows or describes (``contract_values``).

    >>> from c360.contracts.model import Column
    >>> columns = (Column("id", "string", pattern=r"AUD_\\d{4,}"),
    ...            Column("state", "string", allowed=("on",)), Column("n", "string", pattern="N"))
    >>> described = contract_values(Table("a", "x", "", columns))
    >>> [is_known(f, described) for f in ["AUD_0002", " ON", "id", "AUD_2", "N", "AUD_0002N"]]
    [True, True, False, False, True, False]
    """
    allowed, pattern = described
    field = field.strip()
    return field.casefold() in allowed or pattern.fullmatch(field) is not None


def kind_of(field: str) -> str:
    """What a field looks like: blank (``""``), a value of one of ``KINDS``, or text.

    >>> [kind_of(f) for f in ["", "a@x.com", "2024-06-01", "-5", "2,5", "TRUE", "P1", "Nr"]]
    ['', 'e-mail', 'date', 'integer', 'decimal', 'boolean', 'text', 'text']
    """
    field = field.strip()
    if not field:
        return ""
    looks = _ANY_KIND.fullmatch(field)
    return "text" if looks is None else _KIND_NAMES[looks.lastgroup or ""]


def lined_up(line: list[str], record: list[str]) -> bool:
    """Whether ``record`` has as many fields as ``line``, of the same kinds in the same places
    (``same_kind``), a whole number standing for a decimal one (an amount, ``1370`` over
    ``22.46``) in no more places than values match exactly (a header's numbers, months over
    shares, stand over values of no kind of theirs).

    >>> lined_up(["C3", "5", ""], ["C4", "", "2024-01-01"]), lined_up(["2024-06-01"], ["5"])
    (True, False)
    >>> lined_up(["P1", "1370", "2024-06-01"], ["P2", "22.46", "2024-06-02"])
    True
    >>> lined_up(["Cohort", "1", "2"], ["2024-01", "0.85", "0.7"])
    False
    """
    if len(line) != len(record):
        return False
    whole = exact = 0
    for a, b in zip(line, record, strict=True):
        kind = kind_of(a)
        if kind == kind_of(b):
            exact += kind not in ("", "text")
        elif {kind, kind_of(b)} == {"integer", "decimal"} and "0" not in (a.strip(), b.strip()):
            whole += 1
        elif not same_kind(a, b):
            return False
    return whole <= exact


def same_kind(a: str, b: str) -> bool:
    """Whether two fields are of one kind: a blank one is of any, ``0`` a decimal's (an
    amount of none), text holding a digit an integer's (a phone or a postcode written with
    spaces or letters, ``637 65 18 03`` and ``0633504543``).

    >>> same_kind("0", "22.46"), same_kind("", "a@x.com"), same_kind("AB10 1AF", "46002")
    (True, True, True)
    >>> same_kind("12", "0.85"), same_kind("stock", "5"), same_kind("2024-06-01", "5")
    (False, False, False)
    """
    kinds = {kind_of(a): a.strip(), kind_of(b): b.strip()}
    if len(kinds) == 1 or "" in kinds:
        return True
    if kinds.keys() == {"integer", "decimal"}:
        return kinds["integer"] == "0"
    return kinds.keys() == {"integer", "text"} and any(c.isdigit() for c in kinds["text"])


def year_names(line: list[str], after: list[str]) -> set[int]:
    """Where ``line`` holds consecutive years side by side (``2023,2024``: a wide table's
    column names), but for those over a year in the next record ``after`` (a first and a last
    year, records both).

    >>> sorted(year_names(["P1", "2023", "2024", "2025", "5"], ["P2", "7", "2021", "", "6"]))
    [1, 3]
    >>> year_names(["P1", "2023", "5"], ["P2", "7", "8"]), year_names(["1999", "2001"], [])
    (set(), set())
    """
    years = [int(f) if _YEAR.fullmatch(f.strip()) else None for f in line]
    side_by_side = {
        i + d
        for i, (a, b) in enumerate(itertools.pairwise(years))
        if a is not None and b is not None and abs(a - b) == 1
        for d in (0, 1)
    }
    below = [f.strip() for f in after] + [""] * len(line)
    return {i for i in side_by_side if not _YEAR.fullmatch(below[i])}
