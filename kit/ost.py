"""Moved to :mod:`kit.discovery.ost` (the figure, ``draw_ost``, to :mod:`kit.viz.discovery`);
this module re-exports them for one release."""
from kit.discovery.ost import *  # noqa: F401,F403
from kit.discovery.ost import __all__ as _method_names
from kit.discovery.ost import _layout  # noqa: F401

__all__ = [*_method_names, "draw_ost"]  # noqa: F405


def __getattr__(name):
    # The figure lives at the edge: importing this module never imports matplotlib; only
    # asking for ``draw_ost`` through the old path does.
    if name == "draw_ost":
        from importlib import import_module

        return import_module("kit.viz.discovery").draw_ost
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
