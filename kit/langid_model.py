"""py3langid's language model, loaded from a copy that is quick to read (:mod:`kit.languages`).

py3langid ships its model as an LZMA-compressed ``.npz`` (4.5 MB); reading it decompresses
68 MB, about 0.6 s of CPU in every process that detects a language (each notebook kernel of
`interview-kit run`, issue 20). The first load keeps the same arrays in a zip-compressed
``.npz`` (about 8 MB, read in about a quarter of the time) in the kit's data folder
(:func:`kit.nltkdata.data_dir`, ``py3langid/``), named by the SHA-256 of the shipped model,
so a new model is never read from an old copy. The identifier built is the same: the arrays
are py3langid's own, converted as ``py3langid.modelio.load_model`` converts them (a test
compares both). When the folder cannot be written, the shipped model is read every time.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["load_identifier"]

_KEYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _model_path() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    path = Path(MODEL_FILE)
    return path if path.is_absolute() else Path(MODEL_DIR) / path


def cache_path(model: Path | None = None) -> Path:
    """Where the quick copy of ``model`` (default: py3langid's shipped model) is kept."""
    from kit.nltkdata import data_dir

    model = model or _model_path()
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:20]
    return data_dir() / "py3langid" / f"model-{digest}.npz"


def _write_copy(model: Path, target: Path) -> None:
    """Decompress ``model`` once and keep its arrays, zip-compressed, at ``target``
    (written to a temporary name in the same folder and moved into place)."""
    import lzma

    import numpy as np

    with tempfile.TemporaryFile(suffix=".npz") as raw:
        with lzma.open(model) as src:
            while chunk := src.read(1 << 20):
                raw.write(chunk)
        raw.seek(0)
        with np.load(raw, allow_pickle=False) as data:
            arrays = {key: data[key] for key in _KEYS}
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".model-", suffix=".npz.tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez_compressed(fh, **arrays)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_copy(path: Path):
    """(nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_row, tk_output) as py3langid's
    ``load_model`` returns them."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return (data["ptc"], data["pc"], data["classes"].tolist(), _to_array(data["nextmove"]),
                _to_array(data["nextmove_row"]), data["out_feat"].tolist())


def load_identifier(**kwargs):
    """``py3langid.langid.LanguageIdentifier`` of the shipped model (``kwargs`` as for its
    ``from_model_file``, e.g. ``norm_probs=True``), read from the quick copy, which the first
    call makes."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        model = _model_path()
        copy = cache_path(model)
        if not copy.is_file():
            _write_copy(model, copy)
        ptc, pc, classes, nextmove, row, output = _read_copy(copy)
    except (OSError, ValueError, KeyError, ImportError, EOFError):
        # an unwritable data folder, a damaged copy, another py3langid: the shipped model
        return LanguageIdentifier.from_model_file(MODEL_FILE, **kwargs)
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, tk_row=row, **kwargs)
