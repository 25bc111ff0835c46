"""Known given names declined in the cases of Slavic languages: "Piotrem", "Anny", "Иваном".

Polish, Czech, Slovak, the South Slavic languages and Russian and Ukrainian write a name in
the case its place in the sentence asks for: "z Piotrem" (with Piotr), "od Anny" (from Anna),
"s Ivanom" (with Ivan), "k Petrovi" (to Petr), "с Иваном" (with Ivan). A word is taken for
such a form when taking one case ending off it leaves a known given name, as it is or with the
nominative's ending put back ("Anny" → "Ann" + "a", "Сергея" → "Серге" + "й"), or with the
"e" the other cases drop ("Pawłem" → "Paweł", "Pavlovi" → "Pavel"). Words are folded first
(`names_doc.fold`): "Anną" is "anna", "Janě" is "jane". Names that are also places or words
(`AMBIGUOUS`, `WORDLIKE`) are not looked for: "do Jordanu" is a trip.

>>> declined_given("piotrem"), declined_given("ivanom"), declined_given("pawlem")
(True, True, True)
>>> declined_given("warszawy")
False
"""

from functools import lru_cache

from c360.text.names_lexicon import AMBIGUOUS, FIRST_NAMES, WORDLIKE

# For each ending a given name's nominative may have, the endings of its other cases, as `fold`
# writes them. A nominative ending in a consonant ("") is Piotr, Jan, Ivan, Иван.
_LATIN: dict[str, tuple[str, ...]] = {
    # Piotra, Piotru, Piotrowi, Janovi, Piotrem, Markiem, Ivanom, Janie, Ivane
    "": ("owi", "ovi", "iem", "em", "om", "ie", "a", "e", "u"),
    # Anna, Jana, Ivana, Zofia: Anny, Zofii, Annie, Janě, Annę, Anną, Janou, Ivanom, Ivanu, Ivano
    "a": ("ou", "om", "ie", "a", "e", "i", "o", "u", "y"),
    # Marko, Darko: Marka, Marku, Markom
    "o": ("om", "em", "a", "u"),
}
_CYRILLIC: dict[str, tuple[str, ...]] = {
    # Иван: Ивана, Ивану, Иваном, Иване
    "": ("ом", "а", "у", "е"),
    # Анна: Анны, Анне, Анну, Анной, Анною
    "а": ("ою", "ои", "ы", "и", "е", "у"),
    # Мария: Марии, Марию, Марией, Мариею
    "я": ("ею", "еи", "и", "ю", "е"),
    # Сергей ("й" folds to "и"), Игорь: Сергея, Сергею, Сергеем, Игоря, Игорем
    "и": ("ем", "я", "ю", "е"),
    "ь": ("ем", "я", "ю", "е"),
}
_VOWELS = frozenset("aeiouyаеиоуыэюяіь")
_MIN_STEM = 3


def _known(base: str) -> bool:
    return base in FIRST_NAMES and base not in AMBIGUOUS and base not in WORDLIKE


@lru_cache(maxsize=65536)
def declined_given(folded: str) -> bool:
    """True if `folded` (see `names_doc.fold`) is a known given name in another case."""
    if "-" in folded or _known(folded):
        return False
    declensions = _CYRILLIC if "а" <= folded[-1:] <= "я" else _LATIN
    for nominative, endings in declensions.items():
        for ending in endings:
            stem = folded[: -len(ending)]
            if not folded.endswith(ending) or len(stem) < _MIN_STEM:
                continue
            # A consonant stem is the nominative itself: "Piotr-em", not "Frida-y".
            if (nominative or stem[-1] not in _VOWELS) and _known(stem + nominative):
                return True
            # "Pawł-em" ← "Paweł", "Mark-a" ← "Marek": the "e" the other cases drop.
            dropped_e = not nominative and not _VOWELS & {stem[-1], stem[-2]}
            if dropped_e and _known(stem[:-1] + "e" + stem[-1]):
                return True
    return False
