"""kzdiff: a sentence-level diff of two prose articles.

``compare_texts(left, right)`` and ``compare_files(left_path, right_path)`` return a
:class:`Comparison`; ``Comparison.to_dict()`` is the ``kzdiff/1`` JSON of ``kzdiff --json``.
"""

from __future__ import annotations

from .core import Comparison, Kind, LoadError, compare_files, compare_texts

__version__ = "0.1.0"

__all__ = ["Comparison", "Kind", "LoadError", "__version__", "compare_files", "compare_texts"]
