"""kit.outputs: every output of every command, attacked with a study full of personal data.

The study is the bundled pilot with two participants renamed José García and María López
(accents), mentioned in lowercase and without accents, with obfuscated emails and
international phone numbers in the transcripts, María's transcript named after her
(``maria_lopez.vtt``) and María not consenting to being quoted.
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.outputs import PUBLISHED, WORKING, Outputs, console, private_folder
from kit.privacy import NO_CONSENT, WITHHELD_MARK, find_leaks, roster, unquotable

JOSE_SAYS = ("I'm José, by the way. You can reach me at jose at example dot com, or jose (at) example.com, or "
             "jose[at]example[dot]com, or JOSE {at} EXAMPLE {dot} COM, or jose.garcia@example.com, "
             "or call +44 20 7946 0958, +1 (415) 555-0100 or +33 6 12 34 56 78.")
MARIA_SAYS = "It means I'm paying salaries for the work in January with money that arrives in April."

# What must never be in a pseudonymous output, as regular expressions on folded text
# (lower case, no accents): names in every variant, emails in every form, the phone numbers.
SECRETS = [r"\bjose\b", r"\bgarcia\b", r"\bmaria\b", r"\blopez\b", r"maria_lopez", r"jose\.garcia",
           r"at\s+example\s+dot", r"\(at\)", r"\[at\]", r"\{at\}", r"\bjose\s+at\b", r"maria\.lopez",
           r"7946\s*0958", r"555-0100", r"12 34 56 78"]


def folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def leaks_in(text: str) -> list[str]:
    text = folded(text)
    return [s for s in SECRETS if re.search(s, text)]


def leaky_study(root: Path) -> Path:
    """The pilot, made to leak (see the module docstring)."""
    study = root / "leaky"
    shutil.copytree(kit.paths.pilot_path(), study)
    people = study / "participants.csv"
    people.write_text(people.read_text(encoding="utf-8")
                      .replace("Dana Okafor,dana.okafor@example.com", "José García,jose.garcia@example.com")
                      .replace("Leila Haddad,leila.haddad@example.net", "María López,maria.lopez@example.net"),
                      encoding="utf-8")
    t1 = study / "transcripts" / "INT-001.vtt"
    t1.write_text(t1.read_text(encoding="utf-8")
                  .replace("Thanks for making time, Dana.", "Thanks for making time, jose. Is it Jose Garcia or josé garcía?")
                  .replace("Dana Okafor: Okay, so the most recent one", f"José García: {JOSE_SAYS} Okay, so the most recent one")
                  .replace("Dana Okafor", "José García"), encoding="utf-8")
    old = study / "transcripts" / "INT-015.vtt"
    new = study / "transcripts" / "maria_lopez.vtt"
    new.write_text(old.read_text(encoding="utf-8")
                   .replace("Hi Leila,", "Hi maria,")
                   .replace("Just an email, new supplier terms effective immediately.",
                            "Just an email, new supplier terms effective immediately. Ask me for it: "
                            "maria.lopez at example dot net, or +52 55 1234 5678.").replace("Leila Haddad", "María López")
                   .replace("Thank you, Leila,", "Thank you, MARIA LOPEZ,"), encoding="utf-8")
    old.unlink()
    note = study / "interviews" / "INT-015.md"
    note.write_text(note.read_text(encoding="utf-8").replace("transcript: INT-015.vtt", "transcript: maria_lopez.vtt"),
                    encoding="utf-8")
    return study


@pytest.fixture(scope="module")
def leaky(tmp_path_factory) -> Path:
    return leaky_study(tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="module")
def study(leaky):
    return kit.load_study(leaky)


def files_text(root: Path) -> dict[str, str]:
    """Every file under root (and its name) as text; zip members read one by one."""
    out = {}
    for path in sorted(Path(root).rglob("*")):
        if not path.is_file() or path.suffix == ".png":
            continue
        rel = path.relative_to(root).as_posix()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    out[f"{rel}!{name}"] = name + "\n" + archive.read(name).decode("utf-8", "replace")
        else:
            out[rel] = rel + "\n" + path.read_text(encoding="utf-8", errors="replace")
    return out


def test_the_leaky_study_leaks_as_written(study):
    """The attack is real: the study's texts hold every secret the tests look for."""
    said = " ".join(study.turns["text"]) + " " + " ".join(study.interviews["transcript_path"].astype(str))
    assert set(leaks_in(said)) == set(SECRETS)
    assert "P-019" not in study.consenting() and "P-002" in study.consenting()
    assert (study.turns["participant"] == "P-019").sum() > 5  # María's transcript was read


