"""Widgets for guide design and interviewer training, on top of pure functions.

The logic lives in plain functions that return text, HTML or DataFrames and are tested
without a browser: :func:`editor_feedback` (what the linter says about a question, as HTML),
:func:`lint_table` and :func:`lint_table_html` (a whole guide), :func:`score_rewrite` (a
trainee's rewrite of a bad question, scored 0-100) and :func:`insight_feedback` (observation
or interpretation). The widgets only wire those to text boxes that update as you type
(``continuous_update``):

- :func:`question_editor`: type a question, see its flags, kind and a rewrite;
- :func:`practice`: bad questions to rewrite, one box each, with feedback and a score;
- :func:`insight_editor`: type an insight, see whether it reads as an observation.

Each returns a :class:`LiveView`. Displayed in JupyterLab it is the live widget; where no
widget can be drawn (papermill, nbconvert, a notebook viewer) the same output carries a
static HTML snapshot of the feedback as it was when the cell ran.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from kit.guide import grammar_problems, lint_question, topic_overlap
from kit.guide.spelling import misspellings, spelling_cut, spelling_note
from kit.guide.lexicon import FLAGS
from kit.guide.retell15 import still_double
from kit.guide.story_claims import notes as story_notes

__all__ = [
    "PRACTICE_QUESTIONS",
    "INSIGHT_PRACTICE",
    "editor_feedback",
    "lint_table",
    "lint_table_html",
    "score_rewrite",
    "practice_table",
    "practice_html",
    "insight_feedback",
    "insight_table_html",
    "LiveView",
    "question_editor",
    "practice",
    "insight_editor",
    "insight_sorter",
    "insight_verdict",
    "FLAG_HELP",
    "KIND_HELP",
    "NOT_ENGLISH",
    "UNJUDGED_HELP",
    "kind_help",
    "KIND_PENALTY",
    "FLAG_PENALTY",
    "TOPIC_PENALTY",
    "TOPIC_KEPT",
    "GRAMMAR_PENALTY",
    "FORM_PENALTY",
]

PRACTICE_QUESTIONS = [
    "Don't you think our new dashboard makes reporting easier?",
    "Would you use a feature that reminds you to pay your bills?",
    "How do you plan your week and track your expenses?",
    "Do you like the checkout page?",
    "How frustrating is it to book a meeting room?",
    "How much would you pay for automatic invoicing?",
    "Is the app fast and reliable?",
    "What do you usually do when a client pays late?",
]
"""Questions for trainees to rewrite: leading, closed, hypothetical, double-barreled and
generalizing (asks about habits instead of a specific time)."""

INSIGHT_PRACTICE = [
    ("She rewrote the first reminder email four times before sending it.", "observation"),
    ("Freelancers clearly hate chasing clients.", "interpretation"),
    ("He checks the bank app every morning for incoming transfers.", "observation"),
    ("They need a better way to match payments to invoices.", "interpretation"),
    ("She said the automatic reminders felt \"too cold, like a debt collector\".", "observation"),
    ("We could offer SMS reminders for trades.", "interpretation"),
    ("He would probably pay for automatic matching.", "interpretation"),
    ("The invoice was rejected twice because the PO number was missing.", "observation"),
]
"""Statements for trainees to sort into observation and interpretation, with the answer."""

FLAG_HELP = {
    "leading": "suggests the answer or a feeling",
    "closed": "can be answered yes or no",
    "hypothetical": "asks for a prediction about an imagined future",
    "double-barreled": "asks two things at once",
    "generalizing": "asks what usually happens instead of about one specific time",
}
KIND_HELP = {
    "story": "asks for a specific past episode: the best opener",
    "open": "open, but not about one specific time: ask for the last time it happened",
    "probe": "a follow-up: use it after a story",
    "future": "about plans or wishes: keep one for the end",
    "closed": "a yes/no or pick-one question",
    "unsupported": "not judged: the kit's question rules are English (and a question of one or two sentences)",
}
UNJUDGED_HELP = "not judged by the kit's question rules"
"""Feedback for a kind the linter returns that :data:`KIND_HELP` does not know yet."""
NOT_ENGLISH = "not in English: the kit's question rules are English"


def kind_help(result: dict) -> str:
    """The feedback on the kind of a :func:`kit.guide.lint_question` result: :data:`KIND_HELP`
    for the kinds it knows, the linter's own ``verdict`` for a question it did not judge (too
    long, or not in English: then :data:`NOT_ENGLISH`), :data:`UNJUDGED_HELP` for any other
    kind. Never raises for a kind it does not know."""
    kind = str(result.get("kind", ""))
    if _judged(result):
        return KIND_HELP.get(kind, UNJUDGED_HELP)
    if result.get("language"):
        from kit.languages import language_name

        return f"{NOT_ENGLISH} (this reads as {language_name(result['language'])})"
    return str(result.get("verdict") or KIND_HELP.get(kind, UNJUDGED_HELP))


def _judged(result: dict) -> bool:
    """Whether the linter judged the question: not one it left unjudged (kind
    "unsupported", too long, or not in English: ``language`` set), which gets no score."""
    return not (result.get("kind") == "unsupported" or result.get("language") or result.get("too_long"))
KIND_PENALTY = {"story": 0, "open": 10, "probe": 20, "future": 20, "closed": 0}
FLAG_PENALTY = 30
TOPIC_PENALTY = 50  # a rewrite that keeps none of the question's topic words
TOPIC_KEPT = 0.5  # share of the topic words a rewrite must keep for no topic penalty
GRAMMAR_PENALTY = 10
FORM_PENALTY = 15  # each note of kit.guide.story_claims.notes: a repeated story phrase, no verb, two questions

_CSS = ("<style>.ik-box{font-family:system-ui,sans-serif;font-size:0.92em;line-height:1.4}"
        ".ik-tag{display:inline-block;border:1px solid #555;border-radius:3px;padding:0 0.35em;margin-right:0.3em}"
        ".ik-bad{border-color:#a33;color:#a33;font-weight:bold}.ik-ok{border-color:#1e7d45;color:#1e7d45}"
        ".ik-table{border-collapse:collapse}.ik-table td,.ik-table th{border:1px solid #bbb;padding:0.25em 0.5em;"
        "text-align:left;vertical-align:top}</style>")


def _e(text) -> str:
    return html.escape(str(text), quote=True)


# --------------------------------------------------------------------------------------
# Pure functions
# --------------------------------------------------------------------------------------
def editor_feedback(text: str) -> str:
    """HTML: the linter's verdict on one question (flags with reasons, kind, rewrite)."""
    if not isinstance(text, str) or not text.strip():
        return _CSS + '<div class="ik-box">Type a question to see what the linter says.</div>'
    r = lint_question(text)
    parts = [_CSS, '<div class="ik-box">']
    if r["flags"]:
        tags = "".join(f'<span class="ik-tag ik-bad">\u2717 {_e(f)}</span>' for f in r["flags"])
        parts.append(f"<div><b>Flags:</b> {tags}</div><ul>")
        for f in r["flags"]:
            parts.append(f"<li><b>{_e(f)}</b> ({_e(FLAG_HELP.get(f, f))}): {_e(r['reasons'].get(f, ''))}</li>")
        parts.append("</ul>")
    else:
        parts.append('<div><b>Flags:</b> <span class="ik-tag ik-ok">\u2713 none</span></div>')
    parts.append(f"<div><b>Kind:</b> {_e(r['kind'])}: {_e(kind_help(r))}</div>")
    if r["suggestion"]:
        parts.append(f"<div><b>Try:</b> {_e(r['suggestion'])}</div>")
    parts.append("</div>")
    return "".join(parts)


