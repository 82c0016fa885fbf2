"""Discussion guides: reading guide.yml or a .txt guide, the structure of a micro or full
guide, the time budget and the reports (JSON and text)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable
import difflib
import math
import re

from kit.errors import Problem, StudyError
from kit.guide.lexicon import (CORE_RANGE, DUPLICATE_JACCARD, DUPLICATE_RATIO, FORMATS, MINUTES,
    ROLES, TARGETED_RANGE, TARGET_MINUTES, _normalise_quotes)
from kit.guide.guide_lines import classify, content_problem, docx_lines, wrong_kind
from kit.guide.story_claims import notes as story_notes
from kit.guide.cues12 import closer as wrap_up
from kit.guide.cues15 import identifier_request, notes as guide_notes, spoken_line, spoken_pitch
from kit.guide.lint import lint_question, readable, shown_text

__all__ = ["format_report", "has_errors", "iter_problems", "lint_file", "lint_guide", "to_json"]

# --------------------------------------------------------------------------------------
# Guides
# --------------------------------------------------------------------------------------
def _read(path: Path, problems: list[Problem]) -> str | None:
    """A guide's text through the kit's one reading and decoding home (:func:`kit.csvio.read_bytes`
    and :func:`kit.csvio.decode_text`: regular files only, UTF-8 or UTF-16 with a byte-order mark,
    Windows-1252 lines reported); a Word guide's paragraphs (:func:`kit.guide.guide_lines.docx_lines`);
    None, with a problem, when the content does not match the file's name
    (:func:`kit.guide.guide_lines.content_problem`)."""
    import os

    from kit.csvio import decode_text, read_bytes

    if not os.path.lexists(path):
        problems.append(Problem(str(path), 0, "file not found"))
        return None
    raw, found = read_bytes(path)
    if raw is None:
        problems.extend(found)
        return None
    # a file whose content does not match its name (text renamed .docx, a PDF named .txt) is
    # a located problem, never read as a guide
    if (message := content_problem(Path(path).suffix, raw)) is not None:
        problems.append(Problem(str(path), 0, message))
        return None
    if Path(path).suffix.lower() == ".docx":
        text, message = docx_lines(raw)
        if message:
            problems.append(Problem(str(path), 0, message))
    else:
        text, found = decode_text(raw, str(path))
        problems.extend(found)
    if text is not None and (message := wrong_kind(text)) is not None:  # privacy8: a note or transcript
        problems.append(Problem(str(path), 1, message))
        return None
    # read once as the linter reads a question: no invisible format characters, NFC
    return None if text is None else readable(text)

_SAY = re.compile(r"\s*say\s*:", re.I)


def _what(value) -> str:
    """A value that is not a question's text, in the user's words (never a type name)."""
    import datetime

    if value is None:
        return "missing"
    if isinstance(value, str):
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):  # a SpelledFloat too
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    return "another kind of value"


def _read_yaml_guide(path: Path, problems: list[Problem]) -> tuple[str, list[tuple[str, int, str | None]]] | None:
    import yaml

    p = str(path)
    text = _read(path, problems)
    if text is None:
        return None
    from kit.yamlio import load_yaml

    # the kit's one bounded YAML loader (the same as `check`): aliases, huge or deep
    # documents and impossible numbers are located problems, never expanded
    data, yaml_problems = load_yaml(text, p)
    if yaml_problems:
        problems.extend(yaml_problems)
        if data is None:  # an error with data read (a key given twice) still lints, as 'kind: opner'
            return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problems.append(Problem(p, line, f"YAML error: {getattr(exc, 'problem', None) or exc}"))
        return None
    if data is None:  # read, with nothing in it: as an empty .txt, "the guide has no questions"
        return "micro", [], []
    if not isinstance(data, dict) or not isinstance(node, __import__("yaml").MappingNode):
        problems.append(Problem(p, 1, "the guide must be a mapping with 'format' and 'questions'"))
        return None
    keys = {k.value: (k, v) for k, v in node.value if isinstance(k, __import__("yaml").ScalarNode)}
    fmt = data.get("format", "micro")
    if fmt is None:
        fmt = "micro"
    fmt = str(fmt).strip().lower()
    if fmt not in FORMATS:
        line = keys["format"][1].start_mark.line + 1 if "format" in keys else 1
        problems.append(Problem(p, line, f"format must be micro or full, not {data.get('format')!r}"))
        fmt = "micro"
    if "questions" not in keys:
        problems.append(Problem(p, 1, "missing 'questions'"))
        return fmt, [], []
    qnode = keys["questions"][1]
    if not isinstance(qnode, __import__("yaml").SequenceNode):
        problems.append(Problem(p, qnode.start_mark.line + 1, "'questions' must be a list"))
        return fmt, [], []
    items = []
    notes: list[dict] = []
    for n, item in enumerate(qnode.value, start=1):
        line = item.start_mark.line + 1
        value = data["questions"][n - 1]
        kind = None
        qtext = value
        if isinstance(value, dict):
            mapping = {k.value: v for k, v in item.value if isinstance(k, __import__("yaml").ScalarNode)}
            qtext = value.get("text")
            if "text" in mapping:
                line = mapping["text"].start_mark.line + 1
            if "kind" in value and value["kind"] is not None:
                kind = str(value["kind"]).strip().lower()
                if kind not in ROLES:
                    kline = mapping["kind"].start_mark.line + 1 if "kind" in mapping else line
                    problems.append(Problem(p, kline, f"question kind must be one of opener, targeted, "
                                                      f"future, probe (not {value['kind']!r})"))
                    kind = None
        if isinstance(qtext, str) and kind is not None and _SAY.match(qtext):
            notes.append({"line": line, "kind": _WRITTEN, "text": f"written 'kind: {kind}', read as a probe: a 'Say:' "
                          "line is spoken in passing, never the opener, a core question or the closer"})
            kind = None  # session 10: a "Say: ..." line is spoken in passing; s17 F6: the kind as written is said
        if isinstance(qtext, str) and qtext.strip() and kind is None:
            what_line, shown, role = classify(qtext, strict=True)
            if what_line == "note" and (said := spoken_line(qtext)):  # session 9: "Say: <a pitch>" is linted
                items.append((said, line, "probe"))
                continue
            if what_line != "question":  # "Section 1: Warm-up" as an item: a heading, recorded
                notes.append({"line": line, "kind": what_line, "text": shown})
                continue
        if not isinstance(qtext, str) or not qtext.strip():
            what = _what(qtext)
            hint = ""
            if isinstance(value, dict) and qtext is None and len(value) == 1 and "kind" not in value:
                (key, rest), = value.items()  # `- Why: did it stall?` read as a key and a value
                hint = (f": the item holds ': ' and is read as a key and a value; quote the item, "
                        f"e.g. - \"{key}: {rest}\"")
            problems.append(Problem(p, line, f"question {n}: the text must be a string, not {what}{hint}"))
            continue
        items.append((qtext.strip(), line, kind))
    return fmt, items, notes


def _read_txt_guide(path: Path, problems: list[Problem]) -> tuple[str, list[tuple[str, int, str | None]]] | None:
    p = str(path)
    text = _read(path, problems)
    if text is None:
        return None
    fmt = "micro"
    items = []
    notes: list[dict] = []
    keys = re.search(r"(?m)^questions\s*:\s*$", text)
    if keys and re.search(r"(?m)^(?:format\s*:|\s*-\s+text\s*:)", text):
        problems.append(Problem(p, text.count("\n", 0, keys.start()) + 1,
                                "this file holds a YAML guide ('questions:') but is not named .yml: rename it to "
                                "guide.yml to read it as one (read here one line at a time)", "warning"))
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        kind, s, role = classify(line)  # a question, or a heading / note / timing recorded as such
        if kind == "format":
            m = re.match(r"#\s*format\s*:\s*(\S*)", s, flags=re.I)
            if m and m.group(1).lower() in FORMATS:
                fmt = m.group(1).lower()
            else:
                problems.append(Problem(p, n, f"format must be micro or full, not {m.group(1) if m else s!r}"))
        if kind == "note" and (said := spoken_line(s)):  # session 9: "Say: <a pitch>" is spoken, so linted
            items.append((said, n, "probe"))  # said in passing: not the opener, not a core question
            continue
        if kind != "question":
            notes.append({"line": n, "kind": kind, "text": s})
            continue
        items.append((s, n, role))
    return fmt, items, notes


def _infer_roles(lints: list[dict], given: list[str | None] | None = None) -> list[str]:
    """Roles of questions without one; a question given the role probe (a "Say:" pitch, a
    follow-up) is never taken for the opener or the closer."""
    roles = ["targeted"] * len(lints)
    for i, q in enumerate(lints):
        if q["kind"] == "probe" or (given and given[i] == "probe") or (q["kind"] != "future" and wrap_up(q["question"])):
            roles[i] = "probe"  # a follow-up, or a wrap-up ("Is there anything else you'd like to add?")
    # the first story or open question, one without a flag or a request for personal details first (newcomer
    # session 16 F11: "What's your member number and best phone number?" was made the opener)
    fit = [i for i, q in enumerate(lints) if q["kind"] in {"story", "open"} and roles[i] != "probe"]
    opener = next((i for i in fit if not lints[i]["flags"] and not identifier_request(lints[i]["question"])),
                  fit[0] if fit else None)
    if opener is not None:
        roles[opener] = "opener"
    futures = [i for i, q in enumerate(lints) if q["kind"] == "future" and roles[i] == "targeted"]
    if futures:
        roles[futures[-1]] = "future"
    return roles


def _norm_tokens(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[^\W_]+(?:'[^\W_]+)*", _normalise_quotes(text))]


def _near_duplicate(a: str, b: str) -> bool:
    ta, tb = _norm_tokens(a), _norm_tokens(b)
    if not ta or not tb:
        return False
    sa, sb = set(ta), set(tb)
    jaccard = len(sa & sb) / len(sa | sb)
    ratio = difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio()
    return jaccard >= DUPLICATE_JACCARD or ratio >= DUPLICATE_RATIO


# Near-duplicates without comparing every pair with difflib. A pair is a near-duplicate when
# the token sets' Jaccard index reaches DUPLICATE_JACCARD or difflib's ratio 2M/L of the
# joined tokens reaches DUPLICATE_RATIO (M matched characters, L both lengths).
# - Jaccard >= J needs |A & B| >= J |A | B| >= J |A|, so by prefix filtering (Chaudhuri, Ganti
#   & Kaushik 2006, "A primitive operator for similarity joins"; Xiao et al. 2008, PPJoin) the
#   pair shares one of the first |A| - ceil(J |A|) + 1 tokens of each set in one global order
#   (rarest first): an inverted index of those prefixes gives the candidates.
# - ratio >= R needs difflib's quick_ratio >= R (M is at most the characters the two strings
#   share, counted with multiplicity) and 2 min(|a|, |b|) >= R L: both bounds are checked for
#   all earlier questions at once on a matrix of character counts (numpy, a few microseconds
#   per question), and the survivors by the bound on shared character pairs below.
# Only the candidates left are compared with _near_duplicate, in order: the same answer as
# comparing every pair, in time close to linear in the number of questions.
_Q = 2  # character q-grams for the last bound: shared q-gram positions >= M - (q-1) k, where
# the k matching blocks (never adjacent: difflib merges them) satisfy k - 1 <= L - 2M


def _overlap_floor(n: int, frac: float) -> int:
    """The least overlap (>= 1) in elements, a little low rather than high (float rounding)."""
    return max(1, math.ceil(frac * n - 1e-6))


def _duplicate_keys(text: str) -> tuple[set, str, dict] | None:
    """A question's token set, its joined tokens and the count of each character q-gram."""
    toks = _norm_tokens(text)
    if not toks:
        return None
    joined = " ".join(toks)
    grams: dict[str, int] = {}
    for k in range(len(joined) - _Q + 1):
        grams[joined[k:k + _Q]] = grams.get(joined[k:k + _Q], 0) + 1
    return set(toks), joined, grams


