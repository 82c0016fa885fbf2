"""Participant ids that are one id written differently (participants.csv).

The consent rules compare ids as :func:`kit.privacy.fold` reads them (lower case, invisible
characters left out, a look-alike letter of another script as the Latin letter: Unicode TR39
confusables), so ``p-001``, ``Р-001`` with a Cyrillic Р and ``P-0\u200b01`` with a zero-width
space are all ``P-001`` there, while every other table takes them as different people. Such
rows are reported, located: a row whose id is an earlier row's id written differently (by
case, look-alike letters or invisible characters), and an id that holds an invisible
character or a look-alike letter at all (a note's ``participant: P-004`` typed on a keyboard
never matches ``P-00\u200b4``).
"""
from __future__ import annotations

from kit.errors import Problem
from kit.look_alikes import latin_look_alike
from kit.privacy_text import _visible, fold, invisible_pattern

__all__ = ["id_key", "id_problems"]


def id_key(participant) -> str:
    """A participant id as the consent rules compare it: stripped, without invisible
    characters, folded (:func:`kit.privacy.fold`)."""
    return fold(_visible(str(participant).strip())[0])


def _odd_characters(pid: str) -> list[str]:
    """The invisible characters and look-alike letters of other scripts in ``pid``, each as
    ``U+XXXX`` and what it is (no Unicode name: its words could be a roster name's)."""
    invisible = invisible_pattern()
    odd = []
    for ch in dict.fromkeys(pid):
        if ch.isascii():
            continue
        if invisible.match(ch):
            odd.append(f"U+{ord(ch):04X} (invisible)")
        elif ch.isalpha() and (letter := latin_look_alike(ch)):
            odd.append(f"U+{ord(ch):04X} (a look-alike of the letter {letter})")
    return odd


def id_problems(path, rows) -> list[Problem]:
    """Located problems (errors) for the rows of participants.csv (dicts with ``id`` and
    ``_line``, as :func:`kit.csvio.read_rows` gives them) whose id repeats an earlier row's
    id once folded, or holds invisible characters or look-alike letters. Rows whose id is
    written exactly as an earlier one are left to the duplicate-id rule of the study loader."""
    problems: list[Problem] = []
    seen: dict[str, tuple[int, str]] = {}
    for row in rows:
        pid = row.get("id", "")
        if not pid:
            continue
        line = row["_line"]
        key = id_key(pid)
        odd = _odd_characters(pid)
        first = seen.get(key)
        if first is not None and first[1] != pid:
            how = f" (it holds {', '.join(odd)})" if odd else ""
            problems.append(Problem(str(path), line, f"participant id {ascii(pid)} is id {ascii(first[1])} of line "
                                    f"{first[0]} written differently{how}: ids that differ only by case, "
                                    "look-alike letters or invisible characters are one person for the consent "
                                    "rules; give this row its own id"))
        elif odd:
            problems.append(Problem(str(path), line, f"participant id {ascii(pid)} holds {', '.join(odd)}: notes "
                                    "and codings typed on a keyboard will not match it; write the id in plain "
                                    "letters and digits"))
        seen.setdefault(key, (line, pid))
    return problems
