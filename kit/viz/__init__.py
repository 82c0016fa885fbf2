"""Every figure the kit draws (the edge that imports matplotlib).

Method modules compute tables; the functions here turn those tables into figures:
:mod:`kit.viz.base` (the figure size, ``save``, ``empty_figure``, the talk-ratio chart),
:mod:`kit.viz.guide` (guide structure, interviewer scorecard and cohort),
:mod:`kit.viz.coding` (frequency, intensity, co-occurrence, affinity, agreement, saturation,
suggested themes), :mod:`kit.viz.sentiment` (sentiment, the journey, keyness),
:mod:`kit.viz.program` (quotas, funnel, cadence, ROI, actions), :mod:`kit.viz.report` (the
report's own figures) and :mod:`kit.viz.discovery` (trends across sprints, the opportunity
solution tree). Nothing outside ``kit.viz``, ``kit.widgets``, ``kit.report``, ``kit.cli``
and ``kit.pipeline`` imports matplotlib (``tests/test_architecture.py``).

Study text (titles, codes, segments, themes, participants' words) is drawn as written, never
as matplotlib mathtext: every figure function is wrapped by :func:`kit.viz.base.literal_figure`
(``text.parse_math`` off) and :func:`kit.viz.base.save` draws under the same setting, so
"$5 plan" keeps its dollars and a stray backslash never fails a figure.
"""
__all__: list[str] = []