def _may_be_near(a: tuple[set, str, dict], b: tuple[set, str, dict]) -> bool:
    """False only when two questions cannot be near-duplicates: their Jaccard index is below
    DUPLICATE_JACCARD and their shared q-grams rule out DUPLICATE_RATIO."""
    (sa, ja, ga), (sb, jb, gb) = a, b
    inter = len(sa & sb)
    if inter >= DUPLICATE_JACCARD * (len(sa) + len(sb) - inter) - 1e-6:
        return True
    small, big = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    shared = sum(min(c, big.get(g, 0)) for g, c in small.items())
    r, total = DUPLICATE_RATIO, len(ja) + len(jb)
    return shared >= total * (r * (2 * _Q - 1) / 2 - (_Q - 1)) - (_Q - 1) - 1e-6


def _first_near_duplicates(texts: list[str]) -> list[int | None]:
    """For each text, the index of the first earlier text it is a near-duplicate of
    (:func:`_near_duplicate`), or None: the same answer as comparing every pair in order."""
    import numpy as np

    keys = [_duplicate_keys(t) for t in texts]
    live = [i for i, k in enumerate(keys) if k is not None]
    df: dict[str, int] = {}
    for i in live:
        for t in keys[i][0]:
            df[t] = df.get(t, 0) + 1
    alphabet = sorted({c for i in live for c in keys[i][1]})
    col = {c: n for n, c in enumerate(alphabet)}
    chars = np.zeros((len(live), len(alphabet)), dtype=np.int32)  # character counts, row per live question
    for row, i in enumerate(live):
        for c in keys[i][1]:
            chars[row, col[c]] += 1
    length = chars.sum(axis=1)
    r = DUPLICATE_RATIO
    index: dict[str, list[int]] = {}
    out: list[int | None] = [None] * len(texts)
    for row, i in enumerate(live):
        toks = keys[i][0]
        prefix = sorted(toks, key=lambda t: (df[t], t))[:len(toks) - _overlap_floor(len(toks), DUPLICATE_JACCARD) + 1]
        found = {j for t in prefix for j in index.get(t, ())}
        if row:
            total = length[:row] + length[row]
            shared = np.minimum(chars[:row], chars[row]).sum(axis=1)
            ok = (2 * np.minimum(length[:row], length[row]) >= r * total - 1e-6) & (2 * shared >= r * total - 1e-6)
            found.update(live[k] for k in np.flatnonzero(ok))
        out[i] = next((j for j in sorted(found) if _may_be_near(keys[i], keys[j])
                       and _near_duplicate(texts[i], texts[j])), None)
        for t in prefix:
            index.setdefault(t, []).append(i)
    return out


