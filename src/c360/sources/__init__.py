"""Source systems the generated files can be loaded into (MongoDB for seed 004)."""

from c360.sources.mongo import bronze_files, load_bronze, read_documents

__all__ = ["bronze_files", "load_bronze", "read_documents"]
