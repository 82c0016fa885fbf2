"""Moved to :mod:`kit.discovery`: studies and cross-sprint tables in ``repository``, the index in
``index``, search in ``search``, trends in ``trends``; the figure ``trends_chart`` to
:mod:`kit.viz.discovery`; the ``index``/``search`` command front ends to :mod:`kit.cli.discovery`.
This module re-exports them for one release."""
from kit.cli.discovery import *  # noqa: F401,F403
from kit.cli.discovery import __all__ as _cli
from kit.discovery.index import *  # noqa: F401,F403
from kit.discovery.index import __all__ as _index
from kit.discovery.index import _insert_study, _open_valid, _query  # noqa: F401
from kit.discovery.repository import *  # noqa: F401,F403
from kit.discovery.repository import __all__ as _repository
from kit.discovery.repository import _study_frames  # noqa: F401
from kit.discovery.search import *  # noqa: F401,F403
from kit.discovery.search import __all__ as _search
from kit.discovery.trends import *  # noqa: F401,F403
from kit.discovery.trends import __all__ as _trends

__all__ = sorted({*_cli, *_index, *_repository, *_search, *_trends, "trends_chart"})


def __getattr__(name):
    # The figure lives at the edge: importing this module never imports matplotlib; only
    # asking for ``trends_chart`` through the old path does.
    if name == "trends_chart":
        from importlib import import_module

        return import_module("kit.viz.discovery").trends_chart
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
