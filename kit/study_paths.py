"""Where a study's files really are: the study loader's ``realpath`` with cached folders and
the directory reads it already made, and whether a file lies inside the study (a symbolic
link out of it, or a loop, is never followed)."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["StudyPaths"]


class StudyPaths:
    """Mixin of the study loader (needs ``root``)."""

    def _scanned(self, folder) -> None:
        """Remember the real path of every entry of ``folder`` that is not a symbolic link,
        from one directory read (``os.scandir`` tells links apart by the entry's type,
        without an ``lstat`` each): what :meth:`_real` would work out for it. A folder that
        cannot be read is left to :meth:`_real`."""
        known = self.__dict__.setdefault("_real_entries", {})
        where = os.fspath(folder)
        try:
            real = self._real_folder(where)
            with os.scandir(where) as entries:
                for entry in entries:
                    if not entry.is_symlink():
                        known[entry.path] = os.path.join(real, entry.name)
        except (OSError, RuntimeError):
            return

    def _real_folder(self, folder: str) -> str:
        folders = self.__dict__.setdefault("_real_folders", {})
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = str(Path(folder or ".").resolve())
        return real

    def _real(self, path) -> str:
        """``os.path.realpath(path)`` (every symbolic link followed), with the folders'
        real paths cached: a file that is not itself a link costs one ``lstat``, not one
        per component of its path (a study reads thousands of files from a few folders),
        and none when its folder was read by :meth:`_scanned`."""
        path = os.fspath(path)
        known = self.__dict__.get("_real_entries")
        if known:
            real = known.get(path)
            if real is not None:
                return real
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return str(Path(path).resolve())  # a link loop raises RuntimeError, as before
        return os.path.join(self._real_folder(folder), name)

    def _inside(self, path: Path) -> bool:
        """Whether ``path``, with every symbolic link followed, lies inside the study."""
        root = self.__dict__.get("_resolved_root")
        if root is None:
            root = self.__dict__["_resolved_root"] = str(self.root.resolve())
        try:
            real = self._real(path)
        except (ValueError, OSError, RuntimeError):
            return False
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)
