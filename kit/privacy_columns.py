"""Which columns of participants.csv hold people's names and emails (:func:`person_cells`), for
the roster :func:`kit.privacy.roster` redacts: ``name`` and ``email`` and every other column
that names a person (a newcomer's ``parent_name`` reached the published report), and which hold
a person's identifier (:func:`id_cells`: a student number, an employee id, an NHS number); and
which fields of an output hold lists of terms (:data:`TERM_FIELDS`, :func:`term_leak`)."""
from __future__ import annotations

import re
from pathlib import Path

from kit.privacy_text import _words

__all__ = ["DISTINCT_SHARE", "OTHER_PEOPLE", "TERM_FIELDS", "category_cells", "id_cells", "id_columns", "identifier_columns",
           "is_identifier_value", "looks_like", "other_name_columns", "person_cells", "person_columns", "term_leak"]

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
# A column naming an animal (``Pet Name``, ``Dog's name``, ``Names of pets``): treated like names, all
# its values redacted, never the roster (newcomer s15 F10: ``Bella`` was redacted, as a form of the
# roster's ``Bell``, and ``Biscuit`` kept; one rule now, fail closed).
_ANIMAL_NAME = re.compile(r"(?:^|_)(?:pet|pets|animal|animals|dog|dogs|cat|cats|horse|horses|puppy|kitten)(?:_s)?_"
                          r"(?:name|names)$|^names?_of_(?:the_|your_|their_)?(?:pet|animal|dog|cat|horse)s?$")
#: Whose name or email a header may name besides the participant's (a parent, a partner, a child,
#: an interpreter, a professional, an animal), as an alternation of folded header words: one list for
#: :func:`other_name_columns` and for the reading of a sheet's name and email columns
#: (:mod:`kit.column_roles`: ``Parent email`` is not the participant's).
OTHER_PEOPLE = (r"guardian|parent|carer|caregiver|spouse|partner|next_of_kin|emergency|interpreter|translator|"
                r"advis[eo]r|chaperone|companion|advocate|supporter|support_worker|relative|witness|mother|father|"
                r"mum|dad|child|children|son|daughter|husband|wife|sibling|brother|sister|referr(?:er|ed_by)|vet|"
                r"doctor|gp|staff|owner_of|manager|agent|pet|pets|animal|animals|dog|dogs|cat|cats|horse|horses|"
                r"puppy|kitten")
_OTHER_PERSON = re.compile(rf"(?:^|_)(?:{OTHER_PEOPLE})(?:$|_)")


def _column_key(column) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(column).strip().lower()).strip("_")


def person_columns(columns) -> tuple[list[str], list[str]]:
    """The columns of participants.csv that hold names and those that hold emails."""
    names, emails = [], []
    for column in columns:
        key = _column_key(column)
        if _EMAIL_COLUMN.search(key):
            emails.append(column)
        elif _ANIMAL_NAME.search(key) or (_NAME_COLUMN.search(key) and not _NOT_PERSON.search(key)):
            names.append(column)
    return names, emails


def other_name_columns(columns) -> list[str]:
    """The name columns (:func:`person_columns`) whose header names someone other than the
    participant or an animal (``Pet Name``, ``Child's name``, ``Partner``, ``parent_name``): all
    their values are redacted as names (fail closed) and ``check`` says so at participants.csv:1."""
    names = person_columns(columns)[0]
    return [c for c in names if _ANIMAL_NAME.search(_column_key(c)) or _OTHER_PERSON.search(_column_key(c))]



