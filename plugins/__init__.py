"""The built-in checkers, installed as ``factcheck_plugins``.

Each module is one checker and one plugin, registered through the
``factcheck`` entry-point group exactly as a third-party plugin is. They use
only factcheck's public API.
"""
