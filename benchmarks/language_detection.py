"""Which language detector for short interview turns: accuracy per length band and speed.

    python benchmarks/language_detection.py            # the dev set, every installed candidate
    python benchmarks/language_detection.py --holdout  # the hold-out set (look once, at the end)

Candidates (each restricted to the same languages, ``kit.languages.DEFAULT_CANDIDATES``):

* ``py3langid`` -- langid.py's naive Bayes model (Lui & Baldwin 2012), model in the package;
  the one the kit uses (``kit.languages.detect_one``, with its probability).
* ``lingua`` -- lingua-language-detector, high-accuracy mode (n-gram models in the package).
* ``lingua-low`` -- the same, low-accuracy mode (trigrams only; faster).
* ``langdetect`` -- port of Google's language-detection (last release 2021; for reference).

``pip install interview-kit[benchmarks]`` installs lingua and langdetect; a candidate that is
not installed is skipped. fasttext-langdetect is not a candidate: it downloads its model at
run time, and the kit works offline.

Data: ``benchmarks/data/language_passages.tsv`` -- interview-like passages written for this
project in English, Spanish, German, French and Portuguese (the same content in each), with a
``dev`` split (used to choose the detector and the kit's thresholds) and a ``holdout`` split.
Accuracy is reported per band of words (1-3, 4-7, 8+). Speed is measured on 5,000 synthetic
English turns of ``benchmarks/analyze_scale.py`` (turns per second, one core, after warm-up).

Measured (2026-11-30; machine shared by several developers, load 3-7 on 2 cores):

    dev (80 passages)  1-3 words  4-7 words  8+ words  all    turns/s
    py3langid          25/25      23/23      32/32     1.000  21,500
    lingua             24/25      23/23      32/32     0.988   2,060
    lingua-low         24/25      22/23      32/32     0.975   3,950
    langdetect         22/25      23/23      32/32     0.963     211

    holdout (40, looked at once, after the choice and the kit's thresholds were fixed)
    py3langid          11/12      15/15      13/13     0.975
    lingua             11/12      15/15      13/13     0.975
    lingua-low          9/12      14/15      12/13     0.875
    langdetect          9/12      15/15      13/13     0.925

py3langid was chosen: the most accurate on short turns here (its one hold-out miss,
"Demasiado lento.", is the same words in Spanish and Portuguese) and ~10x faster than
lingua's high-accuracy mode, which matters at 240,000 turns.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

DATA = REPO / "benchmarks" / "data" / "language_passages.tsv"
BANDS = (("1-3", 1, 3), ("4-7", 4, 7), ("8+", 8, 10 ** 9))


def band(text: str) -> str:
    n = len(text.split())
    return next(name for name, low, high in BANDS if low <= n <= high)


def passages(split: str) -> list[dict]:
    with open(DATA, encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["split"] == split]


def detectors(languages) -> dict:
    """{name: function text -> ISO 639-1 code} for every installed candidate."""
    from kit.languages import detect_one

    out = {"py3langid": lambda text: detect_one(text, languages)[0]}
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
        high = LanguageDetectorBuilder.from_languages(*chosen).build()
        low = LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()

        def lingua_of(detector):
            def run(text):
                found = detector.detect_language_of(text)
                return found.iso_code_639_1.name.lower() if found is not None else ""
            return run

        out["lingua"] = lingua_of(high)
        out["lingua-low"] = lingua_of(low)
    except ImportError:
        print("lingua-language-detector not installed: skipped", file=sys.stderr)
    try:
        from langdetect import DetectorFactory, LangDetectException, detect_langs

        DetectorFactory.seed = 0

        def langdetect_run(text):
            try:
                return next((p.lang for p in detect_langs(text) if p.lang in languages), "")
            except LangDetectException:
                return ""

        out["langdetect"] = langdetect_run
    except ImportError:
        print("langdetect not installed: skipped", file=sys.stderr)
    return out


def accuracy(detect, rows) -> tuple[dict, list]:
    right, total, wrong = {}, {}, []
    for row in rows:
        b = band(row["text"])
        got = detect(row["text"])
        total[b] = total.get(b, 0) + 1
        right[b] = right.get(b, 0) + (got == row["language"])
        if got != row["language"]:
            wrong.append((row["language"], got, row["text"]))
    return {b: (right.get(b, 0), total[b]) for b, _, _ in BANDS if b in total}, wrong


def speed(detect, n: int = 5000) -> float:
    from analyze_scale import participant_turn

    rng = random.Random(7)
    texts = [f"{participant_turn(rng)} #{i}" for i in range(n)]  # distinct: no cache hits
    detect("warm up the model")
    t0 = time.perf_counter()
    for text in texts:
        detect(text)
    return n / (time.perf_counter() - t0)


def main(argv=None) -> int:
    from kit.languages import DEFAULT_CANDIDATES

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--holdout", action="store_true", help="score the hold-out split instead of dev")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = ap.parse_args(argv)
    rows = passages("holdout" if args.holdout else "dev")
    print(f"{len(rows)} passages ({'holdout' if args.holdout else 'dev'}), candidates {', '.join(DEFAULT_CANDIDATES)}")
    print(f"{'detector':<12} " + " ".join(f"{b + ' words':>10}" for b, _, _ in BANDS) + f" {'all':>6} {'turns/s':>9}")
    for name, detect in detectors(DEFAULT_CANDIDATES).items():
        bands, wrong = accuracy(detect, rows)
        right = sum(r for r, _ in bands.values())
        rate = "" if args.no_speed else f"{speed(detect, 2000 if name == 'langdetect' else 5000):9,.0f}"
        print(f"{name:<12} " + " ".join(f"{f'{r}/{t}':>10}" for r, t in bands.values())
              + f" {right / len(rows):6.3f} {rate}")
        for expected, got, text in wrong:
            print(f"    {expected} -> {got or '?'}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
