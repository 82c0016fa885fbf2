"""`interview-kit analyze` at scale, against NLTK's VADER alone on the same turns.

    python benchmarks/analyze_scale.py                 # 10,000 transcripts, ~240,000 turns
    python benchmarks/analyze_scale.py --n 2000 --keep # keep the generated study and output
    python benchmarks/analyze_scale.py --profile       # also a cProfile of analyze's serial path
    python benchmarks/analyze_scale.py --study DIR --repeat 5   # an existing generated study

Generates, deterministically from ``--seed``, a study of ``--n`` micro-interview transcripts
(``--turns`` speaker turns each, the interviewer and the participant taking turns; plain
``Name: text`` files and WebVTT cues mixed) in a temporary folder, with a study.yml and the
bundled pilot's codebook.yml. Participant turns are interview-like sentences built from a
vocabulary that includes the codebook's keywords, sentiment words, negations and boosters,
with amounts and dates so that few turns repeat exactly.

Then, ``--repeat`` times (default 3), paired, it measures:

* ``analyze``: ``python -m kit analyze DIR --out OUT --quiet`` end to end in a subprocess
  (interpreter start, imports, loading and parsing every transcript, the language of every
  passage (kit.languages), sentiment, auto-coding,
  themes, writing the tables): CPU seconds of the whole process tree
  (``resource.getrusage(RUSAGE_CHILDREN)``, workers included), wall seconds, the peak
  resident memory of the largest process (``ru_maxrss``) and of the whole tree together
  (sampled with psutil), and the load average when it started;
* ``nltk``: NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` (with the kit's lexicon,
  ``kit.nltkdata.nltk_analyzer``) on every turn text, once, in this process: CPU and wall.

It prints each pair and the medians. On a shared machine compare CPU seconds: wall time
depends on the other load and on how many workers analyze could use (``kit.study.free_cores``).

Targets (issue 20): analyze CPU <= 0.3 x NLTK's CPU, peak memory < 1 GiB for the largest
process and for the whole tree. The exit code is 1 when a target is missed (2 when analyze
itself fails). ``--study DIR`` measures an existing generated study (``--keep`` keeps one);
``--compare OUT`` checks that the six output files are byte-identical to an earlier run's
(outputs must not change with a speed-up: keep one made by the code before it).

With ``--profile`` analyze's serial path (no worker processes, which cProfile would not
follow: the profile is of the serial path, explicitly) is run once more under cProfile, timed
in CPU seconds of the process (``time.process_time``; cProfile's default wall clock would
charge each function with the time it waited for a core on a busy machine), imports
included, and the functions with the most cumulative and own CPU time are printed; the
profile file is kept with ``--keep``.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from measure import run_measured

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TIME_RATIO_TARGET = 0.3  # CPU seconds, analyze / NLTK alone (issue 20)
MEMORY_TARGET = 1024 ** 3  # bytes, any process and the whole tree

INTERVIEWERS = ["Maya Chen", "Interviewer", "Tom Becker"]
FIRST = ["Dana", "Gary", "Hannah", "Sven", "Oliver", "Ines", "Marcus", "Kwame", "Felix", "Darius",
         "Kenji", "Nadia", "Leila", "Rosa", "Siobhan", "Ravi", "Amara", "Beata", "Lucy", "Omar"]
LAST = ["Okafor", "Mulligan", "Weiss", "Lindqvist", "Grant", "Carvalho", "Bell", "Asante", "Brandt",
        "Karimi", "Watanabe", "Petrova", "Haddad", "Delgado", "Reilly", "Menon", "Nwosu", "Kowalski"]
QUESTIONS = [
    "Tell me about the last time a client paid you later than you expected.",
    "What happened next?", "How did that feel?", "Say more about that.", "What did you do then?",
    "How did you match that payment to the invoice?", "Walk me through what you did after that.",
    "When was the last time you changed how you send invoices?", "What made that hard?",
    "Looking ahead to your next big invoice, what are you planning to do differently?",
    "Who else was involved?", "How long did that take you?",
]
OPENERS = ["So", "Well,", "Um,", "Honestly,", "To be fair,", "I mean,", "Yeah, so", "Right,", "Okay,"]
SUBJECTS = ["the client", "my accountant", "the landlord", "their finance team", "the agency", "a customer",
            "the bank", "Brightbill", "the supplier portal", "my bookkeeper", "the council", "the tenant",
            "their procurement team", "a regular", "the new client", "my biggest client", "the CFO"]
EVENTS = [
    "paid the invoice {d} days late", "sent the deposit up front", "asked for net 30 terms",
    "rejected the invoice because the PO number was missing", "wanted a purchase order first",
    "paid through the payment link straight away", "took a fee of {p} percent",
    "put the wrong reference on the transfer", "ignored the automatic reminder",
    "never answered when I rang", "moved us to sixty days terms", "paid by bank transfer on the doorstep",
    "kept the quote in a spreadsheet", "sent a remittance that matched nothing on the statement",
    "part paid the invoice and left {a} euros open", "asked for a new supplier onboarding form",
    "changed the scope, so I had to retype the quote", "still has not paid the {a} euros",
    "paid cash the same day", "said the reminder sounded like a robot", "had our invoice stuck in the portal",
    "evaluated a cheaper competitor", "asked me to switch to their app", "paid after I chased twice",
    "wanted a variation on the estimate", "sent the payment run on the {n}th",
]
FEELINGS = [
    "It was awful.", "Honestly it was fine.", "I felt so awkward chasing them.", "That stings.",
    "Great, really great!", "I was so angry!", "Not a big deal.", "I hate ringing people about money.",
    "It's embarrassing, to be honest.", "I love that part.", "It was a nightmare, I couldn't sleep.",
    "Fair play to them.", "I wasn't happy about it.", "It's just boring.", "That was a relief.",
    "It felt rude to push.", "Which is stressful, with rent due.", "Brilliant, no complaints.",
    "I don't mind, really.", "It is what it is.", "Terrible, TERRIBLE experience.", "Not great, not terrible.",
]
TAILS = ["on a Tuesday", "in March", "last month", "before Christmas", "for the third time", "again",
         "on a {a} euro job", "for the kitchen refit", "on the website project", "for the brand refresh",
         "with the boiler swap", "after the event", "on the {n}th"]
SHORT = ["Yeah.", "Right.", "Okay.", "Exactly.", "Mm-hm.", "Sure.", "No.", "Yes, exactly.", "Not really."]


def _fill(text: str, rng: random.Random) -> str:
    return text.format(d=rng.randint(3, 95), p=rng.choice(["1.5", "2.9", "3", "4"]),
                       a=rng.choice(range(150, 48000, 50)), n=rng.randint(1, 28))


def participant_turn(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(SHORT)
    sentences = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        words = []
        if rng.random() < 0.4:
            words.append(rng.choice(OPENERS))
        words.append(rng.choice(SUBJECTS))
        words.append(_fill(rng.choice(EVENTS), rng))
        if rng.random() < 0.6:
            words.append(_fill(rng.choice(TAILS), rng))
        sentence = " ".join(words)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        if rng.random() < 0.5:
            sentences.append(rng.choice(FEELINGS))
    return " ".join(sentences)


def interview(rng: random.Random, turns: int) -> tuple[str, str, list[str]]:
    """(interviewer label, participant label, turn texts) of one interview."""
    asker = rng.choice(INTERVIEWERS)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    texts = [rng.choice(QUESTIONS) if i % 2 == 0 else participant_turn(rng) for i in range(turns)]
    return asker, person, texts


def _vtt_time(seconds: float) -> str:
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def write_transcript(path: Path, asker: str, person: str, texts: list[str], vtt: bool) -> None:
    labels = [asker if i % 2 == 0 else person for i in range(len(texts))]
    if vtt:
        lines, clock = ["WEBVTT", ""], 1.0
        for i, (label, text) in enumerate(zip(labels, texts), start=1):
            end = clock + 2.0 + len(text) / 15
            lines += [str(i), f"{_vtt_time(clock)} --> {_vtt_time(end)}", f"{label}: {text}", ""]
            clock = end + 0.4
        body = "\n".join(lines)
    else:
        body = "\n".join(f"{label}: {text}" for label, text in zip(labels, texts)) + "\n"
    path.write_text(body, encoding="utf-8")


STUDY_YML = """\
title: Getting paid at scale
research_question: How do owners of small service businesses get paid, and where does it break down?
sprint: BENCH
format: micro
stages: [quote, invoice, chase, reconcile]
team:
  - {name: Maya Chen, role: researcher}
  - {name: Tom Becker, role: support lead}
