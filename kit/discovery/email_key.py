"""How the search index keeps participants' emails: a keyed hash, never the address
(attacker s13 A11).

The same key makes the other hashes the index keeps of what may name someone: its studies' file
paths and its rosters' fingerprints (:func:`keyed_hash`, attacker s16 A14).

The index links one person across studies by email (``search.prior_interactions``), so it keeps
something of each address; a plain SHA-256 of it let anyone holding the file confirm that a known
address took part (hash it, look it up). It keeps an HMAC-SHA-256 of the trimmed, case-folded
address instead (:func:`email_hash`), keyed with a random secret of the repository
(:data:`KEY_FILE`, ``REPO/.interview-kit/email-key``: 32 random bytes in hex, created on the
first ``index`` with mode 0600, set back to 0600 when found readable by others). Without that
file the hashes say nothing; the index stores only :func:`key_check` (an HMAC of a fixed text,
not the key), and is rebuilt when the key is not the one it was written with (the file deleted
or replaced). Copying the index without the key leaves ``prior_interactions`` by email empty
until ``index`` runs again.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

__all__ = ["KEY_FILE", "email_hash", "email_key", "key_check", "keyed_hash"]

KEY_FILE = "email-key"


def email_hash(email, key: bytes) -> str:
    """An HMAC-SHA-256 (hex) of the trimmed, case-folded ``email`` with ``key``; "" for none."""
    text = str(email or "").strip().casefold()
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest() if text else ""


def keyed_hash(key: bytes, text: str, length: int = 64) -> str:
    """An HMAC-SHA-256 (hex, its first ``length`` digits) of ``text`` with the repository's
    ``key``: what the index keeps of a file's path and of a roster's fingerprint, so that
    nobody holding the index file can confirm a guessed name by hashing it (attacker s16 A14:
    ``transcripts/ines_villalobos.txt`` was a plain SHA-256). Lone surrogates (a file name
    that is not UTF-8) are kept as they are."""
    return hmac.new(key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:length]


def key_check(key: bytes) -> str:
    """What the index keeps to tell whether it was written with ``key`` (not the key)."""
    return hmac.new(key, b"interview-kit email key check", hashlib.sha256).hexdigest()


def email_key(folder) -> bytes:
    """The repository's key, from ``folder/email-key`` (``folder``: ``REPO/.interview-kit``),
    made (0600, written whole or not at all) when there is none; mode 0600 enforced."""
    path = Path(folder) / KEY_FILE
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            _create(path)
            continue
        try:
            info = os.fstat(fd)
            if stat.S_IMODE(info.st_mode) & 0o077:
                os.fchmod(fd, 0o600)
            text = os.read(fd, 4096).decode("ascii", "replace").strip()
        finally:
            os.close(fd)
        try:
            key = bytes.fromhex(text)
        except ValueError:
            key = b""
        if len(key) >= 16:
            return key
        os.unlink(path)  # empty or damaged: a new key (the index is rebuilt with it)
    raise OSError(f"{path}: cannot make the key of the index's email hashes")


def _create(path: Path) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{KEY_FILE}.", suffix=".tmp", dir=path.parent)  # 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
        try:
            os.link(tmp, path)  # never over a key another run just made
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
