"""Subcommands of the ``ccexercise`` command, one module each (see :mod:`ccexercise.cli`)."""
