"""Apache Spark (PySpark: local mode here, a cluster in production), imported on demand."""
