"""The capitalised words a text's name rules look at."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import names_words
from c360.text.names_words import Words

# The pattern as first written, a look-behind first: tried at every character of the text.
LOOK_BEHIND_FIRST = re.compile(
    rf"(?<![\w@-])(?:[OD]['’])?[{names_words._UPPER}][^\W\d_]+(?:-[^\W\d_]+)*(?![\w@])"
)


def test_a_capitalised_word_is_looked_for_from_its_capital() -> None:
    # Opening with a class of capitals, the regex engine skips to the next capital.
    assert names_words._WORD.pattern.startswith(f"[{names_words._UPPER}]")
    words = Words("Appel de D'Almeida, O’Brien et Jean-Baptiste (x-Yves, @Marc, éLise) Ωmega", None)
    assert words.words == ["Appel", "D'Almeida", "O’Brien", "Jean-Baptiste", "Ωmega"]


PIECES = st.sampled_from(
    ["O", "D", "L", "'", "’", "a", "é", "É", "Ω", "ж", "Ж", "-", "@", "_", "1", " ", "\n", ".",
     "Jean", "Brien", "x", "Ab"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_capitalised_words_are_those_of_the_look_behind_first_pattern(text: str) -> None:
    expected = [m.span() for m in LOOK_BEHIND_FIRST.finditer(text)]
    assert [m.span() for m in names_words._WORD.finditer(text)] == expected
