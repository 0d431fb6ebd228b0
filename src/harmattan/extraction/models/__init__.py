"""Trained models of the extraction pipeline (fit by `harmattan train`, loaded offline)."""
