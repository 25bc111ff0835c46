"""Passwords kept out of what a load prints, and nothing else hidden with them."""

from __future__ import annotations

import pytest

from c360.serve.postgres_secrets import passwords, redact, scrub


@pytest.mark.parametrize(
    ("url", "shown", "secret"),
    [
        ("postgresql://u:s3cret@db:5432/x", "postgresql://u:***@db:5432/x", "s3cret"),
        ("postgresql://u:5432@db:5432/x", "postgresql://u:***@db:5432/x", "5432"),
        ("postgresql://db:5432/x?password=s3cret", "postgresql://db:5432/x?password=***", "s3cret"),
        ("postgresql://db:5432?password=s3cret", "postgresql://db:5432?password=***", "s3cret"),
        ("postgresql://db:5432?password=s3@cr", "postgresql://db:5432?password=***", "s3@cr"),
        (
            "postgresql://db:5432?sslmode=off&password=s3/cr@et",
            "postgresql://db:5432?sslmode=off&password=***",
            "s3/cr@et",
        ),
        ("postgresql://u:s%203'x@db:5432/x", "postgresql://u:***@db:5432/x", "s%203'x"),
        (
            "host=db port=5432 password=s3cret dbname=x",
            "host=db port=5432 password=*** dbname=x",
            "s3cret",
        ),
        (
            "host=db port=5432 password='s3 \\'cr\\' et' dbname=x",
            "host=db port=5432 password=*** dbname=x",
            "s3 'cr' et",
        ),
        ("host=db password = 's3 cr' port=5432", "host=db password = *** port=5432", "s3 cr"),
    ],
)
def test_exactly_the_password_is_masked(url: str, shown: str, secret: str) -> None:
    assert redact(url) == shown
    assert secret in passwords(url)


@pytest.mark.parametrize(
    "url",
    [
        "host=db port=5432 password=x5432y dbname=x",
        "host=db port=5432 password='x5432y' dbname=x",
        "postgresql://u:x5432y@db:5432/x",
        "postgresql://db:5432/x?password=x5432y",
    ],
)
def test_a_message_keeps_the_port_and_words_that_hold_a_piece_of_the_password(url: str) -> None:
    message = 'connection to server at "db", port 5432 failed: x5432y refused'
    assert scrub(message, url) == 'connection to server at "db", port 5432 failed: *** refused'


def test_an_unquoted_keyword_password_is_not_cut_short() -> None:
    assert passwords("host=db password=s3cret dbname=x") == ["s3cret"]


def test_a_short_password_hides_no_part_of_a_word() -> None:
    url = "postgresql://u:a@db:5432/x"
    said = f"cannot connect to {url}: a login failed for user u"
    assert scrub(said, url) == (
        "cannot connect to postgresql://u:***@db:5432/x: *** login failed for user u"
    )


