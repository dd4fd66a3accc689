"""Punkt imported without the rest of NLTK (kzdiff.core.punkt_module): the same tokenizer,
none of NLTK's package initialisers run, and NLTK whole still importable afterwards."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from kzdiff.core import punkt_module

TEXT = "Gov. Smith met Sen. Jones at 10 a.m. in the U.S. capital. He left. Mr. Doe? Yes."


def run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (where NLTK is not imported yet); its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_punkt_loads_without_nltk_s_initialisers_and_nltk_still_imports_whole() -> None:
    out = run(
        f"""
        import sys
        from kzdiff.core.punkt_module import load_punkt
        punkt = load_punkt()
        print(sorted(m for m in sys.modules if m == "nltk" or m.startswith("nltk.")))
        print("numpy" in sys.modules, "nltk.corpus" in sys.modules)
        params = punkt.PunktParameters()
        params.abbrev_types = {{"gov", "sen", "a.m", "u.s", "mr"}}
        light = list(punkt.PunktSentenceTokenizer(params).span_tokenize({TEXT!r}))
        import nltk  # the whole package, imported the usual way
        from nltk.tokenize.punkt import PunktSentenceTokenizer
        print(nltk.probability.FreqDist.__name__, nltk.corpus.__name__)
        print(PunktSentenceTokenizer is not punkt.PunktSentenceTokenizer)
        print(light == list(PunktSentenceTokenizer(params).span_tokenize({TEXT!r})), light)
        """
    )
    lines = out.splitlines()
    assert lines[0] == "[]"  # nothing of NLTK left in sys.modules ...
    assert lines[1] == "False False"  # ... and NumPy and the corpora never imported
    assert lines[2] == "FreqDist nltk.corpus"
    assert lines[3] == "True"
    assert lines[4] == "True [(0, 57), (58, 66), (67, 75), (76, 80)]"


def test_a_failed_short_import_leaves_nothing_behind_and_the_usual_import_is_used() -> None:
    out = run(
        """
        import importlib.util, sys
        real = importlib.util.find_spec
        def find_spec(name, *a, **k):  # an NLTK whose tokenize is no package
            return None if name == "nltk.tokenize" else real(name, *a, **k)
        importlib.util.find_spec = find_spec
        from kzdiff.core.punkt_module import load_punkt
        punkt = load_punkt()
        print(punkt.__name__, punkt is sys.modules["nltk.tokenize.punkt"])
        print("nltk.corpus" in sys.modules)  # NLTK imported whole, its initialiser run
        """
    )
    assert out.splitlines() == ["nltk.tokenize.punkt True", "True"]


def test_with_nltk_imported_already_its_own_module_is_used() -> None:
    import nltk.tokenize.punkt

    assert punkt_module.load_punkt() is nltk.tokenize.punkt


def test_threads_loading_punkt_at_once_all_get_a_working_module() -> None:
    out = run(
        """
        import sys, threading
        from kzdiff.core.punkt_module import load_punkt
        got, errors = [], []
        def load():
            try:
                punkt = load_punkt()
                got.append(list(punkt.PunktSentenceTokenizer().span_tokenize("One. Two.")))
            except Exception as e:
                errors.append(repr(e))
        threads = [threading.Thread(target=load) for _ in range(6)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(errors, got.count([(0, 4), (5, 9)]))
        print("nltk.corpus" in sys.modules)
        """
    )
    assert out.splitlines() == ["[] 6", "False"]
