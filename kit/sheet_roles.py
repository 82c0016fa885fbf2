"""One reader of the column roles of a sheet of people: a study's participants.csv and a
``recruit`` pool (newcomer s15 F11: a practice-management export's ``Client No``,
``Client Name``, ``Client Email``, ``Opted Out`` were read by ``check`` but refused by ``recruit``).

The same header means the same role in both, with the same located warning at line 1 saying
which column was taken as what:

* ``name``: a column headed so; else one header naming the participant's name (``Client Name``,
  ``Full Name``), ``First Name`` with ``Last Name`` together, or a lone ``First Name``; else one
  column whose values look like people's names;
* ``email``: a column headed so; else one header naming an email (``Client Email``, ``E-mail``,
  ``Work email``) that is not someone else's (``Parent email``); else one column of email values;
* a person's identifier (``Client No``, ``Customer ID``, ``Member number``:
  :func:`kit.privacy_columns.id_columns`): redacted as ``[id]`` in a study; in a pool it tells
  people apart and is matched with the identifier columns of the studies' sheets;
* an opt-out (:data:`OPT_OUT_COLUMNS`: ``Opted Out``, ``Do not contact``, ``unsubscribed``): a yes
  (:data:`TICKED`: yes, y, true, 1, x) keeps the person from being invited. A column that looks
  like one but is not read (:func:`unread_opt_outs`) stops ``recruit`` (fail closed);
* a column naming someone other than the participant or an animal (``Pet Name``, ``Child's
  name``, ``Partner``: :func:`kit.privacy_columns.other_name_columns`): every value redacted as a
  name (fail closed), never the roster; said at line 1.
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.errors import Problem
from kit.schema import YES

__all__ = ["CONTACT_COLUMNS", "OPT_OUT_COLUMNS", "TICKED", "fold_header", "opt_out_columns", "read_roles",
           "unread_opt_outs"]

#: A cell of an opt-out column that keeps a person out: the study's yes values and a tick mark.
TICKED = frozenset(YES) | {"x"}
#: Headers (folded: :func:`kit.study_columns.fold_column`) read as an opt-out: a yes in any of
#: them keeps the person out (a CRM's ``declined``, ``do_not_contact``, ``unsubscribed``).
OPT_OUT_COLUMNS = ("opted_out", "opt_out", "optout", "optedout", "opted_out_of_research", "declined", "has_declined",
                   "do_not_contact", "dnc", "do_not_call", "do_not_email", "unsubscribed", "no_contact",
                   "opted_out_of_contact", "contact_opt_out", "research_opt_out", "do_not_invite")
#: Headers read as ``last_contacted``: the latest date of any of them starts the cooldown (a CRM's
#: ``last_interviewed``, ``last_invited``).
CONTACT_COLUMNS = ("last_contacted", "last_contact", "last_contacted_on", "last_contact_date", "contacted_on",
                   "last_interviewed", "last_interview", "last_interviewed_on", "interviewed_on",
                   "last_invited", "last_invited_on", "invited_on", "last_reached")
#: Parts of a header that make it look like an opt-out or contact column (newcomer s13 F6).
LOOKS_LIKE_CONTACT = re.compile(r"(?:^|_)(?:opt(?:s|ed|out|in)?(?=_|$)|declin|unsub|suppress|refus|block|consent|"
                                r"contact|dnc|do_not|don_?t|interview|invit|reached|called|emailed|gdpr|removed?(?:_|$)"
                                r"|exclu|blacklist|no_?mail)")
# the narrower test for a study's sheet, whose own columns speak of consent, invitations and interviews
_LOOKS_LIKE_OPT_OUT = re.compile(r"(?:^|_)(?:opt(?:s|ed|out)?(?=_|$)|optout|unsub|suppress|dnc|do_not|don_?t|"
                                 r"gdpr|blacklist|no_?mail|no_?contact)")

# whose name or email a header may name besides the participant's: not the participant's own
_SOMEONE_ELSE = (r"guardian|parent|carer|caregiver|spouse|partner|next_of_kin|emergency|interpreter|translator|"
                 r"advis[eo]r|chaperone|companion|advocate|supporter|support_worker|relative|witness|mother|father|"
                 r"mum|dad|child|children|son|daughter|referr(?:er|ed_by)|vet|doctor|gp|staff|owner_of|manager|agent|"
                 r"pet|pets|animal|animals|dog|dogs|cat|cats|horse|horses|puppy|kitten")
_OTHER_NAME = re.compile(rf"(?:^|_)(?:user_?name|screen_?name|gamertag|handle|nick_?name|middle_?name|maiden_?name|"
                         rf"contact|{_SOMEONE_ELSE})(?:$|_)")
_OTHER_EMAIL = re.compile(rf"(?:^|_)(?:{_SOMEONE_ELSE})(?:$|_)")
_FIRST = re.compile(r"^(?:first|given)_?name$|^forename$")
_LAST = re.compile(r"^(?:last|family)_?name$|^surname$")


def fold_header(column) -> str:
    """A header as the role rules compare it: lower case, runs of other characters one ``_``."""
    return re.sub(r"[^a-z0-9]+", "_", str(column).strip().lower()).strip("_")


def opt_out_columns(columns) -> list[str]:
    """The columns read as an opt-out (:data:`OPT_OUT_COLUMNS`)."""
    return [c for c in columns if fold_header(c) in OPT_OUT_COLUMNS]


def unread_opt_outs(columns, narrow: bool = False) -> list[str]:
    """The columns that look like opt-out (or, unless ``narrow``, contact) columns but are not read
    as one: ``recruit`` stops on them, so nobody who said no is invited because of a header's
    spelling. ``narrow`` is the test for a study's participants.csv (whose standard columns speak
    of consent and invitations)."""
    from kit.schema import PARTICIPANT_COLUMNS

    known = set(OPT_OUT_COLUMNS) | set(CONTACT_COLUMNS) | set(PARTICIPANT_COLUMNS) | {"consent_record", "consent_quote"}
    test = _LOOKS_LIKE_OPT_OUT if narrow else LOOKS_LIKE_CONTACT
    return [c for c in columns if c != "_line" and fold_header(c) not in known and test.search(fold_header(c))]


def read_roles(path: Path, rows: list, columns: list, problems: list, sheet: bool = True):
    """``(rows, columns)`` with the participant's ``name`` and ``email`` columns read by their
    role (see the module), each with a warning at ``path:1`` saying which column was taken as
    what, and which are read as an opt-out; ``sheet`` (participants.csv) also says which columns
    are redacted as someone else's names (a pool's are never printed)."""
    if "name" not in columns:
        rows, columns = _header_named_roster(path, rows, columns, problems)
    if "email" not in columns:
        rows, columns = _header_named_email(path, rows, columns, problems)
    found = _unnamed_people(rows, columns)
    rename = {found_[0]: kind for kind, found_ in found if len(found_) == 1}
    if rename:  # the column the kit redacts as names is the roster's names too (newcomer s14 F4)
        columns = [rename.get(c, c) for c in columns]
        rows = [{rename.get(k, k): v for k, v in row.items()} for row in rows]
    problems += [_unnamed_problem(path, kind, found_) for kind, found_ in found]
    if sheet:
        from kit.privacy_columns import other_name_columns

        for column in other_name_columns(columns):
            problems.append(Problem(str(path), 1, f"column {column!r} names someone other than the participant (another "
                                    "person or an animal): it is not the roster, and every one of its values is "
                                    "redacted as a name in every output (kept with --include-names); delete the column "
                                    "if the study does not need it", "warning"))
    for column in opt_out_columns(columns):  # said when read under another header than the documented one
        if not sheet and fold_header(column) == "opted_out":  # a pool's own column, as documented
            continue
        problems.append(Problem(str(path), 1, f"column {column!r} is read as an opt-out: a yes (yes, y, true, 1, x) "
                                "keeps the person from being invited by `recruit`", "warning"))
    return rows, columns


def _unnamed_people(rows, columns) -> list[tuple[str, list[str]]]:
    """``[(kind, columns)]`` (kind ``name`` or ``email``) when no column is read as that kind
    but the values of others look like people's names (or emails)
    (:func:`kit.privacy_columns.looks_like`). When one column does, it is read as ``name``
    (``email``): the speaker labels are matched to it and the consent rules know it, as the
    redaction did already (newcomer s11: Welsh headers ``Enw``, ``E-bost``; s14 F4: under a
    Polish header ``imię i nazwisko`` the names were redacted, yet a carer's label, which spoke
    the most words, was read as the participant and the participant as another speaker)."""
    from kit.privacy_columns import looks_like, person_columns

    named, mailed = person_columns(columns)
    if named and mailed:
        return []
    rest = [c for c in columns if c not in named and c not in mailed and c != "_line"]
    names, emails = looks_like(rest, lambda c: [str(r.get(c) or "").strip() for r in rows])
    return [(kind, list(found)) for kind, found, have in (("name", names, named), ("email", emails, mailed))
            if found and not have and kind not in columns]


def _renamed(rows, columns, column: str, role: str):
    columns = [role if c == column else c for c in columns]
    return [{(role if k == column else k): v for k, v in row.items()} for row in rows], columns


def _header_named_roster(path: Path, rows, columns, problems):
    """``(rows, columns)`` with the participant's name column read as ``name`` when no column
    is headed so but the kit redacts one as names by its header (:func:`kit.privacy_columns.person_columns`:
    a practice-management export's ``Client Name``, ``Full Name``, ``Customer name``), with a
    warning at line 1 naming it; ``First Name`` with ``Last Name`` make one ``name`` (the
    columns kept); a lone ``First Name`` is the name (newcomer s15). Headers naming someone else
    (``parent_name``, ``interpreter``, ``Pet Name``) or a handle are not the participant's.
    Without it the speaker labels were matched to no roster name: a teenage translator who spoke
    the most words was read as his mother, the participant, and she as a third speaker (newcomer
    s15 F1/F5)."""
    from kit.privacy_columns import person_columns

    named = [c for c in person_columns(columns)[0] if c != "_line" and not _OTHER_NAME.search(fold_header(c))]
    firsts = [c for c in named if _FIRST.match(fold_header(c))]
    lasts = [c for c in named if _LAST.match(fold_header(c))]
    whole = [c for c in named if c not in firsts and c not in lasts]
    say = "name the column 'name' (or '{} / name') to say so"
    if len(whole) == 1 and not (firsts and lasts):
        column = whole[0]
        problems.append(Problem(str(path), 1, f"column {column!r} is read as 'name': no column is headed 'name' "
                                f"and its header names people; {say.format(column)}", "warning"))
        return _renamed(rows, columns, column, "name")
    if not whole and len(firsts) == 1 and len(lasts) == 1:
        first, last = firsts[0], lasts[0]
        problems.append(Problem(str(path), 1, f"columns {first!r} and {last!r} are read together as 'name': "
                                "no column is headed 'name'; add a 'name' column to say otherwise", "warning"))
        rows = [row | {"name": " ".join(p for p in (str(row.get(first) or "").strip(),
                                                    str(row.get(last) or "").strip()) if p)} for row in rows]
        return rows, [*columns, "name"]
    if not whole and len(firsts) == 1 and not lasts:  # a lone first name is the roster too (fail closed)
        first = firsts[0]
        problems.append(Problem(str(path), 1, f"column {first!r} is read as 'name': no column is headed 'name' "
                                "and no column holds the surname, so speaker labels are matched to first names "
                                "alone; add a 'name' column to say otherwise", "warning"))
        rows = [row | {"name": str(row.get(first) or "").strip()} for row in rows]
        return rows, [*columns, "name"]
    return rows, columns


def _header_named_email(path: Path, rows, columns, problems):
    """``(rows, columns)`` with the one column whose header names the participant's email
    (``Client Email``, ``E-mail``, ``Email address``; not a ``Parent email``) read as ``email``
    when no column is headed so, with a warning at line 1; several such columns stay as they are
    (all redacted), said so."""
    from kit.privacy_columns import person_columns

    mailed = [c for c in person_columns(columns)[1] if c != "_line" and not _OTHER_EMAIL.search(fold_header(c))]
    if len(mailed) == 1:
        column = mailed[0]
        problems.append(Problem(str(path), 1, f"column {column!r} is read as 'email': no column is headed 'email' "
                                f"and its header names an email; name the column 'email' (or '{column} / email') "
                                "to say so", "warning"))
        return _renamed(rows, columns, column, "email")
    if len(mailed) > 1:
        problems.append(Problem(str(path), 1, "no column is read as 'email', but the headers of "
                                f"{', '.join(repr(c) for c in mailed)} name emails: all are redacted as emails; name "
                                "the participant's own column 'email' so that the consent rules and `recruit` know "
                                "it", "warning"))
    return rows, columns


def _unnamed_problem(path: Path, kind: str, found: list[str]) -> Problem:
    if len(found) == 1:
        return Problem(str(path), 1, f"column {found[0]!r} is read as {kind!r}: no column is headed {kind!r} and "
                       f"its values look like people's {kind}s; name the column {kind!r} (or '{found[0]} / {kind}') "
                       "to say so", "warning")
    return Problem(str(path), 1, f"no column is read as {kind!r}, but the values of "
                   f"{', '.join(repr(c) for c in found)} look like people's {kind}s: they are redacted "
                   f"as {kind}s; name the column {kind!r} (or '{found[0]} / {kind}') so that check and "
                   "the consent rules know them too", "warning")
