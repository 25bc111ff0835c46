"""How each kind of defect spoils a value: the transforms that ``Dirt.apply`` plants.

Each takes the generator and the clean values and returns the dirty ones (text when the dirt
cannot be represented in the clean type, e.g. an impossible date).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.generate.dirt import Transform

COUNTRY_VARIANTS = {
    "FR": ("France", "france ", "FRANCE", "fra", "Fr", "République française"),
    "US": ("USA", "United States", "usa", "U.S.A.", "us ", "United States of America"),
    "DE": ("Germany", "germany", "Deutschland", "DEU", "De", "GERMANY "),
    "ES": ("Spain", "spain", "España", "ESP", "es", "Espagne"),
    "GB": ("UK", "United Kingdom", "uk", "GBR", "Great Britain", "England"),
}
_NAME_TO_ISO = {"France": "FR", "USA": "US", "Germany": "DE", "Spain": "ES", "UK": "GB"}


def invalid_date(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Dates that do not exist or cannot be parsed: 2024-02-30, 31/13/2023, 'unknown'…"""
    shapes = (
        "{y}-02-30 10:00:00",
        "{y}-13-{d:02d} 09:15:00",
        "{d:02d}/{m:02d}/{y} 25:61:00",
        "00/00/0000",
        "unknown",
        "{y}-{m:02d}-{d:02d}T99:00:00",
        "not a date",
        "{y}/{m:02d}/32",
    )
    out = []
    for _ in range(len(values)):
        shape = shapes[int(rng.integers(len(shapes)))]
        out.append(
            shape.format(
                y=int(rng.integers(2019, 2026)),
                m=int(rng.integers(1, 13)),
                d=int(rng.integers(1, 29)),
            )
        )
    return pa.array(out, pa.string())


def future_date(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Timestamps decades in the future (a typed year: 2095 for 2025)."""
    seconds = pc.cast(values.cast(pa.timestamp("s")), pa.int64()).to_numpy(zero_copy_only=False)
    seconds = np.nan_to_num(seconds.astype(float), nan=1.7e9).astype(np.int64)
    years = rng.integers(70, 80, len(values)) * 365 * 86_400
    out = pa.array((seconds + years).astype("datetime64[s]"), pa.timestamp("s"))
    return (
        out.cast(values.type) if pa.types.is_timestamp(values.type) else pc.cast(out, pa.string())
    )


def negative(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """The amount with its sign flipped (never zero)."""
    x = values.cast(pa.float64()).to_numpy(zero_copy_only=False)
    x = -np.abs(np.nan_to_num(x, nan=10.0)) - 0.01 * rng.integers(1, 100, len(x))
    return (
        pa.array(np.round(x, 2)).cast(values.type)
        if pa.types.is_floating(values.type)
        else pa.array(np.round(x, 2))
    )


def non_positive(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """A quantity of 0 or below."""
    return pa.array(-rng.integers(0, 4, len(values)), pa.int64()).cast(values.type)


def malformed_email(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Addresses that cannot be delivered: no @, two @, no domain dot, spaces, no domain, two
    dots after the domain (one is a fully qualified name, read as the domain)."""
    out = []
    for v in values.to_pylist():
        local, _, domain = (v or "someone@example.com").partition("@")
        k = int(rng.integers(6))
        out.append(
            (
                f"{local}{domain}",
                f"{local}@@{domain}",
                f"{local}@{domain.split('.')[0]}",
                f"{local} @{domain}",
                f"{local}@{domain}..",
                f"{local}@",
            )[k]
        )
    return pa.array(out, pa.string())


def malformed_phone(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Numbers too short, with letters, or a placeholder."""
    out = []
    for v in values.to_pylist():
        digits = "".join(c for c in (v or "0600000000") if c.isdigit())
        k = int(rng.integers(4))
        out.append((digits[:5], digits[:4] + "ABC" + digits[7:], "000", "n/a")[k])
    return pa.array(out, pa.string())


def country_spelling(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Another spelling of the same country (France -> 'france ', 'FRA', 'République française')."""
    out = []
    for v in values.to_pylist():
        iso = _NAME_TO_ISO.get(v, v if v in COUNTRY_VARIANTS else "FR")
        options = [x for x in COUNTRY_VARIANTS[iso] if x != v]
        out.append(options[int(rng.integers(len(options)))])
    return pa.array(out, pa.string())


def mojibake(_rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """UTF-8 text decoded as Latin-1, as a misconfigured export does (é -> Ã©)."""
    return pa.array(
        [v.encode("utf-8").decode("latin-1") if v else v for v in values.to_pylist()], pa.string()
    )


def has_non_ascii(values: pa.Array) -> np.ndarray:
    """Rows where mojibake would show (only those can carry a wrong-encoding defect)."""
    return np.array([bool(v) and not v.isascii() for v in values.to_pylist()])


def orphan(prefix: str, width: int) -> Transform:
    """Keys of the right shape that point at nothing: a 9 before ``width`` digits, a number
    above any id the generator issues (9,000,000+ for six digits; scale 100 issues 2,000,000)."""

    def spoil(rng: np.random.Generator, values: pa.Array) -> pa.Array:
        numbers = rng.integers(0, 10**width, len(values))
        return pa.array([f"{prefix}9{n:0{width}d}" for n in numbers], pa.string())

    return spoil


def out_of_range(low: float, high: float) -> Transform:
    """Numbers outside [low, high]: above the maximum or below the minimum."""

    def spoil(rng: np.random.Generator, values: pa.Array) -> pa.Array:
        span = max(high - low, 1.0)
        up = rng.random(len(values)) < 0.6
        x = np.where(
            up,
            high + span * rng.uniform(0.5, 3.0, len(values)),
            low - span * rng.uniform(0.5, 2.0, len(values)),
        )
        if pa.types.is_integer(values.type):
            return pa.array(np.round(x).astype(np.int64)).cast(values.type)
        return pa.array(np.round(x, 3))

    return spoil


def near_copy(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """A nearly identical value: case changed, space added, or a number nudged."""
    if pa.types.is_string(values.type):
        out = []
        for v in values.to_pylist():
            v = v or "n/a"
            variants = [f" {v}", f"{v} ", v.replace(" ", "  ") if " " in v else f"{v}."]
            if v.upper() != v:
                variants.append(v.upper())
            out.append(variants[int(rng.integers(len(variants)))])
        return pa.array(out, pa.string())
    if pa.types.is_floating(values.type):
        return pc.add(values, pa.scalar(0.01, values.type))
    if pa.types.is_integer(values.type):
        return pc.add(values, pa.scalar(1, values.type))
    if pa.types.is_timestamp(values.type):
        return pc.add(values, pa.scalar(np.timedelta64(1, "s"), pa.duration("s")))
    return values
