"""The printable interview guide as a standalone HTML page (Jinja, autoescaped) and the
export that writes ``guide.md`` and ``guide.html``. The guide's content is
:func:`kit.guide_export.guide_data`; study text cannot run in the page (Jinja autoescape)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, select_autoescape

from kit.guide_export import _fmt_minutes, guide_data, guide_markdown

__all__ = ["guide_html", "export_guide"]

_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Interview guide: {{ d.title }}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 50em; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #999; padding-bottom: 0.2em; margin-top: 1.6em; }
.meta { color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
ul.check { list-style: none; padding-left: 0; }
ul.check li::before { content: "\\2610\\00a0\\00a0"; font-size: 1.1em; }
.flag { font-weight: bold; border: 1px solid #a33; padding: 0 0.3em; }
.warn { border-left: 4px solid #a33; padding-left: 0.8em; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>Interview guide: {{ d.title }}</h1>
<p class="meta">{% if d.sprint %}Sprint {{ d.sprint }} &middot; {% endif %}{{ d.format_title }}
({{ m(d.budget.target_low) }}&ndash;{{ m(d.budget.target_high) }} minutes)</p>
<p><strong>Research question.</strong> {{ d.research_question or "(none yet)" }}</p>
{% if d.objectives %}<p><strong>Objectives</strong></p>
<ul>{% for o in d.objectives %}<li>{{ o }}</li>{% endfor %}</ul>{% endif %}
{% if d.warnings %}<div class="warn"><h2>Check before printing</h2>
<ul>{% for w in d.warnings %}<li>{{ w }}</li>{% endfor %}</ul></div>{% endif %}
<h2>Before the meeting</h2>
<ul class="check">{% for c in d.checklist %}<li><strong>{{ c.item }}.</strong> {{ c.detail }}</li>{% endfor %}</ul>
<h2>The questions</h2>
<p>A guide, not a script: ask the opener, then follow the story. Ask one question at a time and let silences run.</p>
<table>
<thead><tr><th>#</th><th>role</th><th>minutes</th><th>question</th></tr></thead>
<tbody>{% for q in d.questions %}
<tr><td>{{ q.n }}</td><td>{{ q.role_title }}</td><td>{{ m(q.minutes) }}</td><td>{{ q.text }}{% if q.flags %}
 <span class="flag">flagged: {{ q.flags | join(", ") }}</span>{% endif %}</td></tr>{% endfor %}
</tbody></table>
{% if d.probes %}<h3>Probes: use whenever an answer is thin</h3>
<ul>{% for p in d.probes %}<li>{{ p.text }}</li>{% endfor %}</ul>{% endif %}
<h2>Time budget</h2>
<table>
<thead><tr><th>part</th><th>questions</th><th>minutes each</th><th>minutes</th></tr></thead>
<tbody>{% for r in d.budget_rows %}
<tr><td>{{ r.role }}</td><td>{{ r.count }}</td><td>{{ r.each }}</td><td>{{ m(r.low) }}&ndash;{{ m(r.high) }}</td></tr>{% endfor %}
<tr><th>total</th><td></td><td></td><th>{{ m(d.budget.minutes_low) }}&ndash;{{ m(d.budget.minutes_high) }}</th></tr>
</tbody></table>
<p>About {{ m(d.budget.minutes_estimate | round(1)) }} minutes, {{ "within" if d.budget.within else "outside" }} the
{{ m(d.budget.target_low) }}&ndash;{{ m(d.budget.target_high) }} minutes of a {{ d.format_title }}.</p>
<h2>Right after the call</h2>
<ul class="check">{% for a in d.after %}<li>{{ a }}</li>{% endfor %}</ul>
</body>
</html>
"""


def guide_html(study_or_data) -> str:
    """The printable guide as a standalone HTML page (print styles included)."""
    d = study_or_data if isinstance(study_or_data, dict) else guide_data(study_or_data)
    env = Environment(autoescape=select_autoescape(default_for_string=True, default=True))
    return env.from_string(_HTML).render(d=d, m=_fmt_minutes)


def export_guide(study, out_dir, include_names: bool = False) -> dict[str, Path]:
    """Write ``guide.md`` and ``guide.html`` into ``out_dir`` as published outputs; returns their
    paths. The guide's text is the team's (study.yml's title and objectives, guide.yml's
    questions), yet it is printed and shared: a participant's name, email, phone number or a
    run of a non-consenting participant's words written there is redacted as in every other
    published file (:meth:`kit.outputs.Outputs.text`; the notebook's writer of ``out_dir`` when
    it has one, :func:`kit.outputs.published_writer`), unless names are asked for (``include_names``,
    or the notebook's writer's)."""
    from kit.outputs import PUBLISHED, Outputs, published_writer

    data = guide_data(study)
    out = Path(out_dir)
    writer = published_writer(out) or Outputs(out, study, PUBLISHED, include_names=include_names)
    return {"markdown": writer.text("guide.md", guide_markdown(data), markup=True),
            "html": writer.text("guide.html", guide_html(data), markup=True)}
