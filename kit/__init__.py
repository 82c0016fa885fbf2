"""interview-kit: a research methods kit for customer and user micro-interviews.

The public API is imported lazily so that ``import kit`` stays fast for the command line.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "load_study": "kit.study",
    "Study": "kit.study",
    "read_transcript": "kit.transcripts",
    "parse_transcript": "kit.transcripts",
    "parse_note": "kit.notes",
    "cohen_kappa": "kit.agreement",
    "krippendorff_alpha": "kit.agreement",
    "saturation": "kit.thematic_saturation",
    "compound": "kit.sentiment",
    "discover_themes": "kit.theme_discovery",
    "lint_question": "kit.guide",
    "lint_guide": "kit.guide",
    "check_study": "kit.check",
    "Problem": "kit.errors",
    "StudyError": "kit.errors",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        if not name.startswith("_"):
            try:  # submodules such as kit.paths or kit.capture
                return importlib.import_module(f"kit.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"kit.{name}":
                    raise
        raise AttributeError(f"module 'kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