def test_what_libpq_reads_of_a_query_password_holding_an_at_is_hidden() -> None:
    """libpq reads ``db:5432?password=s3@cr`` as user db, password 5432?password=s3, host cr."""
    url = "postgresql://db:5432?password=s3@cr"
    said = f'cannot connect to {redact(url)}: could not translate host name "cr" to address'
    assert scrub(said, url) == (
        "cannot connect to postgresql://db:5432?password=***: "
        'could not translate host name "***" to address'
    )


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("host=db port=1 dbname=x password=my secret", "host=db port=1 dbname=x password=***"),
        ('host=db password="my secret" dbname=x', "host=db password=*** dbname=x"),
        ("host=db password='my secret dbname=x", "host=db password=***"),  # no closing quote
        ("host=db password=abc\\ def dbname=x", "host=db password=*** dbname=x"),
        ("host=db password='a dbname=b' port=1", "host=db password=*** port=1"),
        ("host=db password=a b=c Host=d", "host=db password=*** Host=d"),
        ("password=s3cret", "password=***"),
        ("host=db sslpassword=s3cret sslkey=k", "host=db sslpassword=*** sslkey=k"),
        ("postgresql://db/x?sslpassword=s3cret", "postgresql://db/x?sslpassword=***"),
    ],
)
def test_a_keyword_password_is_masked_up_to_the_next_keyword(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("DATABASE_URL=postgresql://u:s3cret@db/x", "DATABASE_URL=postgresql://u:***@db/x"),
        (
            "C360_POSTGRES_URL='postgres://u:s3cret@db/x'",
            "C360_POSTGRES_URL='postgres://u:***@db/x'",
        ),
        (" postgresql://u:s3cret@db/x", " postgresql://u:***@db/x"),
        (
            "dbname=postgresql://u:s3cret@db/x?password=s3 port=1",
            "dbname=postgresql://u:***@db/x?password=***",  # the widest reading
        ),
        (
            "host=db password=s3cret dbname=postgres://u:s3cret@db/x",
            "host=db password=*** dbname=postgres://u:***@db/x",
        ),
    ],
)
def test_a_url_anywhere_in_the_string_is_shown_without_its_password(url: str, shown: str) -> None:
    assert redact(url) == shown
    assert "s3cret" in passwords(url)


@pytest.mark.parametrize(
    ("url", "said", "hidden"),
    [
        ("host=db password=my secret", 'missing "=" after "secret" in', 'after "***" in'),
        ('host=db password="my secret" d=x', 'after "secret"" in', 'after "***" in'),
        ("host=db password=x my secret", 'missing "=" after "my" in', 'after "***" in'),
    ],
)
def test_the_pieces_libpq_reads_of_a_keyword_password_are_hidden(
    url: str, said: str, hidden: str
) -> None:
    message = scrub(f"cannot connect to {redact(url)}: {said}", url)
    assert message.startswith(f"cannot connect to {redact(url)}: ")
    assert message.endswith(hidden)


@pytest.mark.parametrize(
    ("url", "shown", "pieces"),
    [
        ("postgresql://u@db/x?password=s3c&ret9xyz", "postgresql://u@db/x?password=***", []),
        ("postgresql://u@db/x?password=s3c&ret=9xyz", "postgresql://u@db/x?password=***", []),
        (
            "postgresql://u@db/x?password=s3c&ret=9xyz&sslmode=off",
            "postgresql://u@db/x?password=***&sslmode=off",
            ["s3c", "ret", "9xyz"],
        ),
        (
            "postgresql://u@db/x?password=s3c&ret&%73slmode=off",
            "postgresql://u@db/x?password=***&%73slmode=off",
            ["s3c", "ret"],
        ),
        (
            "postgresql://u:s3@db/x?password=s3c&ret@ab&port=1",
            "postgresql://u:***@db/x?password=***&port=1",
            ["s3c", "ret@ab", "ab"],
        ),
        ("postgresql://db:5432?password=s3&cr@et", "postgresql://db:5432?password=***", ["et"]),
    ],
)
def test_a_query_password_is_masked_up_to_the_next_keyword(
    url: str, shown: str, pieces: list[str]
) -> None:
    """libpq ends a query parameter at any "&": what follows up to the next keyword may be the
    password's, and libpq echoes it as a parameter of its own."""
    assert redact(url) == shown
    assert set(pieces) <= set(passwords(url))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("host=db passwd=s3cret dbname=x", "host=db passwd=*** dbname=x"),
        ("host=db PassWord = 's3 cr' port=1", "host=db PassWord = *** port=1"),
        ("host=db db_pwd=s3 cret port=1", "host=db db_pwd=*** port=1"),
        ("host=db password=s3cret9 passwd=x", "host=db password=*** passwd=***"),
        ("host=db password=my pass=word", "host=db password=*** pass=***"),
        ("postgresql://u@db/x?pwd=s3cret", "postgresql://u@db/x?pwd=***"),
        ("postgresql://u@db/x?%50asswd=s3cret&port=1", "postgresql://u@db/x?%50asswd=***&port=1"),
        ("postgresql://u@db/x?password=s3&passwd=x", "postgresql://u@db/x?password=***&passwd=***"),
        ("host=db passfile=/p/pass port=1", "host=db passfile=/p/pass port=1"),
        ("postgresql://u@db/x?passfile=/p/pass", "postgresql://u@db/x?passfile=/p/pass"),
    ],
)
def test_the_value_of_an_option_named_like_a_password_is_masked(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("host=db password=s3cret9 passwd=x", 'invalid connection option "passwd"'),
        ("host=db password=my pass=word", 'invalid connection option "pass"'),
        ("postgresql://u@db/x?password=s3cret9&passwd=x", 'invalid URI query parameter: "passwd"'),
        ("host=db passwd=s3cret dbname=x", 'invalid connection option "passwd"'),
    ],
)
def test_an_options_name_is_shown_after_a_password(url: str, said: str) -> None:
    message = f"cannot connect to {redact(url)}: {said}"
    assert scrub(message, url) == message


