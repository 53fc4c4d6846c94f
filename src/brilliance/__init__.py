"""Brilliance: a daily practice for building relationships that matter."""

__version__ = "0.1.0"
