"""One writer for everything the kit writes or prints, by kind of output.

Every table, text, JSON file, figure and printed line of the kit goes through an
:class:`Outputs` (or :func:`console` for printing), which applies the privacy rules of its
kind before anything reaches a disk or a terminal:

``working``
    analyze tables, REFI-QDA exports, search results, anything printed. Pseudonymous by
    default: the roster's names (full names, first names and surnames, in any case, with or
    without accents, also inside file names such as ``maria_lopez.vtt``) become ``[name]``,
    emails (plain or written in words: ``jose at example dot com``) ``[email]``, phone numbers
    (international forms too) ``[phone]``, and a participant's speaker label their id.
    ``include_names=True`` keeps names (for internal copies); contact details never.
``published``
    the run folder (report, tables, figures, executed notebooks and their HTML): the rules of
    working outputs, and no verbatim words of participants who did not consent to being
    quoted (``consent_quote`` not yes). Their rows keep ids, codes and scores; their words in
    a text column become ``(not quoted: no consent to quote)`` and any run of
    ``kit.privacy.SHINGLE`` of their words elsewhere ``[not quoted]``.
``private``
    drafts addressed to one participant (thank-you, "you said, we did"). They hold that
    participant's own words, so they never go in a published folder: :func:`private_folder`
    puts them beside it (``<out>-private/``), never inside the study.

:data:`CATALOGUE` lists every output the kit writes with its kind. The final leak scan of
``interview-kit run`` (``kit.privacy.find_leaks``) stays as a second line behind this module.

Example::

    out = Outputs("report", study, kind=PUBLISHED)
    out.table("tables/coded_segments.csv", coded)   # redacted, unconsented words withheld
    publish_to(run, study).table("themes", themes)  # a registered table (kit.registry), by name
    console(study).print(text)                      # a working output
"""
from __future__ import annotations

import json as _json
import re
import sys
from pathlib import Path

import pandas as pd

from kit.schema import VERBATIM_COLUMNS  # columns of a participant's own words: withheld whole
from kit.privacy import EMAIL_MARK, NO_CONSENT, PHONE_MARK, Roster, Unquotable, redact, roster, unquotable
from kit.privacy_batch import unredacted
from kit.object_memo import ObjectMemo

__all__ = ["CATALOGUE", "KINDS", "PRIVATE", "PUBLISHED", "VERBATIM_COLUMNS", "WORKING", "Outputs", "console", "forget_published_writers",
           "published_writer", "file_roles", "private_folder", "publish_to", "redact_shown", "study_of",
           "undecodable_shown"]

WORKING, PUBLISHED, PRIVATE = "working", "published", "private"
KINDS = (WORKING, PUBLISHED, PRIVATE)

_NOT_VERBATIM_KINDS = frozenset({"insight", "opportunity", "action", "decision"})

# Every output the kit writes, with its kind: (output, written by, kind).
CATALOGUE: tuple[tuple[str, str, str], ...] = (
    ("OUT/turns.csv, themes.csv, autocodes.csv, program.json, languages.csv, coding_languages.csv",
     "interview-kit analyze", WORKING),
    ("FILE.qdpx (REFI-QDA project: sources, cases, codings)", "interview-kit export --qdpx", WORKING),
    ("FILE.qdc (REFI-QDA codebook)", "interview-kit export --qdc", WORKING),
    ("search results (text and --json)", "interview-kit search", WORKING),
    ("REPO/.interview-kit/index.sqlite (pseudonymised; names only in the --include-names copy)",
     "interview-kit index / search", WORKING),
    ("review results (text and --json)", "interview-kit review", WORKING),
    ("problems printed as path:line: message", "interview-kit check (and every command)", WORKING),
    ("suggested_themes.csv, suggested_theme_passages.csv, suggested_theme_examples.csv, "
     "suggested_themes_by_segment.csv, suggested_theme_terms.csv, suggested_codebook.yml",
     "interview-kit themes", WORKING),
    ("the coding widget's view", "notebook 04 / kit.widgets", WORKING),
    ("OUT/index.html (the sprint report)", "interview-kit run / notebook 08", PUBLISHED),
    ("OUT/tables/*.csv, *.json", "interview-kit run / notebooks 01-09 (kit.outputs.publish_to, kit.registry)", PUBLISHED),
    ("OUT/figures/*.png", "interview-kit run / notebooks 01-09", PUBLISHED),
    ("OUT/notebooks/*.ipynb and *.html (executed notebooks)", "interview-kit run", PUBLISHED),
    ("OUT/program.json, OUT/run.log", "interview-kit run / notebook 07", PUBLISHED),
    ("OUT/guide.md, guide.html (printable guide)", "notebook 01 / kit.guide_export", PUBLISHED),
    ("OUT-private/drafts/thank-you/*.md, you-said-we-did/*.md, drafts.csv",
     "interview-kit run / notebook 09 (kit.loop.write_drafts)", PRIVATE),
)

