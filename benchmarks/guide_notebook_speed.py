"""CPU cost of notebook 01 (guide design) per question, against ``lint-guide``'s.

    python benchmarks/guide_notebook_speed.py [N ...]

For each N (default 250, 500, 1000, 2000) it writes a copy of the bundled pilot study whose
guide.yml holds N questions (the pilot's questions repeated, numbered so no two are equal),
then times in CPU seconds (``time.process_time``): the linter alone (``kit.guide.lint_file``,
what ``lint-guide`` does) and notebook 01's calls as a script (lint_study_guide, lint_table,
format_report, structure_chart saved as PNG, export_guide). It prints both per question; the
notebook's should stay close to the linter's and flat as N grows (one lint shared by the
table, the chart and the printable guide; the chart groups by role above
``kit.viz.guide.MAX_CHART_QUESTIONS`` questions).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

__all__ = ["guide_study", "main"]


def guide_study(root: Path, n: int) -> Path:
    """A copy of the pilot study under ``root`` whose guide has ``n`` questions."""
    from kit.paths import pilot_path

    study = Path(shutil.copytree(pilot_path(), root / f"g{n}"))
    guide = yaml.safe_load((study / "guide.yml").read_text(encoding="utf-8"))
    base = guide["questions"]
    questions = []
    for i in range(n):
        q = dict(base[i % len(base)]) if isinstance(base[i % len(base)], dict) else {"text": str(base[i % len(base)])}
        q["text"] = f"{q['text'].rstrip('?')} (case {i})?"
        questions.append(q)
    guide["questions"] = questions
    (study / "guide.yml").write_text(yaml.safe_dump(guide, sort_keys=False), encoding="utf-8")
    return study


def _notebook(study: Path, out: Path) -> None:
    import kit
    from kit import guide, guide_export, guide_plots, guide_widgets, plots
    from kit.outputs import publish_to

    loaded = kit.load_study(study, strict=False)
    published = publish_to(out, loaded, include_names=False)
    result, _message = guide_export.lint_study_guide(loaded)
    published.table("guide_lint", guide_widgets.lint_table(result))
    guide.format_report(result)
    plots.save(guide_plots.structure_chart(result), out / "figures" / "guide_structure.png")
    guide_export.export_guide(loaded, out)


def main(argv: list[str]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from kit.guide import lint_file

    sizes = [int(a) for a in argv] or [250, 500, 1000, 2000]
    print(f"{'questions':>9}  {'lint s':>7}  {'ms/q':>6}  {'notebook s':>10}  {'ms/q':>6}  ratio")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            study = guide_study(Path(tmp), n)
            started = time.process_time()
            lint_file(study / "guide.yml")
            lint = time.process_time() - started
            import kit.guide_export as ge

            ge._LINTED.clear()  # the notebook lints afresh, as in a new kernel
            started = time.process_time()
            _notebook(study, Path(tmp) / f"out{n}")
            book = time.process_time() - started
            print(f"{n:>9}  {lint:>7.2f}  {1000 * lint / n:>6.2f}  {book:>10.2f}  {1000 * book / n:>6.2f}  "
                  f"{book / lint:>5.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
