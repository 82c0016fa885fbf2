"""``interview-kit lab`` passes JupyterLab's messages through to the terminal: a notebook's
error names the file it could not open and quotes the cell (a participant's name, an email).
They pass through the same redaction as every other printed message of the kit."""
from __future__ import annotations

import sys

from kit.cli.lab import serve_lab
from kit.outputs import WORKING, Outputs
from kit.privacy import Roster, with_names

_CHILD = ("import sys; sys.stderr.write('[E 10:01] Error opening transcripts/Dana Brooks.txt\\n'); "
          "sys.stderr.write('  write to dana.b@example.org or 07700 900123\\n'); sys.exit(3)")


def test_jupyterlab_messages_are_redacted(capsys):
    people = with_names(Roster(), ["Dana Brooks"])
    clean = Outputs(None, None, WORKING, people=people).clean
    code, tail = serve_lab([sys.executable, "-c", _CHILD], ".", clean=clean)
    err = capsys.readouterr().err
    assert code == 3
    assert "Error opening transcripts/" in err and "Dana" not in err and "Brooks" not in err
    assert "dana.b@" not in err and "900123" not in err
    assert err.count("\n") == 2  # one line each, line ends kept
    assert not any("Dana" in line or "dana.b" in line for line in tail) and len(tail) == 2


def test_without_a_cleaner_messages_pass_unchanged(capsys):
    code, tail = serve_lab([sys.executable, "-c", _CHILD], ".")
    assert code == 3 and "Dana Brooks.txt" in capsys.readouterr().err
