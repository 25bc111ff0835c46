"""A given name that is also a product's edition ("Max": "Voltaro Laptop Stand Max", "iPhone Pro
Max") and an abbreviation ("Max discount", "max. 3 per order").

Written after a capitalised word of a product's name it is the edition, and the run a product;
opening its run, or after a function word, a greeting or a verb of contact ("Spoke with Max",
"HANNAH AND MAX CALLED", "Met Max"), it is a person's name, judged as a given name that is also
a word is (`names_wordlike`): at a sentence start it needs a verb ("Max asked for a discount",
not "Max discount I'm allowed to give"), before a number it is the abbreviation ("Discount: Max
10%") and after an article the edition ("the Max version").

>>> from c360.text.names_words import Words
>>> words = Words("Spoke with Max about the Router Max.", "en")
>>> [given_edition_name(words, k) for k in (1, 3)]
[True, False]
"""

import re

from c360.text.names_cues import CONTACT_VERB_BEFORE
from c360.text.names_lexicon import NOT_NAMES
from c360.text.names_words import Words, is_given, known_surname, word_set

# Given names that are also words for a product's edition (see `names_lexicon.ORG_WORDS`).
GIVEN_EDITIONS = word_set("max")
# A number after the word, maybe after a full stop or a colon: the abbreviation ("Max 10%",
# "Max. 3 per order", "max: 20").
_NUMBER_AFTER = re.compile(r"\.?:?[ ]?\d")
# An article before the word: the edition or the setting ("the Max version", "set to the Max");
# a setting or a limit: set or turned to it, at it, after a colon ("Speed set to Max", "is at
# Max", "Order limit: Max").
_ARTICLE_BEFORE = re.compile(
    r"(?:(?:^|\s)(?:the|a|an|le|la|el|der|die|das|den|dem)"
    r"|\b(?:set|turned|switched|put|is|was|are|were|stays?|left)(?:[ ]it)?[ ](?:to|at|on)"
    r"|:)[ ]$",
    re.I,
)


def given_edition_name(words: Words, k: int) -> bool:
    """True if word k is a given name that is also an edition's word (`GIVEN_EDITIONS`) and no
    capitalised word of a product's name stands right before it: none does, or a function word
    or a greeting (`NOT_NAMES`: "HANNAH AND MAX", "Hi Max"), a known name ("Weber Max") or a
    verb of contact opening the sentence ("Met Max") does."""
    if words.folded[k] not in GIVEN_EDITIONS:
        return False
    previous = k - 1
    if previous < 0 or not words.adjacent[previous] or not words.tight_pair(previous):
        return True
    folded = words.folded[previous]
    if folded in NOT_NAMES or is_given(folded) or known_surname(folded):
        return True
    return CONTACT_VERB_BEFORE.search(words.before(k).lower()) is not None


def edition_word_use(text: str, folded: str, before: str, end: int) -> bool:
    """True if `folded`, a given name that is also an edition's word, ending at `end` after
    `before`, is the word: before a number, the abbreviation of "maximum" ("Max 10%", "Max. 3
    per order"), or after an article ("the Max version")."""
    if folded not in GIVEN_EDITIONS:
        return False
    return _NUMBER_AFTER.match(text, end) is not None or _ARTICLE_BEFORE.search(before) is not None
