"""Theme discovery (``kit.discover_themes``): quality, stability, speed and memory.

    python benchmarks/theme_discovery.py                      # pilot + real corpus (+ speed on it)
    python benchmarks/theme_discovery.py --corpus PATH        # the real corpus elsewhere
    python benchmarks/theme_discovery.py --scale 10000        # also 10,000 generated interviews
    python benchmarks/theme_discovery.py --only scale --scale 10000

What it measures (see docs/theme-discovery.md for the figures and how to read them):

* ``pilot`` (kit/data/pilot with its two coders' codings/*.csv): for every manual code with at
  least 5 coded passages (either coder), the suggested theme that matches it best and its F1
  over passages, on the passages the coders read (``kit.coding.comparison_universe``); the
  share of those codes recovered at F1 >= 0.5 (target: at least 3 of 7). The same for a plain
  TF-IDF + NMF (scikit-learn defaults, English stop words, same number of themes, each
  passage to its strongest theme) for comparison. The codings are a check, never a setting.
* ``corpus`` (the 250 real interviews of ../shared/corpora/anthropic-interviewer, read at
  run time as a transcripts-only study built in a temporary folder, never copied into the
  repository): topic coherence, the mean NPMI (Bouma 2009; Röder et al. 2015, gensim's
  ``CoherenceModel(coherence="c_npmi")``, each passage one window) of each theme's top-10
  single-word terms, against gensim's ``LdaModel`` with the same number of topics on the same
  passages and vocabulary, both averaged over five seeds (target: kit >= LDA); stability as the mean pairwise adjusted Rand
  index (sklearn) of the passages' strongest themes over five seeds, both on all passages and
  on five 90% subsamples (scored on the passages two subsamples share); wall time of
  loading the study and discovering its themes (target <= 30 s).
* ``scale`` (``--scale N``): N generated micro-interviews (benchmarks/analyze_scale.py's
  generator) loaded and grouped in a subprocess: wall time (target <= 120 s for 10,000) and
  peak resident memory (target < 2 GiB). Run it once; the machine is shared.

gensim is a benchmark-only dependency (``pip install -e .[bench]``). The exit code is 1 when a
target is missed.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CORPUS = REPO.parent / "shared" / "corpora" / "anthropic-interviewer"
CORPUS_FILES = ("creatives_transcripts.csv", "scientists_transcripts.csv")
SEEDS = (0, 1, 2, 3, 4)
RECOVERY_F1, RECOVERY_TARGET, MIN_CODED = 0.5, 3, 5
CORPUS_SECONDS, SCALE_SECONDS, MEMORY_TARGET = 30.0, 120.0, 2 * 1024 ** 3


# --------------------------------------------------------------------------- pilot

def plain_nmf(frame, k: int, seed: int = 0):
    """The baseline: TF-IDF (English stop words) + NMF, each passage to its strongest theme."""
    import warnings

    import pandas as pd
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english").fit_transform(frame["text"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        w = NMF(n_components=k, random_state=seed).fit_transform(x)
    theme = [f"B{j:02d}" if w[i].max() > 0 else "unassigned" for i, j in enumerate(w.argmax(axis=1))]
    return pd.DataFrame({"segment_id": frame["segment_id"], "theme": theme, "weight": w.max(axis=1)})


def pilot() -> dict:
    import pandas as pd

    import kit
    from kit import theme_discovery as td
    from kit.coding import comparison_universe
    from kit.paths import pilot_path

    study = kit.load_study(pilot_path())
    result = td.discover_themes(study)
    universe = comparison_universe(study.codings, study.segments())
    table = td.theme_code_f1(result, study.codings, universe, min_passages=MIN_CODED)
    baseline_result = td.ThemeSuggestions(
        themes=pd.DataFrame({"theme": [], "label": []}), passages=plain_nmf(td.passages(study), result.settings["n_themes"]),
        examples=pd.DataFrame(), by_segment=pd.DataFrame(), overlaps=pd.DataFrame())
    baseline = td.theme_code_f1(baseline_result, study.codings, universe, min_passages=MIN_CODED)
    recovered = int((table["f1"] >= RECOVERY_F1).sum())
    base_recovered = int((baseline["f1"] >= RECOVERY_F1).sum())
    print(f"pilot: {result.settings['n_passages']} passages, {len(result.themes)} themes, "
          f"{len(result.unassigned)} unassigned")
    print(table.round(2).to_string(index=False))
    print(f"pilot: {recovered} of {len(table)} codes recovered at F1 >= {RECOVERY_F1} "
          f"(plain TF-IDF + NMF: {base_recovered} of {len(baseline)}; its F1: "
          + ", ".join(f"{c} {f:.2f}" for c, f in zip(baseline["code"], baseline["f1"])) + ")")
    return {"codes": len(table), "recovered": recovered, "baseline_recovered": base_recovered,
            "f1": dict(zip(table["code"], table["f1"].round(3))), "ok": recovered >= RECOVERY_TARGET}


# --------------------------------------------------------------------------- corpus

def corpus_study(corpus: Path, root: Path) -> Path:
    """The corpus as a transcripts-only study (one plain ``Name: text`` file per interview)
    in a temporary folder."""
    import pandas as pd

    folder = root / "transcripts"
    folder.mkdir(parents=True)
    for name in CORPUS_FILES:
        frame = pd.read_csv(corpus / name)
        for tid, text in zip(frame["transcript_id"], frame["text"]):
            (folder / f"{tid}.txt").write_text(text, encoding="utf-8")
    return root


def _primary(result):
    table = result.passages.sort_values(["segment_id", "weight"], ascending=[True, False])
    return table.drop_duplicates("segment_id").set_index("segment_id")["theme"]


def _mean_ari(labelings) -> float:
    from sklearn.metrics import adjusted_rand_score

    scores = []
    for a, b in itertools.combinations(labelings, 2):
        common = a.index.intersection(b.index)
        scores.append(adjusted_rand_score(a.loc[common], b.loc[common]))
    return float(sum(scores) / len(scores))


def _subsample(study, share: float, seed: int):
    """A copy of the study holding a random ``share`` of its participant turns."""
    import copy

    import numpy as np

    rng = np.random.default_rng(seed)
    sub = copy.copy(study)
    participant = study.turns["role"] == "participant"
    keep = ~participant | (rng.random(len(study.turns)) < share)
    sub.turns = study.turns[keep].reset_index(drop=True)
    return sub


def coherence(results, study) -> list[tuple[float, float]]:
    """Mean NPMI of the top-10 single-word terms of the kit's themes and of gensim's LDA with
    as many topics, on the same passages and vocabulary: one (kit, lda) pair per result, the
    LDA seeded as the result was."""
    from gensim.corpora import Dictionary
    from gensim.models import CoherenceModel, LdaModel

    from kit import theme_discovery as td

    frame = td.passages(study)
    analyzer = td._Analyzer(td._stop_words(study))
    counts, vocab = td._term_counts(frame["text"].tolist(), analyzer)
    docs = []
    for i in range(counts.shape[0]):
        row = counts[i]
        docs.append([vocab[j] for j, c in zip(row.indices, row.data) for _ in range(int(c))])
    texts = [[t for t in doc if " " not in t] for doc in docs]
    dictionary, uni = Dictionary(docs), Dictionary(texts)
    bows = [dictionary.doc2bow(d) for d in docs]
    window = max(len(t) for t in texts) + 1

    def npmi(topics):
        model = CoherenceModel(topics=topics, texts=texts, dictionary=uni, coherence="c_npmi",
                               window_size=window, processes=1)
        return float(model.get_coherence())

    pairs = []
    for result in results:
        k, seed = result.settings["n_themes"], result.settings["seed"]
        lda = LdaModel(bows, id2word=dictionary, num_topics=k, random_state=seed, passes=10, iterations=100,
                       alpha="auto", eta="auto")
        lda_topics = []
        for t in range(k):
            words = [dictionary[i] for i, _ in lda.get_topic_terms(t, topn=len(dictionary))]
            lda_topics.append([w for w in words if " " not in w][:10])
        single = result.terms[~result.terms["feature"].str.contains(" ")]
        kit_topics = [g.sort_values("rank")["feature"].head(10).tolist() for _, g in single.groupby("theme")]
        pairs.append((npmi([t for t in kit_topics if len(t) >= 2]), npmi(lda_topics)))
    return pairs


def corpus(path: Path) -> dict:
    import kit
    from kit import theme_discovery as td

    if not all((path / name).is_file() for name in CORPUS_FILES):
        print(f"corpus: not found at {path}; skipped (give --corpus PATH)")
        return {"ok": True, "skipped": True}
    with tempfile.TemporaryDirectory() as tmp:
        root = corpus_study(path, Path(tmp) / "corpus")
        start, cpu = time.perf_counter(), time.process_time()
        study = kit.load_study(root, strict=False)
        result = td.discover_themes(study, seed=0)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"corpus: {len(study.interviews)} interviews, {result.settings['n_passages']} participant turns, "
              f"{len(result.themes)} themes, {len(result.unassigned)} unassigned; load + discover {seconds:.1f} s "
              f"({cpu:.1f} s CPU; load average {os.getloadavg()[0]:.1f})")
        print(result.themes[["theme", "label", "participants", "passages", "mean_compound"]].round(2).to_string(index=False))
        by_seed = [td.discover_themes(study, seed=s) for s in SEEDS]
        pairs = coherence(by_seed, study)
        kit_npmi = sum(p[0] for p in pairs) / len(pairs)
        lda_npmi = sum(p[1] for p in pairs) / len(pairs)
        print(f"corpus: mean NPMI of top-10 terms over seeds {list(SEEDS)}: kit {kit_npmi:.3f} "
              f"({', '.join(f'{p[0]:.3f}' for p in pairs)}), gensim LDA {lda_npmi:.3f} "
              f"({', '.join(f'{p[1]:.3f}' for p in pairs)}); {result.settings['n_themes']} topics")
        seed_ari = _mean_ari([_primary(r) for r in by_seed])
        subs = [_primary(td.discover_themes(_subsample(study, 0.9, s), seed=s)) for s in SEEDS]
        sub_ari = _mean_ari(subs)
        print(f"corpus: stability, mean pairwise ARI over seeds {list(SEEDS)}: {seed_ari:.3f} on all passages, "
              f"{sub_ari:.3f} on 90% subsamples")
    return {"seconds": round(seconds, 2), "kit_npmi": round(kit_npmi, 4), "lda_npmi": round(lda_npmi, 4),
            "seed_ari": round(seed_ari, 4), "subsample_ari": round(sub_ari, 4),
            "ok": kit_npmi >= lda_npmi and seconds <= CORPUS_SECONDS}


# --------------------------------------------------------------------------- scale

def _scale_child(study: str) -> None:
    import kit
    from kit import theme_discovery as td

    start = time.perf_counter()
    loaded = kit.load_study(study, strict=False)
    loaded_at = time.perf_counter() - start
    result = td.discover_themes(loaded, seed=0)
    print(json.dumps({"seconds": time.perf_counter() - start, "load_seconds": loaded_at,
                      "cpu_seconds": time.process_time(),
                      "passages": result.settings["n_passages"], "themes": len(result.themes),
                      "unassigned": len(result.unassigned)}))


def scale(n: int, seed: int = 0) -> dict:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from analyze_scale import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "study"
        generate(root, n, 24, seed)
        env = dict(os.environ, PYTHONPATH=str(REPO))
        print(f"scale: load average before the run {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--child", str(root)], env=env,
                              capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    if done.returncode:
        print(done.stderr[-2000:])
        return {"ok": False}
    child = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"scale: {n} generated interviews, {child['passages']} passages, {child['themes']} themes, "
          f"{child['unassigned']} unassigned; {wall:.1f} s wall in all (load {child['load_seconds']:.1f} s, "
          f"load + discover {child['seconds']:.1f} s, {child['cpu_seconds']:.1f} s CPU in the main process), "
          f"peak memory {peak / 2 ** 20:.0f} MiB")
    load = os.getloadavg()
    print(f"scale: load average after the run {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return {"seconds": round(wall, 1), "peak_mib": round(peak / 2 ** 20), "ok": wall <= SCALE_SECONDS and peak < MEMORY_TARGET}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"the real corpus (default {CORPUS})")
    ap.add_argument("--scale", type=int, default=0, help="also N generated micro-interviews (e.g. 10000)")
    ap.add_argument("--only", choices=["pilot", "corpus", "scale"], help="one part only")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _scale_child(args.child)
        return 0
    results = {}
    if args.only in (None, "pilot"):
        results["pilot"] = pilot()
    if args.only in (None, "corpus"):
        results["corpus"] = corpus(args.corpus)
    if args.scale and args.only in (None, "scale"):
        results["scale"] = scale(args.scale)
    print(json.dumps(results, indent=1, default=str))
    return 0 if all(r.get("ok") for r in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
