"""c360 — an open-source Customer 360 platform: sources, medallion pipeline, identity, profiles."""

__version__ = "0.1.0"
