"""`interview-kit run`: execute the workflow notebooks with papermill and publish the report.

The run builds in a temporary folder beside the output and swaps it into place only when
every notebook succeeded, so a failed run leaves the last good report as it was. A failed
build is kept at ``<out>.failed`` for debugging.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from kit.errors import StudyError
from kit.paths import notebooks_path, resolve_study


class NotebookFailed(Exception):
    def __init__(self, notebook: str, cell: int | None, detail: str, partial: Path):
        self.notebook, self.cell, self.detail, self.partial = notebook, cell, detail, partial
        where = f"cell {cell}" if cell is not None else "a cell"
        super().__init__(f"{notebook}: {where} failed: {detail} (executed notebook kept at {partial})")


def workflow_notebooks(folder: Path | None = None) -> list[Path]:
    """The workflow notebooks in the order a researcher works: NN-name.ipynb."""
    folder = folder or notebooks_path()
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


@contextmanager
def own_kernel():
    """Make the kernelspec ``python3`` run this very interpreter while the block runs, so
    the notebooks see the kit that launched them whatever other kernels the machine has."""
    root = Path(tempfile.mkdtemp(prefix="interview-kit-kernel-"))
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (interview-kit)", "language": "python",
        "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"},
    }))
    previous = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(root) + (os.pathsep + previous if previous else "")
    try:
        yield "python3"
    finally:
        if previous is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = previous
        shutil.rmtree(root, ignore_errors=True)


def _failed_cell(nb_path: Path, exc) -> int | None:
    index = getattr(exc, "cell_index", None)
    if isinstance(index, int) and index >= 0:
        try:
            import nbformat

            nb = nbformat.read(nb_path, as_version=4)
            # papermill adds a banner cell at the top of a failed notebook; count code cells
            # of the original notebook, 1-based, as a researcher sees them.
            code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                    and "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
            return code.index(index) + 1 if index in code else index + 1
        except Exception:
            return index + 1
    return None


def run(study_dir=None, out_dir=None, sprint: str | None = None, include_names: bool = False,
        notebooks: list[Path] | None = None, progress: bool = True, log=None) -> Path:
    """Run the workflow notebooks on a study and return the path of OUT/index.html."""
    import papermill as pm
    from nbconvert import HTMLExporter
    import nbformat

    from kit.study import load_study

    study_path = resolve_study(study_dir).resolve()
    out = Path(out_dir or "report").expanduser().resolve()
    load_study(study_path, strict=True)  # raises StudyError before any notebook runs
    notebooks = notebooks or workflow_notebooks()
    if not notebooks:
        raise FileNotFoundError("no workflow notebooks found")
    out.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    say = log or (lambda message: None)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(notebooks), desc="notebooks", unit="nb", file=sys.stderr)
    try:
        with own_kernel():
            (build / "notebooks").mkdir()
            exporter = HTMLExporter(exclude_input=True)
            parameters = {"study_dir": str(study_path), "out_dir": str(build), "sprint": sprint or "",
                          "include_names": bool(include_names)}
            for nb in notebooks:
                target = build / "notebooks" / nb.name
                started = time.perf_counter()
                if bar:
                    bar.set_postfix_str(nb.stem)
                try:
                    pm.execute_notebook(str(nb), str(target), parameters=parameters, kernel_name="python3",
                                        progress_bar=False, cwd=str(nb.parent), report_mode=False)
                except pm.PapermillExecutionError as exc:
                    detail = f"{exc.ename}: {exc.evalue}"
                    raise NotebookFailed(nb.name, _failed_cell(target, exc), detail,
                                         _keep_failed(build, out) / "notebooks" / nb.name) from None
                body, _ = exporter.from_notebook_node(nbformat.read(target, as_version=4))
                (build / "notebooks" / f"{nb.stem}.html").write_text(body, encoding="utf-8")
                say(f"{nb.name}: ok in {time.perf_counter() - started:.1f}s")
                if bar:
                    bar.update(1)
            from kit.report import write_index

            write_index(build, study_path, notebooks, include_names=include_names)
            _swap(build, out)
    except BaseException:
        if build.exists():
            shutil.rmtree(build, ignore_errors=True)
        raise
    finally:
        if bar:
            bar.close()
    return out / "index.html"


def _keep_failed(build: Path, out: Path) -> Path:
    failed = out.with_name(out.name + ".failed")
    if failed.exists():
        shutil.rmtree(failed)
    shutil.copytree(build, failed)
    return failed


def _swap(build: Path, out: Path) -> None:
    """Move the finished build into place; the old output is removed only after the swap."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(build, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    failed = out.with_name(out.name + ".failed")
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
