"""The medallion pipeline: bronze (landed raw), silver (clean), gold (modelled)."""
