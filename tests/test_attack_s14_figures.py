"""Session 14's attacker, A1/A2: figures a notebook saves into a published folder drew a
participant's phone number, full name, email and code names that are names in clear (the
tables of the same run had them redacted), and `run`'s final privacy scan read text files only.
Every figure saved with ``kit.viz.base.save`` into a folder of ``publish_to`` is now cleaned as a
table is, and the texts it draws are kept in the PNG, where ``find_leaks`` reads them."""
from __future__ import annotations

import shutil

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kit.outputs import published_writer, publish_to  # noqa: E402
from kit.privacy import find_leaks, roster  # noqa: E402
from kit.privacy_text import png_texts  # noqa: E402
from kit.study import load_study  # noqa: E402
from kit.viz import coding as coding_plots  # noqa: E402
from kit.viz.base import save  # noqa: E402

QUOTE = ("So now Dana Okafor told me to put my mobile on every invoice, +44 7700 900123 or "
         "beata.kowalski@example.com, and ring me.")


@pytest.fixture
def pilot(tmp_path, pilot_dir):
    root = tmp_path / "study-copy" / "study"
    shutil.copytree(pilot_dir, root)
    return load_study(root)


def _quotes(study):
    people = study.participants
    pid = people["id"].iloc[0]
    return pd.DataFrame({"code": ["getting-paid", "chasing"], "segment_id": ["INT-003#t5", "INT-003#t6"],
                         "participant": [pid, pid], "text": [QUOTE, "It went to 07700 900123, in big letters."],
                         "interview_id": ["INT-003", "INT-003"]})


def _names(study):
    frame = study.participants
    return [n for n in frame["name"].dropna().astype(str).tolist() if " " in n]


def test_a1_affinity_map_in_a_published_folder_shows_no_phone_name_or_email(tmp_path, pilot):
    out = tmp_path / "report"
    publish_to(out, pilot)
    quotes = _quotes(pilot)
    full = _names(pilot)[0]
    quotes.loc[0, "text"] = QUOTE.replace("Dana Okafor", full)
    fig = coding_plots.affinity_map(quotes, pilot.codebook, per_code=2, width=18)
    path = out / "figures" / "affinity_map.png"
    path.parent.mkdir(parents=True)
    save(fig, path)
    drawn = png_texts(path)
    assert "7700" not in drawn and "900123" not in drawn
    assert "beata.kowalski" not in drawn and "example.com" not in drawn
    for word in full.split():
        assert word not in drawn and word.upper() not in drawn
    assert "[phone]" in drawn and "[email]" in drawn and "[name]" in drawn
    assert find_leaks(out, roster(pilot)) == []


def test_a2_code_names_that_are_names_are_cleaned_in_bars(tmp_path, pilot):
    out = tmp_path / "report"
    publish_to(out, pilot)
    surname = _names(pilot)[0].split()[-1]
    table = pd.DataFrame({"code": [surname, "getting-paid"], "participants": [2, 3], "share": [0.4, 0.6]})
    fig = coding_plots.frequency_bars(table, None, n_participants=5)
    path = out / "figures" / "frequency.png"
    path.parent.mkdir(parents=True)
    save(fig, path)
    drawn = png_texts(path)
    assert "getting-paid" in drawn
    assert surname not in drawn and surname.upper() not in drawn


def test_a1_figure_outside_a_published_folder_is_drawn_as_given(tmp_path, pilot):
    publish_to(tmp_path / "report", pilot)
    elsewhere = tmp_path / "working" / "f.png"
    elsewhere.parent.mkdir()
    assert published_writer(elsewhere) is None
    fig = coding_plots.affinity_map(_quotes(pilot), pilot.codebook)
    save(fig, elsewhere)
    assert "Affinity map" not in png_texts(elsewhere)  # no writer: nothing cleaned, nothing recorded


def test_find_leaks_reads_the_texts_a_png_keeps(tmp_path, pilot):
    import matplotlib.pyplot as plt

    full = _names(pilot)[0]
    fig, ax = plt.subplots()
    ax.set_title(f"Quotes of {full}")
    fig.savefig(tmp_path / "leak.png", format="png", metadata={"Description": f"Quotes of {full}"})
    plt.close(fig)
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "broken.png").write_bytes(b"\x89PNG not really")
    shutil.move(tmp_path / "leak.png", tmp_path / "figures" / "leak.png")
    assert find_leaks(tmp_path / "figures", roster(pilot)) == ["leak.png"]


def test_a_wrapped_name_split_over_two_lines_is_found(tmp_path, pilot):
    from kit.viz.redact import _cleaned

    out = publish_to(tmp_path / "report", pilot)
    first, last = _names(pilot)[0].split()[:2]
    text = f"\u201cthen {first}\nand {last} rang 07700\n900123 at noon\u201d"
    cleaned = _cleaned(text, out.clean)
    assert "900123" not in cleaned and "07700" not in cleaned


def test_a2_code_named_after_a_participant_in_affinity_headers(tmp_path, pilot):
    out = tmp_path / "report"
    publish_to(out, pilot)
    first, last = _names(pilot)[0].split()[:2]
    quotes = _quotes(pilot)
    quotes["code"] = [f"{first.lower()}-{last.lower()}", last]
    fig = coding_plots.affinity_map(quotes, None)
    path = out / "figures" / "affinity_map.png"
    path.parent.mkdir(parents=True)
    save(fig, path)
    drawn = png_texts(path).lower()
    assert first.lower() not in drawn and last.lower() not in drawn


def test_a2_check_warns_at_the_codebook_line_of_a_code_named_after_a_participant(tmp_path, pilot_dir):
    from kit.check import cross_checks

    root = tmp_path / "study"
    shutil.copytree(pilot_dir, root)
    book = root / "codebook.yml"
    text = book.read_text(encoding="utf-8").rstrip("\n")
    start = text.count("\n") + 2
    text += ("\n  - name: beata-kowalski\n    definition: Things Beata said.\n"
             "  - name: \"Okafor\"\n    definition: The other one.\n")
    book.write_text(text, encoding="utf-8")
    found = [p for p in cross_checks(load_study(root)) if "the name of code" in p.message]
    assert [(p.line, p.level) for p in found] == [(start, "warning"), (start + 2, "warning")]
    for p in found:
        assert "Okafor" not in str(p) and "kowalski" not in str(p).lower()
    assert not [p for p in cross_checks(load_study(pilot_dir)) if "the name of code" in p.message]
