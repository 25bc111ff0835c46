"""Nicknames, misspelt names, typos and swapped birth dates read against the customer's other
records."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from c360.identity.profile_typos import (
    misspellings_of_held,
    nicknames_of_spelled,
    outvoted_date_swaps,
    outvoted_typos,
)


def names_of(rows: list[tuple[str, str | None]]) -> pa.Table:
    """(customer, first name key) per record."""
    return pa.table({
        "customer360_id": [c for c, _ in rows],
        "first_name_key": pa.array([k for _, k in rows], pa.string()),
    })  # fmt: skip


def test_nicknames_of_a_name_the_customer_spells_out_are_marked() -> None:
    rows = [
        ("c1", "will"), ("c1", "guillaume"), ("c1", None), ("c1", "bill"),  # Bill: William's
        ("c2", "steph"), ("c2", "stephanie"), ("c2", "steph"),
        ("c3", "bob"), ("c4", "robert"),  # Robert is another customer's
        ("c5", "klaus"), ("c5", "nikolaus"), ("c5", "nikolaus"),
    ]  # fmt: skip
    assert nicknames_of_spelled(names_of(rows)).tolist() == [
        True, False, False, False,
        True, False, True,
        False, False,
        True, False, False,
    ]  # fmt: skip


def test_misspellings_of_a_listed_name_the_customer_holds_are_marked() -> None:
    rows = [
        ("c1", "melussa"), ("c1", "melissa"), ("c1", None), ("c1", "mel"), ("c1", "melussa"),
        ("c2", "samyel"), ("c3", "samuel"),  # Samuel is another customer's
        ("c4", "leena"), ("c4", "lena"),  # two listed names
        ("c5", "kvin"), ("c5", "kvinn"),  # neither listed
        ("c6", "jean oierre"), ("c6", "jean pierre"), ("c6", "jp"),
        ("c7", "josse"), ("c7", "jesse"), ("c7", "jose"),  # a typo of either: both held
        ("c8", "abbby"), ("c8", "abigail"), ("c8", "rsi"), ("c8", "tm"),  # Abby's; Resi no one's
    ]  # fmt: skip
    assert misspellings_of_held(names_of(rows)).tolist() == [
        True, False, False, False, True,
        False, False,
        False, False,
        False, False,
        True, False, False,
        True, False, False,
        True, False, False, False,
    ]  # fmt: skip


def last_names_of(rows: list[tuple[str, str | None]]) -> pa.Table:
    """(customer, last name key) per record."""
    return pa.table({
        "customer360_id": [c for c, _ in rows],
        "last_name_key": pa.array([k for _, k in rows], pa.string()),
    })  # fmt: skip


def test_typos_of_a_name_more_of_the_customers_records_hold_are_marked() -> None:
    rows = [
        ("c1", "leburn"), ("c1", "lebrun"), ("c1", None), ("c1", "lebrun"),
        ("c2", "leburn"), ("c2", "lebrun"),  # one against one: a tie
        ("c3", "banco"), ("c3", "blanco"), ("c3", "blanco"), ("c3", "blanco"), ("c3", "banco"),
        ("c4", "moore"), ("c4", "ward"), ("c4", "ward"),  # no typo of each other
        ("c5", "brooks"), ("c6", "brrooks"), ("c6", "brooks"),  # c5's record no vote here
    ]  # fmt: skip
    assert outvoted_typos(last_names_of(rows), "last_name").tolist() == [
        True, False, False, False,
        False, False,
        True, False, False, False, True,
        False, False, False,
        False, False, False,
    ]  # fmt: skip
    # Only the records asked about vote: a name left out (initials, say) outvotes none.
    voting = np.array([True, False, True, True] + [True] * 13)
    assert not outvoted_typos(last_names_of(rows), "last_name", voting)[0]


def test_birth_dates_outvoted_by_their_day_and_month_swap_are_marked() -> None:
    rows = [
        ("c1", "1985-03-07"), ("c1", "1985-07-03"), ("c1", "1985-03-07"), ("c1", None),
        ("c2", "1985-07-03"), ("c2", "1985-03-07"),  # one against one: a tie
        ("c3", "1985-07-03"),  # c1's majority is no vote here
        ("c4", "1990-02-01"), ("c4", "1990-02-01"), ("c4", "1990-01-20"),  # no swap
        ("c5", "1991-05-05"), ("c5", "1991-05-05"), ("c5", "1992-05-05"),  # a year apart
    ]  # fmt: skip
    values = pa.table({
        "customer360_id": [c for c, _ in rows],
        "date_of_birth": pa.array([d for _, d in rows], pa.string()),
    })  # fmt: skip
    assert outvoted_date_swaps(values).tolist() == [
        False, True, False, False,
        False, False,
        False,
        False, False, False,
        False, False, False,
    ]  # fmt: skip
