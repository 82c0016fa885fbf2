"""Notebook widgets (the edge that imports ipywidgets).

:mod:`kit.widgets.coding` is the manual coding widget (:class:`CodingSession` holds the logic,
:class:`CodingWidget` wires ipywidgets to it); :mod:`kit.widgets.guide` holds the guide-design
and training editors. ``kit.widgets`` keeps re-exporting the coding widget's names.
"""
from kit.widgets.coding import *  # noqa: F403
from kit.widgets.coding import __all__  # noqa: F401
