"""Command-line front ends of the research repository: ``interview-kit index`` and
``interview-kit search`` (parsing is in :mod:`kit.cli`; these return (text, exit code))."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from kit.check import CROSS_CHECKS
from kit.discovery.index import IndexBusyError, IndexLocationError, IndexWriteError, update_index
from kit.discovery.repository import find_studies, no_studies_message
from kit.safety import escape_controls, shell_path

__all__ = ["index_command", "search_argv", "search_command"]

#: The options of ``search`` that take a value (the next word is theirs, not the query).
_VALUE_OPTIONS = ("--code", "--segment", "--since", "--limit")
_FLAG_OPTIONS = ("-h", "--help", "--json", "--include-names")


def search_argv(argv: list[str]) -> list[str]:
    """``argv`` of ``interview-kit search`` with a query word that starts with ``-``
    (``search REPO -export``, "not export") moved after a ``--``, so the parser takes it as
    the query, not as an unknown option. A word starting with ``--`` that is no option (nor
    the start of one) is left for the parser to refuse; ``search REPO -- --word`` searches
    it. Other commands' arguments are returned unchanged."""
    if not argv or argv[0] != "search":
        return list(argv)
    kept, moved, rest = [argv[0]], [], []
    words = iter(argv[1:])
    for word in words:
        if word == "--":
            rest = list(words)
            break
        option = word.split("=", 1)[0]
        if word.startswith("--") or word in _FLAG_OPTIONS or word == "-":
            kept.append(word)
            known = [o for o in _VALUE_OPTIONS if o.startswith(option) and len(option) > 2]
            if known and "=" not in word:
                following = next(words, None)
                if following is not None:
                    kept.append(following)
        elif word.startswith("-") and len(word) > 1:
            moved.append(word)
        else:
            kept.append(word)
    if not moved:
        return list(argv)
    return kept + ["--"] + moved + rest


# -- ---------------------------------------------------------------------
def _repo_problem(repo, command: str = "index") -> str | None:
    root = Path(repo)
    if not root.exists():
        return f"{_one_line(root)}: no such folder"
    if not root.is_dir():
        return f"{_one_line(root)}: not a folder: give the repository folder that holds the studies"
    if not find_studies(root):
        return _one_line(no_studies_message(root, command))
    return None


def _one_line(text) -> str:
    """A study's folder name, a path or a message naming one, as printed: on one line, its
    control characters (a newline in a folder name, an escape sequence) written as backslash
    escapes, so one study's name cannot look like two lines of the report (issue atk8 20)."""
    return escape_controls(text, backslash=False)


def index_command(repo) -> tuple[str, int]:
    """``interview-kit index REPO``: build or update the index. Returns (text, exit code):
    0 done, 1 done but some study has errors (listed as path:line: message), 2 not a
    repository, or the index's path (``REPO/.interview-kit/index.sqlite``) is not a file."""
    problem = _repo_problem(repo)
    if problem:
        return f"interview-kit index: {problem}", 2
    try:
        report = update_index(repo)
    except (IndexLocationError, IndexBusyError, IndexWriteError) as exc:  # IndexBusyError: another run did
        return f"interview-kit index: {_one_line(exc)}", 2  # not finish in time; IndexWriteError: a full disk
    lines = []
    if report.rebuilt:
        lines.append(f"rebuilt the index ({report.reason})")
    for label in report.indexed:
        lines.append(f"indexed   {_one_line(label)}")
    for label in sorted(set(report.unchanged)):
        lines.append(f"unchanged {_one_line(label)}")
    for label in report.removed:
        lines.append(f"removed   {_one_line(label)} (no longer in the repository)")
    errors = 0
    for label, problems in sorted(report.problems.items()):
        mine = [p for p in problems if p.is_error]
        lines.extend(_one_line(p) for p in mine)
        errors += len(mine)
        warnings = len(problems) - len(mine)
        # Every study gets its summary (both kinds: the errors listed above and the warnings),
        # a study without problems too: check may still warn about it (its cross-checks,
        # which index does not run), and the line says so.
        # a label the index redacted (S2-[name]) is no folder: the command names no path then
        folder = shell_path(Path(repo) / label) if (Path(repo) / label).is_dir() else "<its folder>"
        lines.append(f"{_one_line(label)}: {len(mine)} error(s), {warnings} warning(s) in reading its files; "
                     f"interview-kit check {folder} lists them and also checks "
                     f"{CROSS_CHECKS}")
    # fix10p: a participant's consent differing across studies, at each of their rows
    lines.extend(_one_line(p) for p in getattr(report, "consent", []))
    con = sqlite3.connect(report.path)
    try:
        docs, n_studies = con.execute("SELECT count(*), count(DISTINCT study) FROM docs").fetchone()
        gone = con.execute("SELECT count(*) FROM people WHERE status = 'withdrawn'").fetchone()[0]
    finally:
        con.close()
    withdrawn = f"; withdrawn: {gone} (their words are not indexed)" if gone else ""  # newcomer s15 F7
    lines.append(f"{_one_line(report.path)}: {n_studies} studies, {docs} segments{withdrawn}")
    return "\n".join(lines), (1 if errors else 0)


