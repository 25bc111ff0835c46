"""Deduplication of files as users keep them: a crowded blocking key, an e-mail as the only
column, birth dates written month first, local phones without a country, a header with spaces
around a name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest
from splink.internals.exceptions import SplinkException

from c360.identity import blocking
from c360.identity.dedupe import DedupeError, dedupe, predict_or_exact, read_records
from tests.identity.test_dedupe import groups, write

FALLBACK = (
    "); linked exact matches instead: same e-mail or national id, or the same name and phone or "
    "birth date"
)


def test_a_crowded_blocking_key_is_left_out_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shop accounts user1@shop.com, user2@…: their letters ("user") are one key of more
    records than a block may hold, so that rule pairs none of them, and a note says so."""
    monkeypatch.setattr(blocking, "MAX_BLOCK", 5)
    lines = ["id,first,last,mail"]
    lines += [f"{i},{first},Roy,user{i}@shop.com" for i, first in enumerate("ABCDEF")]
    lines += ["7,Gus,Lee,gus.lee@a.com", "8,Gus,Lee,Gus.Lee@A.com"]
    path = write(tmp_path / "shop.csv", "\n".join(lines) + "\n")
    result = dedupe([path], "id", {"first": "first_name", "last": "last_name", "mail": "email"})
    assert groups(result) == {frozenset({"7", "8"})}
    assert (
        "the letters of an e-mail's local part shared by more than 5 records was not used to "
        "pair them ('user', 6 records)"
    ) in result.notes


BASE = (
    "id,email\n1,ann@x.com\n2,Ann@X.com\n3,bob@y.com\n4,carl@z.com\n5,dan@z.com\n6,dan@z.com\n"
    "7,eve@q.com\n8,fay@q.com\n"
)


def test_an_email_as_the_only_column_is_matched_by_the_model(tmp_path: Path) -> None:
    result = dedupe([write(tmp_path / "base.csv", BASE)], "id", {"email": "email"})
    assert result.fallback is None
    assert groups(result) == {frozenset({"1", "2"}), frozenset({"5", "6"})}


def test_no_pair_to_learn_from_is_said_in_plain_words(tmp_path: Path) -> None:
    path = write(tmp_path / "few.csv", "id,email\n1,a@x.com\n2,b@x.com\n3,c@y.com\n4,d@z.com\n")
    result = dedupe([path], "id", {"email": "email"})
    assert result.fallback == (
        "the model could not be trained on 4 records (no two records share an e-mail address, "
        "which the model needs to estimate how many of them are duplicates" + FALLBACK
    )


