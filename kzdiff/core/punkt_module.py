"""NLTK's Punkt module, imported without the rest of NLTK.

kzdiff uses one module of NLTK: ``nltk.tokenize.punkt``. Importing it the usual way runs
``nltk/__init__.py`` first, which imports most of NLTK (parsers, corpora readers,
translation metrics, NumPy through them): 0.2-0.4 s on every start of the program, more
than the whole comparison of two articles. Punkt itself needs a handful of NLTK's modules
(``nltk.probability``, ``nltk.tokenize.api``, ``nltk.pathsec`` ...).

So :func:`load_punkt` imports the module with the two packages above it, ``nltk`` and
``nltk.tokenize``, standing in as plain namespace modules (their directories, not their
initialisers): Python then loads only what Punkt imports. Afterwards every NLTK module so
loaded is taken out of ``sys.modules`` again. Kzdiff keeps the module object (and its
functions keep what they imported); any later ``import nltk`` in the process, by a test
or a plug-in, gets the whole package, imported the normal way. If NLTK is already
imported, or the short way fails on some other NLTK layout, the usual import is used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types

PACKAGES = ("nltk", "nltk.tokenize")
MODULE = "nltk.tokenize.punkt"
#: one import at a time: the window loads its two texts in worker threads, and one
#: thread's clean-up must not take out what another is importing
_LOCK = threading.Lock()


def load_punkt() -> types.ModuleType:
    """The ``nltk.tokenize.punkt`` module (see the module docstring)."""
    with _LOCK:
        return _load()


def _load() -> types.ModuleType:
    if PACKAGES[0] in sys.modules:  # NLTK is imported already: nothing to save
        return importlib.import_module(MODULE)
    try:
        return _without_package_inits()
    except Exception:  # another layout of NLTK: the usual import, whatever it costs
        return importlib.import_module(MODULE)


def _without_package_inits() -> types.ModuleType:
    before = set(sys.modules)
    try:
        for name in PACKAGES:
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                raise ImportError(f"{name} is not a package")
            stand_in = types.ModuleType(name)
            stand_in.__path__ = list(spec.submodule_search_locations)
            sys.modules[name] = stand_in
        return importlib.import_module(MODULE)
    finally:
        # (also on failure: a half-imported NLTK must not be found by the usual import)
        for name in set(sys.modules) - before:
            if name == PACKAGES[0] or name.startswith(PACKAGES[0] + "."):
                del sys.modules[name]
