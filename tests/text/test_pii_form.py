"""The form PII finders search (composed, ASCII spaces and dashes) and offsets mapped back."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text.pii_form import search_form


def test_typographic_forms_become_ascii_one_character_for_one() -> None:
    text = "Tel\u00a0+33\u202f6 12–34‑56\u200978, （030） ＋44, ０６, em — dash"
    form = search_form(text)
    assert form.text == "Tel +33 6 12-34-56 78, (030) +44, 06, em — dash"
    assert form.span(4, 21) == (4, 21)


def test_a_decomposed_text_is_composed_and_offsets_map_back() -> None:
    text = unicodedata.normalize("NFD", "Mme Éloïse Lefèvre, tél. 06 12 34 56 78")
    form = search_form(text)
    assert form.text == "Mme Éloïse Lefèvre, tél. 06 12 34 56 78"
    start, end = form.span(4, 18)  # "Éloïse Lefèvre"
    assert unicodedata.normalize("NFC", text[start:end]) == "Éloïse Lefèvre"
    start, end = form.span(25, 39)  # the phone, after three composed letters
    assert text[start:end] == "06 12 34 56 78"


def test_a_span_ending_or_starting_inside_a_cluster_takes_all_of_it() -> None:
    text = "xe\u0301y"  # "xéy", the accent decomposed
    form = search_form(text)
    assert form.text == "xéy"
    assert form.span(1, 2) == (1, 3)
    assert form.span(0, 2) == (0, 3)
    assert form.span(2, 3) == (3, 4)


LETTERS = st.sampled_from(["a", "e", "E", "\u0301", "\u0308", "\u0327", "ß", " ", "\u00a0", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LETTERS, max_size=20).map("".join))
def test_every_span_maps_back_to_the_same_letters(text: str) -> None:
    form = search_form(text)
    assert form.text == unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    for start in range(len(form.text) + 1):
        for end in range(start, len(form.text) + 1):
            a, b = form.span(start, end)
            assert 0 <= a <= b <= len(text)
            searched = unicodedata.normalize("NFC", text[a:b]).replace("\u00a0", " ")
            assert form.text[start:end] in searched
