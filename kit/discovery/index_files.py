"""The SHA-256 of each file a full index build's loading reads whole, taken from that read
(:func:`hashing_reads`), so the build fingerprints a study's files without reading them twice
(``kit.discovery.index._fingerprint``)."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager

__all__ = ["hashing_reads"]


@contextmanager
def hashing_reads():
    """While the body runs, the SHA-256 of each file ``kit.csvio.read_bytes`` reads whole,
    by (st_dev, st_ino, st_mtime_ns, st_size, st_ctime_ns) of the open file: a full build
    fingerprints the files its loading of the study read (``kit.discovery.index._fingerprint``)."""
    from kit.csvio import READ_OBSERVERS

    hashes: dict = {}

    def observe(info, data):
        if len(data) == info.st_size:  # the whole file as its fstat found it
            hashes[(info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size, info.st_ctime_ns)] = \
                hashlib.sha256(data).hexdigest()

    READ_OBSERVERS.append(observe)
    try:
        yield hashes
    finally:
        READ_OBSERVERS.remove(observe)
