"""Attack s8, fault 8: names written in the forms a text can hide a name in (HTML character
references, %-escapes, backslash escapes, Markdown/HTML emphasis inside a word,
letter-spacing) passed redaction: the index stored ``Siobh\\u00e1n`` and published tables kept
``O&#39;Neill``, ``**Sio**bhán``, ``Sio<b>bhán</b>``, ``Siobh%C3%A1n``; a letter-spaced roster
email became ``s i o b h a n . o n e i l [email]``. The attacker's study is
tests/data/attack-s8/repo-priv/s1 (its note's Insights hold every form)."""
from __future__ import annotations

import html
import re
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from kit.privacy import Roster, _name_parts, find_leaks, redact, redact_markup
from kit.privacy_decode import decoded, hides

DATA = Path(__file__).parent / "data" / "attack-s8" / "repo-priv"
NAME, EMAIL = "Siobhán O'Neill", "siobhan.oneill@example.com"
PEOPLE = Roster(names=(NAME,), parts=tuple(_name_parts([NAME])), emails=(EMAIL,))
HIDDEN = ["Entity O&#39;Neill marker4.", "Hex entity O&#x27;Neill.", "Siobh&aacute;n.", "Siobh&#225;n wrote",
          "Percent Siobh%C3%A1n marker5", r"Escaped Siobh\u00e1n marker10", r"and Siobh\xe1n marker11.",
          "In markdown **Sio**bhán", "Sio<b>bhán</b> marker15.", "__O'__Neill", "s i o b h a n said",
          "Email spaced s i o b h a n . o n e i l l @ example . com marker14."]


def _seen(text: str) -> str:
    """What a reader makes of ``text`` (an independent reading, not the kit's): entities,
    %-escapes and backslash escapes decoded, tags and emphasis marks left out, letter-spaced
    runs closed up, accents dropped, lower case."""
    text = html.unescape(text)
    text = unquote(text)
    text = re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})", lambda m: chr(int(m.group(1)[1:], 16)), text)
    text = re.sub(r"<[^<>]*>|\*|_", "", text)
    text = re.sub(r"\b(\w) (?=\w\b)", r"\1", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def _no_name(text: str) -> None:
    seen = _seen(text)
    assert "siobhan" not in seen and "neill" not in seen, text


@pytest.mark.parametrize("text", HIDDEN)
def test_hidden_forms_are_redacted(text):
    _no_name(redact(text, PEOPLE))
    assert "marker" not in text or re.search(r"marker\d+", redact(text, PEOPLE))  # the rest is kept


def test_the_attackers_note_holds_no_name_once_redacted():
    note = (DATA / "s1" / "interviews" / "INT-001.md").read_text(encoding="utf-8")
    lines = [line for line in note.splitlines() if re.search(r"marker(4|5|10|11|14|15)\b", line)]
    assert len(lines) == 5
    for line in lines:
        _no_name(redact(line, PEOPLE))


def test_letter_spaced_roster_email_is_replaced_whole():
    out = redact("Email spaced s i o b h a n . o n e i l l @ example . com marker14.", PEOPLE)
    assert out == "Email spaced [email] marker14."


def test_markup_with_emphasis_inside_a_word():
    out = redact_markup("<td>In markdown Sio<b>bhán</b> and O&#39;Neill marker15.</td>", PEOPLE)
    _no_name(out)
    assert out.startswith("<td>In markdown [name]") and out.endswith("marker15.</td>")


# the leak check looks for whole names and emails
WHOLE = ["Siobh%C3%A1n O%27Neill", "Siobh&aacute;n O&#39;Neill", r"Siobh\u00e1n O\u2019Neill", "**Sio**bhán O'Neill",
         "Sio<b>bhán</b> O'Neill", "s i o b h a n o n e i l l", "s i o b h a n . o n e i l l @ example . com"]


@pytest.mark.parametrize("text", WHOLE)
def test_leak_check_sees_hidden_forms(tmp_path, text):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "evidence.csv").write_text(f"id,text\n1,{text}\n", encoding="utf-8")
    assert find_leaks(tmp_path, PEOPLE) == ["tables/evidence.csv"]


@pytest.mark.parametrize("text", ["The invoice went out at the end of the month.", "I moved 50% of it, a & b.",
                                  "We use C# and *nix <sometimes>.", "Plan A or plan B, then x y."])
def test_plain_texts_are_untouched(text):
    assert redact(text, PEOPLE) == text


def test_plain_texts_take_the_plain_path():
    # the quick test says no for texts without a hiding character or letter-spaced run
    assert not hides("The invoice went out at the end of the month and nothing came back.")
    assert not hides("I am a bit late")
    assert hides("s i o b") and hides("x%C3") and hides("é &amp;")
    assert decoded("Nothing to decode in 50 % here") is None


def test_decoded_maps_back_to_the_text_as_written():
    text = "Sio<b>bhán</b> O&#39;Neill"
    shown, starts, ends = decoded(text)
    assert shown == "Siobhán O'Neill"
    i = shown.index("'")
    assert text[starts[i]:ends[i]] == "&#39;"


@pytest.mark.slow
def test_index_and_search_hold_no_escaped_name(tmp_path, capsys):
    from kit.cli import main

    shutil.copytree(DATA, tmp_path / "repo")
    main(["index", str(tmp_path / "repo")])
    for query in ("Siobh", "u00e1n", "Neill"):
        capsys.readouterr()
        main(["search", str(tmp_path / "repo"), query])
        assert "no matches" in capsys.readouterr().out, query
    capsys.readouterr()
    main(["search", str(tmp_path / "repo"), "marker10"])
    out = capsys.readouterr().out
    assert "marker10" in out and "[name]" in out
    _no_name(out)