_PERSON_NAME = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?")
_EMAIL_VALUE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def looks_like(columns, values_of) -> tuple[list[str], list[str]]:
    """``(names, emails)``: the columns whose values look like people's names (two to five
    capitalised words each, "Margaret Jones", most of them different) or emails, found by
    their values whatever their header (``Enw``, ``E-bost``: newcomer, session 11). Only read
    when no header says so (:func:`person_columns`); ``values_of(column)`` gives a column's
    non-blank cells."""
    names, emails = [], []
    for column in columns:
        key = _column_key(column)
        if key in ("id", "") or _STUDY_ID.match(key) or _NOT_PERSON.search(key):
            continue
        values = [v for v in values_of(column) if v]
        if len(values) < 2:
            continue
        if sum(bool(_EMAIL_VALUE.fullmatch(v)) for v in values) >= 0.8 * len(values):
            emails.append(column)
            continue
        named = [v for v in values if 2 <= len(v.split()) <= 5 and all(
            _PERSON_NAME.fullmatch(w) and w[:1].isupper() for w in v.split() if w.lower() not in _PARTICLES)]
        if len(named) >= 0.8 * len(values) and len(set(named)) >= 0.7 * len(named):
            names.append(column)
    return names, emails


_PARTICLES = {"de", "da", "del", "della", "der", "van", "von", "la", "le", "du", "dos", "das", "bin", "ibn", "al", "ap"}


def _cells_of(people, column) -> list[str]:
    return [str(v).strip() for v in people[column].tolist() if isinstance(v, str) and str(v).strip()]


def person_cells(people) -> tuple[list[str], list[str]]:
    """``(names, emails)``: the non-blank cells of a participants table's (a DataFrame's) name
    columns and email columns (:func:`person_columns`), and ``first_name`` with ``last_name``
    (or ``given_name``/``forename`` with ``family_name``/``surname``) as one full name too.
    Without a column whose header says names (or emails), a column whose values look like
    them (:func:`looks_like`) is read as one: private by default."""
    name_columns, email_columns = person_columns(people.columns)
    if not name_columns or not email_columns:
        names_by_value, emails_by_value = looks_like([c for c in people.columns if c not in name_columns
                                                      and c not in email_columns], lambda c: _cells_of(people, c))
        name_columns = name_columns or names_by_value
        email_columns = email_columns or emails_by_value

    def cells(column):
        return [str(v).strip() for v in people[column].tolist() if isinstance(v, str) and str(v).strip()]

    names = [n for c in name_columns for n in cells(c)]
    # a cell naming several (``Nala;Simba``, ``Max / Bella``): each is a name too
    names += [p.strip() for n in names if re.search(r"[;/|&+]", n) for p in re.split(r"[;/|&+]", n) if p.strip()]
    firsts = [c for c in name_columns if re.match(r"(?:first|given)_?name$|forename$", _column_key(c))]
    lasts = [c for c in name_columns if re.match(r"(?:last|family)_?name$|surname$", _column_key(c))]
    if firsts and lasts:
        pairs = zip(people[firsts[0]].tolist(), people[lasts[0]].tolist())
        names += [f"{a.strip()} {b.strip()}" for a, b in pairs if isinstance(a, str) and isinstance(b, str)
                  and a.strip() and b.strip()]
    return names, [e for c in email_columns for e in cells(c)]


# Columns that hold a person's identifier (an institution's number for them, not the study's
# pseudonymous ``id``): student_number, student_id, employee_id, staff_no, payroll_number,
# patient_number, nhs_number, hospital_number, mrn, account_number, customer_id, membership_no,
# member_number, ni_number, national_insurance, ssn, passport_number, licence_number. Their
# values are redacted as ``[id]`` (:func:`kit.privacy.roster`); ``id``, ``participant_id``,
# ``interview_id`` are the study's own ids and are not.
_ID_OWNER = (r"student|pupil|learner|staff|employee|emp|payroll|personnel|worker|patient|nhs|hospital|chi|"
             r"medical_?record|health|account|acct|customer|client|member|membership|library|library_?card|"
             r"matric|matriculation|enrol?l?ment|registration|candidate|applicant|ni|national_?insurance|insurance|"
             r"social_?security|tax|passport|licen[cs]e|driving_?licen[cs]e|drivers?_?licen[cs]e|badge|loyalty|"
             r"loyalty_?card|card|policy|user|citizen|voter|pension|benefit|claimant|tenancy|tenant|rent|rent_?account|"
             r"council_?tax|housing|property|uprn|case|claim|order|booking|reservation|contract|invoice|"
             r"reference|ref|school|exam|vehicle|plate|registration_?plate")
