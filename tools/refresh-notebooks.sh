#!/usr/bin/env bash
# Re-execute every notebook in place on the bundled pilot so the stored outputs that nbval
# compares are current, then drop saved widget state (its model ids are random).
# Run after changing the kit in a way that changes what a notebook shows.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
for nb in notebooks/[0-9][0-9]-*.ipynb notebooks/training/*.ipynb; do
  echo "executing $nb" >&2
  (cd "$(dirname "$nb")" && "$PY" -m jupyter nbconvert --to notebook --execute --inplace \
     --ExecutePreprocessor.timeout=600 "$(basename "$nb")" 2>&1 | grep -v -e WARNING -e '^\[NbConvertApp\]' || true)
done
"$PY" - <<'PY'
import glob
import nbformat

for path in glob.glob("notebooks/**/*.ipynb", recursive=True):
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
PY
