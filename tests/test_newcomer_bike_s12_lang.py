"""Session 12, newcomer faults F2, F3, F4: other languages handled honestly.

F2: words of every script written with spaces are tokenised whole, with their combining marks
(theme discovery, keyness: "pełna", not "pe"; "estação", not "esta"), and each text's language
leaves out its own stop words. F3: no English note on a guide question the linter says it does
not lint. F4: review decides by the interviewer's detected language, for every language."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import kit
from kit import language
from kit import review as rv

DATA = Path(__file__).parent / "data" / "newcomer-bike"
STUDY = DATA / "study-ok"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ------------------------------------------------------------------ F2: words kept whole
CASES = [
    ("Stacja była pełna, naliczyli mi karę. Dziękuję!", ["stacja", "była", "pełna", "naliczyli", "mi", "karę",
                                                          "dziękuję"]),
    ("Cheguei à estação e não havia vaga.", ["cheguei", "à", "estação", "e", "não", "havia", "vaga"]),
    ("İstasyon doluydu, ışık yoktu.", ["istasyon", "doluydu", "ışık", "yoktu"]),
    ("Trạm xe đầy, tôi phải đợi.", ["trạm", "xe", "đầy", "tôi", "phải", "đợi"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_keyness_words_keep_letters_of_every_script(text, expected):
    assert language.words(text) == expected
    # decomposed input (NFD: a letter, then its combining marks) gives the same, composed, words
    assert language.words(nfd(text)) == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_theme_discovery_words_keep_letters_of_every_script(text, expected):
    from kit.theme_discovery import _tokens

    assert _tokens(text) == expected
    assert _tokens(nfd(text)) == expected


def test_ascii_and_unspaced_scripts_tokenised_as_before():
    from kit.coding import tokens
    from kit.theme_discovery import _tokens

    text = "Don't you think the dock's full? 42 bikes, DS-0177 rock'n'roll"
    assert language.words(text) == language._TOKENIZER.tokenize(text.lower())
    assert _tokens(text) == tokens(text)
    # a run of Han or Thai letters is a sentence, not a word: not made one table "word"
    assert language.words("站点满了 ok") == ["ok"]
    assert _tokens("สถานีเต็ม ok") == ["ok"]


@pytest.fixture(scope="module")
def study():
    return kit.load_study(STUDY)


@pytest.fixture(scope="module")
def themes(study):
    from kit.theme_discovery import discover_themes

    return discover_themes(study)


def test_themes_propose_whole_polish_and_portuguese_words(themes):
    terms = {t.strip() for row in themes.themes["terms"] for t in row.split(",")}
    words = {w for t in terms for w in t.split()}
    assert not words & {"pe", "kar", "dzi", "esta", "esta\u00e7"}, words
    assert {"pełna", "estação"} <= words
    polish = themes.themes[themes.themes["language"] == "pl"]
    assert len(polish) == 1 and "pełna" in polish["keywords"].iloc[0].split(", ")


def test_suggested_codebook_keywords_are_readable_words(themes):
    from kit.theme_discovery import suggested_codebook

    text = suggested_codebook(themes)
    assert "pełna" in text and "pe\\u0142na" not in text
    assert "[rower, miejsca, pe," not in text


def test_keyness_by_segment_whole_words_without_the_languages_stop_words(study):
    words = language.participant_words(study, "segment")
    assert "language" in words.columns  # languages: [en, pt, pl]
    langs = dict(zip(words["segment_id"], words["language"]))
    assert langs["INT-002#t2"] == "pl" and langs["INT-009#t2"] == "pt"
    table = language.keyness_by(words, "segment", min_freq=3, top=8, consenting=study.consenting())
    riders = set(table.loc[table["segment"] == "rider", "word"])
    assert "estação" in riders
    assert not riders & {"esta", "pe", "kar", "rio"}, riders


def test_a_text_leaves_out_its_own_languages_stop_words_only():
    # "esta" is a Portuguese stop word; in an English text "este" stays a word
    table = language.keyness(["esta estação esta estação esta estação"], ["rower rower"], min_freq=1,
                             target_languages=["pt"], reference_languages=["pl"])
    assert list(table["word"]) == ["estação"]
    kept = language.keyness(["esta esta esta"], ["bike"], min_freq=1)
    assert list(kept["word"]) == ["esta"]  # no languages given: the kit's stop words only


def test_an_english_only_study_has_no_language_column(study_dir):
    study = kit.load_study(study_dir)
    assert "language" not in language.participant_words(study).columns


def test_word_vectors_are_keyed_by_composed_words(tmp_path):
    from kit.word_vectors import load_word_vectors

    path = tmp_path / "vectors.txt"
    path.write_text(nfd("estação 0.1 0.2\n") + "pełna 0.3 0.4\n", encoding="utf-8")
    vectors = load_word_vectors(path)
    assert set(vectors) == {"estação", "pełna"}


# ------------------------------------------------------------------ F4: review by detected language
@pytest.mark.parametrize("name", ["INT-002.txt", "INT-008.txt"])
def test_review_of_a_polish_interview_is_not_scored_by_english_rules(name):
    review = rv.review_transcript(STUDY / "transcripts" / name)
    assert review["language"] == "pl"
    card = rv.scorecard(review)
    items = {item["item"]: item for item in card["items"]}
    for item in ("question quality", "story first", "probes"):
        assert items[item]["points"] is None and "Polish (pl)" in items[item]["value"]
    for q in review["questions"]:
        assert q["suggestion"] == "" and q["flags"] == [] and q["kind"] == "unsupported", q
    text = rv.format_review(review, card)
    assert "-> try:" not in text and "zrobił. What happened" not in text


def _turns(interviewer: list[str], participant: list[str]):
    import pandas as pd

    rows = []
    for a, b in zip(interviewer, participant):
        rows += [{"speaker": "Interviewer", "start": None, "end": None, "text": a},
                 {"speaker": "Rider", "start": None, "end": None, "text": b}]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("code, interviewer, participant", [
    ("tr", ["Merhaba, görüşmeye katıldığınız için teşekkür ederim. İstasyonun dolu olduğu son seferi anlatır mısınız?",
            "Peki sonra ne yaptınız?", "Bir dahaki sefere ne yapmayı düşünüyorsunuz?"],
     ["Cuma akşamı istasyon doluydu, bisikleti bırakacak yer yoktu.", "Başka bir istasyona gittim.",
      "Haritaya önceden bakacağım."]),
    ("vi", ["Xin chào, cảm ơn anh đã tham gia. Anh hãy kể cho tôi nghe về lần cuối cùng trạm xe bị đầy?",
            "Sau đó anh đã làm gì?", "Lần tới anh định làm gì?"],
     ["Tối thứ sáu trạm xe đầy, không còn chỗ trả xe.", "Tôi đi đến trạm khác.", "Tôi sẽ xem bản đồ trước."]),
])
def test_review_in_any_language_the_detector_knows(code, interviewer, participant):
    review = rv.review_transcript(_turns(interviewer, participant), interviewer="Interviewer")
    assert review["language"] == code
    assert all(q["suggestion"] == "" and not q["flags"] for q in review["questions"])
    assert rv.cohort([review])["probes"].isna().all()


def test_review_of_an_english_interview_still_uses_the_rules():
    review = rv.review_transcript(_turns(
        ["Tell me about the last time a dock was full.", "Would you pay more for a guaranteed dock?"],
        ["Last Friday the dock by the market was full and I had to ride on to the next one.", "Maybe."]),
        interviewer="Interviewer")
    assert review["language"] == ""
    assert any(q["flags"] for q in review["questions"])  # the hypothetical question is flagged


def test_an_english_question_in_a_portuguese_interview_is_still_linted():
    review = rv.review_transcript(STUDY / "transcripts" / "INT-001.txt")
    assert review["language"] == "pt"
    kinds = {q["text"]: q["kind"] for q in review["questions"]}
    assert kinds["E o que fez a seguir?"] == "unsupported"
    assert kinds["Looking ahead, what are you planning to do next time?"] == "future"


# ------------------------------------------------------------------ F3: no English note on a question not linted
def test_lint_guide_gives_no_english_note_on_a_question_it_does_not_lint():
    from kit.guide import lint_guide

    result = lint_guide(DATA / "guide-bike.yml")
    by_line = {q["line"]: q for q in result["questions"]}
    assert by_line[10]["kind"] == "unsupported" and "not linted" in by_line[10]["verdict"]
    assert not by_line[10].get("notes")
    assert any("renewl" in n for n in by_line[11].get("notes", []))  # English questions keep theirs


def test_keywords_match_decomposed_text_as_whole_words(study):
    from kit import languages

    coder = languages._coder(list(study.codebook), "pt")
    for text in ("Recebi uma cobrança injusta.", nfd("Recebi uma cobrança injusta.")):
        assert coder.code_text(text) == [("overtime-charge", "cobrança")]
