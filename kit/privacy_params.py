"""The parameters a published notebook records, as the report may show them (attacker s17 A17).

papermill writes the values a notebook ran with into it (the injected ``parameters`` cell and
``metadata.papermill.parameters``): the study's absolute path on the researcher's machine, the
temporary build folder (``.report.building-12345-abcd``) and the private drafts folder. The study
folder is often named for its subject (``jane-doe-followup``), so the path named a participant
and the privacy check refused every run with no word of why. :func:`publish_parameters` rewrites
them, before the notebook is written: the study by its folder name (redacted like any other file
name), the report as ``.`` (the notebook's own report) and the drafts as the private folder
beside it; any output that printed one of these paths shows the same.
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["leak_places", "publish_parameters", "shown_paths"]

_BUILD = re.compile(r"^\.(?P<out>.+)\.building-\d+-")


def shown_paths(parameters: dict, people=None) -> dict[str, str]:
    """``{path as given: path as published}`` for the path parameters of ``parameters``
    (``study_dir``, ``out_dir``, ``private_dir``), longest first; names redacted with the roster
    ``people`` (:func:`kit.privacy.redact`)."""
    from kit.privacy import redact

    shown: dict[str, str] = {}
    study = parameters.get("study_dir")
    if study:
        shown[str(study)] = redact(Path(str(study)).name, people) or "study"
    out = parameters.get("out_dir")
    if out:
        shown[str(out)] = "."
    private = parameters.get("private_dir")
    if private:
        built = _BUILD.match(Path(str(out or "")).name)
        shown[str(private)] = f"../{redact(built.group('out'), people)}-private" if built else "private"
    return dict(sorted(shown.items(), key=lambda kv: -len(kv[0])))


def _swap(value, shown: dict[str, str]):
    if isinstance(value, list):
        return [_swap(v, shown) for v in value]
    if isinstance(value, dict):
        return {k: _swap(v, shown) for k, v in value.items()}
    if isinstance(value, str):
        for old, new in shown.items():
            if old in value:
                value = value.replace(old, new)
    return value


def publish_parameters(nb, parameters: dict, people=None) -> None:
    """Rewrite, in place, the executed notebook ``nb``'s record of the path parameters
    (:func:`shown_paths`): its cells' sources and text outputs, and papermill's metadata."""
    shown = shown_paths(parameters, people)
    if not shown:
        return
    metadata = nb.get("metadata", {})
    if metadata.get("papermill"):  # parameters, and output_path inside the build folder
        metadata["papermill"] = _swap(dict(metadata["papermill"]), shown)
    for cell in nb.get("cells", []):
        source = cell.get("source")
        if isinstance(source, (str, list)):
            cell["source"] = _swap(source, shown)
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = _swap(output["text"], shown)
            data = output.get("data", {})
            for key in [k for k in data if k.startswith("text/")]:
                data[key] = _swap(data[key], shown)


def leak_places(root, files, people, limit: int = 5) -> list[str]:
    """Where the first secret of each of ``files`` (relative to ``root``, as
    :func:`kit.privacy.find_leaks` gives them) is: ``path:line`` and the line redacted (a few
    characters either side of the first ``[name]`` or ``[email]``), or ``path (its file name)``
    when the name is in the path; ``path`` alone when the line cannot be told (a figure, a
    run of words of a participant who did not consent). The secret itself is never shown."""
    from kit.privacy import redact

    matcher = people.secret_matcher if people is not None else None
    places = []
    for rel in files[:limit]:
        place = rel
        if matcher and any(True for _ in matcher.find(rel)):
            place = f"{redact(rel, people)} (its file name)"
        elif matcher:
            try:
                lines = (Path(root) / rel).read_text(encoding="utf-8", errors="replace").split("\n")
            except OSError:
                lines = []
            for number, line in enumerate(lines, start=1):
                found = next(iter(matcher.find(line)), None)
                if found is not None:
                    start = max(0, found[0] - 30)
                    shown = redact(line[start:found[1] + 30], people).strip()
                    place = f"{rel}:{number} ({shown})"
                    break
        places.append(place)
    return places
