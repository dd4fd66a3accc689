#!/usr/bin/env bash
# Try kzdiff the way a newcomer meets it: a fresh Debian root (debootstrap --variant=minbase
# of this machine's suite), the project cloned at /root/kzdiff (Debian's /root is mode 700),
# nothing installed by hand; then the README's two commands and .ci/run, exactly as written.
#
#   sudo bash scripts/fresh_debian.sh [--branch B] [--steps "demo qtlibs test ci"] [--dir D] [--fresh]
#
# Needs root and debootstrap (apt-get install debootstrap). The clone is made from this
# checkout's committed branch (default: the current one), so commit first. ../shared is
# copied to /root/shared beside the clone (what .ci/run expects). This machine's apt
# sources, resolv.conf, local CA certificates and pip settings are copied in, as any
# machine here has them.
# The debootstrapped base is kept as a tarball in D (default /var/tmp/kzdiff-fresh) and
# reused by the next run (--fresh makes a new one); the root itself is new every run.
# Prints one line per step, PASS or FAIL, and the end of each failed step's log; exits 1
# if any step failed. Mounts are undone on exit, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
branch=$(git -C "$here" rev-parse --abbrev-ref HEAD)
steps="demo qtlibs test ci"
dir=/var/tmp/kzdiff-fresh
fresh=0
while (($#)); do
  case $1 in
    --branch) branch=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "fresh_debian: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ $(id -u) == 0 ]] || { echo "fresh_debian: must run as root (chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "fresh_debian: apt-get install debootstrap" >&2; exit 2; }

. /etc/os-release
suite=$VERSION_CODENAME
mirror=http://deb.debian.org/debian
root=$dir/root
logs=$dir/logs
mkdir -p "$dir"

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
  mounted=()
  # what debootstrap mounts in the base while it runs, if this run was stopped then
  for i in "$dir/base/proc" "$dir/base/sys"; do
    mountpoint -q "$i" 2>/dev/null && { umount "$i" 2>/dev/null || umount -l "$i"; }
  done
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# a root left mounted by a killed run must not be deleted through its /dev bind mount
for m in dev/pts dev/shm dev sys proc; do
  mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
done

if [[ $fresh == 1 || ! -f $dir/base.tar ]]; then
  echo "== debootstrap --variant=minbase $suite (once; kept in $dir/base.tar)"
  rm -rf "$dir/base"
  debootstrap --variant=minbase "$suite" "$dir/base" "$mirror" > "$dir/debootstrap.log" 2>&1 \
    || { tail -20 "$dir/debootstrap.log"; exit 1; }
  tar -C "$dir/base" -cf "$dir/base.tar" .
  rm -rf "$dir/base"
fi

rm -rf "$root" "$logs"
mkdir -p "$root" "$logs"
tar -C "$root" -xf "$dir/base.tar"

# what every machine here has: apt sources, DNS, pip settings
rm -f "$root"/etc/apt/sources.list
cp -a /etc/apt/sources.list "$root"/etc/apt/ 2>/dev/null || true
for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [[ -e $f ]] && cp -a "$f" "$root"/etc/apt/sources.list.d/
done
cp -L /etc/resolv.conf "$root"/etc/resolv.conf
# this machine's own certificate authorities (its network's TLS proxy): Debian's
# ca-certificates, once apt installs it, adds them to the bundle pip uses
mkdir -p "$root"/usr/local/share/ca-certificates
cp -a /usr/local/share/ca-certificates/. "$root"/usr/local/share/ca-certificates/
[[ -e /etc/pip.conf ]] && cp -a /etc/pip.conf "$root"/etc/
[[ -d /etc/xdg/pip ]] && mkdir -p "$root"/etc/xdg && cp -a /etc/xdg/pip "$root"/etc/xdg/
[[ -e /root/.config/pip/pip.conf ]] && mkdir -p "$root"/root/.config/pip \
  && cp -a /root/.config/pip/pip.conf "$root"/root/.config/pip/

# the project as a newcomer gets it: a clone of the branch, the shared data beside it
git clone -q --branch "$branch" "$here" "$root"/root/kzdiff
shared=$(cd "$here/../shared" 2>/dev/null && pwd -P || echo /work/shared)
mkdir -p "$root"/root/shared
cp -a "$shared"/. "$root"/root/shared/
chmod 700 "$root"/root
echo "== root $root: Debian $suite minbase, /root mode $(stat -c %a "$root"/root)," \
  "kzdiff $(git -C "$root"/root/kzdiff log -1 --format='%h %s' | cut -c1-70)"

mount -t proc proc "$root"/proc && mounted+=("$root"/proc)
mount -t sysfs sys "$root"/sys && mounted+=("$root"/sys)
mount --bind /dev "$root"/dev && mounted+=("$root"/dev)
mount -t tmpfs -o mode=1777 shm "$root"/dev/shm && mounted+=("$root"/dev/shm)
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root"/dev/pts && mounted+=("$root"/dev/pts)

# a login shell of root in the new system, with nothing of this one's environment
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root TERM=dumb LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -lc "cd /root/kzdiff && $1"
}

declare -A cmd=(
  # no display here: the window opens offscreen and closes once shown
  [demo]='bash scripts/install.sh && QT_QPA_PLATFORM=offscreen .venv/bin/kzdiff --demo --quit-after-shown'
  [test]='bash scripts/install.sh --test && .venv/bin/python -m pytest'
  [ci]='.ci/run'
  # every system library Qt's display plugins (X11, Wayland, offscreen), their helpers and
  # the image formats load is installed (a missing one only shows on that kind of session;
  # Qt modules the Essentials wheel leaves out, libQt6*, are not the system's to provide)
  [qtlibs]='bash scripts/install.sh && q=$(.venv/bin/python -c "import PySide6, os; print(os.path.dirname(PySide6.__file__))")/Qt/plugins && ! for f in $q/platforms/*.so $q/wayland-*/*.so $q/xcbglintegrations/*.so $q/imageformats/*.so $q/iconengines/*.so; do ldd "$f" | sed -n "s|^\s*\(.*not found\)|${f#$q/}: \1|p"; done | grep -v ": libQt6"'
)
failed=()
results=()
for s in $steps; do
  [[ -n ${cmd[$s]:-} ]] || { echo "fresh_debian: unknown step $s" >&2; exit 2; }
  echo "== $s: ${cmd[$s]}"
  t0=$(date +%s)
  if in_root "${cmd[$s]}" > "$logs/$s.log" 2>&1; then rc=0; else rc=$?; fi
  secs=$(($(date +%s) - t0))
  if [[ $rc == 0 ]]; then
    results+=("PASS $s (${secs} s)")
  else
    results+=("FAIL $s (exit $rc, ${secs} s; log $logs/$s.log)")
    failed+=("$s")
  fi
  echo "   ${results[-1]}"
done

echo
echo "== result (Debian $suite minbase, clone of $branch at /root/kzdiff)"
printf '%s\n' "${results[@]}"
for s in "${failed[@]}"; do
  echo
  echo "--- $s: last lines of $logs/$s.log"
  tail -25 "$logs/$s.log"
done
for s in $steps; do
  # what a newcomer reads on the terminal: anything that looks like a warning or error
  n=$(grep -ciE 'warning|error|deprecat' "$logs/$s.log" || true)
  echo "   $s: $n lines of its log mention warning/error/deprecation"
done
((${#failed[@]} == 0))