# -- the matcher --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "José García", "Jose Garcia", "jose garcia", "JOSÉ GARCÍA", "josé", "garcia", "maria_lopez", "MariaLopez",
    "maria-lopez", "jose at example dot com", "jose (at) example.com", "jose[at]example[dot]com",
    "jose {at} example {dot} com", "JOSE AT EXAMPLE DOT COM", "jose @ example . com", "maria.lopez at example dot net",
    "+44 20 7946 0958", "+1 (415) 555-0100", "+33 6 12 34 56 78", "+49 (0)30 1234567", "0044 20 7946 0958",
    "+91-98765-43210", "+1.415.555.0100",
])
def test_every_variant_is_replaced(study, text):
    cleaned = Outputs(None, study).clean(f"said {text} today")
    assert cleaned.startswith("said [") and cleaned.endswith("] today"), cleaned
    assert not leaks_in(cleaned)


def test_everyday_words_stay(study):
    writer = Outputs(None, study)
    text = "We grant a discount, looked at it at noon. Then paid 2,100 EUR on 2026-10-19 at 5.30pm."
    assert writer.clean(text) == text


def test_frame_cleans_each_distinct_text_and_leaves_other_cells(study):
    """Outputs.frame cleans each distinct string of a column once and puts the result in
    every row holding it; numbers, missing values and unhashable cells (lists) stay."""
    frame = pd.DataFrame({"text": ["José García paid", None, "José García paid", "fine", ["José García"]],
                          "n": [1, 2, 3, 4, 5], "id": ["A", "A", "B", "B", "B"]})
    out = Outputs(None, study).frame(frame)["text"].tolist()
    assert [out[0], out[2], out[3], out[4]] == ["[name] paid", "[name] paid", "fine", ["José García"]]
    assert pd.isna(out[1])
    assert Outputs(None, study).frame(frame)[["n", "id"]].equals(frame[["n", "id"]])
    plain = Outputs(None, study).frame(frame.iloc[:4].astype({"text": "str"}))["text"].tolist()
    assert [plain[0], plain[2], plain[3]] == ["[name] paid", "[name] paid", "fine"] and pd.isna(plain[1])


def test_include_names_keeps_names_not_contact_details(study):
    writer = Outputs(None, study, include_names=True)
    assert writer.clean("José García, jose at example dot com, +44 20 7946 0958") == "José García, [email], [phone]"


# -- working outputs ----------------------------------------------------------------------------
def test_analyze_tables_are_pseudonymous(study, tmp_path):
    from kit.analyze import analyze

    analyze(study, tmp_path / "out", as_of="2026-11-30")
    texts = files_text(tmp_path / "out")
    assert {k: leaks_in(v) for k, v in texts.items() if leaks_in(v)} == {}
    turns = pd.read_csv(tmp_path / "out" / "turns.csv", keep_default_na=False)
    mine = turns[turns["interview_id"] == "INT-015"]
    assert set(mine.loc[mine["role"] == "participant", "speaker"]) == {"P-019"}
    jose = turns[(turns["interview_id"] == "INT-001") & (turns["role"] == "participant")]
    assert "[email]" in " ".join(jose["text"]) and "[phone]" in " ".join(jose["text"])
    # working outputs keep the words of everyone (consent governs publishing, not analysis)
    assert MARIA_SAYS in " ".join(turns["text"])

    analyze(study, tmp_path / "named", include_names=True, as_of="2026-11-30")
    named = pd.read_csv(tmp_path / "named" / "turns.csv", keep_default_na=False)
    assert "María López" in set(named["speaker"]) and "josé garcía" in " ".join(named["text"])
    assert "7946" not in " ".join(named["text"]) and "example dot com" not in " ".join(named["text"])


def test_qdpx_export_is_pseudonymous(leaky, tmp_path):
    from kit.cli import main

    assert main(["export", str(leaky), "--qdpx", str(tmp_path / "x.qdpx")]) == 0
    texts = files_text(tmp_path)
    assert {k: leaks_in(v) for k, v in texts.items() if leaks_in(v)} == {}
    assert any("P-019:" in v for v in texts.values())
    assert main(["export", str(leaky), "--qdpx", str(tmp_path / "named" / "x.qdpx"), "--include-names"]) == 0
    named = "".join(files_text(tmp_path / "named").values())
    assert "María López:" in named and "7946 0958" not in named


