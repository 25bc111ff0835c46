"""Engines: the only package that imports duckdb or pyspark (a test enforces it).

Each engine is a sub-package with a ``connect`` function returning an ``Engine``; which one runs
is data (``ENGINES``), and Spark is imported only when asked for.
"""

from __future__ import annotations

from importlib import import_module

from c360.engines.base import Engine

ENGINES = {"duckdb": "c360.engines.duckdb.backend", "spark": "c360.engines.spark.backend"}


class EngineUnavailableError(Exception):
    """The engine asked for cannot start here (not installed, no Java…); the message says why."""


def connect(name: str) -> Engine:
    """Start engine ``name`` (in memory; the pipeline decides where tables are written)."""
    if name not in ENGINES:
        raise EngineUnavailableError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    try:
        module = import_module(ENGINES[name])
    except ImportError as exc:
        raise EngineUnavailableError(
            f"engine {name!r} is not installed ({exc.name} missing): "
            "pip install -r requirements.lock"
        ) from None
    engine: Engine = module.connect()
    return engine


__all__ = ["ENGINES", "Engine", "EngineUnavailableError", "connect"]
