"""An attacker's notes that repeat another participant's sentence (a key quote in capitals, an
insight): the drafts leave that sentence out instead of stopping the run (kit.discovery.loop)."""
import shutil
from pathlib import Path

import pytest

PILOT = Path(__file__).resolve().parents[1] / "kit" / "data" / "pilot"
SENTENCE = "We missed it in August by one day and got paid seventy-three days after invoice."


@pytest.mark.parametrize("line", [f'- "{SENTENCE}" (0:40)', f'- "{SENTENCE.upper()}" (0:40)',
                                  f'- "{SENTENCE.replace(" ", "  ")}" (0:40)'])
def test_a_quote_repeating_another_participants_sentence_is_left_out_of_the_drafts(tmp_path, line):
    from kit.discovery.loop import thank_you_drafts, you_said_we_did
    from kit.study import load_study

    root = tmp_path / "study"
    shutil.copytree(PILOT, root)
    note = root / "interviews" / "INT-013.md"
    lines = note.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.strip() == "## Key Quotes") + 1
    lines.insert(at, line)
    note.write_text("\n".join(lines) + "\n", encoding="utf-8")
    study = load_study(root, strict=False)
    assert any(SENTENCE.casefold() in t.casefold() for t in study.turns["text"])  # P-012 said it
    drafts = thank_you_drafts(study)
    mine = drafts.loc[drafts["interview_id"] == "INT-013", "text"].iloc[0]
    assert "seventy-three days" not in mine.casefold()
    assert "Thank you for taking the time" in mine
    for text in you_said_we_did(study)["text"]:
        if "To: P-012" not in text:
            assert "seventy-three days after" not in text.casefold()
