"""A given name that is also a word ("Hope", "Grace", "Summer", "German") where a sentence, a
clause or a label opens with it, or after a capitalised word no list holds: the word, unless
what follows it says a person is meant.

>>> from c360.text.names_doc import Doc
>>> doc = Doc("Sadly, Summer sale is here. Thanks, Grace!", "en")
>>> opens_as_word(doc, 1, "sadly, "), opens_as_word(doc, 3, "thanks, ")
(True, False)
"""

import re

from c360.text import names_cues as cues
from c360.text.names_doc import SENTENCE_START, Doc
from c360.text.names_edition import GIVEN_EDITIONS, edition_word_use
from c360.text.names_lexicon import GIVEN_ALSO_WORDS, HEADING_NOUNS, PRODUCT_NOUNS, WORDLIKE
from c360.text.names_predicate import person_acts, person_predicate, persons_act
from c360.text.names_words import fold, is_given, word_set

NEXT_WORD = re.compile(r"[ ]([^\W\d_]+)(?![\w'’-])")
# Given names that are also words English capitalises anywhere ("German line", "Christian
# values"): at a sentence start they need the support `WORDLIKE` names need.
_CAPITALISED_WORDS = frozenset({"german", "norman", "christian"})
# Those and "Max" (`names_edition`): at a sentence start they need the support `WORDLIKE` names
# need.
_WORD_OPENERS = _CAPITALISED_WORDS | GIVEN_EDITIONS
# Of those and `WORDLIKE`, the English words, which English headings and title case capitalise
# ("Summer", "Grace Period"): opening a clause they need the support they need opening a
# sentence ("Sadly, Summer is here"). The others, capitalised inside a sentence, are names
# ("Por cierto, Pilar envió el contrato").
_ENGLISH_WORDS = _CAPITALISED_WORDS | word_set(
    "will bill mark frank grant hope faith joy grace rose ruby amber summer dawn guy art pat max"
)
# Languages whose notes capitalise those words as English does (none given: maybe English).
_ENGLISH = frozenset({"en", ""})
# After a clause's first word, what makes a given name that is also a word the word: a
# preposition or an infinitive's "to" ("..., Hope to close", "..., Grace for the fee"), where a
# name would take a verb ("..., Rosa firma", "..., Mark was relieved").
_WORD_USE_AFTER = re.compile(r"[ ](?:to|of|for|pour|para|por|zu|für)[ ]")
_CLAUSE_START = re.compile(r"[,;]\s*$")
# "and" between two names, in a note's languages: "Max and Anna", "Max & Anna", "Max und Anna";
# in capitals a word of its own ("MAX AND ANNA").
_AND_AFTER = re.compile(r"[ ](?:and|&|et|und|y)[ ]", re.IGNORECASE)
_AND_WORDS = word_set("and et und")
# "to" and a verb after a sentence's first word: a to-do note's person ("Mark to send the
# invoice", "Hope to confirm the order"), where the word would seldom stand so. Not "to" and a
# determiner or pronoun ("Rose to the occasion").
_TO_DO_AFTER = re.compile(
    r"[ ]to[ ](?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those|him|them|me|us"
    r"|you|it|all|each|every|some|any|no)\b)(?!(?:hear|see|meet|speak|talk|work)[ ](?:from|with)?"
    r"[ ]?(?:you|u)\b)[a-z]+\b"
)  # not a letter's close: "Hope to hear from you", "Hope to see you soon"
# Common nouns after a word-like given name that make it a heading's word after a capitalised
# label ("Update: Grace period ends", "FYI: Summer collection is out").
_HEADING_OR_PRODUCT = HEADING_NOUNS | PRODUCT_NOUNS