def _cut(text: str, width: int = 200) -> str:
    """A question too long to lint as a result shows it: its first ``width`` characters and
    "..." (a 128 KB line is not echoed back)."""
    return text if len(text) <= width else text[:width - 3] + "..."


def _round(x: float) -> float:
    return round(x + 1e-9, 2)


def _pitched(text: str, lint: dict) -> dict:
    """The lint of a line said to the participant ("Say: ...", "Intro: ...", given the role probe) or a
    probe: a pitch (:func:`kit.guide.cues15.spoken_pitch`) is leading; said without a question mark it
    asks nothing, so it gets no other flag and no rewrite: it is left out (newcomer session 15 F3)."""
    if not (why := spoken_pitch(text)):
        return lint
    if "?" in text:
        if "leading" in lint["flags"]:
            return lint
        return {**lint, "flags": ["leading", *lint["flags"]], "reasons": {"leading": why, **lint.get("reasons", {})}}
    # no question: not a closed one either (newcomer session 16 F7), a pitch to leave out
    return {**lint, "flags": ["leading"], "suggestion": "", "reasons": {"leading": why}, "kind": "pitch"}


def _roster_parts(path) -> tuple[str, ...]:
    """The names of the study a guide file sits in (:func:`kit.privacy.roster`: its participants.csv), never a
    rewrite's topic (session 16); empty outside a study."""
    try:
        folder = Path(str(path)).resolve().parent
        if not (folder / "participants.csv").is_file():
            return ()
        from kit.privacy import roster

        people = roster(folder)
        return tuple(people.names) + tuple(people.parts)
    except (OSError, ValueError, StudyError):
        return ()


