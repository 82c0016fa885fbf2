"""`interview-kit run` at the scale a program grows to (issue 20, session 14 newcomer F10).

    python benchmarks/run_scale.py --n 2000                    # a generated study of 2,000 interviews
    python benchmarks/run_scale.py --n 500 --study DIR         # the first 500 notes of the study DIR
    python benchmarks/run_scale.py --n 2000 --against /tmp/old # old and new kit alternated, paired

The study: ``--study DIR`` takes the first ``--n`` interview notes of DIR (sorted by name) with
their transcripts and the participants they name (a copy in a temporary folder; DIR is only
read). Without it a study is generated, deterministically from ``--seed``: ``--n`` notes, each
with a key quote and an insight, and its transcript (four formats in turn: WebVTT with
``Name:`` cues, WebVTT with ``<v>`` voices, timestamped text, ``Name: text``), one participant
for every two interviews in participants.csv (with names, emails, segments, consent to quote
mostly yes), the bundled pilot's codebook and guide. Participants say sentences from a small
vocabulary, so many of them say the same sentence, as people do at scale.

Each run is ``python -m kit run STUDY --out OUT --quiet --jobs J`` in a fresh process,
measured by ``measure.run_measured``: CPU seconds (user + system) of the whole process tree
(the run and its kernels), wall seconds, the peak resident memory of the largest process and
of the tree, the load average at the start; and each notebook's wall seconds from the run's
``run.log``. With ``--against DIR`` (a checkout holding the kit before a change) every pair runs
both kits, the order turning round from pair to pair; medians are printed. ``--keep`` keeps the
study and the reports. On a shared machine compare CPU seconds: wall follows the other load.
Target (issue 20): peak memory of any process < 1 GiB; the exit code is 1 when missed.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from measure import run_measured  # run from benchmarks/ (measure.py beside it)

REPO = Path(__file__).resolve().parents[1]
MEMORY_TARGET = 1024 ** 3

FIRST = ["Anna", "Jan", "Piotr", "Maria", "Omar", "Layla", "Derek", "Susan", "Tom", "Ewa", "Ali", "Nour",
         "Grace", "Mark", "Will", "Rose", "Bill", "Joy", "May", "Kamil"]
LAST = ["Nowicki", "Hassan", "Smith", "Kowal", "Brown", "Mansour", "Taylor", "Green", "Haddad", "Lewis"]
SAID = ["The client paid the invoice {n} days late and I had to chase twice.",
        "I send every invoice from a spreadsheet, it takes me an evening each month.",
        "The payment link worked, they paid the same day, which was a relief.",
        "Their finance team rejected the invoice because the PO number was missing.",
        "I hate ringing people about money, it feels rude to push.",
        "My accountant matches the transfers to the invoices at the end of the quarter.",
        "Honestly the reminders are fine, I just wish they paid faster.",
        "We moved to net 30 terms and now I wait two months for {n} euros."]
QUESTION = "Tell me about the last time a client paid you later than you expected."


def _transcript(k: int, person: str, texts: list[str]) -> tuple[str, str]:
    turns = [("Maya Chen", QUESTION)]
    for text in texts:
        turns += [(person, text), ("Maya Chen", "What happened next?")]
    form = k % 4
    if form in (0, 3):
        lines = ["WEBVTT", ""]
        for t, (who, text) in enumerate(turns):
            cue = f"00:{t * 5 // 60:02d}:{t * 5 % 60:02d}.000 --> 00:{t * 5 // 60:02d}:{t * 5 % 60 + 4:02d}.000"
            lines += ([str(t + 1), cue, f"<v {who}>{text}</v>", ""] if form == 3 else [cue, f"{who}: {text}", ""])
        return "vtt", "\n".join(lines) + "\n"
    if form == 1:
        return "txt", "".join(f"{who}  {t * 5 // 60}:{t * 5 % 60:02d}\n{text}\n\n" for t, (who, text) in enumerate(turns))
    return "txt", "".join(f"{who}: {text}\n" for who, text in turns)


def generate(root: Path, n: int, seed: int = 15) -> Path:
    """Write a study of ``n`` interviews into ``root``; returns it."""
    sys.path.insert(0, str(REPO))
    from kit.paths import pilot_path

    rng = random.Random(seed)
    for sub in ("interviews", "transcripts", "codings"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    pilot = pilot_path()
    study = (pilot / "study.yml").read_text(encoding="utf-8")
    (root / "study.yml").write_text(re.sub(r"(?m)^target_interviews:.*$", f"target_interviews: {n}", study),
                                    encoding="utf-8")
    for name in ("codebook.yml", "guide.yml", "costs.csv"):
        if (pilot / name).is_file():
            shutil.copy(pilot / name, root / name)
    header = (pilot / "participants.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    (root / "decisions.csv").write_text((pilot / "decisions.csv").read_text(encoding="utf-8").splitlines()[0] + "\n",
                                        encoding="utf-8")
    people = []
    rows = [",".join(header)]
    for i in range(1, max(1, n // 2) + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        values = {"id": f"P-{i:04d}", "name": f"{first} {last}", "email": f"{first.lower()}.{last.lower()}{i}@example.com",
                  "segment": rng.choice(["trades", "freelancer", "agency"]), "region": rng.choice(["north", "south", "west"]),
                  "company_size": rng.choice(["1", "2-9", "10-49"]), "channel": rng.choice(["email", "in-app"]),
                  "status": "completed", "invited_on": f"2026-09-{1 + i % 27:02d}", "scheduled_on": f"2026-10-{1 + i % 27:02d}",
                  "interviewed_on": f"2026-10-{1 + i % 27:02d}", "consent_record": "yes",
                  "consent_quote": rng.choice(["yes"] * 5 + ["no"])}
        rows.append(",".join(values.get(column, "") for column in header))
        people.append((values["id"], f"{first} {last}", 1 + i % 27))
    (root / "participants.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for k in range(1, n + 1):
        pid, person, day = people[(k - 1) % len(people)]
        texts = [rng.choice(SAID).format(n=rng.randint(2, 90)) for _ in range(rng.randint(2, 5))]
        ext, body = _transcript(k, person, texts)
        iid = f"INT-{k:04d}"
        (root / "transcripts" / f"{iid}.{ext}").write_text(body, encoding="utf-8")
        (root / "interviews" / f"{iid}.md").write_text(
            f"---\nid: {iid}\ndate: 2026-10-{day:02d}\nparticipant: {pid}\ninterviewer: Maya Chen\n"
            f"duration: 20\ntranscript: {iid}.{ext}\n---\n\n## Key Quotes\n- \"{texts[0]}\"\n\n"
            f"## Insights\n- The client paid late and the owner chased.\n", encoding="utf-8")
    return root


def first_of(source: Path, n: int, root: Path) -> Path:
    """A copy of the study ``source`` with its first ``n`` notes (by name), their transcripts
    and the participants they name."""
    root.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            shutil.copy(path, root / path.name)
    for sub in ("interviews", "transcripts", "codings"):
        (root / sub).mkdir(exist_ok=True)
    for path in (source / "codings").glob("*") if (source / "codings").is_dir() else ():
        shutil.copy(path, root / "codings" / path.name)
    people = set()
    for note in sorted((source / "interviews").glob("*.md"))[:n]:
        text = note.read_text(encoding="utf-8-sig")
        shutil.copy(note, root / "interviews" / note.name)
        if (m := re.search(r"(?m)^transcript:\s*(.+?)\s*$", text)) and (source / "transcripts" / m.group(1)).is_file():
            shutil.copy(source / "transcripts" / m.group(1), root / "transcripts" / m.group(1))
        if m := re.search(r"(?m)^participant:\s*(.+?)\s*$", text):
            people.add(m.group(1))
    sheet = source / "participants.csv"
    if sheet.is_file():
        lines = sheet.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        (root / "participants.csv").write_text(lines[0] + "".join(line for line in lines[1:]
                                                                 if line.split(",")[0] in people), encoding="utf-8")
    return root


def run_once(kit_dir: Path, study: Path, out: Path, jobs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(kit_dir), MPLBACKEND="Agg")
    result = run_measured([sys.executable, "-m", "kit", "run", str(study), "--out", str(out), "--quiet",
                           "--jobs", str(jobs)], cwd=out.parent, env=env)
    log = out / "run.log"
    result["notebooks"] = {}
    if log.is_file():
        for line in log.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                result["notebooks"][parts[0].removesuffix(".ipynb")] = float(parts[1])
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="interviews (default 2000)")
    parser.add_argument("--study", type=Path, help="take the first N notes of this study instead of generating one")
    parser.add_argument("--against", type=Path, action="append", default=[], help="another checkout's kit, alternated")
    parser.add_argument("--repeat", type=int, default=1, help="pairs (default 1)")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks at once (default 1: one heavy job)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the study and the reports")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="run-scale-"))
    try:
        study = (first_of(args.study, args.n, work / "study") if args.study else generate(work / "study", args.n, args.seed))
        print(f"study: {study} ({len(list((study / 'interviews').glob('*.md')))} notes)")
        kits = [REPO] + [Path(d).resolve() for d in args.against]
        results: dict = {str(k): [] for k in kits}
        for i in range(args.repeat):
            order = kits if i % 2 == 0 else kits[::-1]
            for kit_dir in order:
                out = work / f"report-{i}-{kits.index(kit_dir)}"
                r = run_once(kit_dir, study, out, args.jobs)
                results[str(kit_dir)].append(r)
                per = " ".join(f"{k[:2]}={v:.0f}s" for k, v in sorted(r["notebooks"].items()))
                print(f"pair {i + 1} {kit_dir}: exit {r['code']} cpu {r['cpu']:.1f}s wall {r['wall']:.1f}s "
                      f"peak {r['peak'] / 2**20:.0f} MB tree {r['tree_peak'] / 2**20:.0f} MB load {r['load']:.1f}; {per}",
                      flush=True)
                if r["code"]:
                    print(r["err"][-3000:], file=sys.stderr)
        missed = False
        for kit_dir, runs in results.items():
            med = statistics.median
            names = sorted({k for r in runs for k in r["notebooks"]})
            per = " ".join(f"{k[:2]}={med([r['notebooks'].get(k, 0) for r in runs]):.0f}s" for k in names)
            peak = max(r["peak"] for r in runs)
            print(f"median {kit_dir}: cpu {med([r['cpu'] for r in runs]):.1f}s wall {med([r['wall'] for r in runs]):.1f}s "
                  f"peak {peak / 2**20:.0f} MB load {med([r['load'] for r in runs]):.1f}; {per}")
            missed |= kit_dir == str(REPO) and peak >= MEMORY_TARGET
        return 1 if missed else 0
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
