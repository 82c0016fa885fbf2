"""``interview-kit lint-guide``'s outputs: the JSON array (every finding the text report
shows) and the exit code, one rule for both outputs.

Exit codes: 0 nothing flagged and no error; 1 a question flagged, a structure error (time
budget, too many targeted questions, two closers, ...) or an error in the file that still
left questions to lint (an unknown ``kind``, a key given twice), and an empty file of any
kind (.txt or .yml: read, with no questions); 2 the file cannot be read at all (missing, a
folder, not YAML). The questions are read without invisible format characters (Unicode
category Cf) and in NFC before any rule (:func:`kit.guide.lint.readable`)."""
from __future__ import annotations

__all__ = ["lint_exit_code", "lint_json"]


def lint_json(result: dict, problems) -> list[dict]:
    """The ``--json`` array: one object per question (:func:`kit.guide.to_json`: question,
    flags, kind, suggestion, reasons, line, role, minutes) and one per line that is not a
    question (``kind`` ``"heading"``, ``"note"``, ``"timing"`` or ``"format"``, level ``info``,
    ``line``, ``text`` and ``message``), together in line order; then one object per
    guide-level finding: ``kind`` ``"file"`` (a problem in the file itself, as printed on
    standard error) or ``"structure"`` (the guide's structure), with ``level`` (error |
    warning), ``line`` (0: the whole guide) and ``message``; last, ``kind`` ``"budget"``: the
    time budget (level ``info``; ``minutes_estimate``, ``minutes_low``, ``minutes_high``, ``target_low``,
    ``target_high``, ``within``; minutes rounded to 2 decimals) and its ``message``. Every
    object has ``question`` (null for a finding), ``flags`` and ``suggestion``."""
    from kit.guide import to_json

    def finding(kind, level, line, message, **more):
        return {"question": None, "flags": [], "kind": kind, "suggestion": "", "level": level,
                "line": line, "message": message, **more}

    out = to_json(result)
    out += [finding(n["kind"], "info", n["line"], f"{n['kind']}, not a question: {n['text']}", text=n["text"])
            for n in result.get("notes", [])]
    out.sort(key=lambda o: o.get("line") or 0)  # questions, headings and notes in line order (stable)
    out += [finding("file", p.level, p.line, p.message) for p in problems]
    out += [finding("structure", s["level"], s["line"], s["message"]) for s in result.get("structure", [])]
    b = result["budget"]
    verdict = "within" if b["within"] else "outside"
    out.append(finding("budget", "info", 0,
                       f"time: about {b['minutes_estimate']:g} minutes ({b['minutes_low']:g} to {b['minutes_high']:g}), "
                       f"{verdict} the {b['target_low']:g}-{b['target_high']:g} minutes of a "
                       f"{result['format']} interview", **b))
    return out


def lint_exit_code(result: dict | None, problems) -> int:
    """0, 1 or 2 as in the module's docstring (the same for the text and the JSON output)."""
    if result is None:
        return 2
    flagged = any(q["flags"] for q in result["questions"])
    broken = any(s.get("level") == "error" for s in result.get("structure", []))
    return 1 if (flagged or broken or any(p.is_error for p in problems)) else 0
