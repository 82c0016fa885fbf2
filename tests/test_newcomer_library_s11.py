"""Faults a newcomer found in session 11 (a library service's UX researcher: members, staff and
volunteers; library-card numbers on the participant sheet and said aloud in transcripts)."""
from __future__ import annotations

import pytest

from kit.privacy import Roster, redact


CARD = "29000012345678"
ROSTER = Roster(names=("Margaret Jones",), parts=("Margaret", "Jones"), ids=(CARD, "s2139904"))


@pytest.mark.parametrize("said", [CARD, "2900 0012 3456 78", "2900-0012-3456-78", "(2900) 0012 345678"])
def test_a_card_number_said_aloud_is_an_identifier_not_a_phone(said):
    text = f"My card number is {said} and they still couldn't find it."
    out = redact(text, ROSTER)
    assert "[id]" in out and "[phone]" not in out, out
    assert "3456" not in out
    # --include-names keeps a roster identifier's value, as README says (session 14 F8), and never as a phone
    assert redact(text, ROSTER, names=False) == text


def test_a_phone_number_is_still_a_phone_beside_a_roster_of_card_numbers():
    out = redact("Ring me on 01970 612345 or 29000012345679.", ROSTER)
    assert out == "Ring me on [phone] or [phone]."


def test_an_identifier_too_short_for_a_phone_is_left_to_the_name_matcher():
    assert redact("my id is s2139904", ROSTER) == "my id is [id]"
    assert redact("my id is s2139904", ROSTER, names=False) == "my id is s2139904"


def _study(tmp_path, header: str, row: str):
    from kit.scaffold import new_study

    root = tmp_path / "study"
    new_study(root)
    (root / "participants.csv").write_text(header + "\n" + row + "\n", encoding="utf-8")
    return root


def test_a_bilingual_consent_header_is_read_and_said(tmp_path):
    from kit.study import load_study

    root = _study(tmp_path, "id,Enw / Name,Caniatâd dyfynnu / consent_quote,status",
                  "P-001,Siân Jones,yes,completed")
    study = load_study(root, strict=False)
    person = study.participants.set_index("id").loc["P-001"]
    assert bool(person["consent_quote"]) is True
    assert person["name"] == "Siân Jones"  # read as the name column, so redacted everywhere
    said = [p.message for p in study.problems if p.line == 1 and p.path.endswith("participants.csv")]
    assert any("'Caniatâd dyfynnu / consent_quote' is read as 'consent_quote'" in m for m in said), said
    assert any("'Enw / Name' is read as 'name'" in m for m in said), said


def test_no_consent_quote_column_is_a_warning_not_silence(tmp_path):
    from kit.study import load_study

    root = _study(tmp_path, "id,name,Remarks,status", "P-001,Siân Jones,yes,completed")  # (s16: "Quote permission" is read)
    study = load_study(root, strict=False)
    assert not study.participants["consent_quote"].astype(bool).any()
    said = [p for p in study.problems if p.path.endswith("participants.csv")]
    assert any(p.line == 1 and "no consent_quote column" in p.message and p.level == "warning" for p in said)
    assert all("Siân" not in p.message for p in said)


def test_the_leak_scan_reads_a_shared_style_sheet_once_and_still_finds_a_name_in_it(tmp_path):
    from kit.privacy import find_leaks

    roster = Roster(names=("Margaret Jones",), parts=("Margaret", "Jones"))
    style = "<style>body { color: red; }\n" + "p { margin: 0 }\n" * 2000 + "</style>"
    for i in range(3):
        (tmp_path / f"page{i}.html").write_text(f"<html><head>{style}</head><body>Page {i}</body></html>")
    assert find_leaks(tmp_path, roster) == []
    # a name inside the (shared) style element is a leak on every page that carries it
    named = "<style>/* made for Margaret Jones */ body { color: red; }</style>"
    (tmp_path / "a.html").write_text(f"<html><head>{named}</head><body>A</body></html>")
    (tmp_path / "b.html").write_text(f"<html><head>{named}</head><body>B</body></html>")
    assert find_leaks(tmp_path, roster) == ["a.html", "b.html"]
    # a name split around a style element is still the name a reader sees
    (tmp_path / "c.html").write_text(f"<html><body>Margaret{style}Jones</body></html>")
    assert "c.html" in find_leaks(tmp_path, roster)
