"""Moved to :mod:`kit.viz.coding`; this module re-exports it for one release."""
from kit.viz.coding import *  # noqa: F403
from kit.viz.coding import __all__  # noqa: F401
