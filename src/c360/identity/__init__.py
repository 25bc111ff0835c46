"""Identity resolution: which source records are one person, under a stable ``customer360_id``."""
