"""Which columns of participants.csv hold people's names and emails (:func:`person_cells`), for
the roster :func:`kit.privacy.roster` redacts: ``name`` and ``email`` and every other column
that names a person (a newcomer's ``parent_name`` reached the published report)."""
from __future__ import annotations

import re

__all__ = ["person_cells", "person_columns"]

# Columns of participants.csv that hold a person's name or email besides ``name`` and ``email``
# (first_name, surname, parent_name, guardian, username, parent_email, and the people who sit in: an
# interpreter, an adviser, a chaperone): redacted as the name is.
_NAME_COLUMN = re.compile(r"(?:^|_)(?:name|names|surname|forename|nickname|username|screen_?name|gamertag|"
                          r"handle|guardian|parent|carer|caregiver|spouse|partner|contact|next_of_kin|interpreter|translator|"
                          r"advis[eo]r|chaperone|companion|advocate|supporter|support_worker|relative|witness)(?:$|_)|"
                          r"^(?:first|last|given|family|full|middle|preferred|display|maiden|legal)_?name")
_NOT_PERSON = re.compile(r"(?:^|_)(?:company|org|organi[sz]ation|business|employer|team|product|file|segment|"
                         r"channel|site|store|shop|brand|plan|project|city|town|country|region|school|street|"
                         r"venue|pet|app|device|domain|host|code|language|languages|lang|phone|mobile|tel|count|number|fee|cost|"
                         r"rate|type|role|needed|required|booked|date|board)(?:$|_)")
_EMAIL_COLUMN = re.compile(r"e_?mail")


def _column_key(column) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(column).strip().lower()).strip("_")


def person_columns(columns) -> tuple[list[str], list[str]]:
    """The columns of participants.csv that hold names and those that hold emails."""
    names, emails = [], []
    for column in columns:
        key = _column_key(column)
        if _EMAIL_COLUMN.search(key):
            emails.append(column)
        elif _NAME_COLUMN.search(key) and not _NOT_PERSON.search(key):
            names.append(column)
    return names, emails



def person_cells(people) -> tuple[list[str], list[str]]:
    """``(names, emails)``: the non-blank cells of a participants table's (a DataFrame's) name
    columns and email columns (:func:`person_columns`), and ``first_name`` with ``last_name``
    (or ``given_name``/``forename`` with ``family_name``/``surname``) as one full name too."""
    name_columns, email_columns = person_columns(people.columns)

    def cells(column):
        return [str(v).strip() for v in people[column].tolist() if isinstance(v, str) and str(v).strip()]

    names = [n for c in name_columns for n in cells(c)]
    firsts = [c for c in name_columns if re.match(r"(?:first|given)_?name$|forename$", _column_key(c))]
    lasts = [c for c in name_columns if re.match(r"(?:last|family)_?name$|surname$", _column_key(c))]
    if firsts and lasts:
        pairs = zip(people[firsts[0]].tolist(), people[lasts[0]].tolist())
        names += [f"{a.strip()} {b.strip()}" for a, b in pairs if isinstance(a, str) and isinstance(b, str)
                  and a.strip() and b.strip()]
    return names, [e for c in email_columns for e in cells(c)]
