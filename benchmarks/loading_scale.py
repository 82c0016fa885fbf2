"""Loading a study on the serial path: loading / parsing / the rest, in CPU seconds.

Each run is one process that loads the study with ``kit.study.load_study`` in a single
process (no worker processes: ``kit.study.free_cores`` set to 1) and times, with
``time.process_time``, the whole load and every ``kit.transcripts.read_turns`` call inside it
(parsing); the rest is the study's own work (notes, tables, checks). Imports come before the
timed part. With ``--against DIR`` the kit in DIR (another checkout, such as the code before a
change) and this one are run in turn, alternated, and the medians and pair ratios printed with
the load average at each run: on a shared machine CPU seconds of alternated pairs are the
figures to compare. ``--identical`` checks that both give the same turns, interviews and problems.

``--real-like N DIR`` writes a study of N transcripts in the layouts real exports use, made of
the real interviews in ``../shared/corpora/anthropic-interviewer`` (never copied into the
repository; DIR should be outside it, such as ``/tmp/...``): 40% as they are (a label, then the
turn over paragraphs), 20% Otter (a title block, ``Name  0:03`` headers, Otter's footer), 20%
Rev (``Name (00:03):``), 20% Teams' text (``Name   0:03``).

    python benchmarks/loading_scale.py STUDY --against /work/bench/tree-start --pairs 3
    python benchmarks/loading_scale.py --real-like 10000 /tmp/real10k
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

__all__ = ["load_once", "main", "real_like_study"]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "anthropic-interviewer"

_CHILD = r"""
import hashlib, json, sys, time
import kit.study as S
import kit.transcripts as T
S.free_cores = lambda most=4: 1  # the serial path: every transcript parsed in this process
spent = [0.0]
real = T.read_turns
def timed(*args, **kwargs):
    start = time.process_time()
    try:
        return real(*args, **kwargs)
    finally:
        spent[0] += time.process_time() - start
T.read_turns = timed
start = time.process_time()
study = S.load_study(sys.argv[1], strict=False)
load = time.process_time() - start
digest = ""
if sys.argv[2] == "1":
    h = hashlib.sha256()
    for frame in (study.turns, study.interviews):
        h.update(frame.to_csv(index=False).encode())
    h.update("\n".join(map(str, study.problems)).encode())
    digest = h.hexdigest()
print(json.dumps({"load": load, "parse": spent[0], "rest": load - spent[0], "turns": len(study.turns),
                  "digest": digest}))
"""


def load_once(study: Path, tree: Path, identical: bool = False) -> dict:
    """One process loading ``study`` with the kit of ``tree``: CPU seconds of loading, parsing
    and the rest, the number of turns, the load average after it (and a digest of the tables
    and problems when ``identical``). Raises RuntimeError when the process fails."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(study), "1" if identical else "0"],
                          env=dict(os.environ, PYTHONPATH=str(tree)), cwd="/tmp", capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    got = json.loads(done.stdout.strip().splitlines()[-1])
    got["loadavg"] = os.getloadavg()[0]
    return got


_LABEL = re.compile(r"^(Assistant|AI|User):[ \t]?", re.M)


def _clock(seconds: float, rev: bool) -> str:
    h, rest = divmod(int(seconds), 3600)
    m, s = divmod(rest, 60)
    if rev:
        return f"{m:02d}:{s:02d}" if not h else f"{h:02d}:{m:02d}:{s:02d}"
    return f"{m}:{s:02d}" if not h else f"{h}:{m:02d}:{s:02d}"


def _timed_layout(text: str, person: str, layout: str) -> str:
    parts = _LABEL.split(text)
    out = ["Interview about AI at work", "Tue, Nov 3, 2026 10:02AM • 11:04", "", "SPEAKERS",
           f"Interviewer, {person}", ""] if layout == "otter" else []
    clock = 0.0
    for k in range(1, len(parts) - 1, 2):
        name = "Interviewer" if parts[k] in ("Assistant", "AI") else person
        body = parts[k + 1].strip()
        gap = {"otter": "  ", "teams": "   "}.get(layout)
        out += [f"{name} ({_clock(clock, True)}):" if layout == "rev" else f"{name}{gap}{_clock(clock, False)}", body, ""]
        clock += 2 + len(body) / 15
    if layout == "otter":
        out.append("Transcribed by https://otter.ai")
    return "\n".join(out)


def real_like_study(n: int, out: Path, corpus: Path = CORPUS) -> int:
    """Write a study of ``n`` transcripts in ``out`` (replaced) from the real interviews in
    ``corpus`` in the layouts of the module doc; the number of files written. Raises
    FileNotFoundError when the corpus is absent."""
    import pandas as pd

    texts = []
    for name in ("creatives_transcripts.csv", "scientists_transcripts.csv"):
        texts += pd.read_csv(corpus / name)["text"].tolist()
    shutil.rmtree(out, ignore_errors=True)
    (out / "transcripts").mkdir(parents=True)
    (out / "study.yml").write_text("title: Real-like layouts\nresearch_question: How do people use AI at work?\n"
                                   "interviewer_labels: [Interviewer, AI, Assistant]\n", encoding="utf-8")
    people = ["Beata Karimi", "Dana Okafor", "Ravi Shah", "Siobhan O'Neil", "Tomás Ruiz"]
    for k in range(n):
        text = texts[k % len(texts)]
        layout = ("plain", "plain", "otter", "rev", "teams")[k % 5]
        if layout != "plain":
            text = _timed_layout(text, people[k % len(people)], layout)
        (out / "transcripts" / f"INT-{k + 1:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return n


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("study", nargs="?", type=Path)
    parser.add_argument("--against", type=Path, help="another kit checkout, run alternately with this one")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--identical", action="store_true", help="check both give the same tables and problems")
    parser.add_argument("--real-like", nargs=2, metavar=("N", "DIR"), help="write a study of real-like layouts")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the real interviews (default {CORPUS})")
    args = parser.parse_args(argv)
    if args.real_like:
        if not (args.corpus / "creatives_transcripts.csv").is_file():
            print(f"{args.corpus}: the real interviews are not there: name their folder with --corpus", file=sys.stderr)
            return 2
        print("wrote", real_like_study(int(args.real_like[0]), Path(args.real_like[1]), args.corpus))
        if args.study is None:
            return 0
    if args.study is None or not args.study.is_dir():
        parser.error("give a study folder")
    trees = [args.against, ROOT] if args.against else [ROOT]
    runs: dict = {t: [] for t in trees}
    for r in range(args.pairs):
        for tree in trees if r % 2 == 0 else trees[::-1]:
            got = load_once(args.study, tree, args.identical)
            runs[tree].append(got)
            print(f"pair {r} {tree}: loading {got['load']:.2f} s, parsing {got['parse']:.2f} s, "
                  f"rest {got['rest']:.2f} s, {got['turns']} turns, load average {got['loadavg']:.1f}", flush=True)
    for key in ("load", "parse", "rest"):
        line = " / ".join(f"{statistics.median(g[key] for g in runs[t]):.2f}" for t in trees)
        if len(trees) == 2:
            ratios = [b[key] / a[key] for a, b in zip(*runs.values())]
            line += f" s; pair ratios {', '.join(f'{x:.2f}' for x in ratios)}, median {statistics.median(ratios):.2f}"
        print(f"{key}: {line}")
    if args.identical and len(trees) == 2:
        same = {g["digest"] for t in trees for g in runs[t]}
        print("tables and problems identical" if len(same) == 1 else "DIFFERENT tables or problems")
        return 0 if len(same) == 1 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
