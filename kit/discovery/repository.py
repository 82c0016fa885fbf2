"""A research repository: several studies (research sprints) in one folder, searchable.

```
REPO/
  2026-S41/              a study folder (study.yml, interviews/, transcripts/, ...)
  2026-S45/
  2026-S49/
  assumptions.yml        optional, see kit.discovery.assumptions
  experiments.yml        optional, see kit.discovery.assumptions
  ost.yml                optional, see kit.discovery.ost
  .interview-kit/        the kit's own cache (not a study): index.sqlite
```

A study of the repository is a direct subfolder with a ``study.yml``, an ``interviews/`` or a
``transcripts/`` folder; hidden folders (``.interview-kit``, ``.git``) are never studies.

The index (:mod:`kit.discovery.index`) keeps an embedded SQLite FTS5 index of every quote,
insight, opportunity and participant turn, with its stable id, study, date, segment and codes
(manual codings and auto-codes) in ``REPO/.interview-kit/index.sqlite``. The study files stay
the source of truth: the index is a cache that can be deleted at any time, updated
incrementally and rebuilt from scratch when it is missing, damaged or outdated.

This module finds and loads the studies and builds the cross-sprint tables (segments,
codings, interviews). Search (:mod:`kit.discovery.search`) and trends
(:mod:`kit.discovery.trends`) bring the index up to date first, so they always answer from
the files as they are.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from itertools import repeat
from operator import itemgetter
from pathlib import Path

import pandas as pd

from kit.study import Study, load_study

__all__ = ["CODE_COLUMNS", "INDEX_DIR", "KINDS", "PARTICIPANT_WORDS", "REPO_FILES", "SEGMENT_COLUMNS",
           "RepositoryError", "autocode_pairs", "coded_table", "example_repository", "find_studies", "interviews_table",
           "is_repository", "is_study_folder", "load_studies", "no_studies_message", "pick_study", "repository_paths",
           "resolve_repository",
           "segments_table", "sprint_label", "sprints_path", "study_label", "study_order_key"]

INDEX_DIR = ".interview-kit"
KINDS = ("quote", "insight", "opportunity", "turn")
#: Segments in the participant's own words (insights and opportunities are the team's).
PARTICIPANT_WORDS = ("turn", "quote")
REPO_FILES = ("assumptions.yml", "experiments.yml", "ost.yml", "pool.csv")


class RepositoryError(ValueError):
    """A folder that cannot be used as a research repository (not a folder, no studies)."""


# -- finding and loading the studies ------------------------------------------------------------
def sprints_path() -> Path:
    """The two follow-up sprints bundled with the kit (2026-S45, 2026-S49) and the example
    repository files (assumptions.yml, experiments.yml, ost.yml, pool.csv)."""
    return Path(__file__).resolve().parent.parent / "data" / "sprints"


def example_repository(target=None) -> Path:
    """Write the bundled example repository: the pilot as ``2026-S41``, the sprints
    ``2026-S45`` and ``2026-S49``, and the repository files. ``target`` must not exist or be
    empty; ``None`` (or "") makes a fresh temporary folder. Returns the folder."""
    from kit.paths import pilot_path, scratch_folder

    if target is None or str(target).strip() == "":
        root = scratch_folder("interview-kit-repo-")
    else:
        root = Path(target).expanduser()
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise RepositoryError(f"{root} exists and is not empty: give a new folder")
        root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(pilot_path(), root / "2026-S41")
    source = sprints_path()
    for folder in sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        shutil.copytree(folder, root / folder.name)
    for name in REPO_FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, root / name)
    return root


def is_repository(path) -> bool:
    """A folder the kit recognises as a research repository: it holds the kit's index or
    one of the repository files (assumptions.yml, experiments.yml, ost.yml)."""
    path = Path(path)
    return path.is_dir() and ((path / INDEX_DIR).is_dir()
                              or any((path / n).is_file() for n in ("assumptions.yml", "experiments.yml", "ost.yml")))


def resolve_repository(repo_dir, study_dir="") -> Path:
    """A notebook's ``repo_dir`` parameter. Given, it must be a folder. Empty: with no
    ``study_dir`` (or the bundled pilot as ``study_dir``) a temporary copy of the example
    repository (three sprints); with a study that sits in a repository (its parent folder
    is one, see :func:`is_repository`) that repository; otherwise a temporary repository
    holding a copy of just that study (the study itself is never written to)."""
    from kit.paths import pilot_path, scratch_folder

    if repo_dir is not None and str(repo_dir).strip():
        path = Path(repo_dir).expanduser()
        if not path.is_dir():
            raise RepositoryError(f"{path} is not a folder")
        return path
    if study_dir is None or not str(study_dir).strip():
        return example_repository()
    study = Path(study_dir).expanduser().resolve()
    if study == pilot_path().resolve():
        return example_repository()
    if is_repository(study.parent):
        return study.parent
    root = scratch_folder("interview-kit-repo-")
    shutil.copytree(study, root / study.name, ignore=shutil.ignore_patterns(".*"))
    return root


def is_study_folder(path: Path) -> bool:
    path = Path(path)
    return (path.is_dir() and not path.name.startswith((".", "_"))
            and ((path / "study.yml").is_file() or (path / "interviews").is_dir()
                 or (path / "transcripts").is_dir()))


def repository_paths(folder, paths) -> list:
    """``paths`` (a study's note paths, as loaded) relative to the repository (the folder that
    holds the study ``folder``), POSIX-style, as the index keeps them: a moved or copied
    repository's index still leads to its files (attacker s13 A9)."""
    import os

    root = os.path.dirname(os.path.abspath(folder))
    inside = root.rstrip(os.sep) + os.sep
    cut = len(inside) if os.sep == "/" else None  # a path under the root: the rest of its absolute path

    def relative(p):
        whole = os.path.abspath(p)
        if cut is not None and whole.startswith(inside) and len(whole) > cut:
            return whole[cut:]
        return Path(os.path.relpath(whole, root)).as_posix()

    return [relative(p) if isinstance(p, str) and p else p for p in paths]


