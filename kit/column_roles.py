"""One table of the header forms that say a participants.csv column's role, across CRM exports
and the languages the kit's docs list (English, Spanish, French, German, Portuguese, Polish,
Welsh, Tagalog), and the fail-closed reading of a sheet whose status or consent column has
another header (newcomer s16).

A CRM export heads its columns ``Member Full Name``, ``Primary Email``, ``Cell``,
``Consent to Quote (Y/N)``; a Spanish sheet ``Nombre completo``, ``Correo electrónico``,
``Celular``, ``Estado``. The kit read a few of them by other rules and none of the rest: a
withdrawal under ``Estado`` was silently lost (the member quoted in the published report and
sent a thank-you draft, F14), ``Si`` under "Consent to Quote (Y/N)" was never checked (F1),
check named no email or phone column (F2), and the consent rules compared no name or email
across studies (F8).

:func:`header_role` folds a header (accents, case, punctuation, a ``(Y/N)`` or ``?`` suffix
dropped), drops the words that only qualify whose value it is (``Primary``, ``Work``,
``Member``, ``Client``, ``del socio``) and looks the rest up in :data:`ROLE_FORMS`. A column
whose header names someone else (``Parent Email``, ``Emergency Contact Phone``) or an
institution's number (``Member Number``, ``Member ID``) names no role. :func:`read_roles`
applies the table to a sheet's rows (:func:`kit.study_columns.read_participant_rows`): each
column taken as a role is named in a warning at ``participants.csv:1``; a status column is
taken only when its values are statuses (``Estado`` may be a region), and without one a
column whose values are statuses is read as ``status`` (warned), while a ``withdrawn`` in a
column that cannot be read so stops with a located error (:func:`unread_status`), as does a
consent-like header no rule reads while a consent column is missing.

The roles of a sheet of people by the shape of its headers (:func:`read_person_roles`), for a
study's participants.csv and a ``recruit`` pool (newcomer s15 F11: a practice-management export's ``Client No``,
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
import unicodedata
from pathlib import Path

from kit.errors import Problem
from kit.privacy_columns import OTHER_PEOPLE
from kit.schema import YES

__all__ = ["CONTACT_COLUMNS", "OPT_OUT_COLUMNS", "REPORTED_ROLES", "RENAMED_ROLES", "ROLE_FORMS", "STATUS_WORDS",
           "TICKED", "fold_header", "fold_words", "header_role", "localized_status", "opt_out_columns",
           "read_participant_sheet", "read_person_roles", "read_roles", "status_of_value", "unread_opt_outs"]

# words that only say whose (or which) value a column holds: dropped before the look-up
_WHOSE = {"member", "members", "client", "clients", "customer", "customers", "participant", "participants",
          "respondent", "interviewee", "user", "socio", "socia", "miembro", "cliente", "participante", "membre",
          "adherent", "mitglied", "kunde", "kunden", "teilnehmer", "teilnehmerin", "teilnehmende", "uczestnik",
          "uczestnika", "klient", "klienta", "kalahok", "aelod", "cyfranogwr", "s", "the", "of", "de", "del", "la",
          "el", "do", "da", "du", "des", "le", "di", "des", "ng", "sa", "i", "your", "their", "to", "be", "for", "a",
          "para", "na", "zu", "zum", "pour", "y", "n", "yes", "no", "si", "o"}
_WHICH = {"primary", "main", "work", "personal", "home", "business", "preferred", "current", "principal",
          "principale", "haupt", "privat", "private", "actual", "atual", "legal", "default"}
_NUMBER = {"number", "no", "num", "nr", "numero", "nummer", "numer", "rhif", "nro"}
_ADDRESS = {"address", "adresse", "adres", "direccion", "endereco", "cyfeiriad", "addr"}
_STUDY = {"interview", "entrevista", "entretien", "study", "estudio", "etude", "estudo", "studie", "badania",
          "recruitment", "reclutamiento", "participation", "participacion", "participacao", "teilnahme", "research",
          "investigacion", "pesquisa", "contact", "contato", "contacto", "kontakt", "invitation", "record", "row"}

#: role -> (the header forms read as it, after :func:`fold_words` and the qualifiers are
#: dropped; the qualifiers it drops). ``id`` drops no institution's word: ``Member ID`` is an
#: identifier (redacted as ``[id]``), never the study's pseudonymous id.
ROLE_FORMS: dict[str, tuple[frozenset, frozenset]] = {
    "id": (frozenset({"id", "pid", "participant id", "participant code", "id code", "identifiant", "kennung",
                      "identyfikator", "code id"}),
           frozenset({"participant", "participants", "participante", "teilnehmer", "uczestnik", "uczestnika",
                      "kalahok", "respondent", "study", "the", "of", "de", "del", "do", "du", "s"})),
    "name": (frozenset({"name", "names", "full name", "fullname", "complete name", "nombre", "nombre completo",
                        "nombres y apellidos", "nombre y apellidos", "nombre y apellido", "nom complet", "nom et prenom",
                        "prenom et nom", "prenom nom", "nome", "nome completo", "vollstandiger name", "vor und nachname",
                        "imie i nazwisko", "imie nazwisko", "imie", "enw", "enw llawn", "pangalan", "buong pangalan"}),
             frozenset(_WHOSE | {"legal", "preferred", "display"})),
    "email": (frozenset({"email", "emails", "mail", "correo", "correo electronico", "courriel", "courrier electronique",
                         "emailadresse", "correio eletronico", "ebost"}),
              frozenset(_WHOSE | _WHICH | _ADDRESS)),
    "phone": (frozenset({"phone", "phones", "telephone", "tel", "mobile", "cell", "cellphone", "cell phone",
                         "mobile phone", "cellular", "telefono", "celular", "movil", "telefono movil",
                         "telefono celular", "portable", "telephone portable", "telefon", "handy", "handynummer",
                         "mobilnummer", "telefonnummer", "telefone", "telemovel", "telefon komorkowy", "komorka",
                         "ffon", "ffon symudol", "telepono", "cellphone number", "whatsapp"}),
              frozenset(_WHOSE | _WHICH | _NUMBER)),
    "consent_record": (frozenset({"consent record", "record consent", "consent recording", "recording consent",
                                  "consent recorded", "ok record", "okay record", "can record", "may record",
                                  "can we record", "may we record", "permission record", "recording permission",
                                  "recording ok", "consentimiento grabar", "consentimiento grabacion",
                                  "autoriza grabacion", "autoriza grabar", "permiso grabar", "permiso grabacion",
                                  "consentement enregistrement", "consentement enregistrer", "accord enregistrement",
                                  "einwilligung aufnahme", "einwilligung aufzeichnung", "aufnahme einwilligung",
                                  "consentimento gravacao", "consentimento gravar", "autorizacao gravacao",
                                  "zgoda nagrywanie", "zgoda nagranie", "caniatad recordio", "pahintulot irekord",
                                  "pahintulot pagrekord"}),
                       frozenset(_WHOSE | _STUDY - {"record"} | {"given", "signed", "interview"})),
    "consent_quote": (frozenset({"consent quote", "quote consent", "consent quoted", "consent quoting", "quoting consent",
                                 "ok quote", "okay quote", "can quote", "may quote", "can we quote", "may we quote",
                                 "permission quote", "quote permission", "quotable", "quote ok", "consent quotes",
                                 "consentimiento citar", "consentimiento cita", "consentimiento citas",
                                 "autoriza cita", "autoriza citar", "autorizacion cita", "permiso citar",
                                 "permiso cita", "consentement citation", "consentement citer", "accord citation",
                                 "einwilligung zitat", "einwilligung zitieren", "zitat einwilligung", "zitiererlaubnis",
                                 "consentimento citacao", "consentimento citar", "autorizacao citacao",
                                 "zgoda cytowanie", "zgoda cytat", "caniatad dyfynnu", "pahintulot sipiin",
                                 "pahintulot sipi"}),
                      frozenset(_WHOSE | _STUDY | {"given", "signed", "words"})),
    "status": (frozenset({"status", "estado", "estatus", "statut", "situacion", "situacao", "stato", "stan",
                          "katayuan", "statws", "teilnehmerstatus", "kontaktstatus", "state"}),
               frozenset(_WHOSE | _STUDY | {"current", "actual", "atual", "last", "latest"})),
    "segment": (frozenset({"segment", "segments", "segmento", "segmentos", "segmentation", "segmentacion",
                           "segmentu", "segmentasyon"}),
                frozenset(_WHOSE | {"market", "group"})),
}
#: the roles a column is renamed to (the kit's own column then); the others are named only
#: (``phone``: replaced as ``[phone]`` wherever written; ``segment``: copied as ``segment``).
RENAMED_ROLES = ("id", "name", "email", "consent_record", "consent_quote", "status")
REPORTED_ROLES = ("phone", "segment")

#: A status as written in the docs' languages, folded (:func:`fold_words`, joined), -> the
#: status it is read as. Only words that mean one status; ``cancelado`` is not one of them.
STATUS_WORDS = {
    "retirado": "withdrawn", "retirada": "withdrawn", "se retiro": "withdrawn", "retiro": "withdrawn",
    "retire": "withdrawn", "retiree": "withdrawn", "desistiu": "withdrawn", "desistio": "withdrawn",
    "zuruckgezogen": "withdrawn", "wycofany": "withdrawn", "wycofana": "withdrawn", "wedi tynnu yn ol": "withdrawn",
    "umatras": "withdrawn", "consent withdrawn": "withdrawn", "opted out": "withdrawn",
    "completado": "completed", "completada": "completed", "completo": "completed", "completa": "completed",
    "termine": "completed", "terminee": "completed", "complete": "completed", "abgeschlossen": "completed",
    "concluido": "completed", "concluida": "completed", "zakonczony": "completed", "tapos": "completed",
    "entrevistado": "completed", "entrevistada": "completed",
    "invitado": "invited", "invitada": "invited", "invite": "invited", "invitee": "invited", "eingeladen": "invited",
    "convidado": "invited", "convidada": "invited", "zaproszony": "invited", "inimbitahan": "invited",
    "programado": "scheduled", "programada": "scheduled", "agendado": "scheduled", "agendada": "scheduled",
    "planifie": "scheduled", "geplant": "scheduled", "termin": "scheduled",
    "rechazado": "declined", "rechazada": "declined", "refuse": "declined", "abgelehnt": "declined",
    "recusou": "declined", "odmowil": "declined", "odmowila": "declined", "tumanggi": "declined",
    "no se presento": "no-show", "no asistio": "no-show", "absent": "no-show", "nicht erschienen": "no-show",
    "nao compareceu": "no-show", "nie przyszedl": "no-show", "hindi dumating": "no-show",
}


def _plain(text) -> str:
    """Lower case, no accents (``Número`` -> ``numero``, ``ü`` -> ``u``, ``ł`` -> ``l``)."""
    text = unicodedata.normalize("NFKD", str(text or "")).replace("ł", "l").replace("Ł", "l")
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def fold_words(header) -> list[str]:
    """A header's words as the role table compares them: lower case, no accents, a ``(Y/N)``
    or other bracketed note and a trailing ``?`` or ``:`` dropped, ``e-mail`` one word
    (``'Consent to Quote (Y/N)'`` -> ``['consent', 'to', 'quote']``)."""
    text = _plain(header)
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"\be[\s_.-]?(mail|bost)\b", r"e\1", text)
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


def _core(header, role: str) -> str:
    """``header``'s words without the qualifiers ``role`` drops, joined by a space."""
    return " ".join(w for w in fold_words(header) if w not in ROLE_FORMS[role][1])