def lint_table(source) -> pd.DataFrame:
    """One row per question: ``n, role, kind, flags, question, suggestion``. ``source`` is a
    :func:`kit.guide.lint_guide` result or a list of question strings."""
    if source is None:
        rows = []
    elif isinstance(source, dict):
        rows = [{"n": n, "role": q.get("role", ""), "kind": q["kind"], "flags": ", ".join(q["flags"]),
                 "question": q["question"], "suggestion": q["suggestion"]}
                for n, q in enumerate(source["questions"], start=1)]
    else:
        rows = []
        for n, text in enumerate(source, start=1):
            q = lint_question(text)
            rows.append({"n": n, "role": "", "kind": q["kind"], "flags": ", ".join(q["flags"]),
                         "question": q["question"], "suggestion": q["suggestion"]})
    return pd.DataFrame(rows, columns=["n", "role", "kind", "flags", "question", "suggestion"])


def lint_table_html(source) -> str:
    """The :func:`lint_table` as an HTML table, flags marked with a cross and a word."""
    table = lint_table(source)
    head = "".join(f"<th>{_e(c)}</th>" for c in table.columns)
    body = []
    for row in table.itertuples(index=False):
        flags = (f'<span class="ik-tag ik-bad">\u2717 {_e(row.flags)}</span>' if row.flags
                 else '<span class="ik-tag ik-ok">\u2713 ok</span>')
        body.append(f"<tr><td>{row.n}</td><td>{_e(row.role)}</td><td>{_e(row.kind)}</td><td>{flags}</td>"
                    f"<td>{_e(row.question)}</td><td>{_e(row.suggestion)}</td></tr>")
    return f'{_CSS}<table class="ik-table ik-box"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", str(text).lower().replace("\u2019", "'")))