# An escape that ``repr`` writes for a character (a message's ``{value!r}``): ``\xad``,
# ``\u200b``, ``\U0001f600``, ``\t``. Preceded by an even number of backslashes only (``\\u200b``
# is a backslash and the letters u200b).
_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[tnr])")
_SHORT = {"t": "\t", "n": "\n", "r": "\r"}


def _unescaped(text: str) -> tuple[str, dict]:
    r"""``text`` with the escapes ``repr`` writes read back as their characters, and
    ``{character: escape as written}`` for :func:`_escaped`. Read back: escapes of a
    character outside printable ASCII (``\u200b``, ``\xa0``, ``\xe9``), and ``\t``, ``\n``,
    ``\r`` when the text holds no such character as it is (a text of several lines keeps its
    lines). Escapes of printable ASCII and of surrogates stay as written."""
    forms: dict[str, str] = {}

    def back(match: re.Match) -> str:
        code = match.group(2)
        if code in _SHORT:
            ch = _SHORT[code]
            if ch in text:
                return match.group(0)
        else:
            value = int(code[1:], 16)
            if (0x20 <= value < 0x7f) or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                return match.group(0)
            ch = chr(value)
        if not (ch.isprintable() and ch in text):  # a printable one the text holds as it is stays so
            forms.setdefault(ch, "\\" + code)
        return match.group(1) + ch

    return _ESCAPE.sub(back, text), forms


def _escaped(text: str, forms: dict) -> str:
    """``text`` with the characters of ``forms`` (from :func:`_unescaped`) written again as
    they were escaped."""
    for ch, form in forms.items():
        if ch in text:
            text = text.replace(ch, form)
    return text


def _contacts_seen(text: str, redacted: str, people, names: bool) -> str:
    """``redacted`` (``text`` through :func:`kit.privacy.redact`), or, when ``text`` holds
    invisible characters (:func:`kit.privacy_text.invisible_pattern`: zero-width spaces, soft
    hyphens, bidi marks) that hid an email or a phone number from redaction
    (``020\u200b7946\u200b0958``, ``bob\u200b@example.org``), the text redacted without them:
    fail closed, a reader sees the number whatever is between its digits."""
    if text.isascii() or ("@" not in text and not any(c.isdigit() for c in text)):
        return redacted
    from kit.privacy_text import invisible_pattern

    visible = invisible_pattern().sub("", text)
    if visible == text:
        return redacted
    other = redact(visible, people, names=names)
    def marks(t):
        return t.count(EMAIL_MARK) + t.count(PHONE_MARK)

    return other if marks(other) > marks(redacted) else redacted


_SURROGATE = re.compile("[\ud800-\udfff]")  # any surrogate: text that cannot be written as UTF-8


