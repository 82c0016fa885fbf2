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
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kit.errors import Problem

__all__ = ["REPORTED_ROLES", "RENAMED_ROLES", "ROLE_FORMS", "STATUS_WORDS", "fold_words", "header_role",
           "localized_status", "read_participant_sheet", "read_roles", "status_of_value"]

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