def _row_notes(text: str, q: dict, written: str | None) -> list[str]:
    """The notes on a question's row: the kind the guide.yml wrote and the kit reads otherwise (newcomer
    s17 F6), misspelt words, a missing "?" and (session 17) a story question that is not one usable
    question; none but the first on a question not linted (too long, or not in English)."""
    said = [written] if written else []
    if not q.get("too_long") and q.get("kind") != "unsupported":
        said += guide_notes(text) + story_notes(text)
    return said


_WRITTEN = "written kind"  # a note on a question's row (a guide.yml item's kind the kit reads otherwise), never a line


def _build(fmt: str, items: list[tuple[str, int, str | None]], path: str, notes: list[dict] | None = None) -> dict:
    names = _roster_parts(path)
    written = {n["line"]: n["text"] for n in notes or [] if n["kind"] == _WRITTEN}
    notes = [n for n in notes or [] if n["kind"] != _WRITTEN]
    lints = [_pitched(text, lint_question(text, names)) if role == "probe" else lint_question(text, names)
             for text, _, role in items]
    given = [role for _, _, role in items]
    if all(r is None for r in given):
        roles = _infer_roles(lints)
        inferred = True
    else:
        inferred_roles = _infer_roles(lints, given)
        roles = [r if r is not None else inferred_roles[i] for i, r in enumerate(given)]
        inferred = False
    questions = []
    for (text, line, _), q, role in zip(items, lints, roles):
        lo, hi = MINUTES[fmt][role]
        if q.get("too_long"):  # not linted: no notes, no near-duplicate, shown cut (its length is in the verdict)
            q = {**q, "question": _cut(q["question"])}
        questions.append({**q, "line": line, "role": role, "minutes": _round((lo + hi) / 2)})
        # session 9: misspelt words, a missing "?"; none on a question not linted (too long, or not in English)
        if said := _row_notes(text, q, written.get(line)):
            questions[-1]["notes"] = said
    structure: list[dict] = []

    def err(line, message, level="error"):
        structure.append({"level": level, "line": line, "message": message})

    first_line = items[0][1] if items else 0
    last_line = items[-1][1] if items else 0
    openers = [q for q in questions if q["role"] == "opener"]
    targeted = [q for q in questions if q["role"] == "targeted"]
    futures = [q for q in questions if q["role"] == "future"]
    core = [q for q in questions if q["role"] != "probe"]
    if not questions:
        err(0, "the guide has no questions")
    if questions and not openers:
        err(first_line, "missing opener: start with a story question ('Tell me about the last time ...')")
    if len(openers) > 1:
        for q in openers[1:]:
            err(q["line"], f"more than one opener (the first is on line {openers[0]['line']})")
    for q in openers[:1]:
        if q["kind"] not in {"story", "open"}:
            err(q["line"], f"the opener is not narrative (it is a {q['kind']} question): "
                           "open with 'Tell me about the last time ...'")
        if core and core[0] is not q and given[questions.index(q)] == "opener":  # not the kit's own choice (F11)
            err(q["line"], "the opener should be the first question", "warning")
    if questions and not futures:
        wraps = [q for q in questions if q["role"] == "probe" and wrap_up(q["question"])]
        said = (f" (line {wraps[-1]['line']}, {wraps[-1]['question']!r}, is a wrap-up: it can follow the closer, "
                "not replace it)") if wraps else ""
        err(last_line, "missing closer: end with one future question "
                       "about real plans ('Looking ahead to your next ..., what are you planning to do?')" + said)
    if fmt == "micro" and len(futures) > 1:
        for q in futures[:-1]:
            err(q["line"], f"more than one future closer (the last is on line {futures[-1]['line']})")
    if futures and core and core[-1] is not futures[-1]:
        err(futures[-1]["line"], f"the closer is not last: line {core[-1]['line']} comes after it")
    lo_t, hi_t = TARGETED_RANGE[fmt]
    lo_c, hi_c = CORE_RANGE[fmt]
    if fmt == "micro":
        if questions and len(targeted) < lo_t:  # the guide's count: at the last targeted question, or the whole file
            err(targeted[-1]["line"] if targeted else 0,
                f"too few targeted questions: {len(targeted)} (a micro guide has {lo_t} or {hi_t})")
        if len(targeted) > hi_t:
            err(targeted[hi_t]["line"], f"too many targeted questions: {len(targeted)} "
                                        f"(a micro guide has {lo_t} or {hi_t})")
    else:
        if questions and len(core) < lo_c:
            err(0, f"too few core questions: {len(core)} (a full guide has {lo_c}-{hi_c})")  # the whole guide's count
        if len(core) > hi_c:
            err(core[hi_c]["line"], f"too many core questions: {len(core)} (a full guide has {lo_c}-{hi_c})")
    for i, j in enumerate(_first_near_duplicates(["" if q.get("too_long") else q["question"] for q in questions])):
        if j is not None:
            err(questions[i]["line"], f"near-duplicate of the question on line {questions[j]['line']}", "warning")
    low = sum(MINUTES[fmt][q["role"]][0] for q in questions)
    high = sum(MINUTES[fmt][q["role"]][1] for q in questions)
    est = (low + high) / 2
    t_lo, t_hi = TARGET_MINUTES[fmt]
    within = bool(questions) and t_lo <= est <= t_hi
    if questions and not within:
        side = "over" if est > t_hi else "under"
        definite = low > t_hi or high < t_lo
        err(0, f"time budget: about {_round(est):g} minutes ({_round(low):g} to {_round(high):g}) is {side} the "
               f"{t_lo:g}-{t_hi:g} minutes of a {fmt} interview", "error" if definite else "warning")
    structure.sort(key=lambda d: (d["line"], d["level"] != "error"))
    return {
        "path": path,
        "format": fmt,
        "roles_inferred": inferred,
        "questions": questions,
        "notes": list(notes or []),
        "structure": structure,
        "budget": {"minutes_low": _round(low), "minutes_high": _round(high), "minutes_estimate": _round(est),
                   "target_low": t_lo, "target_high": t_hi, "within": within},
    }


