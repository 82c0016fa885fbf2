"""Attacker s17 A1-A3, A11-A13, A17, A19-A21 and newcomer s17 F18: a roster person written another
way (another script's usual Latin spelling, given name first, a short form, a spelling one sound
off, a Welsh mutation, split by a filler), contact details written otherwise (a phone said in words
after one in digits, a %-escaped email, a spaced national insurance number, a card number), a large
number that is no phone, suggested themes from the published words, and the study path a
published notebook records."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kit.privacy import redact, roster

DATA = Path(__file__).parent / "data" / "attack-s17"
BUS = Path(__file__).parent / "data" / "newcomer-bus"


def _study(tmp_path: Path, participants: Path, languages=None) -> Path:
    folder = tmp_path / "study"
    folder.mkdir(parents=True)
    shutil.copy(participants, folder / "participants.csv")
    yml = "research_question: How do people pay invoices?\n"
    if languages:
        yml += f"languages: [{', '.join(languages)}]\n"
    (folder / "study.yml").write_text(yml, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def s1(tmp_path_factory):
    return roster(_study(tmp_path_factory.mktemp("s1"), DATA / "names-participants.csv"))


def _said(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def test_other_scripts_usual_latin_spellings_and_orders_are_redacted(s1):
    """A1, A2: Dmitri for Дмитрий; Wei Wang (given name first) as Wang Wei is."""
    dmitri = redact(_said(DATA / "names-INT-003.txt"), s1)
    assert "Dmitri" not in _words(dmitri) and "Volkov" not in dmitri
    wang = redact(_said(DATA / "names-INT-004.txt"), s1)
    assert "Wei Wang" not in wang and "Wang Wei" not in wang
    assert redact("Yuri and Dmitri met Wei Wang.", s1).count("[name]") == 2  # Yuri is nobody's


def test_short_forms_spelling_variants_and_fillers_are_redacted(s1):
    """A3: Elisabeth, Eliz- um -abeth, Liz, Lizzie, Ann-Marie, Zoës."""
    liz = redact(_said(DATA / "names-INT-001.vtt"), s1)
    for word in ("Elisabeth", "Liz", "Lizzie", "Eliz", "abeth"):
        assert word not in _words(liz), word
    anne = redact(_said(DATA / "names-INT-002.srt"), s1)
    assert "Ann" not in _words(anne) and "Marie" not in _words(anne)
    zoe = redact(_said(DATA / "names-INT-007.vtt"), s1)
    assert "Zoës" not in zoe and "Zoes" not in zoe
    assert redact("Kev sent it, Beth paid.", s1) == "[name] sent it, [name] paid."
    # a word that only looks like a split name stays; so does a filler between two words
    assert redact("a well- um -known tool", s1) == "a well- um -known tool"


def test_everyday_short_forms_are_not_names():
    """A short form that is an everyday word (Will, Bill for William) is not added: the roster's
    own rules for everyday words decide such parts."""
    from kit.privacy import Roster
    from kit.privacy_forms import other_forms

    people = Roster(names=("William Bell",), parts=("William", "Bell"))
    assert redact("I will pay the bill on time.", people) == "I will pay the bill on time."
    assert "bill" not in other_forms("william", True, everyday=frozenset({"bill", "will"}))
    assert redact("Willie paid.", people) == "[name] paid."


def test_arabic_name_with_final_h_is_redacted(tmp_path):
    """A20: Fatimah for roster Fatima Benali."""
    people = roster(_study(tmp_path, DATA / "scripts-participants.csv", ["en", "ar", "ru", "hi", "zh"]))
    shown = redact(_said(DATA / "scripts-INT-001.txt"), people)
    assert "Fatimah" not in shown
    assert "Faten" in shown  # another name, not one sound off


def test_welsh_mutations_of_roster_names_are_redacted_where_welsh_is_declared(tmp_path):
    """F18: Fethan (Bethan), Ddai (Dai) after Welsh words, in a study that declares cy."""
    sentence = _said(BUS / "mutation-INT-003.txt")
    welsh = roster(_study(tmp_path / "cy", BUS / "mutation-participants.csv", ["en", "cy"]))
    shown = redact(sentence, welsh)
    assert "Fethan" not in shown and "Ddai" not in shown
    assert shown.count("[name]") == 2
    assert redact("Mae Methan a Nai yma; dim ond fethan.", welsh) == "Mae [name] a [name] yma; dim ond fethan."
    english = roster(_study(tmp_path / "en", BUS / "mutation-participants.csv", ["en"]))
    assert "Fethan" in redact(sentence, english)  # no Welsh declared: no mutations looked for


def test_phones_said_in_words_beside_written_ones(s1):
    """A12: a spoken phone right after a written one, in a list, after +44."""
    shown = redact(_said(DATA / "contacts-phones.txt"), s1)
    assert "two oh two" not in shown and "seven seven" not in shown
    assert "4111" not in shown  # a card number (Luhn) is an id
    assert redact("paid 300, two or three times", s1) == "paid 300, two or three times"


def test_escaped_and_spelt_out_emails_and_spaced_ni_numbers(s1):
    """A13: mailto:%40 addresses (anyone's), a domain of two words said aloud, QQ 12 34 56 C."""
    shown = redact(_said(DATA / "contacts-INT-001.txt"), s1)
    assert "%40" not in shown and "bob" not in shown
    assert "QQ 12" not in shown and "QQ123456C" not in shown
    spelt = redact("My accountant is bob dot smith at acme accounts dot co dot uk.", s1)
    assert spelt == "My accountant is [email]."
    assert redact("student number s2139904 A lot", s1) == "student number [id] A lot"


def test_batch_sends_escaped_emails_to_redaction(s1):
    from kit.privacy import Roster
    from kit.privacy_batch import unredacted

    texts = ["mail jane.doe%40example.com now", "50% off", "hello 12 34"]
    for people in (s1, Roster(), None):
        quiet = unredacted(texts, people)
        assert "mail jane.doe%40example.com now" not in quiet
        assert "50% off" in quiet or people is s1  # with a roster any %-escape is decoded first


def test_a_large_round_number_is_no_phone(s1):
    """A19: 99999999999999 and 1000000000000 are amounts; a real number is still a phone."""
    assert redact("cadence_days: 99999999999999", s1) == "cadence_days: 99999999999999"
    assert redact("budget: 1000000000000", s1) == "budget: 1000000000000"
    assert redact("call 07700 900123 or 2025550143", s1) == "call [phone] or [phone]"


def test_check_says_the_true_reason_for_a_large_number(tmp_path):
    from kit.study import load_study

    folder = _study(tmp_path, DATA / "names-participants.csv")
    (folder / "study.yml").write_text("research_question: How?\ncadence_days: 99999999999999\n"
                                      "note: call 020 7946 0958\n", encoding="utf-8")
    study = load_study(folder, strict=False)
    messages = [p.message for p in study.problems if "cadence_days" in p.message]
    assert messages and "at most 3660" in messages[0] and "[phone]" not in messages[0]
    from kit.study_check_names import published_secrets

    warnings = [p.message for p in published_secrets(study) if p.line == 3]
    assert warnings and "participants.csv" not in warnings[0] and "[phone]" in warnings[0]


def test_code_named_by_a_short_form_is_warned(tmp_path):
    """A11: a code named lizzie-... or Dmitri-... is shown redacted: check warns at its line."""
    from kit.study import load_study
    from kit.study_check_names import code_name_secrets

    folder = _study(tmp_path, DATA / "names-participants.csv")
    shutil.copy(DATA / "labels-codebook.yml", folder / "codebook.yml")
    problems = code_name_secrets(load_study(folder, strict=False))
    assert len(problems) >= 2
    assert all("lizzie" not in p.message.lower() and "dmitri" not in p.message.lower() for p in problems)


def test_suggested_themes_count_published_words(tmp_path):
    """A21: an email said in words never becomes a theme term."""
    from kit.privacy_batch import published_words

    folder = _study(tmp_path, DATA / "names-participants.csv")
    texts = _said(DATA / "themes-wombat-INT-001.txt").splitlines()
    words = " ".join(published_words(texts, folder))
    assert "wombatfalcon" not in words and "[email]" not in words and "email" not in _words(words)
    assert published_words(["nothing to hide here"], folder) == ["nothing to hide here"]


def test_discovered_theme_labels_hold_no_email_part(tmp_path):
    from kit.theme_discovery import discover_themes

    folder = _study(tmp_path, DATA / "names-participants.csv")
    (folder / "transcripts").mkdir()
    shutil.copy(DATA / "themes-wombat-INT-001.txt", folder / "transcripts" / "INT-001.txt")
    (folder / "interviews").mkdir()
    shutil.copy(DATA / "themes-INT-001.md", folder / "interviews" / "INT-001.md")
    result = discover_themes(folder)
    assert len(result.themes)  # the passages make a theme
    shown = " ".join(result.themes["label"].astype(str)) + " " + " ".join(result.themes["terms"].astype(str))
    assert "wombatfalcon" not in shown and "dot com" not in shown


def test_published_notebook_parameters_hold_no_machine_path():
    """A17: the study by its folder name, redacted; the build folder as the report itself."""
    from kit.privacy import Roster
    from kit.privacy_params import publish_parameters

    people = Roster(names=("Jane Doe",), parts=("Jane", "Doe"))
    parameters = {"study_dir": "/home/me/studies/jane-doe-followup", "out_dir": "/home/me/.rj.building-12-ab",
                  "private_dir": "/home/me/.rj.building-12-private-cd", "sprint": ""}
    nb = {"metadata": {"papermill": {"parameters": dict(parameters),
                                     "output_path": "/home/me/.rj.building-12-ab/notebooks/01.ipynb"}},
          "cells": [{"cell_type": "code", "source": 'study_dir = "/home/me/studies/jane-doe-followup"\n'
                                                    'out_dir = "/home/me/.rj.building-12-ab"\n',
                     "outputs": [{"text": "wrote /home/me/.rj.building-12-ab/tables/x.csv\n"}]}]}
    publish_parameters(nb, parameters, people)
    text = repr(nb)
    assert "/home/me" not in text and "Jane" not in text and "jane" not in text
    assert 'study_dir = "[name]-followup"' in nb["cells"][0]["source"]
    assert nb["metadata"]["papermill"]["parameters"]["private_dir"] == "../rj-private"
    assert nb["cells"][0]["outputs"][0]["text"] == "wrote ./tables/x.csv\n"


def test_leak_places_say_where_without_the_secret(tmp_path):
    """A17: a refused run says which file and line, with the line redacted."""
    from kit.privacy import Roster
    from kit.privacy_params import leak_places

    people = Roster(names=("Jane Doe",), parts=("Jane", "Doe"))
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01.ipynb").write_text('{\n "source": "study_dir = \\"/home/me/jane-doe-followup\\""\n}\n',
                                                     encoding="utf-8")
    places = leak_places(tmp_path, ["notebooks/01.ipynb", "tables/jane_doe.csv"], people)
    assert places[0].startswith("notebooks/01.ipynb:2 (") and "[name]-followup" in places[0]
    assert places[1] == "tables/[name].csv (its file name)"
    assert not any("jane" in p.lower() or "doe" in p.lower() for p in places)


@pytest.mark.slow  # pilot_run: the whole pipeline on the pilot (about 45 s of CPU); the fast twin is above
def test_pilot_notebooks_record_no_machine_path(pilot_run):
    """A17: the executed notebooks of a run name the study by its folder, the report as "."."""
    import kit

    study = str(kit.paths.pilot_path().resolve())
    for notebook in sorted((pilot_run / "notebooks").glob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        assert study not in text and ".building-" not in text, notebook.name
        assert 'out_dir = \\".\\"' in text, notebook.name


@pytest.mark.slow  # a whole run (about a minute)
def test_a_study_folder_named_for_its_participant_runs(tmp_path):
    """A17: a study folder named after its participant no longer fails the privacy check."""
    import kit
    from kit.pipeline import run

    pilot = kit.paths.pilot_path()
    first = str(kit.load_study(pilot).participants["name"].iloc[0])
    folder = tmp_path / (first.lower().replace(" ", "-") + "-followup")
    shutil.copytree(pilot, folder)
    index = run(folder, tmp_path / "report", progress=False)
    notebooks = "".join(p.read_text(encoding="utf-8") for p in (index.parent / "notebooks").glob("*.ipynb"))
    assert "[name]-followup" in notebooks and str(tmp_path) not in notebooks
