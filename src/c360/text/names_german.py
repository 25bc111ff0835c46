"""German nouns for a firm, an office, a part of one or a service, which a German contact phrase
takes as it takes a person ("MIT ANWALTS KANZLEI GESPROCHEN", "mit Deutsche Bahn telefoniert"),
declined ("ANWALTS", "KOLLEGEN") or compounded as German writes them ("ANWALTSKANZLEI",
"STEUERBÜRO", "Kundenservice"): no names. And German nouns for a person's profession, which
German writes before a surname as a title ("mit Rechtsanwalt Schmidt telefoniert").

>>> german_firm_word("anwalts"), german_firm_word("steuerburo"), german_firm_word("okonkwo")
(True, True, False)
>>> profession_before("mit rechtsanwältin "), profession_before("mit ")
(True, False)
>>> talked_after("mit Notar Okonkwo kurz telefoniert", 17), talked_after("Termin vereinbart", 6)
(True, False)
"""

import re

from c360.text.names_cues import TALKED_AFTER
from c360.text.names_lexicon import SURNAMES
from c360.text.names_words import word_set

# Nouns for a firm or an office, and the words of the firms every German note names ("Deutsche
# Bahn", "Deutsche Post"), as `fold` writes them.
_FIRM_WORDS = word_set(
    """
    kanzlei buro abteilung verwaltung beratung beratungsstelle dienststelle geschaftsstelle
    poststelle leitstelle bahn deutsche
    """
)
# Words that end a compound for a firm, an office, a service or a role ("Rechtsanwalt",
# "Anwaltskanzlei", "Steuerbüro", "Kundenservice", "Personalabteilung"), with three letters or
# more before them.
_HEADS = (
    "anwalt", "anwaltin", "kanzlei", "buro", "abteilung", "verwaltung", "beratung", "berater",
    "beraterin", "dienst", "service", "stelle", "zentrale", "leitung", "versicherung", "kasse",
    "praxis", "agentur", "firma",
)  # fmt: skip
_MIN_LEAD = 3


def german_firm_word(folded: str) -> bool:
    """True if `folded` is a German noun for a firm, an office, a part of one or a service
    (`_FIRM_WORDS`, `_HEADS`), maybe declined ("-s", "-es", "-n", "-en"), or a compound one of
    `_HEADS` ends; not a known surname."""
    if folded in SURNAMES:
        return False
    forms = {folded, folded.removesuffix("s"), folded.removesuffix("es")}
    forms |= {folded.removesuffix("n"), folded.removesuffix("en")}
    if not forms.isdisjoint(_FIRM_WORDS) or not forms.isdisjoint(_HEADS):
        return True  # "KANZLEI", "ANWALTS"
    return any(
        form.endswith(head) and len(form) - len(head) >= _MIN_LEAD
        for form in forms
        for head in _HEADS
    )


# A German noun for a person's profession or role, which German writes before the surname as a
# title ("Rechtsanwalt Schmidt", "Steuerberaterin Koch", "Notar Weber", "Kollegin Schmidt"),
# compounded ("Fachanwältin", "Wirtschaftsprüfer", "Kundenbetreuer"), ending the lower-cased
# text before a word.
_PROFESSION_BEFORE = re.compile(
    r"(?:^|[\s(,;:/])(?:\w*anw(?:a|ä|ae)lt(?:in)?|\w*berater(?:in)?|notar(?:in)?"
    r"|\w*pr(?:ü|ue)fer(?:in)?|\w*betreuer(?:in)?|sachbearbeiter(?:in)?|kolleg(?:e|in))[ ]$"
)


def profession_before(before: str) -> bool:
    """True if `before`, lower-cased, ends with a German noun for a person's profession and a
    space ("mit rechtsanwalt "): a surname after it is the person's, as after a title."""
    return _PROFESSION_BEFORE.search(before) is not None


# Of the verbs `TALKED_AFTER` knows, those of talking and writing: after a word, not one of
# agreeing, which takes things as often ("mit Berater Termin vereinbart").
TALKING_VERBS = word_set("telefoniert gesprochen geredet gechattet geschrieben")


def talked_after(text: str, end: int) -> bool:
    """True if a German verb of talking or writing (`TALKING_VERBS`) starts at `end` after a
    space, maybe after an adverb (`TALKED_AFTER`: " telefoniert", " kurz gesprochen")."""
    verb = TALKED_AFTER.match(text, end)
    return verb is not None and verb.group().rsplit(" ", 1)[-1].lower() in TALKING_VERBS
