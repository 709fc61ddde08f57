"""Example cleannews plugin: a detector for "Listen to this article" audio widgets."""

from .detector import ListenWidgetDetector

__all__ = ["ListenWidgetDetector"]