MAX_QUESTIONS = 200  # a guide has a few dozen; linting costs ~50 ms of CPU a question


def _load(source, fmt: str | None = None) -> tuple[dict | None, list[Problem]]:
    problems: list[Problem] = []
    if isinstance(source, (list, tuple)):
        items = []
        for n, q in enumerate(source, start=1):
            if not isinstance(q, str) or not q.strip():
                problems.append(Problem("<guide>", n, f"question {n}: the text must be a string, not {_what(q)}"))
                continue
            items.append((shown_text(q).strip(), n, None))
        return _build(fmt or "micro", items, "<guide>"), problems
    path = Path(source)
    if path.is_dir():
        problems.append(Problem(str(path), 0, "is a folder, not a guide file"))
        return None, problems
    if path.suffix.lower() in {".yml", ".yaml"}:
        got = _read_yaml_guide(path, problems)
    else:
        got = _read_txt_guide(path, problems)
    if got is None:
        return None, problems
    file_fmt, items, notes = got
    if len(items) > MAX_QUESTIONS:  # a guide holds a few dozen: the rest is said, never minutes of silence
        problems.append(Problem(str(path), items[MAX_QUESTIONS][1], f"questions {MAX_QUESTIONS + 1:,}-{len(items):,} "
                                f"(lines {items[MAX_QUESTIONS][1]:,}-{items[-1][1]:,}) were not linted: a guide "
                                f"is linted up to {MAX_QUESTIONS:,} questions"))
        items = items[:MAX_QUESTIONS]
    result = _build(fmt or file_fmt, items, str(path), notes)
    problems.extend(Problem(str(path), q["line"], f"question {n}: {q['verdict']}")
                    for n, q in enumerate(result["questions"], start=1) if q.get("too_long"))
    return result, problems


