"""What a module remembers per live object (a study, a roster), without keeping it alive.

A cache keyed by ``id(study)`` must hold the study too, or a new study could take a dead
one's id and get its answers; held strongly, every study a kernel ever loaded stays in
memory: `interview-kit run` reuses one kernel for its notebooks (:mod:`kit.kernel_reuse`),
and a researcher re-running cells in JupyterLab makes a new ``Study`` each time, so a
2,000-interview study grew a kernel by about 40 MB a notebook. :class:`ObjectMemo` holds a
weak reference instead: the entry goes when the object is collected.
"""
from __future__ import annotations

import weakref

__all__ = ["ObjectMemo"]

_MISSING = object()


class _Strong:
    """A stand-in for a weak reference to an object that takes none (a list, a tuple)."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __call__(self):
        return self.obj


_GROUPS: dict = {}  # id(a weak reference to one of a list's objects) -> the list's references


def _reference(obj, drop):
    try:
        return weakref.ref(obj, drop)
    except TypeError:  # a str, a Path, a list: held, as a plain cache holds it
        return _Strong(obj)


def _forget(ref) -> None:
    for one in ref if isinstance(ref, tuple) else ():
        _GROUPS.pop(id(one), None)


def _same(ref, obj) -> bool:
    if isinstance(ref, tuple):
        return (isinstance(obj, (list, tuple)) and len(ref) == len(obj)
                and all(r() is one for r, one in zip(ref, obj)))
    return ref() is obj


class ObjectMemo:
    """Values remembered for at most ``most`` objects, each under a hashable ``key`` the caller
    makes (usually built from ``id(obj)``) and returned only while ``obj`` is the same live
    object; for a list or tuple of objects (the studies of a repository), while each is. An object
    that takes no weak reference (a path) is held until ``most`` newer entries push it out, as
    a plain cache would hold it.

    >>> class Thing: pass
    >>> memo, thing = ObjectMemo(), Thing()
    >>> memo.put(id(thing), thing, "answer"); memo.get(id(thing), thing)
    'answer'
    >>> key = id(thing); del thing; len(memo)
    0
    """

    def __init__(self, most: int = 16):
        if most < 1:
            raise ValueError(f"most must be at least 1, not {most}")
        self._most = most
        self._items: dict = {}  # key -> (reference, value)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key, obj, default=None):
        """The value put for ``obj`` under ``key``, or ``default``."""
        hit = self._items.get(key, _MISSING)
        if hit is _MISSING or not _same(hit[0], obj):
            return default
        return hit[1]

    def put(self, key, obj, value) -> None:
        """Remember ``value`` for ``obj`` under ``key`` (the oldest entry goes past ``most``)."""
        items = self._items

        def drop(ref, key=key):  # the object (or one of the list) was collected: forget it, unless replaced
            hit = items.get(key)
            group = _GROUPS.get(id(ref))
            if hit is not None and (hit[0] is ref or hit[0] is group):
                _forget(items.pop(key)[0])

        if isinstance(obj, (list, tuple)):  # studies of a repository: one reference each
            ref = tuple(_reference(one, drop) for one in obj)
            for one in ref:
                if isinstance(one, weakref.ref):
                    _GROUPS[id(one)] = ref  # so that ``drop`` finds the entry by any member
        else:
            ref = _reference(obj, drop)
        if key in items:
            _forget(items.pop(key)[0])
        while len(items) >= self._most:
            _forget(items.pop(next(iter(items)))[0])
        items[key] = (ref, value)

    def clear(self) -> None:
        for ref, _ in self._items.values():
            _forget(ref)
        self._items.clear()
