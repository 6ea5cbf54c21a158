"""khabar: Arabic news to verifiable structured knowledge."""

__version__ = "0.1.0"
