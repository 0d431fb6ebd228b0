"""views/api stage."""
