"""Subcommands with options enough to need a module of their own: ``check``, ``rule``."""
