"""Data quality: how well the pipeline catches what the generator planted."""