_ID_COLUMN = re.compile(rf"^(?:[a-z0-9]+_)*(?:{_ID_OWNER})_?(?:number|numbers|no|num|nr|id|ids|code|ref|reference|"
                        r"identifier)$|^(?:[a-z0-9]+_)*(?:ssn|nino|mrn|upn|uprn|nhs|passport|national_?insurance|"
                        r"social_?security|matric|matriculation|ref|reference|ref_?no|ref_?number|reference_?number|"
                        # a header that is only the owner of an identifier ("account", "tenancy", "case")
                        r"account|membership|member|case|customer|client|tenancy|policy|booking|claim|contract|"
                        r"employee|payroll|licen[cs]e|ni|nhs_?no|nhs_?num)$")
_STUDY_ID = re.compile(r"^(?:id|participant|participant_?id|pid|interview_?id|segment_?id|session_?id|study_?id|"
                       r"code|recording_?id)$")
from kit.privacy_text import ID_MIN_DIGITS  # noqa: E402 - an identifier has at least this many digits


def id_columns(columns) -> list[str]:
    """The columns of participants.csv that hold a person's identifier (see :data:`_ID_COLUMN`)."""
    return [c for c in columns if _ID_COLUMN.match(_column_key(c)) and not _STUDY_ID.match(_column_key(c))]


# A column whose header does not say it holds identifiers (``tenancy_ref`` was missed, a
# ``ref`` of any kind may be) still does when its values are code-like (letters and digits in
# one token: TR-204881, AB123456C) and differ from one participant to the next; not the study's
# own ids (an ``id`` column's values, an interview's or a session's), dates, phones or categories.
_CODE_LIKE = re.compile(r"(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*"
                        # or a long number (a library card's barcode, 29000012345678: newcomer, session 11)
                        r"|\d{%d,}" % 8)
_NOT_AN_ID = re.compile(r"(?:^|_)(?:phone|mobile|tel|telephone|fax|date|on|at|time|day|year|interview|session|"
                        r"recording|transcript|file|study|sprint|segment|cohort|wave|group|batch|stage|status|"
                        r"consent|language|lang|channel|region|quota|guide|version|count|type|of|size|age|score|"
                        r"rating|amount|total|rate|cost|fee|price)(?:$|_)")
#: The share of a column's non-blank values that must differ for it to identify participants.
DISTINCT_SHARE = 0.9


def identifier_columns(people) -> dict[str, str]:
    """``{column: why}``: the columns of a participants table (a DataFrame) that hold a person's
    identifier: those whose header says so (:func:`id_columns`: ``tenancy_ref``,
    ``student_number``) and those whose non-blank values are all code-like (letters and
    digits in one token) and differ per participant (at least :data:`DISTINCT_SHARE` of them),
    such as a ``tenancy`` column of TR-204881; not the study's own ids (a value of the ``id``
    column, an ``interview_id``), names, emails, phones, dates or categories. ``why`` says
    which rule found it ("its header", "its values"). A column study.yml declares
    ``not_identifying`` (``people.attrs["not_identifying"]``, set where the sheet is read:
    :func:`kit.study_config.not_identifying`) is not found by its values; one whose header
    names an identifier still is (fail closed)."""
    found = {c: "its header" for c in id_columns(people.columns)}
    declared = set(getattr(people, "attrs", {}).get("not_identifying") or ())
    names, emails = person_columns(people.columns)
    own = {str(v).strip() for v in people["id"].tolist()} if "id" in people.columns else set()
    for column in people.columns:
        key = _column_key(column)
        if column in found or column in declared or column in names or column in emails or column == "id" \
                or _STUDY_ID.match(key) or _NOT_AN_ID.search(key) or column in _value_people(people):
            continue
        values = [str(v).strip() for v in people[column].tolist() if isinstance(v, str) and str(v).strip()]
        if values and all(_CODE_LIKE.fullmatch(v) and v not in own for v in values) \
                and len(set(values)) >= DISTINCT_SHARE * len(values):
            found[column] = "its values"
    return found


