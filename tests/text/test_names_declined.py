"""Known names in the cases of Slavic languages: what is taken for one, and what is not."""

import pytest

from c360.text.names_declined import declined_given, declined_surname
from c360.text.names_words import fold


@pytest.mark.parametrize(
    "word",
    ["Piotrem", "Piotrowi", "Pawłem", "Markiem", "Ivanom", "Ivanu", "Petrovi", "Karlovi", "Anny",
     "Zofii", "Zofię", "Janou", "Katarzyny", "Markom", "Иваном", "Анной", "Марией", "Сергея",
     "Игорем"],
)  # fmt: skip
def test_declined_forms_of_known_given_names(word: str) -> None:
    assert declined_given(fold(word))


@pytest.mark.parametrize(
    "word",
    [  # Polish: r → rz, t → ci, d → dzi, k → c, g → dz before the "e" of the locative
     "Piotrze", "Wiktorze", "Kacprze", "Aleksandrze", "Barbarze", "Robercie", "Agacie",
     "Dawidzie", "Konradzie", "Wandzie", "Weronice", "Jadwidze", "Kindze",
     # Czech: k → c, g → z; "ř" and "ě" fold to "r", "e"
     "Lence", "Jitce", "Helze", "Petře", "Pavle"],
)  # fmt: skip
def test_declined_forms_with_a_changed_consonant(word: str) -> None:
    assert declined_given(fold(word))


@pytest.mark.parametrize(
    "word",
    [  # the nominative is no declined form; places; names that are also places or words
     "Piotr", "Anna", "Warszawy", "Krakowa", "Berlinie", "Jordanu", "Romanem",
     # a consonant stem is the nominative itself: no "Frida" in "Friday", no "Nico" in "Nice"
     "Friday", "Nice", "Guide", "These", "Also", "Газпромом", "Москве",
     # places; a changed consonant needs three letters before it: "Nice" is no Nika
     "Praze", "Pradze", "Warszawie", "Ostravě", "Łodzi", "Gdańsku", "Francie", "Vice"],
)  # fmt: skip
def test_other_words_are_not_declined_given_names(word: str) -> None:
    assert not declined_given(fold(word))


@pytest.mark.parametrize(
    "word",
    ["Kowalskim", "Kowalskiego", "Kowalskiemu", "Kowalskiej", "Nowakiem", "Nowakowi", "Novákem",
     "Novákovi", "Novotným", "Novotného", "Novákovou", "Horvatom", "Petrovićem", "Ивановым",
     "Иванову", "Ивановой", "Шевченком", "Мельником"],
)  # fmt: skip
def test_declined_forms_of_known_surnames(word: str) -> None:
    assert declined_surname(fold(word))


@pytest.mark.parametrize(
    "word",
    [  # the nominative; unknown stems; surnames that are also words ("Winter", "Koch")
     "Kowalski", "Novák", "Иванов", "Kwiecińskim", "Газпромом", "Winterem", "Kochem",
     # given names are `declined_given`'s
     "Piotrem", "Anny"],
)  # fmt: skip
def test_other_words_are_not_declined_surnames(word: str) -> None:
    assert not declined_surname(fold(word))