def test_search_results_are_pseudonymous(leaky, tmp_path):
    from kit.repository import index_command, search_command

    repo = tmp_path / "repo"
    shutil.copytree(leaky, repo / "2026-S41")
    assert index_command(repo)[1] == 0
    for query in ("reach me", "making time"):
        for as_json in (False, True):
            text, code = search_command(repo, query, as_json=as_json)
            assert code == 0 and "no matches" not in text
            assert leaks_in(text) == [], (query, text)
    # María (P-019) did not consent to being quoted: her own words are no hit (attacker s16 A2)
    for as_json in (False, True):
        text, code = search_command(repo, "salaries January", as_json=as_json)
        assert code == 0 and leaks_in(text) == [] and "P-019" not in text and "money that arrives" not in text
    text, _ = search_command(repo, "reach me", include_names=True, as_json=True)
    assert "José" in text and "7946" not in text


def test_check_prints_no_name_not_even_a_file_name(leaky, tmp_path, capsys):
    from kit.cli import main

    study = tmp_path / "s"
    shutil.copytree(leaky, study)
    note = study / "interviews" / "INT-017.md"  # a note naming a transcript that is not there
    note.write_text(re.sub(r"transcript: .*", "transcript: jose_garcia.txt", note.read_text(encoding="utf-8")),
                    encoding="utf-8")
    main(["check", str(study)])
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "[name].txt" in printed, printed
    assert leaks_in(printed) == []
    main(["check", str(study), "--include-names"])
    assert "jose_garcia.txt" in capsys.readouterr().out


def test_console_prints_as_a_working_output(study):
    buffer = io.StringIO()
    console(study).print("Thanks maria, and", "jose (at) example.com", file=buffer)
    assert buffer.getvalue() == "Thanks [name], and [email]\n"


# -- published outputs --------------------------------------------------------------------------
def test_published_tables_hold_no_unconsented_words(study, tmp_path):
    from kit.capture import save_table

    coded = study.segments()
    save_table(coded, tmp_path / "tables" / "segments.csv", study=study)
    table = pd.read_csv(tmp_path / "tables" / "segments.csv", keep_default_na=False)
    assert len(table) == len(coded)  # every row stays: ids, kinds (and codes, scores)
    theirs = table[table["participant"] == "P-019"]
    turns_or_quotes = theirs[theirs["kind"].isin(["turn", "quote"])]
    assert len(turns_or_quotes) and set(turns_or_quotes["text"]) == {NO_CONSENT}
    assert MARIA_SAYS not in (tmp_path / "tables" / "segments.csv").read_text(encoding="utf-8")
    # consenting participants are still quoted, redacted
    jose = table[(table["participant"] == "P-002") & (table["kind"] == "turn")]
    assert "[email]" in " ".join(jose["text"]) and NO_CONSENT not in set(jose["text"])
    assert leaks_in((tmp_path / "tables" / "segments.csv").read_text(encoding="utf-8")) == []


def test_unconsented_words_are_withheld_wherever_they_are(study):
    writer = Outputs(None, study, PUBLISHED)
    # in a table without a participant column, and inside a longer text
    frame = pd.DataFrame({"note": [f"She said: {MARIA_SAYS} Then we left."]})
    cell = writer.frame(frame)["note"].iloc[0]
    assert MARIA_SAYS not in cell and WITHHELD_MARK in cell and cell.endswith("Then we left.")
    # search hits from a repository carry consent_quote
    hits = pd.DataFrame({"id": ["INT-015#t7"], "participant": ["P-019"], "consent_quote": [False],
                         "snippet": ["salaries for the work"], "codes": ["cash-flow"], "compound": [-0.2]})
    out = writer.frame(hits)
    assert out["snippet"].iloc[0] == NO_CONSENT and out["codes"].iloc[0] == "cash-flow"
    # a working output keeps them
    assert Outputs(None, study, WORKING).clean(MARIA_SAYS) == MARIA_SAYS


def test_find_leaks_sees_every_variant(tmp_path, study):
    people, words = roster(study), unquotable(study)
    clean = tmp_path / "clean"
    Outputs(clean, study, PUBLISHED).table("t.csv", study.segments())
    assert find_leaks(clean, people, words=words) == []
    for i, text in enumerate(["Jose Garcia", "maria lopez", "MARÍA LÓPEZ", "jose.garcia at example dot com",
                              "josé_garcía", MARIA_SAYS]):
        (tmp_path / f"t{i}" / "tables").mkdir(parents=True)
        (tmp_path / f"t{i}" / "tables" / "x.csv").write_text(f"text\n{text}\n", encoding="utf-8")
        assert find_leaks(tmp_path / f"t{i}", people, words=words) == ["tables/x.csv"], text
    (tmp_path / "f" / "drafts").mkdir(parents=True)
    (tmp_path / "f" / "drafts" / "maria_lopez.png").write_bytes(b"\x89PNG")
    assert find_leaks(tmp_path / "f", people) == ["drafts/maria_lopez.png"]


