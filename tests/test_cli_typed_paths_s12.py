"""A path the user typed is shown as typed in the command's messages, never redacted as if it
were study text (session 12, newcomer F17: `--out /dev/null` became `--out /[name]/null`
because a participant is called Dev); names elsewhere in the message are still redacted."""
from __future__ import annotations

import shutil

from kit.cli import main
from kit.outputs import WORKING, Outputs
from kit.privacy import Roster


def test_typed_out_path_kept_in_an_error(tmp_path, pilot_dir, capsys):
    study = tmp_path / "study"
    shutil.copytree(pilot_dir, study)
    sheet = study / "participants.csv"
    lines = sheet.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Beata Kowalski", "Dev Kowalski")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "dev" / "null"
    target.parent.mkdir()
    target.write_text("not a folder\n")
    assert main(["run", str(study), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"--out {target}: refused" in err
    assert "[name]" not in err


def test_only_the_typed_string_is_spared():
    say = Outputs(None, None, WORKING, people=Roster(names=("Dev Kowalski",), parts=("Dev", "Kowalski")))
    say.verbatim = ("/home/dev/out",)
    assert say.clean("Dev Kowalski wrote /home/dev/out") == "[name] wrote /home/dev/out"
    assert say.clean("then /home/dev/other") == "then /home/[name]/other"