def undecodable_shown(text: str, people: Roster | None = None) -> str:
    """``text`` as it can be written and printed when it holds bytes that are not UTF-8 (a
    folder or file name read by Python as surrogate escapes, ``Okaf\udcf6r``): decoded as
    ``check`` decodes a file's contents (UTF-8, else Windows-1252, else Latin-1) and redacted
    with ``people`` when that reading holds a roster name (``[name]``), else the bytes
    written as escapes (``Okaf\\xf6r``). Other text is returned as it is."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    data = text.encode("utf-8", "surrogateescape") if all(
        not 0xD800 <= ord(c) < 0xDC80 for c in text) else text.encode("utf-8", "surrogatepass")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            decoded = data.decode("cp1252")
        except UnicodeDecodeError:
            decoded = data.decode("latin-1")
    hidden = redact(decoded, people) if people is not None else decoded
    if hidden != decoded:
        return hidden
    escaped = data.decode("utf-8", "backslashreplace")
    return redact(escaped, people) if people is not None else escaped  # Okafor\xff: [name]\xff


def redact_shown(text, people: Roster | None = None, names: bool = True, words: Unquotable | None = None):
    """:func:`kit.privacy.redact` for a text as a reader sees it: the escapes ``repr`` wrote
    into it (``'Jo\\u200bsé'``, ``\\xa0``) read back before redaction and written again after
    (an escape glued onto a name, ``u200bsé``, hid it), an email or phone number with invisible
    characters in it redacted too, and with ``words`` (:class:`kit.privacy.Unquotable`) the
    unconsented words withheld. Non-strings and "" are returned as they are."""
    if not isinstance(text, str) or not text:
        return text
    if _SURROGATE.search(text):  # a file name's bytes that are not UTF-8 (Python's surrogate escapes)
        text = undecodable_shown(text, people if names else None)
    forms = None
    if "\\" in text:
        text, forms = _unescaped(text)
    text = _contacts_seen(text, redact(text, people, names=names), people, names)
    if words:
        text = words.withhold(text)
    return _escaped(text, forms) if forms else text


_RULES = ObjectMemo(most=16)  # per study object, never keeping one alive (kit.object_memo)


def _code_names(study) -> list:
    """The code names of a study's codebook (a ``Study``, a path, or a list of them), in order."""
    if isinstance(study, (list, tuple)):
        return [n for one in study for n in _code_names(one)]
    codebook = getattr(study, "codebook", None)
    if codebook is None and isinstance(study, (str, Path)) and (Path(study) / "codebook.yml").is_file():
        from kit.codebook import load_codebook

        try:
            codebook = load_codebook(Path(study) / "codebook.yml")[0]
        except Exception:  # noqa: BLE001 - an unreadable codebook (check reports it): names stay redacted, unnumbered
            return []
    return list(getattr(codebook, "names", ()) or ())


def _study_key(study):
    if isinstance(study, (list, tuple)):
        return tuple(_study_key(s) for s in study)
    return ("path", str(Path(study).resolve())) if isinstance(study, (str, Path)) else ("obj", id(study))


def _rules(study, published: bool) -> tuple[Roster, Unquotable | None]:
    """The roster (and, for published outputs, the unquotable words) of a study, computed once
    per study object."""
    if study is None:
        return Roster(), None
    key = (_study_key(study), published)
    hit = _RULES.get(key, study)
    if hit is not None:
        return hit
    people = roster(study)
    from kit.third_speaker_names import with_third_speakers  # a parent's, a nurse's label: a name (s15 F8)

    people = with_third_speakers(people, study)
    words = unquotable(study) if published else None
    _RULES.put(key, study, (people, words))
    return people, words


