"""The fast paths of issue 20 give the same answers as the plain ones."""
from __future__ import annotations

import pytest

from kit.codebook import compile_pattern, fold_for_literals, required_literals
from kit.coding import AutoCoder, autocode
from kit.paths import pilot_path
from kit.study import load_study


@pytest.fixture(scope="module")
def pilot():
    return load_study(pilot_path())


def test_required_literals_are_in_every_match(pilot):
    patterns = [p for code in pilot.codebook for p in code.patterns]
    patterns += [r"\bRené\b", r"o\w+k", r"(?:late|overdue) (?:again|twice)", r"[ab]cd", r"x{2,}yz"]
    texts = pilot.segments()["text"].tolist() + ["RENÉ said", "O\u212aAY", "Late Again", "ACD", "xxYZ"]
    checked = 0
    for pattern in patterns:
        needs, regex = required_literals(pattern), compile_pattern(pattern)
        assert needs is None or all(n == n.lower() for n in needs)
        for text in texts:
            if regex.search(text) and needs is not None:
                checked += 1
                assert any(n in fold_for_literals(text) for n in needs), (pattern, text)
    assert checked > 20


def test_no_literal_is_claimed_when_the_pattern_does_not_need_one():
    assert required_literals(r"(?:late){e<=1}") is None  # fuzzy: "lat" matches
    assert required_literals(r"a?b?") is None
    assert required_literals(r"\d+|late") is None
    assert required_literals(r"\p{Lu}") is None  # not Python re syntax
    assert required_literals(r"days? (late|overdue)") == ("late", "overdue")


def test_the_kelvin_sign_and_the_long_s_still_match():
    assert fold_for_literals("O\u212aAY, \u017fO") == "okay, so"
    assert len(fold_for_literals("\u0130stanbul")) == len("\u0130stanbul")


def test_autocodes_equal_those_without_the_prefilter(pilot):
    segments = pilot.segments()
    fast = autocode(segments, pilot.codebook)
    plain = AutoCoder(pilot.codebook)
    plain.needs = [None] * len(plain.needs)
    rows = [(s, c, e) for s, t in zip(segments["segment_id"], segments["text"]) for c, e in plain.code_text(t)]
    assert list(zip(fast["segment_id"], fast["code"], fast["evidence"])) == rows
    assert len(rows) > 50


def test_worker_count_follows_the_free_cores(monkeypatch):
    import os

    from kit.study import free_cores

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 0.0, 0.0))
    assert free_cores(4) == 4 and free_cores(2) == 2
    monkeypatch.setattr(os, "getloadavg", lambda: (2.6, 0.0, 0.0))
    assert free_cores(4) == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 0.0, 0.0))
    assert free_cores(4) == 1  # never fewer than one: the work is done here


def test_the_stemmer_loaded_without_nltk_stems_as_nltk_does(pilot):
    """kit.nltkdata.snowball_stemmer runs NLTK's own Snowball code without ``import nltk``
    (which costs seconds): same stems as ``nltk.stem.snowball``, and ``nltk`` left unimported."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from kit.coding import tokens

    words = sorted({w for t in pilot.segments()["text"].tolist() for w in tokens(t)})
    words += ["generously", "skies", "dying", "news", "gently", "cycling", "Übermäßig", "laufenden"]
    languages = ["english", "german", "spanish", "french", "dutch"]
    script = ("import json, sys; from kit.nltkdata import snowball_stemmer; words = json.load(sys.stdin); "
              f"out = {{lang: [snowball_stemmer(lang).stem(w) for w in words] for lang in {languages!r}}}; "
              "out['nltk_imported'] = 'nltk' in sys.modules or any(m.startswith('nltk.') for m in sys.modules); "
              "print(json.dumps(out))")
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(words), capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    got = json.loads(done.stdout)
    assert got.pop("nltk_imported") is False
    from nltk.stem.snowball import SnowballStemmer

    for lang in languages:
        reference = SnowballStemmer(lang)
        assert got[lang] == [reference.stem(w) for w in words], lang
    assert len(words) > 300


def test_the_common_cue_time_is_read_as_the_general_reader_reads_it():
    """kit.transcripts.parse_time's fast path (hh:mm:ss.mmm) against its general path,
    which a leading space forces."""
    import random

    from kit.transcripts import parse_time

    rng = random.Random(20)
    values = [f"{rng.randint(0, 99):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
              f"{rng.choice('.,')}{rng.randint(0, 999):03d}" for _ in range(3000)]
    values += ["00:00:00.000", "99:59:59.999", "00:00:01,500", "10:00:00.001"]
    for value in values:
        assert parse_time(value) == parse_time(" " + value), value
    for bad in ("00:60:00.000", "00:00:60.000", "0a:00:00.000"):
        try:
            parse_time(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_a_transcripts_folder_linked_out_of_the_study_is_still_refused(tmp_path):
    """kit.study resolves each transcripts folder once (not every path of every file): a
    folder that is a link out of the study still makes its files outside, a link to a file
    inside the study is still read."""
    import os
    import shutil

    root = tmp_path / "study"
    shutil.copytree(pilot_path(), root)
    first = sorted((root / "transcripts").iterdir())[0]
    elsewhere = tmp_path / "elsewhere"
    shutil.move(str(root / "transcripts"), elsewhere)
    try:
        os.symlink(elsewhere, root / "transcripts")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links on this system")
    study = load_study(root, strict=False)
    outside = {p.path for p in study.problems if "outside the study" in p.message}
    assert str(root / "transcripts" / first.name) in outside and len(outside) >= 18
    assert study.turns.empty
    (root / "transcripts").unlink()
    shutil.move(str(elsewhere), root / "transcripts")
    os.rename(root / "transcripts" / first.name, root / first.name)
    os.symlink(root / first.name, root / "transcripts" / first.name)
    again = load_study(root, strict=False)
    assert not [p for p in again.problems if "outside the study" in p.message]
    assert first.stem in set(again.turns["interview_id"])


def test_negations_in_capitals_still_negate(pilot):
    """The negation scan is skipped for texts without a negation word or an n't: in any
    case, since the words are the lower-cased text's."""
    coder = AutoCoder(pilot.codebook)
    texts = pilot.segments()["text"].tolist()
    negated = [t for t in texts if "n't" in t.lower() or " not " in t.lower()]
    assert len(negated) > 20
    for text in texts:
        assert [c for c, _ in coder.code_text(text.upper())] == [c for c, _ in coder.code_text(text)], text
    assert coder.code_text("The client DIDN\u2019T pay late") == coder.code_text("the client didn't pay late") == []
    assert ("late-payment", "late") in coder.code_text("The client paid late")
