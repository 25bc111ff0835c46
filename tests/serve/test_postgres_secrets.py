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
