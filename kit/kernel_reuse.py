"""Kernels reused from one notebook to the next by `interview-kit run` (:mod:`kit.pipeline`).

Each worker thread of a run starts one kernel (:func:`kernel_for`) and runs its notebooks in
it; between two notebooks :func:`reset_kernel_state` runs silently in the kernel, so each
notebook sees what a fresh kernel would show and only the imported modules stay (the kernel
starts and imports that reuse saves: issue 20).
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

__all__ = ["forget_notebook_state", "kernel_for", "reset_kernel_state", "stop_kernel_managers"]


def reset_kernel_state(folder: str) -> None:
    """Run inside a kernel between two notebooks (by :func:`kernel_for`): the next notebook
    starts as in a fresh kernel, with an empty namespace, execution count 1, no open
    figure, the warning filters of the kernel's start and every warning shown again, in
    ``folder``; only the imported modules stay (what reusing the kernel saves)."""
    import gc
    import warnings

    shell = _ipython()
    if "filters" not in _KERNEL_STATE:
        _KERNEL_STATE["filters"] = list(warnings.filters)
        return  # the kernel's first notebook: nothing to undo
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
    warnings.filters[:] = _KERNEL_STATE["filters"]
    warnings.onceregistry.clear()  # a warning shown by an earlier notebook shows again
    for module in list(sys.modules.values()):
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()
    forget_notebook_state()
    if shell is not None:
        shell.reset(new_session=True)  # ends with a full garbage collection
    _return_freed_memory()
    # What is left now (modules, their caches) stays for the kernel's life: moved out of the
    # collector's sight, so that the next collections (the next reset's full one included) no
    # longer walk every object of every module imported (about 0.1 s of CPU each, issue 20).
    gc.freeze()
    os.chdir(folder)


_KERNEL_STATE: dict = {}


def forget_notebook_state() -> None:
    """What a notebook left outside its namespace that holds its study: open widgets (the
    coding widget's session; a kernel keeps every widget until it is closed) and the
    published writers figures are cleaned by (:func:`kit.outputs.forget_published_writers`).
    With them, a reused kernel grew by a study a notebook (about 40 MB at 2,000 interviews:
    session 18's newcomer F8); the kit's caches by study hold none (:mod:`kit.object_memo`)."""
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.Widget.close_all()
    outputs = sys.modules.get("kit.outputs")
    if outputs is not None:
        outputs.forget_published_writers()


def _return_freed_memory() -> None:
    """Hand the memory the last notebook freed back to the system (glibc keeps freed heap
    pages for reuse, so a kernel's size was the sum of its notebooks' peaks, not the
    largest): :func:`kit.heap.trim`."""
    from kit.heap import trim

    trim()


def _ipython():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return None
    return get_ipython()


def kernel_for(kernels: dict, kernel: str, folder: Path):
    """The kernel manager of this thread's kernel, started on first use (in ``folder``) and
    kept in ``kernels`` (thread id -> manager); a kernel already used is reset first
    (:func:`reset_kernel_state`) so the notebook sees what a fresh kernel would show."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    key = threading.get_ident()
    km = kernels.get(key)
    if km is not None and not run_sync(km.is_alive)():
        kernels.pop(key)
        km = None
    if km is None:
        # its connection file in the run's kernel folder (own_kernel), removed with it
        runtime = os.environ.get("JUPYTER_RUNTIME_DIR") or tempfile.gettempdir()
        km = AsyncKernelManager(kernel_name=kernel, connection_file=os.path.join(
            runtime, f"kernel-{os.getpid()}-{threading.get_ident()}-{len(kernels)}.json"))
        run_sync(km.start_kernel)(cwd=str(folder))
        kernels[key] = km
    code = f"import kit.kernel_reuse as _kit_reuse; _kit_reuse.reset_kernel_state({str(folder)!r})"
    client = km.client()
    try:
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=60)
        reply = run_sync(client.execute_interactive)(code, silent=True, store_history=False, timeout=60,
                                                     output_hook=lambda msg: None)
    finally:
        client.stop_channels()
    if reply["content"].get("status") != "ok":
        content = reply["content"]
        raise RuntimeError(f"the kernel could not be reset: {content.get('ename')}: {content.get('evalue')}")
    return km


def stop_kernel_managers(kernels: dict) -> None:
    from jupyter_core.utils import run_sync

    for km in list(kernels.values()):
        try:
            run_sync(km.shutdown_kernel)(now=True)
        except Exception:
            pass  # stop_kernels (own_kernel) ends it by its process id
    kernels.clear()
