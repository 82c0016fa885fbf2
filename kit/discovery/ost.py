"""The opportunity solution tree: desired outcome -> opportunities -> solutions -> tests.

The tree lives in ``ost.yml`` in the repository folder, a file the team edits::

    outcome: Small service businesses get paid on time without having to chase
    opportunities:
      - id: OPP-1
        text: Chasing a client feels awkward, so freelancers chase late or not at all
        evidence: [INT-001#q2, INT-001#o1, INT-011#q2]   # segment or interview ids from the notes
        solutions:
          - id: SOL-1
            text: Reminder tones that sound like the owner
            decision: D-002                              # optional: the decision that shipped it
            tests: [A-1]                                 # assumption ids (assumptions.yml) ...
          - id: SOL-2
            text: Reminders addressed to a named person
            tests:
              - {id: T-1, test: Compare reply times, threshold: ...}   # ... or tests written here

:func:`load_ost` reads and checks it (evidence ids against the repository's studies,
assumption ids against ``assumptions.yml``); :func:`ost_table` flattens it;
``kit.viz.discovery.draw_ost`` draws it top-down; :func:`draft_ost` suggests a first
``ost.yml`` from the opportunities written in the notes, grouped by code, with their ids.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit.csvio import read_text
from kit.errors import Problem
from kit.yamlio import load_yaml_around_errors
from kit.yamllines import line_of, value_lines

__all__ = ["KINDS", "LEVEL_NAMES", "Node", "draft_ost", "load_ost", "ost_table"]

KINDS = ("outcome", "opportunity", "solution", "test")
LEVEL_NAMES = {"outcome": "Desired outcome", "opportunity": "Opportunities", "solution": "Solutions",
               "test": "Assumption tests"}


@dataclass
class Node:
    kind: str
    id: str
    text: str
    evidence: list = field(default_factory=list)
    decision: str = ""
    status: str = ""
    line: int = 0
    children: list = field(default_factory=list)

    def walk(self, parent=None, level=0):
        yield self, parent, level
        for child in self.children:
            yield from child.walk(self, level + 1)


def _file(path) -> Path:
    path = Path(path)
    return path / "ost.yml" if path.is_dir() else path


def load_ost(path, studies=None, assumptions=None) -> tuple[Node | None, list[Problem]]:
    """Read ``ost.yml`` (the file, or the repository folder). With ``studies`` (a
    repository path or loaded studies) evidence ids are checked; with ``assumptions``
    (from :func:`kit.discovery.assumptions.load_assumptions`) test ids are resolved to the
    assumption's test and threshold. Returns (root node or None, problems)."""
    from kit.discovery.repository import load_studies

    path = _file(path)
    if not path.exists():
        return None, [Problem(str(path), 0, "no ost.yml: start one from kit.ost.draft_ost(...)")]
    text, problems = read_text(path)
    if text is None:
        return None, problems
    data, problems, kept, _ = load_yaml_around_errors(text, str(path))  # a syntax error hides no other problem
    if data is None and problems:
        return None, problems
    lines = value_lines(kept)
    src = str(path)
    if not isinstance(data, dict):
        return None, [Problem(src, 1, "ost.yml must be a mapping with `outcome` and `opportunities`")]
    known_ids = None
    if studies is not None:
        known_ids = set()
        for s in load_studies(studies):
            known_ids |= s.segment_ids() | set(s.interviews["interview_id"])
    tests_by_id = {a.id: a for a in assumptions} if assumptions is not None else None
    reader = _TreeReader(src, lines, problems, known_ids, tests_by_id)
    outcome = str(data.get("outcome") or "").strip()
    if not outcome:
        problems.append(Problem(src, line_of(lines, "outcome"), "missing `outcome`: the desired outcome the tree "
                                                                "works towards, in one sentence"))
    root = Node("outcome", "outcome", outcome or "(no outcome)", line=line_of(lines, "outcome"))
    opportunities = reader.items(data.get("opportunities"), line_of(lines, "opportunities"),
                                 "opportunities must be a list")
    if not opportunities:
        problems.append(Problem(src, line_of(lines, "opportunities"), "no opportunities yet: add the needs, pains "
                                                                      "and desires heard in interviews", "warning"))
    for i, opp in enumerate(opportunities):
        onode = reader.opportunity(("opportunities", i), opp)
        if onode is not None:
            root.children.append(onode)
    return root, sorted(problems, key=lambda p: (p.line, p.message))


