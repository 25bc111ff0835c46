"""Seed 000: the 15 CRM, marketing and commerce tables and the text corpus."""

from c360.generate.seed000.build import (
    Seed000,
    block_outputs,
    build,
    dimension_tables,
    global_outputs,
)

__all__ = ["Seed000", "block_outputs", "build", "dimension_tables", "global_outputs"]