class Outputs:
    """The writer of one output folder of one kind (``working``, ``published``, ``private``).

    ``study`` (a ``Study``, a path, or a list of studies for outputs across a repository)
    gives the roster and the consent; without it only contact details are redacted.
    Methods write atomically (a temporary file, then renamed) under ``root`` and return the
    path: :meth:`table` (CSV), :meth:`text`, :meth:`json`, and figures (PNG) through :func:`kit.viz.redact.write_figure`;
    :meth:`print` prints; :meth:`frame` and :meth:`clean` give the cleaned values.
    ``written`` lists ``(path, kind)`` of everything written.
    """

    def __init__(self, root=None, study=None, kind: str = WORKING, include_names: bool = False,
                 people: Roster | None = None, words: Unquotable | None = None):
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        self.root = Path(root) if root is not None else None
        self.kind = kind
        self.include_names = bool(include_names)
        known_people, known_words = _rules(study, kind == PUBLISHED)
        self.people = people if people is not None else known_people
        self.words = (words if words is not None else known_words) if kind == PUBLISHED else None
        self.written: list[tuple[Path, str]] = []
        self._study, self._codes = study, None  # code names that redact alike, numbered (_code_shown)
        #: Strings shown as they are inside any text this writer cleans: the paths a user typed
        #: on the command line are theirs (``--out /dev/null`` is not ``/[name]/null`` because a
        #: participant is called Dev); set by the command line's printer (kit.cli.printing._say).
        self.verbatim: tuple[str, ...] = ()

    # -- values --------------------------------------------------------------------------------
    def clean(self, text):
        """One text as this kind of output may show it (non-strings returned as they are).
        Escapes that ``repr`` wrote into it (``'Jo\\u200bsé'``, a message's ``{value!r}``)
        are read back before redaction and written again after it (:func:`_unescaped`), so
        an escaped invisible character never hides the name it sits in."""
        return self._scrub(text, not self.include_names)

    def _code_shown(self, text: str):
        """How ``text`` is shown when it is a code name that another code's name redacts alike
        (:func:`kit.codebook.distinct_shown`: ``[name] (code 2)``, in the case of an upper-case
        text), else None."""
        if self._codes is None:
            from kit.codebook import distinct_shown

            names = _code_names(self._study)
            self._codes = distinct_shown(names, lambda t: redact_shown(t, self.people, True)) if names else {}
        shown = self._codes.get(text.casefold()) if self._codes else None
        return shown.upper() if shown is not None and text.isupper() else shown

    def _scrub(self, text, names: bool):
        if names and self.kind == PUBLISHED and isinstance(text, str) and self._study is not None and (
                shown := self._code_shown(text)):  # the export numbers its own (kit.qdpx.distinct_names)
            return shown
        if self.verbatim and isinstance(text, str):
            for typed in self.verbatim:  # longest first: the rest of the text around it cleaned
                if typed in text:
                    return typed.join(self._scrub(part, names) for part in text.split(typed))
        return redact_shown(text, self.people, names, self.words)

    def frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A copy of ``frame`` as this kind of output may show it: speaker labels of
        participants become their ids, every text cell is redacted and, in a published
        output, the rows of participants who did not consent to being quoted lose their
        words (columns :data:`VERBATIM_COLUMNS`)."""
        out = frame.copy()
        if not len(out.columns):
            return out
        if not self.include_names and {"speaker", "participant"} <= set(out.columns):
            out["speaker"] = _speaker_ids(out)
        if self.words:
            withheld = self._unconsented_rows(out)
            if withheld.any():
                for column in out.columns:
                    name = str(column).lower()
                    if name in VERBATIM_COLUMNS or name.endswith(("_text", "_quote")):
                        values = out[column].tolist()
                        out[column] = [NO_CONSENT if gone and isinstance(v, str) and v else v
                                       for v, gone in zip(values, withheld.tolist())]
        for column in out.columns:
            series = out[column]
            if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
                continue
            values = series.tolist()
            try:
                distinct = set(values)  # each distinct value once: ids, labels and codes repeat down a column
            except TypeError:  # unhashable cells (lists): only the strings are cleaned
                distinct = {v for v in values if isinstance(v, str)}
            # the texts redaction provably leaves as they are, found together (kit.privacy_batch)
            quiet = unredacted(distinct, self.people) if not self.words else frozenset()
            changed = {v: c for v in distinct.difference(quiet) if isinstance(v, str) and (c := self.clean(v)) != v}
            if changed:
                out[column] = [changed.get(v, v) if isinstance(v, str) else v for v in values]
        if out.columns.dtype == object or pd.api.types.is_string_dtype(out.columns):
            out.columns = [self.clean(c) if isinstance(c, str) else c for c in out.columns]
        return out

    def _unconsented_rows(self, frame: pd.DataFrame) -> pd.Series:
        """True for the rows holding the words of a participant who did not consent."""
        n = len(frame)
        owner = pd.Series([False] * n, index=frame.index)
        if "consent_quote" in frame:
            owner = ~frame["consent_quote"].map(_yes)
        elif "participant" in frame:
            owner = frame["participant"].map(self.words.owns)  # look-alike letters too (kit.privacy)
        else:
            for column in ("segment_id", "segment", "id"):
                if column in frame:
                    who = [self.words.participant_of.get(str(v).split("#", 1)[0]) if "#" in str(v) else None
                           for v in frame[column].tolist()]
                    owner = pd.Series([self.words.owns(w) for w in who], index=frame.index)
                    break
        third = getattr(self.words, "segments", frozenset())
        for column in ("segment_id", "segment", "id") if third else ():  # a third speaker's turn, whoever the row names
            if column in frame:
                owner |= frame[column].map(lambda v: isinstance(v, str) and v in third).astype(bool)
        if "kind" in frame:
            owner &= ~frame["kind"].astype(str).str.lower().isin(_NOT_VERBATIM_KINDS)
        if "role" in frame:
            owner &= frame["role"].astype(str).str.lower() != "interviewer"
        for column in ("segment_id", "segment", "opportunity_id"):  # insights, opportunities: the team's words
            if column in frame:  # every id column (a "segment" column may be the segment attribute)
                owner &= ~frame[column].astype(str).str.contains(r"#[io]\d", regex=True)
        return owner.fillna(False).astype(bool)

    # -- writing -------------------------------------------------------------------------------
    def path(self, name) -> Path:
        """Where ``name`` (relative to the root, or absolute) is written. A bare name without
        a suffix (``"themes"``) is a registered table (:mod:`kit.registry`), written to its
        file (``tables/themes.csv``); an unregistered bare name raises ``KeyError``."""
        if isinstance(name, str) and "/" not in name and "\\" not in name and not Path(name).suffix:
            from kit.registry import entry

            name = entry(name).path
        name = Path(name)
        if name.is_absolute() or self.root is None:
            return name
        return self.root / name

    def _done(self, path: Path) -> Path:
        self.written.append((path, self.kind))
        return path

    def table(self, name, frame: pd.DataFrame) -> Path:
        """Write ``frame`` as CSV (UTF-8, no index) after :meth:`frame`."""
        from kit.csvio import atomic_write_csv

        path = self.path(name)
        atomic_write_csv(path, self.frame(frame))
        return self._done(path)

    def text(self, name, text: str, markup: bool = False) -> Path:
        """Write a text file (``markup``: HTML or Markdown, embedded images left whole)."""
        from kit.csvio import atomic_write_text
        from kit.privacy import redact_markup

        path = self.path(name)
        if markup:
            text = redact_markup(text, self.people, not self.include_names, self.words)
        else:
            text = self.clean(text)
        atomic_write_text(path, text)
        return self._done(path)

    def json(self, name, value) -> Path:
        """Write ``value`` as indented JSON, every string in it cleaned."""
        from kit.csvio import atomic_write_text

        path = self.path(name)
        atomic_write_text(path, _json.dumps(self.clean_value(value), indent=2, default=str,
                                            ensure_ascii=False) + "\n")
        return self._done(path)

    def clean_value(self, value):
        """A JSON-like value (dicts, lists, strings) with every string cleaned."""
        if isinstance(value, str):
            return self.clean(value)
        if isinstance(value, dict):
            return {self.clean_value(k) if isinstance(k, str) else k: self.clean_value(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.clean_value(v) for v in value]
        return value

    def written_path(self, path: Path) -> Path:
        """Record ``path`` (written by an edge on this writer's behalf, e.g. a figure by
        :func:`kit.viz.redact.write_figure`) as an output of this kind."""
        return self._done(path)

    def print(self, *values, sep: str = " ", end: str = "\n", file=None) -> None:
        """``print`` for this kind of output: the text cleaned first."""
        print(self.clean(sep.join(str(v) for v in values)), end=end, file=file or sys.stdout)

    def problem(self, problem, roles=None) -> str:
        """A located problem (``path:line: message``) as this output may show it: the whole
        printed line, hints included, goes through :meth:`clean`. When the file's name holds
        a roster name (``transcripts/maria_lopez.vtt``) the path is shown redacted, so the
        line says which file it is: ``roles`` (a callable giving :func:`file_roles`, called
        only then) names it by its interview ("the transcript of INT-001"). When redaction took names out of the line, it ends with the hint that
        ``--include-names`` shows them."""
        raw = str(problem)
        text = self.clean(raw)
        if self.include_names or text == raw or self._scrub(raw, names=False) == text:
            return text  # nothing or only contact details redacted: --include-names would not show more
        path = getattr(problem, "path", None)
        if not isinstance(path, str) or self.clean(path) == path:
            return f"{text} (--include-names shows the names)"
        role = None
        if roles is not None:
            try:
                role = (roles() or {}).get(_resolved(path))
            except (OSError, ValueError, KeyError, TypeError):
                role = None
        where = f"{Path(path).name} is {role}" if role else "its file name holds a participant's name"
        return self.clean(f"{raw} ({where}; --include-names shows the file name)")


def publish_to(out, study=None, include_names: bool = False) -> Outputs:
    """The writer of a notebook's published tables in ``out`` (a run folder): built once in a
    notebook, then ``published.table("themes", frame)`` / ``published.json("program", value)``
    write a registered table (:mod:`kit.registry`) under the rules of a published output.

    In an IPython kernel (a notebook), every data frame and series the notebook then shows
    is shown as this writer would publish it (:meth:`Outputs.frame`): an executed notebook is
    a published output too, and a text column that a display cuts to its first 50
    characters ("Complaints went up for a fortnight, then the n...") would otherwise keep a
    non-consenting participant's words too short for the final word check to recognise."""
    published = Outputs(out, study, PUBLISHED, include_names=include_names)
    _show_through(published)
    if published.root is not None:
        if len(_PUBLISHED_WRITERS) >= 16:  # a kernel makes one or two; a long test process many
            _PUBLISHED_WRITERS.pop(next(iter(_PUBLISHED_WRITERS)))
        _PUBLISHED_WRITERS[_resolved(published.root)] = published
    return published


