"""Executed notebooks made safe to publish as HTML (the edge of :mod:`kit.safety` that needs
nbconvert's Markdown renderer)."""
from __future__ import annotations

from kit.safety import clean_html

__all__ = ["sanitize_notebook"]

_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_UNSAFE_OUTPUTS = ("application/javascript", "text/javascript", "application/vnd.jupyter.widget-state+json",
                   _WIDGET_VIEW, "image/svg+xml")


def sanitize_notebook(nb):
    """Make an executed notebook (an ``nbformat`` node, changed in place and returned) safe
    to publish as HTML: Markdown outputs rendered and cleaned to HTML, HTML outputs passed
    through :func:`clean_html`, JavaScript, inline SVG and widget outputs dropped (their
    plain-text form stays), and the saved widget state removed."""
    from nbconvert.filters.markdown import markdown2html

    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            for kind in _UNSAFE_OUTPUTS:
                data.pop(kind, None)
            if "text/markdown" in data:
                data["text/html"] = clean_html(markdown2html(str(data.pop("text/markdown"))))
            elif "text/html" in data:
                data["text/html"] = clean_html(str(data["text/html"]))
            if not data:
                data["text/plain"] = ""
    return nb
