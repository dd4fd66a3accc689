#!/usr/bin/env bash
# Add kzdiff to your desktop (per user, after scripts/install.sh): the `kzdiff` command in
# ~/.local/bin, the icon, and the menu entry that offers kzdiff in "Open With" for text,
# Markdown and HTML files -- without making it the default application for any of them.
#
#   bash scripts/install-desktop.sh              install (again: it replaces its own files)
#   bash scripts/install-desktop.sh --uninstall  remove what it installed
#
# Follows XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_BIN_HOME. xdg-open picks as default for
# a type the application named in mimeapps.list, else (outside GNOME and KDE) the first
# one installed for the type, the user's own entries first; so before adding the entry,
# the application that opens each of its types now is written down as that type's default
# in ~/.config/mimeapps.list (with xdg-mime). Nothing else there is touched; only a type that
# no application opens at all (nor text/plain's, for text/*) gets kzdiff as its default.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
id=io.github.kzdiff.kzdiff
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${XDG_BIN_HOME:-$HOME/.local/bin}
apps=$data/applications
entry=$apps/$id.desktop
icons=$data/icons/hicolor

refresh() {  # the "Open With" index of the user's entries (mimeinfo.cache)
  if command -v update-desktop-database >/dev/null && [[ -d $apps ]]; then
    update-desktop-database -q "$apps"
  fi
}

if [[ ${1:-} == --uninstall ]]; then
  rm -f "$entry" "$icons/scalable/apps/$id.svg" "$icons"/*/apps/"$id.png"
  [[ -L $bin/kzdiff && $(readlink "$bin/kzdiff") == "$here/.venv/bin/kzdiff" ]] \
    && rm -f "$bin/kzdiff"
  refresh
  echo "kzdiff removed from the desktop"
  exit 0
elif [[ $# -gt 0 ]]; then
  echo "install-desktop.sh: unknown option $1 (try --uninstall)" >&2
  exit 2
fi

[[ -x $here/.venv/bin/kzdiff ]] || {
  echo "install-desktop.sh: run scripts/install.sh first ($here/.venv/bin/kzdiff is missing)" >&2
  exit 1
}

# the command, for terminals and for the entry (which names it by its full path, so it
# works before ~/.local/bin is on PATH)
mkdir -p "$bin"
ln -sfn "$here/.venv/bin/kzdiff" "$bin/kzdiff"

# the icon: SVG, and PNG sizes for desktops that want them
install -Dm644 "$here/kzdiff/resources/icons/$id.svg" "$icons/scalable/apps/$id.svg"
for png in "$here"/kzdiff/resources/icons/[0-9]*.png; do
  n=$(basename "$png" .png)
  install -Dm644 "$png" "$icons/${n}x${n}/apps/$id.png"
done

# keep each type's current default application: write it down before kzdiff is offered.
# A text/* type with no application of its own opens with text/plain's (its parent type).
src=$here/packaging/$id.desktop
types=$(sed -n 's/^MimeType=//p' "$src" | tr ';' ' ')
types=${types% }
kept=()
if command -v xdg-mime >/dev/null; then
  plain=$(xdg-mime query default text/plain 2>/dev/null || true)
  for t in $types; do
    now=$(xdg-mime query default "$t" 2>/dev/null || true)
    [[ -z $now && $t == text/* ]] && now=$plain
    if [[ -n $now && $now != "$id.desktop" ]]; then
      xdg-mime default "$now" "$t"
      kept+=("$t: $now")
    fi
  done
else
  echo "install-desktop.sh: xdg-mime (xdg-utils) is missing; defaults were not written" \
    "down, so kzdiff may become the default for: $types" >&2
fi

# the entry, with Exec naming the launcher by its full path (quoted and escaped as the
# Desktop Entry spec asks)
exe=$(printf '%s' "$bin/kzdiff" | sed -e 's/[\\"`$]/\\\\&/g')
mkdir -p "$apps"
while IFS= read -r line; do
  if [[ $line == "Exec=kzdiff "* ]]; then
    printf 'Exec="%s" %s\n' "$exe" "${line#Exec=kzdiff }"
  else
    printf '%s\n' "$line"
  fi
done < "$src" > "$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
refresh

echo "kzdiff added to the desktop: $entry"
echo "  \"Open With\" offers it for: $types"
((${#kept[@]})) && printf '  default kept: %s\n' "${kept[@]}"
case ":$PATH:" in
  *":$bin:"*) ;;
  *)
    if [[ $bin == "$HOME/.local/bin" ]]; then
      echo "  $bin is not on PATH yet: log in again (Debian's ~/.profile adds it), or run $bin/kzdiff"
    else
      echo "  $bin is not on PATH: add it, or run $bin/kzdiff"
    fi
    ;;
esac
