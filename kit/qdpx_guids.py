"""What a REFI-QDA project's references can be trusted to mean, for ``kit.qdpx.import_qdpx``.

* **A GUID used twice** (attacker s16 A11). Every reference (``CodeRef``, ``creatingUser``, a
  source's ``plainTextPath``, ``NoteRef``) names one element by its GUID; when two elements share
  it, which one is meant cannot be told. :func:`shared_guids` finds them; the import reports
  each such element at its line (an error) and imports nothing that depends on it, instead of
  re-pointing a coding at whichever element came first.
* **A coder named by a participant's name, email or phone** (attacker s16 A12). A ``<User>``'s
  name becomes the coder id and then ``codings/<coder>.csv``: :func:`coder_names` gives it as
  ``coder-N`` (its position) with a located warning when published outputs would redact it
  (:func:`kit.outputs.redact_shown`: contact details always, the study's roster names with a
  study), the name itself never printed; a code so named is ``code-N`` the same way, and a memo
  or a source's name holding them is imported redacted (:func:`shown_text`), each at its line.
"""
from __future__ import annotations

from kit.errors import Problem
from kit.qdpx_xml import _iter, _norm_guid

__all__ = ["SHARED", "coder_names", "pseudonym", "shared_guids", "shown_text", "study_roster", "where_shared"]

SHARED = ("{what} has a GUID that {n} elements of the project share (lines {at}): which one a reference "
          "means cannot be told, so {lost}")
_NAMED = ("the name of this <{element}> holds a name, email or phone number: its codings are imported with the "
          "{kind} {shown!r}, not the name (rename the {what} in the QDA program to keep a name)")
_REDACTED = "{what} holds a name, email or phone number: imported with it redacted ([name], [email], [phone])"


def study_roster(study):
    """The roster of ``study`` (a ``Study``) for :func:`kit.outputs.redact_shown`; None without one
    (contact details are redacted anyway, names only with a roster)."""
    if study is None:
        return None
    from kit.privacy import roster

    return roster(study)


def pseudonym(name: str, people, kind: str, number: int, where: str, line: int, problems: list) -> str:
    """``name`` as imported: ``{kind}-{number}`` with a located warning when published outputs
    would redact it (an email or phone number always, a participant's name with ``people``),
    else ``name``. The name itself is never printed."""
    from kit.outputs import redact_shown

    if redact_shown(name, people) == name:
        return name
    shown = f"{kind}-{number}"
    element, what = {"coder": ("User", "user"), "code": ("Code", "code")}[kind]
    kind_text = "coder id" if kind == "coder" else "code"
    problems.append(Problem(where, line, _NAMED.format(element=element, kind=kind_text, shown=shown, what=what),
                            "warning"))
    return shown


def shown_text(text: str, people, what: str, where: str, line: int, problems: list) -> str:
    """A free text of the project (a memo, a source's name) as imported: redacted, with a located
    warning, when it holds an email or phone number (or, with ``people``, a participant's name)."""
    from kit.outputs import redact_shown

    shown = redact_shown(text, people)
    if shown != text:
        problems.append(Problem(where, line, _REDACTED.format(what=what), "warning"))
    return shown


def shared_guids(root, lines: dict) -> dict[str, list[int]]:
    """Each normalised GUID that more than one element of ``root`` carries -> their lines."""
    found: dict[str, list[int]] = {}
    for el in root.iter():
        value = el.get("guid") if hasattr(el, "get") else None
        if value is not None and _norm_guid(value):
            found.setdefault(_norm_guid(value), []).append(lines.get(id(el), 0))
    return {key: at for key, at in found.items() if len(at) > 1}


def where_shared(shared: dict, key: str) -> dict:
    """The ``n`` and ``at`` fields of :data:`SHARED` for one shared GUID."""
    return {"n": len(shared[key]), "at": ", ".join(map(str, shared[key]))}


def coder_names(root, lines: dict, where: str, people, shared: dict, problems: list) -> dict[str, str]:
    """``<User>`` GUID -> the coder id its codings get: the user's name (or id), ``coder-N``
    (:func:`pseudonym`, ``people`` the study's roster or None) when published outputs would
    redact it; a user whose GUID is shared is left out (its codings are reported where they are read)."""
    users: dict[str, str] = {}
    for number, user in enumerate(_iter(root, "User"), start=1):
        key = _norm_guid(user.get("guid"))
        line = lines.get(id(user), 0)
        if key in shared:
            problems.append(Problem(where, line, SHARED.format(what="this <User>", **where_shared(shared, key),
                                                               lost="the codings it made are not imported")))
            continue
        name = user.get("name") or user.get("id") or ""
        users[key] = pseudonym(name, people, "coder", number, where, line, problems) if name else name
    return users
