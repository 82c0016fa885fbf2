"""Moved to :mod:`kit.discovery.discipline`; this module re-exports it for one release."""
from kit.discovery.discipline import *  # noqa: F401,F403
from kit.discovery.discipline import __all__  # noqa: F401
