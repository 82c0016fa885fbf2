"""The tables `interview-kit analyze` writes: the same bytes as pandas' writer (issue 20:
they are written from column lists with the csv module), and no cell a spreadsheet would run
as a formula (a participant's words starting with =, +, -, @, a tab or a carriage return)."""
from __future__ import annotations

import csv
import math
import random

import numpy as np
import pandas as pd
import pytest
from conftest import write

from kit.atomic import atomic_write_csv
from kit.csvio import csv_cells, write_csv_frame
from kit.safety import neutralise_cell


def _floats(rng: random.Random, n: int) -> list[float]:
    special = [0.0, -0.0, 1e-05, -1e-05, 0.0001, 1e16, 1e15, 123456789012345.6, 1 / 3, -0.9597, 5e-324,
               1.7976931348623157e308, float("nan"), float("inf"), -float("inf"), 0.1 + 0.2, 2.5, 100.0]
    draws = (lambda: rng.choice(special), lambda: round(rng.uniform(-1, 1), 4), lambda: rng.uniform(-1, 1),
             lambda: rng.lognormvariate(0, 12) * rng.choice((-1, 1)))
    return special + [rng.choice(draws)() for _ in range(n - len(special))]


def _frame(rng: random.Random, n: int) -> pd.DataFrame:
    words = ["plain", "with, comma", 'with "quotes"', "two\nlines", "", " lead space", "tab\there",
             "=SUM(A1)", "-5 euros", "+44", "@who", "José Peña", "\r", "semi;colon", "'already"]
    mixed = [rng.choice([None, float("nan"), 3, 1, 1.0, 0, -0.0, 0.0, 2.5, True, False, np.float64(0.5), np.int64(7),
                         "x, y", "", pd.NA, "1", "True", "0.0"]) for _ in range(n)]
    return pd.DataFrame({
        "text": pd.array([rng.choice(words + [None]) for _ in range(n)], dtype="str"),
        "f": _floats(rng, n),
        "f32": np.array([x if not math.isfinite(x) or abs(x) < 1e30 else 1e30 for x in _floats(rng, n)],
                        dtype="float32"),
        "i": [rng.randint(-10**12, 10**12) for _ in range(n)],
        "b": [rng.random() < 0.5 for _ in range(n)],
        "obj": pd.Series(mixed, dtype=object),
        "u8": np.array([rng.randint(0, 255) for _ in range(n)], dtype="uint8"),
    })


