"""A name written again in capitals. In mixed case a capital tells a name's word written again
("Mr Mason ... Mason approved"); in capitals none does, so a word of a name the text has
already found is the person's where it is written again after that ("MR MASON ... MASON
APPROVED", "TELEFONAT MIT ENGEL ... ENGEL WILL"), judged as mixed case judges it: not after an
article ("THE KING SIZE BED"), and a surname that is also a word opening a sentence is the word
unless the text calls the person by it alone (`common_word_opening`: "HANNAH PRICE ... PRICE
NEGOTIATION"). Where mixed case would show the word in lower case, nothing tells it from the
name in capitals, so more is asked: a frequent word of the note's language ("I WILL SEND")
needs a verb of what a person does after it; a name that is also a word ("KING", "WEISS",
"JACK") a clause's start, a title, a preposition or a given name before it ("NIEMAND WEISS",
"AUDIO JACK" are the words); and a word no list holds, found after a given name, is not taken
again ("JULIE RENOUVELLE SANS HÉSITER ... RENOUVELLE ET": maybe the verb taken with the name)."""

import re

from c360.text.names_capitals import capitals_title_before
from c360.text.names_capitals_alone import CAPITALS_ARTICLE_BEFORE
from c360.text.names_cues import CLAUSE_START, TITLE_BEFORE, post_cue
from c360.text.names_doc import SENTENCE_START, Doc
from c360.text.names_lexicon import AMBIGUOUS, GIVEN_ALSO_WORDS, MONTH_NAMES, WORDLIKE
from c360.text.names_predicate import person_acts
from c360.text.names_words import (
    NEXT_LOWER,
    NOT_PLAIN,
    VERB_REACH,
    is_given,
    known_name,
    surname_shaped,
)

# Names that are also words, which a capital alone tells apart in mixed case ("King", "king").
_ALSO_WORDS = AMBIGUOUS | WORDLIKE | GIVEN_ALSO_WORDS | MONTH_NAMES
_NEXT_LETTER = re.compile(r"[ ]([^\W\d_])")  # the next word's first letter
# A preposition a person's name follows, in capitals, right before a word ("ACCORDING TO ",
# "PER ", "MIT ", "AVEC ", "CON ").
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:TO|PER|WITH|FROM|BY|FOR|AT|OF|MIT|VON|BEI|FÜR|AVEC|DE|PAR|POUR|À|CHEZ"
    r"|CON|POR|PARA|SEGÚN)[ ]$"
)


def mentioned_again(doc: Doc, k: int, first: int) -> bool:
    """True if word k, written in capitals and no name by itself (not `Doc.plain`), comes after
    word `first`, where the text first named someone with the same word, and is that name again
    (see the module's docstring): no function word or acronym (`NOT_PLAIN`), not after an
    article, nor one of the words mixed case would write in lower case."""
    if k <= first or not doc.words[k].isupper():
        return False
    folded, before = doc.folded[k], doc.before(k)
    if folded in NOT_PLAIN or CAPITALS_ARTICLE_BEFORE.search(before):
        return False
    if not (known_name(folded) or surname_shaped(doc.words[k])) and _after_given(doc, first):
        return False  # "JULIE RENOUVELLE SANS HÉSITER ... RENOUVELLE ET PARLE"
    if folded in _ALSO_WORDS and not (
        CLAUSE_START.search(before)
        or _PREPOSITION_BEFORE.search(before)
        or TITLE_BEFORE.search(before)
        or capitals_title_before(before)
        or _after_given(doc, k)
    ):
        return False  # "NIEMAND WEISS", "AUDIO JACK"; not "CC TOM PRICE"
    return not doc.common_word(folded) or _acts(doc, k)


def _after_given(doc: Doc, k: int) -> bool:
    """True if word k follows a given name, with one space or particles between them."""
    return k > 0 and doc.adjacent[k - 1] and is_given(doc.folded[k - 1])


def common_word_opening(doc: Doc, k: int, capitals: bool = False) -> bool:
    """True if word k, a surname that is also a common word and no given name (`AMBIGUOUS`:
    "Price", "BRAUN"), opens a sentence before a lower-case word with no contact verb ("Price
    negotiation", "Petit mail"), or, in ``capitals``, before another word in capitals ("PRICE
    NEGOTIATION"): the capital is the sentence's, so a mention in a longer name or after a title
    ("Hannah Price", "Ms Price") is no support; one of the bare word ("call to Price") is, as the
    text calls the person so."""
    folded = doc.folded[k]
    if folded not in AMBIGUOUS or is_given(folded):
        return False
    end = doc.spans[k][1]
    following = (NEXT_LOWER if capitals else _NEXT_LETTER).match(doc.text, end)
    return (
        following is not None
        and (following.group(1).isupper() if capitals else following.group(1).islower())
        and SENTENCE_START.search(doc.before(k)) is not None
        and not post_cue(doc.text, end)
    )


def _acts(doc: Doc, k: int) -> bool:
    """True if a contact verb, or a verb of what a person does, says or wants, follows word k in
    capitals ("WILL CALLED", "WILL WANTS")."""
    end = doc.spans[k][1]
    return post_cue(doc.text, end) or person_acts(doc.text[end : end + VERB_REACH].lower(), 0)


def again_start(doc: Doc, k: int, first: int) -> int:
    """Where a name written again at word k, in capitals, starts: with the particles in capitals
    before it that stood before word `first`, where the name was found ("FRAU ZUR MÜHLEN ... FRAU
    ZUR MÜHLEN"), and no other ("GROSSES DANKESCHÖN VON KAI": "VON" is a preposition there)."""
    start = doc.spans[k][0]
    j, i = k - 1, first - 1
    while j >= 0 and i >= 0 and doc.adjacent[j] and doc.adjacent[i]:
        if not doc.capitals_particle(j) or doc.folded[i] != doc.folded[j]:
            break
        start = doc.spans[j][0]
        j, i = j - 1, i - 1
    return start