def lint_guide(source, format: str | None = None) -> dict:
    """Lint a whole discussion guide.

    ``source`` is a path to a guide.yml, a path to a .txt file with one question per line
    (blank lines skipped; headings, ``#`` comments and interviewer notes recorded in ``notes``;
    a ``# format: full`` comment picks the format), a Word guide (.docx, one paragraph a line),
    or a list of question strings. A file whose content does not match its name (plain text
    renamed .docx, a PDF) is a problem at line 0. Roles missing from the file are inferred: the first story
    or open question is the opener, the last future question the closer, probes and wrap-ups
    ("Anything else?", "Is there anything else you'd like to add?") are probes and the rest
    targeted.

    Returns ``{path, format, roles_inferred, questions, notes, structure, budget}``: ``questions``
    has the :func:`lint_question` result of each question plus ``line``, ``role`` and
    ``minutes``; ``notes`` the lines that are not questions, ``{line, kind, text}`` with ``kind``
    heading, note, timing or format (:func:`kit.guide.guide_lines.classify`: "Section 1:
    Warm-up", "[thank them]", "(5 min)"; a role label such as "Opener:" before a question gives
    its role); ``structure`` is a list of ``{level, line, message}``; ``budget`` has
    ``minutes_low``, ``minutes_high``, ``minutes_estimate``, ``target_low``, ``target_high``
    and ``within``. Raises :class:`kit.errors.StudyError` when the file has problems (see
    :func:`lint_file` to get them as a list instead).
    """
    result, problems = _load(source, format)
    if problems:
        raise StudyError(problems)
    return result


