"""How each ``Label:`` line of a transcript is used (pass 1 of :mod:`kit.transcripts`' label
rules, split out of it): which lines start with a label, how often each label is used with text
or bare, and its first spelling."""
from __future__ import annotations

from kit.speaker_roles import plain_label
from kit.transcript_labels import LABEL as _LABEL, is_name as _is_name, label_key as _label_key
from kit.transcript_marks import as_written, undecorate
from kit.transcript_odd import ODD_COLON, PHONE_LABEL as _PHONE_LABEL

__all__ = ["label_uses"]


def _count_label(k, label, rest, was_first, key, labels, with_text, bare):
    """Record line ``k``'s label under ``key``: counted as a turn with text, or as a bare
    label; returns ``key`` when it is the file's first label with text (else None)."""
    labels[k] = (label, rest, key)
    if not rest:
        bare.add(key)
        return None
    with_text[key] = with_text.get(key, 0) + 1
    return key if was_first else None

def label_uses(items, forced) -> tuple[list, dict, set, object, dict]:
    """How each `Label:` candidate is used: (labels per item as ``(label, rest)`` or None, uses with
    text per label key (lower case), keys used bare, the first item's label key, first spellings)."""
    labels: list = [None] * len(items)
    with_text: dict[str, int] = {}  # keyed by the label in lower case: capitals never split a speaker
    bare: set[str] = set()
    first_label, spelling = None, {}
    weak: dict[int, tuple] = {}  # `ravi shah: ...`: a name only if written with capitals elsewhere
    judged: dict[str, tuple] = {}  # a label as written: (label, key or None, weak)
    for k, (_i, s, sp, _st, _en) in enumerate(items):
        if sp is not None:
            continue
        if not s.isascii() and (odd := ODD_COLON.search(s, 0, 42)) is not None and ":" not in s[:odd.start()]:
            s = f"{s[:odd.start()]}:{s[odd.end():]}"  # `Jordan： text`, a colon look-alike after the label
        elif ":" not in s:
            continue
        m = _LABEL.match(s)
        if m is None and (undressed := undecorate(s)) is not None:  # **Jordan:**, - Jordan:, \u200bJordan:
            m = _LABEL.match(undressed)
        if m is None and s[:1] == "+":  # a dial-in caller, labelled by phone number as Zoom and Teams do
            m = _PHONE_LABEL.match(s)
        if m is None:
            continue
        written, rest = m.groups()
        if rest[:1].isdigit() or rest[:1] == "/":
            continue
        if (got := judged.get(written)) is None:  # a file repeats a few labels: each judged once
            label = plain_label(written)  # invisible characters out, look-alike letters Latin
            strong = _is_name(label) or label in forced
            got = judged[written] = (label, _label_key(label) if strong else None, not strong and _is_name(label.title()),
                                     label if written.isascii() else as_written(written, label))
        label, key, weakly, shown = got
        if key is None:
            if weakly:
                weak[k] = (label, rest.strip(), k == 0)
            continue
        rest = rest.strip()
        spelling.setdefault(key, label)
        labels[k] = (shown, rest, key)  # _count_label, written out: most lines come here
        if not rest:
            bare.add(key)
        else:
            with_text[key] = with_text.get(key, 0) + 1
            if k == 0:
                first_label = key
    for k, (label, rest, was_first) in weak.items():
        key = _label_key(label)
        if key in spelling:
            if (first := _count_label(k, label, rest, was_first, key, labels, with_text, bare)) is not None:
                first_label = first
    return labels, with_text, bare, first_label, spelling