#: The published writers of this process by their resolved root (the latest per folder wins):
#: a figure a notebook saves with :func:`kit.viz.base.save` into one of these folders has its
#: texts cleaned by that writer first (:func:`published_writer`).
_PUBLISHED_WRITERS: dict[str, Outputs] = {}


def forget_published_writers() -> None:
    """Forget the published writers of this process (each holds its study): a reused kernel
    does so between two notebooks (:func:`kit.kernel_reuse.reset_kernel_state`), whose next
    notebook registers its own."""
    _PUBLISHED_WRITERS.clear()


def published_writer(path) -> Outputs | None:
    """The published writer (:func:`publish_to`) whose folder holds ``path``, or None: a figure
    saved there is a published output, so its titles, labels, tick labels, legends and
    annotations are cleaned as that writer cleans a table (names, emails, phone numbers,
    identifiers; a non-consenting participant's words)."""
    if not _PUBLISHED_WRITERS:
        return None
    here = Path(_resolved(path))
    for folder in (here, *here.parents):
        writer = _PUBLISHED_WRITERS.get(str(folder))
        if writer is not None:
            return writer
    return None


def _show_through(writer: Outputs) -> bool:
    """Register ``writer.frame`` in front of the running IPython kernel's plain-text and HTML
    displays of data frames and series (the latest writer wins). False outside IPython."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters

    def cleaned(value):
        if isinstance(value, pd.Series):
            return writer.frame(value.to_frame()).iloc[:, 0].rename(value.name)
        return writer.frame(value)

    def plain(value, printer, cycle):
        printer.text(repr(cleaned(value)))

    def html(value):
        shown = cleaned(value)
        return shown._repr_html_() if isinstance(shown, pd.DataFrame) else None

    for kind in (pd.DataFrame, pd.Series):
        formatters["text/plain"].for_type(kind, plain)
        formatters["text/html"].for_type(kind, html)
    return True


def console(study=None, include_names: bool = False) -> Outputs:
    """The writer for printed output (a working output) of a study, several, or none."""
    try:
        return Outputs(None, study, WORKING, include_names)
    except (OSError, ValueError, KeyError, TypeError):  # a study too broken for a roster: contacts still go
        return Outputs(None, None, WORKING, include_names)


def study_of(path) -> Path | None:
    """The study folder a file or folder belongs to: the nearest folder (``path`` itself or
    a parent, up to four levels) holding ``study.yml`` or ``participants.csv``; None if none."""
    here = Path(path).expanduser().resolve()
    for folder in [here, *here.parents][:5]:
        if folder.is_dir() and ((folder / "study.yml").is_file() or (folder / "participants.csv").is_file()):
            return folder
    return None


def file_roles(study) -> dict[str, str]:
    """Resolved path of every interview note and transcript of a study -> what it is
    (``"the transcript of INT-001"``, ``"the note of INT-001"``): how printed output names a
    file whose name is redacted. An interview id made of a file's name that holds a name
    says no more than the name: such a file is named by its participant (``"the transcript of P-004's
    interview"``), or left out when it has none. The text is raw, for :meth:`Outputs.problem`
    to clean."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    root = Path(study.path)
    roles: dict[str, str] = {}
    frame = study.interviews
    people = frame["participant"].tolist() if "participant" in frame else [None] * len(frame)
    people_of = roster(study)
    for column, what in (("transcript_path", "the transcript"), ("note_path", "the note")):
        if column not in frame:
            continue
        for iid, pid, value in zip(frame["interview_id"].tolist(), people, frame[column].tolist()):
            if isinstance(value, str) and value:
                known = isinstance(pid, str) and bool(pid) and pid != iid
                if iid == Path(value).stem and redact(iid, people_of) != iid:  # an id made of a name
                    if not known:
                        continue
                    label = f"{what} of {pid}'s interview"
                else:
                    label = f"{what} of {iid}"
                where = Path(value)
                if not where.is_absolute() and not where.exists():
                    where = root / value  # transcript paths are relative to the study
                roles.setdefault(_resolved(where), label)
    return roles


def _resolved(path) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return str(path)


def private_folder(out_dir, private_dir=None, study=None) -> Path:
    """The folder for private outputs (drafts to participants) of a run writing to
    ``out_dir``: ``private_dir`` if given, else ``<out_dir>-private`` beside it. Never inside
    the published folder nor inside the study (raises ``ValueError``)."""
    out = Path(out_dir).expanduser().resolve()
    folder = Path(private_dir).expanduser() if private_dir else out.with_name(out.name + "-private")
    if not private_dir and folder.is_symlink():  # attacker s14 A6: OUT-private linked to a user's folder or the study
        raise ValueError(f"private outputs would follow the symbolic link {folder}; remove it, the kit makes "
                         "this folder itself")
    folder = folder.resolve()
    if folder == out or out in folder.parents:
        raise ValueError(f"private outputs may not go inside the published folder {out}: {folder}")
    studies = study if isinstance(study, (list, tuple)) else [study] if study is not None else []
    for s in studies:
        where = Path(getattr(s, "path", s)).expanduser().resolve()
        if folder == where or where in folder.parents:
            raise ValueError(f"private outputs may not go inside the study {where}: {folder}")
    for above in (folder, *folder.parents):  # nor inside any other study (edited by people, kept in git)
        if (above / "study.yml").is_file():
            raise ValueError(f"private outputs may not go inside the study {above}: {folder}")
    if not private_dir and folder.is_dir() and not (folder / ".gitignore").is_file():
        try:
            busy = next(iter(folder.iterdir()), None) is not None
        except OSError:
            busy = True
        if busy:  # a folder of the user's own that the kit did not make: never written into, nor chmod-ed
            raise ValueError(f"private outputs go to {folder}, which already holds files interview-kit did not "
                             "write; move them or choose another --out")
    return folder


def _yes(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("yes", "true", "y", "1")
    try:
        return bool(value) and not pd.isna(value)
    except (TypeError, ValueError):
        return bool(value)


def _speaker_ids(frame: pd.DataFrame) -> list:
    """Speaker labels with every participant's label (role ``participant``) replaced by their
    id; without a role column the labels are only redacted like any text."""
    roles = frame["role"].tolist() if "role" in frame else [None] * len(frame)
    out = []
    for speaker, role, pid in zip(frame["speaker"].tolist(), roles, frame["participant"].tolist()):
        if role == "participant":
            out.append(pid if isinstance(pid, str) and pid else "participant")
        elif role == "other":  # a third speaker (kit.study_config.OTHER_ROLE): never by name
            out.append("other speaker")
        else:
            out.append(speaker)
    return out
