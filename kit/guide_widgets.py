"""Moved to :mod:`kit.widgets.guide`; this module re-exports it for one release."""
from kit.widgets.guide import *  # noqa: F403
from kit.widgets.guide import __all__  # noqa: F401
