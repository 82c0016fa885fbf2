"""Session 10 attack, faults N: roster names in every script are private as the Latin ones are.

Every roster name part, in any script, is matched whatever its case-ness; the "a lone first
name or surname needs a capital" rule applies only to scripts with case; a script written
without spaces needs no word boundary; a match takes the combining marks after its letters; the
leak scan of ``run``, check's study.yml scan and the file names shown use the same matcher.
The attacker's studies are under tests/data/attack-s10-names/ (README.attack in each)."""
from __future__ import annotations

import random
import shutil
import unicodedata
from pathlib import Path

import pytest

from kit.privacy import NAME_MARK, Roster, find_leaks, redact, roster
from kit.privacy_batch import unredacted

DATA = Path(__file__).parent / "data" / "attack-s10-names"

# (script, given name, surname): names written for this test, one or two per script.
SPACED = [
    ("Devanagari", "प्रिया", "शर्मा"), ("Bengali", "সুমন", "চৌধুরী"), ("Tamil", "கார்த்திக்", "ராஜா"),
    ("Telugu", "శ్రీనివాస్", "రెడ్డి"), ("Gujarati", "હાર્દિક", "પટેલ"), ("Gurmukhi", "ਗੁਰਪ੍ਰੀਤ", "ਸੰਧੂ"),
    ("Kannada", "ಅನಿಲ್", "ಕುಮಾರ್"), ("Malayalam", "അനിൽ", "മേനോൻ"), ("Sinhala", "නිමල්", "පෙරේරා"),
    ("Arabic", "محمد", "العلي"), ("Persian", "فاطمه", "رضایی"), ("Urdu", "عائشہ", "خان"),
    ("Hebrew", "דוד", "כהן"), ("Georgian", "გიორგი", "ბერიძე"), ("Armenian", "Արամ", "Պետրոսյան"),
    ("Ethiopic", "አበበ", "በቀለ"), ("Greek", "Αλέξανδρος", "Παπαδόπουλος"), ("Cyrillic", "Дмитрий", "Иванов"),
]
# Scripts written without spaces between words: the name, then the words after it, joined.
UNSPACED = [
    ("Han", "王伟", "告诉我了。"), ("Han (Japanese)", "田中 太郎", "さんが言った。"), ("Kana", "さくら", "さんが言った。"),
    ("Katakana", "ケンジ", "さんが言った。"), ("Hangul", "김민준", "이 말했다."), ("Thai", "สมชาย ใจดี", "บอกว่า"),
    ("Lao", "ສົມພອນ ແກ້ວມະນີ", "ເວົ້າວ່າ"), ("Khmer", "សុខា ចាន់", "និយាយ"), ("Myanmar", "အောင်အောင် ကျော်", "ပြောတယ်"),
]


def _letters(name: str) -> set[str]:
    return {ch for ch in unicodedata.normalize("NFC", name) if not ch.isspace()}


@pytest.mark.parametrize("script, given, surname", SPACED, ids=[s[0] for s in SPACED])
def test_a_name_in_a_spaced_script_is_redacted_whole_and_by_part(script, given, surname):
    full = f"{given} {surname}"
    people = Roster(names=(full,), parts=tuple(roster_parts(full)))
    variants = {
        f"{full} told me.": "[name] told me.",
        f"I asked {given}.": "I asked [name].",
        f"{surname} said so, {given} agreed": "[name] said so, [name] agreed",
        f"({full})": "([name])",
        f"transcripts/{given}_{surname}.vtt": "transcripts/[name].vtt",
        f"{unicodedata.normalize('NFD', full)} told me.": "[name] told me.",  # decomposed
        f"{given[0]}\u200b{given[1:]} {surname} told me.": "[name] told me.",  # a zero-width space inside
    }
    for text, expected in variants.items():
        assert redact(text, people) == expected, (script, text)
    assert redact(f"{full} told me.", people, names=False) == f"{full} told me."  # names kept when asked


def roster_parts(full: str):
    from kit.privacy import _name_parts

    return _name_parts([full])


@pytest.mark.parametrize("script, name, after", UNSPACED, ids=[s[0] for s in UNSPACED])
def test_a_name_in_an_unspaced_script_needs_no_word_boundary(script, name, after):
    people = Roster(names=(name,), parts=tuple(roster_parts(name)))
    joined = name.replace(" ", "")
    assert redact(f"{joined}{after}", people) == f"{NAME_MARK}{after}", script
    assert redact(f"{name} told me.", people) == "[name] told me.", script
    assert redact(f"I asked {joined}.", people) == "I asked [name].", script
    for part in name.split():
        if len(part) >= 2:
            assert redact(f"{part}{after}", people) == f"{NAME_MARK}{after}", (script, part)


