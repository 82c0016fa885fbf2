"""The report's front page, OUT/index.html, rendered from templates/report/."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from kit.paths import templates_path


def write_index(out: Path, study_path: Path, notebooks, include_names: bool = False) -> Path:
    from kit import __version__
    from kit.csvio import atomic_write_text
    from kit.study import load_study

    study = load_study(study_path, strict=False)
    env = Environment(loader=FileSystemLoader(templates_path() / "report"),
                      autoescape=select_autoescape(["html", "j2"]))
    page = env.get_template("index.html.j2").render(
        title=study.name,
        sprint=study.sprint,
        research_question=study.config.get("research_question", ""),
        n_interviews=len(study.interviews),
        n_participants=study.interviews["participant"].replace("", None).nunique(),
        n_transcripts=int((study.interviews["n_turns"] > 0).sum()),
        n_quotes=int(study.quotes["consent_quote"].sum()) if len(study.quotes) else 0,
        notebooks=[{"name": nb.name, "stem": nb.stem,
                    "title": nb.stem.split("-", 1)[-1].replace("-", " ").capitalize()} for nb in notebooks],
        include_names=include_names,
        version=__version__,
    )
    path = Path(out) / "index.html"
    atomic_write_text(path, page)
    return path
