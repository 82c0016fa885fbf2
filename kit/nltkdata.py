"""NLTK data the kit needs, built offline from installed packages.

NLTK reads its data only from the folders on ``nltk.data.path``. The kit never
downloads anything: it builds the one resource it uses, VADER's lexicon, from
the ``vader_lexicon.txt`` that ships inside the ``vaderSentiment`` wheel, into a
folder it manages, in the layout NLTK expects::

    <data dir>/sentiment/vader_lexicon.zip           (member vader_lexicon/vader_lexicon.txt)
    <data dir>/sentiment/vader_lexicon.zip.source    (stamp: hashes of the source and the zip)

The data dir is ``$INTERVIEW_KIT_DATA`` if set, else
``$XDG_DATA_HOME/interview-kit/nltk_data`` (``~/.local/share/interview-kit/nltk_data``).
If that folder cannot be written (and holds no fresh copy), a private temporary
folder is used instead.

The zip is rebuilt only when it is missing, corrupt or stale (the stamp records
the SHA-256 and size of the source file and the SHA-256 of the zip). Every file
is written to a temporary name in its own folder and moved into place with
``os.replace``, and the zip is byte-for-byte deterministic, so two processes
building at once both end with the same, complete files.

API: :func:`ensure_nltk_data`, :func:`lexicon_path`, :func:`nltk_analyzer`,
:func:`snowball_stemmer`, NLTK's Snowball stemmers without importing all of NLTK, and
:func:`nltk_module`, any small module of NLTK loaded that way.
"""
from __future__ import annotations

import atexit
import hashlib
import importlib.util
import json
import os
import shutil
import stat
import sys
import tempfile
import threading
import types
import warnings
import zipfile
from pathlib import Path

__all__ = [
    "ENV_VAR",
    "RESOURCE",
    "data_dir",
    "ensure_nltk_data",
    "lexicon_path",
    "lexicon_text",
    "nltk_analyzer",
    "nltk_module",
    "snowball_stemmer",
    "source_lexicon_path",
]

#: Environment variable naming the kit's NLTK data folder.
ENV_VAR = "INTERVIEW_KIT_DATA"
#: The NLTK resource name that ``SentimentIntensityAnalyzer`` loads by default.
RESOURCE = "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"

_ZIP_REL = Path("sentiment", "vader_lexicon.zip")
_MEMBER = "vader_lexicon/vader_lexicon.txt"
_STAMP_SUFFIX = ".source"
_STAMP_FORMAT = 1
# Fixed member metadata so that the zip is identical whoever builds it.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FIX = "pip install vaderSentiment"

_lock = threading.RLock()
_built: dict[str, Path] = {}  # configured data dir -> data dir actually used
_analyzers: dict[str, object] = {}  # data dir -> SentimentIntensityAnalyzer
_fallback_dir: Path | None = None


# --------------------------------------------------------------------------- paths


def data_dir() -> Path:
    """The configured data folder (it may not exist yet)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    # The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    base = Path(xdg).expanduser() if xdg and os.path.isabs(os.path.expanduser(xdg)) else (
        Path.home() / ".local" / "share"
    )
    return base / "interview-kit" / "nltk_data"


def source_lexicon_path() -> Path:
    """``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package.

    Found without importing the package. Raises ``RuntimeError`` naming the fix
    when the package or the file is missing.
    """
    try:
        spec = importlib.util.find_spec("vaderSentiment")
    except (ImportError, ValueError):
        spec = None
    candidates = []
    if spec is not None:
        for loc in spec.submodule_search_locations or ():
            candidates.append(Path(loc) / "vader_lexicon.txt")
        if spec.origin and spec.origin not in ("namespace", "built-in"):
            candidates.append(Path(spec.origin).parent / "vader_lexicon.txt")
    for cand in candidates:
        if cand.is_file():
            return cand
    where = f" (looked in {', '.join(str(c.parent) for c in candidates)})" if candidates else ""
    raise RuntimeError(
        "interview-kit needs VADER's lexicon, vader_lexicon.txt from the vaderSentiment "
        f"package, and cannot find it{where}. Fix: {_FIX}"
    )


# --------------------------------------------------------------------------- building


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _zip_bytes(lexicon: bytes) -> bytes:
    """The zip NLTK expects, deterministic for the same lexicon bytes."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo(_MEMBER, date_time=_ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # unix, so external_attr is read as a mode
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        zf.writestr(info, lexicon, compresslevel=9)
    return buf.getvalue()


def _stamp_text(source: bytes, zipped_sha: str, source_path: Path) -> str:
    return json.dumps(
        {
            "format": _STAMP_FORMAT,
            "source_sha256": _sha256(source),
            "source_size": len(source),
            "zip_sha256": zipped_sha,
            "member": _MEMBER,
            "source": str(source_path),
        },
        indent=1,
        sort_keys=True,
    ) + "\n"