def find_studies(repo) -> list[Path]:
    """The study folders of a repository (direct subfolders), sorted by name."""
    root = Path(repo)
    if not root.is_dir():
        raise RepositoryError(f"{root} is not a folder")
    return sorted(p for p in root.iterdir() if is_study_folder(p))


def no_studies_message(repo, command: str = "index") -> str:
    """Why ``repo`` (a folder holding no study folder) is no repository, and what to run:
    a study folder given itself is pointed at the folder that holds it (``interview-kit
    COMMAND PARENT``, with how many studies that holds) and at ``interview-kit check``; a
    folder inside a study (its ``transcripts/``) is named as that folder of the study, and the
    repository that holds the study given instead; a folder with repositories below it names
    them."""
    root = Path(repo)
    if is_study_folder(root) or (root / "study.yml").is_file():
        parent = root.resolve().parent
        count = len(find_studies(parent))
        return (f"{root}: this is a study, not a repository of studies: run `interview-kit {command} "
                f"{parent}{' QUERY' if command == 'search' else ''}` to use the folder that holds it ({count} stud{'y' if count == 1 else 'ies'} there), "
                f"or move it into a folder of its own and give that folder; `interview-kit check {root}` "
                "checks this study alone")
    study = next((p for p in root.resolve().parents if (p / "study.yml").is_file()), None)
    if study is not None:  # a folder inside a study (its transcripts/): point at the repository
        import os

        inside = root.resolve().relative_to(study).as_posix()
        shown, repository = (Path(os.path.relpath(p)) if p.is_relative_to(Path.cwd()) and p != Path.cwd() else p
                             for p in (study, study.parent))
        return (f"{root}: this is the {inside} folder of study {shown}: {command} {repository} (the "
                f"repository) instead: `interview-kit {command} {repository}{' QUERY' if command == 'search' else ''}`")
    below = [p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".")
             and any(is_study_folder(q) for q in p.iterdir())][:3]
    hint = f"; the folder(s) {', '.join(str(p) for p in below)} hold studies: give one of them" if below else ""
    return (f"{root}: no studies here: a repository holds study folders (each with study.yml, "
            f"interviews/ or transcripts/){hint}")


