"""Known names declined in the cases of Slavic languages: "Piotrem", "Anny", "Kowalskim".

Polish, Czech, Slovak, the South Slavic languages and Russian and Ukrainian write a name in
the case its place in the sentence asks for: "z Piotrem" (with Piotr), "od Anny" (from Anna),
"s Ivanom" (with Ivan), "k Petrovi" (to Petr), "с Иваном" (with Ivan). A word is taken for
such a form when taking one case ending off it leaves a known name, as it is or with the
nominative's ending put back ("Anny" → "Ann" + "a", "Сергея" → "Серге" + "й"), or with the
"e" the other cases drop ("Pawłem" → "Paweł", "Pavlovi" → "Pavel"). Polish and Czech change
the consonant before some endings: "Piotrze" (Piotr), "Robercie" (Robert), "Monice" (Monika),
"Lence" (Lenka). Words are folded first (`names_words.fold`): "Anną" is "anna", "Janě" is "jane".
Names that are also places or words (`AMBIGUOUS`, `WORDLIKE`) are not looked for: "do
Jordanu" is a trip.

>>> declined_given("piotrem"), declined_given("piotrze"), declined_given("pawlem")
(True, True, True)
>>> declined_surname("kowalskim"), declined_surname("novakem"), declined_given("warszawy")
(True, True, False)
"""

from collections.abc import Callable
from functools import lru_cache

from c360.text.names_lexicon import AMBIGUOUS, FIRST_NAMES, SURNAMES, WORDLIKE

_Declensions = dict[str, tuple[str, ...]]

# For each ending a given name's nominative may have, the endings of its other cases, as `fold`
# writes them. A nominative ending in a consonant ("") is Piotr, Jan, Ivan, Иван.
_GIVEN_LATIN: _Declensions = {
    # Piotra, Piotru, Piotrowi, Janovi, Piotrem, Markiem, Ivanom, Janie, Ivane; Piotrze,
    # Robercie, Dawidzie
    "": ("owi", "ovi", "iem", "em", "om", "ie", "a", "e", "u", "rze", "cie", "dzie"),
    # Anna, Jana, Ivana, Zofia: Anny, Zofii, Annie, Janě, Annę, Anną, Janou, Ivanom, Ivanu,
    # Ivano; Barbarze, Agacie, Wandzie, Monice, Jadwidze (Polish), Lence (Czech)
    "a": ("ou", "om", "ie", "a", "e", "i", "o", "u", "y", "rze", "cie", "dzie", "dze", "ce", "ze"),
    # Marko, Darko: Marka, Marku, Markom
    "o": ("om", "em", "a", "u"),
}
_GIVEN_CYRILLIC: _Declensions = {
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
# The consonant an ending above stands for, where it changed it ("Piotr" → "Piotrze"). Three
# letters must stay before the ending: "Nice" is a town more often than Nika's dative.
_CHANGED = {"rze": "r", "cie": "t", "dzie": "d", "dze": "g", "ce": "k", "ze": "g"}

_SURNAME_LATIN: _Declensions = {
    # Nowak, Novák, Horvat, Petrović: Nowaka, Nowakowi, Novákovi, Nowakiem, Novákem, Horvatom,
    # Horvatu
    "": ("owi", "ovi", "iem", "em", "om", "a", "u"),
    # Kowalski: Kowalskiego, Kowalskiemu, Kowalskim
    "i": ("iego", "iemu", "im"),
    # Novotný: Novotného, Novotnému, Novotným, Novotném
    "y": ("eho", "emu", "ym", "em"),
    # Kowalska, Nováková: Kowalskiej, Novákové, Novákovou
    "a": ("iej", "ej", "ou", "e"),
}
_SURNAME_CYRILLIC: _Declensions = {
    # Иванов, Мельник: Иванова, Иванову, Ивановым, Иванове, Мельником
    "": ("ым", "ом", "а", "у", "е"),
    # Иванова: Ивановой, Ивановою, Иванову
    "а": ("ои", "ою", "у"),
    # Шевченко: Шевченка, Шевченку, Шевченком
    "о": ("ом", "а", "у"),
}
_VOWELS = frozenset("aeiouyаеиоуыэюяіь")
_MIN_STEM = 3


def _given(base: str) -> bool:
    return base in FIRST_NAMES and base not in AMBIGUOUS and base not in WORDLIKE


def _surname(base: str) -> bool:
    return base in SURNAMES and base not in AMBIGUOUS


def _cyrillic(folded: str) -> bool:
    return "а" <= folded[-1:] <= "я"


@lru_cache(maxsize=65536)
def declined_given(folded: str) -> bool:
    """True if `folded` (see `names_words.fold`) is a known given name in another case."""
    if "-" in folded or _given(folded):
        return False
    declensions = _GIVEN_CYRILLIC if _cyrillic(folded) else _GIVEN_LATIN
    return _declined(folded, declensions, _given)


@lru_cache(maxsize=65536)
def declined_surname(folded: str) -> bool:
    """True if `folded` (see `names_words.fold`) is a known surname in another case."""
    if "-" in folded or _surname(folded):
        return False
    declensions = _SURNAME_CYRILLIC if _cyrillic(folded) else _SURNAME_LATIN
    return _declined(folded, declensions, _surname)


def _declined(folded: str, declensions: _Declensions, known: Callable[[str], bool]) -> bool:
    """True if taking a case ending off `folded` leaves a name `known` holds."""
    for nominative, endings in declensions.items():
        for ending in endings:
            stem = folded[: -len(ending)]
            if not folded.endswith(ending) or len(stem) < _MIN_STEM:
                continue
            stem += _CHANGED.get(ending, "")
            # A consonant stem is the nominative itself: "Piotr-em", not "Frida-y".
            if (nominative or stem[-1] not in _VOWELS) and known(stem + nominative):
                return True
            # "Pawł-em" ← "Paweł", "Mark-a" ← "Marek", "Kacpr-ze" ← "Kacper": the "e" the
            # other cases drop.
            dropped_e = not nominative and not _VOWELS & {stem[-1], stem[-2]}
            if dropped_e and known(stem[:-1] + "e" + stem[-1]):
                return True
    return False
