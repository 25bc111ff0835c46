"""What a user is shown of an exception."""

from __future__ import annotations


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (its type's name when it has none).

    >>> first_line(ValueError("bad row\\n  at line 3")), first_line(KeyError())
    ('bad row', 'KeyError')
    """
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