def _first_date(study: Study):
    dates = [d for d in study.interviews["date"] if d is not None and not pd.isna(d)] if len(study.interviews) else []
    return min(dates) if dates else None


def study_order_key(study: Study):
    """Studies are ordered by their first interview, then sprint label, then folder name."""
    first = _first_date(study)
    return (first is None, first or date.min, study.sprint, study.path.name)


def load_studies(repo_or_studies, strict: bool = False) -> list[Study]:
    """The repository's studies, loaded (``strict=False``: a study with errors is still
    loaded, its problems are in ``study.problems``), in sprint order. Also accepts a list
    of loaded studies or study folders, so notebooks load once and pass the list on."""
    if isinstance(repo_or_studies, (str, os.PathLike)):
        folders = find_studies(repo_or_studies)
        studies = [load_study(f, strict=strict) for f in folders]
    else:
        studies = [s if isinstance(s, Study) else load_study(s, strict=strict) for s in repo_or_studies]
    return sorted(studies, key=study_order_key)


def study_label(study: Study) -> str:
    """How a study is named in repository tables: its folder name."""
    return study.path.name


def sprint_label(study: Study) -> str:
    return study.sprint or study.path.name


def pick_study(studies, study_dir="", sprint=""):
    """The study a notebook works on: the one at ``study_dir`` (the repository's copy when
    the repository holds it, e.g. ``2026-S41`` for the bundled pilot), else the study whose
    sprint label (or folder name) is ``sprint``, else the latest sprint of the repository."""
    from kit.paths import pilot_path

    if study_dir is not None and str(study_dir).strip():
        path = Path(study_dir).expanduser().resolve()
        for s in studies:
            if s.path.resolve() == path:
                return s
        names = {s.path.name: s for s in studies}
        if path == pilot_path().resolve() and "2026-S41" in names:
            return names["2026-S41"]
        if path.name in names and names[path.name].config == load_study(path, strict=False).config:
            return names[path.name]
        return load_study(path, strict=False)
    if sprint is not None and str(sprint).strip():
        for s in studies:
            if str(sprint) in (s.sprint, s.path.name):
                return s
        raise RepositoryError(f"no study with sprint {sprint!r} (sprints: "
                              f"{', '.join(sprint_label(s) for s in studies)})")
    if not studies:
        raise RepositoryError("the repository has no studies")
    return studies[-1]


# -- segments and codes of a study, with their metadata -----------------------------------------
SEGMENT_COLUMNS = ["study", "sprint", "segment_id", "interview_id", "participant", "kind", "date", "segment",
                   "consent_quote", "context", "text"]
CODE_COLUMNS = ["study", "segment_id", "code", "source", "counted"]


