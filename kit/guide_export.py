"""A printable discussion guide, from the study's guide.yml and study.yml.

The guide's content (:func:`guide_data`, a dict) and its Markdown (:func:`guide_markdown`):
the research question, the customer interview's before-the-meeting checklist, the questions
in order with their role and minutes, the probes to use whenever an answer is thin, the time
budget against the 3-7 minutes of a micro-interview (45-60 of a full one), and what to do
right after the call. Anything the linter flags is listed under "Check before printing", so
a guide with a leading question is never printed without a warning.

The HTML page and the export that writes ``guide.md`` and ``guide.html`` (both atomically)
are in :mod:`kit.report.guide_page` (``guide_html``, ``export_guide``; re-exported here for
one release). The study may be a path or a loaded :class:`kit.study.Study`. Study text
cannot run in a page: ``guide.html`` escapes it (Jinja autoescape) and ``guide.md`` writes
``<`` and ``>`` as ``&lt;`` and ``&gt;`` so a notebook rendering the Markdown shows a tag as
text.
"""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem, StudyError
from kit.guide import CORE_RANGE, MINUTES, TARGETED_RANGE, lint_file

__all__ = ["lint_study_guide", "md_text", "guide_data", "guide_markdown", "checklist", "ROLE_TITLES"]

ROLE_TITLES = {"opener": "Opener", "targeted": "Targeted", "future": "Closer (future)", "probe": "Probe"}
ROLE_ORDER = ("opener", "targeted", "future", "probe")


def checklist(fmt: str, research_question: str, n_core: int) -> list[dict]:
    """The before-the-meeting checklist of the customer-interview template:
    ``[{item, detail}]``."""
    lo, hi = CORE_RANGE["full"]
    if fmt == "micro":
        t_lo, t_hi = TARGETED_RANGE["micro"]
        core = (f"This micro guide has {n_core} core questions: one opener, {t_lo}-{t_hi} targeted "
                f"follow-ups and one closer (a full interview has {lo}-{hi}).")
    else:
        core = f"This guide has {n_core} core questions ({lo}-{hi} for a full interview)."
    return [
        {"item": "Research question written down and shared with the note-taker",
         "detail": research_question or "(study.yml has no research_question yet)"},
        {"item": f"{lo}-{hi} core questions prepared, as a guide, not a script",
         "detail": core + " Follow the participant's story; skip or reorder questions when the story "
                          "already answered them."},
        {"item": "Note-taker briefed",
         "detail": "Who asks, who writes. Capture key quotes verbatim with their time, keep what was "
                   "said and done (Insights) apart from what it might mean (Opportunities)."},
        {"item": "Permission to record asked and noted",
         "detail": "Ask at the start, before any recording; note the answer (participants.csv "
                   "consent_record) and ask separately whether their words may be quoted (consent_quote)."},
        {"item": "Prior interactions reviewed",
         "detail": "Support tickets, account history, earlier interviews or notes with this person: "
                   "know the context so you do not ask what you already know."},
        {"item": "15 minutes blocked right after the call for the debrief",
         "detail": "Write the note the same day; debrief within 48 hours; thank-you within 24 hours."},
    ]


_LINTED: dict = {}


def _lint_once(path: Path):
    """``lint_file(path)``, linted once per version of the file: the notebook's table, chart and
    printable guide share one lint (a 2,000-question guide is linted once, not twice). The
    version is the file's resolved path, size and modification time in nanoseconds; one
    guide is kept."""
    try:
        info = path.stat()
        key = (str(path.resolve()), info.st_size, info.st_mtime_ns)
    except OSError:
        return lint_file(path)
    if key not in _LINTED:
        _LINTED.clear()
        _LINTED[key] = lint_file(path)
    return _LINTED[key]


