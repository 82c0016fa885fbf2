"""Session 17's pass after loading (issue 20, the ``sp17run`` developer): each quicker way
gives what the long way gave.

* ``kit.sentiment_terms.as_terms`` searches and masks only the distinct texts holding a
  candidate slang core as a substring, each once, instead of searching every text;
* ``kit.sentiment.compound`` maps a list that is all plain strings through the scores of its
  distinct texts in C instead of one Python call a text;
* ``kit.languages.sentiment_problems`` makes the paths of the interviews it warns about only.

Each is compared with the code it replaced (copied here) on generated inputs that reach the
edges: byte order marks, CRLF and lone CR, other scripts, marks around a token, a slang
entry that starts with a digit, duplicates, items that are not strings.
"""
from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pandas as pd
import pytest

from kit import sentiment, sentiment_terms
from kit.sentiment_terms import _CAPS_RUN, _digit_led, _masked, as_terms, slang_only

__all__: list[str] = []


def _old_as_terms(texts):
    """``as_terms`` as it was before session 17 (every text searched)."""
    strings = [t for t in texts if type(t) is str]
    if not strings:
        return texts
    joined = "\n".join(strings)
    slang = slang_only()
    cores = {c for c in set(_CAPS_RUN.findall(joined)) if c.lower() in slang}
    cores.update(c for c in _digit_led() if c in joined)
    if not cores:
        return texts
    found = re.compile(r"(?<!\S)\S?(?:" + "|".join(map(re.escape, sorted(cores, key=len, reverse=True)))
                       + r")\S?(?!\S)")

    def one(m):
        shown = _masked(m.group())
        return m.group() if shown is None else shown

    def mask(t):
        if type(t) is not str or not found.search(t):
            return t
        shown = found.sub(one, t)
        return t if shown == t else shown

    return [mask(t) for t in texts]


class _Text(str):
    """A string subclass: passed through as it is, never masked (``type(t) is not str``)."""


_PIECES = ["PO", "POs", "PO.", "(PO)", "\"PO\"", "PO,", "po", "Po", "REPO", "POP", "4Q", "14AA41", "10Q",
           "x4Q", "4Qs", "GL", "FYI", "FYI!", "IDK?", "fyi", "TX", "WTF", "OK", "LOL", "A/B", "H&K", "J/K",
           "PO-number", "PO\u00a0", "\ufeffPO", "PO\r\n", "PO\r", "\tPO\t", "Zahlung", "платёж PO", "支払い",
           "don't", "the", "invoice", "paid", "late", "", " ", "\n", "ÉTÉ", "ÀB", "NDA", "ASAP", "KPI", "B2B"]


def _texts(rng, n):
    out = []
    for _ in range(n):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(0, 9))]
        out.append(rng.choice([" ", "  ", "\n", "\r\n", " \t"]).join(words))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_as_terms_masks_what_searching_every_text_masked(seed):
    rng = random.Random(seed)
    texts = _texts(rng, 1500)
    texts += texts[:300]  # duplicates
    texts += [None, math.nan, 3, _Text("PO number"), b"PO"]
    rng.shuffle(texts)
    got, want = as_terms(texts), _old_as_terms(texts)
    assert len(got) == len(want) == len(texts)
    assert all(type(g) is type(w) for g, w in zip(got, want))
    assert [g for g in got if not isinstance(g, float)] == [w for w in want if not isinstance(w, float)]
    # a text left as it is is the same object (its score cannot change), as before
    assert [g is t for g, t in zip(got, texts)] == [w is t for w, t in zip(want, texts)]
    assert any(g is not t for g, t in zip(got, texts))  # something was masked: the test can fail


@pytest.mark.parametrize("texts", [
    [], ["no slang here"], [None, math.nan], ["po and fyi in lower case"], ["\ufeffFYI\r\n", "4Q\r"],
    [_Text("PO")], ["REPO", "POP", "x4Q"], ["PO"] * 3,
])
def test_as_terms_edges(texts):
    got, want = as_terms(texts), _old_as_terms(texts)
    assert [repr(g) for g in got] == [repr(w) for w in want]
    assert [g is t for g, t in zip(got, texts)] == [w is t for w, t in zip(want, texts)]
    if want is texts:  # nothing to mask in any text: the very list back, as before
        assert got is texts


def test_as_terms_masks_a_slang_token_in_capitals():
    got = as_terms(["The PO was missing.", "po", "FYI, the 4Q numbers."])
    assert got == ["The PO_ was missing.", "po", "FYI_, the 4Q_ numbers."]