def header_role(header) -> str | None:
    """The role (a key of :data:`ROLE_FORMS`) ``header`` names, or None."""
    for role, (forms, _) in ROLE_FORMS.items():
        core = _core(header, role)
        if core and core in forms:
            return role
    return None


def localized_status(value) -> str | None:
    """A status written in one of the docs' languages (:data:`STATUS_WORDS`: ``retirado``,
    ``zurückgezogen``, ``no se presentó``) -> the status it is read as; None otherwise."""
    return STATUS_WORDS.get(" ".join(fold_words(value)))


def status_of_value(value) -> str | None:
    """A cell read as a status: the kit's own spellings (:func:`kit.study_columns.fold_status`,
    which reads :func:`localized_status` too); "" for a blank cell, None for no status."""
    from kit.study_columns import fold_status

    return fold_status(value)


def _values(rows, column) -> list[tuple[int, str]]:
    return [(int(r.get("_line", 0)), str(r.get(column) or "").strip()) for r in rows
            if str(r.get(column) or "").strip()]


def _statuses(rows, column) -> bool:
    """Whether most of a column's non-blank values (at least 2, 80%) are statuses."""
    values = [v for _, v in _values(rows, column)]
    return len(values) >= 2 and sum(status_of_value(v) not in (None, "") for v in values) >= 0.8 * len(values)


