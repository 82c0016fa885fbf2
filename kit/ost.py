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
:func:`draw_ost` draws it top-down with matplotlib; :func:`draft_ost` suggests a first
``ost.yml`` from the opportunities written in the notes, grouped by code, with their ids.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit.csvio import read_text
from kit.errors import Problem
from kit.yamlio import load_yaml
from kit.yamllines import line_of, value_lines

KINDS = ("outcome", "opportunity", "solution", "test")
LEVEL_NAMES = {"outcome": "Desired outcome", "opportunity": "Opportunities", "solution": "Solutions",
               "test": "Assumption tests"}
COLOURS = {"outcome": "#1b4f72", "opportunity": "#d4e6f1", "solution": "#fdebd0", "test": "#e8f8f5"}
TEXT_COLOURS = {"outcome": "white", "opportunity": "black", "solution": "black", "test": "black"}


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
    (from :func:`kit.assumptions.load_assumptions`) test ids are resolved to the
    assumption's test and threshold. Returns (root node or None, problems)."""
    from kit.repository import load_studies

    path = _file(path)
    if not path.exists():
        return None, [Problem(str(path), 0, "no ost.yml: start one from kit.ost.draft_ost(...)")]
    text, problems = read_text(path)
    if text is None:
        return None, problems
    data, problems = load_yaml(text, str(path))
    if problems:
        return None, problems
    lines = value_lines(text)
    src = str(path)
    if not isinstance(data, dict):
        return None, [Problem(src, 1, "ost.yml must be a mapping with `outcome` and `opportunities`")]
    known_ids = None
    if studies is not None:
        known_ids = set()
        for s in load_studies(studies):
            known_ids |= s.segment_ids() | set(s.interviews["interview_id"])
    tests_by_id = {a.id: a for a in assumptions} if assumptions is not None else None
    outcome = str(data.get("outcome") or "").strip()
    if not outcome:
        problems.append(Problem(src, line_of(lines, "outcome"), "missing `outcome`: the desired outcome the tree "
                                                                "works towards, in one sentence"))
    root = Node("outcome", "outcome", outcome or "(no outcome)", line=line_of(lines, "outcome"))
    seen: dict[str, int] = {}

    def node_id(item, at, kind, where):
        nid = str(item.get("id") or "").strip()
        if not nid:
            problems.append(Problem(src, at, f"{kind} without an `id`"))
            return None
        if nid in seen:
            problems.append(Problem(src, where("id"), f"duplicate id {nid!r} (first on line {seen[nid]})"))
            return None
        seen[nid] = where("id")
        return nid

    opportunities = data.get("opportunities") or []
    if not isinstance(opportunities, list):
        problems.append(Problem(src, line_of(lines, "opportunities"), "opportunities must be a list"))
        opportunities = []
    if not opportunities:
        problems.append(Problem(src, line_of(lines, "opportunities"), "no opportunities yet: add the needs, pains "
                                                                      "and desires heard in interviews", "warning"))
    for i, opp in enumerate(opportunities):
        base = ("opportunities", i)
        at = line_of(lines, *base)

        def where(key, base=base, at=at):
            return line_of(lines, *base, key, default=at)

        if not isinstance(opp, dict):
            problems.append(Problem(src, at, "each opportunity must be a mapping with id, text, evidence, solutions"))
            continue
        oid = node_id(opp, at, "opportunity", where)
        if oid is None:
            continue
        otext = str(opp.get("text") or "").strip()
        if not otext:
            problems.append(Problem(src, at, f"{oid}: missing `text`"))
        evidence = opp.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [e.strip() for e in evidence.replace(",", ";").split(";") if e.strip()]
        if not isinstance(evidence, list):
            problems.append(Problem(src, where("evidence"), f"{oid}: evidence must be a list of segment ids"))
            evidence = []
        evidence = [str(e).strip() for e in evidence if str(e).strip()]
        if not evidence:
            problems.append(Problem(src, at, f"{oid}: no evidence: an opportunity comes from interviews; list the "
                                             "segment ids (INT-003#q1) that show it", "warning"))
        for j, ref in enumerate(evidence):
            if known_ids is not None and ref not in known_ids:
                problems.append(Problem(src, line_of(lines, *base, "evidence", j, default=where("evidence")),
                                        f"{oid}: evidence {ref!r} is not an interview or segment of any study"))
        onode = Node("opportunity", oid, otext, evidence=evidence, line=at)
        root.children.append(onode)
        solutions = opp.get("solutions") or []
        if not isinstance(solutions, list):
            problems.append(Problem(src, where("solutions"), f"{oid}: solutions must be a list"))
            solutions = []
        for k, sol in enumerate(solutions):
            sbase = base + ("solutions", k)
            sat = line_of(lines, *sbase)

            def swhere(key, sbase=sbase, sat=sat):
                return line_of(lines, *sbase, key, default=sat)

            if not isinstance(sol, dict):
                problems.append(Problem(src, sat, "each solution must be a mapping with id, text and tests"))
                continue
            sid = node_id(sol, sat, "solution", swhere)
            if sid is None:
                continue
            stext = str(sol.get("text") or "").strip()
            if not stext:
                problems.append(Problem(src, sat, f"{sid}: missing `text`"))
            snode = Node("solution", sid, stext, decision=str(sol.get("decision") or ""), line=sat)
            onode.children.append(snode)
            tests = sol.get("tests") or []
            if not isinstance(tests, list):
                problems.append(Problem(src, swhere("tests"), f"{sid}: tests must be a list of assumption ids or "
                                                              "{id, test, threshold} mappings"))
                tests = []
            if not tests:
                problems.append(Problem(src, sat, f"{sid}: no assumption test yet", "warning"))
            for m, test in enumerate(tests):
                tat = line_of(lines, *sbase, "tests", m, default=swhere("tests"))
                if isinstance(test, str):
                    a = tests_by_id.get(test) if tests_by_id is not None else None
                    if tests_by_id is not None and a is None:
                        problems.append(Problem(src, tat, f"{sid}: test {test!r} is not an assumption id in "
                                                          "assumptions.yml"))
                    label = (f"{a.assumption} Test: {a.test}" if a is not None else test)
                    snode.children.append(Node("test", test, label, line=tat))
                elif isinstance(test, dict) and str(test.get("test") or "").strip():
                    tid = str(test.get("id") or f"{sid}-T{m + 1}")
                    label = str(test["test"]).strip()
                    if test.get("threshold"):
                        label += f" Threshold: {test['threshold']}"
                    snode.children.append(Node("test", tid, label, line=tat))
                else:
                    problems.append(Problem(src, tat, f"{sid}: a test is an assumption id or a mapping with `test`"))
    return root, sorted(problems, key=lambda p: (p.line, p.message))


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


