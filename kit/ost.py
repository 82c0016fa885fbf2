"""Moved to :mod:`kit.discovery.ost` (the figure, ``draw_ost``, to :mod:`kit.viz.discovery`);
this module re-exports them for one release."""
from kit.discovery.ost import KINDS, LEVEL_NAMES, Node, draft_ost, load_ost, ost_table

__all__ = ["KINDS", "LEVEL_NAMES", "Node", "draft_ost", "load_ost", "ost_table"]


def __getattr__(name):
    # The figure lives at the edge (kit.viz): importing this module never imports matplotlib;
    # only asking for ``draw_ost`` through the old path does.
    if name == "draw_ost":
        from importlib import import_module

        return import_module("kit.viz.discovery").draw_ost
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
