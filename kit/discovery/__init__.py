"""Continuous discovery across sprints: the research repository and its cross-sprint tables
(``repository``), its SQLite FTS5 index (``index``) and search (``search``), theme trends
(``trends``), assumptions and experiments (``assumptions``), the opportunity solution tree
(``ost``), the feedback loop (``loop``) and interviewing discipline (``discipline``).
Figures are in :mod:`kit.viz.discovery`, command front ends in :mod:`kit.cli.discovery`."""
__all__: list[str] = []
