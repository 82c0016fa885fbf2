"""5. A passage whose words are mostly withheld or redacted is not a quote to share: it is left
out of the shareable quotes and of the report's picks, and counted as withheld."""
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kit import quotes as q
from kit import report
from kit.outputs import publish_to
from kit.privacy import SHINGLE, WITHHELD_MARK
from kit.study import load_study

STUDY = Path(__file__).parent / "data" / "newcomer-fintech" / "study"
# P-003 did not consent to being quoted; these are her own words (INT-003, turn 8)
HERS = "From now on wedding parties pay half before, I already put a sign on the counter."


def test_the_newcomers_passages_are_mostly_withheld():
    assert q.mostly_withheld("[not quoted] 853 pounds.")
    assert q.mostly_withheld("[not quoted] [phone]. [not quoted] [phone].")
    assert q.withheld_share("[not quoted] [phone]. [not quoted] [phone].") == 1.0
    assert not q.mostly_withheld("Thanks [name], the landlord paid six weeks late.")
    assert q.withheld_share("No marks at all.") == 0.0 and q.withheld_share(None) == 0.0


def test_the_threshold_is_more_than_half():
    kept = " ".join(["word"] * SHINGLE)  # as many words kept as one withheld run hides
    assert q.withheld_share(f"{WITHHELD_MARK} {kept}") == pytest.approx(0.5)
    assert not q.mostly_withheld(f"{WITHHELD_MARK} {kept}")
    assert q.mostly_withheld(f"{WITHHELD_MARK} {' '.join(['word'] * (SHINGLE - 1))}")


@pytest.fixture
def study(tmp_path):
    path = Path(shutil.copytree(STUDY, tmp_path / "study"))
    note = path / "interviews" / "INT-004.md"
    text = note.read_text(encoding="utf-8").replace(
        "## Insights", f'- "{HERS} Same here." (0:55)\n\n## Insights')
    note.write_text(text, encoding="utf-8")
    return load_study(path, strict=False)


def test_shareable_quotes_leave_out_mostly_withheld_ones(study):
    from kit.privacy import public_quotes, unquotable

    public = public_quotes(study)
    words = unquotable(study)
    marked = [t for t in public["text"] if q.mostly_withheld(words.withhold(t))]
    assert len(marked) == 1  # her words inside a consenting participant's quote
    shared = q.shareable_quotes(study)
    assert len(shared) == len(public) - 1 >= 1
    assert not any(q.mostly_withheld(t) for t in shared["text"])


def test_the_report_neither_shows_nor_picks_them(study, tmp_path):
    out = tmp_path / "out"
    frame = pd.DataFrame({"segment_id": ["INT-004#q1", "INT-004#q3"], "interview_id": ["INT-004"] * 2,
                          "participant": ["P-004"] * 2, "segment": ["market"] * 2,
                          "codes": ["late-payment"] * 2, "hand_codes": [""] * 2, "compound": [-0.2, -0.9],
                          "text": ["By the end of September they owed me four hundred and twenty pounds.",
                                   "[not quoted] [phone]. [not quoted] [phone]."]})
    publish_to(out, study).table("shareable_quotes", frame)
    r = report.Report(study, out)
    table = r.quote_table()
    assert list(table["segment_id"]) == ["INT-004#q1"]
    picked = r._quotes_for(table, "late-payment", 2, feeling="negative")
    assert [p["text"] for p in picked] == [frame.loc[0, "text"]]
