"""What a gold model is: a contract, the tables it reads, and a pure function building it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ibis

from c360.contracts.model import Table


@dataclass(frozen=True)
class GoldModel:
    """One gold table: ``build(*inputs)`` returns an Ibis expression with the contract's columns.

    ``inputs`` name silver tables (``stg_*``), gold tables built earlier in the run or
    :class:`Shared` intermediates. A model is built when they are all there but those named
    ``optional``, which ``build`` is given as None when the workspace lacks them (a company
    without e-mail marketing still has its order KPIs; the calendar spans the facts there
    are; a CRM export without its profile table still has its customers), and at least one
    input is there.

    ``in_input_order``: the model has a row per row of an input sorted by the same key (its
    joins only add columns), which an engine that keeps the order of its input hands back in
    a few sorted runs; the runner puts them in order rather than have the engine sort every
    column (see ``run.runs_in_order``).
    """

    contract: Table
    inputs: tuple[str, ...]
    build: Callable[..., ibis.Table]
    optional: tuple[str, ...] = ()
    in_input_order: bool = False

    @property
    def name(self) -> str:
        return self.contract.name


@dataclass(frozen=True)
class Shared:
    """An intermediate table that several models read: ``build(*inputs)`` is collected once and
    held in the engine for the rest of the layer, where each model would otherwise compute it
    again. It is not published. Models name it among their ``inputs``."""

    name: str
    inputs: tuple[str, ...]
    build: Callable[..., ibis.Table]


PERSON = "customer360_id"


def built_columns(contract: Table) -> list[str]:
    """The contract's columns a model builds: all but ``customer360_id``, which the gold runner
    joins on from the identity links (see ``run.with_people``)."""
    return [c for c in contract.column_names if c != PERSON]