def score_rewrite(original: str, rewrite: str) -> dict:
    """Score a trainee's rewrite of a bad question, 0-100.

    100 for a clean story question ("Tell me about the last time ...") on the same topic;
    minus 30 for each flag the linter still raises (a rewrite of a double-barreled question
    whose one story still joins both asks, "... used the rubric and read the comments", is
    double-barreled: :func:`kit.guide.retell15.still_double`); minus 10 for an open question that is not
    about one specific time, minus 20 for a probe or a future question; minus up to 50 when
    the rewrite drifts from the question's topic (:func:`kit.guide.topic_overlap` below 0.5:
    50 x (1 - overlap / 0.5), so an unrelated rewrite scores at most 50; the words of a
    leading preamble are not the topic, so dropping the pitch costs nothing; a misspelt word
    counts for the topic as its correction, "playd" as "play", and is still named and
    penalised); minus 10 when
    :func:`kit.guide.grammar_problems` finds a problem; minus 5 per misspelt word, at most 15
    (:func:`kit.guide.spelling.misspellings`); minus 15 for each note of
    :func:`kit.guide.story_claims.notes` (the story phrase repeated, no verb after the story frame, two
    story questions where the exercise asks for one: attacker session 17 A8), so only a usable question
    scores 100; 0 for an empty or unchanged rewrite. The verdict says "clean" only of a rewrite the linter
    does not flag and that has no such note (attacker session 17 A5).
    Returns ``{question, rewrite, score, flags, kind, verdict, suggestion, topic, grammar, spelling, form}``
    (``topic``: the overlap 0-1; ``grammar``: the list of problems; ``spelling``: the misspelt words;
    ``form``: the notes).
    """
    text = (rewrite or "").strip()
    base = {"question": original, "rewrite": text, "score": 0, "flags": [], "kind": "", "verdict": "",
            "suggestion": "", "topic": 0.0, "grammar": [], "spelling": [], "form": []}
    if not text:
        return {**base, "verdict": "no rewrite yet"}
    if _norm(text) == _norm(original):
        return {**base, "verdict": "unchanged: rewrite the question"}
    r = lint_question(text)
    if not _judged(r):  # not in English, too long: no rule judged it, so no score
        return {**base, "score": None, "kind": r["kind"], "verdict": kind_help(r) + ": not scored"}
    if "double-barreled" not in r["flags"] and (two := still_double(original, text)):
        # session 9: the linter reads the rewrite against the question it rewrites, so two asks
        # joined in one story ("... used the rubric and read the comments") are not "clean"
        r = {**r, "flags": [f for f in FLAGS if f in r["flags"] or f == "double-barreled"],
             "reasons": {**r["reasons"], "double-barreled": two}}
    topic = round(topic_overlap(original, text), 3)
    grammar = grammar_problems(text)
    misspelt = misspellings(text, original)
    if misspelt:  # a misspelt topic word counts as kept when its correction is the word
        fixed = text
        for m in misspelt:
            if m["suggestion"]:
                fixed = re.sub(rf"\b{re.escape(m['word'])}\b", m["suggestion"], fixed)
        topic = max(topic, round(topic_overlap(original, fixed), 3))
    topic_cut = round(TOPIC_PENALTY * (1 - topic / TOPIC_KEPT)) if topic < TOPIC_KEPT else 0
    form = story_notes(text)
    score = max(0, 100 - FLAG_PENALTY * len(r["flags"]) - KIND_PENALTY.get(r["kind"], 0)
                - topic_cut - (GRAMMAR_PENALTY if grammar else 0) - spelling_cut(misspelt) - FORM_PENALTY * len(form))
    if r["flags"]:
        verdict = "still " + ", ".join(f"{f} ({FLAG_HELP.get(f, f)})" for f in r["flags"])
    elif form:
        verdict = f"no flag, but not one usable question: {'; '.join(form)}"
    elif r["kind"] == "story":
        verdict = "clean and story-based"
    else:
        verdict = f"clean, but {kind_help(r)}"
    if topic_cut:
        verdict += "; " + ("off the question's topic" if topic == 0 else "drifts from the question's topic")
    if grammar:
        verdict += "; check the grammar (" + ", ".join(grammar) + ")"
    if misspelt:
        verdict += "; " + spelling_note(misspelt)
    return {**base, "score": score, "flags": r["flags"], "kind": r["kind"], "verdict": verdict,
            "suggestion": r["suggestion"], "topic": topic, "grammar": grammar,
            "spelling": [m["word"] for m in misspelt], "form": form}


