"""Engines: the only package that imports duckdb or pyspark (a test enforces it)."""
