"""Option values checked as they are parsed, so that a wrong one is told before any work."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import typer

from c360.cli._console import fail


def number(low: float, high: float | None = None, *, above: bool = False) -> Callable[..., float]:
    """A Typer ``parser`` for a float option: a finite number from ``low`` (or ``above`` it) to
    ``high``, else a one-line error. Typer's own check lets NaN through, or names a bound
    that is not the problem ('nan' should be less than or equal to 86400)."""
    if high is None:
        wanted = f"above {low:g}" if above else f"of {low:g} or more"
    else:
        wanted = f"above {low:g} and at most {high:g}" if above else f"from {low:g} to {high:g}"

    def parse(value: str | float) -> float:
        try:
            x = float(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a number") from None
        too_low = x <= low if above else x < low
        if not math.isfinite(x) or too_low or (high is not None and x > high):
            raise typer.BadParameter(f"expected a number {wanted}, got {value}")
        return x

    return parse


def whole(low: int, high: int | None = None) -> Callable[..., int]:
    """A Typer ``parser`` for an int option: a whole number from ``low`` to ``high``, else a
    one-line error in the words of `number` (Typer's own check speaks of inputs and strings)."""
    wanted = f"of {low} or more" if high is None else f"from {low} to {high}"

    def parse(value: str | int) -> int:
        try:
            x = int(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a whole number") from None
        if x < low or (high is not None and x > high):
            raise typer.BadParameter(f"expected a whole number {wanted}, got {value}")
        return x

    return parse


def check_choice(option: str, value: str, choices: Sequence[str], *, any_case: bool = False) -> str:
    """The one of ``choices`` that ``value`` is (in any case, if ``any_case``: a name such as
    Spark's), else the one-line error, raised."""
    for choice in choices:
        if value == choice or (any_case and value.lower() == choice.lower()):
            return choice
    raise fail(f"{option} must be one of: {', '.join(choices)} (got {value!r})")
