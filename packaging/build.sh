#!/usr/bin/env bash
# Build kzdiff as a one-folder application (dist/kzdiff/kzdiff) with PyInstaller.
#
#   bash scripts/install.sh --build && bash packaging/build.sh; then bash packaging/smoke.sh
#
# The bundle carries Python, Qt, NLTK's Punkt parameters (as Python data) and kzdiff's
# resources; nothing is downloaded when it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
# --build brings PyInstaller and what it needs from Debian (objdump, libpython)
"$py" -c "import PyInstaller" 2>/dev/null || {
  echo "build.sh: PyInstaller is missing: run bash scripts/install.sh --build" >&2
  exit 1
}
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/kzdiff.spec
echo "built dist/kzdiff/kzdiff"
