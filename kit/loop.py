"""Moved to :mod:`kit.discovery.loop`; this module re-exports it for one release."""
from kit.discovery.loop import *  # noqa: F401,F403
from kit.discovery.loop import __all__  # noqa: F401
