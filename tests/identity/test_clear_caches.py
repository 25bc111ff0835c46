"""The identity package's per-value caches can be emptied once matching and the profile ran."""

from __future__ import annotations

import importlib
import pkgutil

import c360.identity
from c360.identity import MATCHING_ONLY, clear_caches, normalise, profile_records, similarity


def _cached_functions() -> list:
    found = []
    for info in pkgutil.iter_modules(c360.identity.__path__, "c360.identity."):
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values() if callable(getattr(v, "cache_info", None))]
    return found


def test_every_cache_of_the_package_is_emptied() -> None:
    normalise.name_key("Élodie")
    normalise.phone_e164("06 12 34 56 78", "FR")
    similarity.names_compatible("Jon", "Smith", "John", "Smith")
    profile_records.display_case("o'brien")
    cached = _cached_functions()
    assert len(cached) >= 15  # names, e-mails, phones, dates, name comparisons, display case
    assert sum(f.cache_info().currsize for f in cached) >= 4
    clear_caches()
    left = {f.__qualname__: f.cache_info().currsize for f in cached}
    assert {name: size for name, size in left.items() if size} == {}
    assert normalise.name_key("Élodie") == "elodie"  # still works, computed again


def test_the_caches_of_matching_alone_go_first() -> None:
    normalise.name_key("Élodie")
    similarity.names_compatible("Jon", "Smith", "John", "Smith")
    clear_caches(MATCHING_ONLY)
    assert similarity.names_compatible.cache_info().currsize == 0
    assert normalise.name_key.cache_info().currsize > 0  # the profile reuses it
    clear_caches()
    assert normalise.name_key.cache_info().currsize == 0
