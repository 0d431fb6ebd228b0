"""views/web stage."""
