"""Moved to :mod:`kit.discovery.assumptions`; this module re-exports it for one release."""
from kit.discovery.assumptions import *  # noqa: F401,F403
from kit.discovery.assumptions import __all__  # noqa: F401
