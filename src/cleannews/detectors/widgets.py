"""Placeholder: filled in by its owner (see builtin.py)."""