def test_a_lone_first_name_or_surname_in_a_caseless_script_is_redacted():
    people = roster(DATA / "name-scripts")
    for lone in ("محمد", "العلي", "प्रिया", "शर्मा", "דוד", "כהן", "สมชาย", "ใจดี", "გიორგი", "ბერიძე", "Արամ"):
        assert redact(f"{lone} chases by phone", people) == "[name] chases by phone", lone
    variants = roster(DATA / "name-variants")
    for lone in ("太郎", "田中", "민준", "김민준", "Delacruz", "DeLaCruz", "de la Cruz"):
        assert redact(f"{lone} said.", variants) == "[name] said.", lone


def test_marks_on_the_letters_do_not_hide_a_name():
    people = roster(DATA / "name-scripts")
    for marked in ("مُحَمَّد", "דָּוִד", "כֹּהֵן"):  # Arabic harakat, Hebrew niqqud
        assert redact(f"{marked} said", people) == "[name] said", marked


def test_a_thai_name_takes_its_vowel_marks_with_it():
    people = roster(DATA / "name-scripts")
    assert redact("สมชาย ใจดี told me.", people) == "[name] told me."
    assert redact("ใจดี", people) == NAME_MARK  # not "[name]ี"


def test_the_attackers_transcript_names_nobody():
    people = roster(DATA / "name-scripts")
    parts = [p for n in people.names for p in n.split() if len(p) >= 2]
    text = (DATA / "name-scripts" / "transcripts" / "INT-001.txt").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        said = redact(line.split(":", 1)[1], people)
        assert NAME_MARK in said and not any(p in said for p in parts), (line, said)


# The attacker's name-variants lines that must read [name]: every roster name and part as
# written, in any case, NFD, spaced, escaped, with look-alike letters or invisible characters.
# Left out on purpose: romanisations of a name written in another script (Dmitry, Alexandros,
# Wang Wei, Taro, Tanaka), one-letter Han/Hangul parts (王, 伟, 김), "willpower" (an everyday
# word, only capitalised), misspellings (Straus) and "Da-na".
_NOT_IN_SCOPE = ("Dmitry", "Alexandros", "Wang Wei", "Taro", "Tanaka", "王 ", "伟 ", "김 ", "willpower", "Straus ",
                 "Da-na", "@", " at ", "(at)", "＠")


def test_the_attackers_name_variants():
    people = roster(DATA / "name-variants")
    text = (DATA / "name-variants" / "transcripts" / "INT-001.txt").read_text(encoding="utf-8")
    checked = 0
    for line in text.splitlines()[1:]:
        said = line.split(":", 1)[1]
        if any(x in said for x in _NOT_IN_SCOPE):
            continue
        out = redact(said, people)
        assert out.lstrip().startswith(NAME_MARK) or "I asked [name]" in out or "I met [name]" in out, (said, out)
        checked += 1
    assert checked >= 50


@pytest.mark.slow  # a 3,000-name roster: over 1.5 s (tests/README.md)
def test_at_scale_lone_caseless_names_are_redacted():
    rng = random.Random(10)
    latin = [f"{g} {s}" for g in ("Ana", "Ben", "Chloe", "Dev", "Eun") for s in ("Okafor", "Lopez", "Smith")]
    others = [f"{g} {s}" for _, g, s in SPACED] + [n for _, n, _ in UNSPACED]
    names = [f"{rng.choice(latin)}{i}" for i in range(3000)]
    names[::100] = others + names[len(others) * 100::100]  # spread among them
    people = Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(roster_parts_many(names))))
    assert redact("محمد chases by phone; דוד and כהן too.", people) == "[name] chases by phone; [name] and [name] too."
    assert redact("გიორგი said 王伟告诉我了", people) == "[name] said [name]告诉我了"


def roster_parts_many(names):
    from kit.privacy import _name_parts

    return _name_parts(names)


def test_unredacted_stays_a_proof_for_every_script():
    """privacy_batch.unredacted names only texts redaction leaves as they are: a name in any
    script, also written with ASCII escapes (entities, %-escapes, \\u escapes), is never among them."""
    others = [f"{g} {s}" for _, g, s in SPACED] + [n for _, n, _ in UNSPACED]
    people = Roster(names=tuple(others), parts=tuple(roster_parts_many(others)))
    texts = []
    for name in others:
        first = name.split()[0]
        texts += [f"{first} said", name, "&#" + ";&#".join(str(ord(c)) for c in first) + "; said",
                  "".join(f"%{b:02X}" for b in first.encode()) + " said",
                  first.encode("unicode_escape").decode("ascii") + " said", "nothing to see here"]
    quiet = unredacted(texts, people)
    assert "nothing to see here" in quiet
    for text in quiet:
        assert redact(text, people) == text, text
    for text in texts[:6]:
        assert text in quiet or redact(text, people) != text


