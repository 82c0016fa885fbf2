"""Speaker labels written with invisible characters or look-alike letters (attack: a third
person's ``Sa\\u200bm Doe:`` was silently merged into the participant's turn, so their words
were published as the participant's, while ``Bob Stone:`` got a warning), and the warning for
a label read as another spelling, which said nothing once its names were redacted (newcomer:
"speaker label '[name]' read as '[name]'")."""
from __future__ import annotations

import pytest

from conftest import PARTICIPANTS, write
from kit.cli import main
from kit.errors import Problem
from kit.outputs import Outputs
from kit.privacy import Roster, _name_parts
from kit.speaker_roles import first_line_of, label_differences, label_key, plain_label, variants_problem
from kit.transcripts import parse_transcript

# invisible characters of several kinds: zero-width space, non-joiner, joiner, word joiner, soft
# hyphen, left-to-right mark, right-to-left override, byte order mark, combining grapheme joiner,
# a variation selector, a Hangul filler
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u202e", "\ufeff", "\u034f",
             "\ufe0f", "\u3164"]

TRANSCRIPT = """Alex Morgan: Tell me about the last time?
Jordan: It was late.
{label}: I think he should switch banks entirely.
Alex Morgan: What happened next?
Jordan: Nothing.
Bob Stone: hmm.
"""


def _warnings(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in parse_transcript(text).attrs["problems"]]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_unknown_label_is_reported_whatever_invisible_characters_it_holds(mark):
    plain = _warnings(TRANSCRIPT.format(label="Sam Doe"))
    assert any(line == 3 and "'Sam Doe:' looks like a speaker label" in m for line, m in plain)
    hidden = _warnings(TRANSCRIPT.format(label=f"Sa{mark}m D{mark}oe"))
    # the same warnings, at the same lines, and (a turn of its own since session 11) how it is spelt
    assert [w for w in hidden if "read as 'Sam Doe'" not in w[1]] == plain
    assert [line for line, m in hidden if "read as 'Sam Doe'" in m] in ([3], [])  # a BOM is gone before
    assert len([m for _, m in hidden if "used only once" in m]) == 2  # Sam Doe and Bob Stone


def test_a_label_used_twice_with_an_invisible_character_is_a_speaker_of_its_own():
    text = TRANSCRIPT.format(label="Sa\u200bm Doe") + "Sa\u200bm Doe: And another thing.\n"
    df = parse_transcript(text)
    assert df["speaker"].tolist() == ["Alex Morgan", "Jordan", "Sam Doe", "Alex Morgan", "Jordan", "Bob Stone",
                                      "Sam Doe"]  # Bob Stone, once: a turn of his own (session 11)


@pytest.mark.slow  # a run of check (2-10 s with its first imports)
def test_the_attack_study_warns_at_the_invisible_label(tmp_path, capsys):
    root = tmp_path / "zw"
    write(root / "study.yml", "title: t\nresearch_question: How do people pay?\nteam:\n  - {name: Alex Morgan}\n")
    write(root / "participants.csv", PARTICIPANTS)
    write(root / "interviews" / "INT-001.md", "---\nid: INT-001\ndate: 2026-01-05\nparticipant: P-1\n"
                                              "interviewer: Alex Morgan\ntranscript: INT-001.txt\n---\n")
    (root / "transcripts").mkdir()
    (root / "transcripts" / "INT-001.txt").write_text(TRANSCRIPT.format(label="Ki\u200bm Doe"), encoding="utf-8")
    main(["check", str(root)])
    out = capsys.readouterr().out
    assert "INT-001.txt:3: warning: 'Kim Doe:' looks like a speaker label but is used only once" in out
    # a third speaker's label is a person's name: shown as [name] (newcomer session 15 F8)
    assert "INT-001.txt:6: warning: '[name]:' looks like a speaker label" in out and "Bob Stone" not in out