def test_compound_of_plain_strings_is_each_text_scored_alone():
    rng = random.Random(5)
    words = ["good", "not", "bad", "PO", "great!", "never", "late", ":)", "VERY", "but", "kind of", "ok",
             "Zahlung", "ça", "😀", "?", "", "\r\n"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(900)]
    texts += texts[:200]
    assert len(set(texts)) >= sentiment._BATCH_MIN
    want = [sentiment._compound_of(t) for t in texts]
    got = sentiment.compound(texts)
    assert [repr(x) for x in got] == [repr(x) for x in want]
    # the general path (items that are not plain strings) gives the same for the same texts
    mixed = texts + [None, math.nan, _Text("good")]
    general = sentiment.compound(mixed)
    assert [repr(x) for x in general[:len(texts)]] == [repr(x) for x in want]
    assert math.isnan(general[-3]) and math.isnan(general[-2])
    assert general[-1] == sentiment._compound_of("good")


def _old_sentiment_problems(study, segments):
    """``kit.languages.sentiment_problems`` before session 17: every interview's path made."""
    from kit.languages import SENTIMENT_LANGUAGES, Problem, language_name

    if "language" not in segments or not len(segments):
        return []
    out = []
    unscored = segments[~segments["language"].isin(SENTIMENT_LANGUAGES)]
    interviews = study.interviews
    paths = {}
    for iid, note, transcript in zip(interviews["interview_id"].tolist(), interviews["note_path"].tolist(),
                                     interviews["transcript_path"].tolist()):
        where = note or ""
        if not where and transcript:
            where = str(study.path / transcript)
        paths[iid] = where or str(study.path)
    for iid, group in unscored.groupby("interview_id", sort=True):
        counts = group["language"].value_counts()
        said = ", ".join(f"{n} in {language_name(code)}" for code, n in sorted(counts.items()))
        out.append(Problem(paths.get(iid, str(study.path)), 1,
                           f"interview {iid}: {len(group)} passage(s) have no sentiment score ({said}): "
                           "VADER is validated for English only; they are left out of every sentiment "
                           "figure", "warning"))
    return out


def test_sentiment_problems_name_the_same_paths(tmp_path):
    from types import SimpleNamespace

    from kit.languages import sentiment_problems

    interviews = pd.DataFrame({"interview_id": ["INT-1", "INT-2", "INT-3", "INT-4"],
                               "note_path": ["notes/INT-1.md", "", "", ""],
                               "transcript_path": ["transcripts/INT-1.txt", "transcripts/INT-2.vtt", "", ""]})
    study = SimpleNamespace(interviews=interviews, path=tmp_path)
    segments = pd.DataFrame({"interview_id": ["INT-1", "INT-1", "INT-2", "INT-3", "INT-9", "INT-4"],
                             "language": ["pl", "en", "und", "mul", "tl", "en"]})
    got = sentiment_problems(study, segments)
    assert [(p.path, p.line, p.message) for p in got] == \
        [(p.path, p.line, p.message) for p in _old_sentiment_problems(study, segments)]
    assert [p.path for p in got] == ["notes/INT-1.md", str(tmp_path / "transcripts/INT-2.vtt"), str(tmp_path),
                                     str(tmp_path)]
    all_english = segments.assign(language="en")
    assert sentiment_problems(study, all_english) == _old_sentiment_problems(study, all_english) == []


def test_as_terms_module_keeps_its_names():
    assert set(sentiment_terms.__all__) >= {"as_terms", "slang_only"}


def test_most_specific_of_many_is_each_worked_out_alone():
    """``AutoCoder._most_specific_all`` keeps, per set of codes found together, the codes no
    other code of the set descends from: the same pairs, in the same order, as
    ``_most_specific`` of each text's codes alone (deep parents, cycles, codes off the book)."""
    from types import SimpleNamespace

    from kit.coding import AutoCoder

    book = [SimpleNamespace(name=n, parent=p, keywords=[], patterns=[]) for n, p in [
        ("a", None), ("b", "a"), ("c", "b"), ("d", "a"), ("e", None), ("f", "g"), ("g", "f"), ("h", "e")]]
    rng = random.Random(3)
    names = [c.name for c in book] + ["zz"]
    found = []
    for _ in range(3000):
        codes = rng.sample(names, rng.randint(0, 5))
        found.append({c: f"{c}-{rng.randint(0, 9)}" for c in codes})
    for most_specific in (True, False):
        coder = AutoCoder(book, most_specific=most_specific)
        want = [coder._most_specific(dict(here)) for here in found]
        assert coder._most_specific_all(found) == want
        assert any(len(w) < len(h) for w, h in zip(want, found)) == most_specific


# --------------------------------------------------------------------------- whole analyses

def _old_most_specific_all(self, found):
    """``AutoCoder._most_specific_all`` before session 17."""
    parented = self._parented
    dropped = {}
    out = []
    for here in found:
        if not parented.isdisjoint(here):
            key = tuple(here)
            drop = dropped.get(key)
            if drop is None:
                drop = dropped[key] = len(self._most_specific(dict.fromkeys(key, ""))) < len(key)
            if drop:
                out.append(self._most_specific(here))
                continue
        out.append(list(here.items()))
    return out