def test_check_flags_every_script_in_study_yml():
    from kit.study import as_study
    from kit.study_check_names import published_secrets

    problems = published_secrets(as_study(DATA / "studyyml-names", strict=False))
    assert sorted(p.line for p in problems) == [3, 4, 5, 6]  # Devanagari, Latin, Arabic, Hebrew


def test_the_leak_scan_finds_a_full_name_in_any_script(tmp_path):
    people = roster(DATA / "name-scripts")
    (tmp_path / "quotes.csv").write_text("text\nप्रिया शर्मा told me the invoice was late.\n", encoding="utf-8")
    (tmp_path / "ok.csv").write_text("text\n[name] told me.\n", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>สมชาย ใจดี</p>", encoding="utf-8")
    (tmp_path / "דוד_כהן.txt").write_text("nothing", encoding="utf-8")
    assert find_leaks(tmp_path, people) == ["index.html", "quotes.csv", "דוד_כהן.txt"]


@pytest.mark.slow  # two commands on a study: about 6 s
def test_check_and_review_show_no_name_in_file_names(tmp_path, capsys):
    from kit.cli import main

    study = tmp_path / "study"
    shutil.copytree(DATA / "name-filenames", study)
    for command in ("check", "review"):
        main([command, str(study)])
        shown = capsys.readouterr()
        for name in ("प्रिया", "शर्मा", "דוד", "محمد", "العلي", "siobhan", "oneill"):
            assert name not in shown.out + shown.err, (command, name)
        assert "[name].vtt" in shown.out + shown.err


def test_search_highlights_whole_grapheme_clusters():
    from kit.discovery.search import whole_graphemes

    assert whole_graphemes("x «प्रिय»ा told «me»") == "x «प्रिया» told «me»"
    assert whole_graphemes("«ก»ี and «a»") == "«กี» and «a»"
    assert whole_graphemes("plain «ascii» stays") == "plain «ascii» stays"
    assert whole_graphemes("«guillemets» « alone") == "«guillemets» « alone"  # unpaired: as it is


@pytest.mark.parametrize("full, text", [("ジョン・スミス", "ジョン・スミスさんが言った"), ("ジョン・スミス", "スミスさんが言った"),
                                        ("བསྟན་འཛིན ནོར་བུ", "བསྟན་འཛིན said"), ("Gal·la Puig", "Gal·la said")])
def test_names_joined_by_a_middle_dot_or_a_syllable_mark(full, text):
    people = Roster(names=(full,), parts=tuple(roster_parts(full)))
    assert NAME_MARK in redact(text, people) and not any(p in redact(text, people) for p in ("ジョン", "スミス", "Gal"))


@pytest.mark.parametrize("text", ["ومحمد said", "والعلي said", "بمحمد said", "לדוד said", "והכהן said",
                                  "გიორგიმ said", "Արամին said", "ராஜாவிடம் said", "সুমনের said"])
def test_a_name_with_letters_written_onto_it(text):
    """Arabic and Hebrew write conjunctions, prepositions and the article onto the word after
    them; Georgian, Armenian, Tamil and Bengali add case endings: the word is still the name."""
    names = [f"{g} {s}" for _, g, s in SPACED]
    people = Roster(names=tuple(names), parts=tuple(roster_parts_many(names)))
    assert redact(text, people) == "[name] said"


def test_endings_do_not_make_a_short_name_of_an_everyday_word():
    people = roster(DATA / "name-scripts")  # علي (Ali) is on it: عليه ("on him") is not the name
    assert redact("عليه السلام", people) == "عليه السلام"


def test_search_shows_a_devanagari_match_whole(tmp_path):
    from kit.discovery.search import search

    study = tmp_path / "research" / "2026-S01"
    shutil.copytree(DATA / "name-scripts", study)
    with (study / "transcripts" / "INT-001.txt").open("a", encoding="utf-8") as f:
        f.write("Dana Okafor: यह सुविधा अच्छी है।\n")  # "this facility is good": SQLite splits सुविधा at its vowel signs
    for query in ("सुविधा", "सुविध"):
        found = search(tmp_path / "research", query)
        assert found.attrs["total"] == 1
        assert "«सुविधा»" in found.snippet.iloc[0], found.snippet.iloc[0]
    assert search(tmp_path / "research", "प्रिया").attrs["total"] == 0  # a roster name: not in the index


def test_a_declined_russian_or_greek_name():
    people = roster(DATA / "name-variants")  # Дмитрий Иванов, Αλέξανδρος Παπαδόπουλος
    for declined in ("Дмитрию", "Дмитрием", "Иванову", "Αλέξανδρου", "Παπαδόπουλου"):
        assert redact(f"{declined} said", people) == "[name] said", declined
    assert redact("роман и дом", people) == "роман и дом"  # words that are no name stay
