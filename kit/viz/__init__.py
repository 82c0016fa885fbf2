"""Every figure the kit draws (the edge that imports matplotlib).

Method modules compute tables; the functions here turn those tables into figures. Nothing
outside ``kit.viz``, ``kit.widgets``, ``kit.report``, ``kit.cli`` and ``kit.pipeline`` imports
matplotlib.
"""
__all__: list[str] = []
