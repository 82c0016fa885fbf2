"""Put executed notebooks into the stored form that is committed and that nbval compares.

    python tools/store_notebooks.py [NOTEBOOK ...]     (default: every notebook in notebooks/)

The stored form holds the outputs nbval compares (text, HTML, markdown) and nothing that
depends on the machine or the run: no images (nbval does not compare them; figures are
written to OUT/figures and shown again when the notebook runs), no saved widget state (its
model ids are random), no execution timings or papermill metadata. Running it twice gives the
same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "application/pdf")


def stored_form(nb):
    """The notebook ``nb`` (nbformat v4), stripped in place; returns it."""
    for key in ("widgets", "papermill"):
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is None:
                continue
            for kind in IMAGE_TYPES:
                data.pop(kind, None)
                output.get("metadata", {}).pop(kind, None)
    return nb


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    paths = [Path(a) for a in argv] or sorted(
        p for p in (root / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        nbformat.write(stored_form(nb), path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