def _renamed(rows, columns, rename: dict):
    columns = [rename.get(c, c) for c in columns]
    return [{rename.get(k, k): v for k, v in row.items()} for row in rows], columns


_GIVEN = {"name", "names", "nombre", "nome", "imie", "enw", "pangalan"}
_SURNAME = {"apellido", "apellidos", "surname", "last name", "family name", "nom", "nachname", "sobrenome", "apelido",
            "nazwisko", "cyfenw", "apelyido"}
_LOOKS_CONSENT = re.compile(r"(?:^| )(?:consent\w*|consentimiento|consentement|einwilligung|consentimento|zgoda|"
                            r"caniatad|pahintulot|permiso|permission|autoriza\w*|quot(?:e|ed|es|ing|able)|cita[rs]?|citation|citacao|"
                            r"grab\w*|gravac\w*|"
                            r"recording|dyfynnu|zitat\w*)(?: |$)")
_NOT_CONSENT = re.compile(r"(?:^| )(?:date|dated|on|at|time|form|version|notes?|comments?|link|file|url|sent|by|"
                          r"fecha|datum|data|dydd|petsa|fichier|formulario|formularz)(?: |$)")


def read_roles(path: Path, rows: list, columns: list, problems: list, only: tuple | None = None):
    """``(rows, columns)`` of a participants.csv read by :func:`kit.study_columns.read_rows_folded`,
    with each column whose header names a role (:func:`header_role`) that no column is headed
    as read as it, a warning at ``path:1`` naming it; ``phone`` and ``segment`` columns named
    (a ``segment`` copied as ``segment`` when the sheet has none), and the fail-closed rules of
    the module for status and consent. ``problems`` gets the warnings and errors. ``only`` (a
    recruit pool: ``("name", "email")``) reads those roles by their header and nothing else, so a
    header means the same in participants.csv and in the pool, said in the same words."""
    source = str(path)
    taken: dict[str, list[str]] = {}
    for column in columns:
        if column == "_line" or column in ROLE_FORMS:
            continue
        role = header_role(column)
        if role and role not in columns:
            taken.setdefault(role, []).append(column)
    surnames = any(" ".join(fold_words(c)) in _SURNAME for c in columns)
    rename: dict[str, str] = {}
    for role, found in taken.items():
        if role in REPORTED_ROLES or (only is not None and role not in only):
            continue
        if role == "status":
            found = [c for c in found if _statuses(rows, c)]  # `Estado` may be a region: read by its values
        if role == "name" and surnames:  # `Nombre` beside `Apellidos` is a first name, not the roster
            found = [c for c in found if _core(c, "name") not in _GIVEN]
        if not found:
            continue
        if len(found) > 1 and role in ("consent_record", "consent_quote", "status"):
            problems.append(Problem(source, 1, f"columns {', '.join(repr(c) for c in found)} all look like "
                                    f"{role!r}: none is read as it; head the one that is {role!r} (or "
                                    f"'{found[0]} / {role}')"))
            continue
        rename[found[0]] = role
        more = (f" ({', '.join(repr(c) for c in found[1:])} kept under their own header"
                + ("" if role not in ("name", "email") else f", redacted as {role}s too") + ")") if found[1:] else ""
        problems.append(Problem(source, 1, f"column {found[0]!r} is read as {role!r} (by its header){more}; head "
                                f"it {role!r} (or '{found[0]} / {role}') to say so plainly", "warning"))
    if rename:
        rows, columns = _renamed(rows, columns, rename)
    if only is not None:
        return rows, columns
    for column in taken.get("phone", []):
        problems.append(Problem(source, 1, f"column {column!r} is read as 'phone': personal data, shown in no output; "
                                "a phone number is replaced by [phone] wherever a text holds it", "warning"))
    segments = [c for c in taken.get("segment", []) if c in columns]
    if segments and "segment" not in columns:
        column = segments[0]
        problems.append(Problem(source, 1, f"column {column!r} is read as 'segment' too (the segment attribute when "
                                "study.yml names none); name the column 'segment' to say so", "warning"))
        rows = [row | {"segment": row.get(column, "")} for row in rows]
        columns = [*columns, "segment"]
    if "status" not in columns:
        rows, columns = _status_by_values(source, rows, columns, problems)
    _unread_consent(source, columns, problems)
    return rows, columns


