#!/usr/bin/env bash
# Re-execute every notebook in place on the bundled pilot so the stored outputs that nbval
# compares are current, then put them into the stored form (tools/store_notebooks.py: no
# images, no saved widget state, no timings), which is the same on every machine and backend.
# Run after changing the kit in a way that changes what a notebook shows; one notebook at a
# time, or name some: tools/refresh-notebooks.sh notebooks/03-capture.ipynb
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
export MPLBACKEND=${MPLBACKEND:-Agg}   # figures are shown as their saved PNG either way
if [ "$#" -gt 0 ]; then NOTEBOOKS=("$@"); else NOTEBOOKS=(notebooks/[0-9][0-9]-*.ipynb notebooks/training/*.ipynb); fi
for nb in "${NOTEBOOKS[@]}"; do
  echo "executing $nb" >&2
  (cd "$(dirname "$nb")" && "$PY" -m jupyter nbconvert --to notebook --execute --inplace \
     --ExecutePreprocessor.timeout=600 "$(basename "$nb")" 2>&1 | grep -v -e WARNING -e '^\[NbConvertApp\]' || true)
done
"$PY" tools/store_notebooks.py "${NOTEBOOKS[@]}"
