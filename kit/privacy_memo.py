"""A study folder's roster (:func:`kit.privacy.roster` of a path) worked out once for the same
bytes of the files it reads (issue 20).

``interview-kit index`` works out the roster of every study's ``participants.csv`` for the
index (:func:`kit.discovery.index_names.repository_roster`), and its printer works out the
same rosters again to redact what it prints (``kit.cli.printing``): the sheet's identifier
and person columns judged twice, about 0.4 s of CPU for 10,000 participants. The roster of a
folder depends only on the bytes of its ``participants.csv`` and ``study.yml``, so it is kept
under their SHA-256 (and the folder's real path): a file edited, even to the same size within
the same clock tick, is read again. Only regular files are remembered (a link, a FIFO or a
folder in their place is read the long way every time), and only when neither file changed
while the roster was worked out.
"""
from __future__ import annotations

import hashlib
import os
import stat

__all__ = ["MAX_ROSTERS", "remembered"]

#: How many folders' rosters are kept (the oldest is dropped first).
MAX_ROSTERS = 256
_MEMO: dict = {}
_FILES = ("participants.csv", "study.yml")


def _bytes_key(path: str):
    """The SHA-256 of a regular file's bytes, "" when there is no such file, None when the
    file cannot be remembered (not a regular file, unreadable)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ""
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    try:
        with open(path, "rb", buffering=0) as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def _key(folder):
    folder = os.path.realpath(os.fspath(folder))
    keys = tuple(_bytes_key(os.path.join(folder, name)) for name in _FILES)
    return None if None in keys else (folder, keys)


def remembered(folder, work):
    """``work()`` (the roster of ``folder``), or what it gave for the same bytes of the
    folder's participants.csv and study.yml before."""
    key = _key(folder)
    if key is not None and key in _MEMO:
        return _MEMO[key]
    result = work()
    if key is not None and _key(folder) == key:  # neither file changed while it was read
        while _MEMO and len(_MEMO) >= MAX_ROSTERS:
            del _MEMO[next(iter(_MEMO))]
        if MAX_ROSTERS > 0:
            _MEMO[key] = result
    return result