def _status_by_values(source: str, rows, columns, problems):
    """Without a ``status`` column: one column whose values are statuses is read as it (a
    warning); a ``withdrawn`` anywhere else is an error at its line (F14: a withdrawal lost)."""
    candidates = [c for c in columns if c != "_line" and c not in ROLE_FORMS and _statuses(rows, c)]
    if len(candidates) == 1:
        column = candidates[0]
        problems.append(Problem(source, 1, f"column {column!r} is read as 'status': no column is headed 'status' and "
                                f"its values are statuses; name the column 'status' (or '{column} / status') to say "
                                "so", "warning"))
        return _renamed(rows, columns, {column: "status"})
    for column in columns:
        if column == "_line" or column in ("id", "name", "email"):
            continue
        for line, value in _values(rows, column):
            if status_of_value(value) == "withdrawn" or re.search(r"\bwithdr[ae]w", value, re.I):
                problems.append(Problem(source, line, f"the column {column!r} says {value!r} (a withdrawal?) but no "
                                        "column is read as 'status', so nothing here is withheld: head the sheet's "
                                        f"status column 'status' (or '{column} / status'), with withdrawn for "
                                        "someone who withdrew"))
    return rows, columns


def _unread_consent(source: str, columns, problems) -> None:
    """A header that speaks of consent (or quoting, recording) that no rule reads while the
    sheet has no ``consent_quote`` or no ``consent_record`` column: an error at line 1 saying
    how to map it (fail closed: its yes and no would be read as nobody's answer)."""
    missing = [r for r in ("consent_record", "consent_quote") if r not in columns]
    if not missing:
        return
    for column in columns:
        if column == "_line" or column in ROLE_FORMS or header_role(column):
            continue
        words = " ".join(fold_words(column))
        if _LOOKS_CONSENT.search(words) and not _NOT_CONSENT.search(words):
            problems.append(Problem(source, 1, f"column {column!r} looks like a consent column but is not read as "
                                    f"{' or '.join(repr(r) for r in missing)}: head it {missing[-1]!r} (or "
                                    f"'{column} / {missing[-1]}'), or {missing[0]!r}, to say which consent it holds"))


