"""Moved to :mod:`kit.viz.guide`; this module re-exports it for one release."""
from kit.viz.guide import *  # noqa: F403
from kit.viz.guide import __all__  # noqa: F401
