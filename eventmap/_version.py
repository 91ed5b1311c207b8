"""eventmap's release number, in a module of its own.

``eventmap/__init__.py`` is the package's front door: it re-exports the
Python API (:mod:`eventmap.api`), which imports the whole pipeline. Modules
inside the package that need the release number (:mod:`eventmap.version`,
the CLI's ``--version``) take it from here, so that none of them imports the
front door and no import circle runs through it.
"""

__version__ = "0.1.0"
