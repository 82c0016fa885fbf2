"""Moved to :mod:`kit.viz.program`; this module re-exports it for one release."""
from kit.viz.program import *  # noqa: F403
from kit.viz.program import __all__  # noqa: F401
