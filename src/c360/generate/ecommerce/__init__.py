"""Seed 003: the e-commerce platform's orders, customers, products and inventory."""

from c360.generate.ecommerce.sources import block_outputs, global_outputs

__all__ = ["block_outputs", "global_outputs"]