def read_participant_sheet(path: Path):
    """``(rows, columns, problems)``: participants.csv read by :func:`kit.study_columns.read_rows_folded`
    and then by the role table (:func:`read_roles`: a participant-id column headed
    ``Participant ID`` is the required ``id``), an error at line 1 without an ``id`` column."""
    from kit.schema import PARTICIPANT_COLUMNS
    from kit.study_columns import read_rows_folded

    rows, columns, problems = read_rows_folded(path, PARTICIPANT_COLUMNS)
    if not columns and not rows:
        return rows, columns, problems
    header = list(columns)
    rows, columns = read_roles(path, rows, columns, problems)
    if "id" not in columns:
        problems.append(Problem(str(path), 1, f"missing column(s): id (the header has: {', '.join(header) or 'nothing'})"))
    return rows, columns, problems


# -- the roles of a sheet of people by the shape of its headers and values (participants.csv, a pool) --
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

_OTHER_NAME = re.compile(rf"(?:^|_)(?:user_?name|screen_?name|gamertag|handle|nick_?name|middle_?name|maiden_?name|"
                         rf"contact|{OTHER_PEOPLE})(?:$|_)")
_OTHER_EMAIL = re.compile(rf"(?:^|_)(?:{OTHER_PEOPLE})(?:$|_)")
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


def read_person_roles(path: Path, rows: list, columns: list, problems: list, sheet: bool = True):
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
        rows, columns = _renamed(rows, columns, rename)
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
        return _renamed(rows, columns, {column: "name"})
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
        return _renamed(rows, columns, {column: "email"})
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