@dataclass
class _TreeReader:
    """Checks the nodes of one ``ost.yml`` and collects its problems (``path:line: message``)."""

    src: str
    lines: dict
    problems: list
    known_ids: set | None
    tests_by_id: dict | None
    seen: dict = field(default_factory=dict)

    def at(self, *keys, default=0) -> int:
        return line_of(self.lines, *keys, default=default)

    def items(self, value, line: int, message: str) -> list:
        """A list from the file ([] when missing; a problem when it is not a list)."""
        value = value or []
        if not isinstance(value, list):
            self.problems.append(Problem(self.src, line, message))
            return []
        return value

    def node_id(self, item, at: int, kind: str, base: tuple) -> str | None:
        nid = str(item.get("id") or "").strip()
        if not nid:
            self.problems.append(Problem(self.src, at, f"{kind} without an `id`"))
            return None
        where = self.at(*base, "id", default=at)
        if nid in self.seen:
            self.problems.append(Problem(self.src, where, f"duplicate id {nid!r} (first on line {self.seen[nid]})"))
            return None
        self.seen[nid] = where
        return nid

    def evidence(self, oid: str, opp: dict, base: tuple, at: int) -> list[str]:
        evidence = opp.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [e.strip() for e in evidence.replace(",", ";").split(";") if e.strip()]
        if not isinstance(evidence, list):
            self.problems.append(Problem(self.src, self.at(*base, "evidence", default=at),
                                         f"{oid}: evidence must be a list of segment ids"))
            evidence = []
        evidence = [str(e).strip() for e in evidence if str(e).strip()]
        if not evidence:
            self.problems.append(Problem(self.src, at, f"{oid}: no evidence: an opportunity comes from interviews; "
                                                       "list the segment ids (INT-003#q1) that show it", "warning"))
        for j, ref in enumerate(evidence):
            if self.known_ids is not None and ref not in self.known_ids:
                line = self.at(*base, "evidence", j, default=self.at(*base, "evidence", default=at))
                self.problems.append(Problem(self.src, line, f"{oid}: evidence {ref!r} is not an interview or "
                                                             "segment of any study"))
        return evidence

    def head(self, base: tuple, item, kind: str, shape: str) -> tuple[int, str, str] | None:
        """``(line, id, text)`` of the opportunity or solution mapping ``item`` at ``base``; None,
        with a located problem, when it is no mapping (``shape`` says what it should hold) or its id
        is missing or repeated; a missing text is a located problem too."""
        at = self.at(*base)
        if not isinstance(item, dict):
            self.problems.append(Problem(self.src, at, f"each {kind} must be a mapping with {shape}"))
            return None
        nid = self.node_id(item, at, kind, base)
        if nid is None:
            return None
        text = str(item.get("text") or "").strip()
        if not text:
            self.problems.append(Problem(self.src, at, f"{nid}: missing `text`"))
        return at, nid, text

    def opportunity(self, base: tuple, opp) -> Node | None:
        head = self.head(base, opp, "opportunity", "id, text, evidence, solutions")
        if head is None:
            return None
        at, oid, otext = head
        onode = Node("opportunity", oid, otext, evidence=self.evidence(oid, opp, base, at), line=at)
        solutions = self.items(opp.get("solutions"), self.at(*base, "solutions", default=at),
                               f"{oid}: solutions must be a list")
        for k, sol in enumerate(solutions):
            snode = self.solution(base + ("solutions", k), sol)
            if snode is not None:
                onode.children.append(snode)
        return onode

    def solution(self, sbase: tuple, sol) -> Node | None:
        head = self.head(sbase, sol, "solution", "id, text and tests")
        if head is None:
            return None
        sat, sid, stext = head
        snode = Node("solution", sid, stext, decision=str(sol.get("decision") or ""), line=sat)
        tests = self.items(sol.get("tests"), self.at(*sbase, "tests", default=sat),
                           f"{sid}: tests must be a list of assumption ids or {{id, test, threshold}} mappings")
        if not tests:
            self.problems.append(Problem(self.src, sat, f"{sid}: no assumption test yet", "warning"))
        for m, test in enumerate(tests):
            tat = self.at(*sbase, "tests", m, default=self.at(*sbase, "tests", default=sat))
            tnode = self.test(sid, m, test, tat)
            if tnode is not None:
                snode.children.append(tnode)
        return snode

    def test(self, sid: str, m: int, test, tat: int) -> Node | None:
        if isinstance(test, str):
            a = self.tests_by_id.get(test) if self.tests_by_id is not None else None
            if self.tests_by_id is not None and a is None:
                self.problems.append(Problem(self.src, tat, f"{sid}: test {test!r} is not an assumption id in "
                                                            "assumptions.yml"))
            label = (f"{a.assumption} Test: {a.test}" if a is not None else test)
            return Node("test", test, label, line=tat)
        if isinstance(test, dict) and str(test.get("test") or "").strip():
            tid = str(test.get("id") or f"{sid}-T{m + 1}")
            label = str(test["test"]).strip()
            if test.get("threshold"):
                label += f" Threshold: {test['threshold']}"
            return Node("test", tid, label, line=tat)
        self.problems.append(Problem(self.src, tat, f"{sid}: a test is an assumption id or a mapping with `test`"))
        return None


