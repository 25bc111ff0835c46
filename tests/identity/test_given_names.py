"""What the guard knows of given names: gendered pairs, spellings, slips and corrections."""

from __future__ import annotations

import pytest

from c360.identity.given_names import (
    GENDERED,
    corrections,
    gendered,
    listed,
    misspelling,
    one_edit,
    slip,
    spelling,
    typo,
)
from c360.identity.normalise import name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("patrick", "patricia"), ("daniel", "danielle"), ("paul", "paula"), ("jean", "jeanne"),
        ("francesco", "francesca"), ("carlos", "carla"), ("jose", "josefa"), ("louis", "louise"),
        ("stephane", "stephanie"), ("michel", "michelle"), ("juan", "juana"), ("ulrich", "ulrike"),
    ],
)  # fmt: skip
def test_a_mans_and_a_womans_form_of_a_name_are_gendered(a: str, b: str) -> None:
    assert gendered(a, b) and gendered(b, a)


@pytest.mark.parametrize(("a", "b"), [("ann", "anne"), ("marie", "maria"), ("emil", "emile")])
def test_variants_of_one_sex_are_not_gendered(a: str, b: str) -> None:
    assert not gendered(a, b)


def test_the_gendered_pairs_are_listed_names_in_key_form() -> None:
    names = {name for pair in GENDERED for name in pair}
    assert all(len(pair) == 2 for pair in GENDERED)
    assert names == {name_key(n) for n in names}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("catherine", "katherine", True),
        ("sarah", "sara", True),
        ("john", "jon", True),
        ("stephen", "steven", True),
        ("philip", "phillip", True),
        ("kathleen", "katherine", False),
        ("sarah", "sandra", False),
    ],
)
def test_spelling_merges_letters_of_one_sound(a: str, b: str, same: bool) -> None:
    assert (spelling(a) == spelling(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "any_change", "no_change"),
    [
        ("anna", "anna", True, True),
        ("anna", "ana", True, True),  # a letter dropped
        ("anna", "annas", True, True),  # a letter added at the end
        ("bruno", "burno", True, True),  # two neighbours swapped
        ("bruno", "bruna", True, False),  # a changed letter: as ``changed`` says
        ("anna", "anan", True, True),
        ("anna", "naan", False, False),  # two edits
        ("anna", "annabel", False, False),
        ("", "a", True, True),
    ],
)
def test_one_edit(a: str, b: str, any_change: bool, no_change: bool) -> None:
    for x, y in ((a, b), (b, a)):
        assert one_edit(x, y, lambda _old, _new: True) is any_change
        assert one_edit(x, y, lambda _old, _new: False) is no_change


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("lena", "lwna", True),  # e and w are neighbouring keys
        ("mary", "mark", False),  # y and k are not: another name
        ("emma", "gemma", False),  # a slip spares the first letter
        ("ann", "anne", True),
        ("cem", "clem", True),
        ("nathan", "nathalie", False),
    ],
)
def test_slip(a: str, b: str, expected: bool) -> None:
    assert slip(a, b) is expected
    assert slip(b, a) is expected


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("jum", "jim"),  # a nickname with a changed letter
        ("alxe", "alex"),  # two letters swapped
        ("igne", "inge"),
        ("hgo", "hugo"),  # a letter dropped
        ("willaim", "william"),
    ],
)
def test_corrections_are_listed_names_a_slip_away(name: str, found: str) -> None:
    assert found in corrections(name)
    assert all(listed(c) and c[0] == name[0] for c in corrections(name))


@pytest.mark.parametrize("name", ["grace", "hope", "joy", "dawn", "june", "skye"])
def test_given_names_that_are_words_too_are_listed(name: str) -> None:
    # The text package's lists leave them out (Grace Period is no person); people bear them.
    assert listed(name)
    assert "grace" in corrections("grae")


def test_a_listed_name_has_no_corrections() -> None:
    assert corrections("james") == ()
    assert corrections("x") == ()


@pytest.mark.parametrize(
    ("name", "of", "expected"),
    [
        ("melussa", "melissa", True),  # a changed letter, any key
        ("samyel", "samuel", True),
        ("thirry", "thierry", True),  # a letter dropped
        ("gemmma", "gemma", True),  # a letter doubled
        ("nigwl", "nigel", True),
        ("alxe", "alex", True),  # two neighbours swapped
        ("jean oierre", "jean pierre", True),  # in a compound, any letter but the first
        ("maria carrmen", "maria carmen", True),  # every word of Maria Carmen is listed
        ("leena", "lena", False),  # both listed: two names
        ("sara", "sarah", False),
        ("gemma", "emma", False),  # the first letter is spared
        ("samual", "samuel", True),
        ("sammual", "samuel", False),  # two edits
        ("kvinn", "kvin", False),  # neither listed: no spelling to prefer
        ("x", "xa", False),
    ],
)
def test_misspelling_is_an_unlisted_name_one_typo_from_a_listed_one(
    name: str, of: str, expected: bool
) -> None:
    assert misspelling(name, of) is expected
    assert not misspelling(of, name)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("lebrun", "leburn", True),
        ("brooks", "brrooks", True),
        ("wallace", "wsllace", True),  # any letter for any other
        ("davies", "davies", False),  # the same name
        ("blanco", "flanco", False),  # the first letter is spared
        ("weiss", "weis", True),
        ("moore", "ward", False),
        ("o", "oa", False),
    ],
)
def test_typo_is_one_edit_sparing_the_first_letter(a: str, b: str, expected: bool) -> None:
    assert typo(a, b) is expected
    assert typo(b, a) is expected
