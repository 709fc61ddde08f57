"""Text segmentation and per-block features."""
