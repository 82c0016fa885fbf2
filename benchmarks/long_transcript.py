"""Notebook 04's calls on a study with one very long transcript: CPU seconds per step.

    python benchmarks/long_transcript.py                  # 5,000 and 50,000 lines
    python benchmarks/long_transcript.py --lines 10000 50000

For each ``--lines`` count it copies the bundled pilot to a temporary folder, replaces
INT-009's transcript with one of that many lines (an interviewer line then three participant
lines, words drawn with ``--seed`` from the pilot's own transcripts, so the codebook's keywords
occur), and runs the calls notebook 04 (coding) makes, timing each in CPU seconds of this
process (``time.process_time``: on a shared machine wall time depends on the other load).

A step whose CPU grows faster than the lines is super-linear: 5,000 -> 50,000 lines is 10x
the lines. Measured (2-core machine, issue s6): coders' agreement (``coding.agreement_report``)
was 0.06 s -> 8.2 s (a set rebuilt per segment in ``coding.shared_universe``), now 0.04 ->
0.13 s; theme suggestions (``kit.discover_themes``) 5.1 s -> 17.3 s, now 5.5 s -> 13.0 s (each
theme's examples checked for unconsented words only until it has its examples); the whole
notebook's calls 11 s -> 39 s, now 12 s -> 24 s.
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

__all__ = ["long_study", "notebook_04_steps"]


def long_study(root: Path, lines: int, seed: int = 7) -> Path:
    """A copy of the bundled pilot in ``root`` with INT-009's transcript ``lines`` lines long."""
    from kit.paths import pilot_path

    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pilot_path(), root)
    said = [line.split(": ", 1)[1] for p in sorted((root / "transcripts").glob("*.txt"))
            for line in p.read_text(encoding="utf-8").splitlines() if ": " in line]
    words = " ".join(said).split()
    rng = random.Random(seed)
    out = []
    for i in range(lines):
        if i % 4 == 0:
            out.append("Interviewer: " + " ".join(rng.choice(words) for _ in range(rng.randint(5, 14))) + "?")
        else:
            out.append("Marcus: " + " ".join(rng.choice(words) for _ in range(rng.randint(6, 30))) + ".")
    (root / "transcripts" / "INT-009.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    return root


def notebook_04_steps(study_dir: Path, out: Path) -> dict[str, float]:
    """CPU seconds of each group of notebook 04's calls on ``study_dir`` (tables written to ``out``)."""
    import kit
    from kit import coding, themes
    from kit.outputs import publish_to
    from kit.thematic_saturation import saturation

    times: dict[str, float] = {}
    start = time.process_time()

    def tick(name):
        nonlocal start
        now = time.process_time()
        times[name] = now - start
        start = now

    study = kit.load_study(study_dir, strict=False)
    published = publish_to(out, study)
    segments, codes, manual = study.segments(), study.codebook.names, study.codings
    people = themes.n_participants(study)
    tick("load")
    auto = kit.languages.study_autocode(study, segments)
    versus = coding.compare_auto_manual(auto, manual, segments, codes=codes)
    rules = themes.rule_validation(versus, auto, people)
    published.table("autocodes", auto)
    tick("auto-coding")
    published.table("auto_vs_manual_cases", coding.auto_manual_cases(auto, manual, segments))
    tick("cases")
    report = coding.agreement_report(manual, segments)
    tick("agreement")
    coded = themes.theme_codings(auto, manual, segments, rules)
    published.table("coded_segments", coded)
    published.table("shareable_quotes", kit.quotes.shareable_quotes(study, coded))
    tick("coded, quotes")
    saturation(themes.codes_per_interview(coded, study.interviews), base=6, run=2, threshold=0.05)
    strength = themes.theme_table(coded, themes.segment_scores(segments), n_participants=people, codes=codes,
                                  rules=rules)
    themes.cooccurrence(coded, by="segment", codes=codes)
    themes.quotes_per_code(coded, study.consenting(), per_code=2, scores=themes.segment_scores(segments),
                           codes=codes)
    published.table("themes", strength)
    tick("themes")
    suggested = kit.discover_themes(study, seed=0)
    published.table("suggested_theme_examples", suggested.examples)
    tick("discover_themes")
    del report
    return times


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="long-transcript-") as tmp:
        for n in args.lines:
            study = long_study(Path(tmp) / f"study-{n}", n, args.seed)
            times = notebook_04_steps(study, Path(tmp) / f"out-{n}")
            steps = ", ".join(f"{k} {v:.2f}" for k, v in times.items())
            print(f"{n:>7} lines: total {sum(times.values()):.1f} s CPU ({steps})", flush=True)


if __name__ == "__main__":
    main()
