"""Session 13 newcomer faults (dental-practice study): figures of the published report that
contradict another figure or their own reason, and a recruit that invited a decliner.

F4/F13: "Not a finding: X -- its keyword rule matches at least 80% of participants" while the
report's table put X at 27%: the rule's reach counted the team's opportunities (one sentence
copied into every note) and a no-show. It is now measured on the participants' own words, of
the people interviewed (the table's denominator), and the note gives the figure.
F5: a no-show's note (no transcript) counted as one of the people interviewed (11) while the
sample table said 10: :func:`kit.sample.not_interviewed` is nobody interviewed, everywhere.
F12: consenting participants' quotes withheld by the five-word rule were reported as "no
participant consented": the count of consenting participants' quotes and the reason are given,
and tables/quotes.csv says why each is withheld.
F10: Vietnamese function words ("tôi phải") published as customer language: a study whose
participants.csv declares the languages gets each language's stop words, phrases included.
F6: `recruit` ignored a CRM's `declined` and `last_interviewed` columns and picked a decliner."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import language, themes
from kit import sample

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "newcomer-bike"
STUDY = DATA / "s14-dental"
POOL = DATA / "s14-pool.csv"


@pytest.fixture(scope="module")
def study():
    return kit.load_study(STUDY, strict=False)


@pytest.fixture(scope="module")
def result(study):
    return themes.study_themes(study)


# ------------------------------------------------------------------ F5: one denominator
def test_a_no_show_with_a_note_and_no_transcript_is_not_interviewed(study):
    assert sample.not_interviewed(study) == {"P-010"}
    assert sample.absent_interviews(study).tolist() == [iid == "INT-010" for iid in study.interviews["interview_id"]]
    completed = int(sample.sample_table(study)["completed"].sum())
    assert themes.n_participants(study) == completed == 10  # the headline and the sample table agree


def test_a_no_show_counts_toward_no_theme(result):
    coded = result["coded"]
    assert len(coded[coded["participant"] == "P-010"])  # still in the coded table (nothing lost) ...
    assert not coded.loc[coded["participant"] == "P-010", "counted"].any()  # ... but not counted
    counts = result["counts"]
    assert result["n_participants"] == 10
    assert (counts["share"] == counts["participants"] / 10).all()
    assert counts["excluded_participants"].sum() == 0  # nobody, not an "excluded" person


def _copy(tmp_path, study=STUDY):
    target = tmp_path / "study"
    shutil.copytree(study, target)
    return target


def test_a_status_the_transcript_contradicts_still_counts(tmp_path):
    """A transcript proves the interview: a no-show status with one is stale (check warns)."""
    folder = _copy(tmp_path)
    people = folder / "participants.csv"
    people.write_text(people.read_text(encoding="utf-8-sig").replace(",no-show,", ",completed,"), encoding="utf-8")
    assert themes.n_participants(kit.load_study(folder, strict=False)) == 11
    folder2 = _copy(tmp_path / "b")
    (folder2 / "transcripts" / "INT-010.txt").write_text(
        "Priya Natarajan: What happened with the estimate?\nSofía Ramírez: Nobody explained the estimate to me.\n",
        encoding="utf-8")
    study2 = kit.load_study(folder2, strict=False)
    assert sample.not_interviewed(study2) == set()
    assert themes.n_participants(study2) == 11


# ------------------------------------------------------------------ F4/F13: the ubiquity rule
def test_the_rules_reach_is_measured_on_the_people_interviewed_own_words(result):
    rules = result["rules"].set_index("code")
    # the team's opportunity "Estimates could show the insurance share ..." is in every note:
    # it made the rule "match" 10 of 11 (91%) before; the participants' own words: 3 of 10
    assert rules.loc["estimate-confusion", "rule_reach"] == pytest.approx(0.3)
    assert not rules["ubiquitous"].any()
    counts = result["counts"].set_index("code")
    assert not counts["ubiquitous"].any()
    # a rule reaches at least the people it alone counts toward the theme
    for code, row in counts.iterrows():
        assert rules.loc[code, "rule_reach"] * 10 >= row["participants_rule"]


def test_team_notes_and_people_not_interviewed_never_make_a_rule_ubiquitous():
    people = [f"P-{i}" for i in range(10)]
    auto = pd.DataFrame(
        [{"segment_id": f"INT-{i}#o1", "interview_id": f"INT-{i}", "participant": p, "kind": "opportunity",
          "code": "c"} for i, p in enumerate(people)]
        + [{"segment_id": f"INT-{i}#t2", "interview_id": f"INT-{i}", "participant": p, "kind": "turn",
            "code": "c"} for i, p in enumerate(people[:3])]
        + [{"segment_id": "INT-9#q1", "interview_id": "INT-9", "participant": "P-9", "kind": "quote", "code": "d"}])
    versus = pd.DataFrame([{"code": c, "manual": 0, "auto": 0, "tp": 0, "fp": 0, "precision": float("nan")}
                           for c in ("c", "d")])
    rules = themes.rule_validation(versus, auto, 9, absent={"P-9"}).set_index("code")
    assert rules.loc["c", "rule_reach"] == pytest.approx(3 / 9)
    assert rules.loc["d", "rule_reach"] == 0.0  # only a person not interviewed said it
    everywhere = auto[auto["kind"] == "opportunity"].assign(kind="turn")
    assert themes.rule_validation(versus, everywhere, 10).set_index("code").loc["c", "ubiquitous"]


class _Tables:
    def __init__(self, **tables):
        self.tables = tables

    def get(self, key, section=None):
        return self.tables.get(key)

    def path(self, key):
        return Path(key) if key in self.tables else None

    def source(self, key):
        return f"tables/{key}.csv"


def test_the_not_a_finding_note_says_what_it_measures():
    from kit.report.base import ReportBase

    rules = pd.DataFrame({"code": ["booking", "estimate"], "rule_status": ["unvalidated"] * 2,
                          "rule_reach": [0.85, 1.0]})
    table = pd.DataFrame({"code": ["booking", "estimate"], "participants": [9, 10], "ubiquitous": [True, True]})
    fake = type("R", (), {"tables": _Tables(rule_validation=rules)})()
    notes = ReportBase._rule_notes(fake, table)
    said = [n for n in notes if n.startswith("Not a finding")]
    assert said and "booking (85%), estimate (100%)" in said[0]
    assert "of the people interviewed" in said[0] and "of participants" not in said[0]


# ------------------------------------------------------------------ F12: quotes withheld, and why
QUOTE = "The four page estimate listed codes that nobody at the front desk could explain to me."


def _quote_study(tmp_path) -> Path:
    folder = tmp_path / "quotes"
    (folder / "interviews").mkdir(parents=True)
    (folder / "study.yml").write_text("title: Quote test\nresearch_question: How do patients read estimates?\n"
                                      "segments:\n  attribute: segment\n  quotas: {a: 3}\n", encoding="utf-8")
    (folder / "participants.csv").write_text(
        "id,name,segment,status,consent_record,consent_quote\nP-001,Ann Smith,a,completed,yes,yes\n"
        "P-002,Bob Jones,a,completed,yes,no\nP-003,Cy Lee,a,completed,yes,yes\n", encoding="utf-8")
    for i in (1, 2, 3):
        own = " and my own words here" if i == 3 else ""
        (folder / "interviews" / f"INT-00{i}.md").write_text(
            f"---\nid: INT-00{i}\ndate: 2026-01-0{i}\nparticipant: P-00{i}\ninterviewer: Priya\n---\n\n"
            f"## Key Quotes\n- \"{QUOTE}\"\n- \"Parking near the clinic was easy on a weekday morning for "
            f"number {i}{own}.\"\n\n## Insights\n- Estimates confuse.\n", encoding="utf-8")
    return folder


def test_a_consenting_participants_quote_withheld_says_why(tmp_path):
    from kit.capture import quotable
    from kit.quotes import WITHHELD_REASONS, shareable_quotes, withheld_reasons

    study = kit.load_study(_quote_study(tmp_path), strict=False)
    quotes = quotable(study)
    assert set(quotes["participant"]) == {"P-001", "P-003"}
    why = dict(zip(quotes["segment_id"], withheld_reasons(study, quotes)))
    assert why["INT-001#q1"] == why["INT-003#q1"] == WITHHELD_REASONS["same words"]
    assert why["INT-003#q2"] == WITHHELD_REASONS["partly"]
    shared = set(shareable_quotes(study)["segment_id"])
    assert shared == {sid for sid, w in why.items() if not w.startswith("not shared")}


def test_the_report_counts_consenting_participants_quotes_and_gives_the_reason(tmp_path):
    from kit.quotes import withheld_reasons
    from kit.report.marketing import MarketingSections

    study = kit.load_study(_quote_study(tmp_path), strict=False)
    from kit.capture import quotable

    table = quotable(study)
    table["withheld"] = withheld_reasons(study, table)
    fake = type("R", (), {"tables": _Tables(quotes=table), "study": study})()
    agreed, why = MarketingSections._consented_quotes(fake, 1)
    assert agreed == 4  # P-001's and P-003's key quotes, not 1 and not 0
    assert why.startswith("3 because the same words were said by a participant who did not consent")
    fake.tables = _Tables()  # an older quotes.csv without the column: the rules, in words
    assert "did not consent" in MarketingSections._consented_quotes(fake, 0)[1]


# ------------------------------------------------------------------ F10: per-language stop words
def test_customer_language_leaves_out_each_languages_function_words(study):
    words = language.participant_words(study, "segment")
    assert "language" in words  # participants.csv declares es and vi: each text's language is read
    assert "INT-010#q1" not in set(words["segment_id"])  # the no-show's note: nobody interviewed
    who = words["participant"].where(words["participant"] != "", words["interview_id"])
    phrases = language.collocations(words["text"], who, min_freq=2, min_people=2, top=15,
                                    consenting=study.consenting(), languages=words["language"])
    assert "tôi phải" not in set(phrases["phrase"])  # "I must"
    assert {"bảo hiểm", "patient number"} <= set(phrases["phrase"])  # "insurance" stays
    keyness = language.keyness_by(words, "segment", min_freq=3, top=8, consenting=study.consenting())
    assert "tôi" not in set(keyness["word"])  # "I"


def test_an_english_only_study_keeps_its_phrases():
    texts = ["the online booking was slow", "online booking failed again", "I hate online booking"]
    plain = language.collocations(texts, min_freq=2)
    assert plain.equals(language.collocations(texts, min_freq=2, languages=["en", "en", "und"]))
    assert "online booking" in set(plain["phrase"])


# ------------------------------------------------------------------ F6: recruit fails closed
def _recruit_study(tmp_path):
    folder = _copy(tmp_path)
    yml = folder / "study.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("new-patient: 4", "new-patient: 6"), encoding="utf-8")
    return folder


def test_recruit_reads_a_crm_declined_column(tmp_path):
    from kit.recruit import recruit

    table = recruit(POOL, _recruit_study(tmp_path), 5, today="2026-02-01")
    screened = table.attrs["screened"].set_index("pool_line")
    assert not screened.loc[5, "eligible"] and screened.loc[5, "rule"] == "opted out"  # Rosa, declined=yes
    assert 5 not in set(table["pool_line"])


def test_recruit_reads_last_interviewed_as_a_contact(tmp_path):
    from kit.recruit import recruit

    pool = tmp_path / "pool.csv"
    pool.write_text("name,email,segment,last_interviewed,declined\nAna Pham,ana@example.com,new-patient,"
                    "2026-01-20,\nJoy Le,joy@example.com,new-patient,,no\n", encoding="utf-8")
    table = recruit(pool, _recruit_study(tmp_path), 2, today="2026-02-01")
    screened = table.attrs["screened"].set_index("pool_line")
    assert screened.loc[2, "rule"] == "contacted recently"
    assert list(table["pool_line"]) == [3]


@pytest.mark.parametrize("header", ["Do Not Disturb", "contact_ok", "opt_in", "refused", "Unsubscribe date"])
def test_recruit_stops_on_a_column_that_looks_like_an_opt_out_it_cannot_read(tmp_path, header):
    from kit.cli.recruit import recruit_command

    pool = tmp_path / "pool.csv"
    pool.write_text(f"name,email,segment,{header}\nRosa Garcia,rosa@example.com,new-patient,yes\n", encoding="utf-8")
    text, code = recruit_command(pool, _recruit_study(tmp_path), 1)
    assert code == 1
    assert f"{pool}:1:" in text and repr(header) in text and "Rosa" not in text


# ------------------------------------------------------------------ the published report, end to end
def _text(html: str) -> str:
    import html as _html
    import re

    return re.sub(r"\s+", " ", _html.unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.slow
def test_the_dental_report_has_one_denominator_and_no_false_topic(tmp_path):
    from kit.pipeline import run

    out = tmp_path / "rep"
    run(STUDY, out, progress=False)
    page = _text((out / "index.html").read_text(encoding="utf-8"))
    assert "10 people interviewed (every share is of them)" in page
    assert "of the 11 people" not in page and "11 people interviewed" not in page
    assert "Not a finding" not in page  # no rule matches 80% of the people interviewed's own words
    sample = pd.read_csv(out / "tables" / "sample.csv")
    assert int(sample["completed"].sum()) == 10
    phrases = set(pd.read_csv(out / "tables" / "phrases.csv")["phrase"])
    assert "tôi phải" not in phrases and "bảo hiểm" in phrases
    quotes = pd.read_csv(out / "tables" / "quotes.csv", keep_default_na=False)
    assert "withheld" in quotes and set(quotes["withheld"]) == {""}


@pytest.mark.slow
def test_the_report_says_why_consenting_participants_quotes_are_withheld(tmp_path):
    from kit.pipeline import run
    from kit.quotes import WITHHELD_REASONS

    out = tmp_path / "rep"
    run(_quote_study(tmp_path), out, progress=False)
    page = _text((out / "index.html").read_text(encoding="utf-8"))
    assert "4 of 6 key quotes come from participants who consented to being quoted (2 withheld for lack of " \
           "consent); 1 of them may be shared, 3 not (3 because the same words were said by a participant who " \
           "did not consent to being quoted)" in page
    assert "no participant with a key quote consented" not in page
    quotes = pd.read_csv(out / "tables" / "quotes.csv", keep_default_na=False).set_index("segment_id")
    assert quotes.loc["INT-001#q1", "withheld"] == WITHHELD_REASONS["same words"]
    assert quotes.loc["INT-001#q1", "text"] == "[not quoted]."
