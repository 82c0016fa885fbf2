"""``python -m kit``: the ``interview-kit`` command line (:func:`kit.cli.main`)."""
from kit.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    raise SystemExit(main())
