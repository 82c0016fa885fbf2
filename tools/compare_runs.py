"""Compare two report folders written by `interview-kit run` (before and after a change).

    python tools/compare_runs.py OUT_BEFORE OUT_AFTER

Every file must be in both folders and hold the same content, except what differs from one
run to the next: in executed notebooks (``.ipynb``) the execution times, papermill's
durations, the random ids of papermill's parameters cell and of widgets, and the paths of the run's temporary folders; in their HTML pages and the other
text files, the same temporary paths and time stamps; in ``run.log`` the seconds per
notebook. Figures and tables are compared byte for byte. Prints one line per differing file
(with the first differing line) and exits 1 when any differs, 0 when all match.
"""
from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

__all__ = ["compare", "normalized"]

# the run's own temporary folders (build, kernel folder, ipykernel's cell files)
_TEMP = re.compile(r"/[\w./-]*?(?:\.building-|interview-kit-kernel-|ipykernel_)[\w.-]*(?:/[\w.-]*)*")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
_VOLATILE_KEYS = {"execution", "papermill", "iopub.execute_input", "iopub.status.busy", "iopub.status.idle",
                  "shell.execute_reply", "duration", "start_time", "end_time"}


_INJECTED = "injected-parameters"  # papermill's cell: a new random id in every run
_INJECTED_ID = re.compile(r'(celltag_injected-parameters" id="cell-id=)[0-9a-f]+')
_MODEL_ID = re.compile(r'("model_id": ")[0-9a-f]{32}"')  # a widget's, random


def _strip(value):
    if isinstance(value, dict):
        injected = _INJECTED in (value.get("metadata") or {}).get("tags", [])
        return {k: _strip(v) for k, v in value.items() if k not in _VOLATILE_KEYS and not (injected and k == "id")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    if isinstance(value, str):
        return _STAMP.sub("<time>", _TEMP.sub("<tmp>", value))
    return value


def normalized(path: Path) -> list[str] | bytes:
    """The content of ``path`` with what changes from run to run masked: lines of text, or
    the bytes of a binary file."""
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        text = json.dumps(_strip(json.loads(data)), indent=1, sort_keys=True, ensure_ascii=False)
        text = _MODEL_ID.sub(r'\1<id>"', text)
    elif path.suffix in (".html", ".md", ".json", ".txt", ".yml", ".log", ".csv"):
        text = _STAMP.sub("<time>", _TEMP.sub("<tmp>", data.decode("utf-8", errors="replace")))
        text = _INJECTED_ID.sub(r"\1<id>", text)
        if path.name == "run.log":
            text = re.sub(r"\t\d+\.\d\t", "\t<s>\t", text)
    else:
        return data
    return text.splitlines()


def compare(before: Path, after: Path) -> list[str]:
    """One message per file that differs (or is missing on one side)."""
    files_a = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    files_b = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    problems = [f"only in {before}: {p}" for p in sorted(files_a - files_b)]
    problems += [f"only in {after}: {p}" for p in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        a, b = normalized(before / rel), normalized(after / rel)
        if a == b:
            continue
        if isinstance(a, bytes) or isinstance(b, bytes):
            problems.append(f"{rel}: the bytes differ")
            continue
        first = next(difflib.unified_diff(a, b, lineterm="", n=0), None) and \
            [line for line in difflib.unified_diff(a, b, lineterm="", n=0) if line[:1] in "+-"
             and not line.startswith(("+++", "---"))][:2]
        problems.append(f"{rel}: differs: {' / '.join(s[:200] for s in first or [])}")
    return problems


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    before, after = Path(args[0]), Path(args[1])
    problems = compare(before, after)
    for problem in problems:
        print(problem)
    n = sum(1 for p in before.rglob("*") if p.is_file())
    print(f"{n} files in {before}: {'all the same' if not problems else f'{len(problems)} differ'}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
