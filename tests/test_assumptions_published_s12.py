"""Experiments score participants' words as published (session 12): a roster name that is also
a word (Joy, Grant) does not move the before/after sentiment, as it does not in analyze."""
from __future__ import annotations

import pandas as pd
import pytest

import kit.privacy
from kit.discovery import assumptions as A
from kit.discovery.repository import example_repository, load_studies, study_label
from kit.sentiment import compound


@pytest.fixture(scope="module")
def studies(tmp_path_factory):
    return load_studies(example_repository(tmp_path_factory.mktemp("pub") / "repo"))


def test_scores_read_the_text_as_published(studies, monkeypatch):
    joy = kit.privacy.Roster(names=("Joy Hart",), parts=("Joy", "Hart"))
    first = study_label(studies[0])
    monkeypatch.setattr(kit.privacy, "roster", lambda s: joy if study_label(s) == first else kit.privacy.Roster())
    text = "Joy sent the invoice on Monday."
    frame = pd.DataFrame({"study": [first, study_label(studies[1])], "text": [text, text]})
    got = A._with_compound(frame, studies)["compound"].tolist()
    assert compound([text])[0] > 0.3  # the name read as a feeling
    assert got[0] == pytest.approx(0.0)  # in the study whose participant is Joy: a name, no feeling
    assert got[1] == pytest.approx(compound([text])[0])  # elsewhere the word is a word