def opens_as_word(doc: Doc, k: int, before: str) -> bool:
    """True if word k, a given name that is also a word ("Claire", "Will", "German"), opens a
    sentence where it may be the word: not before an object pronoun, a verb ("Claire nous a
    écrit"), a word for how a person feels ("Hope is unhappy"), an auxiliary and what a person
    has done or where a person is (`person_predicate`: "Grace has left", "Hope is on leave"),
    "to" and a verb ("Mark to send the invoice") or "and" and a given name a verb follows ("Max
    and Anna called": `_joined_to_acting_name`). So does one opening a clause before a
    preposition or "to" ("..., Hope to close"), or an English word opening a clause before a
    heading's or a product's noun ("Thanks, Grace period ends"). "Max" is the word before a
    number or after an article anywhere ("Discount: Max 10%", "the Max version"; see
    `names_edition`). `before`: `doc.before(k)`, lower-cased.
    """
    folded = doc.folded[k]
    if folded not in WORDLIKE and folded not in _WORD_OPENERS:
        return False
    end = doc.spans[k][1]
    if edition_word_use(doc.text, folded, before, end):
        return True  # "Discount: Max 10%", "Max. 3 per order", "the Max version"
    if SENTENCE_START.search(before) is None and not _after_label(doc, k):
        if _CLAUSE_START.search(before) is None:
            return False
        if _WORD_USE_AFTER.match(doc.text, end):
            return True
        # An English word before a heading's or a product's noun ("Thanks, Grace period ends",
        # "FYI, Summer collection is out"); anything else after a comma may be the person
        # ("Hi team, Grace left a voicemail"): a name, as privacy would have it.
        english = folded in _ENGLISH_WORDS and doc.language in _ENGLISH
        following = NEXT_WORD.match(doc.text, end)
        noun = fold(following.group(1)) if following else ""
        return english and not {noun, noun.removesuffix("s")}.isdisjoint(_HEADING_OR_PRODUCT)
    return not (
        cues.SUBJECT_VERB.match(doc.text, end)
        or cues.FEELING_AFTER.match(doc.text, end)
        or person_predicate(doc.text, end)
        or _TO_DO_AFTER.match(doc.text, end)
        or _joined_to_acting_name(doc, k)
    )


def _joined_to_acting_name(doc: Doc, k: int) -> bool:
    """True if "and" ("&", "et", "und", "y") joins word k to a known given name, and a contact
    verb or a verb of what a person does follows that name or its run ("Max and Anna called",
    "Grace and Anna Berger called back"), in the plural too (`persons_act`: "Max und Anna haben
    angerufen", "Max et Anna ont appelé"), in capitals as in mixed case ("MAX AND ANNA CALLED"):
    the two act, so both are persons."""
    end = doc.spans[k][1]
    joined = _AND_AFTER.match(doc.text, end)
    if joined is None:
        return False
    other = k + 1
    if other < len(doc.words) and doc.spans[other][1] + 1 == joined.end():
        if doc.folded[other] not in _AND_WORDS:
            return False
        other += 1  # "MAX AND ANNA": "AND" is a capitalised word too
    if other == len(doc.words) or doc.spans[other][0] != joined.end():
        return False
    if not (doc.plain(other) and is_given(doc.folded[other])):
        return False
    after = doc.spans[_name_end(doc, other)][1]
    return (
        cues.post_cue(doc.text, after)
        or person_acts(doc.text, after)
        or persons_act(doc.text, after)
    )


def _name_end(doc: Doc, k: int) -> int:
    """The last word of the name word k opens: its capitalised run (`Doc.run_end`); in capitals,
    where the run may go on with the sentence's words ("ANNA BERGER CALLED BACK"), the words
    after it that may be a name's (`Doc.plain`)."""
    if not doc.words[k].isupper():
        return doc.run_end(k)
    last = k
    while last + 1 < len(doc.words) and doc.tight_pair(last) and doc.plain(last + 1):
        last += 1
    return last


def _after_label(doc: Doc, k: int) -> bool:
    """True if word k follows a label opening its sentence: a word in capitals, or one of
    `STATUS_LABELS` before a common noun after word k, and a comma or a colon ("NOTE, Grace
    period ends", "SALE: Summer collection", "Update: Grace period ends"; not "Update: Hope to
    close", which may name a person), the word k opening the sentence so."""
    label = cues.LABEL_BEFORE.search(doc.before(k))
    if label is None:
        return False
    word = label.group("label")
    if word.isupper():
        return True
    if fold(word) not in cues.STATUS_LABELS:
        return False
    following = NEXT_WORD.match(doc.text, doc.spans[k][1])
    noun = fold(following.group(1)) if following else ""
    return not {noun, noun.removesuffix("s")}.isdisjoint(_HEADING_OR_PRODUCT)


def after_thing_word(doc: Doc, k: int) -> bool:
    """True if word k, a given name that is also a word ("Jack", "Grace"), comes right after a
    capitalised word no list holds inside a sentence ("The Audio Jack is loose", "the broken
    Audio Jack"): the pair names a thing, not a person written surname first."""
    folded = doc.folded[k]
    if folded not in GIVEN_ALSO_WORDS and folded not in WORDLIKE:
        return False
    previous = k - 1
    if previous < 0 or not doc.adjacent[previous] or not doc.tight(previous, k):
        return False
    if doc.words[previous].isupper() or not doc.unknown(previous):
        return False
    return SENTENCE_START.search(doc.before(previous)) is None