@pytest.mark.parametrize(
    "error",
    [
        ValueError("math domain error"),
        SplinkException("Error executing the following sql: select 1\nParser Error: at 'as'"),
    ],
)
def test_an_error_of_the_matching_library_is_not_shown(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    """Splink's SQL or arithmetic is nothing a user can act on: the note says what it means."""
    from c360.identity import dedupe as module

    def failing(*_: object) -> None:
        raise error

    monkeypatch.setattr(module, "predict", failing)
    candidates = pa.table({"source": ["a"], "record_id": ["1"], "email": ["a@x.com"]})
    _, why = predict_or_exact(None, candidates)
    assert why == (
        "the model could not be trained on 1 records (too few records, or too few of them "
        "alike, for the model to learn from" + FALLBACK
    )


BORN = {"id": "id", "born": "date_of_birth"}


def _born(path: Path) -> tuple[list[dt.date | None], list[str]]:
    records, _, notes = read_records([path], ["id"], {"born": "date_of_birth", "mail": "email"})
    return records["date_of_birth"].to_pylist(), notes


def test_birth_dates_are_read_month_first_when_the_file_writes_them_so(tmp_path: Path) -> None:
    """12/31/1975 shows the file writes the month first: 01/02/1980 is 2 January."""
    path = write(tmp_path / "us.csv", "id,mail,born\n1,a@x.com,12/31/1975\n2,b@x.com,01/02/1980\n")
    assert _born(path) == ([dt.date(1975, 12, 31), dt.date(1980, 1, 2)], [])


def test_birth_dates_are_read_day_first_unless_the_file_shows_otherwise(tmp_path: Path) -> None:
    text = "id,mail,born\n1,a@x.com,31/12/1975\n2,b@x.com,01/02/1980\n3,c@x.com,19800102\n"
    assert _born(write(tmp_path / "eu.csv", text)) == (
        [dt.date(1975, 12, 31), dt.date(1980, 2, 1), dt.date(1980, 1, 2)],
        [],
    )


def test_birth_dates_that_cannot_be_read_are_counted(tmp_path: Path) -> None:
    text = "id,mail,born\n1,a@x.com,2 Jan 198O\n2,b@x.com,1980-01-02\n3,c@x.com,soon\n4,d@x.com,\n"
    path = write(tmp_path / "odd.csv", text)
    assert _born(path) == (
        [None, dt.date(1980, 1, 2), None, None],
        [
            f"{path}: 2 birth dates in column 'born' could not be read (e.g. '2 Jan 198O'): "
            "matched without them; write dates as 1980-01-31, 31/01/1980, 01/31/1980, 19800131 "
            "or 31 Jan 1980"
        ],
    )


def test_birth_dates_of_month_names_are_read(tmp_path: Path) -> None:
    text = (
        'id,mail,born\n1,a@x.com,2 Jan 1980\n2,b@x.com,02-Jan-1980\n3,c@x.com,"Jan 2, 1980"\n'
        "4,d@x.com,January 2 1980\n5,e@x.com,2 january 1980\n6,f@x.com,13/01/1980\n"
    )
    assert _born(write(tmp_path / "named.csv", text)) == (
        [*[dt.date(1980, 1, 2)] * 5, dt.date(1980, 1, 13)],
        [],
    )


def _phones(path: Path, roles: dict[str, str]) -> tuple[list[str | None], list[str]]:
    records, _, notes = read_records([path], ["id"], roles)
    return records["phone"].to_pylist(), notes


def test_a_number_after_00_is_international_without_a_country(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "id,tel\n1,0033 6 12 34 56 78\n2,+33 6 12 34 56 78\n")
    assert _phones(path, {"tel": "phone"}) == (["+33612345678", "+33612345678"], [])


def test_local_numbers_without_a_country_are_said_with_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "id,tel\n1,06 12 34 56 78\n2,0612345678\n3,n/a\n")
    phones, notes = _phones(path, {"tel": "phone"})
    assert phones == [None, None, None]
    assert notes == [
        f"{path}: 2 phones in column 'tel' have no country code (e.g. 06 12 34 56 78) and no "
        "column gives the records' country: not matched on; map the column of their countries "
        "too (--role <column>=country), or write them with their country code (+33 6…)"
    ]


def test_local_numbers_of_records_without_a_country_are_said(tmp_path: Path) -> None:
    text = "id,tel,land\n1,06 12 34 56 78,FR\n2,0612345678,\n3,0033 6 12 34 56 78,\n"
    path = write(tmp_path / "p.csv", text)
    phones, notes = _phones(path, {"tel": "phone", "land": "country"})
    assert phones == ["+33612345678", None, "+33612345678"]
    assert notes == [
        f"{path}: 1 phone in column 'tel' has no country code (e.g. 0612345678) and their "
        "records have no country: not matched on; fill in their country, or write them with "
        "their country code (+33 6…)"
    ]


def test_a_header_with_spaces_around_a_name_is_found(tmp_path: Path) -> None:
    """Spreadsheets keep spaces around a name (" First Name"): a name given is found exactly,
    else as the one column it is but for case and those spaces."""
    text = " ID , First Name,Last Name ,E-Mail\n1,Ann,Lee,ann@x.com\n2,Ann,Lee,ANN@x.com\n"
    path = write(tmp_path / "sheet.csv", text)
    roles = {" First Name": "first_name", "last name": "last_name", "e-mail": "email"}
    result = dedupe([path], "id", roles)
    assert groups(result) == {frozenset({"1", "2"})}
    assert result.notes == ()