def ost_table(root: Node) -> pd.DataFrame:
    """The tree flattened: one row per node with its level, kind, id, parent, text,
    evidence ids, and the number of evidence ids and of distinct interviews they come from."""
    rows = []
    for node, parent, level in root.walk() if root is not None else []:
        interviews = {e.split("#")[0] for e in node.evidence}
        rows.append({"level": level, "kind": node.kind, "id": node.id, "parent": parent.id if parent else "",
                     "text": node.text, "evidence": "; ".join(node.evidence), "n_evidence": len(node.evidence),
                     "interviews": len(interviews), "decision": node.decision, "status": node.status})
    return pd.DataFrame(rows, columns=["level", "kind", "id", "parent", "text", "evidence", "n_evidence",
                                       "interviews", "decision", "status"])


def _layout(root: Node) -> dict[int, tuple[float, int]]:
    """x (in leaf slots) and level of every node: leaves side by side, parents centred."""
    pos: dict[int, tuple[float, int]] = {}
    next_slot = [0.0]

    def place(node, level):
        if not node.children:
            x = next_slot[0]
            next_slot[0] += 1
        else:
            xs = [place(c, level + 1) for c in node.children]
            x = (xs[0] + xs[-1]) / 2
        pos[id(node)] = (x, level)
        return x

    place(root, 0)
    return pos


def draft_ost(studies, outcome: str = "", max_opportunities: int = 6, max_evidence: int = 8) -> str:
    """A first ``ost.yml`` to edit: the opportunities written in the notes of every study,
    grouped by the code the auto-coder gives them (most interviews first), each with the
    segment ids of the notes' opportunities as evidence. Nothing is written to disk."""
    import yaml

    from kit.discovery.repository import coded_table, load_studies

    studies = load_studies(studies)
    coded = coded_table(studies)
    opp = coded[coded["kind"] == "opportunity"]
    definitions = {}
    for s in studies:
        for c in s.codebook:
            definitions.setdefault(c.name, c.definition)
    groups = (opp.groupby("code").agg(interviews=("interview_id", "nunique"), ids=("segment_id", list))
              .sort_values(["interviews"], ascending=False).head(max_opportunities)) if len(opp) else []
    tree = {"outcome": outcome or "(write the outcome the team works towards)", "opportunities": []}
    for n, (code, row) in enumerate(groups.iterrows() if len(opp) else [], start=1):
        ids = list(dict.fromkeys(row["ids"]))[:max_evidence]
        tree["opportunities"].append({"id": f"OPP-{n}", "text": f"({code}) {definitions.get(code, '')}".strip(),
                                      "evidence": ids, "solutions": []})
    header = ("# Draft opportunity solution tree, written by kit.ost.draft_ost from the notes' opportunities.\n"
              "# Rewrite each opportunity in the customer's terms, merge or split them, add solutions and tests.\n")
    return header + yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, width=100)