def _text(value) -> str:
    """A table cell as text: "" for None and NaN."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _iso(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _study_parts(study: Study) -> dict:
    """What the segments and codes tables of one study are made of, as plain lists and
    dicts (cached on the study): ``segments`` (``study.segments()``), ``dates`` and
    ``seg_of`` (interview id -> ISO date, segment), ``consent`` (participant ids),
    ``context`` (segment id -> the question before a participant turn), ``codes`` (one
    (segment id, code, source, counted) per coding, manual and auto, sorted), ``languages``
    (each segment's, :func:`kit.languages.annotate`) and ``nobody`` (per segment: a third
    speaker's, [] when the study has none)."""
    cached = study.__dict__.get("_repository_parts")
    if cached is not None:
        return cached
    from kit.languages import annotate
    from kit.schema import named_interviews

    from kit.withdrawn_words import without_withdrawn  # a withdrawn participant's words: not indexed (s15 F7)

    segments = without_withdrawn(study, study.segments())
    iv = study.interviews
    attribute = study.segment_attribute
    ids = iv["interview_id"].tolist() if len(iv) else []
    dates = dict(zip(ids, map(_iso, iv["date"].tolist()))) if len(iv) else {}
    seg_of = (dict(zip(ids, map(_text, iv[attribute].tolist())))
              if len(iv) and attribute in iv and attribute != "interview_id" else {})  # not the index of before
    # The question before each participant turn: the context a search hit needs. Only an
    # interviewer asks (kit.speaker_words: a third speaker's turn is never "asked"; newcomer s13 F2).
    from kit.speaker_words import questions_asked

    context = questions_asked(study.turns)
    # Each segment's language (kit.languages.annotate, as analyze labels them): the codebook's
    # keywords are matched in it, and only a language with a validated scorer is scored
    # (kit.languages.where_valid: a Polish passage is NaN, never 0.0; newcomer s12 F8).
    labelled = segments if "language" in segments or not len(segments) else annotate(study, study.turns, segments)[1]
    languages = labelled["language"].tolist() if len(segments) else []
    # kit.languages.study_autocode's (segment, code) pairs, without its DataFrame of evidence
    coded = ([], [])
    if len(segments) and len(study.codebook.names):
        from kit.language_mixed import passage_segments  # a turn in several languages: its passages (s18)

        passages = passage_segments(study, labelled)
        coded = autocode_pairs(passages, study.codebook)
        if passages is not labelled and coded[0]:  # each (segment, code) once
            coded = tuple(map(list, zip(*dict.fromkeys(zip(*coded)))))
    auto = pd.DataFrame({"segment_id": coded[0], "code": coded[1]}, dtype=object)
    # (segment, code) -> 1 auto, 2 manual, 3 both
    pairs: dict[tuple[str, str], int] = dict.fromkeys(zip(*coded), 1)
    for key in zip(study.codings["segment"].tolist(), study.codings["code"].tolist()):
        pairs[key] = pairs.get(key, 0) | 2
    # Which codings count toward a theme: the one definition of kit.themes.
    from kit.themes import counted_pairs as counted_of

    counted_pairs = set()
    if len(segments) and len(study.codebook.names):
        counted_pairs = counted_of(study, auto=auto, segments=segments)
    source = {1: "auto", 2: "manual", 3: "both"}
    # Sorted by (segment, code), as sorting the pairs would: by code, then stably by segment
    # (two sorts of strings, several times quicker than comparing tuples).
    keys = sorted(pairs, key=itemgetter(1))
    keys.sort(key=itemgetter(0))
    codes = [(s, c, source[how], how == 2 or (s, c) in counted_pairs)
             for (s, c), how in zip(keys, map(pairs.__getitem__, keys))]
    # A third speaker's passage (no participant, in an interview that names one) belongs to no
    # participant, so to no participant segment (kit.schema.person; newcomer s12 F18).
    named = named_interviews(iv) if len(iv) else set()
    nobody = [not p and i in named for p, i in zip(segments["participant"].tolist(),
                                                    segments["interview_id"].tolist())] if named else []
    parts = {"segments": segments, "dates": dates, "seg_of": seg_of, "consent": study.consenting(),
             "context": context, "codes": codes, "languages": languages, "nobody": nobody}
    study.__dict__["_repository_parts"] = parts
    return parts


def autocode_pairs(segments: pd.DataFrame, codebook) -> tuple[list, list]:
    """The ``segment_id`` and ``code`` columns of :func:`kit.languages.autocode` (its defaults),
    row for row, as two lists, without its DataFrame of evidence: the index needs only the
    pairs (issue 20). Each passage is coded in its language (``language``; without the
    column, English) and each distinct text of a language once: a text's codes depend on it
    alone (``tests/test_speed_s12_index.py`` compares both on every language path)."""
    from kit import coding
    from kit.languages import _coder

    sids, texts = segments["segment_id"].tolist(), segments["text"].tolist()
    langs = segments["language"].tolist() if "language" in segments and len(segments) else None
    if langs is None or all(x == "en" for x in langs):
        groups = [(coding.AutoCoder(codebook), range(len(texts)))]
    else:  # as autocode: English, then each other language in order (rows without one left out)
        by_lang: dict = {}
        for i, lang in enumerate(langs):
            if isinstance(lang, str) and lang != "en":
                by_lang.setdefault(lang, []).append(i)
        groups = ([(coding.AutoCoder(codebook), [i for i, x in enumerate(langs) if x == "en"])]
                  + [(_coder(codebook, lang), by_lang[lang]) for lang in sorted(by_lang)])
    out_sids, out_codes = [], []
    for coder, rows in groups:
        distinct: dict = {}
        which = [distinct.setdefault(texts[i], len(distinct)) for i in rows]
        unique = list(distinct)
        found = [codes for k in range(0, len(unique), coding.BATCH_TEXTS)
                 for codes in coder.code_texts(unique[k:k + coding.BATCH_TEXTS])]
        for i, w in zip(rows, which):
            for code, _evidence in found[w]:
                out_sids.append(sids[i])
                out_codes.append(code)
    if len(groups) > 1:  # autocode's stable sort by each segment's (last) position
        order = {sid: i for i, sid in enumerate(sids)}
        keyed = sorted(range(len(out_sids)), key=lambda k: order[out_sids[k]])
        out_sids, out_codes = [out_sids[k] for k in keyed], [out_codes[k] for k in keyed]
    return out_sids, out_codes


def _study_frames(study: Study) -> dict:
    """Segments (with study, sprint, date, segment, context) and codes (manual and auto) of
    one study. Cached on the study object."""
    cached = study.__dict__.get("_repository_frames")
    if cached is not None:
        return cached
    label, sprint = study_label(study), sprint_label(study)
    parts = _study_parts(study)
    segments, dates, consent, context = (parts[k] for k in ("segments", "dates", "consent", "context"))
    # Columns built from plain lists: pandas element by element is many times slower.
    interview_ids = segments["interview_id"].tolist()
    participants = segments["participant"].tolist()
    segment_ids = segments["segment_id"].tolist()
    frame = pd.DataFrame({
        "study": label, "sprint": sprint,
        "segment_id": segments["segment_id"].astype(str), "interview_id": segments["interview_id"].astype(str),
        "participant": segments["participant"].fillna("").astype(str), "kind": segments["kind"].astype(str),
        "date": pd.Series([dates.get(i, "") for i in interview_ids], index=segments.index),
        "segment": pd.Series(_segment_column(parts, interview_ids), index=segments.index),
        "consent_quote": pd.Series([p in consent for p in participants], index=segments.index),
        "context": pd.Series([context.get(s, "") for s in segment_ids], index=segments.index),
        "text": segments["text"].fillna("").astype(str),
    }, columns=SEGMENT_COLUMNS) if len(segments) else pd.DataFrame(columns=SEGMENT_COLUMNS)
    items = parts["codes"]
    codes = pd.DataFrame({"study": [label] * len(items), "segment_id": [i[0] for i in items],
                          "code": [i[1] for i in items], "source": [i[2] for i in items],
                          "counted": [i[3] for i in items]},
                         columns=CODE_COLUMNS) if items else pd.DataFrame(columns=CODE_COLUMNS)
    frames = {"segments": frame, "codes": codes}
    study.__dict__["_repository_frames"] = frames
    return frames


def _texts(values) -> list[str]:
    """A column's cells as text, as ``fillna("").astype(str)`` gives them."""
    return [v if type(v) is str else _text(v) for v in values]


def _text_column(frame: pd.DataFrame, name: str) -> list[str]:
    """:func:`_texts` of ``frame[name]``: the plain list itself when every cell is already a
    ``str`` (what a study's tables hold), checked in C rather than cell by cell."""
    values = frame[name].tolist()
    return values if set(map(type, values)) <= {str} else _texts(values)


def _study_rows(study: Study) -> dict:
    """The segments table of :func:`_study_frames` (without study and sprint) as plain lists,
    one per column, and its codes as (segment_id, code, source, counted) tuples: what the
    index writes, without building the DataFrames. Per-interview values (date, segment) and
    per-segment look-ups are mapped in C (``map`` over the id lists), not cell by cell."""
    parts = _study_parts(study)
    segments = parts["segments"]
    if not len(segments):
        return {"columns": {c: [] for c in SEGMENT_COLUMNS[2:]}, "codes": parts["codes"], "languages": []}
    dates, consent, context = (parts[k] for k in ("dates", "consent", "context"))
    interview_ids = segments["interview_id"].tolist()
    segment_ids = segments["segment_id"].tolist()
    participants = segments["participant"].tolist()
    columns = {
        "segment_id": _text_column(segments, "segment_id"), "interview_id": _text_column(segments, "interview_id"),
        "participant": _text_column(segments, "participant"), "kind": _text_column(segments, "kind"),
        "date": list(map(dates.get, interview_ids, repeat(""))),
        "segment": _segment_column(parts, interview_ids),
        "consent_quote": list(map(consent.__contains__, participants)),
        "context": list(map(context.get, segment_ids, repeat(""))), "text": _text_column(segments, "text"),
    }
    return {"columns": columns, "codes": parts["codes"], "languages": parts["languages"]}


def _segment_column(parts: dict, interview_ids: list) -> list[str]:
    """Each segment's participant segment (its interview's), "" for a third speaker's passage."""
    column = list(map(parts["seg_of"].get, interview_ids, repeat("")))
    if any(parts["nobody"]):
        column = ["" if nobody else value for value, nobody in zip(column, parts["nobody"])]
    return column


def segments_table(studies) -> pd.DataFrame:
    """Every segment of every study, one row each, with study, sprint, date and segment."""
    parts = [_study_frames(s)["segments"] for s in load_studies(studies)]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SEGMENT_COLUMNS)


