"""Session 17 newcomer F9: a mostly-English turn that closes with one Welsh sentence was tagged
Welsh whole (the note declares `cy`; the judge read it English at 0.96, under the 0.99 that
overrides a declaration), so its English words were neither scored nor coded. A turn whose
sentences are surely in different languages is now `mul`, and its passages are coded and
scored each in its own language (kit.language_mixed)."""
from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from kit.language_mixed import passage_segments, passages, sentence_languages
from kit.language_passages import judged

BUS = Path(__file__).parent / "data" / "newcomer-bus" / "bus-fixed"
F9 = ("I checked the app but it still said due, due, due, for twenty minutes. In the end I texted my boss "
      "that I'd be late. Mae'r ap yn ddiwerth yn y bore, a dweud y gwir.")
ENGLISH = "I waited at the stop for ages. The app kept saying the bus was due. "
CLOSINGS = {"cy": "Mae'r ap yn ddiwerth yn y bore, a dweud y gwir.",
            "es": "Al final llegué tarde al trabajo otra vez, qué vergüenza.",
            "de": "Es war wirklich eine Katastrophe, ehrlich gesagt."}


def _study(*languages):
    return SimpleNamespace(config={"languages": list(languages)})


@pytest.mark.parametrize("lang", sorted(CLOSINGS))
def test_an_english_turn_with_a_closing_sentence_in_another_language_is_mul(lang):
    text = ENGLISH + CLOSINGS[lang]
    languages = ("en", lang) if lang == "cy" else ("en", "es", "de")
    code, _, verdict = judged([text], languages)[0]
    assert (code, verdict) == ("mul", "mixed")
    got = passages(sentence_languages([text], languages)[0])
    assert got == [("en", ENGLISH.strip()), (lang, CLOSINGS[lang])]


def test_the_reporters_turn_is_mul_with_an_english_and_a_welsh_passage():
    assert judged([F9], ("en", "cy"))[0][0] == "mul"
    [(first, english), (second, welsh)] = passages(sentence_languages([F9], ("en", "cy"))[0])
    assert (first, second) == ("en", "cy")
    assert "texted my boss" in english and "app" in english and welsh.startswith("Mae'r ap")


def test_a_welsh_turn_with_one_english_word_stays_welsh():
    text = "Dw i wedi blino ar y bws, a dweud y gwir, mae e wastad yn hwyr iawn. Roedd yr app yn dda."
    assert judged([text], ("en", "cy"))[0][0] == "cy"


def test_code_switching_inside_one_sentence_is_not_split():
    text = "Fui al mall y compré un hoodie bien cute porque the sale was amazing today."
    assert judged([text], ("en", "es", "de"))[0][0] != "mul"  # one sentence: its verdict as before
    assert passages(sentence_languages([text], ("en", "es", "de"))[0]) in ([], [("es", text)], [("en", text)])


def test_very_short_sentences_are_not_judged_and_join_their_neighbour():
    text = "Yes. Sí. No. Ja. The bus was late again today, as it always is."
    code, _, verdict = judged([text], ("en", "es", "de"))[0]
    assert (code, verdict) == ("en", "sure")
    said = sentence_languages([text], ("en", "es", "de"))[0]
    assert [c for _, c in said][:4] == [None] * 4  # under four words: no language of their own
    assert passages(said) == [("en", text)]


def test_a_turn_in_three_languages_has_three_passages_each_coded_in_its_language():
    text = ENGLISH + CLOSINGS["es"] + " " + CLOSINGS["de"]
    assert judged([text], ("en", "es", "de"))[0][0] == "mul"
    segments = pd.DataFrame({"segment_id": ["I-1#t2", "I-1#t3"], "interview_id": ["I-1", "I-1"],
                             "participant": ["P-1", "P-1"], "kind": ["turn", "turn"],
                             "text": [text, "Short and English, nothing more to say here."],
                             "language": ["mul", "en"]})
    got = passage_segments(_study("en", "es", "de"), segments)
    assert got["segment_id"].tolist() == ["I-1#t2"] * 3 + ["I-1#t3"]
    assert got["language"].tolist() == ["en", "es", "de", "en"]
    assert " ".join(got["text"].tolist()[:3]) == text.strip()  # no word lost


def test_a_turn_one_language_is_sure_of_is_not_split():
    # the screen's limit: a long English part and a short Spanish closing read English at
    # 0.999998, a margin of 0.108 per character (above MARGIN_PER_CHAR): the turn stays English
    from kit.language_mixed import MARGIN_PER_CHAR, could_be_mixed

    text = "The bus was late again and I waited in the rain for almost half an hour. Fue un desastre, de verdad."
    assert judged([text], ("en", "es", "de"))[0][:1] == ("en",)
    assert not could_be_mixed(text, 0.999998) and MARGIN_PER_CHAR < 0.1
    assert could_be_mixed(ENGLISH + CLOSINGS["es"], 0.98)


def test_no_mul_row_leaves_the_segments_as_they_are():
    segments = pd.DataFrame({"segment_id": ["a"], "text": ["Hello there, how are you?"], "language": ["en"]})
    assert passage_segments(_study("en"), segments) is segments


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_analyze_scores_and_codes_the_english_of_the_reporters_mixed_turn(tmp_path, capsys):
    from kit.analyze import analyze

    study = tmp_path / "bus"
    shutil.copytree(BUS, study)
    analyze(study, tmp_path / "out", as_of="2026-12-02")
    stderr = capsys.readouterr().err
    [turn] = [r for r in _rows(tmp_path / "out" / "turns.csv") if r["interview_id"] == "INT-003" and r["turn"] == "4"]
    assert turn["language"] == "mul"
    assert turn["compound"] != "" and not math.isnan(float(turn["compound"]))  # its English passage is scored
    codes = {(r["code"], r["evidence"]) for r in _rows(tmp_path / "out" / "autocodes.csv")
             if r["segment_id"] == "INT-003#t4"}
    # English keywords (a plain list is English: app-experience) code the English passage
    assert {"app-experience", "reliability"} <= {c for c, _ in codes}
    assert ("reliability", "late") in codes
    # each (turn, code) once, though both passages say "app"/"ap"
    assert len(codes) == len({c for c, _ in codes})
    coverage = {(r["code"], r["language"]): r for r in _rows(tmp_path / "out" / "coding_languages.csv")}
    assert ("app-experience", "mul") not in coverage  # passages, never "mul", reach the coder
    # the Welsh passage is still counted as unscored, in Welsh
    assert "INT-003: 4 passage(s) have no sentiment score (4 in Welsh (cy))" in stderr
    mix = {(r["segment"], r["language"]): r["passages"] for r in _rows(tmp_path / "out" / "languages.csv")}
    assert mix[("commuter", "mul")] == "1"