interviewer_labels: [Interviewer, Moderator]
"""


def generate(root: Path, n: int, turns: int, seed: int) -> list[str]:
    """Write the study; return every turn text in the order of the files."""
    from kit.paths import pilot_path

    rng = random.Random(seed)
    (root / "transcripts").mkdir(parents=True)
    (root / "study.yml").write_text(STUDY_YML, encoding="utf-8")
    shutil.copy(pilot_path() / "codebook.yml", root / "codebook.yml")
    texts: list[str] = []
    for i in range(1, n + 1):
        asker, person, said = interview(rng, turns)
        vtt = rng.random() < 0.5
        write_transcript(root / "transcripts" / f"INT-{i:05d}{'.vtt' if vtt else '.txt'}", asker, person, said, vtt)
        texts += said
    return texts


def time_nltk(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of NLTK's VADER on every text, in this process (NLTK imported
    and its lexicon loaded beforehand, untimed: the most favourable reading for NLTK)."""
    from kit.nltkdata import nltk_analyzer

    sia = nltk_analyzer()
    sia.polarity_scores("warm up")
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        sia.polarity_scores(text)
    return time.perf_counter() - t0, time.process_time() - c0




# The serial path, in one process, for the profile (cProfile does not follow workers), timed
# in CPU seconds of the process: cProfile's default clock is the wall clock, which on a busy
# machine charges each function with the time it waited for a core. Imports are profiled too.
SERIAL = """\
import cProfile, sys, time

profile = cProfile.Profile(time.process_time)
profile.enable()
try:
    import kit.analyze as a, kit.study as s
    a.PARALLEL_TEXTS = s.PARALLEL_TRANSCRIPTS = 10 ** 12
    from kit.cli import main
    code = main(sys.argv[2:])
finally:
    profile.disable()
    profile.dump_stats(sys.argv[1])
sys.exit(code)
"""


