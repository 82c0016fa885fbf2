"""Session 8, issue 16: a guide question not in English is not judged by the English rules
(kit.guide.english): a note on the question, no flags and no rewrite, and the JSON says why;
English questions with a few foreign words or names are still linted."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit.guide import lint_question
from kit.guide.english import not_english, question_language

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

# written for this test: one question per line, in eight languages, several short
FOREIGN = {
    "tl": ["Gusto mo ba ang app namin?", "Paano mo ginagamit ang app araw-araw?",
           "Kailan ka huling nag-order sa amin?", "Bakit hindi mo ginamit ang serbisyo?",
           "Masaya ka ba sa aming serbisyo?", "Kumusta ang bagong sistema ng booking?",
           "Ikwento mo nga ang huling beses na gumamit ka ng app."],
    "pt": ["Você gosta do nosso aplicativo?", "Como você usa o app normalmente?",
           "Me conta da última vez que você fez uma compra."],
    "es": ["¿Te gusta nuestra aplicación?", "¿Cómo sueles pagar?", "Cuéntame de la última vez que usaste la app.",
           "Qué opinas del nuevo menú?"],
    "fr": ["Qu'est-ce que vous pensez de notre service?", "Racontez-moi la dernière fois que vous avez commandé."],
    "de": ["Wie oft benutzen Sie die App?", "Erzählen Sie mir vom letzten Einkauf."],
    "it": ["Quanto pagheresti per questo?", "Raccontami l'ultima volta che hai usato l'app."],
    "nl": ["Hoe vaak gebruikt u de app?", "Vertel eens over de laatste keer dat je bestelde."],
    "id": ["Apa yang paling sulit dari pekerjaan Anda?", "Ceritakan tentang terakhir kali Anda memesan."],
    "sv": ["Hur ofta använder du appen?"],
    "tr": ["Uygulamamızı ne sıklıkla kullanıyorsunuz?"],
}

# English with foreign words, names and places: linted by the English rules, flags and all
ENGLISH_WITH_FOREIGN_WORDS = [
    ("What did you think of the pão de queijo at Padaria Brasil?", None),  # Portuguese at 0.57 in the detector
    ("Was the Schnitzel at Zum Goldenen Hirschen good?", "closed"),  # German at 0.88 in the detector
    ("Did you like the Gemütlichkeit of the Biergarten?", "closed"),
    ("How did you find the Oktoberfest Bierzelt booking?", None),
    ("Tell me about the last time you ordered from Taquería El Güero.", None),
    ("Did the señora at the front desk help you?", "closed"),
    ("How did the kuya at the sari-sari store handle it?", None),
    ("Why did you pick Banco do Brasil over Nubank?", None),
    ("What did Señor García say about the paella?", None),
    ("How often do you use GCash or Maya?", "generalizing"),
    ("Did Lola Nena enjoy the pancit?", "closed"),
    ("Salamat po, anything else?", None),
    ("Ano ang pinakamahirap? What was hardest?", None),  # a whole English sentence beside Tagalog
]


def _all_set_questions() -> list[str]:
    paths = sorted(DATA.glob("questions*.csv")) + sorted(DATA.glob("blind-linter-*/questions.csv"))
    out = []
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            out.extend(row["question"] for row in csv.DictReader(fh))
    return out


@pytest.mark.parametrize("lang,question", [(lang, q) for lang, qs in FOREIGN.items() for q in qs])
def test_a_question_not_in_english_gets_a_note_not_flags(lang, question):
    got = lint_question(question)
    assert question_language(question)[0] == lang
    assert got["flags"] == [] and got["suggestion"] == "" and got["kind"] == "unsupported"
    assert got["language"] == lang
    assert got["verdict"].startswith("language not supported (") and "the rules are English, not linted" in got["verdict"]


def test_tagalog_is_named_though_it_is_no_candidate_language():
    from kit.languages import DEFAULT_CANDIDATES

    assert "tl" not in DEFAULT_CANDIDATES
    verdict = not_english("Nagustuhan mo ba ang bagong menu?")
    assert verdict is not None and "Tagalog (tl)" in verdict["verdict"]


@pytest.mark.parametrize("question,flag", ENGLISH_WITH_FOREIGN_WORDS)
def test_english_with_foreign_words_or_names_is_linted(question, flag):
    assert question_language(question) == ("en", 1.0)
    got = lint_question(question)
    assert "verdict" not in got and got["kind"] != "unsupported"
    if flag:
        assert flag in got["flags"] and got["suggestion"]


@pytest.mark.parametrize("question", ["Kumusta?", "Ano?", "Why?", "go on", "Card or cash today?", "Por favor"])
def test_too_short_to_tell_is_linted_as_english(question):
    assert not_english(question) is None


def test_spanish_punctuation_is_enough_for_a_short_question():
    assert question_language("¿Por qué?")[0] == "es"


@pytest.mark.slow  # about 5 s: every labelled question of the kit's sets (tests/README.md)
def test_no_labelled_question_is_declared_not_english():
    questions = _all_set_questions()
    assert len(questions) > 6000
    foreign = [q for q in questions if question_language(q)[0] != "en"]
    assert foreign == []


@pytest.mark.slow  # runs the CLI in a subprocess
def test_lint_guide_json_says_why(tmp_path):
    guide = tmp_path / "guide.txt"
    guide.write_text("Tell me about the last time you ordered from us.\nGusto mo ba ang app namin?\n"
                     "Do you like our app?\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kit", "lint-guide", str(guide), "--json"], capture_output=True,
                         text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    rows = [r for r in json.loads(run.stdout) if r.get("question")]
    tagalog = next(r for r in rows if r["question"].startswith("Gusto"))
    assert tagalog["flags"] == [] and tagalog["suggestion"] == "" and tagalog["language"] == "tl"
    assert "Tagalog" in tagalog["verdict"] and "English" in tagalog["verdict"]
    english = next(r for r in rows if r["question"].startswith("Do you"))
    assert english["flags"] and english["suggestion"] and "verdict" not in english
