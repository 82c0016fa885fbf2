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
from functools import lru_cache
from pathlib import Path

__all__ = ["automaton", "classify_many", "encoded", "load_identifier"]

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


def automaton(identifier):
    """(next state, each state's row offset, each state's feature or -1) of ``identifier``'s
    byte automaton as numpy arrays (the same for every language set)."""
    import numpy as np

    return (np.frombuffer(identifier.tk_nextmove, dtype=np.uint32),
            np.asarray(identifier._rowbase, dtype=np.int64), np.asarray(identifier.tk_output, dtype=np.int32))


def encoded(text: str) -> bytes:
    """The bytes py3langid's automaton reads of ``text`` (``LanguageIdentifier._encode``: an
    all-capitals text lower-cased, NFC, UTF-8); an ASCII text is its own NFC form."""
    if text.isascii():
        return (text.lower() if text.isupper() else text).encode("ascii")
    from py3langid.langid import LanguageIdentifier

    return LanguageIdentifier._encode(text)


@lru_cache(maxsize=1)
def _log1p_table():
    """``log1p`` of the float32 counts 0..4095, worked out by the same numpy function as a
    whole column of counts (a feature's weight in :func:`classify_many`)."""
    import numpy as np

    return np.log1p(np.arange(1 << 12, dtype=np.float32))


def classify_many(texts: list[str], tables) -> list[tuple[str, float]]:
    """py3langid's ``classify`` (normalised probabilities) of many texts at once: the same
    model, byte automaton and naive Bayes sum, with the automaton stepped for every text
    together (numpy) instead of one byte at a time in Python. ``tables``: the automaton
    (:func:`automaton`), the naive Bayes table, priors and labels of the languages chosen
    among (``kit.languages._tables``). The tests check it against
    ``LanguageIdentifier.classify`` and against itself one text at a time.

    The texts are stepped longest first, so the texts still running at a byte position are a
    prefix of that order: at each position their next bytes are read straight from the joined
    bytes (one pointer per text), their states stepped, and the features of those states
    read off and kept as (text, feature) keys, with no array the size of all the bytes. The
    keys are counted from one sort into the same sparse matrix (sorted features, duplicates
    summed) that scipy's own conversion builds, so the sums, and the probabilities, are the
    same to the bit (a feature's weight, ``log1p`` of its count, from a table of the same
    float32 values for the usual small counts)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    nextmove, rowbase, output, ptc, pc, labels = tables
    n, features = len(texts), ptc.shape[0]
    if not n:
        return []
    raw = list(map(encoded, texts))
    lengths = np.fromiter(map(len, raw), dtype=np.int64, count=n)
    order = np.argsort(-lengths, kind="stable")  # texts still running are a prefix of ``order``
    sorted_lengths = lengths[order]
    width = int(sorted_lengths[0])
    flat = np.frombuffer(b"".join([raw[i] for i in order.tolist()]), dtype=np.uint8)
    where = np.zeros(n, dtype=np.int64)  # each text's next byte in ``flat``
    np.cumsum(sorted_lengths[:-1], out=where[1:])
    running = np.searchsorted(-sorted_lengths, -np.arange(width), side="left").tolist()  # texts longer than pos
    # (text, feature) keys, in 32 bits when they fit (a quicker sort, the same order)
    kind = np.int32 if n * features < 2 ** 31 else np.int64
    base = (order * features).astype(kind)
    state = np.zeros(n, dtype=np.uint32)
    step, byte, feature = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.uint8), np.empty(n, dtype=np.int32)
    found = []
    for pos in range(width):
        r = running[pos]
        at, now, got = step[:r], byte[:r], feature[:r]
        np.take(rowbase, state[:r], out=at)
        np.take(flat, where[:r], out=now)
        where[:r] += 1
        at += now
        state = state[:r]
        np.take(nextmove, at, out=state)
        np.take(output, state, out=got)
        hit = np.flatnonzero(got >= 0)
        if len(hit):
            found.append(base[hit] + got[hit].astype(kind))
    keys = np.concatenate(found) if found else np.empty(0, dtype=kind)
    keys.sort()
    first = np.concatenate(([0], np.flatnonzero(keys[1:] != keys[:-1]) + 1)) if len(keys) else keys
    tally = np.diff(np.append(first, len(keys)))
    keys = keys[first]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // features, minlength=n), out=indptr[1:])
    column, table = keys % features, ptc
    if ptc.dtype != np.float32:  # the whole model: only the rows of the features found, numbered
        # in the same (sorted) order, so each text's sum adds the same products in the same order
        rows, column = np.unique(column, return_inverse=True)
        table = np.asarray(ptc[rows], dtype=np.float32)
    table_log = _log1p_table()
    weights = (table_log[tally] if len(tally) and int(tally.max()) < len(table_log)
               else np.log1p(tally.astype(np.float32)))
    counts = csr_matrix((weights, column, indptr), shape=(n, table.shape[0]))
    counts.has_sorted_indices = True
    scores = np.asarray(counts @ table, dtype=np.float32) + pc
    scores[np.diff(counts.indptr) == 0] = 0.0  # no features: uniform, as py3langid
    scores *= (1.0 / np.sqrt(np.maximum(lengths, 1))).astype(np.float32)[:, None]
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)
    best = scores.argmax(axis=1)
    return list(zip([labels[b] for b in best.tolist()], scores[np.arange(n), best].tolist()))