def lint_study_guide(study) -> tuple[dict | None, str]:
    """Lint the study's guide.yml: ``(result, message)``. ``result`` is None when the study
    has no guide or it cannot be read; the message says what was found either way. Paths in
    both are relative to the study folder (``guide.yml:12: ...``)."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    path = Path(study.path) / "guide.yml"
    if not path.exists():
        return None, f"{path.name}: not found; write the discussion guide first (see templates/guide.yml)"
    result, problems = _lint_once(path)
    # Paths relative to the study, so the notebook's output is the same on every machine.
    problems = [Problem(path.name, p.line, p.message, p.level) for p in problems]
    if result is None:
        return None, "\n".join(str(p) for p in problems)
    result = {**result, "path": path.name}  # the shared lint is not changed
    flagged = sum(1 for q in result["questions"] if q["flags"])
    errors = sum(1 for s in result["structure"] if s["level"] == "error")
    message = (f"{path.name}: a {result['format']} guide with {len(result['questions'])} questions, "
               f"{flagged} flagged, {errors} structure error(s)")
    return result, "\n".join([message] + [str(p) for p in problems])


def _fmt_minutes(x: float) -> str:
    return f"{x:g}"


def guide_data(study) -> dict:
    """The printable guide's content: title, sprint, format, research question, objectives,
    checklist, questions (``n, text, role, role_title, kind, flags, suggestion, minutes``),
    probes, budget rows and totals, and the linter's warnings. Raises
    :class:`kit.errors.StudyError` when the study has no readable guide.yml."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    path = Path(study.path) / "guide.yml"
    if not path.exists():
        raise StudyError([Problem(str(path), 0, "no guide.yml: write the discussion guide first "
                                                "(see templates/guide.yml)")])
    result, problems = _lint_once(path)
    if result is None or any(p.is_error for p in problems):
        raise StudyError(problems or [Problem(str(path), 0, "cannot read the guide")])
    fmt = result["format"]
    questions, probes = [], []
    for q in result["questions"]:
        row = {"text": q["question"], "role": q["role"], "role_title": ROLE_TITLES[q["role"]],
               "kind": q["kind"], "flags": q["flags"], "suggestion": q["suggestion"],
               "minutes": q["minutes"], "line": q["line"]}
        (probes if q["role"] == "probe" else questions).append(row)
    for n, row in enumerate(questions, start=1):
        row["n"] = n
    budget_rows = []
    for role in ROLE_ORDER:
        count = sum(1 for q in result["questions"] if q["role"] == role)
        if not count:
            continue
        lo, hi = MINUTES[fmt][role]
        budget_rows.append({"role": ROLE_TITLES[role], "count": count, "each": f"{_fmt_minutes(lo)}-{_fmt_minutes(hi)}",
                            "low": round(count * lo, 2), "high": round(count * hi, 2)})
    warnings = [f"line {q['line']}: {', '.join(q['flags'])}: \u201c{q['question']}\u201d"
                + (f" (try: {q['suggestion']})" if q["suggestion"] else "")
                for q in result["questions"] if q["flags"]]
    warnings += [f"line {s['line']}: {s['message']}" if s["line"] else s["message"] for s in result["structure"]]
    warnings += [str(p) for p in problems]
    config = study.config or {}
    rq = " ".join(str(config.get("research_question") or "").split())
    return {
        "title": study.name,
        "sprint": study.sprint,
        "format": fmt,
        "format_title": "micro-interview" if fmt == "micro" else "full interview",
        "research_question": rq,
        "objectives": [str(o) for o in config.get("objectives") or []],
        "checklist": checklist(fmt, rq, len(questions)),
        "questions": questions,
        "probes": probes,
        "budget_rows": budget_rows,
        "budget": result["budget"],
        "warnings": warnings,
        "after": ["Thank the participant; say what happens next.",
                  "Debrief with the note-taker in the 15 minutes you blocked.",
                  "Write the note the same day (Key Quotes with times, Insights, Opportunities, Action Items).",
                  "Send the thank-you within 24 hours."],
    }


def md_text(text) -> str:
    """Study text made inert in Markdown: ``<`` and ``>`` written as the character references
    ``&lt;`` and ``&gt;``, so a tag typed into study.yml or guide.yml renders as text, never
    as HTML (a backslash before them cannot undo that)."""
    return str(text).replace("<", "&lt;").replace(">", "&gt;")


def guide_markdown(study_or_data) -> str:
    """The printable guide as Markdown. Text from the study is escaped with :func:`md_text`:
    the page a notebook renders from it shows a ``<script>`` tag as text."""
    d = study_or_data if isinstance(study_or_data, dict) else guide_data(study_or_data)
    d = _escaped(d)
    b = d["budget"]
    out = [f"# Interview guide: {d['title']}", ""]
    meta = [f"{d['format_title']} ({_fmt_minutes(b['target_low'])}-{_fmt_minutes(b['target_high'])} minutes)"]
    if d["sprint"]:
        meta.insert(0, f"Sprint {d['sprint']}")
    out += [" \u00b7 ".join(meta), ""]
    out += [f"**Research question.** {d['research_question'] or '(none yet)'}", ""]
    if d["objectives"]:
        out += ["**Objectives**", ""] + [f"- {o}" for o in d["objectives"]] + [""]
    if d["warnings"]:
        out += ["## Check before printing", ""] + [f"- {w}" for w in d["warnings"]] + [""]
    out += ["## Before the meeting", ""]
    out += [f"- [ ] **{c['item']}.** {c['detail']}" for c in d["checklist"]] + [""]
    out += ["## The questions", "",
            "A guide, not a script: ask the opener, then follow the story. Ask one question at a time and "
            "let silences run.", "",
            "| # | role | minutes | question |", "|---|---|---|---|"]
    for q in d["questions"]:
        text = q["text"].replace("|", "\\|")
        flag = f" **(flagged: {', '.join(q['flags'])})**" if q["flags"] else ""
        out.append(f"| {q['n']} | {q['role_title']} | {_fmt_minutes(q['minutes'])} | {text}{flag} |")
    out.append("")
    if d["probes"]:
        out += ["### Probes: use whenever an answer is thin", ""] + [f"- {p['text']}" for p in d["probes"]] + [""]
    out += ["## Time budget", "", "| part | questions | minutes each | minutes |", "|---|---|---|---|"]
    for r in d["budget_rows"]:
        out.append(f"| {r['role']} | {r['count']} | {r['each']} | {_fmt_minutes(r['low'])}-{_fmt_minutes(r['high'])} |")
    verdict = "within" if b["within"] else "outside"
    out.append(f"| **total** | | | **{_fmt_minutes(b['minutes_low'])}-{_fmt_minutes(b['minutes_high'])}** |")
    out += ["", f"About {round(b['minutes_estimate'], 1):g} minutes, {verdict} the "
                f"{_fmt_minutes(b['target_low'])}-{_fmt_minutes(b['target_high'])} minutes of a {d['format_title']}.", ""]
    out += ["## Right after the call", ""] + [f"- [ ] {a}" for a in d["after"]] + [""]
    return "\n".join(out)


def _escaped(d: dict) -> dict:
    """A copy of the guide's data with every string passed through :func:`md_text`."""
    if isinstance(d, dict):
        return {k: _escaped(v) for k, v in d.items()}
    if isinstance(d, list):
        return [_escaped(v) for v in d]
    return md_text(d) if isinstance(d, str) else d


def __getattr__(name):
    """``guide_html`` and ``export_guide`` (the Jinja page) moved to
    :mod:`kit.report.guide_page`; this module re-exports them for one release."""
    if name in ("guide_html", "export_guide"):
        from kit.report import guide_page

        return getattr(guide_page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
