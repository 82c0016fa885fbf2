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
  study), the name itself never printed.
"""
from __future__ import annotations

from kit.errors import Problem
from kit.qdpx_xml import _iter, _norm_guid

__all__ = ["SHARED", "coder_names", "shared_guids", "where_shared"]

SHARED = ("{what} has a GUID that {n} elements of the project share (lines {at}): which one a reference "
          "means cannot be told, so {lost}")
_CODER = ("the name of this <User> holds a name, email or phone number: its codings are imported with the coder "
          "id {shown!r}, not the name (rename the user in the QDA program to keep a name)")


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


def coder_names(root, lines: dict, where: str, study, shared: dict, problems: list) -> dict[str, str]:
    """``<User>`` GUID -> the coder id its codings get: the user's name (or id), ``coder-N``
    when published outputs would redact it; a user whose GUID is shared is left out (its
    codings are reported where they are read)."""
    from kit.outputs import redact_shown

    people = None
    if study is not None:
        from kit.privacy import roster

        people = roster(study)
    users: dict[str, str] = {}
    for number, user in enumerate(_iter(root, "User"), start=1):
        key = _norm_guid(user.get("guid"))
        line = lines.get(id(user), 0)
        if key in shared:
            problems.append(Problem(where, line, SHARED.format(what="this <User>", **where_shared(shared, key),
                                                               lost="the codings it made are not imported")))
            continue
        name = user.get("name") or user.get("id") or ""
        if name and redact_shown(name, people) != name:
            name = f"coder-{number}"
            problems.append(Problem(where, line, _CODER.format(shown=name), "warning"))
        users[key] = name
    return users
