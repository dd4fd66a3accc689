#!/usr/bin/env bash
# Smoke test of the frozen bundle built by packaging/build.sh: it reports its version,
# compares the built-in sample headless (JSON), and opens and closes its window
# (offscreen, so no display is needed).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-dist/kzdiff/kzdiff}
py=${PYTHON:-.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
env -i HOME="$tmp" PATH=/usr/bin:/bin "$exe" --version > "$tmp/version"
want="kzdiff $("$py" -c 'import kzdiff; print(kzdiff.__version__)')"
[[ "$(cat "$tmp/version")" == "$want" ]] || { echo "smoke: --version said $(cat "$tmp/version"), not $want" >&2; exit 1; }
env -i HOME="$tmp" PATH=/usr/bin:/bin "$exe" --demo --json > "$tmp/demo.json"
"$py" - "$tmp/demo.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["schema"] == "kzdiff/1", d["schema"]
assert d["summary"]["conflict"] >= 1 and d["left"]["sentences"], d["summary"]
assert any("sawn-off" in c["right"] for p in d["pairs"] for c in p["conflicts"])
PY
env -i HOME="$tmp" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
  timeout 120 "$exe" --demo --quit-after-shown > "$tmp/window" 2>&1 \
  || { cat "$tmp/window" >&2; echo "smoke: the window did not open and close" >&2; exit 1; }
grep -q "window shown: " "$tmp/window"
echo "smoke: $(cat "$tmp/version"): --version, --json and the window work ($exe)"
