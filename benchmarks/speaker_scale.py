"""Scale of ``check`` with the number of speakers in one transcript (issue s6 notes, item 2).

    python benchmarks/speaker_scale.py                 # 1,000, 2,500 and 5,000 speakers
    python benchmarks/speaker_scale.py --speakers 1000 10000

For each count N, the study template (``templates/``) with its one transcript replaced by
N guests, each speaking twice between the interviewer's questions (the attacker's spk* cases),
is checked with ``python -m kit check`` in a subprocess. Printed: CPU seconds of the whole
check (user + system, start-up included) and, per speaker, the CPU seconds above the smallest
count's, with the ratio of the largest count's extra per speaker to the smallest's: about 1 when
the check is linear in the speakers, about the ratio of the counts when it is quadratic (before
the fix: 2.8, 7.0 and 21.8 s at 1k, 2.5k and 5k speakers; a baseline check takes 1.3 s).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import children_cpu

ROOT = Path(__file__).resolve().parents[1]


def make_study(folder: Path, speakers: int) -> Path:
    """A copy of the study template whose transcript has ``speakers`` guests."""
    study = folder / f"spk{speakers}"
    shutil.copytree(ROOT / "templates", study, ignore=shutil.ignore_patterns("report", "schedule"))
    lines = ["Alex Morgan: Tell me about the last time?"]
    for round_ in range(2):
        for i in range(speakers):
            lines += [f"Guest{i}: I paid late, round {round_}, number {i}.", "Alex Morgan: What happened next?"]
    (study / "transcripts" / "INT-001.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return study


def check_cpu(study: Path) -> float:
    before = children_cpu()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "kit", "check", str(study)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return children_cpu() - before


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speakers", type=int, nargs="+", default=[1000, 2500, 5000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = check_cpu(make_study(Path(tmp), 2))
        print(f"{'speakers':>9} {'check CPU s':>12} {'extra ms/speaker':>17}")
        print(f"{2:>9} {base:>12.2f} {'':>17}")
        per = []
        for n in args.speakers:
            cpu = check_cpu(make_study(Path(tmp), n))
            per.append((cpu - base) / n)
            print(f"{n:>9} {cpu:>12.2f} {1000 * per[-1]:>17.3f}")
        if len(per) > 1 and per[0] > 0:
            print(f"extra CPU per speaker, {args.speakers[-1]} vs {args.speakers[0]} speakers: "
                  f"x{per[-1] / per[0]:.2f} (linear ~1, quadratic ~x{args.speakers[-1] / args.speakers[0]:.0f})")


if __name__ == "__main__":
    main()
