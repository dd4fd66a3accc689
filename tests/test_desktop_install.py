"""scripts/install-desktop.sh on a fresh account: kzdiff is offered in "Open With" for text,
Markdown and HTML, and the application that opened those files before still does.

The account is temporary (HOME, XDG_DATA_HOME, XDG_CONFIG_HOME) and its system has one
text editor, installed the way Debian installs one (entry plus mimeinfo.cache), with no
default set anywhere: the case where a per-user entry used to take over. The defaults are
asked of xdg-utils' ``xdg-mime`` and of GLib's ``gio`` (what GNOME's file manager uses).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ID = "io.github.kzdiff.kzdiff"
TYPES = ("text/plain", "text/markdown", "text/html")
EDITOR = """[Desktop Entry]
Type=Application
Name=Test Editor
Exec=true %F
MimeType=text/plain;text/html;
"""

need = [t for t in ("xdg-mime", "update-desktop-database", "gio") if shutil.which(t) is None]
if not Path("/usr/share/mime/mime.cache").exists():
    need.append("shared-mime-info")
pytestmark = pytest.mark.skipif(
    bool(need) and not os.environ.get("CI"),
    reason=f"{', '.join(need)} missing (scripts/install.sh --test installs them)",
)


@pytest.fixture
def account(tmp_path):
    """A fresh account's environment, and a system with a text editor and no defaults."""
    if need:
        pytest.fail(f"{', '.join(need)} missing: scripts/install.sh --test installs them")
    system = tmp_path / "system"
    (system / "applications").mkdir(parents=True)
    (system / "applications" / "test-editor.desktop").write_text(EDITOR, encoding="utf-8")
    subprocess.run(["update-desktop-database", "-q", str(system / "applications")], check=True)
    (system / "mime").symlink_to("/usr/share/mime")  # the type hierarchy (markdown < plain)
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": os.environ["PATH"],
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_DIRS": str(system),
        "XDG_CONFIG_DIRS": str(tmp_path / "etc-xdg"),
        "LANG": "C.UTF-8",
    }
    return env


def defaults(env) -> dict[str, tuple[str, str]]:
    """Each type's default application: (xdg-mime's answer, gio's answer)."""
    out = {}
    for t in TYPES:
        x = subprocess.run(
            ["xdg-mime", "query", "default", t], env=env, capture_output=True, text=True
        ).stdout.strip()
        g = subprocess.run(["gio", "mime", t], env=env, capture_output=True, text=True).stdout
        first = g.splitlines()[0] if g else ""
        out[t] = (x, first.rsplit(": ", 1)[-1] if "Default application" in first else "")
    return out


def kept(before, after) -> None:
    """Every type opens with what opened it before. gio (GNOME) answers for text/markdown
    with text/plain's editor; xdg-mime (generic) knew no default for it, and now names that
    same editor, which the script wrote down, rather than kzdiff."""
    for t in TYPES:
        assert after[t][1] == before[t][1], t
        assert after[t][0] == (before[t][0] or before[t][1]), t
        assert ID not in after[t][0] + after[t][1]


def open_with(env, t: str) -> str:
    """What gio offers for a type (the "Open With" list)."""
    return subprocess.run(["gio", "mime", t], env=env, capture_output=True, text=True).stdout


def test_install_offers_kzdiff_and_keeps_every_default(account) -> None:
    before = defaults(account)
    assert before["text/plain"] == ("test-editor.desktop", "test-editor.desktop")
    r = subprocess.run(
        ["bash", str(ROOT / "scripts" / "install-desktop.sh")],
        env=account,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr == ""
    kept(before, defaults(account))
    home = Path(account["HOME"])
    apps = home / ".local" / "share" / "applications"
    for t in TYPES:
        assert f"{ID}.desktop" in open_with(account, t), t
    cache = (apps / "mimeinfo.cache").read_text(encoding="utf-8")
    assert all(f"{ID}.desktop" in line for line in cache.splitlines() if line[:5] == "text/")

    # the launcher exists although ~/.local/bin did not, and the entry names it in full
    launcher = home / ".local" / "bin" / "kzdiff"
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("kzdiff ")
    entry = (apps / f"{ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{launcher}" %F' in entry.splitlines()
    if shutil.which("desktop-file-validate"):
        v = subprocess.run(["desktop-file-validate", str(apps / f"{ID}.desktop")], text=True)
        assert v.returncode == 0
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{ID}.svg").exists()
    assert (icons / "256x256" / "apps" / f"{ID}.png").exists()
    assert f"{home / '.local' / 'bin'} is not on PATH yet" in r.stdout

    # and it goes away again, defaults untouched
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "install-desktop.sh"), "--uninstall"],
        env=account,
        check=True,
        capture_output=True,
    )
    assert not launcher.exists() and not (apps / f"{ID}.desktop").exists()
    assert f"{ID}.desktop" not in open_with(account, "text/plain")
    kept(before, defaults(account))


def test_the_old_per_user_copy_took_over_the_default(account) -> None:
    """Why the script writes the defaults down: the entry copied as the README used to say
    (plus the index refresh a desktop does) makes kzdiff xdg-mime's default for text files,
    so xdg-open opens a double-clicked page or text file in kzdiff, alone."""
    apps = Path(account["XDG_DATA_HOME"]) / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / f"{ID}.desktop", apps)
    subprocess.run(["update-desktop-database", "-q", str(apps)], check=True)
    for t in ("text/plain", "text/html"):
        assert defaults(account)[t][0] == f"{ID}.desktop"