def _score_text(score) -> str:
    """A score as shown: ``85/100``, or ``not scored`` for a rewrite no rule judged."""
    return "not scored" if score is None or pd.isna(score) else f"{int(score)}/100"


def practice_table(questions=None, answers=None) -> pd.DataFrame:
    """The practice round as a table: one row per question with what is wrong with it,
    the trainee's rewrite (``answers``, in order; missing ones empty) and its score (``<NA>``: not scored, a rewrite not in English or too long)."""
    questions = list(questions or PRACTICE_QUESTIONS)
    answers = list(answers or [])
    rows = []
    for n, q in enumerate(questions, start=1):
        lint = lint_question(q)
        s = score_rewrite(q, answers[n - 1] if n - 1 < len(answers) else "")
        rows.append({"n": n, "question": q, "problems": ", ".join(lint["flags"]) or f"kind: {lint['kind']}",
                     "rewrite": s["rewrite"], "flags": ", ".join(s["flags"]), "kind": s["kind"],
                     "score": s["score"], "verdict": s["verdict"]})
    table = pd.DataFrame(rows, columns=["n", "question", "problems", "rewrite", "flags", "kind", "score", "verdict"])
    table["score"] = table["score"].astype("Int64")  # whole points; <NA>: a rewrite no rule judged
    return table


def practice_html(questions=None, answers=None) -> str:
    """The practice round as a static HTML table, with the total score."""
    table = practice_table(questions, answers)
    body = "".join(
        f"<tr><td>{r.n}</td><td>{_e(r.question)}</td><td>{_e(r.problems)}</td><td>{_e(r.rewrite) or '<i>(no rewrite yet)</i>'}</td>"
        f"<td>{_score_text(r.score)}</td><td>{_e(r.verdict)}</td></tr>" for r in table.itertuples(index=False))
    scored = pd.to_numeric(table["score"], errors="coerce").dropna()
    total = round(scored.mean()) if len(scored) else 0
    unscored = f"; {len(table) - len(scored)} not scored" if len(scored) < len(table) else ""
    return (f'{_CSS}<div class="ik-box"><b>Score: {total}/100</b> (the mean over {len(scored)} questions'
            f'{unscored})</div>'
            '<table class="ik-table ik-box"><thead><tr><th>#</th><th>question</th><th>what is wrong</th>'
            f"<th>your rewrite</th><th>score</th><th>feedback</th></tr></thead><tbody>{body}</tbody></table>")


