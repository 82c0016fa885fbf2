"""kit.nltkdata (offline NLTK data) and kit.sentiment (fast VADER, identical to NLTK)."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import nltk
import nltk.data
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import nltkdata, sentiment

ROOT = Path(__file__).resolve().parents[1]
TEXTS_FILE = Path(__file__).parent / "data" / "sentiment_texts.txt"
MEMBER = "vader_lexicon/vader_lexicon.txt"


def _no_download(*args, **kwargs):
    raise AssertionError(f"nltk.download was called: {args!r} {kwargs!r}")


@pytest.fixture
def kitdata(tmp_path, monkeypatch):
    """A fresh INTERVIEW_KIT_DATA, nltk.data.path restored and downloads forbidden."""
    data = tmp_path / "kitdata"
    monkeypatch.setenv(nltkdata.ENV_VAR, str(data))
    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    calls = []

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", spy)
    monkeypatch.setattr(nltk.downloader.Downloader, "download", spy)
    nltkdata._forget()
    yield data
    nltkdata._forget()
    assert calls == [], "nltk.download was called"


@pytest.fixture(scope="module")
def sia(tmp_path_factory):
    """NLTK's analyzer on the kit's lexicon, built in a temporary data folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(nltkdata.ENV_VAR, str(tmp_path_factory.mktemp("parity") / "data"))
        mp.setattr(nltk.data, "path", list(nltk.data.path))
        mp.setattr(nltk, "download", _no_download)
        nltkdata._forget()
        analyzer = nltkdata.nltk_analyzer()
        yield analyzer
    nltkdata._forget()


def _source_bytes() -> bytes:
    return nltkdata.source_lexicon_path().read_bytes()


def _zip_member(zip_path: Path) -> bytes:
    with zipfile.ZipFile(zip_path) as zf:
        assert zf.namelist() == [MEMBER]
        return zf.read(MEMBER)


# =========================================================================== nltkdata


def test_source_is_the_vadersentiment_wheel_file():
    src = nltkdata.source_lexicon_path()
    assert src.name == "vader_lexicon.txt"
    assert (src.parent / "vaderSentiment.py").is_file()


def test_builds_nltk_layout_with_exact_bytes(kitdata):
    root = nltkdata.ensure_nltk_data()
    assert root == kitdata
    zip_path = kitdata / "sentiment" / "vader_lexicon.zip"
    assert nltkdata.lexicon_path() == zip_path
    assert zip_path.is_file()
    assert _zip_member(zip_path) == _source_bytes()
    stamp = json.loads((zip_path.parent / "vader_lexicon.zip.source").read_text())
    assert stamp["source_size"] == len(_source_bytes())
    # first on NLTK's search path, and NLTK finds our copy
    assert nltk.data.path[0] == str(kitdata)
    found = nltk.data.find(nltkdata.RESOURCE)
    assert os.path.samefile(found.zipfile.filename, zip_path)
    assert nltk.data.load(nltkdata.RESOURCE, format="raw") == _source_bytes()
    # no temporary files left behind
    assert sorted(p.name for p in zip_path.parent.iterdir()) == [
        "vader_lexicon.zip",
        "vader_lexicon.zip.source",
    ]


def test_idempotent_and_cheap(kitdata):
    nltkdata.ensure_nltk_data()
    before = len(nltk.data.path)
    for _ in range(3):
        assert nltkdata.ensure_nltk_data() == kitdata
    assert len(nltk.data.path) == before
    assert nltk.data.path.count(str(kitdata)) == 1


def test_rerun_does_not_rebuild(kitdata, monkeypatch):
    nltkdata.ensure_nltk_data()
    zip_path = nltkdata.lexicon_path()
    st0 = zip_path.stat()
    nltkdata._forget()  # as a new process would

    def no_write(*a, **k):
        raise AssertionError("rebuilt a fresh lexicon")

    monkeypatch.setattr(nltkdata, "_atomic_write", no_write)
    assert nltkdata.ensure_nltk_data() == kitdata
    st1 = zip_path.stat()
    assert (st1.st_ino, st1.st_mtime_ns) == (st0.st_ino, st0.st_mtime_ns)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other_member", "deleted"])