URL_HINT = (
    "(the parameter after {}=, hidden as it may be part of the password: write a "
    '"&" in a password as %26)'
)
SPACE_HINT = (
    "(the option after {0}=, hidden as it may be part of the password: put a password "
    "holding a space in quotes, {0}='…')"
)
QUOTE_HINT = (
    "(the option after {}=, hidden as it may be part of the password: write a quote inside "
    "a quoted password as \\')"
)


@pytest.mark.parametrize(
    ("url", "said", "shown"),
    [
        (
            "postgresql://u:secret@127.0.0.1:5432/postgres?password=x&bogus=1",
            'invalid URI query parameter: "bogus"',
            'invalid URI query parameter: "***" ' + URL_HINT.format("password"),
        ),
        (
            "postgresql://127.0.0.1/postgres?sslpassword=s3cret&%62ogus=1&sslmode=off",
            'invalid URI query parameter: "bogus"',
            'invalid URI query parameter: "***" ' + URL_HINT.format("sslpassword"),
        ),
        (
            "host=127.0.0.1 password=secret bogus=1",
            'invalid connection option "bogus"',
            'invalid connection option "***" ' + SPACE_HINT.format("password"),
        ),
        (
            "host=127.0.0.1 sslpassword = 'secret' bogus=1 port=5432",
            'invalid connection option "bogus"',
            'invalid connection option "***" ' + QUOTE_HINT.format("sslpassword"),
        ),
    ],
)
def test_an_unknown_option_hidden_with_the_password_is_named_by_its_place(
    url: str, said: str, shown: str
) -> None:
    """An option libpq does not know, written after a password, may be a piece of that password
    (one holding "&", or a space, written as is): it stays hidden, and the message says which
    option it is and how to write such a password."""
    message = scrub(f"cannot connect to {redact(url)}: {said}", url)
    assert message == f"cannot connect to {redact(url)}: {shown}"
    assert scrub(message, url) == message  # scrubbed again on its way up: said once
    assert "secret" not in message and "bogus" not in message


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "postgresql://127.0.0.1/postgres?password=secret&connect_timeout=abc",
            'invalid integer value "abc" for connection option "connect_timeout"',
        ),
        (
            "host=127.0.0.1 password=secret connect_timeout=abc",
            'invalid integer value "abc" for connection option "connect_timeout"',
        ),
        ("postgresql://u:secret@127.0.0.1/x?bogus=1", 'invalid URI query parameter: "bogus"'),
        ("host=127.0.0.1 bogus=1 password=secret", 'invalid connection option "bogus"'),
        ("host=db password=s3cret9 passwd=x", 'invalid connection option "passwd"'),
    ],
)
def test_an_option_outside_a_password_is_shown_as_libpq_names_it(url: str, said: str) -> None:
    message = f"cannot connect to {redact(url)}: {said}"
    assert scrub(message, url) == message
