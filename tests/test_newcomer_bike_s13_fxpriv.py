"""Session 13 (fxpriv13): newcomer F22 (emails spelt out in Portuguese, Polish and the other
languages the kit reads), the rest of F9 (names declined in the languages a study declares:
Polish and Czech short names, Russian in Latin letters, Finnish, Hungarian), and three faults
the lead found: a label ``Siobhán's husband:`` taken for the participant by name, a time after
a label (``Siobhán: (0:06) text``) left in the text, and a short Croatian or Hungarian
transcript saved as Windows-1250 read as Windows-1252."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from kit.codepages import code_page
from kit.privacy import Roster, find_leaks, redact, roster
from kit.privacy_batch import unredacted
from kit.speaker_roles import participant_label
from kit.transcripts import parse_transcript, read_turns

DATA = Path(__file__).parent / "data" / "newcomer-bike"

# -- F22: emails spelt out in other languages' words ----------------------------------------------

EM = Roster(names=("Ana Beatriz Sousa", "Tomasz Wójcik"), parts=("Ana", "Beatriz", "Sousa", "Tomasz", "Wójcik"),
            emails=("ana.sousa@gmail.com", "t.wojcik@onet.pl"))


@pytest.mark.parametrize("said, shown", [
    ("É ana ponto sousa arroba gmail ponto com. Ou o do trabalho, asousa arroba ribeira ponto pt.",
     "É [email]. Ou o do trabalho, [email]."),
    ("t kropka wojcik małpa onet kropka pl, albo tomek małpa gmail kropka com.", "[email], albo [email]."),
    ("o meu email, ana ponto sousa at gmail dot com.", "o meu email, [email]."),  # a roster email, words mixed
    ("TOMEK MAŁPA GMAIL KROPKA COM", "[email]"),
])
def test_f22_the_newcomers_sentences(said, shown):
    assert redact(said, EM) == shown
    assert redact(said, EM, names=False) == shown  # contact details never, even with --include-names


@pytest.mark.parametrize("said", [
    "jan zavináč seznam tečka cz",  # Czech
    "jana zavinac azet bodka sk",  # Slovak
    "kovacs kukac freemail pont hu",  # Hungarian
    "ivan sobaka yandex tochka ru",  # Russian in Latin letters
    "pekka miukumauku yritys piste fi",  # Finnish
    "maria arroba gmail punto es",  # Spanish
    "jean arobase orange point fr",  # French
    "luca chiocciola libero punto it",  # Italian
    "jan apenstaartje ziggo punt nl",  # Dutch
    "olga snabel a telia punkt se",  # Swedish
    "ayse et gmail nokta com",  # Turkish
    "ivana et gmail točka hr",  # Croatian
    "jonas at firma punkt de",  # German
    "maria (arroba) gmail (punto) es",  # bracketed words
])
def test_an_email_said_in_the_words_of_a_language_the_kit_reads(said):
    assert redact(f"Escreve para {said}, obrigado.", Roster()) == "Escreve para [email], obrigado."
    assert redact(f"Escreve para {said}, obrigado.", EM) == "Escreve para [email], obrigado."


@pytest.mark.parametrize("text", [
    "Pierre et Marie point barre.",  # not a top-level domain
    "I looked at it point by point.",  # "at" with a French "point": no address
    "Eu moro no ponto 5 arroba de cima.",
    "At this point the dock was full.",
])
def test_ordinary_sentences_with_those_words_are_kept(text):
    assert redact(text, EM) == text
    assert redact(text, Roster()) == text


def test_the_batch_screen_does_not_pass_an_email_said_in_another_language():
    texts = ["asousa arroba ribeira ponto pt", "ivan sobaka yandex tochka ru", "Nothing to see here."]
    for people in (EM, Roster(), None):
        assert unredacted(texts, people) == {"Nothing to see here."}


def test_the_pre_publication_scan_finds_a_roster_email_said_in_polish(tmp_path):
    (tmp_path / "page.html").write_text("<p>t kropka wojcik małpa onet kropka pl</p>", encoding="utf-8")
    (tmp_path / "ok.html").write_text("<p>[email]</p>", encoding="utf-8")
    assert [str(p) for p in find_leaks(tmp_path, EM)] == ["page.html"]


# -- F9: names declined in the languages the study declares ------------------------------------------

NAMES = ("Marek Nowak", "Paweł Zieliński", "Ewa Lis", "Anna Dvořáková", "Jiří Novák", "Karel Dvořák", "Petr Svoboda",
         "Dmitriy Ivanov", "Natalya Petrova", "Sergei Smirnov", "Olga Kuznetsova",
         "Pekka Virtanen", "Aino Mäkinen", "Antti Korhonen", "Satu Laine",
         "Kovács Péter", "Szabó Anna", "Nagy Erzsébet", "Tóth Gábor")
DECLINED = {
    "pl": "Rozmawiałem z Markiem. Marka nie było. Dałem to Markowi. Bez Pawła, z Pawłem, o Pawle. Z Ewą, bez Ewy, "
          "o Ewie. Annę widziałem, Anny nie ma.",
    "cs": "Mluvil jsem s Jiřím, bez Jiřího, k Jiřímu. Karla, Karlovi, Karlem. Petře!",
    "ru": "Ya govoril s Dmitriyem, bez Dmitriya, k Dmitriyu. Natalyi, Natalyu. Ivanovu, Ivanovym. Sergeya, Sergeyu. "
          "Olgoy, Olgu. Petrovoy. Smirnovym. Kuznetsovoy.",
    "fi": "Puhuin Pekan kanssa. Pekalle, Pekalta, Pekkaa, Pekassa. Ainon, Ainolle. Virtasen, Virtaselle, Virtasta. "
          "Mäkisen, Mäkiselle. Antin, Anttia, Antille. Sadun, Sadulle. Korhosen. Laineen, Laineelle.",
    "hu": "Péternek, Pétert, Péterrel, Péterhez. Annának, Annát, Annával. Kovácsnak, Kovácsot, Kováccsal, Kovácséknál. "
          "Szabónak, Szabóval. Erzsébetnek, Erzsébettel. Gábornak, Gáborral. Tóthnak, Tóthtal.",
}


def people(languages=()) -> Roster:
    return Roster(names=NAMES, parts=tuple(w for n in NAMES for w in n.split()), languages=tuple(languages))


_SENTENCE_WORDS = {"Rozmawiałem", "Dałem", "Bez", "Z", "Mluvil", "Ya", "Puhuin"}  # not names: capitalised at a start


def _words_left(text: str) -> list[str]:
    return [w.strip(".,!") for w in text.split() if w[:1].isupper() and w.strip(".,!") not in _SENTENCE_WORDS]


@pytest.mark.parametrize("language", sorted(DECLINED))
def test_f9_first_names_and_surnames_alone_declined_in_a_declared_language(language):
    shown = redact(DECLINED[language], people([language]))
    assert _words_left(shown) == [], shown


def test_f9_without_the_declaration_short_names_keep_their_words():
    # as before: a roster that declares no language reads Slavic endings after four letters only
    assert redact("Jana i Ewy nie było.", people()) == "Jana i Ewy nie było."
    assert redact("Puhuin Pekan kanssa.", people()) == "Puhuin Pekan kanssa."


def test_f9_everyday_words_of_the_declared_language_are_kept():
    roster_hu = Roster(names=("Szabó Anna",), parts=("Szabó", "Anna"), languages=("hu",))
    assert redact("Annak nincs értelme.", roster_hu) == "Annak nincs értelme."  # "to that", not Anna's dative


def test_f9_the_batch_screen_does_not_pass_a_name_declined_in_a_declared_language():
    texts = ["Puhuin Pekan kanssa.", "Péterrel beszéltem.", "Nothing to see here."]
    assert unredacted(texts, people(["fi", "hu"])) == {"Nothing to see here."}
    assert "Puhuin Pekan kanssa." in unredacted(texts, people())  # not declared: as before


def test_f9_the_pre_publication_scan_finds_a_declined_full_name_of_a_declared_language(tmp_path):
    (tmp_path / "page.html").write_text("<p>Puhuin Pekan Virtasen kanssa.</p>", encoding="utf-8")
    assert [str(p) for p in find_leaks(tmp_path, people(["fi"]))] == ["page.html"]
    assert find_leaks(tmp_path, people()) == []


def test_f9_a_study_declares_its_languages_in_study_yml_and_participants_csv(tmp_path):
    study = tmp_path / "study"
    shutil.copytree(DATA / "study-ok", study)
    assert roster(study).languages == ("en", "pl", "pt")
    text = (study / "study.yml").read_text(encoding="utf-8").replace("languages: [en, pt, pl]", "languages: [en, fi]")
    (study / "study.yml").write_text(text, encoding="utf-8")
    assert roster(study).languages == ("en", "fi", "pl", "pt")  # participants.csv's language column too
    assert redact("Rafałin kanssa.", roster(study)) == "[name] kanssa."


# -- (a) a possessive or relation label is someone else --------------------------------------------

@pytest.mark.parametrize("label", ["Jordan's wife", "Jordan’s mum", "Jordan (interpreter)", "Jordan's colleague"])
def test_a_possessive_or_relation_label_is_never_the_participant_by_name(label):
    chosen, how = participant_label({"Jordan": 40, label: 60}, "Jordan Reyes")
    assert chosen == {"Jordan"} and how == "name"
    chosen, how = participant_label({"Sam": 40, label: 60}, "Alex Kim")  # no name fits: most words, not theirs
    assert chosen == {"Sam"}


# -- (b) a time after the label ------------------------------------------------------------------

def test_a_time_after_the_label_is_the_turns_start():
    turns = parse_transcript((DATA / "s13-INT-005-labels.txt").read_text(encoding="utf-8"))
    assert turns["start"].tolist()[:2] == [1.0, 6.0]
    assert turns.loc[turns["speaker"] == "Siobhán", "start"].tolist() == [6.0, 27.0, 48.0]
    assert not turns["text"].str.contains(r"^[\[(]\d", regex=True).any()
    assert turns["text"].iloc[1] == "The one at Harbour, DS-0233. The red light on dock seven was on for weeks."


def test_a_time_after_the_label_every_line_with_a_colon():
    turns = parse_transcript("Jordan: (0:30) We waited.\nAlex: [01:02] Why?\nJordan: (1:02:03) No idea.\n")
    assert turns["start"].tolist() == [30.0, 62.0, 3723.0]
    assert turns["text"].tolist() == ["We waited.", "Why?", "No idea."]


def test_a_label_without_a_time_and_a_bracket_in_the_text_are_kept():
    turns = parse_transcript("Jordan: (laughs) We waited.\nAlex: Why [sic]?\n")
    assert turns["text"].tolist() == ["(laughs) We waited.", "Why [sic]?"]
    assert turns["start"].isna().all()


# -- (c) short Windows-1250 transcripts ----------------------------------------------------------

@pytest.mark.parametrize("name, speaker, said", [
    ("s13-hr-cp1250.txt", "Ivo Matić", "Već sam čekao"),
    ("s13-hu-cp1250.txt", "Szűcs Előd", "nem működött"),
])
def test_a_short_central_european_transcript_is_read_in_windows_1250(name, speaker, said):
    columns, _, problems = read_turns(DATA / name)
    assert columns["speaker"][1] == speaker
    assert said in columns["text"][1]
    assert any("Windows-1250" in p.message for p in problems)


@pytest.mark.parametrize("text, page", [
    ("Matić: Već sam čekao.", "cp1250"), ("Szűcs Előd: Nem tudom.", "cp1250"), ("Đurđa: Da, točno.", "cp1250"),
    ("Ivo Kožić: Kiša.", "cp1250"),
])
def test_short_texts_with_central_european_letters(text, page):
    assert code_page([text.encode("cp1250")]) == page


@pytest.mark.parametrize("text", ["Chloé et Søren: très bien.", "Müller: Jürgen, Straße.", "São Paulo: não, obrigado.",
                                  "Zoë, José et Renée: à côté."])
def test_western_texts_stay_windows_1252(text):
    assert code_page([text.encode("cp1252")]) == "cp1252"


# -- the whole study -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    from kit.analyze import analyze

    root = tmp_path_factory.mktemp("s13fxpriv")
    study = root / "study"
    shutil.copytree(DATA / "study-ok", study)
    shutil.copy(DATA / "em-INT-001.txt", study / "transcripts" / "INT-001.txt")
    shutil.copy(DATA / "em-INT-002.txt", study / "transcripts" / "INT-002.txt")
    shutil.copy(DATA / "s13-INT-005-labels.txt", study / "transcripts" / "INT-005.txt")
    analyze(study, root / "out")
    return pd.read_csv(root / "out" / "turns.csv", keep_default_na=False)


def test_the_study_redacts_the_spoken_emails(analysed):
    text = "\n".join(analysed["text"])
    for word in ("arroba", "ponto", "kropka", "małpa", "asousa", "tomek", "ribeira"):
        assert word not in text
    assert text.count("[email]") >= 5


def test_the_study_reads_the_husband_as_a_third_speaker_and_the_times(analysed):
    rows = analysed[analysed["interview_id"] == "INT-005"]
    husband = rows[rows["text"].str.startswith("She was furious")]
    assert husband["role"].tolist() == ["other"] and husband["speaker"].tolist() != ["P-005"]
    assert rows.loc[rows["role"] == "participant", "start"].tolist() == ["6.0", "27.0", "48.0"]
