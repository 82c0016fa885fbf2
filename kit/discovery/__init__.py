"""Continuous discovery across sprints: the research repository, its index and search,
assumptions, the opportunity solution tree, the feedback loop and interviewing discipline."""
__all__: list[str] = []
