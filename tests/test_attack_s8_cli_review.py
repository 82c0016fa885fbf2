"""Session 8 attacker, fault 6: an error message names what the normal output redacts.

`review` of a transcript outside a study, with an interviewer label that does not speak,
printed the file name (``maria_lopez.txt``) and the speakers (``Maria Lopez``) though its
normal output shows ``[name].txt`` and ``[name]``. Every message of a command goes through
the same redaction as its normal output: review's error path, and the usage and file errors
`main` prints for every command."""
import json
import shutil
from pathlib import Path

import pytest

from kit.cli import main

DATA = Path(__file__).parent / "data" / "attack-s8-cli" / "review-names"


def _copy(tmp_path) -> Path:
    return Path(shutil.copy(DATA / "maria_lopez.txt", tmp_path / "maria_lopez.txt"))


@pytest.mark.slow  # a whole review (the question linter's first load)
def test_the_normal_review_redacts_them(tmp_path, capsys):
    assert main(["review", str(_copy(tmp_path))]) == 0
    normal = capsys.readouterr().out
    assert "Maria" not in normal and "maria" not in normal and "[name]" in normal  # what the review shows


def test_reviews_error_message_is_redacted_like_its_review(tmp_path, capsys):
    path = _copy(tmp_path)
    assert main(["review", str(path), "--interviewer", "Bob"]) == 2
    out = capsys.readouterr()
    text = out.out + out.err
    assert "none of the interviewer labels (Bob) speaks" in text  # the message is still there
    assert "Maria" not in text and "maria" not in text.lower()  # neither her name nor the file's
    assert "[name]" in text and "Alex Morgan" in text  # the interviewer is named, as in the review


def test_reviews_json_error_is_redacted_too(tmp_path, capsys):
    path = _copy(tmp_path)
    assert main(["review", str(path), "--interviewer", "Bob", "--json"]) == 2
    out = capsys.readouterr()
    record = json.loads(out.out or out.err)
    assert "maria" not in json.dumps(record, ensure_ascii=False).lower()
    assert record["path"].endswith("[name].txt") and record["problems"]


def test_include_names_still_shows_them(tmp_path, capsys):
    path = _copy(tmp_path)
    assert main(["review", str(path), "--interviewer", "Bob", "--include-names"]) == 2
    out = capsys.readouterr()
    assert "Maria Lopez" in out.out + out.err and "maria_lopez.txt" in out.out + out.err


def test_a_usage_error_naming_a_participants_file_is_redacted(study_dir, capsys):
    # `review` of a file in the study named after a roster name that is not a transcript:
    # the usage error (exit 2) is printed as a working output, like the command's own text
    import csv

    with open(study_dir / "participants.csv", encoding="utf-8") as fh:
        person = next(csv.DictReader(fh))["name"]
    bad = study_dir / "transcripts" / (person.replace(" ", "_").lower() + ".pdf")
    bad.write_text("not a transcript", encoding="utf-8")
    assert main(["review", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not a transcript" in err
    assert person.split()[0].lower() not in err.lower()
