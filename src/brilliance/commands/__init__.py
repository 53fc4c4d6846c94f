"""Subcommands of the ``brilliance`` command line; see ``brilliance.cli``."""
