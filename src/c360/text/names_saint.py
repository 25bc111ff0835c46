"""Saint's abbreviations opening a surname ("Anna St. Clair", "ST. JOHN CALLED", "MEETING WITH
ANNA ST. CLAIR"), written with a capital only or in capitals, and "St." closing a street's name
("12 Main St. John called"), where it opens none; nor where a word for a place says "St." opens
a place's name ("Meeting at St. Louis", "St. Louis store").

>>> from c360.text.names_doc import Doc
>>> doc = Doc("Meeting with Anna St. Clair.", "en")
>>> saint_surname(doc, 2), doc.words[saint_surname(doc, 2) or 0]
(3, 'Clair')
"""

import re

from c360.text.names_cues import JOB_TITLE_AFTER, UNIT_AFTER
from c360.text.names_doc import SAINTS, Doc
from c360.text.names_lexicon import AMBIGUOUS, HONORIFICS, NOT_NAMES, WORDLIKE
from c360.text.names_words import is_given

# A number right before a word: a house number, the word opening a street's name ("12 John St.").
_NUMBER_BEFORE = re.compile(r"\d[\w/-]*[ ]$")
# Where a clause opens before a word.
_CLAUSE_OPENS = re.compile(r"(?:^|[.!?…:;,(\[/•*—–-])\s*$")
# A preposition of place or a verb of going somewhere, lower-cased, right before "St." ("at St.
# Louis", "in St. Albans", "visited St. Louis"): a place's name follows.
_PLACE_BEFORE = re.compile(r"(?:^|[\s(,;:])(?:at|in|near|around|visited|visiting|outside)[ ]$")


def saint_surname(doc: Doc, k: int) -> int | None:
    """If word k is "St" or "Ste", in capitals or not, right before ". " and a capitalised word
    that is no function word (`NOT_NAMES`), in the same case: the index of that word, the surname
    "St." opens ("St. Clair", "ST. CLAIR")."""
    after = k + 1
    if after >= len(doc.words) or doc.words[k] not in SAINTS:
        return None
    if doc.spans[after][0] != doc.spans[k][1] + 2 or doc.text[doc.spans[k][1]] != ".":
        return None
    word = doc.words[after]
    if word.isupper() != doc.words[k].isupper() or doc.folded[after] in NOT_NAMES:
        return None
    return after if word.isalpha() else None


def saint_after_name(doc: Doc, k: int, last: int) -> int | None:
    """If the name whose first word is k and last word `last` goes on with "St." and a surname
    (`saint_surname`: "Anna St. Clair"), or ends with "St" before ". " and one ("Ms St. John"),
    the index of that surname; not after a house number,
    where the name is a street's ("12 John St. Mary called")."""
    if _NUMBER_BEFORE.search(doc.before(k)):
        return None
    if doc.words[last] in SAINTS:  # "Ms St. John": the title's name opens with "St."
        return saint_surname(doc, last)
    return saint_surname(doc, last + 1) if doc.adjacent[last] else None


def saint_start(doc: Doc, word: int | None, start: int) -> int | None:
    """Where a name whose word at `start` follows "St." or "ST." starts, if the word `word` right
    before "St." says: at `start` after a street's name (`street_before`: "12 Main St. John"),
    "St." no part of it; at `word` after a known given name (`given_before_saint`: "OLIVIA ST.
    JOHN"). None if neither, or no word is right before "St." ("Met with St. John")."""
    if word is None:
        return None
    if street_before(doc, word):
        return start
    return doc.spans[word][0] if given_before_saint(doc, word) else None


def street_before(doc: Doc, word: int) -> bool:
    """True if word `word`, right before "St." or "ST.", names a street: after a house number
    ("5 John St. Mary called"), or a capitalised word inside a clause that is no function word
    (`NOT_NAMES`: "with", "Meeting"), title ("Ms St. John") or given name ("12 Main St. John
    called", "12 MAIN ST. JOHN CALLED"; not "Met St. John", "with Anna St. Clair")."""
    if _NUMBER_BEFORE.search(doc.before(word)):
        return True
    folded = doc.folded[word]
    if folded in NOT_NAMES or folded in HONORIFICS or _plain_given(folded):
        return False
    return _CLAUSE_OPENS.search(doc.before(word)) is None


def given_before_saint(doc: Doc, word: int) -> bool:
    """True if word `word`, right before "St." or "ST.", is a known given name no word shares
    ("OLIVIA ST. JOHN"): the name's first word."""
    return _plain_given(doc.folded[word]) and not _NUMBER_BEFORE.search(doc.before(word))


def _plain_given(folded: str) -> bool:
    """True if `folded` is a known given name and no word, month or place (`WORDLIKE`,
    `AMBIGUOUS`)."""
    return is_given(folded) and folded not in WORDLIKE and folded not in AMBIGUOUS


def saint_place(doc: Doc, k: int) -> bool:
    """True if word k is "St." or "Ste." opening a place's name, or the word after it: a
    preposition of place or "visited" before "St." (`_PLACE_BEFORE`: "Meeting at St. Louis"), or
    a word for a site or a part of an organisation after the word (`UNIT_AFTER`: "Visited St.
    Louis store", "Call with St. Louis office"), unless that word opens a job title ("St. John
    store manager"). Elsewhere "St." opens a surname ("Call with St. John", "Met St. Clair")."""
    if doc.words[k] in SAINTS:
        saint, name = k, saint_surname(doc, k)
        if name is None:
            return False
    elif k > 0 and saint_surname(doc, k - 1) == k:
        saint, name = k - 1, k
    else:
        return False
    if _PLACE_BEFORE.search(doc.before(saint).lower()):
        return True
    end = doc.spans[name][1]
    return UNIT_AFTER.match(doc.text, end) is not None and not JOB_TITLE_AFTER.match(doc.text, end)