@pytest.mark.parametrize("seed, n", [(1, 300), (2, 5000), (3, 999)])
def test_csv_cells_write_the_bytes_pandas_writes(tmp_path, seed, n):
    frame = _frame(random.Random(seed), n)  # long columns: each distinct number spelt once
    atomic_write_csv(tmp_path / "pandas.csv", frame)
    write_csv_frame(tmp_path / "cells.csv", frame)
    assert (tmp_path / "cells.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    for empty in (frame.iloc[0:0], frame[["f"]].iloc[0:0], pd.DataFrame({"a": [1, 2]})[[]]):
        atomic_write_csv(tmp_path / "pandas.csv", empty)
        write_csv_frame(tmp_path / "cells.csv", empty)
        assert (tmp_path / "cells.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_csv_cells_cover_plain_dtypes_and_leave_the_rest_to_pandas(tmp_path):
    assert csv_cells(pd.Series([0.5, float("nan"), -1e-05])) == ["0.5", "", "-1e-05"]
    assert csv_cells(pd.Series([True, False])) == ["True", "False"]
    assert csv_cells(pd.Series(["a", None], dtype="str")) == ["a", ""]
    dates = pd.DataFrame({"d": pd.to_datetime(["2026-01-05", None]), "n": pd.array([1, None], dtype="Int64"),
                          "c": pd.Categorical(["a", "b"])})
    for column in dates:
        assert csv_cells(dates[column]) is None
    atomic_write_csv(tmp_path / "pandas.csv", dates)
    write_csv_frame(tmp_path / "cells.csv", dates)  # written by pandas: the same bytes
    assert (tmp_path / "cells.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_neutralised_frame_changes_only_text_cells_that_would_run(tmp_path):
    frame = _frame(random.Random(7), 200)
    write_csv_frame(tmp_path / "plain.csv", frame)
    write_csv_frame(tmp_path / "safe.csv", frame, neutralise=True)
    with open(tmp_path / "plain.csv", newline="", encoding="utf-8") as a, \
            open(tmp_path / "safe.csv", newline="", encoding="utf-8") as b:
        plain, safe = list(csv.reader(a)), list(csv.reader(b))
    header = plain[0]
    changed = 0
    for row, got in zip(plain[1:], safe[1:]):
        for name, cell, new in zip(header, row, got):
            if name in ("text", "obj"):
                assert new == neutralise_cell(cell)
                changed += new != cell
            else:  # numbers, also negative ones, as they were
                assert new == cell
    assert changed > 10
    assert any(c.startswith("-") for row in safe[1:] for c in row[1:2])  # -0.9597 stays a number


FORMULAS = {"=HYPERLINK(\"http://evil.example\") is what I clicked": "=",
            "+1 for the template, honestly": "+",
            "-5 euros a month is what it cost": "-",
            "@channel was where I asked": "@"}


@pytest.fixture
def formula_study(study_dir):
    lines = ["Ana Silva: Tell me about the last time you set up a project."]
    for said in FORMULAS:
        lines += [f"Jo: {said}", "Ana Silva: And then?"]
    lines += ["Jo: -0.5 was the score the spreadsheet showed.", "Ana Silva: How did that feel?",
              "Jo: It was awful, I hated it and it made me angry."]
    write(study_dir / "transcripts" / "INT-001.txt", "\n".join(lines) + "\n")
    codebook = (study_dir / "codebook.yml").read_text(encoding="utf-8")
    codebook = codebook.replace("keywords: [spreadsheet, copied]", "keywords: [spreadsheet, copied]\n"
                                "    patterns: ['[=+@-][^ ]*']")
    (study_dir / "codebook.yml").write_text(codebook, encoding="utf-8")
    return study_dir


def _cells(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_analyze_neutralises_formulas_in_its_working_tables(formula_study, tmp_path):
    from kit.analyze import analyze

    paths = analyze(formula_study, tmp_path / "out")
    turns = _cells(paths["turns"])
    said = {row["text"] for row in turns}
    for text in FORMULAS:
        assert "'" + text in said and text not in said
    assert "-0.5 was the score the spreadsheet showed." not in said  # a number, then words: a formula
    assert "'-0.5 was the score the spreadsheet showed." in said
    for row in turns:  # numbers stay numbers, negative ones included
        assert row["compound"] == "" or not math.isnan(float(row["compound"]))
    assert any(row["compound"].startswith("-") for row in turns)
    evidence = {row["evidence"] for row in _cells(paths["autocodes"])}
    assert "'=HYPERLINK(\"http://evil.example\")" in evidence and "'@channel" in evidence
    for path in paths.values():
        if path.suffix == ".csv":
            with open(path, newline="", encoding="utf-8") as fh:
                for row in csv.reader(fh):
                    for cell in row:
                        assert neutralise_cell(cell) == cell or cell[:1] == "'", (path.name, cell)


def test_analyze_in_parallel_neutralises_the_same_cells(formula_study, tmp_path, monkeypatch):
    import kit.analyze as analyze_mod

    serial = analyze_mod.analyze(formula_study, tmp_path / "serial")
    monkeypatch.setattr(analyze_mod, "PARALLEL_TEXTS", 1)
    monkeypatch.setattr(analyze_mod, "free_cores", lambda most=4: 2)
    parallel = analyze_mod.analyze(formula_study, tmp_path / "parallel")
    for name in serial:
        assert serial[name].read_bytes() == parallel[name].read_bytes(), name