def _label(node: Node, width: int, max_lines: int) -> str:
    head = node.id if node.kind != "outcome" else "Outcome"
    if node.status:
        head += f" · {node.status}"
    body = node.text
    if node.kind == "opportunity" and node.evidence:
        n_iv = len({e.split("#")[0] for e in node.evidence})
        body += f" [{len(node.evidence)} evidence, {n_iv} interview{'s' if n_iv != 1 else ''}]"
    if node.decision:
        body += f" [{node.decision}]"
    lines = textwrap.wrap(body, width=width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return head + "\n" + "\n".join(lines)


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


def draw_ost(root: Node, title: str = "Opportunity solution tree", verdicts: dict | None = None,
             wrap: int = 24, max_lines: int = 7):
    """Draw the tree top-down: outcome, opportunities (with how much evidence), solutions,
    assumption tests (with their ``verdicts``, e.g. from :func:`kit.assumptions.assess`,
    as {assumption id: verdict}). Each level is named on the left and drawn in its own box
    style, so the figure reads without colour."""
    import matplotlib.pyplot as plt

    if root is None:
        raise ValueError("no tree to draw")
    for node, _, _ in root.walk():
        if node.kind == "test" and verdicts and node.id in verdicts:
            node.status = str(verdicts[node.id])
    pos = _layout(root)
    slots = max(x for x, _ in pos.values()) + 1
    levels = max(level for _, level in pos.values()) + 1
    fig_w = min(max(8.0, 2.3 * slots + 1.6), 40.0)
    fig_h = 1.0 + 2.1 * levels
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    ax.set_xlim(-1.6, slots - 0.4)
    ax.set_ylim(-(levels - 1) - 0.65, 0.65)
    ax.axis("off")
    styles = {"outcome": "round,pad=0.5", "opportunity": "round,pad=0.4", "solution": "square,pad=0.4",
              "test": "round4,pad=0.4"}
    for node, parent, level in root.walk():
        if parent is not None:
            (px, pl), (cx, cl) = pos[id(parent)], pos[id(node)]
            ax.plot([px, px, cx, cx], [-pl, -(pl + 0.5), -(pl + 0.5), -cl], color="#566573", linewidth=1, zorder=1)
    for node, _, level in root.walk():
        x, _ = pos[id(node)]
        ax.text(x, -level, _label(node, wrap, max_lines), ha="center", va="center", fontsize=7.5,
                color=TEXT_COLOURS[node.kind], zorder=3, wrap=False, linespacing=1.15,
                bbox={"boxstyle": styles[node.kind], "facecolor": COLOURS[node.kind], "edgecolor": "#1c2833",
                      "linewidth": 1.2 if node.kind != "test" else 0.8,
                      "linestyle": "-" if node.kind != "test" else "--"})
    present = []
    for node, _, level in root.walk():
        if (level, node.kind) not in present:
            present.append((level, node.kind))
    for level, kind in present:
        ax.text(-1.5, -level, LEVEL_NAMES[kind], ha="left", va="center", fontsize=9, fontweight="bold",
                color="#1c2833")
    ax.set_title(title, fontsize=12)
    fig.tight_layout()
    return fig


def draft_ost(studies, outcome: str = "", max_opportunities: int = 6, max_evidence: int = 8) -> str:
    """A first ``ost.yml`` to edit: the opportunities written in the notes of every study,
    grouped by the code the auto-coder gives them (most interviews first), each with the
    segment ids of the notes' opportunities as evidence. Nothing is written to disk."""
    import yaml

    from kit.repository import coded_table, load_studies

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
