"""Whether two people records may be the same person: the over-merge guard's tests.

Deliberately lenient: a pair is only called incompatible when both records know the value and
the values cannot be one person's (different first names, birth dates more than a typo apart).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from c360.identity.normalise import first_name_canonical, name_key

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


def _close(a: str, b: str) -> bool:
    """One name is the other, its prefix or initials ("j p" / "jean pierre"), or a near spelling."""
    if a.startswith(b) or b.startswith(a) or jaro_winkler(a, b) >= 0.85:
        return True
    short, other = sorted((a, b), key=len)
    initials = "".join(word[0] for word in other.split())
    return max(map(len, short.split())) == 1 and initials.startswith(short.replace(" ", ""))


@lru_cache(maxsize=_CACHE)
def names_compatible(
    first_a: str | None, last_a: str | None, first_b: str | None, last_b: str | None
) -> bool:
    """False only when both first names are known and clearly differ (twins, a household)."""
    key_a, key_b = name_key(first_a), name_key(first_b)
    if key_a is None or key_b is None:
        return True
    formal_a, formal_b = first_name_canonical(key_a), first_name_canonical(key_b)
    if _close(key_a, key_b) or (formal_a and formal_b and _close(formal_a, formal_b)):
        return True
    surname_a, surname_b = name_key(last_a), name_key(last_b)
    return (  # first and last name swapped in one record
        surname_a is not None
        and surname_b is not None
        and _close(key_a, surname_b)
        and _close(surname_a, key_b)
    )


def dates_compatible(a: date | None, b: date | None) -> bool:
    """False only when both dates are known and differ by more than a day/month swap or typo."""
    if a is None or b is None or a == b:
        return True
    if (a.day, a.month, a.year) == (b.month, b.day, b.year):
        return True
    fields = [(f"{x:04d}", f"{y:04d}") for x, y in
              ((a.day, b.day), (a.month, b.month), (a.year, b.year)) if x != y]  # fmt: skip
    return len(fields) == 1 and sum(p != q for p, q in zip(*fields[0], strict=True)) == 1
