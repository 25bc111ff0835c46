"""Gold models (being written)."""

from __future__ import annotations

from c360.pipeline.gold.model import GoldModel

MODELS: list[GoldModel] = []
