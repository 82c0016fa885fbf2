"""Moved to :mod:`kit.viz.sentiment`; this module re-exports it for one release."""
from kit.viz.sentiment import *  # noqa: F403
from kit.viz.sentiment import __all__  # noqa: F401
