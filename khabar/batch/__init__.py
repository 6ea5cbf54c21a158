"""`khabar batch`: the pipeline over many inputs, locally or on Spark, into Parquet tables."""