def test_private_outputs_go_beside_the_published_folder(tmp_path, study):
    assert private_folder(tmp_path / "report") == (tmp_path / "report-private").resolve()
    with pytest.raises(ValueError):
        private_folder(tmp_path / "report", tmp_path / "report" / "drafts")
    with pytest.raises(ValueError):
        private_folder(study.path / "out", study=study)


def test_json_and_figures_are_cleaned(study, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    writer = Outputs(tmp_path, study, PUBLISHED)
    path = writer.json("x.json", {"who": ["José García", {"mail": "jose (at) example.com"}], "n": 3})
    assert json.loads(path.read_text()) == {"who": ["[name]", {"mail": "[email]"}], "n": 3}
    fig, ax = plt.subplots()
    ax.set_title("Talk of maria_lopez")
    ax.set_xticks([0, 1], ["José", "P-001"])
    from kit.viz.redact import write_figure

    write_figure(writer, "f.png", fig)
    assert ax.get_title() == "Talk of [name]" and [t.get_text() for t in ax.get_xticklabels()] == ["[name]", "P-001"]
    plt.close(fig)
    assert (tmp_path / "f.png").stat().st_size > 0 and [k for _, k in writer.written] == [PUBLISHED, PUBLISHED]


# -- the run folder (executes every notebook once per session) ---------------------------------------
@pytest.fixture(scope="module")
def run_out(leaky, tmp_path_factory):
    from kit.pipeline import run

    out = tmp_path_factory.mktemp("run") / "report"
    with contextlib.redirect_stderr(io.StringIO()):
        run(leaky, out, progress=False)
    return out


@pytest.mark.slow
def test_run_publishes_nothing_personal_and_no_unconsented_words(run_out):
    texts = files_text(run_out)
    assert {k: leaks_in(v) for k, v in texts.items() if leaks_in(v)} == {}
    unquoted = [k for k, v in texts.items() if MARIA_SAYS.lower() in v.lower()
                or "salaries for the work in january" in v.lower()]
    assert unquoted == []
    assert not (run_out / "drafts").exists()


@pytest.mark.slow
def test_run_keeps_drafts_private_beside_the_report(run_out, leaky):
    private = run_out.with_name(run_out.name + "-private")
    listing = pd.read_csv(private / "drafts" / "drafts.csv")
    assert "thank-you" in set(listing["kind"])
    assert not str(private.resolve()).startswith(str(leaky.resolve()))


@pytest.mark.slow
def test_run_report_still_shows_what_it_showed(run_out, study):
    from kit.privacy import public_quotes

    page = (run_out / "index.html").read_text(encoding="utf-8")
    import html as _html

    page = _html.unescape(page)
    assert study.name in page and f"<b>{len(study.interviews)}</b>" in page
    # the report's key quotes are exactly the shareable ones: consenting, redacted
    shareable = public_quotes(study)
    quotes = pd.read_csv(run_out / "tables" / "shareable_quotes.csv", keep_default_na=False)
    assert quotes["segment_id"].tolist() == shareable["segment_id"].tolist()
    assert quotes["text"].tolist() == shareable["text"].tolist()
    assert "P-019" not in set(quotes["participant"]) and "P-002" in set(quotes["participant"])
    assert sum(text in page for text in quotes["text"]) >= 10  # and the page shows them
    coded = pd.read_csv(run_out / "tables" / "coded_segments.csv", keep_default_na=False)
    theirs = coded[coded["participant"] == "P-019"]
    assert len(theirs) and set(theirs.loc[theirs["kind"].isin(["turn", "quote"]), "text"]) == {NO_CONSENT}
    assert theirs["code"].astype(bool).all()
    others = coded[(coded["participant"] == "P-001") & (coded["kind"] == "quote")]
    assert len(others) and NO_CONSENT not in set(others["text"])


def test_a_table_across_studies_uses_every_roster_and_consent(study, tmp_path):
    from kit.capture import save_table

    pilot = kit.load_study(kit.paths.pilot_path())
    hits = pd.DataFrame({"study": ["pilot", "leaky", "leaky"], "participant": ["P-004", "P-002", "P-019"],
                         "consent_quote": [True, True, False],
                         "snippet": ["Gary Mulligan said so", "thanks jose, call +1 (415) 555-0100", MARIA_SAYS]})
    save_table(hits, tmp_path / "search.csv", study=[pilot, study])
    saved = pd.read_csv(tmp_path / "search.csv", keep_default_na=False)
    assert saved["snippet"].tolist() == ["[name] said so", "thanks [name], call [phone]", NO_CONSENT]
