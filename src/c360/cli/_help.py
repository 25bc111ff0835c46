"""How ``--help`` shows a command's parameters: a flag bare, a value by its placeholder.

Typer's Rich help gives every option a Python type for a placeholder, a flag too
(``--json <bool>``, though ``--json true`` is refused), and an argument its type beside its
name (``FILE|-  <list[str]>``). A command or group made by :class:`App` shows a flag bare and a
parameter that names a ``metavar`` by that alone (``FILE``, ``DIR``, ``COLUMN=ROLE``).
"""

from __future__ import annotations

from typing import Any

import typer
from typer import _click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class _Option(TyperOption):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        if self.is_flag:
            return None  # it takes no value
        return super().display_type_rich(ctx)


class _Argument(TyperArgument):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        if self.metavar is not None:
            return None  # shown as the argument's name already
        return super().display_type_rich(ctx)


def _shown_plainly(params: list[_click.Parameter]) -> list[_click.Parameter]:
    """``params``, each Typer option and argument shown as the module says (their behaviour
    is Typer's: only how help shows them changes)."""
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _Option
        elif type(param) is TyperArgument:
            param.__class__ = _Argument
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        return _shown_plainly(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        return _shown_plainly(super().get_params(ctx))


class App(typer.Typer):
    """A ``typer.Typer`` whose group and commands show their parameters plainly in help."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(cls=_Group, **settings)

    def command(self, name: str | None = None, **settings: Any) -> Any:
        return super().command(name, cls=settings.pop("cls", _Command), **settings)