def _is_fresh(zip_path: Path, source: bytes) -> bool:
    """True when the zip at *zip_path* was built from *source* and is intact."""
    stamp_path = zip_path.with_name(zip_path.name + _STAMP_SUFFIX)
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
        zipped = zip_path.read_bytes()
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict):
        return False
    if (
        stamp.get("format") != _STAMP_FORMAT
        or stamp.get("source_size") != len(source)
        or stamp.get("source_sha256") != _sha256(source)
        or stamp.get("zip_sha256") != _sha256(zipped)
    ):
        return False
    return _private_enough(zip_path)


def _private_enough(path: Path) -> bool:
    """NLTK (3.10+) refuses data it could be tricked into loading: a file or folder
    owned by another account, or writable by group/others. Check the same rule."""
    if os.name != "posix":
        return True
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_uid not in (os.geteuid(), 0):
        return False
    return not (st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _atomic_write(target: Path, data: bytes) -> None:
    """Write *data* to a temporary file next to *target*, then ``os.replace`` it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _makedirs(path: Path) -> None:
    """Create *path* (and parents) private to this account."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def _build_into(root: Path, source: bytes, source_path: Path) -> Path:
    """Make sure ``root`` holds a fresh zip; return the zip's path. Raises OSError
    when the folder cannot be written or would be refused by NLTK."""
    zip_path = root / _ZIP_REL
    if _is_fresh(zip_path, source) and _dirs_private(root):
        return zip_path
    _makedirs(zip_path.parent)
    if not _dirs_private(root):
        raise PermissionError(
            f"{root} (or its sentiment/ folder) is writable by another account; "
            "NLTK refuses to read data from it (chmod go-w fixes that)"
        )
    zipped = _zip_bytes(source)
    _atomic_write(zip_path, zipped)
    stamp = zip_path.with_name(zip_path.name + _STAMP_SUFFIX)
    _atomic_write(stamp, _stamp_text(source, _sha256(zipped), source_path).encode("utf-8"))
    # A concurrent builder writes identical bytes, so whichever replace wins, the
    # pair (zip, stamp) describes the same content.
    if not _is_fresh(zip_path, source):
        raise OSError(f"could not verify {zip_path} after writing it")
    return zip_path


def _dirs_private(root: Path) -> bool:
    return all(_private_enough(p) for p in (root, root / "sentiment") if p.exists())


def _temp_root() -> Path:
    """A private temporary data folder, used when the configured one cannot be written."""
    global _fallback_dir
    if _fallback_dir is not None and _fallback_dir.is_dir():
        return _fallback_dir
    uid = os.geteuid() if hasattr(os, "geteuid") else os.getpid()
    stable = Path(tempfile.gettempdir()) / f"interview-kit-{uid}" / "nltk_data"
    try:
        stable.parent.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(stable.parent)
        if (
            stat.S_ISDIR(st.st_mode)
            and (os.name != "posix" or st.st_uid == os.geteuid())
            and not st.st_mode & 0o077
        ):
            _makedirs(stable)
            _fallback_dir = stable
            return stable
    except OSError:
        pass
    # Someone else owns the predictable name (or it is unusable): use a fresh one.
    fresh = Path(tempfile.mkdtemp(prefix="interview-kit-nltk-"))
    atexit.register(shutil.rmtree, fresh, True)
    _fallback_dir = fresh
    return fresh


def _build() -> Path:
    """Build (if needed) and return the data dir in use, without touching NLTK."""
    key = str(data_dir())
    with _lock:
        root = _built.get(key)
        if root is not None and (root / _ZIP_REL).is_file():
            return root
        source_path = source_lexicon_path()
        try:
            source = source_path.read_bytes()
        except OSError as exc:
            raise RuntimeError(
                f"cannot read VADER's lexicon at {source_path} ({exc}). Fix: {_FIX}"
            ) from exc
        configured = Path(key)
        try:
            _build_into(configured, source, source_path)
            root = configured
        except OSError as exc:
            fallback = _temp_root()
            warnings.warn(
                f"interview-kit cannot write its NLTK data to {configured} ({exc}); "
                f"using {fallback} instead. Set {ENV_VAR} to a writable folder.",
                RuntimeWarning,
                stacklevel=3,
            )
            _build_into(fallback, source, source_path)
            root = fallback
        _built[key] = root
        return root


def _forget() -> None:
    """Drop what this process remembers (used by the tests to force a re-check)."""
    global _fallback_dir
    with _lock:
        _built.clear()
        _analyzers.clear()
        _fallback_dir = None


# --------------------------------------------------------------------------- public API


def ensure_nltk_data() -> Path:
    """Build the kit's NLTK data if missing or stale and put its folder first on
    ``nltk.data.path``. Returns the data folder. Idempotent; after the first call
    in a process it is a dictionary lookup and a list check."""
    root = _build()
    import nltk.data

    entry = str(root)
    if not nltk.data.path or nltk.data.path[0] != entry:
        with _lock:
            while entry in nltk.data.path:
                nltk.data.path.remove(entry)
            nltk.data.path.insert(0, entry)
    return root


def lexicon_path() -> Path:
    """Path of the kit's built ``sentiment/vader_lexicon.zip`` (built if needed)."""
    return _build() / _ZIP_REL


def lexicon_text() -> str:
    """The lexicon text exactly as NLTK's ``nltk.data.load`` returns it (UTF-8,
    falling back to Latin-1), read from the kit's zip. Does not import NLTK."""
    with zipfile.ZipFile(lexicon_path()) as zf:
        data = zf.read(_MEMBER)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def nltk_analyzer():
    """An ``nltk.sentiment.vader.SentimentIntensityAnalyzer`` loaded with the kit's
    lexicon (one per data folder, cached)."""
    root = ensure_nltk_data()
    key = str(root)
    sia = _analyzers.get(key)
    if sia is not None:
        return sia
    with _lock:
        sia = _analyzers.get(key)
        if sia is not None:
            return sia
        import nltk.data
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        found = nltk.data.find(RESOURCE)
        found_zip = getattr(getattr(found, "zipfile", None), "filename", None)
        ours = root / _ZIP_REL
        if found_zip is None or not os.path.samefile(found_zip, ours):
            raise RuntimeError(
                f"NLTK resolved {RESOURCE} to {found_zip or found}, not the kit's copy "
                f"at {ours}; NLTK may refuse {root} (it must be private: chmod go-w)"
            )
        sia = SentimentIntensityAnalyzer(lexicon_file=RESOURCE)
        _analyzers[key] = sia
        return sia


# --------------------------------------------------------------------------- stemmers

_stemmers: dict[str, object] = {}


def nltk_module(name: str, packages: tuple[str, ...] = (), stubs: dict[str, dict] | None = None):
    """NLTK's module ``name`` (``"nltk.stem.snowball"``) loaded without running ``nltk/__init__.py``.

    ``import nltk`` imports nearly all of NLTK, and scipy.stats with it (about 1.7 s of CPU),
    while a stemmer or a sentence tokenizer needs one module and a few small ones it imports.
    Those are executed from NLTK's own files under placeholder parent packages (``nltk`` and
    each of ``packages``, dotted names below it: ``("stem", "corpus")``; ``stubs`` sets
    attributes on a placeholder, ``{"corpus": {"stopwords": None}}``), and every ``nltk*``
    entry this adds to ``sys.modules`` is removed again, so a later ``import nltk`` gets the
    real package, untouched. The code run is NLTK's own, so results are identical
    (tests/test_coding.py compares stems with ``import nltk``'s). If NLTK is already imported,
    or its layout differs, the module is imported the ordinary way. Raises ``ImportError``
    when NLTK is not installed.
    """
    if "nltk" not in sys.modules:
        spec = importlib.util.find_spec("nltk")
        locations = list(spec.submodule_search_locations or []) if spec else []
        if locations:
            root = Path(locations[0])
            before = set(sys.modules)
            for package in ("", *packages):
                placeholder = types.ModuleType("nltk." + package if package else "nltk")
                placeholder.__path__ = [str(root.joinpath(*package.split(".")) if package else root)]
                for attribute, value in (stubs or {}).get(package, {}).items():
                    setattr(placeholder, attribute, value)
                sys.modules[placeholder.__name__] = placeholder
            try:
                return importlib.import_module(name)
            except ImportError:
                pass
            finally:
                for loaded in set(sys.modules) - before:
                    if loaded == "nltk" or loaded.startswith("nltk."):
                        del sys.modules[loaded]
    return importlib.import_module(name)


def _snowball_module():
    """``nltk.stem.snowball`` (:func:`nltk_module`): it imports ``nltk.redos``, ``nltk.termsec``
    and ``nltk.stem.api``/``util``/``porter``; ``nltk.corpus`` is a placeholder, read only by
    ``ignore_stopwords=True``."""
    return nltk_module("nltk.stem.snowball", ("stem", "corpus"), {"corpus": {"stopwords": None}})


def snowball_stemmer(language: str = "english"):
    """NLTK's ``SnowballStemmer(language)`` (one per language, cached; ``.stem(word)``),
    loaded without importing all of NLTK (see :func:`_snowball_module`). Raises
    ``ValueError`` for a language NLTK's Snowball does not know."""
    got = _stemmers.get(language)
    if got is None:
        with _lock:
            got = _stemmers.get(language)
            if got is None:
                got = _stemmers[language] = _snowball_module().SnowballStemmer(language)
    return got