def test_a_name_two_columns_answer_is_not_guessed(tmp_path: Path) -> None:
    path = write(tmp_path / "two.csv", "id,Mail,MAIL \n1,a@x.com,b@x.com\n")
    with pytest.raises(DedupeError) as caught:
        dedupe([path], "id", {"mail": "email"})
    assert str(caught.value) == (
        f"no column 'mail' to map to a role; {path}: 'id', 'Mail', 'MAIL '"
    )


def test_a_missing_column_is_shown_with_its_spaces(tmp_path: Path) -> None:
    path = write(tmp_path / "sheet.csv", "id , First Name\n1,Ann\n")
    with pytest.raises(DedupeError) as caught:
        dedupe([path], "key", {"first name": "first_name", "nom": "last_name"})
    assert str(caught.value) == (f"no column 'nom' to map to a role; {path}: 'id ', ' First Name'")
    with pytest.raises(DedupeError) as caught:
        dedupe([path], "key", {"first name": "full_name"})
    assert str(caught.value) == f"{path}: no id column 'key'; columns: 'id ', ' First Name'"


def test_a_blocking_note_is_kept_when_the_model_cannot_be_trained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocking, "MAX_BLOCK", 5)
    lines = ["id,mail", *(f"{i},user{i}@shop.com" for i in range(6)), "7,ann@x.com"]
    result = dedupe([write(tmp_path / "shop.csv", "\n".join(lines))], "id", {"mail": "email"})
    assert result.fallback is not None and "no two records share an e-mail address" in (
        result.fallback
    )
    assert result.notes == (
        "the letters of an e-mail's local part shared by more than 5 records was not used to "
        "pair them ('user', 6 records)",
    )


def test_exact_matches_leave_out_a_crowded_name_and_birth_date_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Placeholder surnames and birth dates: the model cannot be trained, and the exact rules
    link none of the six records sharing a first name, "name" and a birth date, which would
    make one person of them."""
    monkeypatch.setattr(blocking, "MAX_BLOCK", 5)
    lines = ["id,first,last,born", *(f"{i},Ann,Name{i},1980-01-02" for i in range(6))]
    lines.append("7,Bob,Roy,1970-05-06")
    roles = {"first": "first_name", "last": "last_name", "born": "date_of_birth"}
    result = dedupe([write(tmp_path / "names.csv", "\n".join(lines))], "id", roles)
    assert result.fallback is not None
    assert groups(result) == set()
    assert (
        "a first and last name and birth date shared by more than 5 records was not used to "
        "link them ('ann name 1980-01-02', 6 records)"
    ) in result.notes


def test_names_give_the_prior_when_no_two_records_share_an_email(tmp_path: Path) -> None:
    """No e-mail shared, so the prior is estimated from the records that share a name."""
    text = (
        "id,first,last,mail\n1,Ann,Lee,ann@x.com\n2,Ann,Lee,ann.lee@y.org\n3,Bob,Roy,bob@z.net\n"
        "4,Cleo,Wu,cw@q.com\n5,Dan,Ode,dan@ode.de\n"
    )
    roles = {"first": "first_name", "last": "last_name", "mail": "email"}
    result = dedupe([write(tmp_path / "few.csv", text)], "id", roles)
    assert result.fallback is None


def test_placeholder_surnames_are_said_when_nothing_else_is_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Name1, Name2…: folded to one surname, "name", shared by every record of a first name."""
    monkeypatch.setattr(blocking, "MAX_BLOCK", 5)
    lines = ["id,first,last", *(f"{i},Ann,Name{i}" for i in range(6)), "7,Bob,Roy"]
    roles = {"first": "first_name", "last": "last_name"}
    result = dedupe([write(tmp_path / "names.csv", "\n".join(lines))], "id", roles)
    assert result.fallback == (
        "the model could not be trained on 7 records (no two records share a first and last "
        "name (but for values shared by more than 5 records), which the model needs to "
        "estimate how many of them are duplicates" + FALLBACK
    )
    assert result.notes == (
        "a first and last name shared by more than 5 records was not used to pair them "
        "('ann name', 6 records)",
    )
    assert groups(result) == set()
