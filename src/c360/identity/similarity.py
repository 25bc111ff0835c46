"""Whether two people records may be the same person: the over-merge guard's tests.

Deliberately lenient: a pair is only called incompatible when both records know the value and
the values cannot be one person's (different first names, birth dates more than a typo apart).
Two names of the lists (:mod:`c360.identity.given_names`) are read strictly: a man's and a
woman's form of a name, or names further apart than a slip or a sound, are two people.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from c360.identity.given_names import corrections, gendered, listed, one_edit, slip, spelling
from c360.identity.nicknames import FORMS, SHORT_FORMS
from c360.identity.normalise import name_key

_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two strings, 0 (nothing shared) to 1 (equal)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(len(a), len(b)) // 2 - 1
    taken = [False] * len(b)
    in_a = []
    for i, char in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not taken[j] and b[j] == char:
                taken[j] = True
                in_a.append(char)
                break
    matches = len(in_a)
    if not matches:
        return 0.0
    in_b = [char for char, hit in zip(b, taken, strict=True) if hit]
    half_transpositions = sum(x != y for x, y in zip(in_a, in_b, strict=True))
    jaro = (matches / len(a) + matches / len(b) + 1 - half_transpositions / 2 / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def one_typo(a: str, b: str) -> bool:
    """One letter added, dropped or two neighbours swapped ("uwe"/"uew"); or one changed in
    names of four letters or more ("Zoe"/"Zpe" is left out: too many short names differ so)."""
    shortest = min(len(a), len(b))
    return a == b or (shortest >= 2 and one_edit(a, b, lambda _old, _new: shortest >= 4))


def _close(a: str, b: str, strict: bool = False) -> bool:
    """One name is the other, its prefix or initials ("jp" / "jean pierre"), or a near spelling:
    for two listed names (``strict``) one slip or one sound, else Jaro-Winkler or a typo."""
    if a.startswith(b) or b.startswith(a):
        return True
    if strict:
        sound_a, sound_b = spelling(a), spelling(b)  # "matt" is "math", short for "mathieu"
        if slip(a, b) or sound_a.startswith(sound_b) or sound_b.startswith(sound_a):
            return True
    elif jaro_winkler(a, b) >= 0.85 or one_typo(a, b):
        return True
    short, other = sorted((a, b), key=len)
    initials = "".join(word[0] for word in other.split())
    letters = short.replace(" ", "")
    if max(map(len, short.split())) == 1:
        return initials.startswith(letters)
    return " " not in short and len(letters) <= 3 and letters == initials and len(initials) > 1


_UMLAUTS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def _transliterated(name: str) -> str:
    """German umlauts written out ("Jörg" as "Joerg") read like the folded letter ("jorg")."""
    for pair, letter in _UMLAUTS:
        name = name.replace(pair, letter)
    return name


def _variants(key: str) -> set[str]:
    """Every formal name ``key`` may stand for, and every short form of those."""
    found = {key}
    for formal in FORMS.get(key, ()):
        found.add(formal)
        found.update(SHORT_FORMS.get(formal, ()))
    return found


@lru_cache(maxsize=_CACHE)
def given_names_compatible(a: str, b: str) -> bool:
    """Two given names (in :func:`name_key` form) one person may go by: near spellings,
    prefixes, initials, nicknames of one formal name, or a nickname with a typo. Never a man's
    and a woman's form of a name (Paul/Paula); two listed names only a slip or a sound apart
    (Sara/Sarah, not Sarah/Sandra); a misspelt name as the listed names it is a slip from."""
    if a == b:
        return True
    if gendered(a, b):
        return False
    strict = listed(a) and listed(b)
    return _compatible(a, b, strict) or (not strict and _corrected(a, b))


def _compatible(a: str, b: str, strict: bool) -> bool:
    near = slip if strict else one_typo
    if _close(a, b, strict) or _close(_transliterated(a), _transliterated(b), strict):
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) + len(words_b) > 2 and any(  # either name of "Francisco Javier" may be used
        given_names_compatible(x, y) for x in words_a for y in words_b
    ):
        return True
    forms_a, forms_b = FORMS.get(a, frozenset({a})), FORMS.get(b, frozenset({b}))
    if forms_a & forms_b or any(_close(x, y, strict) for x in forms_a for y in forms_b):
        return True
    return any(near(a, v) for v in _variants(b)) or any(near(b, v) for v in _variants(a))


def _corrected(a: str, b: str) -> bool:
    """Whether what a misspelt name may have been ("jum": "jim") fits the other name."""
    fixed_a, fixed_b = corrections(a), corrections(b)
    if not fixed_a and not fixed_b:
        return False
    return any(given_names_compatible(x, y) for x in fixed_a or (a,) for y in fixed_b or (b,))


@lru_cache(maxsize=_CACHE)
def names_compatible(
    first_a: str | None, last_a: str | None, first_b: str | None, last_b: str | None
) -> bool:
    """False only when both first names are known and clearly differ (twins, a household)."""
    key_a, key_b = name_key(first_a), name_key(first_b)
    if key_a is None or key_b is None:
        return True
    if given_names_compatible(key_a, key_b):
        return True
    surname_a, surname_b = name_key(last_a), name_key(last_b)
    # First and last name swapped in one record: both halves must fit, where both are known.
    return _swapped(key_a, surname_a, key_b, surname_b) or _swapped(
        key_b, surname_b, key_a, surname_a
    )


def _swapped(first_a: str, last_a: str | None, first_b: str, last_b: str | None) -> bool:
    """Record b has its names swapped: a's first name is b's last, a's last (if known) b's first."""
    return (
        last_b is not None
        and given_names_compatible(first_a, last_b)
        and (last_a is None or given_names_compatible(last_a, first_b))
    )


def dates_compatible(a: date | None, b: date | None) -> bool:
    """False only when both dates are known and differ by more than a day/month swap, a typo,
    or a year slipped by one or ten (1999 for 2000, 2006 for 1996)."""
    if a is None or b is None or a == b:
        return True
    if (a.day, a.month, a.year) == (b.month, b.day, b.year):
        return True
    if (a.day, a.month) == (b.day, b.month) and abs(a.year - b.year) in (1, 10):
        return True
    fields = [(f"{x:04d}", f"{y:04d}") for x, y in
              ((a.day, b.day), (a.month, b.month), (a.year, b.year)) if x != y]  # fmt: skip
    return len(fields) == 1 and sum(p != q for p, q in zip(*fields[0], strict=True)) == 1
