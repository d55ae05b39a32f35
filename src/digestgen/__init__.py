"""digestgen: daily AI-paper digests that are fetched, summarised, validated and published properly."""

__version__ = "0.1.0"