def _value_people(people) -> set:
    """The columns :func:`person_cells` reads as names or emails by their values."""
    names, emails = person_columns(people.columns)
    if names and emails:
        return set()
    by_names, by_emails = looks_like([c for c in people.columns if c not in names and c not in emails],
                                     lambda c: _cells_of(people, c))
    return set((by_names if not names else []) + (by_emails if not emails else []))


def id_cells(people) -> list[str]:
    """The non-blank values of a participants table's (a DataFrame's) identifier columns
    (:func:`identifier_columns`) that look like identifiers: at least five letters and digits, at least
    four of them digits (not a year, not a small count: a value matched anywhere in every output,
    and by ``run``'s final leak scan)."""
    out = []
    for column in identifier_columns(people):
        for value in people[column].tolist():
            value = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
            if is_identifier_value(value):
                out.append(value)
    return out


def is_identifier_value(value: str) -> bool:
    """Whether a cell of an identifier column is redacted (as ``[id]``) wherever it appears:
    at least five letters and digits, at least four of them digits."""
    alnum = re.sub(r"[^0-9A-Za-z]", "", value)
    return len(alnum) >= 5 and sum(ch.isdigit() for ch in alnum) >= ID_MIN_DIGITS + 1


def category_cells(people) -> list[str]:
    """The one-word values (folded: lower case, no accents) of a participants table's columns
    that name no person and hold no identifier (a ``faculty`` of "Law", a ``segment``): the
    study's own categories. A text that is only such a word ("Law" in a segment table) is that
    category, not a roster person who shares the word (:class:`kit.privacy.NameMatcher`)."""
    from kit.privacy_text import fold

    names, emails = person_columns(people.columns)
    skip = set(names) | set(emails) | set(identifier_columns(people)) | {"id"}
    out = []
    for column in people.columns:
        if column in skip:
            continue
        for value in dict.fromkeys(people[column].tolist()):
            if isinstance(value, str) and re.fullmatch(r"[^\W\d_]{2,}", value.strip()):
                out.append(fold(value.strip()))
    return list(dict.fromkeys(out))


#: Columns (CSV) and keys (YAML) that hold lists of terms: a term that is only name words is a name.
TERM_FIELDS = ("term", "terms", "keyword", "keywords", "label", "feature", "top_terms")


def term_leak(path: Path, text: str, names: frozenset) -> bool:
    """True when a term list in ``path`` (a CSV column or a YAML key of :data:`TERM_FIELDS`)
    holds a term made only of roster name words (``jose``, ``jose muller``)."""
    if not names:
        return False
    terms: list[str] = []
    if path.suffix.lower() in (".csv", ".tsv"):
        import csv
        import io

        try:
            reader = csv.DictReader(io.StringIO(text), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
            fields = [f for f in (reader.fieldnames or []) if f and f.strip().lower() in TERM_FIELDS]
            if not fields:
                return False
            for row in reader:
                for field in fields:
                    value = row.get(field)
                    if isinstance(value, str):
                        terms += re.split(r"[;,|]", value)
        except (csv.Error, ValueError):
            return False
    else:
        for match in re.finditer(rf"^\s*-?\s*(?:{'|'.join(TERM_FIELDS)})\s*:\s*(.*)$|^\s*-\s+(.*)$", text, re.M | re.I):
            terms += re.split(r"[;,|\[\]]", match.group(1) or match.group(2) or "")
    for term in terms:
        words = _words(term.strip().strip("'\""))
        if words and all(w in names for w in words):
            return True
    return False
