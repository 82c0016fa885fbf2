"""Moved to :mod:`kit.viz.base`; this module re-exports it for one release."""
from kit.viz.base import *  # noqa: F403
from kit.viz.base import __all__  # noqa: F401
