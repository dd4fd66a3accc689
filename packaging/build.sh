#!/usr/bin/env bash
# Build kzdiff as a one-folder application (dist/kzdiff/kzdiff) with PyInstaller.
#
#   bash packaging/build.sh          after scripts/install.sh; then bash packaging/smoke.sh
#
# The bundle carries Python, Qt, NLTK's Punkt parameters (as Python data) and kzdiff's
# resources; nothing is downloaded when it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
"$py" -m pip install -q -e ".[build]"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/kzdiff.spec
echo "built dist/kzdiff/kzdiff"
