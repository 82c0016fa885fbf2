"""Local word vectors for theme discovery (``interview-kit themes --embedding-model FILE``):
a word2vec/GloVe text file read and checked line by line (Mikolov et al. 2013; Pennington,
Socher & Manning 2014, the text format both publish)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

__all__ = ["load_word_vectors"]


def load_word_vectors(path) -> dict[str, np.ndarray]:
    """Word vectors from a local file in word2vec/GloVe text format: an optional header line
    ``count dimensions``, then one ``word v1 … vd`` line per word. Returns {word: vector}.

    Checked line by line: every vector has the same number (at least one) of finite numbers,
    equal to the header's dimensions when there is a header, and the header's count matches the
    number of vectors. Raises ``ValueError`` naming the file and line (``path:line: message``)
    for a malformed, non-finite or mis-sized line, a header that does not match, or a file that
    is not UTF-8 text; ``FileNotFoundError`` when the file is missing."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no word-vector file here (give a word2vec/GloVe .txt or .vec file)")
    vectors: dict[str, np.ndarray] = {}
    size = header = None
    number = rows = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError(f"{path}:{number}: not UTF-8 text; expected a word2vec/GloVe text file") from None
            parts = line.rstrip("\n").rstrip().split(" ")
            if not parts or parts == [""]:
                continue
            if number == 1 and len(parts) == 2 and all(p.isdigit() for p in parts):
                header = (int(parts[0]), int(parts[1]))
                if header[1] < 1:
                    raise ValueError(f"{path}:1: the header says {header[1]} dimensions; expected at least 1")
                size = header[1]
                continue
            values = _vector_values(path, number, parts)
            if size is None:
                size = len(values)
            if len(values) != size:
                said = "the header's" if header else "the first vector's"
                raise ValueError(f"{path}:{number}: {len(values):,} numbers, expected {size:,} ({said} dimensions)")
            vectors[unicodedata.normalize("NFC", parts[0]).lower()] = values  # as passages' words are
            rows += 1
    if not vectors:
        raise ValueError(f"{path}:1: no word vectors in the file")
    if header is not None and header[0] != rows:
        raise ValueError(f"{path}:1: the header says {header[0]:,} vectors but the file holds {rows:,}")
    return vectors


def _vector_values(path, number: int, parts: list[str]) -> np.ndarray:
    """The finite numbers after the word on line ``number`` (ValueError, located, otherwise)."""
    if len(parts) < 2:
        raise ValueError(f"{path}:{number}: expected a word followed by numbers separated by spaces "
                         f"(word2vec/GloVe text format)")
    try:
        values = np.asarray([float(v) for v in parts[1:]], dtype=np.float64)
    except ValueError:
        raise ValueError(f"{path}:{number}: expected a word followed by numbers separated by spaces "
                         f"(word2vec/GloVe text format)") from None
    bad = np.flatnonzero(~np.isfinite(values))
    if len(bad):
        raise ValueError(f"{path}:{number}: number {bad[0] + 1} ({parts[bad[0] + 1]}) is not a finite number")
    return values