def insight_feedback(text: str) -> str:
    """HTML: whether an insight reads as an observation, and the interpretation cues."""
    from kit.observation import interpretation_cues

    if not isinstance(text, str) or not text.strip():
        return _CSS + '<div class="ik-box">Type an insight to check it.</div>'
    cues = interpretation_cues(text)
    if not cues:
        return (_CSS + '<div class="ik-box"><span class="ik-tag ik-ok">\u2713 observation</span> '
                "No interpretation cue: it reads as what the participant said or did.</div>")
    found = ", ".join(f"\u201c{_e(c['match'])}\u201d ({_e(c['cue'])})" for c in cues)
    return (_CSS + '<div class="ik-box"><span class="ik-tag ik-bad">\u2717 interpretation</span> '
            f"Cues: {found}. Move it to Opportunities, or rewrite it as what the participant said or did.</div>")


def insight_verdict(text: str) -> str:
    """``observation`` or ``interpretation`` by the cue list of :mod:`kit.observation`."""
    from kit.observation import interpretation_cues

    return "interpretation" if interpretation_cues(text) else "observation"


def insight_table_html(items=None, choices=None) -> str:
    """The sorting exercise as a static HTML table: statement, the trainee's choice, the
    answer and what the cue list says."""
    items = list(items or INSIGHT_PRACTICE)
    choices = list(choices or [])
    rows = []
    right = 0
    for n, (text, answer) in enumerate(items, start=1):
        choice = choices[n - 1] if n - 1 < len(choices) else ""
        right += choice == answer
        rows.append(f"<tr><td>{n}</td><td>{_e(text)}</td><td>{_e(choice) or '<i>(not sorted)</i>'}</td>"
                    f"<td>{_e(answer)}</td><td>{_e(insight_verdict(text))}</td></tr>")
    return (f'{_CSS}<div class="ik-box"><b>{right} of {len(items)} sorted right</b></div>'
            '<table class="ik-table ik-box"><thead><tr><th>#</th><th>statement</th><th>your choice</th>'
            f"<th>answer</th><th>cue check</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


# --------------------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------------------
class LiveView:
    """A widget with a static fallback: the live widget where a front end can draw it,
    ``static()`` (HTML) everywhere else (papermill, nbconvert, notebook viewers)."""

    def __init__(self, widget, static, **parts):
        self.widget = widget
        self._static = static
        self.parts = parts

    def static_html(self) -> str:
        return self._static()

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = "(interactive widget: run the notebook in JupyterLab to use it)"
        return bundle


def _textarea(value: str, placeholder: str, rows: int = 2):
    import ipywidgets as widgets

    return widgets.Textarea(value=value, placeholder=placeholder, continuous_update=True, rows=rows,
                            layout=widgets.Layout(width="95%"))


def _live_editor(initial: str, placeholder: str, title: str, judge) -> LiveView:
    """A titled text box whose feedback (``judge(text)``, HTML) updates as you type."""
    import ipywidgets as widgets

    box = _textarea(initial, placeholder)
    feedback = widgets.HTML(value=judge(initial))

    def update(change):
        feedback.value = judge(change["new"])

    box.observe(update, names="value")
    widget = widgets.VBox([widgets.HTML(f"<b>{title}</b>"), box, feedback])
    return LiveView(widget, lambda: judge(box.value), box=box, feedback=feedback)


def question_editor(initial: str = "") -> LiveView:
    """A text box for one question; flags, kind and a rewrite update as you type."""
    return _live_editor(initial, "Type a question, e.g. Tell me about the last time you ...", "Your question",
                        editor_feedback)


def practice(questions=None, answers=None) -> LiveView:
    """A practice round: each bad question with a box for the rewrite, live feedback and
    score per question, and the total score at the top. ``answers`` pre-fills the boxes.
    ``view.parts["results"]()`` is the :func:`practice_table` of what is typed now."""
    import ipywidgets as widgets

    questions = list(questions or PRACTICE_QUESTIONS)
    answers = list(answers or [])
    total = widgets.HTML()
    boxes, feedbacks, rows = [], [], []

    def feedback_html(q, text):
        s = score_rewrite(q, text)
        if not s["rewrite"]:
            return '<div class="ik-box"><i>Write your rewrite above.</i></div>'
        try_line = f"<div><b>Linter's try:</b> {_e(s['suggestion'])}</div>" if s["suggestion"] else ""
        return (f'{_CSS}<div class="ik-box"><b>Score {_score_text(s["score"])}</b>: {_e(s["verdict"])}'
                f"{try_line}</div>")

    def refresh_total():
        scores = [s for s in (score_rewrite(q, b.value)["score"] for q, b in zip(questions, boxes)) if s is not None]
        done = sum(1 for b in boxes if b.value.strip())
        total.value = (f'{_CSS}<div class="ik-box"><b>Score: {round(sum(scores) / len(scores)) if scores else 0}'
                       f"/100</b> ({done} of {len(questions)} rewritten)</div>")

    for n, q in enumerate(questions, start=1):
        lint = lint_question(q)
        problem = ", ".join(lint["flags"]) or f"kind: {lint['kind']}"
        value = answers[n - 1] if n - 1 < len(answers) else ""
        box = _textarea(value, "Your rewrite")
        fb = widgets.HTML(value=feedback_html(q, value))

        def update(change, q=q, fb=fb):
            fb.value = feedback_html(q, change["new"])
            refresh_total()

        box.observe(update, names="value")
        boxes.append(box)
        feedbacks.append(fb)
        rows.append(widgets.VBox([widgets.HTML(f"<b>{n}. {_e(q)}</b> <i>({_e(problem)})</i>"), box, fb]))
    refresh_total()
    widget = widgets.VBox([total] + rows)
    return LiveView(widget, lambda: practice_html(questions, [b.value for b in boxes]), boxes=boxes,
                    total=total, results=lambda: practice_table(questions, [b.value for b in boxes]))


def insight_editor(initial: str = "") -> LiveView:
    """A text box for one insight; says as you type whether it reads as an observation."""
    return _live_editor(initial, "Type an insight, e.g. She chases by phone, never by email.", "Your insight",
                        insight_feedback)


def insight_sorter(items=None, choices=None) -> LiveView:
    """The sorting exercise: a pair of toggle buttons per statement (observation or
    interpretation) and the count sorted right, updated on every click."""
    import ipywidgets as widgets

    items = list(items or INSIGHT_PRACTICE)
    choices = list(choices or [])
    toggles = []
    total = widgets.HTML()

    def refresh(_=None):
        right = sum(t.value == answer for t, (_, answer) in zip(toggles, items))
        chosen = sum(t.value is not None for t in toggles)
        total.value = f"<b>{right} of {len(items)} sorted right</b> ({chosen} sorted)"

    rows = []
    for n, (text, _answer) in enumerate(items, start=1):
        value = choices[n - 1] if n - 1 < len(choices) and choices[n - 1] else None
        t = widgets.ToggleButtons(options=["observation", "interpretation"], value=value)
        t.observe(refresh, names="value")
        toggles.append(t)
        rows.append(widgets.VBox([widgets.HTML(f"{n}. {_e(text)}"), t]))
    refresh()
    widget = widgets.VBox([total] + rows)
    return LiveView(widget, lambda: insight_table_html(items, [t.value or "" for t in toggles]), toggles=toggles)