def _long_way(monkeypatch) -> None:
    from kit import coding, languages

    monkeypatch.setattr(sentiment_terms, "as_terms", _old_as_terms)
    monkeypatch.setattr(coding.AutoCoder, "_most_specific_all", _old_most_specific_all)
    monkeypatch.setattr(languages, "sentiment_problems", _old_sentiment_problems)


def _analysis(folder: Path, out: Path, capsys) -> tuple:
    from kit.analyze import analyze
    from kit.study import load_study

    capsys.readouterr()
    paths = analyze(load_study(folder, strict=False), out, as_of="2026-12-01")
    err = capsys.readouterr().err.replace(str(out), "OUT")
    return {name: Path(p).read_bytes() for name, p in sorted(paths.items())}, err


def _both_ways(folder: Path, tmp_path: Path, monkeypatch, capsys) -> tuple:
    fast = _analysis(folder, tmp_path / "fast", capsys)
    with monkeypatch.context() as m:
        _long_way(m)
        slow = _analysis(folder, tmp_path / "slow", capsys)
    return fast, slow


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


@pytest.fixture
def edge_study(tmp_path) -> Path:
    root = tmp_path / "edge"
    _write(root / "study.yml", "title: Edge\nresearch_question: How do people get paid?\nteam:\n"
                               "  - {name: Maya Chen, role: researcher}\ninterviewer_labels: [Moderator]\n")
    _write(root / "participants.csv", "id,name,email\nP1,Beata Karimi,b@example.org\nP2,Anna Nowicka,a@example.org\n"
                                      "P3,Po Lin,p@example.org\n")
    _write(root / "codebook.yml", "codes:\n  - name: paid\n    keywords: [paid, pay]\n"
                                  "  - name: po\n    parent: paid\n    keywords: [PO, portal]\n    patterns: ['\\bPOs?\\b']\n"
                                  "  - name: late\n    parent: paid\n    keywords: [late]\n")
    t = root / "transcripts"
    _write(t / "INT-01.txt", "\ufeffMaya Chen: How did it go?\r\nBeata Karimi: The PO was missing, so they paid late.\r\n"
                             "Maya Chen: And then?\r\nBeata Karimi: FYI the portal never paid. Not late, never.\r\n")
    _write(t / "INT-02.txt", "Chen, Maya: Hello there.\nAnna Nowicka: Caf\xe9 owners pay late, 4Q is slow.\n"
                             "Chen, Maya: Why?\nAnna Nowicka: Cash flow. Po Lin said so.\n".encode("cp1252"))
    _write(t / "INT-03.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000 align:start position:10%\n"
                             "Maya C.: What happened?\n\n2\n00:00:04.000 --> 00:00:06.000 line:0\n"
                             "Beata Karimi: The invoice bounced (PO).\n\n3\n00:00:07.000 --> 00:00:09.000\n"
                             "Maya C.: Then?\n\n4\n00:00:10.000 --> 00:00:12.000\nBeata Karimi: I chased it, po.\n")
    _write(t / "INT-04.txt", "")
    _write(t / "INT-05.txt", "Модератор: Как вам платят?\nИрина Петрова: Поздно, всегда поздно, PO.\n"
                             "Модератор: Почему?\nИрина Петрова: Так бывает.\n")
    _write(t / "INT-06.txt", "Moderator: Any delays?\nBeata Karimi: Zapłacili późno. They paid late, really late.\n"
                             "Moderator: Thanks.\nBeata Karimi: Bro the PO had me stuck. Fiquei preso muito tempo, sério.\n")
    return root


@pytest.mark.slow  # two whole analyses: about 10 s of CPU
def test_an_edge_case_analysis_is_the_long_way_s(edge_study, tmp_path, monkeypatch, capsys):
    fast, slow = _both_ways(edge_study, tmp_path, monkeypatch, capsys)
    assert fast == slow
    turns = fast[0]["turns"].decode("utf-8")
    assert "PO was missing" in turns and "[name]" in turns  # the words as written, a name hidden
    assert b"po" in fast[0]["autocodes"]


@pytest.mark.slow
def test_every_study_of_the_tests_is_analysed_as_the_long_way_does(tmp_path, monkeypatch, capsys):
    data = Path(__file__).parent / "data"
    folders = sorted({p.parent for p in data.rglob("study.yml") if ".interview-kit" not in p.parts})
    assert len(folders) >= 30
    for k, folder in enumerate(folders):
        try:
            fast, slow = _both_ways(folder, tmp_path / str(k), monkeypatch, capsys)
        except Exception as exc:  # a study the command refuses is refused both ways
            with monkeypatch.context() as m:
                _long_way(m)
                with pytest.raises(type(exc)):
                    _analysis(folder, tmp_path / f"{k}-slow", capsys)
            continue
        assert fast == slow, folder