def _alone(repo, query, **filters) -> str:
    """For a query of several terms (words or "phrases", no operator) that matched nothing
    together: which terms match alone (with the same filters) and how to search for any of
    them (OR) or for the words as a phrase. "" for one term, with an operator, or when no
    term matches alone either."""
    from kit.discovery.search import _OPERATORS, query_terms, search

    terms = query_terms(query)[0]  # as the search reads them: "NEAR(invoice" is invoice (attacker s13 A8)
    if len(terms) < 2 or any(t in _OPERATORS for t in terms):
        return ""
    counts = {}
    for term in terms:
        try:
            counts[term] = int(search(repo, term, limit=1, update=False, **filters).attrs.get("total", 0))
        except ValueError:
            counts[term] = 0
    alone = [f"{t} matches {n}" for t, n in counts.items() if n]
    if not alone:  # no word of it is in any passage: nothing an OR would find either
        return ""
    alone += [f"{t} matches none" + (f" (`{t}*` finds the words starting with it)" if not t.startswith('"')
                                     and not t.endswith("*") else "") for t, n in counts.items() if not n]
    words = " ".join(t.strip('"') for t in terms)
    return (f": every word must be in the same passage. Alone, {'; '.join(alone)}. Search any of them with "
            f"`{' OR '.join(terms)}`, or an exact phrase in quotes (`\"{words}\"`)")


def search_command(repo, query, code=None, segment=None, since=None, as_json: bool = False,
                   limit: int = 20, include_names: bool = False) -> tuple[str, int]:
    """``interview-kit search REPO QUERY [--code X] [--segment Y] [--since D] [--json]``.
    Each text hit shows its study (folder name), and its sprint when that differs.
    Returns (text, exit code): 0 (also when nothing matches), 2 for a usage error. With
    ``as_json`` the text is a JSON array of hits (codes as a list). Search results are a
    working output (``kit.outputs``): the names, emails and phone numbers of every study's
    roster are replaced unless ``include_names`` (contact details are replaced anyway)."""
    problem = _repo_problem(repo, "search")
    if problem:
        return f"interview-kit search: {problem}", 2
    from kit.discovery.search import search  # not imported by ``index``
    from kit.outputs import WORKING, Outputs
    from kit.privacy import roster

    writer = Outputs(None, None, WORKING, include_names=include_names,
                     people=roster(find_studies(repo)))
    try:  # the snippets come cleaned as this output shows them, on their whole text (newcomer s12 F15)
        hits = search(repo, query, code=code, segment=segment, since=since, limit=limit,
                      include_names=include_names, shown=writer.clean)
    except (ValueError, IndexLocationError, IndexBusyError, IndexWriteError) as exc:
        return f"interview-kit search: {_one_line(exc)}", 2
    stale = "".join(f"\n{_one_line(n)}" for n in hits.attrs.get("notes", []))  # the last complete index was read
    if as_json:
        records = []
        for row in hits.to_dict("records"):
            row["codes"] = row["codes"].split() if row["codes"] else []
            records.append({k: v if k == "snippet" else writer.clean_value(v) for k, v in row.items()})
        return json.dumps(records, indent=2, ensure_ascii=False), 0
    from kit.privacy_ids import name_word_note  # fix10p: a query word that is also a roster name

    note = "" if include_names else name_word_note(query, writer.people)
    if not len(hits):
        # the user's own query and the hint built from its words are theirs, not the studies':
        # not redacted ("Law 101" stays "Law 101"); the counts come from the pseudonymised index,
        # so a redacted name matches none and the hint reveals nothing (control characters escaped)
        return escape_controls(f"no matches for {query!r}" + _alone(
            repo, query, code=code, segment=segment, since=since, include_names=include_names), backslash=False) \
            + _note_line(note) + stale, 0
    lines = []
    for r in hits.itertuples(index=False):
        # the study (folder) always: two studies may share a sprint label and the same ids
        where = r.study if not r.sprint or r.sprint == r.study else f"{r.study} (sprint {r.sprint})"
        meta = "  ".join(x for x in (r.kind, where, r.date, r.segment) if x)
        codes = f"  [{', '.join(r.codes.split())}]" if r.codes else ""
        lines.append(writer.clean(_one_line(f"{r.rank:>2}. {r.id}  {meta}{codes}")))
        lines.append(f"    {r.snippet}")  # already as shown (not cleaned again: its marks would cut phrases)
        if r.context:
            lines.append(writer.clean(f"    asked: {r.context}"))
    total = int(hits.attrs.get("total", len(hits)))
    lines.append(f"showing {len(hits)} of {total} matches (--limit {limit}: give a larger --limit to see more)"
                 if total > len(hits) else f"{len(hits)} match(es)")
    return "\n".join(lines) + _note_line(note) + stale, 0


def _note_line(note: str) -> str:
    """``note`` on a line of its own (its control characters escaped), "" without one."""
    from kit.safety import escape_controls

    return "\n" + escape_controls(note, backslash=False) if note else ""
