"""Known given names in the cases of Slavic languages: what is taken for one, and what is not."""

import pytest

from c360.text.names_declined import declined_given
from c360.text.names_doc import fold


@pytest.mark.parametrize(
    "word",
    ["Piotrem", "Piotrowi", "Pawłem", "Markiem", "Ivanom", "Ivanu", "Petrovi", "Karla", "Anny",
     "Zofii", "Zofię", "Janou", "Katarzyny", "Markom", "Иваном", "Анной", "Марией", "Сергея",
     "Игорем"],
)  # fmt: skip
def test_declined_forms_of_known_given_names(word: str) -> None:
    assert declined_given(fold(word))


@pytest.mark.parametrize(
    "word",
    [  # the nominative is no declined form; places; names that are also places or words
     "Piotr", "Anna", "Warszawy", "Krakowa", "Berlinie", "Jordanu", "Romanem",
     # a consonant stem is the nominative itself: no "Frida" in "Friday", no "Nico" in "Nice"
     "Friday", "Nice", "Guide", "They", "Also", "Газпромом", "Москве"],
)  # fmt: skip
def test_other_words_are_not_declined_given_names(word: str) -> None:
    assert not declined_given(fold(word))
