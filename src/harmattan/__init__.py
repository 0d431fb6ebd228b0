"""harmattan: an open conflict observatory for the Sahel."""

__version__ = "0.1.0"
