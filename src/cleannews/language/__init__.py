"""Language identification on a bounded sample, behind one small interface."""

from .identify import LanguageIdentifier, identify_language, language_sample, make_identifier

__all__ = ["LanguageIdentifier", "identify_language", "language_sample", "make_identifier"]