def lint_file(path, format: str | None = None) -> tuple[dict | None, list[Problem]]:
    """Lint a guide file, returning ``(result, problems)``.

    ``problems`` are :class:`kit.errors.Problem` for the file itself (missing file, YAML
    error, a question that is not a string, an unknown kind). ``result`` is ``None`` when the
    file cannot be read at all, otherwise the :func:`lint_guide` result for the questions
    that could be read.
    """
    return _load(path, format)


def has_errors(result: dict | None) -> bool:
    """True when any question is flagged or the structure has an error (exit code 1)."""
    if result is None:
        return True
    return any(q["flags"] for q in result["questions"]) or any(
        s["level"] == "error" for s in result["structure"])


def to_json(result: dict) -> list[dict]:
    """The questions as a JSON-ready array (a list of dicts), in input order: question, flags,
    kind, suggestion, reasons, line, role, minutes. ``json.dumps(to_json(result))`` gives the
    ``--json`` output."""
    keys = ("question", "flags", "kind", "suggestion", "reasons", "line", "role", "minutes")
    return [{k: q.get(k) for k in keys + tuple(k for k in ("verdict", "language", "notes") if k in q)}
            for q in result["questions"]]


def format_report(result: dict) -> str:
    """A plain-text report: one line per question, then the structure problems as
    ``path:line: message``, then the time budget."""
    path = result.get("path", "<guide>")
    lines = [f"{path} ({result['format']} guide, {len(result['questions'])} questions)"]
    width = max((len(q["role"]) for q in result["questions"]), default=8)
    shown = [", ".join(q["flags"]) if q["flags"] else q.get("verdict") or "ok" for q in result["questions"]]
    fw, kw = max(map(len, shown), default=30), max((len(q["kind"]) for q in result["questions"]), default=7)
    rows = []
    for q, flags in zip(result["questions"], shown):
        text = q["question"] if len(q["question"]) <= 90 else q["question"][:87] + "..."
        line = f"  {q['line']:>4}  {q['role']:<{width}}  {q['kind']:<{kw}} {flags:<{fw}} {text}"
        if q["suggestion"]:
            line += f"  -> try: {q['suggestion']}"
        elif q["flags"] and (why := (q.get("reasons") or {}).get(q["flags"][0])):
            line += f"  -> {why}"  # no rewrite to offer (a pitch said to the participant): why it is flagged
        for said in q.get("notes", []):
            line += f"  (note: {said})"
        rows.append((q["line"], line.rstrip()))
    for note in result.get("notes", []):  # headings and notes, in their place: not linted, not lost
        text = note["text"] if len(note["text"]) <= 90 else note["text"][:87] + "..."
        rows.append((note["line"], f"  {note['line']:>4}  ({note['kind']}: not a question) {text}"))
    lines.extend(line for _, line in sorted(rows, key=lambda r: r[0]))
    if result["structure"]:
        lines.append("")
        lines.extend(str(p) for p in iter_problems(result))  # (line 0, the whole guide: no line)
    b = result["budget"]
    lines.append("")
    verdict = "within" if b["within"] else "outside"
    lines.append(f"time: about {b['minutes_estimate']:g} minutes ({b['minutes_low']:g} to {b['minutes_high']:g}), "
                 f"{verdict} the {b['target_low']:g}-{b['target_high']:g} minutes of a {result['format']} interview")
    flagged = sum(1 for q in result["questions"] if q["flags"])
    errors = sum(1 for s in result["structure"] if s["level"] == "error")
    warnings = sum(1 for s in result["structure"] if s["level"] == "warning")
    lines.append(f"{flagged} flagged question(s), {errors} structure error(s), {warnings} warning(s)")
    return "\n".join(lines)


def iter_problems(result: dict) -> Iterable[Problem]:
    """The structure findings of a result as :class:`kit.errors.Problem`."""
    for s in result["structure"]:
        yield Problem(result.get("path", "<guide>"), s["line"], s["message"], s["level"])