def test_corrupted_zip_is_rebuilt(kitdata, damage):
    nltkdata.ensure_nltk_data()
    zip_path = nltkdata.lexicon_path()
    good = zip_path.read_bytes()
    if damage == "garbage":
        zip_path.write_bytes(b"not a zip file")
    elif damage == "truncated":
        zip_path.write_bytes(good[: len(good) // 2])
    elif damage == "other_member":
        with zipfile.ZipFile(zip_path, "w") as zf:
            zf.writestr(MEMBER, "good\t1.9\t0.9\t[2, 2]")
    else:
        zip_path.unlink()
    nltkdata._forget()
    nltkdata.ensure_nltk_data()
    assert zip_path.read_bytes() == good
    assert _zip_member(zip_path) == _source_bytes()


@pytest.mark.parametrize("damage", ["stale_hash", "stale_size", "bad_json", "missing"])
def test_stale_stamp_is_rebuilt(kitdata, damage):
    nltkdata.ensure_nltk_data()
    zip_path = nltkdata.lexicon_path()
    stamp_path = zip_path.parent / "vader_lexicon.zip.source"
    stamp = json.loads(stamp_path.read_text())
    if damage == "stale_hash":
        stamp["source_sha256"] = "0" * 64
        stamp_path.write_text(json.dumps(stamp))
    elif damage == "stale_size":
        stamp["source_size"] += 1
        stamp_path.write_text(json.dumps(stamp))
    elif damage == "bad_json":
        stamp_path.write_text("{")
    else:
        stamp_path.unlink()
    ino = zip_path.stat().st_ino
    nltkdata._forget()
    nltkdata.ensure_nltk_data()
    assert zip_path.stat().st_ino != ino  # replaced
    assert json.loads(stamp_path.read_text())["source_sha256"] != "0" * 64
    assert _zip_member(zip_path) == _source_bytes()


def test_changed_source_is_rebuilt(kitdata, tmp_path, monkeypatch):
    nltkdata.ensure_nltk_data()
    new_src = tmp_path / "vader_lexicon.txt"
    new_src.write_bytes(_source_bytes() + b"\r\ninterviewkit\t4.0\t0.1\t[4, 4]")
    monkeypatch.setattr(nltkdata, "source_lexicon_path", lambda: new_src)
    nltkdata._forget()
    nltkdata.ensure_nltk_data()
    assert _zip_member(nltkdata.lexicon_path()) == new_src.read_bytes()
    assert "interviewkit\t4.0" in nltkdata.lexicon_text()


def test_missing_vadersentiment_names_the_fix(kitdata, monkeypatch):
    real = nltkdata.importlib.util.find_spec
    monkeypatch.setattr(
        nltkdata.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "vaderSentiment" else real(name, *a),
    )
    with pytest.raises(RuntimeError, match="pip install vaderSentiment"):
        nltkdata.ensure_nltk_data()
    assert not kitdata.exists()


def test_unwritable_folder_falls_back_to_temp(tmp_path, monkeypatch, kitdata):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(nltkdata.ENV_VAR, str(blocker / "data"))
    fake_tmp = tmp_path / "tmp"
    fake_tmp.mkdir(mode=0o700)
    monkeypatch.setattr(nltkdata.tempfile, "gettempdir", lambda: str(fake_tmp))
    with pytest.warns(RuntimeWarning, match="cannot write"):
        root = nltkdata.ensure_nltk_data()
    assert fake_tmp in root.parents
    assert _zip_member(root / "sentiment" / "vader_lexicon.zip") == _source_bytes()
    assert nltk.data.path[0] == str(root)
    assert nltkdata.nltk_analyzer().polarity_scores("good")["compound"] == 0.4404


def test_read_only_folder_with_fresh_copy_is_used(kitdata, monkeypatch):
    nltkdata.ensure_nltk_data()
    nltkdata._forget()

    def no_write(*a, **k):
        raise PermissionError("read-only")

    monkeypatch.setattr(nltkdata, "_atomic_write", no_write)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nltkdata.ensure_nltk_data() == kitdata


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(nltkdata.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert nltkdata.data_dir() == tmp_path / "xdg" / "interview-kit" / "nltk_data"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert nltkdata.data_dir() == Path.home() / ".local/share/interview-kit/nltk_data"
    monkeypatch.setenv(nltkdata.ENV_VAR, str(tmp_path / "explicit"))
    assert nltkdata.data_dir() == tmp_path / "explicit"


@pytest.mark.slow  # processes racing to build the data: tens of seconds
def test_concurrent_builders_race_safely(tmp_path):
    data = tmp_path / "race"
    code = (
        "from kit import nltkdata; import zipfile;"
        "p = nltkdata.ensure_nltk_data() / 'sentiment' / 'vader_lexicon.zip';"
        "src = nltkdata.source_lexicon_path().read_bytes();"
        "assert zipfile.ZipFile(p).read('vader_lexicon/vader_lexicon.txt') == src;"
        "assert nltkdata.nltk_analyzer().polarity_scores('not good')['compound'] < 0"
    )
    env = dict(os.environ, **{nltkdata.ENV_VAR: str(data)})
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    assert _zip_member(data / "sentiment" / "vader_lexicon.zip") == _source_bytes()
    leftovers = [p.name for p in (data / "sentiment").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_analyzer_uses_kit_lexicon_without_network(kitdata):
    a = nltkdata.nltk_analyzer()
    assert a is nltkdata.nltk_analyzer()  # cached
    assert isinstance(a, nltk.sentiment.vader.SentimentIntensityAnalyzer)
    assert a.lexicon == sentiment._make_lex_dict(_source_bytes().decode("utf-8"))
    assert a.polarity_scores("The invoice was great!")["compound"] > 0.5


def test_kit_never_calls_nltk_download():
    hits = []
    for path in (ROOT / "kit").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            if b"nltk.download" in path.read_bytes():
                hits.append(str(path.relative_to(ROOT)))
    assert hits == []


# =========================================================================== parity


def _file_texts() -> list[str]:
    text = TEXTS_FILE.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def test_constants_match_nltk():
    from nltk.sentiment.vader import VaderConstants as C

    assert sentiment.NEGATE == set(C.NEGATE)
    assert sentiment.BOOSTER_DICT == C.BOOSTER_DICT
    assert sentiment.SPECIAL_CASE_IDIOMS == C.SPECIAL_CASE_IDIOMS
    assert sentiment.PUNC_LIST == C.PUNC_LIST
    assert (sentiment.B_INCR, sentiment.B_DECR, sentiment.C_INCR, sentiment.N_SCALAR) == (
        C.B_INCR,
        C.B_DECR,
        C.C_INCR,
        C.N_SCALAR,
    )
    assert C().normalize(3.0) == 3.0 / math.sqrt(9.0 + sentiment.ALPHA)


def test_lexicon_matches_nltk(sia):
    assert sentiment._get_lexicon() == sia.lexicon


def test_texts_file_is_large_and_varied():
    texts = _file_texts()
    assert len(texts) >= 400
    assert "" in texts
    joined = "\n".join(texts)
    for needle in [
        "not good", "isn't great", "never", "without", "kind of", "sort of", "extremely",
        "barely", "the bomb", "yeah right", "cut the mustard", "kiss of death",
        "hand to mouth", "least", "!!!", "???", "😀", "invoice", "payment", " but ",
    ]:
        assert needle in joined, needle
    assert max(map(len, texts)) > 400


def _assert_same(sia, texts, **kw):
    got = sentiment.compound(texts, **kw)
    assert len(got) == len(texts)
    worst = 0.0
    for t, g in zip(texts, got):
        want = sia.polarity_scores(t)["compound"]
        worst = max(worst, abs(want - g))
        assert g == want, (t, g, want)
    assert worst <= 1e-9
    return worst


@pytest.mark.parametrize("cache", [False, True])
def test_file_texts_identical_to_nltk(sia, cache):
    sentiment.clear_cache(tokens=True)
    texts = _file_texts()
    _assert_same(sia, texts, cache=cache)
    _assert_same(sia, texts, cache=cache)  # warm lookups / cache hits


def test_polarity_scores_identical_to_nltk(sia):
    for t in _file_texts():
        assert sentiment.polarity_scores(t) == sia.polarity_scores(t), t


def test_long_texts_identical_to_nltk(sia):
    texts = _file_texts()
    long_texts = [
        " ".join(texts),
        "\n".join(texts),
        "BUT ".join(texts[:120]),
        " ".join(t.upper() for t in texts[100:300]),
        "great " * 2000 + "but terrible",
        "not " * 500 + "good",
    ]
    _assert_same(sia, long_texts, cache=False)
    for t in long_texts:
        assert sentiment.polarity_scores(t, cache=False) == sia.polarity_scores(t)


def test_first_occurrence_quirk(sia):
    # NLTK scores every repeat of a word with the context of its first occurrence.
    texts = [
        "good but not good",
        "not good but good",
        "very good and not good and good",
        "kind of kind, kind",
        "KIND of good, kind OF good",
        "least good good least good",
        "It was kind of good.",
    ]
    _assert_same(sia, texts, cache=False)


_LEX_WORDS = [
    "good", "great", "bad", "terrible", "love", "hate", "happy", "sad", "awful", "nice",
    "fine", "okay", "ok", "perfect", "worst", "best", "problem", "fail", "easy", "slow",
    "helpful", "angry", "relief", "kind", "yeah", "death", "shit", "bomb", "ass", "no",
    "yes", "like", "help", "sorry", "thanks", "free", "pay", "lol", "wow", "ugh", "meh",
    ":)", ":(", ":D", ":-(", "<3", ":/", ";)", "xd", "haha",
]
_FUNCTION_WORDS = [
    "not", "never", "isn't", "don't", "can't", "cant", "without", "nothing", "nor", "uh-uh",
    "despite", "rarely", "very", "extremely", "barely", "kinda", "sorta", "so", "this",
    "but", "BUT", "least", "at", "of", "sort", "just", "enough", "the", "right", "cut",
    "mustard", "kiss", "hand", "to", "mouth", "invoice", "payment", "we", "it", "was", "I",
    "a", "is", "n't", "didn't", "wasn't",
]
_PUNCT = [
    "", "", "", "", ".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "???",
    "?!?", "!?!", "?!?!", "!?!?", "...", "!!!!", "(", ")", "--", "’", "…", "😀",
]


@st.composite
def _vader_texts(draw):
    n = draw(st.integers(0, 25))
    words = []
    for _ in range(n):
        w = draw(st.sampled_from(_LEX_WORDS + _FUNCTION_WORDS))
        case = draw(st.sampled_from(["keep", "keep", "keep", "upper", "title", "lower"]))
        if case == "upper":
            w = w.upper()
        elif case == "title":
            w = w.title()
        elif case == "lower":
            w = w.lower()
        w = draw(st.sampled_from(_PUNCT)) + w + draw(st.sampled_from(_PUNCT))
        words.append(w)
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\t", "\n", " - ", ", "]),
                         min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps))
    return draw(st.sampled_from(["", " ", "!"])) + text + draw(st.sampled_from(_PUNCT))


@pytest.mark.slow  # 600 fuzzed texts against NLTK
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_vader_texts())
def test_hypothesis_vocabulary_identical_to_nltk(sia, text):
    assert sentiment.compound([text], cache=False) == [sia.polarity_scores(text)["compound"]]
    assert sentiment.polarity_scores(text, cache=False) == sia.polarity_scores(text)


@pytest.mark.slow  # fuzzes 300 examples: over 1.5 s (tests/README.md)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80))
def test_hypothesis_any_text_identical_to_nltk(sia, text):
    assert sentiment.compound([text], cache=False) == [sia.polarity_scores(text)["compound"]]


# =========================================================================== API


def test_missing_values_give_nan(sia):
    got = sentiment.compound(["good", None, float("nan"), pd.NA, "bad"])
    assert got[0] == sia.polarity_scores("good")["compound"]
    assert all(math.isnan(x) for x in got[1:4])
    assert got[4] == sia.polarity_scores("bad")["compound"]


def test_accepts_iterables_and_series(sia):
    texts = ["great", "awful", "meh"]
    want = [sia.polarity_scores(t)["compound"] for t in texts]
    assert sentiment.compound(texts) == want
    assert sentiment.compound(tuple(texts)) == want
    assert sentiment.compound(t for t in texts) == want
    assert sentiment.compound(pd.Series(texts, index=[5, 6, 7])) == want
    assert sentiment.compound([]) == []


def test_rejects_a_single_string_and_non_strings():
    with pytest.raises(TypeError, match="single string"):
        sentiment.compound("good")
    with pytest.raises(TypeError):
        sentiment.compound([1, 2])
    with pytest.raises(TypeError):
        sentiment.compound(3)


def test_polarity_frame(sia):
    s = pd.Series(["I love it", None, "I hate it", ""], index=list("abcd"))
    df = sentiment.polarity(s)
    assert list(df.columns) == ["neg", "neu", "pos", "compound"]
    assert list(df.index) == list("abcd")
    for key in ["a", "c", "d"]:
        assert df.loc[key].to_dict() == sia.polarity_scores(s[key])
    assert df.loc["b"].isna().all()
    assert sentiment.polarity([]).shape == (0, 4)


def test_cache_gives_same_answers(sia):
    sentiment.clear_cache()
    texts = ["yes", "okay", "yes", "not good", "yes"] * 3
    assert sentiment.compound(texts) == sentiment.compound(texts, cache=False)
    assert sentiment._cached_compound.cache_info().hits > 0


def test_kit_exports_compound():
    import kit

    assert kit.compound is sentiment.compound


def test_import_does_not_need_nltk():
    code = "import sys, kit.sentiment; assert 'nltk' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# =========================================================================== label


@pytest.mark.parametrize(
    "value, expected",
    [
        (0.05, "positive"),
        (-0.05, "negative"),
        (0.0499, "neutral"),
        (-0.0499, "neutral"),
        (0.04999999999, "neutral"),
        (-0.04999999999, "neutral"),
        (0.0, "neutral"),
        (-0.0, "neutral"),
        (0.0501, "positive"),
        (-0.0501, "negative"),
        (1.0, "positive"),
        (-1.0, "negative"),
    ],
)
def test_label_thresholds(value, expected):
    assert sentiment.label(value) == expected


def test_label_missing_custom_and_vectors():
    assert sentiment.label(float("nan")) is None
    assert sentiment.label(None) is None
    assert sentiment.label(0.3, threshold=0.5) == "neutral"
    assert sentiment.label(0.5, threshold=0.5) == "positive"
    assert sentiment.label(-0.5, threshold=0.5) == "negative"
    assert sentiment.label([0.05, -0.05, 0.0]) == ["positive", "negative", "neutral"]
    s = sentiment.label(pd.Series([0.9, -0.9, 0.01, None], index=list("wxyz")))
    assert isinstance(s, pd.Series) and list(s.index) == list("wxyz")
    assert s.tolist()[:3] == ["positive", "negative", "neutral"]
    assert s.iloc[3] is None or pd.isna(s.iloc[3])


def test_label_agrees_with_compound(sia):
    for t in _file_texts():
        c = sentiment.compound([t])[0]
        lab = sentiment.label(c)
        assert lab == ("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
