"""``python -m brilliance``."""

from brilliance.cli import entry_point

entry_point()
