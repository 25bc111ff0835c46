"""Names an e-mail address of the text spells: "Deschamps" beside "l.deschamps@...", a word
of a name wherever the text writes it.

>>> spelled_in("deschamps", spellings_of(email_words("Mail l.deschamps@example.com")))
True
"""

import re

from c360.text.names_lexicon import ROLE_MAILBOXES
from c360.text.names_words import fold

_EMAIL_LOCAL = re.compile(r"[\w.+-]+$")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def email_words(text: str) -> list[str]:
    """The words of three letters or more in the local parts of the e-mail addresses of `text`,
    folded, but role mailboxes ("info", "sales")."""
    words = []
    at = text.find("@")
    while at > 0:
        # No local part holds a space: the search (one try per position) starts after the last.
        lo = max(0, at - 64)
        local = _EMAIL_LOCAL.search(text, max(lo, text.rfind(" ", lo, at) + 1), at)
        at = text.find("@", at + 1)
        if local is None:
            continue
        for chunk in _NOT_LETTERS.split(fold(local.group())):
            if len(chunk) >= 3 and chunk not in ROLE_MAILBOXES:
                words.append(chunk)
    return words


Spellings = tuple[frozenset[str], frozenset[str], frozenset[str]]


def spellings_of(email_words: list[str]) -> Spellings:
    """The e-mail words, and what is left of them without one or two letters at either end.

    Sets, so each capitalised word is looked up in constant time: comparing it with every
    e-mail word was quadratic in a long text (a pasted thread has many of both).
    """
    trimmed = [
        frozenset(w for chunk in email_words for w in (chunk[extra:], chunk[:-extra]))
        for extra in (1, 2)
    ]
    return frozenset(email_words), trimmed[0], trimmed[1]


def spelled_in(folded: str, spellings: Spellings) -> bool:
    """True if an e-mail local part spells the word, alone or with an initial ("blefebvre").

    `spellings` is `spellings_of` the text's e-mail words. The local part may have one letter
    more than a word of four letters or more, two more than one of five or more.
    """
    whole, one_more, two_more = spellings
    return (
        folded in whole
        or (len(folded) >= 4 and folded in one_more)
        or (len(folded) >= 5 and folded in two_more)
    )