def test_a_label_used_twice_with_an_invisible_character_is_found_at_its_line(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Alex: hi\nJordan: yes\nSa\u200bm\u00a0Doe: me too\n", encoding="utf-8")
    assert first_line_of(path, "Sam Doe") == 3


@pytest.mark.parametrize("label", ["J\u043erdan", "\u0408\u043ed\u0430n", "\uff2aordan", "JORDAN", "Jo\u200drdan"],
                         ids=["cyrillic-o", "cyrillic-je-o-a", "fullwidth", "capitals", "zwj"])
def test_look_alike_and_invisible_spellings_are_one_speaker(label):
    text = f"Alex Morgan: Tell me about it.\nJordan: It was late.\nAlex Morgan: And?\n{label}: Then it broke.\n"
    if "\u0408" in label:
        text = text.replace(label, "\u0408\u043erd\u0430n")
        label = "\u0408\u043erd\u0430n"
    df = parse_transcript(text)
    assert df["speaker"].tolist() == ["Alex Morgan", "Jordan", "Alex Morgan", "Jordan"]
    assert label_key(label) == "jordan"


def test_a_team_label_with_a_look_alike_letter_is_the_interviewer(study_dir):
    from kit.study import load_study

    text = (study_dir / "transcripts" / "INT-001.txt").read_text(encoding="utf-8")
    (study_dir / "transcripts" / "INT-001.txt").write_text(text.replace("Ana Silva:", "\u0410na Si\u200blva:"),
                                                           encoding="utf-8")
    turns = load_study(study_dir).turns
    turns = turns[turns["interview_id"] == "INT-001"]
    assert set(turns.loc[turns["speaker"] == "Ana Silva", "role"]) == {"interviewer"}
    assert set(turns.loc[turns["role"] == "participant", "speaker"]) == {"Jo"}


def test_a_label_wholly_in_another_script_keeps_its_letters():
    assert plain_label("\u0411\u043e\u0440\u0438\u0441") == "\u0411\u043e\u0440\u0438\u0441"  # Борис
    assert plain_label("Bo\u0440is") == "Bopis"  # mixed: the Cyrillic р is the Latin p it looks like
    assert plain_label(" Sa\u200bm \t Doe ") == "Sam Doe"


@pytest.mark.parametrize("label, read_as, kinds", [
    ("marcus webb", "Marcus Webb", ["capitals"]),
    ("Jose Pena", "José Peña", ["accents"]),
    ("jose pena", "José Peña", ["accents", "capitals"]),
    ("Jo\u200brdan", "Jordan", ["invisible characters"]),
    ("J\u043erdan", "Jordan", ["look-alike letters"]),
    ("Ravi  Shah", "Ravi Shah", ["spaces"]),
])
def test_label_differences(label, read_as, kinds):
    assert label_differences(label, read_as) == kinds
    assert label_key(label) == label_key(read_as)


def test_a_redacted_variant_warning_still_says_what_differs_and_where():
    names = ("Marcus Webb", "José Peña")
    people = Roster(names=names, parts=tuple(_name_parts(names)), emails=())
    problem = variants_problem("transcripts/INT-004.srt", [(15, "marcus webb", "Marcus Webb"),
                                                            (22, "MARCUS WEBB", "Marcus Webb"),
                                                            (30, "Marcús Webb", "Marcus Webb")])
    line = Outputs(None, None, people=people).problem(problem)
    assert "marcus" not in line.lower() and "webb" not in line.lower()
    assert line.startswith("transcripts/INT-004.srt:15: warning: speaker label '[name]' read as '[name]'")
    assert "capitals on line(s) 15, 22; accents on line(s) 30" in line
    assert line.endswith("(--include-names shows the names)")
    shown = Outputs(None, None, people=people, include_names=True).problem(problem)
    assert "'marcus webb' read as 'Marcus Webb'" in shown


def test_check_says_which_lines_differ_and_how(study_dir, capsys):
    write(study_dir / "participants.csv", PARTICIPANTS.replace("Jo Park", "Jo Parker"))
    text = "Ana Silva: Tell me about it.\nJo Parker: It was late.\nAna Silva: And?\njo parker: Then it broke.\n"
    (study_dir / "transcripts" / "INT-001.txt").write_text(text, encoding="utf-8")
    main(["check", str(study_dir)])
    out = [line for line in capsys.readouterr().out.splitlines() if "INT-001.txt:4" in line]
    assert len(out) == 1 and "parker" not in out[0].lower()
    assert "(the same name in other capitals on line(s) 4)" in out[0]
    assert "--include-names shows the names" in out[0]


def test_variants_problem_is_a_located_warning():
    problem = variants_problem("t.txt", [(3, "jordan", "Jordan")])
    assert isinstance(problem, Problem) and problem.level == "warning" and problem.line == 3
