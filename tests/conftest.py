"""Shared fixtures. Qt runs offscreen unless a display platform was chosen explicitly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold"


@pytest.fixture
def sample_paths() -> tuple[Path, Path]:
    """The built-in sample pair as files on disk (the user's own example)."""
    case = GOLD / "kazakhstan-coup"
    return case / "left.txt", case / "right.txt"


@pytest.fixture
def write(tmp_path):
    """Write bytes or text to a file in the test's folder and return its path."""

    def _write(name: str, content: bytes | str, encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return p

    return _write


@pytest.fixture
def unprivileged(tmp_path_factory, monkeypatch):
    """Run a block as a user without privileges, so permission bits really apply.

    CI runs as root, which reads and writes anything; dropping the effective uid to
    ``nobody`` (and back) makes an unreadable file or a read-only folder behave as it does
    for a user. Yields a folder that user can reach, and the ``user`` to hand subprocesses.

    That user may be unable to read anything of the checkout (a clone under ``/root``,
    mode 700 on Debian, with its venv): whatever it must read comes from a place it can.
    Modules are imported here, while still root; the report templates are read from a
    copy in a folder of its own (Jinja re-reads a template whose file it cannot see as
    missing); test texts go through ``as_user.copy(path)``, which returns a readable copy.
    """
    import contextlib
    import shutil
    from importlib import resources

    from jinja2 import FileSystemLoader
    from jinja2.utils import LRUCache

    root = os.geteuid() == 0
    # import everything a comparison and an export use while still root: that user cannot
    # read the interpreter's own library or the venv where they live under /root
    from kzdiff.core import compare_texts
    from kzdiff.export import html
    from kzdiff.export.json import dumps

    base = tmp_path_factory.getbasetemp()
    for parent in (base.parent, base):  # pytest's folders are 0700: let others pass through
        parent.chmod(parent.stat().st_mode | 0o111)
    templates = tmp_path_factory.mktemp("templates")
    for t in resources.files("kzdiff.export").joinpath("templates").iterdir():
        if t.is_file():
            (templates / t.name).write_bytes(t.read_bytes())
            (templates / t.name).chmod(0o644)
    templates.chmod(0o755)
    monkeypatch.setattr(html._env, "loader", FileSystemLoader(str(templates)))
    monkeypatch.setattr(html._env, "cache", LRUCache(8))
    from kzdiff.core.segment import _tokenizer

    _tokenizer()  # Punkt (NLTK): a text of one sentence is segmented without it
    dumps(compare_texts("A cat sat.", "A dog sat."))
    html.render_html(compare_texts("A cat sat.", "A dog sat."))
    folder = tmp_path_factory.mktemp("perm")
    folder.chmod(0o777)
    copies = tmp_path_factory.mktemp("readable")
    copies.chmod(0o755)

    @contextlib.contextmanager
    def as_user():
        if not root:
            yield
            return
        os.seteuid(65534)
        try:
            yield
        finally:
            os.seteuid(0)

    def copy(path: Path) -> Path:
        """A copy of a test file that the unprivileged user can read."""
        dest = copies / f"{len(list(copies.iterdir()))}-{Path(path).name}"
        shutil.copyfile(path, dest)
        dest.chmod(0o644)
        return dest

    as_user.folder = folder
    as_user.copy = copy
    as_user.user = "nobody" if root else None
    return as_user


@pytest.fixture(autouse=True, scope="session")
def _fresh_caches():
    """Start each test session with kzdiff's memo caches (``lru_cache``) empty.

    mutmut runs each mutant's tests in a process forked from one that has already run
    them: a cache warmed there (the quantities of a sentence, the script of a character)
    would answer for the mutated code below it, and the mutant would survive unseen. In
    an ordinary run the caches are empty at this point and this changes nothing.
    """
    import sys

    for name, module in list(sys.modules.items()):
        if name == "kzdiff" or name.startswith("kzdiff."):
            for obj in list(vars(module).values()):
                clear = getattr(obj, "cache_clear", None)
                if callable(clear):
                    clear()
