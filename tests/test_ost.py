"""The opportunity solution tree: reading and checking ost.yml, the flat table, the drawing and
the draft built from the notes."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
import yaml

from kit.discovery import assumptions as A
from kit.discovery import ost
from kit.discovery.repository import example_repository, load_studies
from kit.viz.discovery import draw_ost
from conftest import write


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return example_repository(tmp_path_factory.mktemp("ost") / "repo")


@pytest.fixture(scope="module")
def studies(repo):
    return load_studies(repo)


@pytest.fixture(scope="module")
def tree(repo, studies):
    assumption_list, _ = A.load_assumptions(repo, studies)
    root, problems = ost.load_ost(repo, studies, assumption_list)
    assert [(p.line, p.level, p.message) for p in problems] == [(38, "warning", "SOL-5: no assumption test yet")]
    return root


def test_example_tree_structure(tree):
    table = ost.ost_table(tree)
    assert table["kind"].value_counts().to_dict() == {"opportunity": 4, "solution": 5, "test": 4, "outcome": 1}
    assert table[["id", "parent", "level"]].values.tolist() == [
        ["outcome", "", 0], ["OPP-1", "outcome", 1], ["SOL-1", "OPP-1", 2], ["A-1", "SOL-1", 3],
        ["SOL-2", "OPP-1", 2], ["T-1", "SOL-2", 3], ["OPP-2", "outcome", 1], ["SOL-3", "OPP-2", 2],
        ["A-2", "SOL-3", 3], ["OPP-3", "outcome", 1], ["SOL-4", "OPP-3", 2], ["A-3", "SOL-4", 3],
        ["OPP-4", "outcome", 1], ["SOL-5", "OPP-4", 2]]
    opp1 = table.set_index("id").loc["OPP-1"]
    assert opp1["evidence"] == "INT-001#q2; INT-001#o1; INT-011#q2; INT-011#o3; INT-103#q3"
    assert (opp1["n_evidence"], opp1["interviews"]) == (5, 3)
    # an assumption id is resolved to the assumption and its test
    a1 = table.set_index("id").loc["A-1"]
    assert a1["text"].startswith("Freelancers will let Brightbill send the first reminder once it sounds like them. "
                                 "Test: Ship three editable reminder tones")
    assert table.set_index("id").loc["SOL-1", "decision"] == "D-002"


def test_problems_are_located(tmp_path, studies):
    path = write(tmp_path / "ost.yml", """
        opportunities:
          - id: O-1
            text: Chasing is awkward
            evidence: [INT-001#q2, INT-999#q1]
            solutions:
              - id: S-1
                text: Friendlier reminders
                tests: [A-404, {test: Ask five owners}]
              - id: O-1
                text: duplicate
          - id: O-2
            text: No evidence yet
          - text: no id
    """)
    assumption_list = [A.Assumption("A-1", "x", test="y")]
    root, problems = ost.load_ost(path, studies, assumption_list)
    assert [(p.line, p.level, p.message) for p in problems] == [
        (1, "error", "missing `outcome`: the desired outcome the tree works towards, in one sentence"),
        (4, "error", "O-1: evidence 'INT-999#q1' is not an interview or segment of any study"),
        (8, "error", "S-1: test 'A-404' is not an assumption id in assumptions.yml"),
        (9, "error", "duplicate id 'O-1' (first on line 2)"),
        (11, "warning", "O-2: no evidence: an opportunity comes from interviews; list the segment ids "
                        "(INT-003#q1) that show it"),
        (13, "error", "opportunity without an `id`"),
    ]
    table = ost.ost_table(root)
    assert table["id"].tolist() == ["outcome", "O-1", "S-1", "A-404", "S-1-T2", "O-2"]


def test_missing_and_broken_files(tmp_path):
    root, problems = ost.load_ost(tmp_path)
    assert root is None and problems[0].message.startswith("no ost.yml")
    write(tmp_path / "ost.yml", "- just\n- a list\n")
    root, problems = ost.load_ost(tmp_path)
    assert root is None and problems[0].message == "ost.yml must be a mapping with `outcome` and `opportunities`"


def test_layout_centres_parents_over_children(tree):
    pos = ost._layout(tree)
    nodes = {n.id: n for n, _, _ in tree.walk()}
    leaves = sorted(pos[id(n)][0] for n in nodes.values() if not n.children)
    assert leaves == [0.0, 1.0, 2.0, 3.0, 4.0]  # one slot per leaf, no overlap
    for node in nodes.values():
        if node.children:
            xs = [pos[id(c)][0] for c in node.children]
            assert pos[id(node)][0] == pytest.approx((min(xs) + max(xs)) / 2)
            assert all(pos[id(c)][1] == pos[id(node)][1] + 1 for c in node.children)


def test_drawing_is_readable(tree, tmp_path):
    fig = draw_ost(tree, verdicts={"A-1": "not yet clear"}, wrap=24)
    ax = fig.axes[0]
    assert ax.get_title() == "Opportunity solution tree"
    texts = [t.get_text() for t in ax.texts]
    for name in ("Desired outcome", "Opportunities", "Solutions", "Assumption tests"):
        assert name in texts
    boxes = [t for t in texts if "\n" in t]
    assert len(boxes) == 14
    assert any(t.startswith("A-1 · not yet clear\n") for t in boxes)
    assert any("[5 evidence, 3 interviews]" in t.replace("\n", " ") for t in boxes)
    for box in boxes:
        lines = box.split("\n")
        assert len(lines) <= 8 and all(len(line) <= 30 for line in lines[1:])
    path = tmp_path / "ost.png"
    fig.savefig(path, dpi=80)
    assert path.stat().st_size > 20_000
    with pytest.raises(ValueError):
        draw_ost(None)


def test_draft_from_the_notes_is_a_valid_tree(studies, tmp_path):
    text = ost.draft_ost(studies, outcome="Owners get paid on time", max_opportunities=4)
    data = yaml.safe_load(text)
    assert data["outcome"] == "Owners get paid on time"
    assert [o["id"] for o in data["opportunities"]] == ["OPP-1", "OPP-2", "OPP-3", "OPP-4"]
    ids = set()
    for s in studies:
        ids |= set(s.opportunities["segment_id"])
    for opp in data["opportunities"]:
        assert opp["evidence"] and set(opp["evidence"]) <= ids  # evidence: the notes' own opportunity ids
    path = tmp_path / "ost.yml"
    path.write_text(text, encoding="utf-8")
    root, problems = ost.load_ost(path, studies)
    assert [p for p in problems if p.is_error] == []
    assert len(root.children) == 4
