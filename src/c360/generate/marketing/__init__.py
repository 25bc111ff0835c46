"""Seed 004: the dirty marketing bronze (MongoDB customers, transactions and campaigns)."""

from c360.generate.marketing.collections import block_outputs, global_outputs

__all__ = ["block_outputs", "global_outputs"]
