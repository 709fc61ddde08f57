"""Combine findings into one decision per block."""

from .resolver import Resolution, resolve

__all__ = ["Resolution", "resolve"]