def coded_table(studies) -> pd.DataFrame:
    """One row per (segment, code) across the studies, manual codings and auto-codes
    together (``source``: manual, auto or both; ``counted``: whether it counts toward a theme,
    ``kit.themes``), with the segment's metadata and text."""
    studies = load_studies(studies)
    parts = []
    for s in studies:
        frames = _study_frames(s)
        if len(frames["codes"]):
            parts.append(frames["codes"].merge(frames["segments"], on=["study", "segment_id"], how="inner"))
    columns = ["study", "sprint", "segment_id", "interview_id", "participant", "kind", "date", "segment", "code",
               "source", "counted", "consent_quote", "text"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def interviews_table(studies) -> pd.DataFrame:
    """One row per interview across the studies: study, sprint, order, interview_id, date,
    participant, who (participant, or the interview id when it names none), segment."""
    rows = []
    for order, s in enumerate(load_studies(studies), start=1):
        attribute = s.segment_attribute
        for d in s.interviews.to_dict("records"):
            rows.append({"study": study_label(s), "sprint": sprint_label(s), "order": order,
                         "interview_id": d["interview_id"], "date": d["date"], "participant": d["participant"] or "",
                         "who": d["participant"] or d["interview_id"], "segment": _text(d.get(attribute)),
                         "interviewer": d["interviewer"], "note_path": d["note_path"]})
    return pd.DataFrame(rows, columns=["study", "sprint", "order", "interview_id", "date", "participant", "who",
                                       "segment", "interviewer", "note_path"])