def run_analyze(study: Path, out: Path, profile: Path | None = None) -> dict:
    """One ``python -m kit analyze`` in a subprocess: wall and CPU seconds (the whole process
    tree: ``RUSAGE_CHILDREN`` counts every descendant waited for), the peak resident memory
    of the largest single process (``ru_maxrss``) and of the whole tree together (sampled
    every 20 ms with psutil)."""

    cmd = [sys.executable]
    if profile is not None:
        script = profile.with_suffix(".py")
        script.write_text(SERIAL, encoding="utf-8")
        cmd += [str(script), str(profile)]
    else:
        cmd += ["-m", "kit"]
    cmd += ["analyze", str(study), "--out", str(out), "--quiet"]
    shutil.rmtree(out, ignore_errors=True)
    result = run_measured(cmd, REPO)
    result["stderr"] = result.pop("err")
    return result


def print_profile(path: Path, top: int) -> None:
    import io
    import pstats

    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        buffer = io.StringIO()
        stats = pstats.Stats(str(path), stream=buffer)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        text = buffer.getvalue()
        start = text.find("   ncalls")
        print(f"\n-- analyze (serial path) under cProfile, CPU seconds, top {top} by {title} --")
        print(text[start:].rstrip())


def _median(values):
    return statistics.median(values)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="transcripts to generate (default 10000)")
    ap.add_argument("--turns", type=int, default=24, help="speaker turns per transcript (default 24)")
    ap.add_argument("--seed", type=int, default=20261005, help="random seed")
    ap.add_argument("--repeat", type=int, default=3, help="paired runs of each side; medians reported (default 3)")
    ap.add_argument("--study", help="an existing generated study to measure instead of generating one")
    ap.add_argument("--keep", action="store_true", help="keep the generated study and the output")
    ap.add_argument("--profile", action="store_true",
                    help="also profile the serial path of analyze with cProfile (workers are not followed)")
    ap.add_argument("--top", type=int, default=25, help="functions to print from the profile")
    ap.add_argument("--compare", metavar="DIR",
                    help="an earlier analyze output of the same study (e.g. kept with --keep from the code before a "
                         "change): its six files must be byte-identical to this run's (and the serial path's with "
                         "--profile); exit 1 otherwise")
    args = ap.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="interview-kit-bench-"))
    study, out = base / "study", base / "out"
    try:
        t0 = time.perf_counter()
        if args.study:
            study = Path(args.study)
            texts = [t for f in sorted((study / "transcripts").iterdir()) for t in _texts_of(f)]
        else:
            texts = generate(study, args.n, args.turns, args.seed)
        size = sum(p.stat().st_size for p in (study / "transcripts").iterdir())
        print(f"study: {len(list((study / 'transcripts').iterdir())):,} transcripts, {len(texts):,} turns "
              f"({len(set(texts)):,} distinct texts, {size / 1e6:.1f} MB), ready in {time.perf_counter() - t0:.1f} s: "
              f"{study}")
        print(f"cores: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}, "
              f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        runs, nltk = [], []
        for i in range(args.repeat):  # paired: analyze, then NLTK, each time
            run = run_analyze(study, out)
            if run["code"] != 0:
                print(f"analyze failed (exit {run['code']}):\n{run['stderr']}", file=sys.stderr)
                return 2
            load = os.getloadavg()[0]
            wall, cpu = time_nltk(texts)
            runs.append(run)
            nltk.append({"wall": wall, "cpu": cpu, "load": load})
            print(f"run {i + 1}: analyze CPU {run['cpu']:6.2f} s, wall {run['wall']:6.2f} s (load {run['load']:.1f}); "
                  f"NLTK CPU {cpu:6.2f} s, wall {wall:6.2f} s (load {load:.1f}); "
                  f"ratio CPU {run['cpu'] / cpu:.3f}, wall {run['wall'] / wall:.3f}")
        with open(out / "turns.csv", encoding="utf-8") as fh:
            rows = sum(1 for _ in fh) - 1
        med = {k: _median([r[k] for r in runs]) for k in ("wall", "cpu")}
        med_nltk = {k: _median([r[k] for r in nltk]) for k in ("wall", "cpu")}
        cpu_ratio = _median([r["cpu"] / n["cpu"] for r, n in zip(runs, nltk)])
        wall_ratio = _median([r["wall"] / n["wall"] for r, n in zip(runs, nltk)])
        peak, tree_peak = max(r["peak"] for r in runs), max(r["tree_peak"] for r in runs)
        print(f"medians of {args.repeat} paired runs ({rows:,} turns written):")
        print(f"  nltk VADER alone:         CPU {med_nltk['cpu']:7.2f} s   wall {med_nltk['wall']:7.2f} s")
        print(f"  interview-kit analyze:    CPU {med['cpu']:7.2f} s   wall {med['wall']:7.2f} s  (whole process tree)")
        print(f"  ratio analyze / nltk:     CPU {cpu_ratio:7.3f}     wall {wall_ratio:7.3f}    "
              f"(target: CPU <= {TIME_RATIO_TARGET}; wall depends on the load and the workers)")
        print(f"  peak memory: largest process {peak / 2 ** 20:.0f} MiB, whole tree {tree_peak / 2 ** 20:.0f} MiB "
              f"(target < {MEMORY_TARGET / 2 ** 30:.0f} GiB)")
        ok_time, ok_memory = cpu_ratio <= TIME_RATIO_TARGET, max(peak, tree_peak) < MEMORY_TARGET
        print(f"time target {'met' if ok_time else 'MISSED'}; memory target {'met' if ok_memory else 'MISSED'}")

        if args.profile:
            profile = base / "analyze.prof"
            run = run_analyze(study, base / "out-profiled", profile)
            if run["code"] != 0:
                print(f"profiled analyze failed:\n{run['stderr']}", file=sys.stderr)
                return 2
            print(f"\nanalyze, serial path, under cProfile: CPU {run['cpu']:.1f} s, wall {run['wall']:.1f} s "
                  f"(profiling adds overhead); profile: {profile}")
            print_profile(profile, args.top)
        same = True
        if args.compare:
            outs = [out] + ([base / "out-profiled"] if args.profile else [])
            same = all(compare_outputs(Path(args.compare), o) for o in outs)
        return 0 if ok_time and ok_memory and same else 1
    finally:
        if args.keep:
            print(f"kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


OUTPUT_FILES = ("turns.csv", "themes.csv", "autocodes.csv", "program.json", "languages.csv", "coding_languages.csv")


def compare_outputs(expected: Path, got: Path) -> bool:
    """Whether analyze's six output files in ``got`` are byte-identical to those in
    ``expected``; prints the verdict and the files that differ."""
    differ = [name for name in OUTPUT_FILES
              if not (got / name).is_file() or not (expected / name).is_file()
              or (got / name).read_bytes() != (expected / name).read_bytes()]
    print(f"outputs in {got.name}: " + (f"DIFFER from {expected}: {', '.join(differ)}" if differ
                                       else f"the {len(OUTPUT_FILES)} files byte-identical to {expected}"))
    return not differ


def _texts_of(path: Path) -> list[str]:
    """The turn texts of a transcript written by :func:`write_transcript`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".vtt":
        lines = [line for line in lines if ": " in line and "-->" not in line]
    return [line.split(": ", 1)[1] for line in lines if ": " in line]


if __name__ == "__main__":
    sys.exit(main())
